package campaign

import (
	"fmt"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// Target selects the lines that get a campaign's benefit (o alvo), apart
// from the lines that qualify the sale: the rules and thresholds qualify,
// the target receives. "Compre um shampoo e ganhe 30 % no condicionador";
// "compre uma cômoda, a mesa sai de graça"; "qualquer camisa no carrinho
// dá 20 % em todas as linhas". Exactly one of Conditions and AllLines is
// set.
type Target struct {
	// Match is "all" (the default) or "any", as in Rules.
	Match Match `json:"match,omitempty"`
	// Conditions are product conditions (product_code, sku, ncm, category,
	// grouping, brand, manufacturer, line, family, role, and all or any of
	// them): the lines they select get the benefit.
	Conditions []Condition `json:"conditions,omitempty"`
	// AllLines targets every line of the cart.
	AllLines bool `json:"all_lines,omitempty"`
	// Quantity, when above 0, makes each occurrence take min_quantity
	// qualifying units and Quantity target units, which get the benefit
	// ("compre 2 de X, leve 1 de Y com 50 %"), repeated while the units
	// last (up to max_repetitions); a unit belongs to one occurrence only.
	// The target units are the cheapest (benefit.apply_to lowest, the
	// default) or the dearest (highest). 0: every unit of the target's
	// lines gets it (apply_to all), or the dearest or cheapest one.
	Quantity int64 `json:"quantity,omitempty"`
}

// selectsLines reports whether a condition kind selects lines, as a
// target's conditions must.
func selectsLines(k ConditionKind) bool {
	switch k {
	case CondProductCode, CondSKU, CondNCM, CondCategory, CondGrouping, CondBrand, CondManufacturer,
		CondLine, CondFamily, CondRole, CondAll, CondAny:
		return true
	}
	return false
}

// target compiles a campaign's target at path p; nil, false without one.
func (c *compiler) target(p string, t *Target, cc campaignCtx) (cond rules.Condition, all bool) {
	if t == nil {
		return nil, false
	}
	if t.Quantity < 0 {
		c.fail(p+".quantity", "must not be negative")
	}
	switch {
	case t.AllLines && t.Conditions != nil:
		c.fail(p+".all_lines", "give conditions or all_lines, not both")
		return nil, false
	case t.AllLines:
		if t.Match != "" {
			c.fail(p+".match", "not used with all_lines")
		}
		return nil, true
	case len(t.Conditions) == 0:
		c.fail(p, "give conditions (the lines that get the benefit) or all_lines")
		return nil, false
	}
	var check func(q string, cs []Condition)
	check = func(q string, cs []Condition) {
		for i, cd := range cs {
			cp := fmt.Sprintf("%s.conditions[%d]", q, i)
			if !selectsLines(cd.Kind) && cd.Kind != "" {
				c.fail(cp+".kind", "a target selects lines: want a product condition (product_code, sku, ncm, category, grouping, brand, manufacturer, line, family, role, all or any), got %s", cd.Kind)
				continue
			}
			check(cp, cd.Conditions)
		}
	}
	before := len(c.problems)
	check(p, t.Conditions)
	if len(c.problems) > before {
		return nil, false
	}
	return c.rules(p, &Rules{Match: t.Match, Conditions: t.Conditions}, cc), false
}

// targetChecks checks a target against the rest of the campaign.
func (c *compiler) targetChecks(p string, cp *Campaign) {
	t := cp.Target
	b := &cp.Benefit
	switch {
	case cp.NoBenefit || (*b == Benefit{}):
		c.fail(p+".target", "a target receives a benefit: the campaign needs one")
		return
	case b.Percent == nil && b.Amount == nil && b.FinalPrice == nil:
		c.fail(p+".target", "a target takes a percent, an amount or a final price")
		return
	case b.On != OnItems && b.On != OnSale:
		c.fail(p+".target", "a target's lines get a discount on items or on the sale")
		return
	}
	if t.Quantity > 0 {
		if b.On != OnItems {
			c.fail(p+".target.quantity", "counts units: the benefit must be on items")
		}
		if b.ApplyTo == ApplyToAll {
			c.fail(p+".benefit.apply_to", "with a target quantity the target's units are the cheapest (lowest, the default) or the dearest (highest)")
		}
		if cp.GroupMode != "" {
			c.fail(p+".group_mode", "with a target quantity each occurrence is min_quantity qualifying units and the target's units")
		}
		return
	}
	if cp.MaxRepetitions > 0 {
		c.fail(p+".max_repetitions", "a target without a quantity gives its lines the benefit once: give target.quantity to repeat it")
	}
	if cp.GroupMode != "" {
		c.fail(p+".group_mode", "a target without a quantity gives its lines the benefit once: min_quantity only qualifies")
	}
}

// targetLines returns the lines the campaign's target selects on v, or why
// there are none.
func (r *reshopBody) targetLines(v *promo.View) ([]int, *promo.Reason) {
	if r.targetAll {
		all := make([]int, v.Len())
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	o := r.target.Check(v)
	if !o.OK || len(o.Lines) == 0 {
		return nil, &promo.Reason{Code: promo.ReasonNoEligibleItems,
			PT: "nenhum item do alvo no carrinho: " + o.Reason.PT, EN: "no item of the target in the cart: " + o.Reason.EN}
	}
	return o.Lines, nil
}

// targeted reports whether the campaign has a target.
func (r *reshopBody) targeted() bool { return r.target != nil || r.targetAll }

// targetScope hands the benefit the target: its lines (and, with a
// quantity, the qualifying lines it pairs them with).
func (r *reshopBody) targetScope(s *benefit.Scope, target []int) {
	if r.targetQty > 0 {
		s.Target, s.TargetQuantity = target, r.targetQty
		return
	}
	s.Lines, s.GroupSize = target, 0
}

// groupMode checks a campaign's group_mode and reports whether it counts
// complete groups even without a repetition cap.
func (c *compiler) groupMode(p string, cp *Campaign) bool {
	b := &cp.Benefit
	switch cp.GroupMode {
	case "":
		return false
	case GroupAllFromMinimum, GroupComplete:
	default:
		c.fail(p+".group_mode", "want all_from_minimum or complete_groups, got %q", cp.GroupMode)
		return false
	}
	if b.On != OnItems || (b.Percent == nil && b.Amount == nil && b.FinalPrice == nil) {
		c.fail(p+".group_mode", "applies to a percent, an amount or a final price on items")
		return false
	}
	if b.ApplyTo != "" && b.ApplyTo != ApplyToAll {
		c.fail(p+".group_mode", "applies to benefits given to every unit (apply_to all): highest and lowest always pick per complete group")
		return false
	}
	if cp.MinQuantity < 1 {
		c.fail(p+".group_mode", "needs min_quantity: the size of a group")
		return false
	}
	if cp.GroupMode == GroupAllFromMinimum && cp.MaxRepetitions > 0 {
		c.fail(p+".group_mode", "all_from_minimum makes one occurrence: max_repetitions counts complete groups")
		return false
	}
	return cp.GroupMode == GroupComplete
}
