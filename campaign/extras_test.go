package campaign_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Extras (cashback, points, issued codes): what the ruleset accepts and
// what a sale earns. Every expected value is worked out by hand in the
// comments next to it.

// A non-cumulative campaign whose only benefit is cashback is refused
// unless the ruleset says what cashback is worth (settings.cashback_value):
// it would otherwise compete with nothing to show.
func TestNonCumulativeExtrasOnlyNeedCashbackValue(t *testing.T) {
	got := problemPaths(t, `{"version":1,"campaigns":[
	 {"id":"ten","name":"10%","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}},
	 {"id":"cb","name":"cashback only","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,
	  "extras":{"cashback":{"kind":"percent","value":"5"}}}]}`)
	if diff := cmp.Diff([]string{"campaigns[1].non_cumulative"}, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}

	// Valued, it competes by what it gives: 5 % of 100.00 = 5.00 of
	// cashback at 1.00 = 5.00, and, being non-cumulative, alone applies.
	valued := promotest.EvaluateJSON(t, `{"version":1,"settings":{"cashback_value":"1.00"},"campaigns":[
	 {"id":"ten","name":"10%","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}},
	 {"id":"cb","name":"cashback only","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,
	  "extras":{"cashback":{"kind":"percent","value":"5"}}}]}`,
		`{"id":"rg-4","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"100.00"}]}`)
	if e, _ := valued.TraceFor("ten"); e.Code() != promo.ReasonLostToExclusive || !valued.Totals.Discount.IsZero() {
		t.Errorf("valued cashback-only campaign: ten %s, discount %s; want lost_to_exclusive and no discount", e.Code(), valued.Totals.Discount)
	}

	// The same campaign, cumulative, is fine and leaves the 10 % alone:
	// 10 % of 100.00 = 10.00, and 5 % of the net 90.00 = 4.50 cashback.
	res := promotest.EvaluateJSON(t, `{"version":1,"campaigns":[
	 {"id":"ten","name":"10%","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}},
	 {"id":"cb","name":"cashback only","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"cashback":{"kind":"percent","value":"5"}}}]}`,
		`{"id":"rg-4","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"100.00"}]}`)
	if diff := cmp.Diff(testkit.Dec("10.00"), res.Totals.Discount, testkit.EquateDecimals()); diff != "" {
		t.Errorf("discount (-want +got):\n%s", diff)
	}
	var earned []decimal.Decimal
	for _, e := range res.Events {
		if e.Kind == promo.EventCashbackEarned {
			earned = append(earned, e.Amount)
		}
	}
	if diff := cmp.Diff([]decimal.Decimal{testkit.Dec("4.50")}, earned, testkit.EquateDecimals()); diff != "" {
		t.Errorf("cashback earned (-want +got):\n%s", diff)
	}
}

// A fixed cashback is in cents and fixed points are whole.
func TestFixedCashbackInCentsPointsWhole(t *testing.T) {
	got := problemPaths(t, `{"version":1,"campaigns":[
	 {"id":"cb","name":"cashback","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"cashback":{"kind":"fixed","value":"10.005"}}},
	 {"id":"pt","name":"points","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"points":{"fixed":"1.5"}}},
	 {"id":"ok","name":"fine","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"cashback":{"kind":"fixed","value":"10.500"},"points":{"fixed":"3"}}}]}`)
	want := []string{"campaigns[0].extras.cashback.value", "campaigns[1].extras.points.fixed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
}

// A sale dated before 2000 with an issue_code extra does not panic.
func TestIssueCodeBefore2000(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version":1,"campaigns":[
	 {"id":"iss","name":"issue","start":"1990-01-01","no_activation_rules":true,
	  "extras":{"issue_code":{"secret":"0123456789abcdef0123","valid_days":10,"unlocks":"use"}}},
	 {"id":"use","name":"use","start":"1990-01-01","rules":{"conditions":[{"kind":"promo_code","issued_by":"iss"}]},
	  "benefit":{"on":"sale","amount":"1.00"}}]}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	cart := promotest.DecodeCart(t, `{"id":"rg-7","time":"1999-06-01T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"10.00"}]}`)
	var res promo.Result
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Evaluate panicked: %v", r)
			}
		}()
		res, err = promo.Evaluate(cart, rs)
	}()
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	var issued []promo.Event
	for _, e := range res.Events {
		if e.Kind == promo.EventCodeIssued {
			issued = append(issued, e)
		}
	}
	if len(issued) != 1 {
		t.Fatalf("code_issued events = %d, want 1: %+v", len(issued), res.Events)
	}
	e := issued[0]
	// Day number clamped at 0 (days before 2000-01-01): four alphabet[0],
	// "AAAA"; then 8 characters of the cart hash and 8 of the MAC (default
	// length): 4 + 8 + 8 = 20 characters.
	if !strings.HasPrefix(e.Code, "AAAA") || len(e.Code) != 20 {
		t.Errorf("code = %q, want 20 characters starting with AAAA", e.Code)
	}
	// Valid from the day of issue (starts_after_days 0), 10 days: 1 to 10
	// June 1999, the last one to 23:59:59, at the sale's offset −03:00.
	type validity struct {
		Unlocks         string
		From, Until     time.Time
		Campaign, Event string
	}
	minus3 := time.FixedZone("-03", -3*3600)
	want := validity{Unlocks: "use", From: time.Date(1999, 6, 1, 0, 0, 0, 0, minus3), Until: time.Date(1999, 6, 10, 23, 59, 59, 0, minus3), Campaign: "iss"}
	got := validity{Unlocks: e.Unlocks, From: e.ValidFrom, Until: e.ValidUntil, Campaign: e.Campaign}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("issued code (-want +got):\n%s", diff)
	}
}
