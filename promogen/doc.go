// Package promogen holds rapid generators of the library's inputs, for
// property-based tests of a ruleset, in the spirit of net/http/httptest:
// carts and their parts (lines, customers, payments, promo codes, cashback
// wallets, history), carts shaped by a ruleset so that its promotions
// apply, ruleset definitions, and plans of returns. Every generator draws
// with pgregory.net/rapid, so a property that fails shrinks to a small
// input: few lines, few units, low prices, an anonymous sale.
//
//	rapid.Check(t, func(t *rapid.T) {
//		cart := promogen.CartFor(def).Draw(t, "cart")
//		res, err := promo.Evaluate(cart, rs)
//		...
//	})
//
// Generators are named after what they make; Options change sizes, the
// products and prices lines are made of, or fix a part of the cart (the
// store, the instant, the customer). Index of the package:
//
//   - cart.go: Cart, Line, Instant, DefaultInstants;
//   - catalog.go: Product, Measure — what lines are made of;
//   - customer.go: Customer, CPF;
//   - payment.go: Payments, PromoCodes;
//   - wallet.go: Wallet (cashback credits);
//   - history.go: History (first purchase, used codes, budgets, limit
//     counters);
//   - returns.go: Returns, plans of returns for promo.Refund;
//   - mentions.go: Mentions, Captured, MentionsOf — what a ruleset names;
//   - shaped.go: CartFor, carts shaped by a ruleset;
//   - rulesets.go: Ruleset, Campaign, BenefitKind, Features and their
//     options — ruleset definitions for the library's own properties;
//   - options.go: Option and the With options;
//   - draw.go, zone.go: helpers.
//
// Generated values are valid: carts pass promo.ValidateCart (and so
// Evaluate), with quantities and prices within the NFC-e's qCom and
// vUnCom; ruleset definitions compile.
package promogen
