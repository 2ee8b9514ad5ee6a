// Package refund values returns (devoluções) of goods of a past sale
// against the sale's [promo.Result], and takes back what the sale earned.
//
// One pure call per return:
//
//	r, err := refund.Of(sale, earlier, now)
//
// The index of the package:
//
//   - What comes back: [Returned], a quantity of one line of the sale;
//     earlier returns of the same sale are passed again so that nothing is
//     refunded twice.
//   - What it is worth: [Of] and its [Result] — one [Line] per returned
//     line, the [Result.Total], the cashback [Result.Restored] to the
//     wallet and the [Result.Money] given back, and the reversal events
//     ([promo.EventCashbackReversed], [promo.EventPointsReversed],
//     [promo.EventCashbackRestored]).
//   - Problems: a [*promo.ValidationError] naming each returned quantity
//     that does not fit the sale.
//
// The refunds of all the returns of a sale add up exactly to what the
// customer paid for its lines; see [Of] for how a unit's worth is shared.
package refund
