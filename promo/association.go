package promo

import (
	"fmt"
	"slices"
	"strings"

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
	// Decided in id order; assocOf finds a member's association.
	slices.SortStableFunc(r.assocs, func(x, y association) int { return strings.Compare(x.ID, y.ID) })
	for k, a := range r.assocs {
		for _, m := range a.members {
			if r.assocOf == nil {
				r.assocOf = map[int32]int32{}
			}
			r.assocOf[m] = int32(k)
		}
	}
	return problems
}

// decideAssociations removes from cum, the cumulative candidates in
// pipeline order, the campaigns that lose in their association, and
// returns the trace entries of those losers by pipeline index. Each
// candidate's money is what it gives when the pipeline runs with it as the
// association's only member.
//
// Associations are decided in id order, whatever their order in the file;
// while one is decided, the members of those not decided yet are left out
// of its trial runs, so each decision sees only decided context.
//
// A member's money depends only on the promotions before it in the
// pipeline, so no trial runs the whole pipeline: one cursor walks cum once
// in pipeline order, stepping the promotions of the context; a trial forks
// it just before the member and steps the member alone. A decision that
// keeps a member which applied changes what comes after that member: the
// cursor goes back to the state saved just before it (saved states sit at
// the members of associations not decided yet, where a later decision may
// insert one). The work is the candidates plus, per present member, a copy
// of the lines' values; the cursor walks a stretch again only when a
// decision keeps a member before where it stands.
func (ev *evaluation) decideAssociations(cum []int32) ([]int32, map[int32]TraceEntry) {
	rs := ev.rs
	if len(rs.assocOf) == 0 {
		return cum, nil
	}
	// The associations with a member among the candidates, by decision order.
	var live []int32
	for _, x := range cum {
		if k, ok := rs.assocOf[x]; ok && rs.assocs[k].Criterion != GrantAll {
			live = append(live, k)
		}
	}
	if len(live) == 0 {
		return cum, nil
	}
	slices.Sort(live)
	live = slices.Compact(live)
	pos := func(x int32) (int, bool) { return slices.BinarySearch(cum, x) }
	lost := map[int32]TraceEntry{}
	// decided is the decision order of the association being decided:
	// the members of associations before it are context unless they lost;
	// those of it and after it are not.
	decided := int32(0)
	// inContext reports whether promotion x is in the context of the
	// decision, or else whether it is a member still to be decided.
	inContext := func(x int32) (in, pending bool) {
		k, ok := rs.assocOf[x]
		if !ok || rs.assocs[k].Criterion == GrantAll {
			return true, false
		}
		if k >= decided {
			return false, true
		}
		_, gone := lost[x]
		return !gone, false
	}
	c := assocCursor{ev: ev, cum: cum, r: ev.newRun()}
	for _, k := range live {
		decided = k
		a := &rs.assocs[k]
		present := rs.presentOf(a, cum)
		// Every present member's trial, in pipeline order.
		trials := make(map[int32]assocTrial, len(present))
		byPos := slices.Clone(present)
		slices.Sort(byPos)
		for _, m := range byPos {
			p, _ := pos(m)
			trials[m] = c.try(p, m, inContext)
		}
		winner, own := pickMember(rs, a, present, trials)
		if winner >= 0 {
			lostToMember(rs, a, present, winner, own, lost)
		}
		// The members kept now belong to the context; the first of them
		// that applies changes what comes after it.
		back := -1
		for _, m := range byPos {
			if _, gone := lost[m]; !gone && trials[m].applied {
				back, _ = pos(m)
				break
			}
		}
		if back >= 0 {
			c.rewind(back)
		}
	}
	if len(lost) == 0 {
		return cum, lost
	}
	return slices.DeleteFunc(cum, func(x int32) bool { _, gone := lost[x]; return gone }), lost
}

// assocTrial is what a member gives when it is its association's only
// member: the money, whether it applied, and its trace entry.
type assocTrial struct {
	amount  decimal.Decimal
	applied bool
	entry   TraceEntry
}

// assocCursor walks the cumulative candidates once, in pipeline order,
// stepping those of the decisions' context; saved holds the states just
// before the positions where a later decision may insert a member.
type assocCursor struct {
	ev    *evaluation
	cum   []int32
	r     *run // the state after the context among cum[:at]
	at    int
	saved []savedRun // by increasing position
}

// savedRun is the state just before position at.
type savedRun struct {
	at int
	r  *run
}

// try returns the trial of member m at position p of cum: the context
// before p, then m.
func (c *assocCursor) try(p int, m int32, inContext func(int32) (bool, bool)) assocTrial {
	var t *run
	if c.at <= p {
		c.advance(p, inContext)
		// The cursor has appended nothing past the saved state: the
		// trial may share its lists' room.
		t = c.save().fork(c.ev, true)
	} else {
		k, ok := slices.BinarySearchFunc(c.saved, p, func(s savedRun, p int) int { return s.at - p })
		if !ok {
			panic("promo: no saved state before an association member")
		}
		t = c.saved[k].r.fork(c.ev, false)
	}
	n := len(t.apps)
	t.step(c.ev, m)
	tr := assocTrial{entry: t.entries[len(t.entries)-1]}
	if len(t.apps) > n {
		a := t.apps[n]
		tr.amount, tr.applied = a.Amount.Add(a.Freight), true
	}
	return tr
}

// advance moves the cursor to position to, at or after where it stands,
// saving the state before every member of an association not decided yet.
func (c *assocCursor) advance(to int, inContext func(int32) (bool, bool)) {
	for ; c.at != to; c.at++ {
		x := c.cum[c.at]
		switch in, pending := inContext(x); {
		case in:
			c.r.step(c.ev, x)
		case pending:
			c.save()
		}
	}
}

// save saves the state before the current position (once) and returns it.
func (c *assocCursor) save() *run {
	if n := len(c.saved); n > 0 && c.saved[n-1].at == c.at {
		return c.saved[n-1].r
	}
	s := c.r.fork(c.ev, true)
	c.saved = append(c.saved, savedRun{c.at, s})
	return s
}

// rewind moves the cursor back to the state saved before position p, a
// member tried (so the cursor stands at p or past it, and the state is
// saved). At p it takes that state again, the same as its own.
func (c *assocCursor) rewind(p int) {
	k, ok := slices.BinarySearchFunc(c.saved, p, func(s savedRun, p int) int { return s.at - p })
	if !ok {
		panic("promo: no saved state to go back to")
	}
	c.r, c.at = c.saved[k].r, p
	c.saved = c.saved[:k]
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

// fork returns a copy of r that steps on apart from it: the lines'
// values and shapes copied, the applications shared (what View.Applied
// reads), every other list empty, adjustments not recorded. With share
// the copy may append in the room past r's applications: r must not
// append there while the copy is used (r steps no further, or the copy is
// dropped before it does).
func (r *run) fork(ev *evaluation, share bool) *run {
	f := &run{value: slices.Clone(r.value), freight: r.freight, units: slices.Clone(r.units), apps: r.apps}
	if !share {
		f.apps = r.apps[:len(r.apps):len(r.apps)]
	}
	f.view = ev.viewOf(f)
	return f
}
