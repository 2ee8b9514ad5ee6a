package promotest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
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

func TestLineAndCart(t *testing.T) {
	c := promotest.Cart(promotest.Line("1", "2", "19.90"), promotest.Line("2", "0.735", "9.99"))
	want := promo.Cart{ID: "sale-1", Time: testkit.At(2026, 11, 21, 10, 15, 0), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "P1", Quantity: decimal.New(2, 0), UnitPrice: decimal.New(1990, -2)},
			{ID: "2", ProductCode: "P2", Quantity: decimal.New(735, -3), UnitPrice: decimal.New(999, -2)},
		}}
	if diff := cmp.Diff(want, c, testkit.EquateDecimals(), testkit.EquateTimes(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("cart (-want +got):\n%s", diff)
	}
}

// driftPromo takes one cent more at every run: the same cart and ruleset
// give another result, a broken promise (determinism).
type driftPromo struct{ runs *int }

func (driftPromo) Info() promo.Info {
	return promo.Info{ID: "drift", Name: "drift", Phase: promo.PhaseItem}
}
func (driftPromo) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p driftPromo) Apply(*promo.View) promo.Proposal {
	*p.runs++
	return promo.Proposal{Eligible: true,
		Adjustments: []promo.Proposed{{Line: 0, Kind: promo.ItemDiscount, Amount: testkit.Cents(*p.runs)}}}
}

func TestEvaluateCheckedFailsOnABrokenPromise(t *testing.T) {
	c := promotest.Cart(promotest.Line("1", "1", "10.00"))
	var r recorder
	promotest.EvaluateChecked(&r, c, promotest.NewRuleset(t, promo.Settings{}))
	if len(r.fatals) != 0 {
		t.Errorf("no promotion: fatals %q", r.fatals)
	}
	promotest.EvaluateChecked(&r, c, promotest.NewRuleset(t, promo.Settings{}, driftPromo{new(0)}))
	if len(r.fatals) == 0 {
		t.Error("a promotion taking one cent more at every run: no failure")
	}
}
