// Package promo is the kernel of the promotion engine: the cart, the result,
// the Promotion interface every family implements, the phase pipeline,
// stacking and exclusivity, apportionment and rounding, and Evaluate.
//
// One pure call does the work:
//
//	result, err := promo.Evaluate(cart, ruleset)
//
// Evaluate reads no clock (the cart carries its instant), no files, no
// environment and no randomness; the same inputs give the same Result, and a
// compiled Ruleset is immutable and safe to share between goroutines.
//
// Every family of promotions implements the Promotion interface (Info,
// Keys, Apply), and so can a host, for a rule the JSON format does not
// express: NewRuleset indexes its promotions, alone (ExampleEvaluate) or
// next to those campaign.Compile built from JSON definitions —
// NewRuleset(rs.Settings(), append(rs.Promotions(), mine)...), as the
// campaign package's documentation shows.
//
// Index of the package, one concept per file:
//
//   - cart.go: Cart, Line, Store, Customer, Payment, History — the input.
//   - decode.go: DecodeCart, strict JSON decoding of a cart.
//   - money.go: RoundingMode and the cent arithmetic.
//   - apportion.go: Apportion, largest-remainder distribution of cents.
//   - promotion.go: Promotion, Info, Keys, Phase — what a family implements.
//   - view.go: View and Proposal — what a promotion sees and answers.
//   - ruleset.go: Ruleset and its index by product code, SKU and category;
//     keyindex.go, the sorted index it and the lines (linekeys.go) share.
//   - evaluate.go: Evaluate, the phase pipeline and exclusivity.
//   - association.go: Association and its criteria.
//   - result.go: Result, LineResult, Adjustment, Totals, Application, Event,
//     Gift, Offer, Tender, Block.
//   - json.go: the Result's JSON, amounts with two decimals.
//   - trace.go: TraceEntry, Reason and the stable reason codes.
//   - validate.go: ValidateCart.
//   - errors.go: ValidationError and Problem, errors that name a JSON path.
//
// Rounding happens at these points only, always to cents with the ruleset's
// RoundingMode: the gross value of a line (quantity × unit price), each
// adjustment a promotion proposes for a line, and the total of a sale-level
// discount before Apportion spreads it in exact cents.
package promo
