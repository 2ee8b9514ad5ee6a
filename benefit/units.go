package benefit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// plan says how units form occurrences and which of them get the benefit.
// Eligible whole units are lined up from the most expensive down (ties by
// line id); occurrence g takes the units at positions [g·group, (g+1)·group);
// in each, pick units get the benefit: the first ones when fromTop, else the
// last (cheapest) ones. A group of 0 makes one occurrence of all the units.
// Within one campaign a unit takes part in at most one occurrence.
//
// The work is done on runs of alike units (promo.UnitRun) in closed form:
// it grows with the runs, never with the number of units.
type plan struct {
	group   int64
	pick    int64
	fromTop bool
	maxReps int
	// maxUnits caps the units that get the benefit (a budget); maxTaken
	// the units taken under the promotion (an item limit): the members of
	// the occurrences of a grouped plan, else the units that get the
	// benefit. 0 means no cap.
	maxUnits, maxTaken int64
}

// grouped reports whether the plan's occurrences are groups of two or more
// units (a "leve N pague M", a group of a minimum quantity): they take
// only units no other grouped occurrence took, and their members become
// grouped.
func (p plan) grouped() bool { return p.group >= 2 }

// picked is how many units of one run got the benefit, and what each of
// them cost.
type picked struct {
	line, run int
	units     int64
	each      decimal.Decimal
}

type selection struct {
	groups int
	capped bool
	// limited is set when a cap left units out; units counts the units
	// that got the benefit, taken those taken under the promotion (the
	// members of a grouped plan's occurrences, else units).
	limited bool
	units   int64
	taken   int64
	picked  []picked // by line, in the order the runs were lined up
	// members are the units of the occurrences formed, by run; the
	// participants the same by line, in cart line order.
	members      []promo.RunUnits
	participants []promo.Participant
	short        promo.Reason // why no occurrence formed
}

// AvailableRuns returns the runs of the lines' whole units that a
// promotion may take: those that still cost something and, with grouped,
// those no grouped occurrence took yet; lined up from the most expensive
// down (ties by line id, then the line's own order of runs). The combos
// choose their units with it, as the benefits here do.
func AvailableRuns(v *promo.View, lines []int, grouped bool) []promo.UnitRun {
	var runs []promo.UnitRun
	for _, i := range lines {
		n := len(runs)
		runs = v.AppendRuns(runs, i)
		runs = append(runs[:n], slices.DeleteFunc(runs[n:], func(r promo.UnitRun) bool {
			return r.Each.Sign() <= 0 || (grouped && r.Grouped)
		})...)
	}
	slices.SortStableFunc(runs, func(a, b promo.UnitRun) int {
		return cmp.Or(b.Each.Cmp(a.Each), cmp.Compare(v.Rank(a.Line), v.Rank(b.Line)), cmp.Compare(a.Run, b.Run))
	})
	return runs
}

// overlap returns how many positions [a, b) and [c, d) share.
func overlap(a, b, c, d int64) int64 {
	return max(0, min(b, d)-max(a, c))
}

// selectUnits lines up the lines' available units and picks, by plan p,
// those that get the benefit and the members of the occurrences.
func selectUnits(v *promo.View, lines []int, p plan) selection {
	runs := AvailableRuns(v, lines, p.grouped())
	total := UnitsIn(runs)
	group := p.group
	if group <= 0 {
		group = total
	}
	p.pick = min(max(p.pick, 1), group)
	var sel selection
	if group == 0 || total < group {
		need := max(group, 1)
		sel.short = promo.Reason{Code: promo.ReasonMinQuantity,
			PT:      fmt.Sprintf("são necessárias %d unidades inteiras elegíveis: há %d", need, total),
			EN:      fmt.Sprintf("%d whole eligible units are needed: there are %d", need, total),
			Missing: shortOf(v, lines, need-total)}
		return sel
	}
	groups := total / group
	if p.maxReps > 0 && groups > int64(p.maxReps) {
		groups, sel.capped = int64(p.maxReps), true
	}
	if p.grouped() && p.maxTaken > 0 && groups*group > p.maxTaken {
		groups, sel.limited = p.maxTaken/group, true
		if groups == 0 {
			sel.short = limitReached(p.maxTaken, group)
			return sel
		}
	}
	lay := p.layout(&sel, groups, group)
	sel.groups = int(lay.formed())
	members := lay.formed() * group
	var start int64
	for _, r := range runs {
		end := start + r.Units
		if k := lay.pickedBefore(end) - lay.pickedBefore(start); k > 0 {
			sel.picked = append(sel.picked, picked{line: r.Line, run: r.Run, units: k, each: r.Each})
			sel.units += k
		}
		if m := overlap(start, end, 0, members); m > 0 {
			sel.members = append(sel.members, promo.RunUnits{Line: r.Line, Run: r.Run, Units: m})
		}
		start = end
	}
	sel.taken = sel.units
	if p.grouped() {
		sel.taken = members
	}
	sel.participants = participantsOf(lines, sel.members)
	slices.SortStableFunc(sel.picked, func(a, b picked) int { return cmp.Compare(a.line, b.line) })
	return sel
}

// layout is where the picked units stand among the units lined up: full
// occurrences of group units, pick of each from position lo of the
// occurrence, and a last partial occurrence (a cap on the units that get
// the benefit) whose units [pa, pb) get it.
type layout struct {
	group, pick, lo int64
	full, pa, pb    int64
}

// layout places the picked units of groups occurrences of group units
// under the plan's caps on units; it notes on sel when a cap left units
// out.
func (p plan) layout(sel *selection, groups, group int64) layout {
	limit := p.maxUnits
	if !p.grouped() {
		limit = tighter(limit, p.maxTaken)
	}
	l := layout{group: group, pick: p.pick, full: groups}
	if !p.fromTop {
		l.lo = group - p.pick
	}
	if limit > 0 && groups*p.pick > limit {
		sel.limited = true
		l.full = limit / p.pick
		// The partial occurrence's picked units (none when rest is 0).
		rest, a := limit%p.pick, l.full*group
		if p.fromTop {
			l.pa, l.pb = a, a+rest
		} else {
			l.pa, l.pb = a+group-rest, a+group
		}
	}
	return l
}

// formed counts the occurrences formed, the partial one included.
func (l layout) formed() int64 {
	if l.pb > l.pa {
		return l.full + 1
	}
	return l.full
}

// pickedBefore counts the picked positions in [0, n).
func (l layout) pickedBefore(n int64) int64 {
	m := min(n, l.full*l.group)
	c := (m/l.group)*l.pick + min(max(m%l.group-l.lo, 0), l.pick)
	return c + overlap(0, n, l.pa, l.pb)
}

// participantsOf adds up the members' units by line, in the order of
// lines.
func participantsOf(lines []int, members []promo.RunUnits) []promo.Participant {
	var out []promo.Participant
	for _, i := range lines {
		var n int64
		for _, m := range members {
			if m.Line == i {
				n += m.Units
			}
		}
		if n > 0 {
			out = append(out, promo.Participant{Line: i, Units: n})
		}
	}
	return out
}

// limitReached is why an item limit leaves no room for an occurrence of
// group units: only maxTaken items are left.
func limitReached(maxTaken, group int64) promo.Reason {
	return promo.Reason{Code: ReasonLimitReached,
		PT: fmt.Sprintf("limite de ativações: %s %d %s, uma ocorrência leva %d", plural(int(maxTaken), "resta", "restam"), maxTaken,
			plural(int(maxTaken), "item", "itens"), group),
		EN: fmt.Sprintf("activation limit: %d %s left, one occurrence takes %d", maxTaken,
			plural(int(maxTaken), "item", "items"), group)}
}

// limitTaken notes that an item limit let only taken items be taken under
// a grouped promotion.
func limitTaken(taken int64) promo.Reason {
	return promo.Reason{Code: ReasonLimitUnits,
		PT: fmt.Sprintf("limite de ativações: só %d %s ainda %s na promoção", taken, plural(int(taken), "item", "itens"), plural(int(taken), "entra", "entram")),
		EN: fmt.Sprintf("activation limit: only %d %s still taken under the promotion", taken, plural(int(taken), "item", "items"))}
}

// shortOf is the shortfall of missing whole units of the lines, the
// cheapest countable line being the one they would be like.
func shortOf(v *promo.View, lines []int, missing int64) *promo.Shortfall {
	return v.Shortfall(lines, decimal.Zero, missing)
}

func capReason(max int) promo.Reason {
	return promo.Reason{Code: promo.ReasonRepetitionCap,
		PT: fmt.Sprintf("limite de %d %s por venda atingido", max, plural(max, "repetição", "repetições")),
		EN: fmt.Sprintf("cap of %d %s per sale reached", max, plural(max, "repetition", "repetitions"))}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// proposal starts the proposal of a selection, with its notes; a grouped
// selection marks its members grouped.
func (sel selection) proposal(s Scope, grouped bool) promo.Proposal {
	p := promo.Proposal{Eligible: true, Occurrences: sel.groups, Units: sel.units, Taken: sel.taken, Participants: sel.participants}
	if grouped {
		p.Grouped = sel.members
	}
	if sel.capped {
		p.Reasons = append(p.Reasons, capReason(s.MaxRepetitions))
	}
	switch {
	case sel.limited && grouped:
		p.Reasons = append(p.Reasons, limitTaken(sel.taken))
	case sel.limited:
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonLimitUnits,
			PT: fmt.Sprintf("limite de ativações: só %d %s ainda %s o benefício", sel.units, plural(int(sel.units), "unidade", "unidades"), plural(int(sel.units), "recebe", "recebem")),
			EN: fmt.Sprintf("activation limit: only %d %s still get the benefit", sel.units, plural(int(sel.units), "unit", "units"))})
	}
	return p
}

// ReasonLimitUnits notes that an item limit let only some units get the
// benefit: the campaign applied to the units still allowed.
const ReasonLimitUnits promo.ReasonCode = "limit_partially_applied"

// ReasonLimitReached means an activation limit leaves no room for this sale
// (limite de ativações); for an item limit on a grouped promotion, fewer
// items left than one occurrence takes.
const ReasonLimitReached promo.ReasonCode = "limit_reached"

// UnitsOf counts a line for item limits: its whole units, or one for a
// weighed line.
func UnitsOf(l *promo.Line) int64 {
	if l.Countable() {
		return l.Quantity.IntPart()
	}
	return 1
}
