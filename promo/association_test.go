package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Associations (associações) of campaigns, as a ruleset file declares them.
// Every expected value is worked out by hand in the comments next to it.

// Associations give the same result whatever their order in the file.
func TestAssociationsOrderInFileDoesNotMatter(t *testing.T) {
	camps := `"campaigns":[
	 {"id":"a1","name":"a1","start":"2026-01-01","no_activation_rules":true,"min_value":"75","benefit":{"on":"sale","amount":"50"}},
	 {"id":"a2","name":"a2","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","amount":"10"}},
	 {"id":"b1","name":"b1","start":"2026-01-01","rules":{"conditions":[{"kind":"product_code","values":["X"]}]},"benefit":{"on":"items","percent":"30"}},
	 {"id":"b2","name":"b2","start":"2026-01-01","rules":{"conditions":[{"kind":"product_code","values":["X"]}]},"benefit":{"on":"items","percent":"20"}}]`
	a := `{"id":"A","criterion":"most_benefit","campaigns":["a1","a2"]}`
	b := `{"id":"B","criterion":"least_benefit","campaigns":["b1","b2"]}`
	cart := `{"id":"rg-6","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"X","quantity":"1","unit_price":"100.00"}]}`
	ab := promotest.EvaluateJSON(t, `{"version":1,`+camps+`,"associations":[`+a+`,`+b+`]}`, cart)
	ba := promotest.EvaluateJSON(t, `{"version":1,`+camps+`,"associations":[`+b+`,`+a+`]}`, cart)

	if diff := cmp.Diff(ab, ba, testkit.EquateDecimals()); diff != "" {
		t.Errorf("associations [A,B] vs [B,A] (-[A,B] +[B,A]):\n%s", diff)
	}

	// Decided in id order, A first, B's members left out of its trials:
	//   a1 alone: 100.00 >= 75 → 50.00; a2 alone: 10.00; most benefit: a1.
	// Then B, with a1 in every trial:
	//   b1: 30 % of 100.00 = 30.00 (a1 then sees 70.00 < 75: nothing);
	//   b2: 20 % of 100.00 = 20.00 (a1 sees 80.00 >= 75: 50.00);
	//   least benefit: b2 (20.00 < 30.00).
	// Result: b2 20.00 (item phase), then a1 50.00: discount 70.00, net 30.00.
	type applied struct {
		Campaign string
		Amount   decimal.Decimal
	}
	want := []applied{{"b2", testkit.Dec("20.00")}, {"a1", testkit.Dec("50.00")}}
	for name, res := range map[string]promo.Result{"[A,B]": ab, "[B,A]": ba} {
		var got []applied
		for _, app := range res.Applied {
			got = append(got, applied{app.Campaign, app.Amount})
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("%s applied (-want +got):\n%s", name, diff)
		}
		if !res.Totals.Discount.Equal(testkit.Dec("70.00")) || !res.Totals.Net.Equal(testkit.Dec("30.00")) {
			t.Errorf("%s totals: discount %s net %s, want 70.00 and 30.00", name, res.Totals.Discount, res.Totals.Net)
		}
	}
}
