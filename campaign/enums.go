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
