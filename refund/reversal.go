package refund

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// reversals takes back cashback and points. An earning with weights is
// taken back in proportion to the returned part of the lines it came from
// (quantity returned over quantity sold, weighted); one without, in
// proportion to the refunded share of the sale's net. Amounts are
// truncated (cents, whole points); when everything it came from is back,
// the rest is taken.
func reversals(sale promo.Result, refBefore, refAfter decimal.Decimal, returned, earlier []decimal.Decimal) []promo.Event {
	s := earnings{sale: sale, index: lineIndex(sale)}
	tag := returnTag(sale, returned)
	var out []promo.Event
	for _, e := range sale.Events {
		var kind promo.EventKind
		var total decimal.Decimal
		var places int32
		switch e.Kind {
		case promo.EventCashbackEarned:
			kind, total, places = promo.EventCashbackReversed, e.Amount, money.CentPlaces
		case promo.EventPoints:
			kind, total, places = promo.EventPointsReversed, e.Points, 0
		default:
			continue
		}
		if total.Sign() <= 0 {
			continue
		}
		took := s.taken(e, total, places, earlier, refBefore)
		back := s.taken(e, total, places, returned, refAfter).Sub(took)
		if back.Sign() <= 0 {
			continue
		}
		rev := promo.Event{
			ID:   promo.EventID(sale.CartID, kind.String(), e.ID, tag),
			Kind: kind, Campaign: e.Campaign, Customer: e.Customer,
			Program: e.Program, Professional: e.Professional, Reverses: e.ID,
		}
		if kind == promo.EventCashbackReversed {
			rev.Amount = back
		} else {
			rev.Points = back
		}
		out = append(out, rev)
	}
	return out
}

// earnings is a sale whose earnings returns take back.
type earnings struct {
	sale  promo.Result
	index map[string]int
}

// taken returns how much of an earning e of total (to places) the
// returned quantities q, refunded in all, take back: total × the fraction
// truncated, or all of it when everything it came from is back.
func (s earnings) taken(e promo.Event, total decimal.Decimal, places int32, q []decimal.Decimal, refunded decimal.Decimal) decimal.Decimal {
	f, all := s.fraction(e, q, refunded)
	if all {
		return total
	}
	return part(total, f, places)
}

// fraction returns, as an exact rational, the share of an earning that
// the returned quantities q take back, and whether that is all of it.
func (s earnings) fraction(e promo.Event, q []decimal.Decimal, refunded decimal.Decimal) (*big.Rat, bool) {
	sale := s.sale
	if len(e.Weights) == 0 {
		all := true
		for i, l := range sale.Lines {
			all = all && q[i].Equal(l.Quantity)
		}
		if sale.Totals.Net.Sign() <= 0 {
			return new(big.Rat), all
		}
		return new(big.Rat).Quo(refunded.Rat(), sale.Totals.Net.Rat()), all
	}
	num, den, all := new(big.Rat), new(big.Rat), true
	for _, w := range e.Weights {
		i, ok := s.index[w.Line]
		if !ok {
			continue
		}
		l := sale.Lines[i]
		den.Add(den, w.Weight.Rat())
		part := new(big.Rat).Mul(w.Weight.Rat(), q[i].Rat())
		num.Add(num, part.Quo(part, l.Quantity.Rat()))
		all = all && q[i].Equal(l.Quantity)
	}
	if den.Sign() <= 0 {
		return new(big.Rat), all
	}
	return num.Quo(num, den), all
}

// part truncates total × f to places, exactly.
func part(total decimal.Decimal, f *big.Rat, places int32) decimal.Decimal {
	x := new(big.Rat).Mul(total.Rat(), f)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(x.Num(), scale)
	n.Quo(n, x.Denom()) // non-negative: truncation is the floor
	return decimal.NewFromBigInt(n, -places)
}
