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
//   - Reading a ruleset: [Decode] (strict, every problem by JSON path),
//     [Compile] (the meaning, every problem at once) and [Load], which does
//     both; [MustDecode] and [MustLoad] for tests and constants. Bounds:
//     [MaxRulesetBytes], [MaxPromotions], [Version], [DefaultTimeZone].
//   - The definitions (documented in docs/format.md): a [Ruleset] of
//     [Settings] ([NearMiss], each [Category], [Association] and
//     [Grouping], [Loyalty] with [JuntosSomosMais] and its [PointsTable])
//     and of the families below, each embedding the [General] data (id,
//     name, description, priority, dates) checked once for all.
//   - Writing definitions in Go: the typed strings of every enumerated
//     field with their constants ([BenefitOn], [ConditionKind], [ComboKind],
//     [PackStatus], [Rounding], [LimitPeriod], ...); [Dec], [ParseDec] and
//     [Ptr] for the optional amounts.
//   - The lifecycle of definitions (Reshop "Pesquisa", "Categoria",
//     "Auditoria de campanha"), pure functions that compile and evaluate
//     nothing and read no clock: [Status], [ParseStatus] and
//     [Ruleset.StatusAt]; [Filter] and [Ruleset.Search]; [Ruleset.Clone]
//     and [Ruleset.ClonePack]; [Diff] and each [Change].
//   - Every promotion of a definition, whatever its family:
//     [Ruleset.Generals] (its [General] data and path); when each is in
//     force: [Period], [Ruleset.Periods] and [Ruleset.Location], for tools
//     that reason over a definition.
//   - Trying campaigns: [Simulate], Evaluate on some campaigns only.
//   - Why a family did not apply: the reason codes it adds to the kernel's
//     ([ReasonLimitReached], [ReasonBudget], [ReasonComboMissing],
//     [ReasonPackPrecedence], [ReasonMarkdownStore], ...).
//
// # The families
//
//   - Reshop campaigns: [Campaign] — its [Rules] ([Condition], codes in a
//     [CodeSet] or a [CodePattern], [Exceptions], a [Target]), its
//     [Benefit] ([FreeUnits], [Progressive] with each [ProgressiveTier],
//     [AgePercent], [Gift]), each [Limit] and [Budget], and its [Extras]
//     ([IssueCode], [Points], [Cashback]); [Campaign.Type] classifies it
//     ([TypeSalePercent], [TypeFreeUnits], ...).
//   - Price markdowns (remarcação): [Markdown], each [MarkdownItem], its
//     [MarkdownExtras].
//   - Zetti Desconto Pack tables: [DiscountPack] — each [PackStore] and
//     [PackRequirement], its [PackPrize] ([PackSalePrize],
//     [PackItemsPrize], a grid of [PackGridRow]); the [Company] settings.
//   - Supermarket combo bonifications: [Combo], each [ComboItem], its
//     [ComboBonus], each [FlyerItem].
//   - Scanntech industry-funded promotions: [IndustryPromotion] with its
//     [FreeUnits] or each [VolumeTier]; [BudgetKey] and [BudgetAmountKey]
//     name the counters budgets read.
package campaign
