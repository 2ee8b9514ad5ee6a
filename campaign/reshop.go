package campaign

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/exchange"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// reshop is a compiled Reshop-style campaign: activation rules, thresholds
// over the lines the rules select, and a benefit. It is immutable.
type reshop struct {
	info promo.Info
	cond rules.Condition // nil: no activation rules
	// redeems reports that cond holds a promo-code or issued-code rule:
	// an applied campaign reports the codes it used.
	redeems bool
	// reshopBody is the rest: what a campaign gives and under which
	// options. The campaigns of a ruleset with the same benefit and no
	// thresholds, limits, extras, exceptions, cap or budget share one.
	*reshopBody
}

// reshopBody is a campaign's benefit with its scope, thresholds, limits,
// extras, exceptions, cap, budget and exchange mode.
type reshopBody struct {
	benefit    benefit.Benefit
	thresholds []rules.Threshold
	limits     []limit
	extras     *extras
	exc        *exclusion // nil: no exceptions
	// maxDiscount caps what the campaign gives per sale (nil: no cap);
	// budget is its money budget (nil: none).
	maxDiscount *decimal.Decimal
	budget      *budget
	// groupSize, maxRep and sel are the benefit's scope (the rest of it is
	// filled per Apply).
	groupSize int64
	maxRep    int
	sel       benefit.Selection
	xmode     exchange.Mode
	// completeGroups is group_mode complete_groups.
	completeGroups bool
	// target selects the lines that get the benefit (nil: the qualifying
	// lines, unless targetAll: every line); targetQty is its quantity.
	target    rules.Condition
	targetAll bool
	targetQty int64
}

// Cashback returns the campaign's cashback settings, nil when it has none.
func (r *reshop) Cashback() *Cashback {
	if r.extras == nil || r.extras.cashback == nil {
		return nil
	}
	cb := *r.extras.cashback
	return &cb
}

// CounterKeys returns the limit counters the campaign reads for a cart.
func (r *reshop) CounterKeys(c *promo.Cart) []string {
	var keys []string
	for _, l := range r.limits {
		if k, ok := l.key(r.info.ID, c); ok {
			keys = append(keys, k)
		}
	}
	return append(keys, r.budget.keys(r.info.ID, c)...)
}

func (r *reshop) Info() promo.Info     { return r.info }
func (r *reshop) InfoRef() *promo.Info { return &r.info }

// Restricts reports false: a Reshop campaign never blocks purchases
// (promo.Restricting).
func (r *reshop) Restricts() bool { return false }

// Keys returns the index keys of the campaign's rules (cart-wide without
// rules); the ruleset asks once, when it indexes the campaign.
func (r *reshop) Keys() promo.Keys {
	if r.cond == nil {
		return promo.Keys{CartWide: true}
	}
	return r.cond.Keys()
}

// selected returns the lines the campaign's rules select (every line when
// none selects), gift lines and exceptions left out: the lines its item
// cashback is computed on.
func (r *reshop) selected(v *promo.View) []int {
	sub, keep := r.exc.view(v)
	lines := r.selectedOn(sub)
	if keep == nil {
		return lines
	}
	out := make([]int, len(lines))
	for k, i := range lines {
		out[k] = keep[i]
	}
	return out
}

// saleLines returns the lines a sale cashback is computed on: every line
// but the exceptions.
func (r *reshop) saleLines(v *promo.View) []int {
	keep, all := r.exc.kept(v)
	if !all {
		return keep
	}
	lines := make([]int, v.Len())
	for i := range lines {
		lines[i] = i
	}
	return lines
}

func (r *reshop) selectedOn(v *promo.View) []int {
	if r.targeted() {
		lines, _ := r.targetLines(v)
		return lines
	}
	var lines []int
	if r.cond != nil {
		if o := r.cond.Check(v); o.Selects {
			lines = o.Lines
		}
	}
	if lines == nil {
		lines = make([]int, v.Len())
		for i := range lines {
			lines[i] = i
		}
	}
	return r.withoutGifts(v, lines)
}

// withoutGifts returns lines without the gift lines of the campaign's
// benefit: lines itself when there are none (it is not modified).
func (r *reshop) withoutGifts(v *promo.View, lines []int) []int {
	gift := func(i int) bool { return benefit.IsGiftLine(r.benefit, v.Line(i)) }
	if !slices.ContainsFunc(lines, gift) {
		return lines
	}
	return slices.DeleteFunc(slices.Clone(lines), gift)
}

// Apply checks the rules, then the thresholds over the selected lines (every
// line when no rule selects lines), then hands those lines to the benefit;
// all of it on the cart without the campaign's exceptions.
func (r *reshop) Apply(v *promo.View) promo.Proposal {
	return r.exc.apply(v, r.apply)
}

func (r *reshop) apply(v *promo.View) promo.Proposal {
	real := v // what the lines really cost, for the caps
	v, why := exchange.Basis(v, r.xmode)
	if why != nil {
		return promo.NotEligible(*why)
	}
	var lines []int
	if r.cond != nil {
		o := r.cond.Check(v)
		if !o.OK {
			return promo.NotEligible(o.Reason)
		}
		if o.Selects {
			lines = o.Lines
		}
	}
	if lines == nil {
		lines = make([]int, v.Len())
		for i := range lines {
			lines[i] = i
		}
	}
	// A gift in the cart is the benefit, not a purchase toward it: a rule
	// that only its gift met is not met.
	n := len(lines)
	lines = r.withoutGifts(v, lines)
	if n > 0 && len(lines) == 0 {
		return promo.NotEligible(promo.Reason{Code: promo.ReasonRuleFailed,
			PT: "só o próprio brinde atende às regras", EN: "only the gift itself meets the rules"})
	}
	for _, th := range r.thresholds {
		if ok, why := th.Check(v, lines); !ok {
			return promo.NotEligible(why)
		}
	}
	maxUnits, why := checkLimits(r.info.ID, r.limits, v.Cart())
	if why != nil {
		return promo.NotEligible(*why)
	}
	left, hasLeft, why := r.budget.left(r.info.ID, v.Cart())
	if why != nil {
		return promo.NotEligible(*why)
	}
	s := benefit.Scope{GroupSize: r.groupSize, MaxRepetitions: r.maxRep, Select: r.sel, CompleteGroups: r.completeGroups}
	s.Lines = lines
	s.MaxTaken = maxUnits
	if r.targeted() {
		target, why := r.targetLines(v)
		if why != nil {
			return promo.NotEligible(*why)
		}
		r.targetScope(&s, target)
	}
	p := r.benefit.Apply(v, s)
	if !p.Eligible {
		return p
	}
	p.Counters = countersFor(r.info.ID, r.limits, v.Cart(), p.TakenUnits())
	r.capped(real, &p, left, hasLeft)
	if r.redeems {
		for _, code := range rules.Redeemed(r.cond, v) {
			p.Events = append(p.Events, promo.Event{Kind: promo.EventCodeRedeemed, Code: code})
		}
	}
	p.Events = append(p.Events, r.extras.events(r.info.ID, v.Cart())...)
	return p
}
