// Package campaign holds the declarative, JSON-serializable definitions of
// campaigns and their compilation into a promo.Ruleset.
//
// The flow:
//
//	def, err := campaign.Decode(jsonBytes)   // strict: every problem by JSON path
//	rs, err := campaign.Compile(def)         // semantic checks, all at once; index
//	res, err := promo.Evaluate(cart, rs)
//
// or campaign.Load, which does both.
//
// # Definitions written in Go
//
// The definitions are plain Go values too. Every enumerated field has a
// typed string with constants (OnItems, CondCategory, PeriodWeek, ComboKit,
// ...), spelled as in JSON, and Dec (or Ptr) fills the optional amounts:
//
//	campaign.Benefit{On: campaign.OnItems, Percent: campaign.Dec("15")}
//
// Example (Example_inGo) builds three campaigns and a cart in under 30
// lines; Compile then checks them exactly as it checks JSON.
//
// # The host's own promotions
//
// A promotion the format cannot express is a promo.Promotion written in Go:
// its Info (id, name, phase, priority), its Keys (the product codes, SKUs
// or categories that index it, or CartWide) and Apply, which looks at the
// sale through a promo.View and proposes adjustments or says why not. To
// evaluate it next to the JSON-defined campaigns, compile the definitions
// and build one ruleset with both:
//
//	rs, err := campaign.Load(data)
//	// ...
//	all, err := promo.NewRuleset(rs.Settings(), append(rs.Promotions(), myPromotion)...)
//
// The new ruleset keeps the settings (rounding, associations, limits) and
// orders every promotion by phase and priority, as Compile does; its
// promotion takes part in exclusivity, compounding and the trace like any
// other, and its id must not be one of the definitions' (NewRuleset refuses
// a duplicate). Example (Example_hostPromotion) shows one.
//
// # Index of the package
//
//   - definition.go: Ruleset, Settings, Campaign, Rules, Condition, Benefit,
//     Extras, Limit, Association, Grouping, Loyalty — the JSON format
//     (documented in docs/format.md);
//   - enums.go: the typed strings of the enumerated fields and their
//     constants (OnItems, CondProductCode, PeriodWeek, ComboKit, ...), the
//     ruleset's own there and each family's in enums_campaign.go,
//     enums_condition.go, enums_combo.go, enums_markdown.go and enums_pack.go;
//   - amounts.go: Dec, ParseDec, Ptr — optional amounts written in Go;
//   - ingo_example_test.go: Example_inGo and Example_hostPromotion;
//   - decode.go: Decode, MustDecode, Load, MustLoad — strict decoding;
//   - compile.go: Compile — validation and compilation, every problem at once,
//     step by step: campaign_compile.go compiles a campaign, markdown_compile.go
//     a markdown, groupings.go and associations.go check those;
//   - conditions.go: the condition kinds, their fields and how each compiles
//     (conditions_customer.go, conditions_sale.go, conditions_groupings.go,
//     conditions_codes.go);
//   - benefits.go: the benefit kinds;
//   - limits.go: activation limits and their counters;
//   - extras.go: issued codes, points, cashback settings;
//   - programs.go: the ruleset-wide programs (cashback wallet, Juntos Somos
//     Mais) and the campaigns' earning parts;
//   - times.go: the date and time forms the format accepts;
//   - reshop.go: the compiled Reshop-style campaign, a promo.Promotion;
//   - markdown.go: price markdowns (remarcação);
//   - pack.go: Zetti Desconto Pack tables (DiscountPack), compiled;
//     pack_definition.go holds their definition, pack_check.go checks
//     them, pack_compile.go builds them, pack_precedence.go settles which
//     table takes a line, pack_clone.go clones one (Ruleset.ClonePack);
//   - combo.go: supermarket combo bonifications (Combo), compiled into one
//     rule per type, each in a file named after it (combo_kit.go,
//     combo_quantity.go, ...); combo_check.go checks them, combo_compile.go
//     builds them, combo_bonus.go and combo_units.go hold what the types
//     share;
//   - industry.go: Scanntech industry-funded promotions;
//   - the lifecycle of definitions (Reshop "Pesquisa", "Categoria",
//     "Auditoria de campanha"), pure functions that compile and evaluate
//     nothing and read no clock: status.go (Status, Ruleset.StatusAt),
//     campaign_type.go (Campaign.Type), search.go (Filter, Ruleset.Search),
//     clone.go (Ruleset.Clone) and diff.go (Change, Diff);
//   - periods.go: Period, Ruleset.Periods and Ruleset.Location — when each
//     promotion is in force, for tools that reason over a definition;
//   - simulate.go: Simulate, Evaluate on some campaigns only.
package campaign
