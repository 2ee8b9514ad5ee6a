package campaign

// The enumerated fields of the definitions are typed strings: a Go
// program writes campaign.OnItems where JSON has "items", and the JSON
// spelling is the constant's value. A value outside the constants still
// decodes (the type is a string) and Compile refuses it, naming its JSON
// path, with every other problem of the ruleset. The zero value of each
// type is the empty string, which means the field's default where the
// field is optional (its doc comment says which).

// Criterion is how an association picks among its campaigns
// (Association.Criterion).
type Criterion string

// The association criteria.
const (
	// CriterionLeastBenefit applies the campaign that gives the customer
	// the least (menor benefício ao cliente).
	CriterionLeastBenefit Criterion = "least_benefit"
	// CriterionMostBenefit applies the one that gives the most (maior
	// benefício).
	CriterionMostBenefit Criterion = "most_benefit"
	// CriterionRegistrationOrder applies the first one listed that applies
	// (ordem de registro).
	CriterionRegistrationOrder Criterion = "registration_order"
	// CriterionGrantAll applies every one that applies (conceder todos).
	CriterionGrantAll Criterion = "grant_all"
)

// String returns the JSON spelling.
func (v Criterion) String() string { return string(v) }

// GroupingKind is what a grouping's members are (Grouping.Kind).
type GroupingKind string

// The grouping kinds.
const (
	// GroupingProduct: the members are product codes.
	GroupingProduct GroupingKind = "product"
	// GroupingStore: the members are store ids.
	GroupingStore GroupingKind = "store"
	// GroupingCustomer: the members are customer tokens or CPF/CNPJ.
	GroupingCustomer GroupingKind = "customer"
)

// String returns the JSON spelling.
func (v GroupingKind) String() string { return string(v) }

// Rounding is the ruleset's rounding mode (Settings.Rounding); empty is
// RoundingHalfEven.
type Rounding string

// The rounding modes.
const (
	// RoundingHalfEven is ABNT NBR 5891 rounding, half to even (the
	// default).
	RoundingHalfEven Rounding = "half_even"
	// RoundingHalfUp rounds half away from zero.
	RoundingHalfUp Rounding = "half_up"
	// RoundingTruncate drops the digits past the cents.
	RoundingTruncate Rounding = "truncate"
)

// String returns the JSON spelling.
func (v Rounding) String() string { return string(v) }

// CashbackRedemption is how redeemed cashback enters the sale
// (Settings.CashbackRedemption); empty leaves the wallet off unless a
// campaign earns cashback, and then means RedeemAsDiscount.
type CashbackRedemption string

// The cashback redemption modes.
const (
	// RedeemAsDiscount spreads the redeemed credit over the lines as a
	// discount.
	RedeemAsDiscount CashbackRedemption = "discount"
	// RedeemAsTender pays with it: an NFC-e payment with code 19.
	RedeemAsTender CashbackRedemption = "tender"
)

// String returns the JSON spelling.
func (v CashbackRedemption) String() string { return string(v) }

// ExchangeMode is how a campaign treats a sale with exchange items (vendas
// com troca, Campaign.ExchangeMode); empty is ExchangeNet.
type ExchangeMode string

// The exchange modes.
const (
	// ExchangeNet computes on the values net of the exchange credit (the
	// default).
	ExchangeNet ExchangeMode = "net"
	// ExchangeNoActivation does not activate the campaign in such a sale.
	ExchangeNoActivation ExchangeMode = "no_activation"
	// ExchangeOriginal computes on the original prices.
	ExchangeOriginal ExchangeMode = "original"
	// ExchangeGross computes on the initial (gross) values.
	ExchangeGross ExchangeMode = "gross"
)

// String returns the JSON spelling.
func (v ExchangeMode) String() string { return string(v) }

// CashbackType is the kind of a cashback's value (tipo do cashback,
// Cashback.Type).
type CashbackType string

// The cashback types.
const (
	// CashbackFixed: the value is an amount in R$.
	CashbackFixed CashbackType = "fixed"
	// CashbackPercent: the value is a percent.
	CashbackPercent CashbackType = "percent"
)

// String returns the JSON spelling.
func (v CashbackType) String() string { return string(v) }

// CashbackOn is what cashback is computed on (aplicar benefício cashback
// em, Cashback.ApplyOn); empty is CashbackOnSale.
type CashbackOn string

// The cashback targets.
const (
	// CashbackOnSale computes on the sale.
	CashbackOnSale CashbackOn = "sale"
	// CashbackOnItem computes on the eligible items.
	CashbackOnItem CashbackOn = "item"
)

// String returns the JSON spelling.
func (v CashbackOn) String() string { return string(v) }

// LimitScope is whose activations a limit counts (Limit.Scope).
type LimitScope string

// The limit scopes.
const (
	// ScopeGeneral counts all customers together.
	ScopeGeneral LimitScope = "general"
	// ScopeCustomer counts per customer, identified by the host's token.
	ScopeCustomer LimitScope = "customer"
)

// String returns the JSON spelling.
func (v LimitScope) String() string { return string(v) }

// LimitCount is what a limit counts (Limit.Count).
type LimitCount string

// The limit counts.
const (
	// CountSale counts tickets.
	CountSale LimitCount = "sale"
	// CountItem counts the units that get the benefit.
	CountItem LimitCount = "item"
)

// String returns the JSON spelling.
func (v LimitCount) String() string { return string(v) }

// LimitPeriod is the period a limit's count restarts with (Limit.Period).
type LimitPeriod string

// The limit periods, in the ruleset's time zone.
const (
	// PeriodDay is a calendar day.
	PeriodDay LimitPeriod = "day"
	// PeriodWeek is an ISO week, Monday to Sunday.
	PeriodWeek LimitPeriod = "week"
	// PeriodMonth is a calendar month.
	PeriodMonth LimitPeriod = "month"
	// PeriodCampaign is the campaign's whole period.
	PeriodCampaign LimitPeriod = "campaign"
)

// String returns the JSON spelling.
func (v LimitPeriod) String() string { return string(v) }

// Match is how rules combine their conditions (Rules.Match); empty is
// MatchAll.
type Match string

// The ways to combine conditions.
const (
	// MatchAll needs every condition (E).
	MatchAll Match = "all"
	// MatchAny needs one of them (OU).
	MatchAny Match = "any"
)

// String returns the JSON spelling.
func (v Match) String() string { return string(v) }

// Require is how many of a condition's values the cart must have
// (Condition.Require); empty is RequireAny.
type Require string

// The requirements on a condition's values.
const (
	// RequireAny needs at least one of the values in the cart.
	RequireAny Require = "any"
	// RequireAll needs every value in the cart.
	RequireAll Require = "all"
)

// String returns the JSON spelling.
func (v Require) String() string { return string(v) }

// ConditionKind is the kind of an activation rule (Condition.Kind); the
// Condition's doc comment lists the fields each kind uses.
type ConditionKind string

// The condition kinds.
const (
	// CondProductCode: a line's product code is one of values.
	CondProductCode ConditionKind = "product_code"
	// CondSKU: a line's SKU is one of values.
	CondSKU ConditionKind = "sku"
	// CondNCM: a line's NCM is one of values.
	CondNCM ConditionKind = "ncm"
	// CondCategory: a line's category is one of values or below it.
	CondCategory ConditionKind = "category"
	// CondGrouping: a line's product is in a product grouping.
	CondGrouping ConditionKind = "grouping"
	// CondBrand: a line's brand (marca) is one of values, ignoring case.
	CondBrand ConditionKind = "brand"
	// CondManufacturer: a line's manufacturer (fabricante) is one of
	// values.
	CondManufacturer ConditionKind = "manufacturer"
	// CondLine: a line's product line (linha) is one of values.
	CondLine ConditionKind = "line"
	// CondFamily: a line's family (família) is one of values.
	CondFamily ConditionKind = "family"
	// CondRole: a line's role (papel) is one of values.
	CondRole ConditionKind = "role"
	// CondCustomerTaxID: the customer's CPF or CNPJ is one of values.
	CondCustomerTaxID ConditionKind = "customer_tax_id"
	// CondCustomerAge: the customer's age is between min and max.
	CondCustomerAge ConditionKind = "customer_age"
	// CondCustomerSex: the customer's registered sex is sex.
	CondCustomerSex ConditionKind = "customer_sex"
	// CondCustomerTier: the customer's classification is one of values.
	CondCustomerTier ConditionKind = "customer_tier"
	// CondCustomerGrouping: the customer is in a customer grouping.
	CondCustomerGrouping ConditionKind = "customer_grouping"
	// CondBirthday: the customer's birthday falls in a period.
	CondBirthday ConditionKind = "birthday"
	// CondCapturedField: a field captured at the POS has a value.
	CondCapturedField ConditionKind = "captured_field"
	// CondTender: the sale is paid with values' tenders (finalizadoras).
	CondTender ConditionKind = "tender"
	// CondCardBIN: a card payment's BIN starts with one of values.
	CondCardBIN ConditionKind = "card_bin"
	// CondPromoCode: the customer presented one of the codes.
	CondPromoCode ConditionKind = "promo_code"
	// CondSaleCategory: the sale's category is one of values.
	CondSaleCategory ConditionKind = "sale_category"
	// CondStore: the sale's store is one of values.
	CondStore ConditionKind = "store"
	// CondStoreGrouping: the sale's store is in a store grouping.
	CondStoreGrouping ConditionKind = "store_grouping"
	// CondFirstPurchase: it is the customer's first purchase.
	CondFirstPurchase ConditionKind = "first_purchase"
	// CondConectaAgenda: the sale comes from a Conecta Agenda booking.
	CondConectaAgenda ConditionKind = "conecta_agenda"
	// CondDeliveryMethod: the sale carries freight by one of values'
	// delivery methods.
	CondDeliveryMethod ConditionKind = "delivery_method"
	// CondAll: every nested condition holds (composta, E).
	CondAll ConditionKind = "all"
	// CondAny: one of the nested conditions holds (composta, OU).
	CondAny ConditionKind = "any"
)

// String returns the JSON spelling.
func (v ConditionKind) String() string { return string(v) }

// Sex is the sex a customer_sex condition asks for (Condition.Sex).
type Sex string

// The sexes a condition can ask for.
const (
	// SexFemale is a customer registered as female.
	SexFemale Sex = "female"
	// SexMale is a customer registered as male.
	SexMale Sex = "male"
	// SexOther is a customer registered with any other value.
	SexOther Sex = "other"
)

// String returns the JSON spelling.
func (v Sex) String() string { return string(v) }

// BirthdayPeriod is the span a birthday condition looks at
// (Condition.Period).
type BirthdayPeriod string

// The birthday periods.
const (
	// BirthdayDay is the birthday itself.
	BirthdayDay BirthdayPeriod = "day"
	// BirthdayWeek is the week of the birthday.
	BirthdayWeek BirthdayPeriod = "week"
	// BirthdayMonth is the month of the birthday.
	BirthdayMonth BirthdayPeriod = "month"
)

// String returns the JSON spelling.
func (v BirthdayPeriod) String() string { return string(v) }

// BirthdayRelative says which period around the sale a birthday condition
// looks at (Condition.Relative).
type BirthdayRelative string

// The birthday periods relative to the sale.
const (
	// BirthdayPrevious is the period before the sale's.
	BirthdayPrevious BirthdayRelative = "previous"
	// BirthdayCurrent is the sale's period.
	BirthdayCurrent BirthdayRelative = "current"
	// BirthdayNext is the period after the sale's.
	BirthdayNext BirthdayRelative = "next"
)

// String returns the JSON spelling.
func (v BirthdayRelative) String() string { return string(v) }

// CapturedField is a field the POS captures from the customer
// (Condition.Field).
type CapturedField string

// The captured fields.
const (
	// FieldName is the customer's name.
	FieldName CapturedField = "name"
	// FieldEmail is the customer's e-mail.
	FieldEmail CapturedField = "email"
	// FieldPhone is the customer's phone.
	FieldPhone CapturedField = "phone"
	// FieldAddress is the customer's address.
	FieldAddress CapturedField = "address"
	// FieldBirthDate is the customer's birth date.
	FieldBirthDate CapturedField = "birth_date"
	// FieldSex is the customer's sex.
	FieldSex CapturedField = "sex"
)

// String returns the JSON spelling.
func (v CapturedField) String() string { return string(v) }

// BenefitOn is what a benefit discounts (Benefit.On).
type BenefitOn string

// The benefit targets.
const (
	// OnSale discounts the sale, spread over the eligible lines (desconto
	// na venda).
	OnSale BenefitOn = "sale"
	// OnItems discounts the eligible items (desconto no item).
	OnItems BenefitOn = "items"
	// OnFreight discounts the sale's freight (frete): never a line.
	OnFreight BenefitOn = "freight"
)

// String returns the JSON spelling.
func (v BenefitOn) String() string { return string(v) }

// GroupMode is what a campaign's minimum quantity means for an item
// benefit given to every unit (Campaign.GroupMode); empty keeps the
// behaviour the repetition cap implies.
type GroupMode string

// The group modes.
const (
	// GroupAllFromMinimum: from min_quantity units on, every unit gets the
	// benefit (a próxima unidade também); the minimum only activates.
	GroupAllFromMinimum GroupMode = "all_from_minimum"
	// GroupComplete: the benefit goes to the units of complete groups of
	// min_quantity units (5 units in groups of 2: 4 of them).
	GroupComplete GroupMode = "complete_groups"
)

// String returns the JSON spelling.
func (v GroupMode) String() string { return string(v) }

// ApplyTo is which units an item benefit goes to (Benefit.ApplyTo); empty
// is ApplyToAll.
type ApplyTo string

// The units an item benefit goes to.
const (
	// ApplyToAll gives it to every eligible unit (conceder todos).
	ApplyToAll ApplyTo = "all"
	// ApplyToHighest gives it to the most expensive units (maior
	// benefício).
	ApplyToHighest ApplyTo = "highest"
	// ApplyToLowest gives it to the cheapest units (menor benefício).
	ApplyToLowest ApplyTo = "lowest"
)

// String returns the JSON spelling.
func (v ApplyTo) String() string { return string(v) }

// ComboType is the kind of a supermarket bonification (Combo.Type); the
// Combo's doc comment lists the fields each type uses.
type ComboType string

// The combo types.
const (
	// ComboKit: buy every product of a kit, the bonus products are
	// discounted.
	ComboKit ComboType = "kit"
	// ComboInverseKit: buy one product, a kit of bonus products is
	// discounted.
	ComboInverseKit ComboType = "inverse_kit"
	// ComboBrand: spend a minimum on some brands, a product of those
	// brands is discounted.
	ComboBrand ComboType = "brand"
	// ComboQuantity: buy a minimum quantity of a product, its units get a
	// bonus; purchase blocks per customer.
	ComboQuantity ComboType = "quantity"
	// ComboFlavor: buy a quantity across flavours (sabor), a bonus value
	// per occurrence.
	ComboFlavor ComboType = "flavor"
	// ComboCustomerType: a kit for identified customers of some types.
	ComboCustomerType ComboType = "customer_type"
	// ComboValue: selling a kit product sells a bonus product at a price.
	ComboValue ComboType = "value"
	// ComboCombo: a sale of a minimum value sells a bonus product at a
	// price.
	ComboCombo ComboType = "combo"
	// ComboFlyer: items at flyer prices (folheto, encarte).
	ComboFlyer ComboType = "flyer"
	// ComboScratchCard: scratch cards (rasgadinha) for every so many
	// reais.
	ComboScratchCard ComboType = "scratch_card"
)

// String returns the JSON spelling.
func (v ComboType) String() string { return string(v) }

// PriceType is the price a quantity bonus is measured against (tipo de
// preço, Combo.PriceType); empty is PriceCurrent.
type PriceType string

// The price types.
const (
	// PriceCurrent is the line's unit price.
	PriceCurrent PriceType = "current"
	// PriceOriginal is the line's original price.
	PriceOriginal PriceType = "original"
)

// String returns the JSON spelling.
func (v PriceType) String() string { return string(v) }

// BlockCheck is what a quantity bonification's purchase block counts
// against (Combo.BlockCheck); empty is BlockNone.
type BlockCheck string

// The purchase block checks.
const (
	// BlockNone counts this sale only.
	BlockNone BlockCheck = "none"
	// BlockSaleDay counts the customer's purchases of the sale's day.
	BlockSaleDay BlockCheck = "sale_day"
	// BlockPromotionPeriod counts them over the promotion's period.
	BlockPromotionPeriod BlockCheck = "promotion_period"
)

// String returns the JSON spelling.
func (v BlockCheck) String() string { return string(v) }

// MarkdownBy is what a markdown's item keys are (Markdown.By).
type MarkdownBy string

// The markdown keys.
const (
	// MarkdownByCode: the keys are product codes.
	MarkdownByCode MarkdownBy = "code"
	// MarkdownBySKU: the keys are SKUs.
	MarkdownBySKU MarkdownBy = "sku"
	// MarkdownByReference: the keys are the line attribute "reference".
	MarkdownByReference MarkdownBy = "reference"
	// MarkdownByAll: a key matches the product code, the SKU or the
	// reference.
	MarkdownByAll MarkdownBy = "all"
)

// String returns the JSON spelling.
func (v MarkdownBy) String() string { return string(v) }

// Audience is whom a markdown is for (Markdown.Audience); empty is
// AudienceAll.
type Audience string

// The markdown audiences.
const (
	// AudienceAll is every customer, identified or not.
	AudienceAll Audience = "all"
	// AudienceRegistered is an identified customer.
	AudienceRegistered Audience = "registered"
	// AudienceLoyal is an identified customer with a loyalty tier.
	AudienceLoyal Audience = "loyal"
)

// String returns the JSON spelling.
func (v Audience) String() string { return string(v) }

// PackStatus overrides the status a Desconto Pack table's dates give
// (situação, DiscountPack.Status); empty is PackCurrent.
type PackStatus string

// The Desconto Pack statuses.
const (
	// PackPending stops the table (pendente).
	PackPending PackStatus = "pending"
	// PackCurrent lets the dates decide (vigente).
	PackCurrent PackStatus = "current"
	// PackFinished stops the table (finalizada).
	PackFinished PackStatus = "finished"
)

// String returns the JSON spelling.
func (v PackStatus) String() string { return string(v) }

// PackOwner is who registered a Desconto Pack table (DiscountPack.Owner).
type PackOwner string

// The Desconto Pack owners.
const (
	// OwnerFranchisor is the franchisor (franqueadora); its coupon wins
	// over a store's with the same description.
	OwnerFranchisor PackOwner = "franchisor"
	// OwnerStore is a store's own table.
	OwnerStore PackOwner = "store"
)

// String returns the JSON spelling.
func (v PackOwner) String() string { return string(v) }

// PackStoreKind is the kind of a store taking part in a Desconto Pack
// table (PackStore.Kind).
type PackStoreKind string

// The kinds of participating store.
const (
	// PackStoreOwn is the retailer's own store (loja própria).
	PackStoreOwn PackStoreKind = "own"
	// PackStoreFranchise is a franchise (franquia).
	PackStoreFranchise PackStoreKind = "franchise"
)

// String returns the JSON spelling.
func (v PackStoreKind) String() string { return string(v) }

// PackAttribute is the product attribute a Desconto Pack requirement or
// prize is on (PackRequirement.Attribute, PackItemsPrize.Attribute).
type PackAttribute string

// The Desconto Pack attributes.
const (
	// AttributeLine is the product line (linha).
	AttributeLine PackAttribute = "line"
	// AttributeManufacturer is the manufacturer (fabricante).
	AttributeManufacturer PackAttribute = "manufacturer"
	// AttributeFamily is the family (família).
	AttributeFamily PackAttribute = "family"
	// AttributeProduct is the product code (produto).
	AttributeProduct PackAttribute = "product"
	// AttributeRole is the role (papel); prizes only.
	AttributeRole PackAttribute = "role"
)

// String returns the JSON spelling.
func (v PackAttribute) String() string { return string(v) }

// PrizeRule is which units a Desconto Pack items prize goes to
// (PackItemsPrize.Rule); empty is PrizeHighest.
type PrizeRule string

// The Desconto Pack prize rules.
const (
	// PrizeHighest gives it to the most expensive units (maior desconto).
	PrizeHighest PrizeRule = "highest"
	// PrizeLowest gives it to the cheapest units (menor desconto).
	PrizeLowest PrizeRule = "lowest"
)

// String returns the JSON spelling.
func (v PrizeRule) String() string { return string(v) }
