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

// A member kept by an earlier decision is part of the context of the
// later ones, also when it is the first campaign of the pipeline.
func TestAssociationsKeptMemberIsContextOfLaterDecisions(t *testing.T) {
	rs := `{"version":1,"campaigns":[
	 {"id":"a1","name":"a1","priority":1,"start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"items","amount":"20"}},
	 {"id":"a2","name":"a2","priority":2,"start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"items","amount":"5"}},
	 {"id":"b1","name":"b1","priority":3,"start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"items","percent":"10"}},
	 {"id":"b2","name":"b2","priority":4,"start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"items","amount":"9"}}],
	 "associations":[{"id":"A","criterion":"most_benefit","campaigns":["a1","a2"]},{"id":"B","criterion":"most_benefit","campaigns":["b1","b2"]}]}`
	cart := `{"id":"rg-7","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"X","quantity":"1","unit_price":"100.00"}]}`
	res := promotest.EvaluateJSON(t, rs, cart)
	// A first: a1 alone 20.00, a2 alone 5.00; most benefit: a1, the first
	// of the pipeline. B then sees a1 on the line (100.00 - 20.00 = 80.00):
	//   b1: 10 % of 80.00 = 8.00; b2: 9.00; most benefit: b2.
	// (Were a1 left out of B's trials, b1 would give 10.00 and win.)
	type applied struct {
		Campaign string
		Amount   decimal.Decimal
	}
	want := []applied{{"a1", testkit.Dec("20.00")}, {"b2", testkit.Dec("9.00")}}
	var got []applied
	for _, app := range res.Applied {
		got = append(got, applied{app.Campaign, app.Amount})
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
}

// A tie in money goes to the lower priority, then the lower id, also when
// the pipeline puts the other member first (same priority, earlier phase).
func TestAssociationsTieGoesToLowerID(t *testing.T) {
	rs := `{"version":1,"campaigns":[
	 {"id":"z-items","name":"z","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"items","amount":"10"}},
	 {"id":"a-sale","name":"a","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","amount":"10"}}],
	 "associations":[{"id":"A","criterion":"most_benefit","campaigns":["z-items","a-sale"]}]}`
	cart := `{"id":"rg-8","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"X","quantity":"1","unit_price":"100.00"}]}`
	res := promotest.EvaluateJSON(t, rs, cart)
	// Both give 10.00 alone; both at priority 0: a-sale < z-items wins,
	// though z-items (item phase) comes first in the pipeline.
	var got []string
	for _, app := range res.Applied {
		got = append(got, app.Campaign+" "+app.Amount.StringFixed(2))
	}
	if diff := cmp.Diff([]string{"a-sale 10.00"}, got); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
	if e, _ := res.TraceFor("z-items"); e.Code() != promo.ReasonLostInAssociation {
		t.Errorf("z-items: %s, want lost_in_association", e.Code())
	}
}

// Every criterion is parsed back from its name; any other name is refused.
func TestParseCriterion(t *testing.T) {
	for name, want := range map[string]promo.Criterion{
		"least_benefit":      promo.LeastBenefit,
		"most_benefit":       promo.MostBenefit,
		"registration_order": promo.RegistrationOrder,
		"grant_all":          promo.GrantAll,
	} {
		got, err := promo.ParseCriterion(name)
		if err != nil || got != want {
			t.Errorf("ParseCriterion(%q) = %v, %v; want %v", name, got, err, want)
		}
		if got.String() != name {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), name)
		}
	}
	for _, bad := range []string{"", "Criterion(4)", "GRANT_ALL"} {
		if c, err := promo.ParseCriterion(bad); err == nil {
			t.Errorf("ParseCriterion(%q) = %v, want an error", bad, c)
		}
	}
	if got := promo.Criterion(4).String(); got != "Criterion(4)" {
		t.Errorf("Criterion(4).String() = %q", got)
	}
}
