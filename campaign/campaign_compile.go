package campaign

import (
	"fmt"
	"reflect"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/exchange"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// campaigns compiles the Reshop-style campaigns in definition order; ids
// maps each campaign id to its index, for the associations' checks, and
// seen every promotion's id to its path.
func (c *compiler) campaigns(def Ruleset, loc *time.Location, cats map[string]int, seen map[string]string) (ids map[string]int, out []promo.Promotion) {
	ids = map[string]int{}
	out = make([]promo.Promotion, 0, len(def.Campaigns))
	for i := range def.Campaigns {
		p := fmt.Sprintf("campaigns[%d]", i)
		cp := &def.Campaigns[i]
		if _, dup := ids[cp.ID]; !dup {
			ids[cp.ID] = i
		}
		if pr := c.campaign(p, cp, loc, cats, seen); pr != nil {
			out = append(out, pr)
		}
	}
	return ids, out
}

// campaign compiles one campaign at path p; nil when it has problems.
func (c *compiler) campaign(p string, cp *Campaign, loc *time.Location, cats map[string]int, seen map[string]string) promo.Promotion {
	before := len(c.problems)
	start, end := c.campaignHead(p, cp, loc, cats, seen)
	cond := c.activation(p, cp)
	thresholds := c.thresholds(p, cp)
	b, sel := c.campaignBenefit(p, cp)
	tcond, tall := c.target(p+".target", cp.Target, campaignCtx{id: cp.ID, optional: cp.Optional})
	if cp.Target != nil {
		c.targetChecks(p, cp)
		if cp.Target.Quantity > 0 && cp.Benefit.ApplyTo == "" {
			sel = benefit.Lowest // the target's cheapest units, by default
		}
	}
	complete := c.groupMode(p, cp)
	lims := c.limits(p+".limits", cp.Limits, cp.Benefit.On == OnItems)
	xmode, err := exchange.ParseMode(string(cp.ExchangeMode))
	if err != nil {
		c.fail(p+".exchange_mode", "%v", err)
	}
	extras := c.extras(p+".extras", cp.ID, cp.Extras, loc)
	exc := c.exceptions(p+".exceptions", cp.Exceptions)
	bud := c.budget(p+".budget", cp.Budget)
	c.campaignConflicts(p, cp, exc, bud)
	if len(c.problems) > before {
		return nil
	}
	body := &reshopBody{benefit: b, exc: exc, limits: lims, extras: extras, thresholds: thresholds,
		budget: bud, maxDiscount: copyAmount(cp.Benefit.MaxDiscount),
		groupSize: cp.MinQuantity, maxRep: cp.MaxRepetitions, sel: sel, xmode: xmode, completeGroups: complete,
		target: tcond, targetAll: tall}
	if cp.Target != nil {
		body.targetQty = cp.Target.Quantity
	}
	return &reshop{
		reshopBody: c.shareBody(body, cp.Target == nil),
		info: promo.Info{
			ID: cp.ID, Name: cp.Name, Description: cp.Description, Category: cp.Category, Type: c.typeName(cp.Type()), Phase: b.Phase(),
			Optional: cp.Optional,
			Priority: cp.Priority, Exclusive: cp.NonCumulative, Start: start, End: end,
			Funder: cp.FundedBy,
		},
		cond:    cond,
		redeems: cond != nil && rules.RedeemsCodes(cond),
	}
}

// campaignHead checks a campaign's id, name, priority, dates and category.
func (c *compiler) campaignHead(p string, cp *Campaign, loc *time.Location, cats map[string]int, seen map[string]string) (start, end time.Time) {
	start, end = c.general(p, &cp.General, loc, seen)
	if cp.Category != "" {
		if _, ok := cats[cp.Category]; !ok {
			c.fail(p+".category", "unknown category %q (not in categories)", cp.Category)
		}
	}
	return start, end
}

// activation compiles a campaign's activation rules, with the LGPD
// consent it may require; nil when it has none.
func (c *compiler) activation(p string, cp *Campaign) rules.Condition {
	var cond rules.Condition
	switch {
	case cp.NoActivationRules && cp.Rules != nil:
		c.fail(p+".rules", "must be absent when no_activation_rules is true")
	case !cp.NoActivationRules && cp.Rules == nil:
		c.fail(p+".rules", "required unless no_activation_rules is true")
	case cp.Rules != nil:
		cond = c.rules(p+".rules", cp.Rules, campaignCtx{id: cp.ID, optional: cp.Optional})
	}
	if !cp.RequireLGPDConsent {
		return cond
	}
	if cond == nil {
		return rules.LGPDConsent()
	}
	return rules.All(rules.LGPDConsent(), cond)
}

// thresholds compiles a campaign's minimum quantity and value.
func (c *compiler) thresholds(p string, cp *Campaign) []rules.Threshold {
	if cp.MinQuantity < 0 {
		c.fail(p+".min_quantity", "must not be negative")
	}
	var thresholds []rules.Threshold
	if cp.MinQuantity > 0 {
		thresholds = append(thresholds, rules.MinQuantity(cp.MinQuantity))
	}
	if cp.MinValue != nil && c.amount(p+".min_value", *cp.MinValue, bounds.Money) {
		thresholds = append(thresholds, rules.MinValue(*cp.MinValue))
	}
	return thresholds
}

// campaignBenefit compiles what a campaign gives (none, its extras alone
// or its benefit) and checks its repetition cap against it.
func (c *compiler) campaignBenefit(p string, cp *Campaign) (b benefit.Benefit, sel benefit.Selection) {
	if cp.MaxRepetitions < 0 {
		c.fail(p+".max_repetitions", "must not be negative")
	}
	switch {
	case cp.NoBenefit:
		if cp.Benefit != (Benefit{}) {
			c.fail(p+".benefit", "must be absent when no_benefit is true")
		}
		if cp.Extras != nil {
			c.fail(p+".extras", "must be absent when no_benefit is true")
		}
		b = benefit.None()
	case cp.Benefit == (Benefit{}) && cp.Extras != nil:
		c.extrasOnly(p, cp)
		b = benefit.None() // the extras are the benefit
	default:
		b, sel = c.benefit(p+".benefit", &cp.Benefit)
	}
	if cp.MaxRepetitions > 0 && cp.Benefit.On == OnItems && (cp.Benefit.Progressive != nil || cp.Benefit.AgePercent != nil) {
		c.fail(p+".max_repetitions", "does not apply to progressive or age_percent benefits")
	}
	if cp.Benefit.On == OnSale && cp.MaxRepetitions > 0 {
		c.fail(p+".max_repetitions", "applies to item benefits only")
	}
	return b, sel
}

// extrasOnly checks a campaign whose extras are its only benefit: a
// non-cumulative one competes by what it gives, and one whose benefit is
// only cashback or points needs their value.
func (c *compiler) extrasOnly(p string, cp *Campaign) {
	if cp.NonCumulative && cp.Extras.Cashback != nil && c.def.Settings.CashbackValue == nil {
		c.fail(p+".non_cumulative", "its only benefit is cashback: settings.cashback_value must say what R$ 1,00 of cashback is worth to compare it with other non-cumulative campaigns")
	}
	if cp.NonCumulative && cp.Extras.Points != nil && cp.Extras.Cashback == nil && c.def.Settings.PointValue == nil {
		c.fail(p+".non_cumulative", "its only benefit is points: settings.point_value must say what one point is worth to compare it with other non-cumulative campaigns")
	}
}

// campaignConflicts checks the parts of a campaign that cannot go
// together: a money budget without a discount, a gift among the
// exceptions.
func (c *compiler) campaignConflicts(p string, cp *Campaign, exc *exclusion, bud *budget) {
	if bud != nil && (cp.NoBenefit || cp.Benefit.Gift != nil || (cp.Benefit == (Benefit{}) && cp.Extras != nil)) {
		c.fail(p+".budget", "a money budget counts discounts: the campaign needs a discount benefit (not no_benefit, a gift or extras alone)")
	}
	if g := cp.Benefit.Gift; g != nil && exc != nil {
		for j, o := range g.Options {
			if exc.codes[o] {
				c.fail(fmt.Sprintf("%s.benefit.gift.options[%d]", p, j), "product %q is one of the campaign's exceptions: the gift could never be given", o)
			}
		}
	}
}

// copyAmount returns a copy of an optional amount: the definition may
// change after Compile.
func copyAmount(d *decimal.Decimal) *decimal.Decimal {
	if d == nil {
		return nil
	}
	v := *d
	return &v
}

// shareBody returns the body the ruleset's campaigns share for body's
// benefit and scope when nothing in body belongs to one campaign (no
// thresholds, limits, extras, exceptions, budget, cap or target: untargeted
// tells the last), else body itself.
func (c *compiler) shareBody(body *reshopBody, untargeted bool) *reshopBody {
	if len(body.thresholds) > 0 || len(body.limits) > 0 || body.extras != nil || body.exc != nil || body.budget != nil ||
		body.maxDiscount != nil || !untargeted || !reflect.TypeOf(body.benefit).Comparable() {
		return body
	}
	k := bodyKey{body.benefit, body.groupSize, body.maxRep, body.sel, body.xmode, body.completeGroups}
	if shared, ok := c.bodies[k]; ok {
		return shared
	}
	if c.bodies == nil {
		c.bodies = map[bodyKey]*reshopBody{}
	}
	c.bodies[k] = body
	return body
}

// bodyKey identifies a campaign body that can be shared: a benefit (by
// value: the compiler shares benefits made of one amount) and its scope.
type bodyKey struct {
	benefit   benefit.Benefit
	groupSize int64
	maxRep    int
	sel       benefit.Selection
	xmode     exchange.Mode
	complete  bool
}

// typeName returns "reshop:" and the campaign's type, one string for all
// the campaigns of a type.
func (c *compiler) typeName(t string) string {
	if n, ok := c.typeNames[t]; ok {
		return n
	}
	if c.typeNames == nil {
		c.typeNames = map[string]string{}
	}
	n := "reshop:" + t
	c.typeNames[t] = n
	return n
}
