package campaign

import (
	"fmt"
	"strings"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// taxIDCondition compiles a customer_tax_id rule: its values are CPFs or
// CNPJs.
func (c *compiler) taxIDCondition(in conditionIn) rules.Condition {
	c.needValues(in)
	ids := make([]br.TaxID, 0, len(in.cd.Values))
	for j, v := range in.cd.Values {
		t, err := br.ParseTaxID(v)
		if err != nil {
			c.fail(fmt.Sprintf("%s.values[%d]", in.p, j), "%v", err)
			continue
		}
		ids = append(ids, t)
	}
	return rules.TaxIDIn(ids...)
}

// ageCondition compiles a customer_age rule: min, max or both, in years.
func (c *compiler) ageCondition(in conditionIn) rules.Condition {
	cd, p := in.cd, in.p
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
	return rules.AgeBetween(lo, hi)
}

// sexCondition compiles a customer_sex rule.
func (c *compiler) sexCondition(in conditionIn) rules.Condition {
	var sx promo.Sex
	if err := sx.UnmarshalText([]byte(in.cd.Sex)); err != nil || in.cd.Sex == "" {
		c.fail(in.p+".sex", "want female, male or other")
	}
	return rules.SexIs(sx)
}

// birthdayCondition compiles a birthday rule: its period, relative to the
// sale's, with a tolerance in days.
func (c *compiler) birthdayCondition(in conditionIn) rules.Condition {
	cd, p := in.cd, in.p
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
	return rules.Birthday(per, rel, cd.ToleranceDays)
}

// capturedFieldCondition compiles a captured_field rule, for optional
// campaigns only: a birth date or a sex value must read as one.
func (c *compiler) capturedFieldCondition(in conditionIn) rules.Condition {
	cd, p := in.cd, in.p
	c.optionalOnly(in, "captured_field")
	if !rules.IsCapturedField(string(cd.Field)) {
		c.fail(p+".field", "want name, email, phone, address, birth_date or sex")
	}
	switch {
	case cd.Value == "":
		c.fail(p+".value", "required")
	case cd.Field == FieldBirthDate:
		if _, err := br.ParseDate(cd.Value); err != nil {
			c.fail(p+".value", "%v", err)
		}
	case cd.Field == FieldSex:
		var sx promo.Sex
		if err := sx.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(cd.Value)))); err != nil {
			c.fail(p+".value", "want female, male or other")
		}
	}
	return rules.CapturedField(string(cd.Field), cd.Value)
}
