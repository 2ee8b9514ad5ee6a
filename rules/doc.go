// Package rules holds the eligibility predicates of campaigns (regras de
// ativação): conditions on the cart's products, customer, payment and
// context combined with AND or OR, and the thresholds (minimum quantity,
// minimum value) measured over the lines a campaign selects.
//
// The index of the package:
//
//   - A rule: a [Condition], a sealed interface whose check gives an
//     [Outcome] (whether it holds, the lines it selects, why not).
//   - Products: [ProductCode], [SKU], [NCM], [Category], [Brand],
//     [Manufacturer], [ProductLine], [Family], [Role] and [ProductGroup]
//     (a [Field] and its values) — which lines match, and whether any or
//     all of the values must be in the cart ([Require]: [RequireAny],
//     [RequireAll]; [ParseRequire]).
//   - The customer: [TaxIDIn], [AgeBetween], [SexIs], [TierIn],
//     [CustomerGroup], [UsesAgenda], [LGPDConsent], [CapturedField]
//     ([IsCapturedField]); [Birthday] (a [BirthdayPeriod] — day, week or
//     month — and a [Relative] one: previous, current, next; tolerance).
//   - Payment: [Tenders], [CardBIN].
//   - The sale's context: [FirstPurchase], [SaleCategoryIn], [StoreIn],
//     [DeliveryMethodIn].
//   - Codes: [PromoCode], [PromoCodeIn], [GenerateCodes] and
//     [GeneratedCodes], a [NumberedSet] (codes checked by their
//     construction), issued codes ([IssueCode], [IssuedCode],
//     [IssuedValidity]); [Redeemed] and [RedeemsCodes] say which codes a
//     sale uses; [NormalizeCode]. A wrong or used code gets one opaque
//     reason ([ReasonPromoCode]).
//   - Combining: [All] and [Any], the AND and OR of conditions.
//   - Thresholds: a [Threshold], [MinQuantity] or [MinValue], over the
//     whole [Units] of the selected lines or their value.
//
// A failed check is not an error: it comes back as a [promo.Reason] with a
// stable code (rule_failed, min_quantity_not_reached, min_value_not_reached)
// and messages in pt-BR and English.
package rules
