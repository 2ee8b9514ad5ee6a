package campaign

import (
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// extras is the compiled form of Extras.
type extras struct {
	issue    *IssueCode
	issueLen int
	fixed    decimal.Decimal
	mult     decimal.Decimal
	points   bool
	cashback *Cashback // as defined
	// cashbackSettings is the compiled cashback, nil without one.
	cashbackSettings *cashback.Settings
}

// events returns the events the extras add to an application.
// Points and cashback are earned by their own earning-phase promotions
// (loyalty.Bonus, cashback.Earner), after every discount.
func (x *extras) events(campaignID string, c *promo.Cart) []promo.Event {
	if x == nil {
		return nil
	}
	var out []promo.Event
	if ic := x.issue; ic != nil {
		day := br.DateOf(c.Time)
		from, to := rules.IssuedValidity(day, ic.StartsAfterDays, ic.ValidDays)
		loc := c.Time.Location()
		out = append(out, promo.Event{
			Kind:       promo.EventCodeIssued,
			Code:       rules.IssueCode(campaignID, ic.Prefix, ic.Secret, c.ID, day, x.issueLen),
			Unlocks:    ic.Unlocks,
			ValidFrom:  time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, loc),
			ValidUntil: time.Date(to.Year, to.Month, to.Day, 23, 59, 59, 0, loc),
		})
	}
	return out
}

// extras compiles a campaign's extras at path p.
func (c *compiler) extras(p, id string, x *Extras, loc *time.Location) *extras {
	if x == nil {
		return nil
	}
	if x.IssueCode == nil && x.Points == nil && x.Cashback == nil {
		c.fail(p, "give issue_code, points or cashback, or leave extras out")
		return nil
	}
	out := &extras{}
	if ic := x.IssueCode; ic != nil {
		ip := p + ".issue_code"
		own := *ic // a copy: the definition may change after Compile
		out.issue, out.issueLen = &own, issueLength(ic)
		if out.issueLen < 6 || out.issueLen > 32 {
			c.fail(ip+".length", "must be between 6 and 32 (shorter codes are guessable)")
		}
		if utf8.RuneCountInString(ic.Secret) < 16 {
			c.fail(ip+".secret", "must have at least 16 characters")
		}
		if ic.ValidDays < 1 {
			c.fail(ip+".valid_days", "must be at least 1")
		}
		if ic.StartsAfterDays < 0 {
			c.fail(ip+".starts_after_days", "must not be negative")
		}
		if ic.Unlocks == "" {
			c.fail(ip+".unlocks", "required: the id of the campaign the code activates")
		} else if k, ok := c.campaignIdx[ic.Unlocks]; !ok {
			c.fail(ip+".unlocks", "unknown campaign %q", ic.Unlocks)
		} else if u := c.def.Campaigns[k]; u.Rules == nil || !acceptsIssued(u.Rules.Conditions, id) {
			c.fail(ip+".unlocks", "campaign %q does not accept these codes: give it a promo_code rule with issued_by %q", ic.Unlocks, id)
		}
	}
	if pt := x.Points; pt != nil {
		pp := p + ".points"
		out.points = true
		switch {
		case (pt.Fixed == nil) == (pt.Multiplier == nil):
			c.fail(pp, "exactly one of fixed and multiplier must be set")
		case pt.Fixed != nil:
			if c.amount(pp+".fixed", *pt.Fixed, bounds.Rate) && (pt.Fixed.Sign() <= 0 || !pt.Fixed.IsInteger()) {
				c.fail(pp+".fixed", "must be a whole number of points, greater than zero")
			}
			out.fixed = *pt.Fixed
		default:
			if c.amount(pp+".multiplier", *pt.Multiplier, bounds.Rate) && pt.Multiplier.LessThan(decimal.NewFromInt(1)) {
				c.fail(pp+".multiplier", "must be at least 1 (2 is double points: the base once more)")
			}
			out.mult = *pt.Multiplier
		}
	}
	if cb := x.Cashback; cb != nil {
		own := *cb // a copy: the definition may change after Compile
		out.cashback = &own
		out.cashbackSettings = c.cashback(p+".cashback", cb, loc)
	}
	return out
}

// acceptsIssued reports whether a rule tree has a promo_code rule accepting
// the codes campaign issuer issues.
func acceptsIssued(conds []Condition, issuer string) bool {
	for _, cd := range conds {
		if (cd.Kind == CondPromoCode && cd.IssuedBy == issuer) || acceptsIssued(cd.Conditions, issuer) {
			return true
		}
	}
	return false
}

// cashback compiles cashback settings at path cp (a campaign's or a
// markdown's extras.cashback).
func (c *compiler) cashback(cp string, cb *Cashback, loc *time.Location) *cashback.Settings {
	switch cb.Kind {
	case CashbackFixed:
		c.positive(cp+".value", cb.Value, bounds.Money)
	case CashbackPercent:
		c.positive(cp+".value", cb.Value, bounds.Percent)
	default:
		c.fail(cp+".kind", "want fixed or percent, got %q", cb.Kind)
	}
	var cbStart, cbEnd time.Time
	if cb.Start != "" || cb.End != "" {
		if cb.Start == "" {
			c.fail(cp+".start", "required when end is given")
		} else {
			cbStart, cbEnd = c.dates(cp, cb.Start, cb.End, loc)
		}
	}
	for _, f := range []struct {
		n    int
		name string
	}{{cb.UsageLimitDays, "usage_limit_days"}, {cb.DaysToStart, "days_to_start"}} {
		if f.n < 0 {
			c.fail(cp+"."+f.name, "must not be negative")
		}
	}
	if cb.UsageLimitDays > 0 && cb.DaysToStart > cb.UsageLimitDays {
		c.fail(cp+".days_to_start", "must not exceed usage_limit_days (%d): the credit would expire before it opens", cb.UsageLimitDays)
	}
	c.amount(cp+".min_purchase", cb.MinPurchase, bounds.Money)
	c.amount(cp+".max_redeem_percent", cb.MaxRedeemPercent, bounds.Percent)
	c.amount(cp+".max_amount", cb.MaxAmount, bounds.Money)
	switch cb.ApplyOn {
	case "", CashbackOnSale, CashbackOnItem:
	default:
		c.fail(cp+".apply_on", "want sale or item, got %q", cb.ApplyOn)
	}
	s := &cashback.Settings{Value: cb.Value, MaxAmount: cb.MaxAmount, OnItems: cb.ApplyOn == CashbackOnItem, Accumulate: cb.Accumulate,
		DaysToStart: cb.DaysToStart, UsageLimitDays: cb.UsageLimitDays,
		Terms: promo.CreditTerms{MinPurchase: cb.MinPurchase, MaxRedeemPercent: cb.MaxRedeemPercent,
			ReviewRequired: cb.ReviewRequired, UseAveragePrice: cb.UseAveragePrice}}
	if cb.Kind == CashbackPercent {
		s.Kind = cashback.Percent
	}
	s.Start, s.End = cbStart, cbEnd
	return s
}
