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
//   - definition.go: Ruleset, Settings, Campaign, Rules, Condition, Benefit,
//     Extras, Limit, Association, Grouping, Loyalty — the JSON format
//     (documented in docs/format.md);
//   - enums.go: the typed strings of the enumerated fields and their
//     constants (OnItems, CondProductCode, PeriodWeek, ComboKit, ...);
//   - amounts.go: Dec, ParseDec, Ptr — optional amounts written in Go;
//   - decode.go: Decode, MustDecode, Load, MustLoad — strict decoding;
//   - compile.go: Compile — validation and compilation, every problem at once;
//   - conditions.go: the condition kinds and their fields;
//   - benefits.go: the benefit kinds;
//   - limits.go: activation limits and their counters;
//   - extras.go: issued codes, points, cashback settings;
//   - programs.go: the ruleset-wide programs (cashback wallet, Juntos Somos
//     Mais) and the campaigns' earning parts;
//   - times.go: the date and time forms the format accepts;
//   - reshop.go: the compiled Reshop-style campaign, a promo.Promotion;
//   - markdown.go: price markdowns (remarcação);
//   - pack.go, pack_clone.go: Zetti Desconto Pack tables;
//   - combo.go: supermarket combo bonifications;
//   - industry.go: Scanntech industry-funded promotions;
//   - lifecycle.go: Status, Search, Clone, Diff over definitions;
//   - periods.go: Period, Ruleset.Periods and Ruleset.Location — when each
//     promotion is in force, for tools that reason over a definition;
//   - simulate.go: Simulate, Evaluate on some campaigns only.
package campaign
