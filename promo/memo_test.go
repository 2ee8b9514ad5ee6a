package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// memoKey is the key the memo probes share.
type memoKey struct{}

// memoProbe is a non-cumulative promotion that asks the evaluation's memo
// for a value, on its view and on a subset of it, and records what it got
// and how many times the value was computed.
type memoProbe struct {
	id       string
	computed *int
	got      *[]int
}

func (p memoProbe) Info() promo.Info {
	return promo.Info{ID: p.id, Name: p.id, Phase: promo.PhaseItem, Exclusive: true}
}
func (p memoProbe) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p memoProbe) Apply(v *promo.View) promo.Proposal {
	f := func() any { *p.computed++; return *p.computed }
	*p.got = append(*p.got, v.Memo(memoKey{}, f).(int), v.Subset([]int{0}).Memo(memoKey{}, f).(int))
	return promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{{Line: 0, Kind: promo.ItemDiscount, Amount: decimal.NewFromInt(1)}}}
}

// View.Memo computes once per Evaluate, whatever the runs of the pipeline
// and the views, and again in the next Evaluate.
func TestMemoOncePerEvaluation(t *testing.T) {
	cart := promo.Cart{ID: "m-1", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"},
		Lines: []promo.Line{{ID: "1", Quantity: decimal.NewFromInt(3), UnitPrice: decimal.NewFromInt(10)}}}
	computed := 0
	var got []int
	// Two non-cumulative promotions: the kernel runs the pipeline more
	// than once to compare them.
	rs := promotest.NewRuleset(t, promo.Settings{}, memoProbe{"a", &computed, &got}, memoProbe{"b", &computed, &got})
	for n := 1; n <= 2; n++ {
		got = nil
		if _, err := promo.Evaluate(cart, rs); err != nil {
			t.Fatal(err)
		}
		if computed != n {
			t.Errorf("after Evaluate %d: computed %d times, want %d", n, computed, n)
		}
		if len(got) < 4 {
			t.Fatalf("Evaluate %d: the probes asked %d times, want at least 4", n, len(got))
		}
		want := make([]int, len(got))
		for k := range want {
			want[k] = n
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Evaluate %d: values the probes got (-want +got):\n%s", n, diff)
		}
	}
}
