package promo_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// fzCartSeeds are the carts of the repository (every scenario's, the
// examples') and hostile ones.
func fzCartSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, sc := range testkit.Scenarios(f, "..") {
		out = append(out, sc.Cart)
	}
	out = append(out, testkit.ReadFiles(f, "../examples/*/cart*.json")...)
	if len(out) < 100 {
		f.Fatalf("only %d seed carts", len(out))
	}
	for _, s := range []string{
		hoCart(`, "attributes": {"": "x", "y": "1", "y": "2"}`, ""),
		hoCart("", `"history": {"counters": {"": "0", "k": "1", "k": "0"}}`),
		`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "` + "\xff\xfe" + `", "quantity": 1, "unit_price": 1}]}`,
		`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "\ud800", "quantity": 1, "unit_price": 1}]}`,
		hoCart(`, "unit_price": 1e10000`, ""),
		hoCart(`, "quantity": "0.73551", "weighed": true`, ""),
		hoCart("", `"exchanges": [{"id": "t", "quantity": 1e15, "unit_price": 1}]`),
		hoCart("", `"customer": {"id": "c", "birth_date": "1990-03-09", "tax_id": "529.982.247-25"}, "wallet": [{"id": "w", "campaign": "cb",
		  "remaining": "10.00", "available_from": "2026-11-01T00:00:00-03:00"}], "payments": [{"tender": "pix", "amount": "10.00"}]`),
	} {
		out = append(out, []byte(s))
	}
	return out
}

var fzCartOpts = cmp.Options{
	testkit.EquateDecimals(),
	testkit.EquateTimes(),
	cmp.Comparer(func(a, b br.TaxID) bool { return a.String() == b.String() && a.Kind() == b.Kind() }),
}

// FuzzDecodeCart decodes any input as a cart: either a *ValidationError
// whose every problem has a reason, and no cart; or a cart that
// ValidateCart accepts, that Evaluate prices with a result line for each
// of its lines, and that comes back the same from its own JSON.
func FuzzDecodeCart(f *testing.F) {
	for _, s := range fzCartSeeds(f) {
		f.Add(s)
	}
	empty := promotest.NewRuleset(f, promo.Settings{})
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := promo.DecodeCart(data)
		if err != nil {
			var ve *promo.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("DecodeCart: %T %v, want a *ValidationError with problems", err, err)
			}
			for _, p := range ve.Problems {
				if p.Reason == "" {
					t.Fatalf("a problem at %q without a reason", p.Path)
				}
			}
			if diff := cmp.Diff(promo.Cart{}, c, fzCartOpts); diff != "" {
				t.Fatalf("a cart returned with the error (-want +got):\n%s", diff)
			}
			return
		}
		if err := promo.ValidateCart(&c); err != nil {
			t.Fatalf("a decoded cart ValidateCart refuses: %v", err)
		}
		res := promotest.Evaluate(t, c, empty)
		if len(res.Lines) != len(c.Lines) {
			t.Fatalf("%d result lines for %d cart lines", len(res.Lines), len(c.Lines))
		}
		for _, l := range res.Lines {
			if !l.Discount.IsZero() || !l.Net.Equal(l.Gross) {
				t.Fatalf("line %q: discount %s with no promotion", l.ID, l.Discount)
			}
		}
		again, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal of a decoded cart: %v", err)
		}
		back, err := promo.DecodeCart(again)
		if err != nil {
			t.Fatalf("a decoded cart does not decode from its own JSON: %v\n%s", err, again)
		}
		// An empty list and no list are the same cart (omitempty).
		if diff := cmp.Diff(c, back, fzCartOpts, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("the cart changed through its own JSON (-first +again):\n%s", diff)
		}
	})
}
