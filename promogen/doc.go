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
//   - carts and lines: [Cart], [Line], [Instant], [DefaultInstants];
//   - what lines are made of: [Product], [Measure];
//   - customers: [Customer], [CPF];
//   - payments and codes: [Payments], [PromoCodes];
//   - cashback credits: [Wallet];
//   - history (first purchase, used codes, budgets, limit counters):
//     [History];
//   - plans of returns for refund.Of: [Returns];
//   - what a ruleset names: [Mentions], [Captured], [MentionsOf];
//   - carts shaped by a ruleset: [CartFor];
//   - ruleset definitions for the library's own properties: [Ruleset],
//     [Campaign], [Features]; the benefits they draw: [BenefitKind],
//     [AllBenefits];
//   - options: [Option] and the With options, such as [WithCampaigns].
//
// Generated values are valid: carts pass promo.ValidateCart (and so
// Evaluate), with quantities and prices within the NFC-e's qCom and
// vUnCom; ruleset definitions compile.
package promogen
