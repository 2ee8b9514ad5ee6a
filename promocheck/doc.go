// Package promocheck holds the invariant checks a property-based test
// suite calls on an evaluation, the policies a retailer states about its
// prices, and the search for the smallest cart that breaks a policy
// (rapid's shrinking), in the spirit of net/http/httptest: what the
// library's own tests use, made public for a pricing team's.
//
// A property test of a ruleset, with promogen drawing the carts:
//
//	rapid.Check(t, func(t *rapid.T) {
//		cart := promogen.CartFor(def).Draw(t, "cart")
//		res, err := promo.Evaluate(cart, rs)
//		if err != nil {
//			t.Fatal(err)
//		}
//		for _, v := range append(promocheck.Promises(cart, rs, res), policy.Check(cart, res)...) {
//			t.Error(v)
//		}
//	})
//
// Index of the package:
//
//   - what failed, where, the campaigns involved and the amounts, in
//     pt-BR and English: [Violation], [Kind];
//   - the engine's promises: [Promises] (all of them), [Lines], [Bounds],
//     [Sums], [Totals], [NFCe] (through package nfce), [Deterministic];
//   - returns give back exactly what was paid and take back exactly what
//     was earned: [Refunds];
//   - the retailer's rules: [MaxLineDiscount], [MaxSaleDiscount],
//     [FloorPrices], [MaxGifts], [NeverStack];
//   - the policy file: [Policy], [DecodePolicy] (strict like the ruleset),
//     [Policy.Validate], [ProductPolicy], [StackRule], [CartShape],
//     [CustomerShape];
//   - the smallest cart that breaks a policy: [Search], [SearchOptions],
//     [Report], [Ready];
//   - the report for a pricing analyst: [Report.Text], [Language];
//   - [Runner], a rapid.TB for running properties outside a test
//     (Search's, a command's, an Example's).
//
// The policy file and the search are described for pricing teams in
// docs/pricing-safety.md; examples/policycheck runs the search from the
// command line.
package promocheck
