package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// Carts are decoded under the current ruleset's limits (settings.limits):
// a ruleset that raises max_lines takes a cart over the default of 1,000
// lines, one that lowers it refuses a cart over its own, at the cart's
// path, on evaluate, simulate and commit alike.
func TestCartsDecodedUnderTheRulesetsLimits(t *testing.T) {
	const rules = `{"version": 1, "settings": {"limits": {"max_lines": %d}}, "campaigns": [{"id": "dez", "name": "10%% na venda",
		"start": "2026-11-01", "no_activation_rules": true, "benefit": {"on": "sale", "percent": "10"}}]}`
	s := start(t, "sqlite", store.Options{})
	ctx := context.Background()
	big := cart("muitas-linhas", 60, "")
	for i := range 1001 {
		big.Lines = append(big.Lines, cart("", 0, "", fmt.Sprintf("P-%04d", i), "1", "1.00").Lines[0])
		big.Lines[i].ID = fmt.Sprint(i + 1)
	}
	raw, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	post := func(path string, body any) (int, api.Problem) {
		t.Helper()
		status, out, err := s.admin.Do(ctx, "POST", path, body)
		if err != nil {
			t.Fatal(err)
		}
		var p api.Problem
		if status != http.StatusOK && status != http.StatusCreated {
			if err := json.Unmarshal(out, &p); err != nil {
				t.Fatalf("%s: %d %s", path, status, out)
			}
		}
		return status, p
	}

	s.load(t, fmt.Sprintf(rules, 1200))
	if status, p := post("/v1/evaluate", json.RawMessage(raw)); status != http.StatusOK {
		t.Fatalf("1,001 lines under max_lines 1200: %d %+v", status, p)
	}
	ev, err := s.admin.Evaluate(ctx, big)
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.Result.Totals.Discount.StringFixed(2); got != "100.10" { // 10 % of 1,001 × 1.00
		t.Fatalf("discount %s, want 100.10", got)
	}

	// A cart of 5 MiB (white space around a small one is JSON still) is
	// over the body the server takes by default and within a ruleset that
	// raises max_cart_bytes to 8 MiB; over the ruleset's 8 MiB it is the
	// library's problem.
	padded := func(n int) []byte { // bytes: the terminal sends them as they are
		small, err := json.Marshal(cart("espacos", 60, "", "A", "1", "1.00"))
		if err != nil {
			t.Fatal(err)
		}
		return append(small, bytes.Repeat([]byte(" "), n-len(small))...)
	}
	s.load(t, `{"version": 1, "settings": {"limits": {"max_cart_bytes": 8388608}}, "campaigns": []}`)
	if status, p := post("/v1/evaluate", padded(5<<20)); status != http.StatusOK {
		t.Fatalf("a cart of 5 MiB under max_cart_bytes 8 MiB: %d %+v", status, p)
	}
	status, p := post("/v1/evaluate", padded(8<<20+1))
	want := []promo.Problem{{Reason: "a document of 8388609 bytes: at most 8388608"}}
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("a cart of 8 MiB + 1: %d %+v, want 422", status, p)
	}
	if diff := cmp.Diff(want, p.Problems); diff != "" {
		t.Errorf("a cart of 8 MiB + 1 (-want +got):\n%s", diff)
	}

	s.load(t, fmt.Sprintf(rules, 2))
	three := cart("tres-linhas", 60, "", "A", "1", "1.00", "B", "1", "1.00", "C", "1", "1.00")
	rawThree, err := json.Marshal(three)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, at string
		body     any
	}{
		{"/v1/evaluate", "lines", json.RawMessage(rawThree)},
		{"/v1/simulate", "cart.lines", map[string]any{"cart": json.RawMessage(rawThree), "campaigns": []string{"dez"}}},
		{"/v1/sales", "cart.lines", api.CommitRequest{Cart: rawThree, Fingerprint: "f"}},
	} {
		status, p := post(tc.path, tc.body)
		want := []promo.Problem{{Path: tc.at, Reason: "3 lines: at most 2 (settings.limits.max_lines)"}}
		if status != http.StatusUnprocessableEntity || p.Type != api.TypeInvalid {
			t.Fatalf("%s: %d %+v, want 422 %s", tc.path, status, p, api.TypeInvalid)
		}
		if diff := cmp.Diff(want, p.Problems); diff != "" {
			t.Errorf("%s problems (-want +got):\n%s", tc.path, diff)
		}
	}
	if a := s.audit(t); a.Sales != 0 {
		t.Fatalf("%d sales committed, want none", a.Sales)
	}
}
