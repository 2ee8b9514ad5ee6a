package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// The units a grouped promotion may still take are those not grouped that
// still cost something: a unit made free without being grouped is not one.
func TestUngroupedUnitsLeaveOutFreeUnits(t *testing.T) {
	free := evFake("free", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true,
			Adjustments: []promo.Proposed{{Line: 0, Kind: promo.FreeUnits, Amount: testkit.Dec("10.00"), Run: 0, Units: 1}}}
	}).with(func(in *promo.Info) { in.Priority = 1 })
	type seen struct {
		Runs       []string
		Ungrouped  int64
		Ungrouped1 int64
	}
	var got seen
	probe := evFake("probe", func(v *promo.View) promo.Proposal {
		got = seen{Runs: runsOf(v, 0), Ungrouped: v.UngroupedUnits(0), Ungrouped1: v.UngroupedUnits(1)}
		return promo.NotEligible()
	}).with(func(in *promo.Info) { in.Priority = 2 })
	c := promotest.Cart(promotest.Line("x", "3", "10.00"), promotest.Line("y", "2", "4.00"))
	promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, free, probe))
	// x: 3 units of 10.00, one of them free (not grouped): 2 left to take.
	// y: untouched, both units.
	want := seen{Runs: []string{"2 × 10.00 grouped=false", "1 × 0.00 grouped=false"}, Ungrouped: 2, Ungrouped1: 2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after one unit made free (-want +got):\n%s", diff)
	}
}
