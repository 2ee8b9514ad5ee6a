// Package campaign holds the declarative, JSON-serializable definitions of
// campaigns and their compilation into a promo.Ruleset.
//
// The flow:
//
//	def, err := campaign.Decode(jsonBytes)   // strict: every problem by JSON path
//	rs, err := campaign.Compile(def)         // semantic checks, all at once; index
//	res, err := promo.Evaluate(cart, rs)
//
// or campaign.Load, which does both. Index of the package:
//
//   - definition.go: Ruleset, Settings, Campaign, Rules, Condition, Benefit —
//     the JSON format (documented with an annotated example in
//     testdata/README.md);
//   - decode.go: Decode, strict decoding;
//   - compile.go: Compile and Load, validation and compilation;
//   - times.go: the date and time forms the format accepts;
//   - reshop.go: the compiled Reshop-style campaign, a promo.Promotion.
package campaign
