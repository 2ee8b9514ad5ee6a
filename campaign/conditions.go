package campaign

import (
	"fmt"
	"slices"
	"strings"

	"github.com/promokit/promokit/rules"
)

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
	form, known := cd.Kind.form()
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
		if !slices.Contains(form.fields, f) {
			c.fail(p+"."+f, "not used by kind %s", cd.Kind)
		}
	}
	req, err := rules.ParseRequire(string(cd.Require))
	if err != nil {
		c.fail(p+".require", "%v", err)
	}
	out := form.compile(c, conditionIn{p: p, cd: cd, cc: cc, req: req})
	if len(c.problems) > before {
		return nil
	}
	return out
}

// conditionForm is how a condition kind is compiled: the fields it uses
// besides kind (a field set on a kind that does not use it is a compile
// error), and its compile step, which reports its problems.
type conditionForm struct {
	fields  []string
	compile func(c *compiler, in conditionIn) rules.Condition
}

// conditionIn is a condition being compiled: its path, its definition, the
// campaign it is in and its require, parsed.
type conditionIn struct {
	p   string
	cd  *Condition
	cc  campaignCtx
	req rules.Require
}

// form returns how a condition of kind v is compiled; false when v is not
// a kind.
func (v ConditionKind) form() (conditionForm, bool) {
	switch v {
	case CondProductCode:
		return lineValues(rules.ProductCode), true
	case CondSKU:
		return lineValues(rules.SKU), true
	case CondNCM:
		return lineValues(rules.NCM), true
	case CondCategory:
		return lineValues(rules.Category), true
	case CondBrand:
		return lineValues(rules.Brand), true
	case CondManufacturer:
		return lineValues(rules.Manufacturer), true
	case CondLine:
		return lineValues(rules.ProductLine), true
	case CondFamily:
		return lineValues(rules.Family), true
	case CondRole:
		return lineValues(rules.Role), true
	case CondTender:
		return lineValues(rules.Tenders), true
	case CondGrouping:
		return conditionForm{[]string{"grouping", "require"}, (*compiler).productGroupingCondition}, true
	case CondCustomerTaxID:
		return conditionForm{[]string{"values"}, (*compiler).taxIDCondition}, true
	case CondCustomerAge:
		return conditionForm{[]string{"min", "max"}, (*compiler).ageCondition}, true
	case CondCustomerSex:
		return conditionForm{[]string{"sex"}, (*compiler).sexCondition}, true
	case CondCustomerTier:
		return saleValues(rules.TierIn), true
	case CondCustomerGrouping:
		return conditionForm{[]string{"grouping"}, (*compiler).customerGroupingCondition}, true
	case CondBirthday:
		return conditionForm{[]string{"period", "relative", "tolerance_days"}, (*compiler).birthdayCondition}, true
	case CondCapturedField:
		return conditionForm{[]string{"field", "value"}, (*compiler).capturedFieldCondition}, true
	case CondCardBIN:
		return conditionForm{[]string{"values"}, (*compiler).cardBINCondition}, true
	case CondPromoCode:
		return conditionForm{[]string{"codes", "issued_by"}, (*compiler).promoCodeCondition}, true
	case CondSaleCategory:
		return saleValues(rules.SaleCategoryIn), true
	case CondStore:
		return saleValues(func(ids ...string) rules.Condition { return rules.StoreIn("", ids...) }), true
	case CondDeliveryMethod:
		return saleValues(rules.DeliveryMethodIn), true
	case CondStoreGrouping:
		return conditionForm{[]string{"grouping"}, (*compiler).storeGroupingCondition}, true
	case CondFirstPurchase:
		return guarded(rules.FirstPurchase, ""), true
	case CondConectaAgenda:
		return guarded(rules.UsesAgenda, "conecta_agenda"), true
	case CondAll:
		return composite(rules.All), true
	case CondAny:
		return composite(rules.Any), true
	}
	return conditionForm{}, false
}

// needValues checks a condition's values: at least one, none empty (a
// category's not only slashes).
func (c *compiler) needValues(in conditionIn) {
	if len(in.cd.Values) == 0 {
		c.fail(in.p+".values", "at least one value is required")
	}
	for j, v := range in.cd.Values {
		if strings.TrimSpace(v) == "" || (in.cd.Kind == CondCategory && strings.Trim(v, "/") == "") {
			c.fail(fmt.Sprintf("%s.values[%d]", in.p, j), "must not be empty")
		}
	}
}

// optionalOnly reports a kind of rule (what) that only an optional
// campaign may have.
func (c *compiler) optionalOnly(in conditionIn, what string) {
	if !in.cc.optional {
		c.fail(in.p+".kind", "%s rules are allowed on optional campaigns only (set optional: true)", what)
	}
}

// lineValues is a kind that holds when the lines (or the tenders) have
// values, any or all of them as require says.
func lineValues(build func(rules.Require, ...string) rules.Condition) conditionForm {
	return conditionForm{[]string{"values", "require"}, func(c *compiler, in conditionIn) rules.Condition {
		c.needValues(in)
		return build(in.req, in.cd.Values...)
	}}
}

// saleValues is a kind that holds when a value of the sale or its customer
// is one of values.
func saleValues(build func(...string) rules.Condition) conditionForm {
	return conditionForm{[]string{"values"}, func(c *compiler, in conditionIn) rules.Condition {
		c.needValues(in)
		return build(in.cd.Values...)
	}}
}

// guarded is a kind that holds when its own test and its nested
// conditions do; optional, when not empty, names the kind as one only
// optional campaigns may have.
func guarded(test func() rules.Condition, optional string) conditionForm {
	return conditionForm{[]string{"conditions"}, func(c *compiler, in conditionIn) rules.Condition {
		if optional != "" {
			c.optionalOnly(in, optional)
		}
		return rules.All(append([]rules.Condition{test()}, c.nested(in.p, in.cd.Conditions, false, in.cc)...)...)
	}}
}

// composite is a kind made of at least one nested condition, combined
// with all or any.
func composite(combine func(...rules.Condition) rules.Condition) conditionForm {
	return conditionForm{[]string{"conditions"}, func(c *compiler, in conditionIn) rules.Condition {
		return combine(c.nested(in.p, in.cd.Conditions, true, in.cc)...)
	}}
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
