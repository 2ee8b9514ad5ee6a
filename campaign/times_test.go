package campaign_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Times of a ruleset: its time zone and the instants its dates stand for.
// Every expected value is worked out by hand in the comments next to it.

// settings.time_zone "Local" depends on the machine: refused.
func TestTimeZoneLocalRefused(t *testing.T) {
	got := problemPaths(t, `{"version":1,"settings":{"time_zone":"Local"},"campaigns":[
	 {"id":"c","name":"c","start":"2026-11-21T11:00","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}}]}`)
	if diff := cmp.Diff([]string{"settings.time_zone"}, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
}

// An end given to the minute covers that whole minute.
func TestEndToTheMinuteCoversTheMinute(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version":1,"campaigns":[
	 {"id":"c","name":"c","start":"2026-11-21","end":"2026-11-21T09:59","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}}]}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		at       time.Time
		discount string
		reason   promo.ReasonCode
	}{
		// 10 % of 100.00 = 10.00 within the minute.
		{testkit.At(2026, 11, 21, 9, 59, 0), "10.00", promo.ReasonApplied},
		{testkit.At(2026, 11, 21, 9, 59, 30), "10.00", promo.ReasonApplied},
		{time.Date(2026, 11, 21, 9, 59, 59, 999999999, testkit.SaoPaulo()), "10.00", promo.ReasonApplied},
		// From 10:00:00 on, ended.
		{testkit.At(2026, 11, 21, 10, 0, 0), "0", promo.ReasonEnded},
	}
	for _, tc := range tests {
		t.Run(tc.at.Format("15:04:05.999999999"), func(t *testing.T) {
			cart := promo.Cart{ID: "rg-11", Time: tc.at, Store: promo.Store{ID: "x"},
				Lines: []promo.Line{{ID: "1", ProductCode: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("100.00")}}}
			res := promotest.Evaluate(t, cart, rs)
			if diff := cmp.Diff(testkit.Dec(tc.discount), res.Totals.Discount, testkit.EquateDecimals()); diff != "" {
				t.Errorf("discount (-want +got):\n%s", diff)
			}
			tr, ok := res.TraceFor("c")
			if !ok || len(tr.Reasons) == 0 || tr.Reasons[0].Code != tc.reason {
				t.Errorf("trace of c = %+v, want first reason %q", tr, tc.reason)
			}
		})
	}
}
