package promo

import (
	"fmt"
	"slices"
	"sort"

	"github.com/shopspring/decimal"
)

// Criterion says which campaign of an association applies (critério da
// associação).
type Criterion uint8

const (
	// LeastBenefit applies the campaign that gives the customer the least
	// money (menor benefício ao cliente).
	LeastBenefit Criterion = iota
	// MostBenefit applies the campaign that gives the most money (maior
	// benefício ao cliente).
	MostBenefit
	// RegistrationOrder applies the first campaign of the association
	// that applies, "com base em sua prioridade": by priority (lower
	// first), then in the order the association lists them (ordem de
	// registro).
	RegistrationOrder
	// GrantAll applies every campaign of the association (conceder todos).
	GrantAll
)

// String returns "least_benefit", "most_benefit", "registration_order" or
// "grant_all".
func (c Criterion) String() string {
	switch c {
	case LeastBenefit:
		return "least_benefit"
	case MostBenefit:
		return "most_benefit"
	case RegistrationOrder:
		return "registration_order"
	case GrantAll:
		return "grant_all"
	}
	return fmt.Sprintf("Criterion(%d)", uint8(c))
}

// ParseCriterion parses a criterion name as returned by String.
func ParseCriterion(s string) (Criterion, error) {
	for c := LeastBenefit; c <= GrantAll; c++ {
		if c.String() == s {
			return c, nil
		}
	}
	return 0, fmt.Errorf("unknown criterion %q (want least_benefit, most_benefit, registration_order or grant_all)", s)
}

// ptName is the criterion's name in Portuguese, for messages.
func (c Criterion) ptName() string {
	switch c {
	case LeastBenefit:
		return "menor benefício"
	case MostBenefit:
		return "maior benefício"
	case RegistrationOrder:
		return "ordem de registro"
	}
	return "conceder todos"
}

// Association groups two or more cumulative campaigns of which the
// Criterion picks the one that applies (associação de campanhas).
type Association struct {
	ID        string
	Name      string
	Criterion Criterion
	// Members are campaign ids in registration order.
	Members []string
}

// ReasonLostInAssociation means another campaign of the same association was
// chosen by the association's criterion; the message names it.
const ReasonLostInAssociation ReasonCode = "lost_in_association"

// association is an Association resolved to pipeline indexes.
type association struct {
	Association
	members []int32 // pipeline indexes, in registration order
}

// resolveAssociations checks associations against the promotions.
func (r *Ruleset) resolveAssociations(as []Association) []Problem {
	var problems []Problem
	owner := map[string]string{}
	for i, a := range as {
		p := fmt.Sprintf("associations[%d]", i)
		if len(a.Members) < 2 {
			problems = append(problems, Problem{Path: p + ".campaigns", Reason: "an association needs at least two campaigns"})
		}
		ra := association{Association: a}
		for j, id := range a.Members {
			mp := fmt.Sprintf("%s.campaigns[%d]", p, j)
			pi, ok := r.byID[id]
			switch {
			case !ok:
				problems = append(problems, Problem{Path: mp, Reason: fmt.Sprintf("unknown campaign %q", id)})
			case owner[id] != "":
				problems = append(problems, Problem{Path: mp, Reason: fmt.Sprintf("campaign %q is already in association %q", id, owner[id])})
			case r.infos[pi].Exclusive || r.infos[pi].Optional:
				problems = append(problems, Problem{Path: mp, Reason: fmt.Sprintf("campaign %q is non-cumulative or optional: associations hold cumulative campaigns", id)})
			default:
				owner[id] = a.ID
				ra.members = append(ra.members, pi)
			}
		}
		r.assocs = append(r.assocs, ra)
	}
	return problems
}

// decideAssociations removes from cum, the cumulative candidates in
// pipeline order, the campaigns that lose in their association, and
// returns the trace entries of those losers by pipeline index. Each
// candidate's money is computed by running the pipeline with it as the
// association's only member.
//
// Associations are decided in id order, whatever their order in the file;
// while one is decided, the members of those not decided yet are left out
// of its trial runs, so each decision sees only decided context.
func (ev *evaluation) decideAssociations(cum []int32) ([]int32, map[int32]TraceEntry) {
	lost := map[int32]TraceEntry{}
	order := slices.Clone(ev.rs.assocs)
	sort.Slice(order, func(i, j int) bool { return order[i].ID < order[j].ID })
	for k, a := range order {
		if a.Criterion == GrantAll {
			continue
		}
		var undecided []int32
		for _, later := range order[k+1:] {
			if later.Criterion != GrantAll {
				undecided = append(undecided, later.members...)
			}
		}
		var present []int32
		for _, m := range a.members {
			if slices.Contains(cum, m) {
				present = append(present, m)
			}
		}
		if a.Criterion == RegistrationOrder {
			// "A primeira campanha registrada na associação, com base em
			// sua prioridade": by priority, then as listed.
			slices.SortStableFunc(present, func(x, y int32) int { return ev.rs.infos[x].Priority - ev.rs.infos[y].Priority })
		}
		if len(present) < 2 {
			continue
		}
		winner, best := int32(-1), decimal.Zero
		own := map[int32]TraceEntry{} // members that would not apply: their own reason
		for _, m := range present {
			list := slices.DeleteFunc(slices.Clone(cum), func(x int32) bool {
				return (x != m && slices.Contains(present, x)) || slices.Contains(undecided, x)
			})
			r := ev.run(list)
			amount, applied := r.amountOf(ev.rs.infos[m].ID)
			if !applied {
				own[m] = r.entryOf(m)
				continue
			}
			better := false
			switch {
			case winner < 0:
				better = true
			case a.Criterion == LeastBenefit:
				better = amount.LessThan(best)
			case a.Criterion == MostBenefit:
				better = amount.GreaterThan(best)
			}
			if !better && winner >= 0 && amount.Equal(best) && a.Criterion != RegistrationOrder {
				better = lessPriorityID(ev.rs.infos[m], ev.rs.infos[winner])
			}
			if better {
				winner, best = m, amount
			}
			if a.Criterion == RegistrationOrder {
				break // members are by priority, then as listed: the first that applies wins
			}
		}
		if winner < 0 {
			continue
		}
		w := ev.rs.infos[winner]
		for _, m := range present {
			if m == winner {
				continue
			}
			if e, ok := own[m]; ok {
				lost[m] = e
				continue
			}
			lost[m] = newEntry(ev.rs.infos[m], false, Reason{
				Code: ReasonLostInAssociation,
				PT:   fmt.Sprintf("associação %s (%s): aplicada a campanha %s (%s)", a.ID, a.Criterion.ptName(), w.ID, w.Name),
				EN:   fmt.Sprintf("association %s (%s): campaign %s (%s) applied instead", a.ID, a.Criterion, w.ID, w.Name),
			})
		}
		cum = slices.DeleteFunc(cum, func(x int32) bool { _, gone := lost[x]; return gone })
	}
	return cum, lost
}

// amountOf returns what a campaign gave in the run and whether it applied.
func (r *run) amountOf(id string) (decimal.Decimal, bool) {
	for _, a := range r.apps {
		if a.Campaign == id {
			return a.Amount.Add(a.Freight), true
		}
	}
	return decimal.Zero, false
}
