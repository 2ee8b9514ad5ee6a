package campaign

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
