package promo

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/internal/testkit"
)

// decideAssociationsByRerun is how associations were decided before the
// cursor: every trial runs the whole pipeline. It is the oracle of
// TestAssociationsCursorAsRerun.
func (ev *evaluation) decideAssociationsByRerun(cum []int32) ([]int32, map[int32]TraceEntry) {
	lost := map[int32]TraceEntry{}
	order := ev.rs.assocs // already in id order
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

// thresholdPromo takes pct percent off its lines when what they still cost
// reaches min: its money depends on the promotions before it.
type thresholdPromo struct {
	info  Info
	lines []int
	pct   int64
	min   decimal.Decimal
}

func (p *thresholdPromo) Info() Info { return p.info }
func (p *thresholdPromo) Keys() Keys { return Keys{CartWide: true} }
func (p *thresholdPromo) Apply(v *View) Proposal {
	if v.Total(p.lines).LessThan(p.min) {
		return NotEligible(Reason{Code: ReasonMinValue, PT: "abaixo do mínimo", EN: "below the minimum"})
	}
	out := Proposal{Eligible: true}
	for _, i := range p.lines {
		out.Adjustments = append(out.Adjustments, Proposed{Line: i, Kind: ItemDiscount,
			Amount: v.Value(i).Mul(decimal.NewFromInt(p.pct)).DivRound(decimal.NewFromInt(100), workPlaces)})
	}
	return out
}

// TestAssociationsCursorAsRerun checks that the cursor decides every
// association as running the whole pipeline per trial did: the same
// campaigns kept, the same losers with the same reasons, whatever the
// order of the associations' ids against the pipeline's.
func TestAssociationsCursorAsRerun(t *testing.T) {
	loc := testkit.SaoPaulo()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(2, 14).Draw(t, "campaigns")
		var promos []Promotion
		for i := range n {
			lines := rapid.SliceOfNDistinct(rapid.IntRange(0, 3), 1, 4, rapid.ID[int]).Draw(t, "lines")
			slices.Sort(lines)
			promos = append(promos, &thresholdPromo{
				info: Info{ID: fmt.Sprintf("c%02d", i), Name: "c", Phase: Phase(rapid.IntRange(int(PhaseItem), int(PhaseSale)).Draw(t, "phase")),
					Priority: rapid.IntRange(0, 3).Draw(t, "priority")},
				lines: lines,
				pct:   int64(rapid.IntRange(1, 60).Draw(t, "pct")),
				min:   decimal.NewFromInt(int64(rapid.IntRange(0, 120).Draw(t, "min"))),
			})
		}
		// A random partition of some campaigns into associations.
		perm := rapid.Permutation(promos).Draw(t, "order")
		var as []Association
		for k := 0; k+1 < len(perm); {
			size := rapid.IntRange(1, 4).Draw(t, "size")
			if size == 1 || k+size > len(perm) {
				k++
				continue
			}
			a := Association{ID: fmt.Sprintf("a%02d", rapid.IntRange(0, 99).Draw(t, "assoc id")),
				Criterion: Criterion(rapid.IntRange(0, 3).Draw(t, "criterion"))}
			for _, p := range perm[k : k+size] {
				a.Members = append(a.Members, p.Info().ID)
			}
			if !slices.ContainsFunc(as, func(x Association) bool { return x.ID == a.ID }) {
				as = append(as, a)
			}
			k += size
		}
		rs, err := NewRuleset(Settings{Location: loc, Associations: as}, promos...)
		if err != nil {
			t.Fatal(err)
		}
		cart := Cart{ID: "v", Time: time.Date(2026, 11, 21, 10, 0, 0, 0, loc)}
		for i := range 4 {
			cart.Lines = append(cart.Lines, Line{ID: fmt.Sprint(i), Quantity: decimal.NewFromInt(1),
				UnitPrice: decimal.NewFromInt(int64(rapid.IntRange(1, 100).Draw(t, "price")))})
		}
		ev := newEvaluation(&cart, rs)
		cum := rs.candidates(&cart)
		wantCum, wantLost := ev.decideAssociationsByRerun(slices.Clone(cum))
		gotCum, gotLost := ev.decideAssociations(slices.Clone(cum))
		if len(gotLost) == 0 {
			gotLost = map[int32]TraceEntry{}
		}
		decEq := testkit.EquateDecimals()
		if diff := cmp.Diff(wantCum, gotCum); diff != "" {
			t.Fatalf("campaigns kept (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(wantLost, gotLost, decEq); diff != "" {
			t.Fatalf("losers (-want +got):\n%s", diff)
		}
	})
}
