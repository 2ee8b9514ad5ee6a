// Package rules holds the eligibility predicates of campaigns (regras de
// ativação): conditions on the cart's products combined with AND or OR, and
// the thresholds (minimum quantity, minimum value) measured over the lines a
// campaign selects.
//
// Conditions are a sealed interface built with typed constructors:
//
//   - product.go: ProductCode, SKU, NCM, Category, ProductGroup — which
//     lines match, and whether any or all of the listed values must be in
//     the cart;
//   - customer.go: TaxIDIn, AgeBetween, SexIs, TierIn, CustomerGroup,
//     UsesAgenda, LGPDConsent, CapturedField;
//   - birthday.go: Birthday (day, week or month; previous, current, next;
//     tolerance);
//   - payment.go: Tenders, CardBIN;
//   - context.go: FirstPurchase, SaleCategoryIn, StoreIn;
//   - promocode.go, numbered.go, issued.go: PromoCode, PromoCodeIn,
//     GenerateCodes, GeneratedCodes, NumberedSet (codes checked by their
//     construction), IssuedCode, IssueCode, Redeemed — one opaque reason
//     for a wrong or used code;
//   - composite.go: All and Any, the AND and OR of conditions;
//   - threshold.go: MinQuantity and MinValue.
//
// A failed check is not an error: it comes back as a promo.Reason with a
// stable code (rule_failed, min_quantity_not_reached, min_value_not_reached)
// and messages in pt-BR and English.
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
	Lines []int
	// Reason says why the rule failed, when it did.
	Reason promo.Reason
}
