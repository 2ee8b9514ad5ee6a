package campaign

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// conditionFields lists, per condition kind, the fields it uses besides
// kind. A field set on a kind that does not use it is a compile error.
func conditionFields(kind ConditionKind) (fields []string, known bool) {
	switch kind {
	case CondProductCode, CondSKU, CondNCM, CondCategory, CondTender,
		CondBrand, CondManufacturer, CondLine, CondFamily, CondRole:
		return []string{"values", "require"}, true
	case CondGrouping:
		return []string{"grouping", "require"}, true
	case CondCustomerTaxID, CondCustomerTier, CondCardBIN, CondSaleCategory, CondStore, CondDeliveryMethod:
		return []string{"values"}, true
	case CondCustomerAge:
		return []string{"min", "max"}, true
	case CondCustomerSex:
		return []string{"sex"}, true
	case CondCustomerGrouping, CondStoreGrouping:
		return []string{"grouping"}, true
	case CondBirthday:
		return []string{"period", "relative", "tolerance_days"}, true
	case CondCapturedField:
		return []string{"field", "value"}, true
	case CondPromoCode:
		return []string{"codes", "issued_by"}, true
	case CondFirstPurchase, CondConectaAgenda:
		return []string{"conditions"}, true
	case CondAll, CondAny:
		return []string{"conditions"}, true
	}
	return nil, false
}

// setFields returns the names of the fields of cd that are set.
func setFields(cd *Condition) []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	add(cd.Values != nil, "values")
	add(cd.Require != "", "require")
	add(cd.Grouping != "", "grouping")
	add(cd.Min != nil, "min")
	add(cd.Max != nil, "max")
	add(cd.Sex != "", "sex")
	add(cd.Period != "", "period")
	add(cd.Relative != "", "relative")
	add(cd.ToleranceDays != 0, "tolerance_days")
	add(cd.Field != "", "field")
	add(cd.Value != "", "value")
	add(cd.Codes != nil, "codes")
	add(cd.IssuedBy != "", "issued_by")
	add(cd.Conditions != nil, "conditions")
	return out
}

const kindList = "product_code, sku, ncm, category, grouping, brand, manufacturer, line, family, role, customer_tax_id, customer_age, customer_sex, customer_tier, customer_grouping, birthday, captured_field, tender, card_bin, promo_code, sale_category, store, store_grouping, delivery_method, first_purchase, conecta_agenda, all or any"

// campaignCtx is what compiling a campaign's conditions needs to know.
type campaignCtx struct {
	id       string
	optional bool
}

// condition compiles one condition at path p; nil when it has problems.
func (c *compiler) condition(p string, cd *Condition, cc campaignCtx) rules.Condition {
	uses, known := conditionFields(cd.Kind)
	if !known {
		if cd.Kind == "" {
			c.fail(p+".kind", "required (%s)", kindList)
		} else {
			c.fail(p+".kind", "unknown kind %q (want %s)", cd.Kind, kindList)
		}
		return nil
	}
	before := len(c.problems)
	for _, f := range setFields(cd) {
		used := false
		for _, u := range uses {
			used = used || u == f
		}
		if !used {
			c.fail(p+"."+f, "not used by kind %s", cd.Kind)
		}
	}
	req, err := rules.ParseRequire(string(cd.Require))
	if err != nil {
		c.fail(p+".require", "%v", err)
	}
	needValues := func() {
		if len(cd.Values) == 0 {
			c.fail(p+".values", "at least one value is required")
		}
		for j, v := range cd.Values {
			if strings.TrimSpace(v) == "" || (cd.Kind == CondCategory && strings.Trim(v, "/") == "") {
				c.fail(fmt.Sprintf("%s.values[%d]", p, j), "must not be empty")
			}
		}
	}
	optionalOnly := func(what string) {
		if !cc.optional {
			c.fail(p+".kind", "%s rules are allowed on optional campaigns only (set optional: true)", what)
		}
	}
	var out rules.Condition
	switch cd.Kind {
	case CondProductCode:
		needValues()
		out = rules.ProductCode(req, cd.Values...)
	case CondSKU:
		needValues()
		out = rules.SKU(req, cd.Values...)
	case CondNCM:
		needValues()
		out = rules.NCM(req, cd.Values...)
	case CondCategory:
		needValues()
		out = rules.Category(req, cd.Values...)
	case CondBrand:
		needValues()
		out = rules.Brand(req, cd.Values...)
	case CondManufacturer:
		needValues()
		out = rules.Manufacturer(req, cd.Values...)
	case CondLine:
		needValues()
		out = rules.ProductLine(req, cd.Values...)
	case CondFamily:
		needValues()
		out = rules.Family(req, cd.Values...)
	case CondRole:
		needValues()
		out = rules.Role(req, cd.Values...)
	case CondGrouping:
		if g := c.grouping(p, cd.Grouping, "product"); g != nil {
			out = rules.ProductGroup(g.ID, req, g.Members...)
		}
	case CondCustomerTaxID:
		needValues()
		ids := make([]promo.TaxID, 0, len(cd.Values))
		for j, v := range cd.Values {
			t, err := promo.ParseTaxID(v)
			if err != nil {
				c.fail(fmt.Sprintf("%s.values[%d]", p, j), "%v", err)
				continue
			}
			ids = append(ids, t)
		}
		out = rules.TaxIDIn(ids...)
	case CondCustomerAge:
		lo, hi := 0, 150
		if cd.Min != nil {
			lo = *cd.Min
		}
		if cd.Max != nil {
			hi = *cd.Max
		}
		if cd.Min == nil && cd.Max == nil {
			c.fail(p, "min or max is required")
		}
		if lo < 0 {
			c.fail(p+".min", "must not be negative")
		}
		if cd.Max != nil && hi < 0 {
			c.fail(p+".max", "must not be negative")
		} else if hi < lo {
			c.fail(p+".max", "must not be less than min")
		}
		out = rules.AgeBetween(lo, hi)
	case CondCustomerSex:
		var sx promo.Sex
		if err := sx.UnmarshalText([]byte(cd.Sex)); err != nil || cd.Sex == "" {
			c.fail(p+".sex", "want female, male or other")
		}
		out = rules.SexIs(sx)
	case CondCustomerTier:
		needValues()
		out = rules.TierIn(cd.Values...)
	case CondCustomerGrouping:
		if g := c.grouping(p, cd.Grouping, "customer"); g != nil {
			out = rules.CustomerGroup(g.ID, g.Members)
		}
	case CondBirthday:
		per, err := rules.ParseBirthdayPeriod(string(cd.Period))
		if err != nil {
			c.fail(p+".period", "%v", err)
		}
		rel, err := rules.ParseRelative(string(cd.Relative))
		if err != nil {
			c.fail(p+".relative", "%v", err)
		}
		if cd.ToleranceDays < 0 {
			c.fail(p+".tolerance_days", "must not be negative")
		}
		out = rules.Birthday(per, rel, cd.ToleranceDays)
	case CondCapturedField:
		optionalOnly("captured_field")
		if !rules.IsCapturedField(string(cd.Field)) {
			c.fail(p+".field", "want name, email, phone, address, birth_date or sex")
		}
		switch {
		case cd.Value == "":
			c.fail(p+".value", "required")
		case cd.Field == FieldBirthDate:
			if _, err := promo.ParseDate(cd.Value); err != nil {
				c.fail(p+".value", "%v", err)
			}
		case cd.Field == FieldSex:
			var sx promo.Sex
			if err := sx.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(cd.Value)))); err != nil {
				c.fail(p+".value", "want female, male or other")
			}
		}
		out = rules.CapturedField(string(cd.Field), cd.Value)
	case CondTender:
		needValues()
		out = rules.Tenders(req, cd.Values...)
	case CondCardBIN:
		needValues()
		for j, v := range cd.Values {
			if strings.Trim(v, "0123456789") != "" {
				c.fail(fmt.Sprintf("%s.values[%d]", p, j), "a BIN prefix has digits only")
			}
		}
		out = rules.CardBIN(cd.Values...)
	case CondPromoCode:
		switch {
		case cd.IssuedBy != "" && cd.Codes != nil:
			c.fail(p+".issued_by", "give codes or issued_by, not both")
		case cd.IssuedBy != "":
			out = c.issuedCode(p, cd.IssuedBy)
		default:
			out = c.promoCode(p, cd.Codes, cc)
		}
	case CondSaleCategory:
		needValues()
		out = rules.SaleCategoryIn(cd.Values...)
	case CondStore:
		needValues()
		out = rules.StoreIn("", cd.Values...)
	case CondDeliveryMethod:
		needValues()
		out = rules.DeliveryMethodIn(cd.Values...)
	case CondStoreGrouping:
		if g := c.grouping(p, cd.Grouping, "store"); g != nil {
			out = rules.StoreIn(g.ID, g.Members...)
		}
	case CondFirstPurchase:
		out = rules.All(append([]rules.Condition{rules.FirstPurchase()}, c.nested(p, cd.Conditions, false, cc)...)...)
	case CondConectaAgenda:
		optionalOnly("conecta_agenda")
		out = rules.All(append([]rules.Condition{rules.UsesAgenda()}, c.nested(p, cd.Conditions, false, cc)...)...)
	case CondAll:
		out = rules.All(c.nested(p, cd.Conditions, true, cc)...)
	case CondAny:
		out = rules.Any(c.nested(p, cd.Conditions, true, cc)...)
	}
	if len(c.problems) > before {
		return nil
	}
	return out
}

// rules compiles a campaign's activation rules at path p.
func (c *compiler) rules(p string, r *Rules, cc campaignCtx) rules.Condition {
	if len(r.Conditions) == 0 {
		c.fail(p+".conditions", "at least one condition is required")
		return nil
	}
	conds := c.nested(p, r.Conditions, true, cc)
	switch r.Match {
	case "", MatchAll:
		return rules.All(conds...)
	case MatchAny:
		return rules.Any(conds...)
	}
	c.fail(p+".match", "unknown match %q (want all or any)", r.Match)
	return nil
}

// nested compiles the conditions of a composite.
func (c *compiler) nested(p string, conds []Condition, required bool, cc campaignCtx) []rules.Condition {
	if required && len(conds) == 0 {
		c.fail(p+".conditions", "at least one condition is required")
	}
	out := make([]rules.Condition, 0, len(conds))
	for i := range conds {
		if r := c.condition(fmt.Sprintf("%s.conditions[%d]", p, i), &conds[i], cc); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (c *compiler) promoCode(p string, cs *CodeSet, cc campaignCtx) rules.Condition {
	if cs == nil || (len(cs.List) == 0 && cs.Generate == nil) {
		c.fail(p+".codes", "a list of codes or a generate pattern is required")
		return nil
	}
	codes := make([]string, 0, len(cs.List))
	for j, k := range cs.List {
		if rules.NormalizeCode(k) == "" {
			c.fail(fmt.Sprintf("%s.codes.list[%d]", p, j), "must not be empty")
		}
		codes = append(codes, k)
	}
	if g := cs.Generate; g != nil {
		gp := p + ".codes.generate"
		if g.Count < 1 || g.Count > 1_000_000 {
			c.fail(gp+".count", "must be between 1 and 1000000")
		}
		if g.Length < 6 || g.Length > 32 {
			c.fail(gp+".length", "must be between 6 and 32 (shorter codes are guessable)")
		}
		if utf8.RuneCountInString(g.Secret) < 16 {
			c.fail(gp+".secret", "must have at least 16 characters")
		}
		switch {
		case g.Count < 1 || g.Count > 1_000_000 || g.Length < 6 || g.Length > 32:
		case g.Numbered:
			// Checked by their construction: nothing listed.
			return rules.PromoCodeIn(codes, rules.NumberedSet{Campaign: cc.id, Prefix: g.Prefix, Secret: g.Secret, Count: g.Count, Length: g.Length})
		default:
			codes = slices.AppendSeq(codes, rules.GeneratedCodes(cc.id, g.Prefix, g.Secret, g.Count, g.Length))
		}
	}
	return rules.PromoCode(codes)
}

// issuedCode compiles a promo_code rule that accepts the codes campaign
// issuer issues.
func (c *compiler) issuedCode(p, issuer string) rules.Condition {
	k, ok := c.campaignIdx[issuer]
	if !ok {
		c.fail(p+".issued_by", "unknown campaign %q", issuer)
		return nil
	}
	ex := c.def.Campaigns[k].Extras
	if ex == nil || ex.IssueCode == nil {
		c.fail(p+".issued_by", "campaign %q issues no codes (extras.issue_code)", issuer)
		return nil
	}
	ic := ex.IssueCode
	return rules.IssuedCode(issuer, ic.Prefix, ic.Secret, issueLength(ic), ic.StartsAfterDays, ic.ValidDays)
}

func issueLength(ic *IssueCode) int {
	if ic.Length == 0 {
		return 8
	}
	return ic.Length
}
