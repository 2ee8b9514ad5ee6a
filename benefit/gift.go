package benefit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

type gift struct {
	quantity  int64
	options   []string
	reference decimal.Decimal // reference price of a unit; zero: none
}

// GiftProducts grants quantity units of a gift (brinde) per occurrence, one
// of the product codes in options, chosen by the operator. Occurrences are
// formed like other item benefits: groups of the campaign's minimum
// quantity (capped by its repetitions), or one when it has none. Gift
// units already in the cart are zeroed: the most expensive first (the
// scope's Select, Highest by default; Lowest takes the cheapest), ties by
// line id; the rest come back in Result.Gifts as units to add.
//
// A gift is the free member of its occurrence: the units zeroed, and with
// a minimum quantity of two or more the units bought for it, are grouped
// (see promo.UnitRun) and only units no other grouped occurrence took
// count and can be the gift.
func GiftProducts(quantity int64, options ...string) Benefit {
	return gift{quantity: quantity, options: slices.Clone(options)}
}

// GiftProductsWorth is GiftProducts with a reference price: what one unit
// of the gift is worth to the customer when none of its options is in the
// cart, for comparing non-cumulative campaigns (the best benefit).
func GiftProductsWorth(quantity int64, reference decimal.Decimal, options ...string) Benefit {
	return gift{quantity: quantity, options: slices.Clone(options), reference: reference}
}

func (gift) sealed()            {}
func (gift) Phase() promo.Phase { return promo.PhaseItem }

// IsGiftLine reports whether line l is one of benefit b's gift options: such
// lines are the gift itself and do not count toward the campaign's rules.
func IsGiftLine(b Benefit, l *promo.Line) bool {
	g, ok := b.(gift)
	return ok && l.ProductCode != "" && slices.Contains(g.options, l.ProductCode)
}

func (b gift) Apply(v *promo.View, s Scope) promo.Proposal {
	occ, buying, short := b.occurrences(v, s)
	if occ == 0 {
		return promo.NotEligible(short)
	}
	grouped := s.GroupSize >= 2
	p := promo.Proposal{Eligible: true}
	if s.MaxRepetitions > 0 && occ > int64(s.MaxRepetitions) {
		occ = int64(s.MaxRepetitions)
		p.Reasons = append(p.Reasons, capReason(s.MaxRepetitions))
	}
	need := occ * b.quantity
	if c := capOf(s); c > 0 {
		need = min(need, c)
	}
	p.Occurrences, p.Units = int(occ), need
	if grouped {
		// The units bought for the gifts take part in their occurrences.
		sel := selectUnits(v, buying, plan{group: s.GroupSize, pick: 1, fromTop: true, maxReps: int(occ)})
		p.Grouped = sel.members
	}
	lowest := s.Select == Lowest
	g := promo.Gift{Options: slices.Clone(b.options), Quantity: need}
	left := need
	for _, r := range b.runs(v, lowest) {
		if left == 0 {
			break
		}
		k := min(left, r.Units)
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: r.Line, Kind: promo.GiftUnits,
			Amount: r.Each.Mul(decimal.NewFromInt(k)), Run: r.Run, Units: k})
		p.Grouped = append(p.Grouped, promo.RunUnits{Line: r.Line, Run: r.Run, Units: k})
		if id := v.Line(r.Line).ID; !slices.Contains(g.InCart, id) {
			g.InCart = append(g.InCart, id)
		}
		left -= k
	}
	g.ToAdd = left
	if left > 0 {
		p.Worth = b.worth(v, lowest).Mul(decimal.NewFromInt(left))
		p.Reasons = append(p.Reasons, promo.Reason{Code: promo.ReasonGiftToAdd,
			PT: fmt.Sprintf("brinde a incluir na venda: %d %s", left, plural(int(left), "unidade", "unidades")),
			EN: fmt.Sprintf("gift to add to the sale: %d %s", left, plural(int(left), "unit", "units"))})
	}
	p.Gifts = []promo.Gift{g}
	return p
}

// occurrences counts the gift's occurrences: one, or with a minimum
// quantity (s.GroupSize) one per so many units bought, the gift options'
// lines aside (ungrouped units only when the occurrences are groups); it
// returns the lines bought, and why there is none when 0.
func (b gift) occurrences(v *promo.View, s Scope) (occ int64, buying []int, short promo.Reason) {
	if s.GroupSize <= 0 {
		return 1, nil, promo.Reason{}
	}
	grouped := s.GroupSize >= 2
	var units int64
	for _, i := range s.Lines {
		l := v.Line(i)
		if !l.Countable() || IsGiftLine(b, l) {
			continue
		}
		buying = append(buying, i)
		if grouped {
			units += v.UngroupedUnits(i)
		} else {
			units += l.Quantity.IntPart()
		}
	}
	occ = units / s.GroupSize
	if occ == 0 {
		short = promo.Reason{Code: promo.ReasonMinQuantity,
			PT: "quantidade mínima não atingida para o brinde", EN: "minimum quantity for the gift not reached",
			Missing: shortOf(v, buying, s.GroupSize-units)}
	}
	return occ, buying, short
}

// runs returns the gift units in the cart: the runs of the options' lines
// that still cost something and no grouped occurrence took, the most
// expensive first (the cheapest with lowest), ties by line id.
func (b gift) runs(v *promo.View, lowest bool) []promo.UnitRun {
	var runs []promo.UnitRun
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); IsGiftLine(b, l) && l.Countable() {
			runs = v.AppendRuns(runs, i)
		}
	}
	runs = slices.DeleteFunc(runs, func(r promo.UnitRun) bool { return r.Each.Sign() <= 0 || r.Grouped })
	slices.SortStableFunc(runs, func(a, c promo.UnitRun) int {
		price := c.Each.Cmp(a.Each) // the dearest first
		if lowest {
			price = -price
		}
		return cmp.Or(price, cmp.Compare(v.Rank(a.Line), v.Rank(c.Line)), cmp.Compare(a.Run, c.Run))
	})
	return runs
}

// worth is what one gift unit still to add is worth to the customer: the
// unit price of an option in the cart (the dearest, or the cheapest with
// lowest), else the reference price.
func (b gift) worth(v *promo.View, lowest bool) decimal.Decimal {
	found := false
	best := decimal.Zero
	for i := 0; i < v.Len(); i++ {
		l := v.Line(i)
		if !IsGiftLine(b, l) {
			continue
		}
		if !found || (lowest && l.UnitPrice.LessThan(best)) || (!lowest && l.UnitPrice.GreaterThan(best)) {
			best, found = l.UnitPrice, true
		}
	}
	if found {
		return best
	}
	return b.reference
}
