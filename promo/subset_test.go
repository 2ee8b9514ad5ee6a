package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// TestSubsetAndLift checks that a promotion applied on a subset of the
// lines (what a campaign's exceptions leave) sees only those lines, with
// their values, gross, ranks and exchange shares, and that Lift maps its
// adjustments, blocks and participants back to the cart's lines.
func TestSubsetAndLift(t *testing.T) {
	cart := promotest.Cart(promotest.Line("c", "1", "10.00"), promotest.Line("a", "2", "5.00"), promotest.Line("b", "3", "4.00"))
	cart.Exchanges = []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("3.20")}}
	keep := []int{0, 2} // lines "c" and "b"
	var seen []string
	var ranks []int
	var values, gross, shares []string
	p := evFake("sub", func(v *promo.View) promo.Proposal {
		sub := v.Subset(keep)
		for i := 0; i < sub.Len(); i++ {
			seen = append(seen, sub.Line(i).ID)
			ranks = append(ranks, sub.Rank(i))
			values = append(values, sub.Value(i).StringFixed(2))
			gross = append(gross, sub.Gross(i).StringFixed(2))
			shares = append(shares, sub.ExchangeShare(i).StringFixed(2))
		}
		if got := len(sub.Cart().Lines); got != 2 {
			t.Errorf("the subset's cart has %d lines, want 2", got)
		}
		// The runs of a subset line are its own, addressed by its subset
		// index: line b has a free unit taken by a grouped promotion.
		rs := sub.Runs(1)
		if len(rs) != 2 || rs[0].Line != 1 || rs[0].Units != 2 || rs[0].Grouped || rs[1].Units != 1 || !rs[1].Grouped || rs[1].Each.Sign() != 0 {
			t.Errorf("runs of the subset's line 1: %+v, want 2 ungrouped units and 1 grouped free unit on line 1", rs)
		}
		if rs := sub.Runs(0); len(rs) != 1 || rs[0].Units != 1 || rs[0].Grouped {
			t.Errorf("runs of the subset's line 0: %+v, want one ungrouped unit", rs)
		}
		prop := promo.Proposal{Eligible: true,
			Adjustments:  []promo.Proposed{{Line: 1, Kind: promo.ItemDiscount, Amount: testkit.Dec("1.00")}},
			Blocks:       []promo.BlockAt{{Line: 1, Allowed: testkit.Dec("2")}},
			Participants: []promo.Participant{{Line: 0, Units: 1}, {Line: 1, Units: 3}}}
		return promo.Lift(prop, keep)
	})
	// A grouped promotion before it makes one unit of line "b" free
	// (4.00), so the subset shows the value and the runs left.
	before := evFake("before", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true,
			Adjustments: []promo.Proposed{{Line: 2, Kind: promo.FreeUnits, Amount: testkit.Dec("4.00"), Run: 0, Units: 1}},
			Grouped:     []promo.RunUnits{{Line: 2, Run: 0, Units: 1}}}
	}).with(func(in *promo.Info) { in.Priority = -1 })
	res := promotest.Evaluate(t, cart, promotest.NewRuleset(t, promo.Settings{}, before, p))
	if diff := cmp.Diff([]string{"c", "b"}, seen); diff != "" {
		t.Errorf("lines seen (-want +got):\n%s", diff)
	}
	// Ranks are those of the whole cart (a, b, c by id).
	if diff := cmp.Diff([]int{2, 1}, ranks); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"10.00", "8.00"}, values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"10.00", "12.00"}, gross); diff != "" {
		t.Errorf("gross (-want +got):\n%s", diff)
	}
	// 3.20 over gross 10, 10, 12 (by id a, b, c): 1.00, 1.20, 1.00.
	if diff := cmp.Diff([]string{"1.00", "1.20"}, shares); diff != "" {
		t.Errorf("exchange shares (-want +got):\n%s", diff)
	}
	l := res.Lines[2]
	if len(l.Adjustments) != 2 || l.Adjustments[1].Campaign != "sub" || !l.Adjustments[1].Amount.Equal(decimal.NewFromInt(1)) {
		t.Errorf("line b's adjustments %+v, want 4.00 of before and 1.00 of sub", l.Adjustments)
	}
	if len(res.Blocks) != 1 || res.Blocks[0].Line != "b" {
		t.Errorf("blocks %+v, want one on line b", res.Blocks)
	}
	app := res.Applied[len(res.Applied)-1]
	want := []promo.Participation{{Line: "b", Units: testkit.Dec("3")}, {Line: "c", Units: testkit.Dec("1")}}
	if diff := cmp.Diff(want, app.Participants, testkit.EquateDecimals()); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
}
