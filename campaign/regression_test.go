package campaign_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// Regression tests for bugs a review reproduced (T3, T4, T5, T7, T8, T10,
// the "Local" time zone and minute ends). Every expected value is worked
// out by hand in the comments next to it.

// rgCart decodes a JSON cart.
func rgCart(t *testing.T, js string) promo.Cart {
	t.Helper()
	var c promo.Cart
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		t.Fatalf("cart: %v", err)
	}
	return c
}

// rgEval compiles a JSON ruleset and evaluates a JSON cart with it.
func rgEval(t *testing.T, ruleset, cart string) promo.Result {
	t.Helper()
	rs, err := campaign.Load([]byte(ruleset))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	res, err := promo.Evaluate(rgCart(t, cart), rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

// rgProblemPaths loads a JSON ruleset that must be refused and returns the
// paths of its problems.
func rgProblemPaths(t *testing.T, ruleset string) []string {
	t.Helper()
	_, err := campaign.Load([]byte(ruleset))
	if err == nil {
		t.Fatalf("Load accepted the ruleset, want an error")
	}
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v (%T), want a *promo.ValidationError", err, err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	return paths
}

// T3: changing a definition after Compile changes nothing in the compiled
// ruleset.
func TestRegressionCompileCopiesDefinition(t *testing.T) {
	def, err := campaign.Decode([]byte(`{"version":1,
	 "campaigns":[{"id":"p","name":"10% C","start":"2026-01-01",
	   "rules":{"conditions":[{"kind":"product_code","values":["C"]}]},"benefit":{"on":"items","percent":"10"}}],
	 "combos":[{"id":"f","description":"flyer","start":"2026-01-01","type":"flyer","items":[{"product":"A","price":"5.00"}]}]}`))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	rs, err := campaign.Compile(def)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	cart := rgCart(t, `{"id":"rg-3","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[
	 {"id":"1","product_code":"A","quantity":"1","unit_price":"10.00"},
	 {"id":"2","product_code":"C","quantity":"1","unit_price":"100.00"}]}`)
	before, err := promo.Evaluate(cart, rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}

	// The host edits its definition after compiling: the flyer price, the
	// benefit's percent through its pointer, the condition's values.
	def.Combos[0].Items[0].Price = testkit.Dec("1.00")
	*def.Campaigns[0].Benefit.Percent = testkit.Dec("50")
	def.Campaigns[0].Rules.Conditions[0].Values[0] = "A"
	after, err := promo.Evaluate(cart, rs)
	if err != nil {
		t.Fatalf("Evaluate after the edit: %v", err)
	}

	// Line 1: flyer price 5.00 on 10.00: 10.00 − 5.00 = 5.00.
	// Line 2: 10 % of 100.00 = 10.00. Total 15.00, both times.
	// (With the edits seen: 10.00 − 1.00 = 9.00 on line 1, and 50 % on
	// A instead of 10 % on C.)
	type line struct {
		ID       string
		Discount decimal.Decimal
	}
	want := []line{{"1", testkit.Dec("5.00")}, {"2", testkit.Dec("10.00")}}
	for name, res := range map[string]promo.Result{"before": before, "after": after} {
		var got []line
		for _, l := range res.Lines {
			got = append(got, line{l.ID, l.Discount})
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("%s the edit: line discounts (-want +got):\n%s", name, diff)
		}
	}
	if diff := cmp.Diff(before, after, testkit.EquateDecimals()); diff != "" {
		t.Errorf("result changed with the definition (-before +after):\n%s", diff)
	}
}

// T4: a non-cumulative campaign whose only benefit is cashback is refused
// unless the ruleset says what cashback is worth (settings.cashback_value):
// it would otherwise compete with nothing to show.
func TestRegressionNonCumulativeExtrasOnly(t *testing.T) {
	got := rgProblemPaths(t, `{"version":1,"campaigns":[
	 {"id":"ten","name":"10%","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}},
	 {"id":"cb","name":"cashback only","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,
	  "extras":{"cashback":{"type":"percent","value":"5"}}}]}`)
	if diff := cmp.Diff([]string{"campaigns[1].non_cumulative"}, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}

	// Valued, it competes by what it gives: 5 % of 100.00 = 5.00 of
	// cashback at 1.00 = 5.00, and, being non-cumulative, alone applies.
	valued := rgEval(t, `{"version":1,"settings":{"cashback_value":"1.00"},"campaigns":[
	 {"id":"ten","name":"10%","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}},
	 {"id":"cb","name":"cashback only","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,
	  "extras":{"cashback":{"type":"percent","value":"5"}}}]}`,
		`{"id":"rg-4","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"100.00"}]}`)
	if e, _ := valued.TraceFor("ten"); e.Code() != promo.ReasonLostToExclusive || !valued.Totals.Discount.IsZero() {
		t.Errorf("valued cashback-only campaign: ten %s, discount %s; want lost_to_exclusive and no discount", e.Code(), valued.Totals.Discount)
	}

	// The same campaign, cumulative, is fine and leaves the 10 % alone:
	// 10 % of 100.00 = 10.00, and 5 % of the net 90.00 = 4.50 cashback.
	res := rgEval(t, `{"version":1,"campaigns":[
	 {"id":"ten","name":"10%","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}},
	 {"id":"cb","name":"cashback only","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"cashback":{"type":"percent","value":"5"}}}]}`,
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

// T7: a sale dated before 2000 with an issue_code extra does not panic.
func TestRegressionIssueCodeBefore2000(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version":1,"campaigns":[
	 {"id":"iss","name":"issue","start":"1990-01-01","no_activation_rules":true,
	  "extras":{"issue_code":{"secret":"0123456789abcdef0123","valid_days":10,"unlocks":"use"}}},
	 {"id":"use","name":"use","start":"1990-01-01","rules":{"conditions":[{"kind":"promo_code","issued_by":"iss"}]},
	  "benefit":{"on":"sale","amount":"1.00"}}]}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	cart := rgCart(t, `{"id":"rg-7","time":"1999-06-01T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"10.00"}]}`)
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

// T8: an id with "/" is refused: the library's own ids (x/cashback,
// cashback/redemption) have one.
func TestRegressionSlashInID(t *testing.T) {
	tests := []struct {
		name, ruleset string
		want          []string
	}{
		{name: "campaigns", ruleset: `{"version":1,"settings":{"cashback_redemption":"tender"},"campaigns":[
		 {"id":"x","name":"x","start":"2026-01-01","no_activation_rules":true,"extras":{"cashback":{"type":"fixed","value":"1"}}},
		 {"id":"x/cashback","name":"y","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}},
		 {"id":"cashback/redemption","name":"z","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}}]}`,
			want: []string{"campaigns[1].id", "campaigns[2].id"}},
		{name: "one campaign", ruleset: `{"version":1,"campaigns":[
		 {"id":"ok","name":"ok","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}},
		 {"id":"a/b","name":"a/b","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}}]}`,
			want: []string{"campaigns[1].id"}},
		{name: "markdown", ruleset: `{"version":1,"campaigns":[],
		 "markdowns":[{"id":"md/1","name":"md","start":"2026-01-01","by":"code","items":[{"key":"A","price":"8.00"}]}]}`,
			want: []string{"markdowns[0].id"}},
		{name: "combo", ruleset: `{"version":1,"campaigns":[],
		 "combos":[{"id":"f/1","description":"flyer","start":"2026-01-01","type":"flyer","items":[{"product":"A","price":"5.00"}]}]}`,
			want: []string{"combos[0].id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, rgProblemPaths(t, tc.ruleset)); diff != "" {
				t.Errorf("problem paths (-want +got):\n%s", diff)
			}
		})
	}
}

// T10: an ended campaign with a cashback extra does not keep a markdown
// (also_in_promotions false) from applying.
func TestRegressionEndedCampaignExtrasMarkdown(t *testing.T) {
	mk := func(extras string) string {
		return `{"version":1,"campaigns":[
		 {"id":"c","name":"c","start":"2026-01-01","end":"2026-06-30","rules":{"conditions":[{"kind":"product_code","values":["A"]}]},
		  "benefit":{"on":"items","percent":"10"}` + extras + `}],
		 "markdowns":[{"id":"md","name":"md","start":"2026-01-01","by":"code","also_in_promotions":false,"items":[{"key":"A","price":"8.00"}]}]}`
	}
	cart := `{"id":"rg-10","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"10.00"}]}`
	for _, tc := range []struct{ name, extras string }{
		{"no extras", ""},
		{"cashback", `,"extras":{"cashback":{"type":"fixed","value":"1"}}`},
		{"points", `,"extras":{"points":{"fixed":"5"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := rgEval(t, mk(tc.extras), cart)
			// Campaign c ended on 2026-06-30; the sale is on 2026-11-21, so
			// A is in no promotion and the markdown sells it at 8.00:
			// 10.00 − 8.00 = 2.00, and nothing is earned.
			type app struct {
				Campaign string
				Amount   decimal.Decimal
			}
			var got []app
			for _, a := range res.Applied {
				got = append(got, app{a.Campaign, a.Amount})
			}
			if diff := cmp.Diff([]app{{"md", testkit.Dec("2.00")}}, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(testkit.Dec("2.00"), res.Totals.Discount, testkit.EquateDecimals()); diff != "" {
				t.Errorf("discount (-want +got):\n%s", diff)
			}
			tr, ok := res.TraceFor("c")
			if !ok || tr.Applied || len(tr.Reasons) == 0 || tr.Reasons[0].Code != promo.ReasonEnded {
				t.Errorf("trace of c = %+v, want not applied, first reason %q", tr, promo.ReasonEnded)
			}
			for _, e := range res.Events {
				if e.Kind == promo.EventCashbackEarned || e.Kind == promo.EventPoints {
					t.Errorf("unexpected %s event of the ended campaign: %+v", e.Kind, e)
				}
			}
		})
	}
}

// settings.time_zone "Local" depends on the machine: refused.
func TestRegressionLocalTimeZone(t *testing.T) {
	got := rgProblemPaths(t, `{"version":1,"settings":{"time_zone":"Local"},"campaigns":[
	 {"id":"c","name":"c","start":"2026-11-21T11:00","no_activation_rules":true,"benefit":{"on":"sale","percent":"10"}}]}`)
	if diff := cmp.Diff([]string{"settings.time_zone"}, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
}

// A fixed cashback is in cents and fixed points are whole.
func TestRegressionCashbackCentsWholePoints(t *testing.T) {
	got := rgProblemPaths(t, `{"version":1,"campaigns":[
	 {"id":"cb","name":"cashback","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"cashback":{"type":"fixed","value":"10.005"}}},
	 {"id":"pt","name":"points","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"points":{"fixed":"1.5"}}},
	 {"id":"ok","name":"fine","start":"2026-01-01","no_activation_rules":true,
	  "extras":{"cashback":{"type":"fixed","value":"10.500"},"points":{"fixed":"3"}}}]}`)
	want := []string{"campaigns[0].extras.cashback.value", "campaigns[1].extras.points.fixed"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
}

// An end given to the minute covers that whole minute.
func TestRegressionMinuteEnd(t *testing.T) {
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
			res, err := promo.Evaluate(cart, rs)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
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
