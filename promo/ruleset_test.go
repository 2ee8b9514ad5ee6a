package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Rulesets built from promotions written in Go.

func TestNewRuleset(t *testing.T) {
	_, err := promo.NewRuleset(promo.Settings{}, evFake("x", nil), evFake("", nil), evFake("x", nil))
	ps := ctProblems(t, err, "ruleset")
	var reasons []string
	for _, p := range ps {
		reasons = append(reasons, p.Reason)
	}
	if diff := cmp.Diff([]string{"empty id", "duplicate id"}, reasons); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}

	rs := promotest.NewRuleset(t, promo.Settings{Rounding: promo.Truncate}, evFake("b", nil), evFake("a", nil))
	if rs.Len() != 2 {
		t.Errorf("Len() = %d, want 2", rs.Len())
	}
	if p, ok := rs.Promotion("b"); !ok || p.Info().ID != "b" {
		t.Errorf("Promotion(b) = %v, %v", p, ok)
	}
	if _, ok := rs.Promotion("c"); ok {
		t.Errorf("Promotion(c) found a promotion")
	}
	// Promotions returns a copy.
	ps2 := rs.Promotions()
	ps2[0] = evFake("zzz", nil)
	if rs.Promotions()[0].Info().ID != "a" {
		t.Errorf("changing the slice from Promotions changed the ruleset")
	}
	empty := promotest.NewRuleset(t, promo.Settings{})
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "2", "1.50")), empty)
	if len(res.Trace) != 0 || !res.Totals.Net.Equal(testkit.Dec("3.00")) {
		t.Errorf("empty ruleset: trace %v, net %s; want no trace and 3.00", res.Trace, res.Totals.Net)
	}
}
