package promocheck_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promocheck"
)

func problems(t *testing.T, err error) []string {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %v", err)
	}
	if ve.What != "policy" {
		t.Errorf("What = %q, want policy", ve.What)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestDecodePolicy(t *testing.T) {
	p, err := promocheck.DecodePolicy([]byte(`{"version": 1, "max_sale_discount_percent": "30",
		"products": [{"product_code": "AZEITE", "price": "39.90", "cost": "24", "min_margin_percent": "5"}],
		"never_stack": [{"campaign": "a", "with": ["b"], "same_line": true}],
		"carts": {"max_lines": 3, "store": "loja-1", "time": "2026-11-21T10:15:00-03:00", "customer": "anonymous"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if f := p.Floors()["AZEITE"]; !f.Equal(testkit.Dec("25.20")) {
		t.Errorf("floor %s, want 24,00 + 5 %% = 25,20", f)
	}
	if len(p.CartOptions()) != 5 {
		t.Errorf("%d cart options, want products, lines, store, instant and customer", len(p.CartOptions()))
	}
}

// TestDecodePolicyProblems: every problem at once, each at its path,
// form problems (unknown fields, wrong types) and meaning problems
// together.
func TestDecodePolicyProblems(t *testing.T) {
	_, err := promocheck.DecodePolicy([]byte(`{"version": 2, "max_line_discount_percent": "140",
		"max_sale_discount_percent": "x", "max_gifts_per_sale": -1, "colour": "red",
		"products": [{"product_code": "A", "price": "0"}, {"product_code": "A", "cost": "-1"}, {"min_margin_percent": "5"}],
		"never_stack": [{"campaign": "a", "with": ["a", ""]}],
		"carts": {"max_lines": 51, "time": "2026-11-21 10:15", "customer": "vip", "stores": ["x"]}}`))
	want := []string{
		"carts.stores: unknown field (known: max_lines, store, time, customer)",
		"colour: unknown field (known: version, description, max_line_discount_percent, max_sale_discount_percent, max_gifts_per_sale, products, never_stack, carts)",
		`max_sale_discount_percent: want a decimal number such as 12.34, got "x"`,
		"version: must be 1",
		"max_line_discount_percent: must be between 0 and 100",
		"max_gifts_per_sale: must not be negative",
		"products[0].price: must be a positive amount in whole cents",
		"products[1].product_code: duplicate of products[0].product_code \"A\"",
		"products[1].cost: must not be negative",
		"products[2].product_code: required",
		"products[2].min_margin_percent: needs a cost",
		"products[2]: needs a price, a cost or both",
		"never_stack[0].with[0]: is the campaign itself",
		"never_stack[0].with[1]: required",
		"carts.max_lines: must be between 1 and 50",
		"carts.time: want an RFC 3339 instant with its offset (2026-11-21T10:15:00-03:00)",
		"carts.customer: unknown customer shape \"vip\" (want any, anonymous or identified)",
	}
	if diff := cmp.Diff(want, problems(t, err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	_, err = promocheck.DecodePolicy([]byte(`{"version": 1}`))
	if diff := cmp.Diff([]string{"the policy states no rule: give max_line_discount_percent, max_sale_discount_percent, max_gifts_per_sale, a product's cost or never_stack"}, problems(t, err)); diff != "" {
		t.Errorf("an empty policy (-want +got):\n%s", diff)
	}
	_, err = promocheck.DecodePolicy([]byte(`{"version": 1,`))
	if len(problems(t, err)) != 1 {
		t.Errorf("malformed JSON: %v", err)
	}
}

func TestPolicyNamesPromotionsOfTheRuleset(t *testing.T) {
	def := campaign.MustDecode([]byte(`{"version": 1, "campaigns": [{"id": "a", "name": "A", "start": "2026-11-01",
		"no_activation_rules": true, "benefit": {"on": "sale", "percent": "10"}}],
		"markdowns": [{"id": "m", "name": "M", "start": "2026-11-01", "by": "code", "items": [{"key": "X", "price": "1"}]}]}`))
	p := promocheck.Policy{Version: 1, NeverStack: []promocheck.StackRule{{Campaign: "a", With: []string{"m", "z"}}}}
	if diff := cmp.Diff([]string{`never_stack[0].with[1]: no promotion "z" in the ruleset`}, problems(t, p.Validate(&def))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, err := promocheck.Search(def, p, promocheck.SearchOptions{}); err == nil {
		t.Error("Search with a policy naming a campaign the ruleset lacks: no error")
	}
}

// TestSearchFindsNothing: a policy the ruleset keeps is searched for the
// tries asked, and the report says so.
func TestSearchFindsNothing(t *testing.T) {
	def, _, _ := planted(t, "empilhamento-46")
	p := promocheck.Policy{Version: 1, MaxSaleDiscountPercent: campaign.Dec("50")}
	withSeed(t, 0, func() {
		rep, err := promocheck.Search(def, p, promocheck.SearchOptions{Tries: 300})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Found || rep.Tries < 300 {
			t.Errorf("found %v after %d tries; want nothing in at least 300", rep.Found, rep.Tries)
		}
		if got, want := rep.Text(promocheck.English), "No cart breaks the policy in "; len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("report %q", got)
		}
	})
}
