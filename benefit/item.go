package benefit

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
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

// off returns the discount on units units that cost each apiece, and
// whether a fixed amount off had to be capped at what they cost.
func (b item) off(each decimal.Decimal, units int64) (decimal.Decimal, bool) {
	n := decimal.NewFromInt(units)
	switch b.kind {
	case percentOff:
		return each.Mul(n).Mul(b.value).DivRound(decimal.NewFromInt(100), 12), false
	case amountOff:
		if b.value.GreaterThan(each) {
			return each.Mul(n), true
		}
		return b.value.Mul(n), false
	case finalPrice:
		return decimal.Max(decimal.Zero, each.Sub(b.value)).Mul(n), false
	default:
		return each.Mul(n), false
	}
}

// proposeLine adds the discount on every unit of line i to p: on a line
// whose units are alike (or weighed), one amount off the line; otherwise
// one piece per run, each unit discounted on what it still costs.
func (b item) proposeLine(p *promo.Proposal, v *promo.View, i int, capped *bool) {
	var runs []promo.UnitRun
	if b.kind != percentOff { // a percent is the same on every unit: one amount off the line
		runs = v.Runs(i)
	}
	if len(runs) <= 1 {
		var d decimal.Decimal
		var c bool
		q := v.Line(i).Quantity
		worth := v.Value(i)
		switch b.kind {
		case percentOff:
			d = worth.Mul(b.value).DivRound(decimal.NewFromInt(100), 12)
		case amountOff:
			d = q.Mul(b.value)
			if d.GreaterThan(worth) {
				d, c = worth, true
			}
		case finalPrice:
			d = decimal.Max(decimal.Zero, worth.Sub(q.Mul(b.value)))
		default:
			d = worth
		}
		*capped = *capped || c
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: b.adjustmentKind(), Amount: d})
		return
	}
	for _, r := range runs {
		if r.Each.Sign() <= 0 {
			continue
		}
		d, c := b.off(r.Each, r.Units)
		*capped = *capped || c
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: b.adjustmentKind(), Amount: d, Run: r.Run, Units: r.Units})
	}
}

// proposePicked adds the discount on the picked units to p, one piece per
// run.
func (b item) proposePicked(p *promo.Proposal, picks []picked, capped *bool) {
	for _, u := range picks {
		d, c := b.off(u.each, u.units)
		*capped = *capped || c
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: u.line, Kind: b.adjustmentKind(), Amount: d, Run: u.run, Units: u.units})
	}
}

func (b item) capNote() promo.Reason {
	return promo.Reason{Code: promo.ReasonDiscountCapped,
		PT: "o desconto de R$ " + money.Format(b.value) + " por unidade foi limitado ao preço de unidades mais baratas",
		EN: "the discount of R$ " + b.value.StringFixed(2) + " per unit was capped at the price of cheaper units"}
}

func (b item) Apply(v *promo.View, s Scope) promo.Proposal {
	lines := valued(v, s.Lines)
	if len(lines) == 0 {
		return promo.NotEligible(noEligible())
	}
	if s.TargetQuantity > 0 {
		return b.applyTargeted(v, s)
	}
	if b.kind != free && s.Select == All && s.MaxRepetitions == 0 && !s.CompleteGroups && (capOf(s) == 0 || unitsIn(v, lines) <= capOf(s)) {
		// Every unit of every eligible line, weighed lines included.
		p := promo.Proposal{Eligible: true, Occurrences: 1}
		capped := false
		for _, i := range lines {
			from := len(p.Adjustments)
			b.proposeLine(&p, v, i, &capped)
			if discounts(v, p.Adjustments[from:]) {
				p.Units += UnitsOf(v.Line(i))
			}
		}
		if capped {
			p.Reasons = append(p.Reasons, b.capNote())
		}
		return p
	}
	pl := b.plan(s)
	sel := selectUnits(v, lines, pl)
	if sel.groups == 0 {
		return promo.NotEligible(sel.short)
	}
	p := sel.proposal(s, pl.grouped())
	if s.Select == All && s.MaxRepetitions == 0 && !s.CompleteGroups {
		// Units capped by an item limit, not occurrences: one application.
		p.Occurrences, p.Participants, p.Grouped = 1, nil, nil
	}
	capped := false
	b.proposePicked(&p, sel.picked, &capped)
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
		if g < 1 || (s.MaxRepetitions == 0 && !s.CompleteGroups) {
			g = 1 // without repetitions the minimum quantity only activates
		}
		return plan{group: g, pick: g, fromTop: true, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits, maxTaken: s.MaxTaken}
	case Highest:
		return plan{group: g, pick: max(s.Pick, 1), fromTop: true, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits, maxTaken: s.MaxTaken}
	default:
		return plan{group: g, pick: max(s.Pick, 1), fromTop: false, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits, maxTaken: s.MaxTaken}
	}
}

// capOf is the tighter of the scope's caps on units (0: none), for
// benefits whose units taken are the units that get the benefit.
func capOf(s Scope) int64 { return tighter(s.MaxUnits, s.MaxTaken) }

// CapUnits returns s with MaxUnits at most n (0: no further cap): the
// tighter of the two caps, 0 meaning none.
func (s Scope) CapUnits(n int64) Scope {
	s.MaxUnits = tighter(s.MaxUnits, n)
	return s
}

// tighter returns the tighter of two limits, 0 meaning none.
func tighter(a, b int64) int64 {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	}
	return min(a, b)
}

// unitsIn counts the lines' units for item limits.
func unitsIn(v *promo.View, lines []int) int64 {
	var n int64
	for _, i := range lines {
		n += UnitsOf(v.Line(i))
	}
	return n
}

// discounts reports whether the pieces proposed on one line come to at
// least a cent once rounded: a line whose discount rounds to nothing (a
// gram of a weighed product at R$ 0,01 off per kilogram) got no benefit,
// and no item limit or budget of units counts it.
func discounts(v *promo.View, pieces []promo.Proposed) bool {
	sum := decimal.Zero
	for _, a := range pieces {
		sum = sum.Add(a.Amount)
	}
	return v.Round(sum).IsPositive()
}
