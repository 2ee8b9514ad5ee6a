package refund

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// workPlaces is the precision of intermediate divisions before the one
// rounding to cents, the same as the engine's.
const workPlaces = 12

// worth returns what the first k of q units of a line with net n are
// worth: whole units split n in cents by largest remainder (the first
// units take the extra cents); a weighed line is prorated and rounded down,
// all of it when everything returns.
func worth(n, q, k decimal.Decimal, weighed bool) decimal.Decimal {
	switch {
	case k.Sign() <= 0:
		return decimal.Zero
	case k.Equal(q):
		return n
	case weighed || !q.IsInteger():
		return n.Mul(k).DivRound(q, workPlaces).Truncate(money.CentPlaces)
	}
	// Largest remainder over equal weights, in closed form: every unit gets
	// the floor of n / q in cents, the first n mod q units a cent more.
	cents := n.Shift(money.CentPlaces).IntPart()
	units, first := q.IntPart(), k.IntPart()
	each, extra := cents/units, cents%units
	return decimal.New(first*each+min(first, extra), -money.CentPlaces)
}

// effectiveNets returns each line's net with the discounts of grouped
// promotions shared among their participants by gross value.
func effectiveNets(sale promo.Result) []decimal.Decimal {
	index := lineIndex(sale)
	disc := make([]decimal.Decimal, len(sale.Lines))
	for i, l := range sale.Lines {
		disc[i] = l.Discount
	}
	for _, app := range sale.Applied {
		if len(app.Participants) == 0 {
			continue
		}
		if next, ok := shareGroup(sale, index, disc, app); ok {
			disc = next
		} // otherwise the discount stays where it landed
	}
	nets := make([]decimal.Decimal, len(sale.Lines))
	for i, l := range sale.Lines {
		nets[i] = l.Gross.Sub(disc[i])
	}
	return nets
}

// shareGroup returns the lines' discounts disc with app's discount shared
// among its participants by gross value, and false when that would take a
// line below zero.
func shareGroup(sale promo.Result, index map[string]int, disc []decimal.Decimal, app promo.Application) ([]decimal.Decimal, bool) {
	next := append([]decimal.Decimal(nil), disc...)
	total := decimal.Zero
	var lines []int
	var weights []decimal.Decimal
	for _, pt := range app.Participants {
		i, ok := index[pt.Line]
		if !ok {
			continue
		}
		l := sale.Lines[i]
		for _, a := range l.Adjustments {
			if a.Campaign == app.Campaign {
				total = total.Add(a.Amount)
				next[i] = next[i].Sub(a.Amount)
			}
		}
		lines = append(lines, i)
		weights = append(weights, share(l.Gross, pt.Units, l.Quantity))
	}
	ok := true
	for k, sh := range promo.Apportion(total, weights) {
		i := lines[k]
		next[i] = next[i].Add(sh)
		ok = ok && next[i].LessThanOrEqual(sale.Lines[i].Gross)
	}
	return next, ok
}

// share returns whole × part / of at working precision (whole when part
// equals of).
func share(whole, part, of decimal.Decimal) decimal.Decimal {
	if part.Equal(of) {
		return whole
	}
	if of.IsZero() {
		return decimal.Zero
	}
	return whole.Mul(part).DivRound(of, workPlaces)
}
