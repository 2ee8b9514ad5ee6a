package promo_test

import (
	"slices"
	"strings"
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

// TestOnly: Only keeps the promotions named, their parts (a part that is a
// program included) and the programs that belong to no campaign; it drops
// the others and the parts of the others. An unknown id is an error.
func TestOnly(t *testing.T) {
	part := func(id, of string, program bool) evFakePromo {
		return evFake(id, nil).with(func(in *promo.Info) { in.Phase, in.PartOf, in.Program = promo.PhaseEarning, of, program })
	}
	rs := promotest.NewRuleset(t, promo.Settings{},
		evFake("a", nil), part("a/cashback", "a", false), part("a/points", "a", true),
		evFake("b", nil), part("b/cashback", "b", false), part("b/points", "b", true),
		part("wallet", "", true),
	)
	only, err := rs.Only("a")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range only.Promotions() {
		ids = append(ids, p.Info().ID)
	}
	slices.Sort(ids)
	if diff := cmp.Diff([]string{"a", "a/cashback", "a/points", "wallet"}, ids); diff != "" {
		t.Errorf("Only(a) keeps (-want +got):\n%s", diff)
	}
	if _, err := rs.Only("a", "c"); err == nil || !strings.Contains(err.Error(), `unknown promotion "c"`) {
		t.Errorf("Only(a, c) = %v, want an unknown promotion error", err)
	}
}
