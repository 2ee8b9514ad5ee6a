package benefit

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// plan says how units form occurrences and which of them get the benefit.
// Eligible whole units are lined up from the most expensive down (ties by
// line id); occurrence g takes the units at positions [g·group, (g+1)·group);
// in each, pick units get the benefit: the first ones when fromTop, else the
// last (cheapest) ones. A group of 0 makes one occurrence of all the units.
// Within one campaign a unit takes part in at most one occurrence.
type plan struct {
	group   int64
	pick    int64
	fromTop bool
	maxReps int
	// maxUnits caps the units that get the benefit (an item limit); 0
	// means no cap.
	maxUnits int64
}

// run is a stretch of equally priced units of one line.
type run struct {
	line  int
	units int64
	price decimal.Decimal
	rank  int
}

// pickedUnits is how many units of a line got the benefit.
type pickedUnits struct {
	line  int
	units int64
}

type selection struct {
	groups int
	capped bool
	// limited is set when maxUnits left units out; units counts the units
	// picked.
	limited bool
	units   int64
	picked  []pickedUnits // in cart line order
	// participants are the units of the occurrences formed, in cart line
	// order.
	participants []promo.Participant
	short        promo.Reason // why no occurrence formed
}

func selectUnits(v *promo.View, lines []int, p plan) selection {
	var runs []run
	var total int64
	for _, i := range lines {
		l := v.Line(i)
		if !l.Countable() {
			continue
		}
		n := l.Quantity.IntPart()
		runs = append(runs, run{line: i, units: n, price: v.UnitValue(i), rank: v.Rank(i)})
		total += n
	}
	sort.Slice(runs, func(a, b int) bool {
		if c := runs[a].price.Cmp(runs[b].price); c != 0 {
			return c > 0
		}
		return runs[a].rank < runs[b].rank
	})
	group := p.group
	if group <= 0 {
		group = total
	}
	p.pick = min(p.pick, group)
	var sel selection
	if group == 0 || total < group {
		need := group
		if need == 0 {
			need = 1
		}
		sel.short = promo.Reason{Code: promo.ReasonMinQuantity,
			PT: fmt.Sprintf("são necessárias %d unidades inteiras elegíveis: há %d", need, total),
			EN: fmt.Sprintf("%d whole eligible units are needed: there are %d", need, total)}
		return sel
	}
	groups := total / group
	if p.maxReps > 0 && groups > int64(p.maxReps) {
		groups, sel.capped = int64(p.maxReps), true
	}
	if p.maxUnits > 0 && groups*p.pick > p.maxUnits {
		sel.limited = true
	}
	count := make(map[int]int64, len(runs))
	// Walk the picked intervals over the runs; both only move forward.
	r, start := 0, int64(0) // runs[r] covers positions [start, start+units)
	for g := int64(0); g < groups; g++ {
		a := g * group
		if !p.fromTop {
			a += group - p.pick
		}
		b := a + p.pick
		if p.maxUnits > 0 {
			if left := p.maxUnits - sel.units; left <= 0 {
				break
			} else if b-a > left {
				if p.fromTop {
					b = a + left
				} else {
					a = b - left // the cheapest of the picked units
				}
			}
		}
		sel.groups++
		sel.units += b - a
		for a < b {
			for start+runs[r].units <= a {
				start += runs[r].units
				r++
			}
			end := min(b, start+runs[r].units)
			count[runs[r].line] += end - a
			a = end
		}
	}
	for _, i := range lines {
		if n := count[i]; n > 0 {
			sel.picked = append(sel.picked, pickedUnits{line: i, units: n})
		}
	}
	// Every unit of the occurrences formed took part, picked or not.
	inGroups := map[int]int64{}
	left := int64(sel.groups) * group
	for _, rn := range runs {
		if left == 0 {
			break
		}
		k := min(left, rn.units)
		inGroups[rn.line] += k
		left -= k
	}
	for _, i := range lines {
		if n := inGroups[i]; n > 0 {
			sel.participants = append(sel.participants, promo.Participant{Line: i, Units: n})
		}
	}
	return sel
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

// proposal starts the proposal of a selection, with its notes.
func (sel selection) proposal(s Scope) promo.Proposal {
	p := promo.Proposal{Eligible: true, Occurrences: sel.groups, Units: sel.units, Participants: sel.participants}
	if sel.capped {
		p.Reasons = append(p.Reasons, capReason(s.MaxRepetitions))
	}
	if sel.limited {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonLimitUnits,
			PT: fmt.Sprintf("limite de ativações: só %d %s ainda %s o benefício", sel.units, plural(int(sel.units), "unidade", "unidades"), plural(int(sel.units), "recebe", "recebem")),
			EN: fmt.Sprintf("activation limit: only %d %s still get the benefit", sel.units, plural(int(sel.units), "unit", "units"))})
	}
	return p
}

// ReasonLimitUnits notes that an item limit let only some units get the
// benefit: the campaign applied to the units still allowed.
const ReasonLimitUnits promo.ReasonCode = "limit_partially_applied"

// UnitsOf counts a line for item limits: its whole units, or one for a
// weighed line.
func UnitsOf(l *promo.Line) int64 {
	if l.Countable() {
		return l.Quantity.IntPart()
	}
	return 1
}
