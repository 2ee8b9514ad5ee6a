package promotest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// recorder is a TB that records fatal failures instead of stopping.
type recorder struct{ fatals []string }

func (r *recorder) Errorf(string, ...any) {}
func (r *recorder) Logf(string, ...any)   {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}

var _ promotest.T = (*recorder)(nil)

func TestErrorsFailTheTest(t *testing.T) {
	for _, tc := range []struct {
		name, prefix string
		run          func(r *recorder)
	}{
		{"Load", "Load: ", func(r *recorder) { promotest.Load(r, `{"version":1,"campaigns":[{"id":""}]}`) }},
		{"Compile", "Compile: ", func(r *recorder) { promotest.Compile(r, campaign.Ruleset{}) }},
		{"NewRuleset", "NewRuleset: ", func(r *recorder) {
			promotest.NewRuleset(r, promo.Settings{Limits: promo.Limits{MaxLines: -1}})
		}},
		{"DecodeCart", "DecodeCart: ", func(r *recorder) { promotest.DecodeCart(r, `{"id":`) }},
		{"Evaluate", "Evaluate: ", func(r *recorder) {
			promotest.Evaluate(r, promo.Cart{}, promotest.NewRuleset(r, promo.Settings{}))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r recorder
			tc.run(&r)
			if len(r.fatals) != 1 || !strings.HasPrefix(r.fatals[0], tc.prefix) {
				t.Errorf("fatals %q, want one starting %q", r.fatals, tc.prefix)
			}
		})
	}
}
