package campaign

// The enumerated fields of a campaign's activation rules (Rules,
// Condition).

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
