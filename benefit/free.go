package benefit

import (
	"github.com/promokit/promokit/promo"
)

// freeUnits is "leve N pague M": in every group of buy units, free of them
// cost nothing.
type freeUnits struct {
	buy, free int64
}

// FreeUnits gives free units of every group of buy eligible units ("leve 3
// pague 2" is FreeUnits(3, 1)). Units are grouped from the most expensive
// down and, with Lowest or All, the cheapest units of each group are free;
// with Highest, the most expensive. Requires 1 <= free < buy.
func FreeUnits(buy, free int64) Benefit { return freeUnits{buy, free} }

func (freeUnits) sealed()            {}
func (freeUnits) Phase() promo.Phase { return promo.PhaseItem }

func (b freeUnits) Apply(v *promo.View, s Scope) promo.Proposal {
	lines := valued(v, s.Lines)
	if len(lines) == 0 {
		return promo.NotEligible(noEligible())
	}
	pl := plan{group: b.buy, pick: b.free, fromTop: s.Select == Highest, maxReps: s.MaxRepetitions, maxUnits: s.MaxUnits, maxTaken: s.MaxTaken}
	sel := selectUnits(v, lines, pl)
	if sel.groups == 0 {
		return promo.NotEligible(sel.short)
	}
	p := sel.proposal(s, pl.grouped())
	capped := false
	item{kind: free}.proposePicked(&p, sel.picked, &capped)
	return p
}
