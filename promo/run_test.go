package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// A freight discount that finds nothing to take (the freight is free
// already, or the amount rounds to nothing) records no adjustment and does
// not apply.
func TestEvaluateFreightDiscountWithNothingToTake(t *testing.T) {
	freightOff := func(id, amount string, priority int) evFakePromo {
		return evFake(id, func(*promo.View) promo.Proposal {
			return promo.Proposal{Eligible: true, Freight: testkit.Dec(amount)}
		}).with(func(in *promo.Info) { in.Priority = priority })
	}
	all := freightOff("all", "15.00", 1)
	more := freightOff("more", "3.00", 2)
	c := promotest.Cart(promotest.Line("1", "1", "100.00"))
	c.Freight = &promo.Freight{Amount: testkit.Dec("15.00"), Method: "entrega"}
	res := promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, all, more))
	// all takes the whole 15.00; more finds 0.00 left.
	want := &promo.FreightResult{Method: "entrega", Gross: testkit.Dec("15.00"),
		Adjustments: []promo.Adjustment{{Campaign: "all", Kind: promo.FreightDiscount, Amount: testkit.Dec("15.00"), FundedBy: promo.FunderRetailer}},
		Discount:    testkit.Dec("15.00"), Net: decimal.Zero}
	if diff := cmp.Diff(want, res.Freight, testkit.EquateDecimals()); diff != "" {
		t.Errorf("freight after a free freight (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"all"}, appliedCampaigns(res)); diff != "" {
		t.Errorf("applied after a free freight (-want +got):\n%s", diff)
	}

	// Half a cent rounds (half to even) to nothing.
	tiny := freightOff("tiny", "0.005", 1)
	c.Freight = &promo.Freight{Amount: testkit.Dec("15.00"), Method: "entrega"}
	res = promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, tiny))
	want = &promo.FreightResult{Method: "entrega", Gross: testkit.Dec("15.00"), Discount: decimal.Zero, Net: testkit.Dec("15.00")}
	if diff := cmp.Diff(want, res.Freight, testkit.EquateDecimals()); diff != "" {
		t.Errorf("freight after half a cent (-want +got):\n%s", diff)
	}
	if got := appliedCampaigns(res); len(got) != 0 {
		t.Errorf("applied after half a cent: %v, want none", got)
	}
}

// appliedCampaigns returns the campaigns that applied, in order.
func appliedCampaigns(res promo.Result) []string {
	var out []string
	for _, a := range res.Applied {
		out = append(out, a.Campaign)
	}
	return out
}
