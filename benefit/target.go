package benefit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/promokit/promokit/promo"
)

// applyTargeted gives an item benefit per occurrence of s.GroupSize
// qualifying units (of s.Lines) and s.TargetQuantity target units (of
// s.Target): "compre 2 de X, leve 1 de Y com 50 %". Units are whole units
// that still cost something and, when an occurrence takes two or more,
// that no other grouped occurrence took; a unit takes part in one
// occurrence only, as a buyer or as a target.
//
// A line both qualifying and targeted holds units that can be either. The
// occurrences are as many as the units allow: k units of each side need
// M·k qualifying and N·k target units, the lines only one side can use
// first. The qualifying units taken are the dearest; the target units the
// cheapest (Lowest, the default) or the dearest (Highest) of the target's
// own lines, then, when they are not enough, of the shared lines, where
// the buyers took the dearest. All of it is worked out on runs of alike
// units, in closed form.
func (b item) applyTargeted(v *promo.View, s Scope) promo.Proposal {
	m, n := max(s.GroupSize, 0), s.TargetQuantity
	grouped := m+n >= 2
	qOnly, tOnly, shared := sides(s.Lines, s.Target)
	cq, ct, cs := AvailableRuns(v, qOnly, grouped), AvailableRuns(v, tOnly, grouped), AvailableRuns(v, shared, grouped)
	q, t, sh := UnitsIn(cq), UnitsIn(ct), UnitsIn(cs)
	var k int64
	switch {
	case m == 0:
		// Qualifying is the rules' and thresholds' business: one
		// occurrence of the target's units.
		if t+sh >= n {
			k = 1
		}
	default:
		k = min((q+t+sh)/(m+n), (q+sh)/m, (t+sh)/n)
	}
	if k == 0 {
		return promo.NotEligible(promo.Reason{Code: promo.ReasonMinQuantity,
			PT: fmt.Sprintf("cada ocorrência precisa de %d %s elegíveis e %d do alvo: há %d e %d", m, plural(int(m), "unidade", "unidades"), n, q+sh, t+sh),
			EN: fmt.Sprintf("each occurrence needs %d eligible %s and %d of the target: there are %d and %d", m, plural(int(m), "unit", "units"), n, q+sh, t+sh)})
	}
	var p promo.Proposal
	if s.MaxRepetitions > 0 && k > int64(s.MaxRepetitions) {
		k = int64(s.MaxRepetitions)
		p.Reasons = append(p.Reasons, capReason(s.MaxRepetitions))
	}
	if s.MaxTaken > 0 && k*(m+n) > s.MaxTaken {
		k = s.MaxTaken / (m + n)
		if k == 0 {
			return promo.NotEligible(limitReached(s.MaxTaken, m+n))
		}
		p.Reasons = append(p.Reasons, limitTaken(k*(m+n)))
	}
	nq, nt := m*k, n*k
	a1 := min(q, nq)
	a2 := nq - a1
	b1 := min(t, nt)
	b2 := nt - b1
	buyers := append(positions(cq, 0, a1), positions(cs, 0, a2)...)
	var targets []picked
	if s.Select == Highest {
		targets = append(positions(ct, 0, b1), positions(cs, a2, a2+b2)...)
	} else {
		targets = append(positions(ct, t-b1, t), positions(cs, sh-b2, sh)...)
	}
	p.Eligible, p.Occurrences, p.Units, p.Taken = true, int(k), nt, nq+nt
	capped := false
	b.proposePicked(&p, targets, &capped)
	if capped {
		p.Reasons = append(p.Reasons, b.capNote())
	}
	members := append(slices.Clone(buyers), targets...)
	slices.SortStableFunc(members, func(a, c picked) int { return cmp.Compare(a.line, c.line) })
	takeMembers(&p, members, grouped)
	return p
}

// sides splits a targeted benefit's lines into those only qualifying
// (lines), those only targeted (target) and those both, each in the order
// given.
func sides(lines, target []int) (qOnly, tOnly, shared []int) {
	inQ := make(map[int]bool, len(lines))
	for _, i := range lines {
		inQ[i] = true
	}
	inT := make(map[int]bool, len(target))
	for _, i := range target {
		inT[i] = true
		if inQ[i] {
			shared = append(shared, i)
		} else {
			tOnly = append(tOnly, i)
		}
	}
	for _, i := range lines {
		if !inT[i] {
			qOnly = append(qOnly, i)
		}
	}
	return qOnly, tOnly, shared
}

// takeMembers records the units of an occurrence's members (by line) as
// the proposal's participants, and as grouped when grouped.
func takeMembers(p *promo.Proposal, members []picked, grouped bool) {
	for _, u := range members {
		if grouped {
			p.Grouped = append(p.Grouped, promo.RunUnits{Line: u.line, Run: u.run, Units: u.units})
		}
		if n := len(p.Participants); n > 0 && p.Participants[n-1].Line == u.line {
			p.Participants[n-1].Units += u.units
		} else {
			p.Participants = append(p.Participants, promo.Participant{Line: u.line, Units: u.units})
		}
	}
}

// UnitsIn adds up the units of runs.
func UnitsIn(runs []promo.UnitRun) int64 {
	var n int64
	for _, r := range runs {
		n += r.Units
	}
	return n
}

// positions returns the units at positions [from, to) of runs lined up as
// given, as pieces of runs.
func positions(runs []promo.UnitRun, from, to int64) []picked {
	var out []picked
	var start int64
	for _, r := range runs {
		end := start + r.Units
		if k := overlap(start, end, from, to); k > 0 {
			out = append(out, picked{line: r.Line, run: r.Run, units: k, each: r.Each})
		}
		start = end
	}
	return out
}
