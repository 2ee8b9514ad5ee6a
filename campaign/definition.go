package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Version is the ruleset format version this package reads and writes.
const Version = 1

// Ruleset is the JSON document: settings and campaigns.
type Ruleset struct {
	// Version must be 1.
	Version int `json:"version"`
	// Settings apply to every campaign.
	Settings Settings `json:"settings,omitzero"`
	// Categories are the campaign categories campaigns may refer to
	// (categoria da campanha).
	Categories []Category `json:"categories,omitempty"`
	// Groupings are the product, store and customer groupings
	// (agrupamentos) rules refer to by id.
	Groupings []Grouping `json:"groupings,omitempty"`
	// Campaigns are the campaign definitions; their order does not matter.
	Campaigns []Campaign `json:"campaigns"`
	// Associations group cumulative campaigns of which a criterion picks
	// the one that applies (associações).
	Associations []Association `json:"associations,omitempty"`
	// Markdowns are price markdowns (remarcações); their ids share the
	// campaigns' namespace.
	Markdowns []Markdown `json:"markdowns,omitempty"`
	// Loyalty switches on points programs.
	Loyalty *Loyalty `json:"loyalty,omitempty"`
	// Company holds per-company settings (Desconto Pack parameters).
	Company *Company `json:"company,omitempty"`
	// DiscountPacks are Zetti Desconto Pack tables.
	DiscountPacks []DiscountPack `json:"discount_packs,omitempty"`
	// Combos are supermarket combo bonifications.
	Combos []Combo `json:"combos,omitempty"`
	// IndustryPromotions are manufacturer-funded promotions (Scanntech).
	IndustryPromotions []IndustryPromotion `json:"industry_promotions,omitempty"`
}

// Loyalty holds the ruleset's points programs.
type Loyalty struct {
	JuntosSomosMais *JuntosSomosMais `json:"juntos_somos_mais,omitempty"`
}

// JuntosSomosMais is the Juntos Somos Mais program: switched on
// by being present; only the participating brands score; each store has
// its own points table; the points go to the professional CPF given at the
// sale (cart.professional).
type JuntosSomosMais struct {
	// Brands are the participating brands (marcas que geram pontuação).
	Brands []string `json:"brands"`
	// Tables are the stores' points tables; store "*" serves the stores
	// without their own.
	Tables []PointsTable `json:"tables"`
}

// PointsTable is one store's points table, in one of the scoring forms a
// store may choose (forma de pontuação): points per real of a
// participating brand's items (PointsPerReal), or per unit of them
// (PointsPerUnit). Exactly one is given (a table with only brand rates
// scores per real).
type PointsTable struct {
	Store string `json:"store"`
	// PointsPerReal is the points per R$ 1.00 of a participating brand.
	PointsPerReal decimal.Decimal `json:"points_per_real,omitzero"`
	// PointsPerUnit is the points per unit (per kg or metre of a weighed
	// line) of a participating brand; Brands are then per unit too.
	PointsPerUnit *decimal.Decimal `json:"points_per_unit,omitempty"`
	// Brands overrides the rate of some brands.
	Brands map[string]decimal.Decimal `json:"brands,omitempty"`
}

// Association groups two or more cumulative campaigns (associação).
type Association struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Criterion is "least_benefit" (menor benefício ao cliente),
	// "most_benefit" (maior benefício), "registration_order" (ordem de
	// registro: the first campaign listed that applies) or "grant_all"
	// (conceder todos).
	Criterion Criterion `json:"criterion"`
	// Campaigns are campaign ids, in registration order.
	Campaigns []string `json:"campaigns"`
}

// Grouping is a named list of products, stores or customers (agrupamento),
// defined once and referred to by id from rules.
type Grouping struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Kind is "product" (members are product codes), "store" (store ids)
	// or "customer" (customer tokens or CPF/CNPJ).
	Kind    GroupingKind `json:"kind"`
	Members []string     `json:"members"`
}

// Settings are the ruleset-wide settings.
type Settings struct {
	// Rounding is "half_even" (ABNT NBR 5891, the default), "half_up" or
	// "truncate".
	Rounding Rounding `json:"rounding,omitempty"`
	// TimeZone is the IANA zone in which dates without an offset are read;
	// the default is "America/Sao_Paulo".
	TimeZone string `json:"time_zone,omitempty"`
	// CashbackRedemption is how redeemed cashback enters the sale:
	// "discount" (the default: spread over the lines) or "tender" (an NFC-e
	// payment with code 19). The tax treatment differs.
	CashbackRedemption CashbackRedemption `json:"cashback_redemption,omitempty"`
	// Limits bound the carts the ruleset evaluates (lines, exchange items,
	// payments, codes, credits, history entries, lengths of ids and texts,
	// size of a cart document) and the lengths of the ruleset's own ids
	// and texts. Each field left out or 0 takes its default; none may go
	// above its ceiling (promo.DefaultLimits, promo.CeilingLimits).
	Limits promo.Limits `json:"limits,omitzero"`
	// CashbackValue is what R$ 1,00 of cashback earned is worth to the
	// customer, and PointValue what one loyalty point is worth, in reais:
	// when non-cumulative campaigns compete, the one with the best benefit
	// for the customer wins (o melhor benefício para o cliente), counting
	// its discount, its gifts, and its cashback and points at these
	// values. Absent, they count for nothing, and a non-cumulative
	// campaign whose only benefit is cashback (or points) is refused.
	CashbackValue *decimal.Decimal `json:"cashback_value,omitempty"`
	PointValue    *decimal.Decimal `json:"point_value,omitempty"`
	// NearMiss switches on near misses (Result.NearMisses): the campaigns
	// that would apply if the cart had at most this much more value or
	// these many more units.
	NearMiss *NearMiss `json:"near_miss,omitempty"`
}

// NearMiss bounds how small a change of the cart a near miss may ask
// for. At least one is set.
type NearMiss struct {
	// MaxAmount is the most value a near miss may ask the customer to add.
	MaxAmount *decimal.Decimal `json:"max_amount,omitempty"`
	// MaxQuantity is the most whole units a near miss may ask to add.
	MaxQuantity int64 `json:"max_quantity,omitempty"`
}

// Category is a campaign category defined once and referred to by id.
type Category struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Campaign is one Reshop-style campaign (dados gerais, regras, benefício).
type Campaign struct {
	// ID identifies the campaign in the ruleset, the trace and the events.
	ID string `json:"id"`
	// Name is shown on receipts (nome).
	Name string `json:"name"`
	// Description is shown to the operator on activation (descrição).
	Description string `json:"description,omitempty"`
	// Priority orders campaigns: lower first (prioridade).
	Priority int `json:"priority,omitempty"`
	// Start is when the campaign starts (início): RFC 3339, or a local
	// "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD" in the ruleset's time zone.
	Start string `json:"start"`
	// End is the last instant the campaign is valid (fim), inclusive; a
	// date alone means the end of that day. Empty: no end.
	End string `json:"end,omitempty"`
	// Category is the id of one of the ruleset's categories.
	Category string `json:"category,omitempty"`
	// NonCumulative makes the campaign exclusive (campanha não cumulativa).
	NonCumulative bool `json:"non_cumulative,omitempty"`
	// NoActivationRules marks a campaign for every customer and cart (sem
	// regras de ativação); it must then have no rules.
	NoActivationRules bool `json:"no_activation_rules,omitempty"`
	// NoBenefit marks a campaign that gives nothing but records its
	// activation (não possui benefícios); it must then have no benefit.
	NoBenefit bool `json:"no_benefit,omitempty"`
	// RequireLGPDConsent applies the campaign only to customers who gave
	// their LGPD consent (validar aceite LGPD).
	RequireLGPDConsent bool `json:"require_lgpd_consent,omitempty"`
	// Optional makes the campaign an offer the operator accepts or not
	// (campanha opcional): it applies only when the cart lists its id in
	// accepted_offers.
	Optional bool `json:"optional,omitempty"`
	// Rules are the activation rules; required unless NoActivationRules.
	Rules *Rules `json:"rules,omitempty"`
	// MinQuantity is the minimum number of whole eligible units
	// (quantidade mínima); for item benefits it is also the size of one
	// occurrence.
	MinQuantity int64 `json:"min_quantity,omitempty"`
	// MinValue is the minimum value of the eligible lines (valor mínimo).
	MinValue *decimal.Decimal `json:"min_value,omitempty"`
	// Benefit is what the customer gets.
	Benefit Benefit `json:"benefit"`
	// MaxRepetitions caps the occurrences per sale; 0 means no cap.
	MaxRepetitions int `json:"max_repetitions,omitempty"`
	// FundedBy names who pays for the discounts; empty is the retailer.
	FundedBy string `json:"funded_by,omitempty"`
	// Limits cap the activations (limite de ativações), each over a period.
	Limits []Limit `json:"limits,omitempty"`
	// ExchangeMode says how the campaign treats a sale with exchange items
	// (vendas com troca): "net" (the default: computes on the values net of
	// the exchange credit), "no_activation", "original" (on the original
	// prices) or "gross" (on the initial values).
	ExchangeMode ExchangeMode `json:"exchange_mode,omitempty"`
	// Extras are the additional benefits (benefícios adicionais): a code
	// for a later purchase, loyalty points, cashback. A campaign whose only
	// benefit is an extra leaves Benefit out.
	Extras *Extras `json:"extras,omitempty"`
	// Exceptions exclude products from the campaign (exceções): an
	// excluded line never qualifies nor gets the benefit.
	Exceptions *Exceptions `json:"exceptions,omitempty"`
	// Budget is the campaign's money budget (verba): the total discount it
	// may grant across all sales, and per customer.
	Budget *Budget `json:"budget,omitempty"`
	// Target selects the lines that get the benefit, apart from those that
	// qualify the sale (o alvo); absent, the qualifying lines get it.
	Target *Target `json:"target,omitempty"`
	// GroupMode says what min_quantity means for an item percent, amount
	// or final price given to every unit: "all_from_minimum" (from
	// min_quantity units on, every unit) or "complete_groups" (per
	// complete group of min_quantity units). Absent: all_from_minimum
	// without max_repetitions, complete_groups with it (the behaviour
	// before the field existed).
	GroupMode GroupMode `json:"group_mode,omitempty"`
}

// Extras are benefits given on top of (or instead of) the discount.
type Extras struct {
	IssueCode *IssueCode `json:"issue_code,omitempty"`
	Points    *Points    `json:"points,omitempty"`
	Cashback  *Cashback  `json:"cashback,omitempty"`
}

// IssueCode makes the campaign issue a promotional code for a later
// purchase (benefício código promocional), as a code_issued event. Codes
// are verifiable without a list: a promo_code rule with issued_by naming
// this campaign accepts them.
type IssueCode struct {
	Prefix string `json:"prefix,omitempty"`
	// Length is the number of check characters (6 to 32, default 8).
	Length int `json:"length,omitempty"`
	// Secret keys the check characters; at least 16 characters.
	Secret string `json:"secret"`
	// StartsAfterDays is how many days after the sale the code becomes
	// valid (0: the same day); ValidDays how many days it stays valid.
	StartsAfterDays int `json:"starts_after_days,omitempty"`
	ValidDays       int `json:"valid_days"`
	// Unlocks is the id of the campaign the code activates.
	Unlocks string `json:"unlocks"`
}

// Points gives loyalty points (benefício fidelidade): a fixed amount, or a
// multiplier of the program's base points for the sale. Exactly one is set.
type Points struct {
	Fixed      *decimal.Decimal `json:"fixed,omitempty"`
	Multiplier *decimal.Decimal `json:"multiplier,omitempty"`
}

// Cashback holds the cashback settings of the Reshop manual ("Benefícios e
// Cashback"): when the campaign applies, a credit is earned after every
// discount (cashback.Earner) and the wallet redeems it later under these
// terms (cashback.Redeemer).
type Cashback struct {
	// Start and End bound when earned credit can be redeemed (data inicial,
	// data final).
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Type is "fixed" (R$) or "percent" (tipo do cashback); Value its value.
	Type  CashbackType    `json:"type"`
	Value decimal.Decimal `json:"value"`
	// UsageLimitDays is how long after the sale the credit can be redeemed
	// (limite de uso em dias); 0 means no limit.
	UsageLimitDays int `json:"usage_limit_days,omitempty"`
	// MinPurchase is the minimum purchase to redeem (valor mínimo para
	// resgate).
	MinPurchase decimal.Decimal `json:"min_purchase,omitzero"`
	// ApplyOn is "sale" or "item" (aplicar benefício cashback em).
	ApplyOn CashbackOn `json:"apply_on,omitempty"`
	// Accumulate earns on each fulfilment of the rules (acumular).
	Accumulate bool `json:"accumulate,omitempty"`
	// DaysToStart is how many days after the sale redemption opens (dias
	// para iniciar o resgate).
	DaysToStart int `json:"days_to_start,omitempty"`
	// MaxRedeemPercent caps a redemption at this percent of the sale
	// (limite de resgate, % da venda); 0 means no cap.
	MaxRedeemPercent decimal.Decimal `json:"max_redeem_percent,omitzero"`
	// MaxAmount caps what one sale earns (valor máximo a ser acumulado);
	// 0 means no cap.
	MaxAmount decimal.Decimal `json:"max_amount,omitzero"`
	// UseAveragePrice computes the benefit on the items' average price.
	UseAveragePrice bool `json:"use_average_price,omitempty"`
	// ReviewRequired allows redemption only after the customer answered the
	// review survey (acionar review bonificado).
	ReviewRequired bool `json:"review_required,omitempty"`
}

// Limit caps a campaign's activations over a recurring period.
type Limit struct {
	// Scope is "general" (all customers together) or "customer" (per
	// customer, identified by the host's token; an anonymous sale gets no
	// activation of such a campaign).
	Scope LimitScope `json:"scope"`
	// Count is "sale" (tickets) or "item" (units that get the benefit).
	Count LimitCount `json:"count"`
	// Max is the number of sales or items allowed per period.
	Max int64 `json:"max"`
	// Period is "day", "week" (ISO, Monday to Sunday), "month" or
	// "campaign" (the campaign's whole period).
	Period LimitPeriod `json:"period"`
}

// Rules combines conditions with "all" (E) or "any" (OU).
type Rules struct {
	// Match is "all" (the default) or "any".
	Match Match `json:"match,omitempty"`
	// Conditions are the rules; at least one.
	Conditions []Condition `json:"conditions"`
}

// Condition is one activation rule. Kind says which; each kind uses only
// some of the other fields (docs/format.md lists them):
//
//   - product_code, sku, ncm, category, and brand, manufacturer, line,
//     family, role (the attributes a line carries): values, require;
//   - grouping (a product grouping): grouping, require;
//   - customer_tax_id: values (CPF or CNPJ); customer_age: min, max;
//     customer_sex: sex; customer_tier: values; customer_grouping: grouping;
//   - birthday: period (day, week, month), relative (previous, current,
//     next), tolerance_days;
//   - captured_field: field, value (optional campaigns only);
//   - tender: values, require; card_bin: values;
//   - promo_code: codes;
//   - sale_category: values; store: values; store_grouping: grouping;
//   - first_purchase, and conecta_agenda (optional campaigns only):
//     conditions, all of which must hold too;
//   - all, any: conditions (composta).
type Condition struct {
	Kind ConditionKind `json:"kind"`
	// Values are the codes, SKUs, NCMs, category paths, tender types, BIN
	// prefixes, CPF/CNPJ, tiers, sale categories or store ids.
	Values []string `json:"values,omitempty"`
	// Require is "any" (the default: at least one value in the cart) or
	// "all" (every value in the cart).
	Require Require `json:"require,omitempty"`
	// Grouping is the id of one of the ruleset's groupings.
	Grouping string `json:"grouping,omitempty"`
	// Min and Max bound the customer's age in years, inclusive.
	Min *int `json:"min,omitempty"`
	Max *int `json:"max,omitempty"`
	// Sex is "female", "male" or "other".
	Sex Sex `json:"sex,omitempty"`
	// Period, Relative and ToleranceDays describe a birthday rule.
	Period        BirthdayPeriod   `json:"period,omitempty"`
	Relative      BirthdayRelative `json:"relative,omitempty"`
	ToleranceDays int              `json:"tolerance_days,omitempty"`
	// Field and Value describe a captured-field comparison: field is name,
	// email, phone, address, birth_date or sex.
	Field CapturedField `json:"field,omitempty"`
	Value string        `json:"value,omitempty"`
	// Codes are the promotional codes a promo_code rule accepts.
	Codes *CodeSet `json:"codes,omitempty"`
	// IssuedBy makes a promo_code rule accept the codes another campaign
	// issues (extras.issue_code of that campaign).
	IssuedBy string `json:"issued_by,omitempty"`
	// Conditions are nested rules (all, any, first_purchase, conecta_agenda).
	Conditions []Condition `json:"conditions,omitempty"`
}

// CodeSet is the codes a promo-code rule accepts: imported as a list, or
// generated from a pattern (or both).
type CodeSet struct {
	List     []string     `json:"list,omitempty"`
	Generate *CodePattern `json:"generate,omitempty"`
}

// CodePattern generates Count codes, each Prefix followed by Length
// characters derived from the campaign id, the code's number and Secret
// (rules.GenerateCodes): deterministic, so the host can print them.
// Numbered codes also carry their number (rules.NumberedSet): they are
// checked by their construction, so a set of a million costs no more than
// a set of ten; the others are listed when the ruleset is compiled.
type CodePattern struct {
	Prefix string `json:"prefix,omitempty"`
	Count  int    `json:"count"`
	Length int    `json:"length"`
	Secret string `json:"secret"`
	// Numbered makes the codes carry their number (rules.NumberedSet):
	// other codes than without it, so a pattern whose codes are printed
	// keeps its form.
	Numbered bool `json:"numbered,omitempty"`
}

// Benefit is what a campaign gives. Exactly one of Percent, Amount,
// FinalPrice, FreeUnits, Gift, Progressive and AgePercent is set.
type Benefit struct {
	// On is "sale" (desconto na venda) or "items" (desconto no item).
	On BenefitOn `json:"on"`
	// Percent off, between 0 and 100.
	Percent *decimal.Decimal `json:"percent,omitempty"`
	// Amount off: off the eligible total on a sale, off each unit on items.
	Amount *decimal.Decimal `json:"amount,omitempty"`
	// FinalPrice is the new unit price (items only).
	FinalPrice *decimal.Decimal `json:"final_price,omitempty"`
	// FreeUnits is "leve N pague M" (items only).
	FreeUnits *FreeUnits `json:"free_units,omitempty"`
	// Gift grants gift products (brinde) to choose from (items only).
	Gift *Gift `json:"gift,omitempty"`
	// Progressive is a discount by quantity tiers (progressivo).
	Progressive *Progressive `json:"progressive,omitempty"`
	// AgePercent is a percent that depends on the customer's age
	// (benefício Cliente).
	AgePercent *AgePercent `json:"age_percent,omitempty"`
	// MaxDiscount caps what the benefit gives per sale ("15 % off, at
	// most R$ 50,00"; desconto máximo): the capped amount is apportioned
	// over the lines as any sale amount is. Not with a gift nor a sale
	// amount (its own cap).
	MaxDiscount *decimal.Decimal `json:"max_discount,omitempty"`
	// ApplyTo is "all" (conceder todos, the default), "highest" (maior
	// benefício) or "lowest" (menor benefício); items only, and only for
	// percent, amount, final_price, free_units and gift (highest or lowest:
	// which unit in the cart is the gift).
	ApplyTo ApplyTo `json:"apply_to,omitempty"`
}

// Gift is a gift benefit: Quantity units per occurrence of one of Options
// (product codes), chosen by the operator. The benefit's apply_to says
// which unit in the cart is the gift: the most expensive (highest, the
// default) or the cheapest (lowest).
type Gift struct {
	Quantity int64    `json:"quantity"`
	Options  []string `json:"options"`
	// ReferencePrice is what one gift unit is worth to the customer when
	// none of the options is in the cart, for choosing the best benefit
	// among non-cumulative campaigns; without it such a gift is worth
	// nothing there.
	ReferencePrice *decimal.Decimal `json:"reference_price,omitempty"`
}

// Progressive is a list of quantity tiers; the highest tier reached applies.
type Progressive struct {
	Tiers []ProgressiveTier `json:"tiers"`
}

// ProgressiveTier gives Amount (or Percent) off the eligible lines from
// MinQuantity whole units on. Exactly one of Amount and Percent is set.
type ProgressiveTier struct {
	MinQuantity int64            `json:"min_quantity"`
	Amount      *decimal.Decimal `json:"amount,omitempty"`
	Percent     *decimal.Decimal `json:"percent,omitempty"`
}

// AgePercent gives PerYear % per year of the customer's age, at most Max %.
type AgePercent struct {
	PerYear decimal.Decimal `json:"per_year"`
	Max     decimal.Decimal `json:"max"`
}

// FreeUnits is "leve Buy pague Pay".
type FreeUnits struct {
	Buy int64 `json:"buy"`
	Pay int64 `json:"pay"`
}
