package promo_test

import (
	"testing"

	"github.com/promokit/promokit/promo"
)

// TestValidationErrorText: one problem is written on the error's line,
// several one per line; a problem without a path is its reason alone.
func TestValidationErrorText(t *testing.T) {
	one := &promo.ValidationError{What: "cart", Problems: []promo.Problem{{Path: "lines[0].quantity", Reason: "must be positive"}}}
	if got, want := one.Error(), "invalid cart: lines[0].quantity: must be positive"; got != want {
		t.Errorf("one problem: %q, want %q", got, want)
	}
	two := &promo.ValidationError{What: "ruleset", Problems: []promo.Problem{{Path: "a", Reason: "duplicate id"}, {Reason: "no promotions"}}}
	if got, want := two.Error(), "invalid ruleset:\n  a: duplicate id\n  no promotions"; got != want {
		t.Errorf("two problems: %q, want %q", got, want)
	}
}
