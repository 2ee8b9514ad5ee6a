package campaign_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// Helpers of the package's tests that read rulesets and carts as JSON.

// cartJSON decodes a JSON cart.
func cartJSON(t *testing.T, js string) promo.Cart {
	t.Helper()
	var c promo.Cart
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		t.Fatalf("cart: %v", err)
	}
	return c
}

// evalJSON compiles a JSON ruleset and evaluates a JSON cart with it.
func evalJSON(t *testing.T, ruleset, cart string) promo.Result {
	t.Helper()
	rs, err := campaign.Load([]byte(ruleset))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	res, err := promo.Evaluate(cartJSON(t, cart), rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

// problemPaths loads a JSON ruleset that must be refused and returns the
// paths of its problems.
func problemPaths(t *testing.T, ruleset string) []string {
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
