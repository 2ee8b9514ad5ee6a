package promo_test

import (
	"encoding/json"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// Helpers of the package's tests that read rulesets and carts as JSON.

// evalJSON compiles a JSON ruleset and evaluates a JSON cart with it.
func evalJSON(t *testing.T, ruleset, cart string) promo.Result {
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
