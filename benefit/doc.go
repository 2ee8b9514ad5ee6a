// Package benefit computes what a customer gets from a campaign whose rules
// hold: a discount on the sale (percent or amount, apportioned to lines),
// on items (percent off, amount off per unit, final unit price, free units
// as in "leve 3 pague 2") or on the freight, given to every eligible unit,
// to the highest-priced or to the lowest-priced.
//
// The index of the package:
//
//   - What a campaign gives: a [Benefit], a sealed interface, applied to
//     the [Scope] its rules selected: the lines, how units form
//     occurrences and which get the benefit ([Selection]: [All],
//     [Highest], [Lowest]; [ParseSelection]); [Scope.CapUnits] tightens
//     its cap of units.
//   - On the sale (desconto na venda): [SalePercent], [SaleAmount];
//     [SpreadAmount] apportions an amount over lines for other families.
//   - On items (desconto no item): [ItemPercent], [ItemAmountOff],
//     [ItemFinalPrice]; [FreeUnits] (leve N pague M); [Progressive]
//     (progressivo: each [Tier] from a quantity); [AgePercent]
//     (benefício Cliente: by the customer's age); [PercentGrid] (a percent
//     per attribute, each [GridRow]).
//   - On the freight: [FreightPercent], [FreightAmountOff], [FreightPrice].
//   - Gifts (brinde): [GiftProducts], [GiftProductsWorth], with options;
//     [IsGiftLine] tells a gift's line.
//   - Nothing (não possui benefícios): [None].
//   - Units: [AvailableRuns], the runs a grouped promotion may take,
//     [UnitsIn] and [UnitsOf] count them.
//   - Why a benefit gave less or nothing: [ReasonLimitUnits],
//     [ReasonLimitReached], [ReasonAgeUnknown], [ReasonAgePercent],
//     [ReasonNoFreight].
//
// Amounts are proposed at working precision; the kernel rounds each line's
// adjustment once to cents and caps it at what the line still costs.
package benefit
