package rules

import "github.com/promokit/promokit/promo"

// Condition is an activation rule. The set of conditions is closed: build
// them with the constructors of this package.
type Condition interface {
	// Check evaluates the rule on the cart as it stands.
	Check(v *promo.View) Outcome
	// Keys are the index keys under which a campaign with this rule must be
	// looked at.
	Keys() promo.Keys
	// Describe names the rule in pt-BR and English, for messages.
	Describe() (pt, en string)
	sealed()
}

// Outcome is the result of checking a Condition.
type Outcome struct {
	// OK reports whether the rule holds.
	OK bool
	// Selects reports whether the rule selects lines (product rules do);
	// when false, Lines is meaningless and the campaign takes every line.
	Selects bool
	// Lines are the indexes of the lines the rule matched, in cart order.
	// They may be the view's own index (promo.View.LinesWithCode): the
	// slice must not be modified.
	Lines []int
	// Reason says why the rule failed, when it did.
	Reason promo.Reason
}
