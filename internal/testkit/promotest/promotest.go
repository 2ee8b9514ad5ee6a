// Package promotest builds rulesets and carts and evaluates them for the
// tests of the module's packages, failing the test on any error, so that a
// test states only its ruleset, its cart and what it checks.
//
// It is imported only by _test.go files outside package promo (the
// engine's own internal tests cannot import it: it imports promo and
// campaign).
package promotest

import (
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promocheck"
)

// T is what the helpers need of a test to fail it: a *testing.T,
// *testing.B, testing.TB or a rapid property's *rapid.T.
type T interface {
	Fatalf(format string, args ...any)
}

// Load compiles a ruleset written in the JSON format ([campaign.Load]).
func Load(t T, ruleset string) *promo.Ruleset {
	testkit.Helper(t)
	rs, err := campaign.Load([]byte(ruleset))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return rs
}

// Compile compiles a ruleset definition ([campaign.Compile]).
func Compile(t T, def campaign.Ruleset) *promo.Ruleset {
	testkit.Helper(t)
	rs, err := campaign.Compile(def)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return rs
}

// NewRuleset builds a ruleset of promotions written in Go
// ([promo.NewRuleset]).
func NewRuleset(t T, s promo.Settings, ps ...promo.Promotion) *promo.Ruleset {
	testkit.Helper(t)
	rs, err := promo.NewRuleset(s, ps...)
	if err != nil {
		t.Fatalf("NewRuleset: %v", err)
	}
	return rs
}

// DecodeCart decodes a cart written in JSON ([promo.DecodeCart]).
func DecodeCart(t T, cart string) promo.Cart {
	testkit.Helper(t)
	c, err := promo.DecodeCart([]byte(cart))
	if err != nil {
		t.Fatalf("DecodeCart: %v", err)
	}
	return c
}

// Evaluate evaluates c under rs ([promo.Evaluate]).
func Evaluate(t T, c promo.Cart, rs *promo.Ruleset) promo.Result {
	testkit.Helper(t)
	res, err := promo.Evaluate(c, rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

// EvaluateChecked evaluates c under rs, as [Evaluate] does, and fails t
// with the first promise of the engine the result breaks
// ([promocheck.Promises]).
func EvaluateChecked(t T, c promo.Cart, rs *promo.Ruleset) promo.Result {
	testkit.Helper(t)
	res := Evaluate(t, c, rs)
	for _, v := range promocheck.Promises(c, rs, res) {
		t.Fatalf("%s: %v", c.ID, v)
	}
	return res
}

// EvaluateJSON loads a JSON ruleset, decodes a JSON cart and evaluates the
// cart under the ruleset.
func EvaluateJSON(t T, ruleset, cart string) promo.Result {
	testkit.Helper(t)
	return Evaluate(t, DecodeCart(t, cart), Load(t, ruleset))
}

// Line is a line of qty units at price (both decimal literals), its
// product code "P" followed by its id.
func Line(id, qty, price string) promo.Line {
	return promo.Line{ID: id, ProductCode: "P" + id, Quantity: testkit.Dec(qty), UnitPrice: testkit.Dec(price)}
}

// Cart is sale "sale-1" of the lines in store "loja-1", at
// [testkit.SaleTime].
func Cart(lines ...promo.Line) promo.Cart {
	return promo.Cart{ID: "sale-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: lines}
}
