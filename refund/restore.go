package refund

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// restored returns the cashback that paid for the quantities q, whose
// refund is refunded: as a discount, the lines' cashback adjustments in
// proportion to the units returned; as a tender, the tender in proportion
// to the refund.
func restored(sale promo.Result, q []decimal.Decimal, refunded decimal.Decimal) decimal.Decimal {
	r := decimal.Zero
	for i, l := range sale.Lines {
		for _, a := range l.Adjustments {
			if a.Kind == promo.CashbackRedemption {
				r = r.Add(worth(a.Amount, l.Quantity, q[i], l.Weighed))
			}
		}
	}
	for _, t := range sale.Tenders {
		if t.Kind == "cashback" && sale.Totals.Net.Sign() > 0 {
			r = r.Add(t.Amount.Mul(refunded).DivRound(sale.Totals.Net, workPlaces).Truncate(money.CentPlaces))
		}
	}
	return r
}

// restoreEvents spreads what returns give back over the credits the sale
// redeemed, in proportion to what each gave: the cumulative amount after
// this return and the one before it are each spread, and each credit gets
// the difference, so successive returns never give a credit more than it
// gave.
func restoreEvents(sale promo.Result, before, after decimal.Decimal, returned []decimal.Decimal) []promo.Event {
	if after.Sub(before).Sign() <= 0 {
		return nil
	}
	var used []promo.Event
	var weights []decimal.Decimal
	for _, e := range sale.Events {
		if e.Kind == promo.EventCashbackRedeemed {
			used = append(used, e)
			weights = append(weights, e.Amount)
		}
	}
	tag := returnTag(sale, returned)
	var out []promo.Event
	for k, sh := range creditDeltas(before, after, weights) {
		if sh.Sign() > 0 {
			e := used[k]
			out = append(out, promo.Event{ID: promo.EventID(sale.CartID, promo.EventCashbackRestored.String(), e.ID, tag),
				Kind: promo.EventCashbackRestored, Campaign: e.Campaign, Customer: e.Customer, Credit: e.Credit, Amount: sh, Reverses: e.ID})
		}
	}
	return out
}

// creditDeltas returns what each credit of weights gets back when what
// returns give back grows from before to after.
func creditDeltas(before, after decimal.Decimal, weights []decimal.Decimal) []decimal.Decimal {
	was, will := promo.Apportion(before, weights), promo.Apportion(after, weights)
	deltas := make([]decimal.Decimal, len(will))
	monotone := true
	for k := range will {
		deltas[k] = will[k].Sub(was[k])
		monotone = monotone && deltas[k].Sign() >= 0
	}
	if monotone {
		return deltas
	}
	// Largest remainder is not monotone in the total: spread this return's
	// part over what each credit can still get back instead.
	room := make([]decimal.Decimal, len(weights))
	for k := range room {
		room[k] = weights[k].Sub(was[k])
	}
	return promo.Apportion(after.Sub(before), room)
}
