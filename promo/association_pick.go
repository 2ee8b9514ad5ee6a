package promo

import (
	"slices"

	"github.com/shopspring/decimal"
)

// presentOf returns the members of association a among the candidates
// cum (sorted), in the order the association looks at them.
func (r *Ruleset) presentOf(a *association, cum []int32) []int32 {
	var present []int32
	for _, m := range a.members {
		if _, ok := slices.BinarySearch(cum, m); ok {
			present = append(present, m)
		}
	}
	if a.Criterion == RegistrationOrder {
		// "A primeira campanha registrada na associação, com base em
		// sua prioridade": by priority, then as listed.
		slices.SortStableFunc(present, func(x, y int32) int { return r.infos[x].Priority - r.infos[y].Priority })
	}
	return present
}

// pickMember returns the member of association a that applies, by its
// criterion, among the present members with their trials (-1 when fewer
// than two are present or none applies), and the reasons of the members
// that would not apply.
func pickMember(rs *Ruleset, a *association, present []int32, trials map[int32]assocTrial) (int32, map[int32]TraceEntry) {
	winner, best := int32(-1), decimal.Zero
	own := map[int32]TraceEntry{} // members that would not apply: their own reason
	if len(present) < 2 {
		return winner, own
	}
	for _, m := range present {
		t := trials[m]
		if !t.applied {
			own[m] = t.entry
			continue
		}
		better := false
		switch {
		case winner < 0:
			better = true
		case a.Criterion == LeastBenefit:
			better = t.amount.LessThan(best)
		case a.Criterion == MostBenefit:
			better = t.amount.GreaterThan(best)
		}
		if !better && winner >= 0 && t.amount.Equal(best) && a.Criterion != RegistrationOrder {
			better = lessPriorityID(rs.infos[m], rs.infos[winner])
		}
		if better {
			winner, best = m, t.amount
		}
		if a.Criterion == RegistrationOrder {
			break // members are by priority, then as listed: the first that applies wins
		}
	}
	return winner, own
}

// lostToMember traces, in lost, every present member of association a
// but winner: with its own reason when it would not apply, else as lost
// to the winner.
func lostToMember(rs *Ruleset, a *association, present []int32, winner int32, own, lost map[int32]TraceEntry) {
	w := rs.infos[winner]
	for _, m := range present {
		if m == winner {
			continue
		}
		if e, ok := own[m]; ok {
			lost[m] = e
			continue
		}
		lost[m] = newEntry(rs.infos[m], false, Reason{
			Code: ReasonLostInAssociation,
			PT:   "associação " + a.ID + " (" + a.Criterion.ptName() + "): aplicada a campanha " + w.ID + " (" + w.Name + ")",
			EN:   "association " + a.ID + " (" + a.Criterion.String() + "): campaign " + w.ID + " (" + w.Name + ") applied instead",
		})
	}
}
