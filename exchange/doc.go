// Package exchange says how a campaign treats exchange items (itens de
// troca): goods the customer returns in the same sale, whose value is
// credited against it. The kernel apportions that credit over the sale's
// lines by gross value ([promo.View.ExchangeShare]); each campaign's [Mode]
// then says whether it activates and on which values it computes (the
// Reshop manual, "Vendas com troca").
//
// The index of the package:
//
//   - The modes: [Mode] — [Net], [NoActivation], [Original], [Gross] —
//     and [ParseMode].
//   - What a campaign computes on: [Basis], the view of its mode, or
//     [ReasonExchange] when it does not activate.
//
// With 100.00, 50.00 and 50.00 in the cart and 20.00 of exchange, the
// shares are 10.00, 5.00 and 5.00: a Net campaign computes on 90.00,
// 45.00 and 45.00; a Gross campaign on 100.00, 50.00 and 50.00. Either
// way the 20.00 is credited ([promo.Totals.Exchange]).
package exchange
