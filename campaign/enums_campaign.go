package campaign

// The enumerated fields of a campaign: its exchange mode, cashback, limits
// and benefit (see enums.go for what the typed strings mean).

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

// CashbackKind is the kind of a cashback's value (tipo do cashback,
// Cashback.Kind).
type CashbackKind string

// The cashback kinds.
const (
	// CashbackFixed: the value is an amount in R$.
	CashbackFixed CashbackKind = "fixed"
	// CashbackPercent: the value is a percent.
	CashbackPercent CashbackKind = "percent"
)

// String returns the JSON spelling.
func (v CashbackKind) String() string { return string(v) }

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
