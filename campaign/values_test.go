package campaign_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The settings that value what the customer gets are checked with their
// paths, all at once.
func TestValueSettingsProblems(t *testing.T) {
	got := problemPaths(t, `{"version":1,
	 "settings":{"cashback_value":"-1","point_value":"-0.01","near_miss":{"max_amount":"0","max_quantity":-1}},
	 "campaigns":[
	 {"id":"pts","name":"points only","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,
	  "extras":{"points":{"fixed":"10"}}},
	 {"id":"nada","name":"no benefit","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,"no_benefit":true}]}`)
	want := []string{
		"settings.cashback_value", "settings.point_value",
		"settings.near_miss.max_amount", "settings.near_miss.max_quantity",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
	// Without point_value a points-only non-cumulative campaign is refused;
	// an empty near_miss asks for a threshold; a no_benefit campaign may be
	// non-cumulative (it is worth nothing and wins only alone).
	got = problemPaths(t, `{"version":1,"settings":{"near_miss":{}},"campaigns":[
	 {"id":"pts","name":"points only","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,
	  "extras":{"points":{"fixed":"10"}}},
	 {"id":"nada","name":"no benefit","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,"no_benefit":true}]}`)
	if diff := cmp.Diff([]string{"campaigns[0].non_cumulative", "settings.near_miss"}, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
}
