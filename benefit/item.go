package benefit

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// itemKind says how an item benefit discounts a unit.
type itemKind uint8

const (
	percentOff itemKind = iota
	amountOff
	finalPrice
	free
)

// item is a discount on units (desconto no item).
type item struct {
	kind  itemKind
	value decimal.Decimal
}

// ItemPercent is p % off each selected unit; p is between 0 and 100.
func ItemPercent(p decimal.Decimal) Benefit { return item{percentOff, p} }

// ItemAmountOff is a fixed amount off each selected unit (per kg on weighed
// lines), never more than the unit still costs.
func ItemAmountOff(a decimal.Decimal) Benefit { return item{amountOff, a} }

// ItemFinalPrice sets each selected unit's price to f ("cada uma sai por
// R$ 25,00"); a unit already cheaper than f is left alone.
func ItemFinalPrice(f decimal.Decimal) Benefit { return item{finalPrice, f} }

func (item) sealed()            {}
func (item) Phase() promo.Phase { return promo.PhaseItem }

func (b item) adjustmentKind() promo.AdjustmentKind {
	if b.kind == free {
		return promo.FreeUnits
	}
	return promo.ItemDiscount
}

// discount returns the discount on k units of line i, and whether a fixed
// amount off had to be capped at what the units still cost.
func (b item) discount(v *promo.View, i int, k decimal.Decimal) (decimal.Decimal, bool) {
	worth := v.ValueOf(i, k)
	switch b.kind {
	case percentOff:
		return worth.Mul(b.value).DivRound(decimal.NewFromInt(100), 12), false
	case amountOff:
		off := k.Mul(b.value)
		if off.GreaterThan(worth) {
			return worth, true
		}
		return off, false
	case finalPrice:
		return decimal.Max(decimal.Zero, worth.Sub(k.Mul(b.value))), false
	default:
		return worth, false
	}
}

// propose adds the discount on k units of line i to p.
func (b item) propose(p *promo.Proposal, v *promo.View, i int, k decimal.Decimal, capped *bool) {
	d, c := b.discount(v, i, k)
	*capped = *capped || c
	p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: b.adjustmentKind(), Amount: d})
}

func (b item) capNote() promo.Reason {
	return promo.Reason{Code: promo.ReasonDiscountCapped,
		PT: "o desconto de R$ " + promo.FormatBRL(b.value) + " por unidade foi limitado ao preço de unidades mais baratas",
		EN: "the discount of R$ " + b.value.StringFixed(2) + " per unit was capped at the price of cheaper units"}
}

func (b item) Apply(v *promo.View, s Scope) promo.Proposal {
	lines := valued(v, s.Lines)
	if len(lines) == 0 {
		return promo.NotEligible(noEligible())
	}
	if b.kind != free && s.Select == All && s.MaxRepetitions == 0 && (s.MaxUnits == 0 || unitsIn(v, lines) <= s.MaxUnits) {
		// Every unit of every eligible line, weighed lines included.
		p := promo.Proposal{Eligible: true, Occurrences: 1}
		capped := false
		for _, i := range lines {
			b.propose(&p, v, i, v.Line(i).Quantity, &capped)
			p.Units += UnitsOf(v.Line(i))
		}
		if capped {
			p.Reasons = append(p.Reasons, b.capNote())
		}
		return p
	}
	sel := selectUnits(v, lines, b.plan(s))
	if sel.groups == 0 {
		return promo.NotEligible(sel.short)
	}
	p := sel.proposal(s)
	if s.Select == All && s.MaxRepetitions == 0 {
		// Units capped by an item limit, not occurrences: one application.
		p.Occurrences, p.Participants = 1, nil
	}
	capped := false
	for _, u := range sel.picked {
		b.propose(&p, v, u.line, decimal.NewFromInt(u.units), &capped)
	}
	if capped {
		p.Reasons = append(p.Reasons, b.capNote())
	}
	return p
}

// plan turns the scope into the unit-selection plan of this benefit.
func (b item) plan(s Scope) plan {
	g := s.GroupSize
	switch s.Select {
	case All:
		if g < 1 || s.MaxRepetitions == 0 {
			g = 1 // without repetitions the minimum quantity only activates
		}
		return plan{group: g, pick: g, fromTop: true, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits}
	case Highest:
		return plan{group: g, pick: max(s.Pick, 1), fromTop: true, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits}
	default:
		return plan{group: g, pick: max(s.Pick, 1), fromTop: false, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits}
	}
}

// unitsIn counts the lines' units for item limits.
func unitsIn(v *promo.View, lines []int) int64 {
	var n int64
	for _, i := range lines {
		n += UnitsOf(v.Line(i))
	}
	return n
}
