package promo_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// Regression tests for bugs a review reproduced (T1, T2, T6, T9). Every
// expected value is worked out by hand in the comments next to it.

// rgEval compiles a JSON ruleset and evaluates a JSON cart with it.
func rgEval(t *testing.T, ruleset, cart string) promo.Result {
	t.Helper()
	rs, err := campaign.Load([]byte(ruleset))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var c promo.Cart
	if err := json.Unmarshal([]byte(cart), &c); err != nil {
		t.Fatalf("cart: %v", err)
	}
	res, err := promo.Evaluate(c, rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

// T1: a kit whose bought item and bonus are the same product.
func TestRegressionKitSameProductBoughtAndBonus(t *testing.T) {
	// Kit: buy A×1 + B×1, bonus A×1 at 100 %. Cart: A 2 × 10.00, B 1 × 10.00.
	// One kit: one A bought, B bought, the other A free: discount 10.00 on
	// line 1 (the bonus unit, 100 % of 10.00).
	rs := `{"version":1,"campaigns":[],"combos":[{"id":"k","description":"kit","start":"2026-01-01","type":"kit",
	 "buy":[{"product":"A","quantity":1},{"product":"B","quantity":1}],
	 "bonus":[{"product":"A","quantity":1,"percent":"100"}]}]}`
	cart := `{"id":"rg-1","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[
	 {"id":"1","product_code":"A","quantity":"2","unit_price":"10.00"},
	 {"id":"2","product_code":"B","quantity":"1","unit_price":"10.00"}]}`
	res := rgEval(t, rs, cart)

	// Participants: one entry per line, units summed: line 1 takes part
	// with its 2 units (bought + bonus), line 2 with 1.
	var got []promo.Participation
	found := false
	for _, a := range res.Applied {
		if a.Campaign == "k" {
			got, found = a.Participants, true
			if !a.Amount.Equal(testkit.Dec("10.00")) {
				t.Errorf("kit amount = %s, want 10.00 (100 %% of one A at 10.00)", a.Amount)
			}
		}
	}
	if !found {
		t.Fatalf("kit k did not apply; applied: %+v", res.Applied)
	}
	want := []promo.Participation{{Line: "1", Units: testkit.Dec("2")}, {Line: "2", Units: testkit.Dec("1")}}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Participants (-want +got):\n%s", diff)
	}

	// Refund shares the kit's 10.00 among its participants by gross value:
	// line 1 2 × 10.00 = 20.00, line 2 1 × 10.00 = 10.00, total 30.00.
	//   line 1: 10 × 20/30 = 6.666… → 6.66, remainder .666…
	//   line 2: 10 × 10/30 = 3.333… → 3.33, remainder .333…
	//   the cent left (10 − 6.66 − 3.33 = 0.01) goes to the largest
	//   remainder, line 1: 6.67 and 3.33.
	// Effective nets: line 1 20.00 − 6.67 = 13.33; line 2 10.00 − 3.33 = 6.67.
	tests := []struct {
		name string
		now  []promo.Returned
		want string
	}{
		// B back: 10 − 10 × 10/30 = 10 − 3.33 = 6.67.
		{"B", []promo.Returned{{Line: "2", Quantity: testkit.Dec("1")}}, "6.67"},
		// Both A back: 20 − 6.67 = 13.33.
		{"both A", []promo.Returned{{Line: "1", Quantity: testkit.Dec("2")}}, "13.33"},
		// Everything back: 6.67 + 13.33 = 20.00 = what was paid (30 − 10).
		{"all", []promo.Returned{{Line: "1", Quantity: testkit.Dec("2")}, {Line: "2", Quantity: testkit.Dec("1")}}, "20.00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := promo.Refund(res, nil, tc.now)
			if err != nil {
				t.Fatalf("Refund: %v", err)
			}
			if diff := cmp.Diff(testkit.Dec(tc.want), r.Total, testkit.EquateDecimals()); diff != "" {
				t.Errorf("refund total (-want +got):\n%s", diff)
			}
		})
	}
}

// T2: cashback restored over successive returns gives no credit back more
// than it gave.
func TestRegressionRestoredCashbackPerCredit(t *testing.T) {
	// Two credits of 0.01 (c1 expires first, so it is used first), one line
	// 2 × 10.00, cashback redeemed as a discount: 0.01 from c1 and 0.01 from
	// c2, 0.02 on line 1.
	rs := `{"version":1,"settings":{"cashback_redemption":"discount"},"campaigns":[]}`
	cart := `{"id":"rg-2","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"customer":{"id":"cu"},
	 "wallet":[{"id":"c1","campaign":"x","remaining":"0.01","earned_at":"2026-10-01T00:00:00-03:00","available_from":"2026-10-01T00:00:00-03:00","expires_at":"2026-12-01T00:00:00-03:00"},
	           {"id":"c2","campaign":"x","remaining":"0.01","earned_at":"2026-10-01T00:00:00-03:00","available_from":"2026-10-01T00:00:00-03:00","expires_at":"2026-12-02T00:00:00-03:00"}],
	 "lines":[{"id":"1","product_code":"A","quantity":"2","unit_price":"10.00"}]}`
	res := rgEval(t, rs, cart)

	type restored struct {
		Credit string
		Amount decimal.Decimal
	}
	var redeemed []restored
	for _, e := range res.Events {
		if e.Kind == promo.EventCashbackRedeemed {
			redeemed = append(redeemed, restored{e.Credit, e.Amount})
		}
	}
	wantRedeemed := []restored{{"c1", testkit.Dec("0.01")}, {"c2", testkit.Dec("0.01")}}
	if diff := cmp.Diff(wantRedeemed, redeemed, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("redeemed (-want +got):\n%s", diff)
	}

	restoredBy := func(r promo.RefundResult) []restored {
		var out []restored
		for _, e := range r.Events {
			if e.Kind == promo.EventCashbackRestored {
				out = append(out, restored{e.Credit, e.Amount})
			}
		}
		return out
	}
	one := []promo.Returned{{Line: "1", Quantity: testkit.Dec("1")}}

	// First return, one unit: the line's 0.02 of cashback split over its 2
	// units is 0.01 each, so 0.01 comes back. Spread over the credits by
	// what they gave (0.01 : 0.01): 0.005 each → 0.00 each, the cent to the
	// tie's lower position, c1. c1 +0.01.
	r1, err := promo.Refund(res, nil, one)
	if err != nil {
		t.Fatalf("Refund 1: %v", err)
	}
	if diff := cmp.Diff([]restored{{"c1", testkit.Dec("0.01")}}, restoredBy(r1), testkit.EquateDecimals()); diff != "" {
		t.Errorf("first return restored (-want +got):\n%s", diff)
	}

	// Second return, the other unit: 0.02 restored in all, 0.01 to each
	// credit; c1 already got its 0.01, so this 0.01 goes to c2 (not a second
	// 0.01 to c1, which gave only 0.01).
	r2, err := promo.Refund(res, one, one)
	if err != nil {
		t.Fatalf("Refund 2: %v", err)
	}
	if diff := cmp.Diff([]restored{{"c2", testkit.Dec("0.01")}}, restoredBy(r2), testkit.EquateDecimals()); diff != "" {
		t.Errorf("second return restored (-want +got):\n%s", diff)
	}
	for _, r := range []promo.RefundResult{r1, r2} {
		if !r.Restored.Equal(testkit.Dec("0.01")) {
			t.Errorf("Restored = %s, want 0.01", r.Restored)
		}
	}
}

// T6: associations give the same result whatever their order in the file.
func TestRegressionAssociationOrder(t *testing.T) {
	camps := `"campaigns":[
	 {"id":"a1","name":"a1","start":"2026-01-01","no_activation_rules":true,"min_value":"75","benefit":{"on":"sale","amount":"50"}},
	 {"id":"a2","name":"a2","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","amount":"10"}},
	 {"id":"b1","name":"b1","start":"2026-01-01","rules":{"conditions":[{"kind":"product_code","values":["X"]}]},"benefit":{"on":"items","percent":"30"}},
	 {"id":"b2","name":"b2","start":"2026-01-01","rules":{"conditions":[{"kind":"product_code","values":["X"]}]},"benefit":{"on":"items","percent":"20"}}]`
	a := `{"id":"A","criterion":"most_benefit","campaigns":["a1","a2"]}`
	b := `{"id":"B","criterion":"least_benefit","campaigns":["b1","b2"]}`
	cart := `{"id":"rg-6","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"X","quantity":"1","unit_price":"100.00"}]}`
	ab := rgEval(t, `{"version":1,`+camps+`,"associations":[`+a+`,`+b+`]}`, cart)
	ba := rgEval(t, `{"version":1,`+camps+`,"associations":[`+b+`,`+a+`]}`, cart)

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

// T9: a line quantity above 1,000,000 and negative history counters and
// budgets are cart errors with their paths.
func TestRegressionCartBounds(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version":1,"campaigns":[
	 {"id":"l3p2","name":"leve 3 pague 2","start":"2026-01-01","rules":{"conditions":[{"kind":"product_code","values":["A"]}]},
	  "benefit":{"on":"items","free_units":{"buy":3,"pay":2}}}]}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		name      string
		lines     string
		history   string
		wantPaths []string // nil: valid
	}{
		// 2^64 + 3 units: beyond int64, where the unit count overflowed.
		{name: "huge quantity", lines: `{"id":"1","product_code":"B","quantity":"1","unit_price":"1.00"},
		 {"id":"2","product_code":"A","quantity":"18446744073709551619","unit_price":"0.01"}`,
			wantPaths: []string{"lines[1].quantity"}},
		{name: "just above the bound", lines: `{"id":"1","product_code":"A","quantity":"1000000.001","unit_price":"0.01"}`,
			wantPaths: []string{"lines[0].quantity"}},
		{name: "negative counter", lines: `{"id":"1","product_code":"A","quantity":"1","unit_price":"1.00"}`,
			history: `"counters":{"ok":"3","k1":"-1"}`, wantPaths: []string{"history.counters.k1"}},
		{name: "negative budget", lines: `{"id":"1","product_code":"A","quantity":"1","unit_price":"1.00"}`,
			history: `"budgets":{"p1":"-0.5","p0":"0"}`, wantPaths: []string{"history.budgets.p1"}},
		{name: "both, counters first", lines: `{"id":"1","product_code":"A","quantity":"1","unit_price":"1.00"}`,
			history:   `"budgets":{"p":"-1"},"counters":{"z":"-2","a":"-1"}`,
			wantPaths: []string{"history.counters.a", "history.counters.z", "history.budgets.p"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js := `{"id":"rg-9","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[` + tc.lines + `]`
			if tc.history != "" {
				js += `,"history":{` + tc.history + `}`
			}
			js += `}`
			var c promo.Cart
			if err := json.Unmarshal([]byte(js), &c); err != nil {
				t.Fatalf("cart: %v", err)
			}
			var got []string
			var res promo.Result
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("Evaluate panicked: %v", r)
					}
				}()
				res, err = promo.Evaluate(c, rs)
			}()
			var ve *promo.ValidationError
			if err != nil {
				if !errors.As(err, &ve) || ve.What != "cart" {
					t.Fatalf("err = %v, want a cart *promo.ValidationError", err)
				}
				for _, p := range ve.Problems {
					got = append(got, p.Path)
				}
			}
			if diff := cmp.Diff(tc.wantPaths, got); diff != "" {
				t.Errorf("problem paths (-want +got):\n%s\n(result: %+v)", diff, res.Totals)
			}
		})
	}

	// At the bound itself the cart is valid: 1,000,000 units of A at 0.01
	// (gross 10,000.00) form floor(1,000,000 / 3) = 333,333 groups of
	// "leve 3 pague 2", each giving one unit free: 333,333 × 0.01 = 3,333.33.
	var c promo.Cart
	if err := json.Unmarshal([]byte(`{"id":"rg-9b","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},
	 "lines":[{"id":"1","product_code":"A","quantity":"1000000","unit_price":"0.01"}]}`), &c); err != nil {
		t.Fatalf("cart: %v", err)
	}
	res, err := promo.Evaluate(c, rs)
	if err != nil {
		t.Fatalf("quantity 1,000,000: %v", err)
	}
	if diff := cmp.Diff(testkit.Dec("3333.33"), res.Totals.Discount, testkit.EquateDecimals()); diff != "" {
		t.Errorf("discount at the bound (-want +got):\n%s", diff)
	}
}
