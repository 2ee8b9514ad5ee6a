package promo_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// The View a promotion reads the cart through.

func TestEvaluateView(t *testing.T) {
	type seen struct {
		Len              int
		Ranks            []int
		CartID, Line2ID  string
		Time             time.Time
		GrossB, ValueB   string
		UnitB, OneB      string
		AllB, UnitA      string
		UnitC, Total     string
		Rounded          string
		ValueAfterFirstA string
	}
	var got seen
	first := evFake("first", evFixedOff(map[int]string{0: "1.00"})).with(func(in *promo.Info) { in.Priority = 1 })
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		got = seen{
			Len:     v.Len(),
			CartID:  v.Cart().ID,
			Line2ID: v.Line(2).ID,
			Time:    v.Time(),
			GrossB:  v.Gross(0).String(),
			ValueB:  v.Value(0).String(),
			UnitB:   v.UnitValue(0).String(),
			OneB:    v.ValueOf(0, decimal.NewFromInt(1)).String(),
			AllB:    v.ValueOf(0, decimal.NewFromInt(3)).String(),
			UnitA:   v.UnitValue(1).String(),
			UnitC:   v.UnitValue(2).String(),
			Total:   v.Total([]int{0, 1}).String(),
			Rounded: v.Round(testkit.Dec("0.125")).String(),
		}
		for i := 0; i < v.Len(); i++ {
			got.Ranks = append(got.Ranks, v.Rank(i))
		}
		return promo.NotEligible()
	}).with(func(in *promo.Info) { in.Priority = 2 })
	rs := promotest.NewRuleset(t, promo.Settings{}, first, probe)
	c := promotest.Cart(
		promotest.Line("b", "3", "10.00"),
		promotest.Line("a", "1", "5.00"),
		promo.Line{ID: "c", Quantity: testkit.Dec("0.5"), Weighed: true, UnitPrice: testkit.Dec("3.33")},
	)
	promotest.Evaluate(t, c, rs)
	want := seen{
		Len:     3,
		Ranks:   []int{1, 0, 2}, // by id: a, b, c
		CartID:  "sale-1",
		Line2ID: "c",
		Time:    c.Time,
		GrossB:  "30",
		ValueB:  "29",             // 30.00 - 1.00 taken by "first"
		UnitB:   "9.666666666667", // 29 / 3 at 12 places
		OneB:    "9.666666666667",
		AllB:    "29",
		UnitA:   "5",
		UnitC:   "3.32", // 0.5 × 3.33 = 1.665 -> 1.66 (half_even); 1.66 / 0.5
		Total:   "34",   // 29 + 5
		Rounded: "0.12",
	}
	if diff := cmp.Diff(want, got, testkit.EquateTimes(),
		cmp.Comparer(func(a, b string) bool {
			da, ea := decimal.NewFromString(a)
			db, eb := decimal.NewFromString(b)
			if ea != nil || eb != nil {
				return a == b
			}
			return da.Equal(db)
		})); diff != "" {
		t.Errorf("what the view shows (-want +got):\n%s", diff)
	}
}

// A proposal that takes particular units of two lines reshapes each line
// with its own pieces: the runs a later promotion sees.
func TestEvaluateRunsAfterUnitsTakenOnTwoLines(t *testing.T) {
	free := evFake("free", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true,
			Adjustments: []promo.Proposed{
				{Line: 0, Kind: promo.FreeUnits, Amount: testkit.Dec("10.00"), Run: 0, Units: 1},
				{Line: 1, Kind: promo.FreeUnits, Amount: testkit.Dec("4.00"), Run: 0, Units: 1},
			},
			Grouped: []promo.RunUnits{{Line: 0, Run: 0, Units: 1}, {Line: 1, Run: 0, Units: 1}}}
	}).with(func(in *promo.Info) { in.Priority = 1 })
	var got [][]string
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		for i := 0; i < v.Len(); i++ {
			got = append(got, runsOf(v, i))
		}
		return promo.NotEligible()
	}).with(func(in *promo.Info) { in.Priority = 2 })
	c := promotest.Cart(promotest.Line("x", "2", "10.00"), promotest.Line("y", "3", "4.00"))
	promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, free, probe))
	// x: 20.00 - 10.00, one unit free; y: 12.00 - 4.00, one unit free.
	// Dearest first, the ungrouped before the grouped.
	want := [][]string{
		{"1 × 10.00 grouped=false", "1 × 0.00 grouped=true"},
		{"2 × 4.00 grouped=false", "1 × 0.00 grouped=true"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("runs after free (-want +got):\n%s", diff)
	}
}

// What an item limit counts: the units taken, or the units benefited when
// the proposal does not say.
func TestProposalTakenUnits(t *testing.T) {
	for _, c := range []struct {
		p    promo.Proposal
		want int64
	}{
		{promo.Proposal{Units: 1, Taken: 3}, 3}, // a "leve 3 pague 2": 3 units taken, 1 free
		{promo.Proposal{Units: 2}, 2},
		{promo.Proposal{}, 0},
	} {
		if got := c.p.TakenUnits(); got != c.want {
			t.Errorf("Proposal{Units: %d, Taken: %d}.TakenUnits() = %d, want %d", c.p.Units, c.p.Taken, got, c.want)
		}
	}
}

// HasExchange tells a promotion whether the cart carries exchange items.
func TestEvaluateViewHasExchange(t *testing.T) {
	var seen []bool
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		seen = append(seen, v.HasExchange())
		return promo.NotEligible()
	})
	rs := promotest.NewRuleset(t, promo.Settings{}, probe)
	c := promotest.Cart(promotest.Line("x", "1", "10.00"))
	promotest.Evaluate(t, c, rs)
	c.Exchanges = []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("3.00")}}
	promotest.Evaluate(t, c, rs)
	if diff := cmp.Diff([]bool{false, true}, seen); diff != "" {
		t.Errorf("HasExchange without and with exchange items (-want +got):\n%s", diff)
	}
}

// Units a proposal marks as grouped without taking anything from them (the
// paid members of an occurrence) are marked on their own lines.
func TestEvaluateRunsAfterUnitsMarkedOnTwoLines(t *testing.T) {
	group := evFake("group", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true,
			Adjustments: []promo.Proposed{{Line: 2, Kind: promo.ItemDiscount, Amount: testkit.Dec("1.00")}},
			Grouped:     []promo.RunUnits{{Line: 0, Run: 0, Units: 1}, {Line: 1, Run: 0, Units: 2}}}
	}).with(func(in *promo.Info) { in.Priority = 1 })
	var got [][]string
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		for i := 0; i < v.Len(); i++ {
			got = append(got, runsOf(v, i))
		}
		return promo.NotEligible()
	}).with(func(in *promo.Info) { in.Priority = 2 })
	c := promotest.Cart(promotest.Line("x", "2", "10.00"), promotest.Line("y", "3", "4.00"), promotest.Line("z", "1", "5.00"))
	promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, group, probe))
	// x: one of its 2 units grouped; y: 2 of its 3; z: 1.00 off its one
	// unit, none grouped. Alike units: the ungrouped first.
	want := [][]string{
		{"1 × 10.00 grouped=false", "1 × 10.00 grouped=true"},
		{"1 × 4.00 grouped=false", "2 × 4.00 grouped=true"},
		{"1 × 4.00 grouped=false"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("runs after group (-want +got):\n%s", diff)
	}
}

// A discount on the whole line lowers every unit in proportion to what it
// still costs: a free unit stays at zero.
func TestEvaluateRunsAfterAWholeLineDiscount(t *testing.T) {
	free := evFake("free", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true,
			Adjustments: []promo.Proposed{{Line: 0, Kind: promo.FreeUnits, Amount: testkit.Dec("10.00"), Run: 0, Units: 1}},
			Grouped:     []promo.RunUnits{{Line: 0, Run: 0, Units: 1}}}
	}).with(func(in *promo.Info) { in.Priority = 1 })
	oneOff := evFake("one-off", evFixedOff(map[int]string{0: "1.00"})).with(func(in *promo.Info) { in.Priority = 2 })
	var got []string
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		got = append(got, runsOf(v, 0)...)
		return promo.NotEligible()
	}).with(func(in *promo.Info) { in.Priority = 3 })
	c := promotest.Cart(promotest.Line("x", "2", "10.00"))
	promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, free, oneOff, probe))
	// 20.00 - 10.00 (one unit free) - 1.00 = 9.00, all of it on the unit
	// that still cost something.
	want := []string{"1 × 9.00 grouped=false", "1 × 0.00 grouped=true"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("runs (-want +got):\n%s", diff)
	}
}

// A piece that takes part of a unit's price leaves that unit at the rest.
func TestEvaluateRunsAfterPartOfAUnit(t *testing.T) {
	half := evFake("half", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true,
			Adjustments: []promo.Proposed{{Line: 0, Kind: promo.ItemDiscount, Amount: testkit.Dec("5.00"), Run: 0, Units: 1}}}
	}).with(func(in *promo.Info) { in.Priority = 1 })
	var got []string
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		got = append(got, runsOf(v, 0)...)
		return promo.NotEligible()
	}).with(func(in *promo.Info) { in.Priority = 2 })
	promotest.Evaluate(t, promotest.Cart(promotest.Line("x", "2", "10.00")), promotest.NewRuleset(t, promo.Settings{}, half, probe))
	// 5.00 off one of two units of 10.00: one at 10.00, one at 5.00
	// (dearest first).
	want := []string{"1 × 10.00 grouped=false", "1 × 5.00 grouped=false"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("runs (-want +got):\n%s", diff)
	}
}

// runsOf writes the runs of line i as "units × each grouped=…".
func runsOf(v *promo.View, i int) []string {
	var runs []string
	for _, r := range v.Runs(i) {
		runs = append(runs, fmt.Sprintf("%d × %s grouped=%v", r.Units, r.Each.StringFixed(2), r.Grouped))
	}
	return runs
}
