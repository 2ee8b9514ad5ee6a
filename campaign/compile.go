package campaign

import (
	"fmt"
	"reflect"
	"strings"
	"time"
	// The zone database is embedded so that compiling a ruleset does not
	// depend on the host's files.
	_ "time/tzdata"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/exchange"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// DefaultTimeZone is the zone local dates are read in when the ruleset names
// none.
const DefaultTimeZone = promo.DefaultLocation

// compiler collects problems by JSON path.
type compiler struct {
	problems  []promo.Problem
	groupings map[string]*Grouping
	// def and campaignIdx let rules refer to other campaigns by id.
	def         *Ruleset
	campaignIdx map[string]int
	// lim are the ruleset's limits, defaults resolved.
	lim promo.Limits
	// typeNames are the promotions' types, shared (typeName).
	typeNames map[string]string
	// bodies are the campaign bodies without options, shared.
	bodies map[bodyKey]*reshopBody
	// benefits are the benefits made of one amount, shared (sharedBenefit).
	benefits map[benefitKey]benefit.Benefit
}

// amount checks a decimal of kind k at path p; false, with a problem, when
// it is refused.
func (c *compiler) amount(p string, d decimal.Decimal, k bounds.Kind) bool {
	if why := k.Check(d); why != "" {
		c.fail(p, "%s", why)
		return false
	}
	return true
}

// positive checks a decimal of kind k at path p that must also be greater
// than zero; false, with a problem, when it is refused.
func (c *compiler) positive(p string, d decimal.Decimal, k bounds.Kind) bool {
	if why := k.CheckPositive(d); why != "" {
		c.fail(p, "%s", why)
		return false
	}
	return true
}

// MaxPromotions is the most promotions a ruleset holds: campaigns,
// markdowns, Desconto Pack tables, combos and industry promotions
// together.
const MaxPromotions = 100_000

func (c *compiler) fail(path, format string, args ...any) {
	c.problems = append(c.problems, promo.Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
}

// Compile checks a decoded ruleset and compiles it into an indexed
// promo.Ruleset. Every problem is reported at once, each with its JSON path,
// in a *promo.ValidationError; nothing is compiled when there is one.
func Compile(def Ruleset) (*promo.Ruleset, error) {
	// The compiled ruleset keeps some definitions as they are (Desconto
	// Pack tables, industry promotions, the company, the points program)
	// and the lists of the combos' (products, brands, tenders): a copy of
	// its own of those, so that changing the definition later changes
	// nothing. What else it keeps it compiles into values of its own.
	def.Combos = deepCopy(def.Combos)
	def.DiscountPacks = deepCopy(def.DiscountPacks)
	def.IndustryPromotions = deepCopy(def.IndustryPromotions)
	def.Company = deepCopy(def.Company)
	def.Loyalty = deepCopy(def.Loyalty)
	c := &compiler{def: &def, campaignIdx: make(map[string]int, len(def.Campaigns))}
	limits := def.Settings.Limits
	c.problems = append(c.problems, limits.Check("settings.limits")...)
	if len(c.problems) > 0 {
		limits = promo.Limits{} // the defaults, to check the rest
	}
	c.lim = limits.Resolve()
	c.texts(&def)
	if n := len(def.Campaigns) + len(def.Markdowns) + len(def.DiscountPacks) + len(def.Combos) + len(def.IndustryPromotions); n > MaxPromotions {
		c.fail("campaigns", "%d promotions (campaigns, markdowns, Desconto Pack tables, combos and industry promotions): at most %d", n, MaxPromotions)
		return nil, &promo.ValidationError{What: "ruleset", Problems: c.problems}
	}
	for i, cp := range def.Campaigns {
		if _, dup := c.campaignIdx[cp.ID]; !dup && cp.ID != "" {
			c.campaignIdx[cp.ID] = i
		}
	}
	if def.Version != Version {
		c.fail("version", "must be %d, got %d", Version, def.Version)
	}
	rounding, err := promo.ParseRoundingMode(string(def.Settings.Rounding))
	if err != nil {
		c.fail("settings.rounding", "%v", err)
	}
	tz := def.Settings.TimeZone
	if tz == "" {
		tz = DefaultTimeZone
	}
	loc, err := loadZone(tz)
	if err != nil {
		c.fail("settings.time_zone", "%v", err)
		loc = time.UTC
	}
	cats := map[string]int{}
	for i, cat := range def.Categories {
		p := fmt.Sprintf("categories[%d]", i)
		if cat.ID == "" {
			c.fail(p+".id", "required")
		} else if j, dup := cats[cat.ID]; dup {
			c.fail(p+".id", "duplicate of categories[%d].id %q", j, cat.ID)
		} else {
			cats[cat.ID] = i
		}
	}
	c.groupings = map[string]*Grouping{}
	for i := range def.Groupings {
		g := &def.Groupings[i]
		p := fmt.Sprintf("groupings[%d]", i)
		switch {
		case g.ID == "":
			c.fail(p+".id", "required")
		case c.groupings[g.ID] != nil:
			c.fail(p+".id", "duplicate grouping id %q", g.ID)
		default:
			c.groupings[g.ID] = g
		}
		if g.Kind != GroupingProduct && g.Kind != GroupingStore && g.Kind != GroupingCustomer {
			c.fail(p+".kind", "want product, store or customer, got %q", g.Kind)
		}
		if len(g.Members) == 0 {
			c.fail(p+".members", "at least one member is required")
		}
		for j, m := range g.Members {
			if strings.TrimSpace(m) == "" {
				c.fail(fmt.Sprintf("%s.members[%d]", p, j), "must not be empty")
			}
		}
	}
	ids := map[string]int{}
	mdIDs := map[string]int{}
	promos := make([]promo.Promotion, 0, len(def.Campaigns))
	for i := range def.Campaigns {
		p := fmt.Sprintf("campaigns[%d]", i)
		cp := &def.Campaigns[i]
		if cp.ID != "" {
			if j, dup := ids[cp.ID]; dup {
				c.fail(p+".id", "duplicate of campaigns[%d].id %q", j, cp.ID)
			} else {
				ids[cp.ID] = i
			}
		}
		if pr := c.campaign(p, cp, loc, cats); pr != nil {
			promos = append(promos, pr)
		}
	}
	for i := range def.Markdowns {
		p := fmt.Sprintf("markdowns[%d]", i)
		md := &def.Markdowns[i]
		if md.ID != "" {
			if j, dup := ids[md.ID]; dup {
				c.fail(p+".id", "duplicate of campaigns[%d].id %q", j, md.ID)
			} else if j, dup := mdIDs[md.ID]; dup {
				c.fail(p+".id", "duplicate of markdowns[%d].id %q", j, md.ID)
			} else {
				mdIDs[md.ID] = i
			}
		}
		if pr := c.markdown(p, md, loc); pr != nil {
			promos = append(promos, pr)
		}
	}
	taken := map[string]bool{}
	for id := range ids { // a set of ids: no output depends on the order
		taken[id] = true
	}
	for id := range mdIDs {
		taken[id] = true
	}
	promos = append(promos, c.packs(def, loc, taken)...)
	promos = append(promos, c.combos(def, loc, taken)...)
	promos = append(promos, c.industries(def, loc, taken)...)
	assocs := c.associations(def, ids)
	promos = append(promos, c.programs(def, promos)...)
	settings := promo.Settings{Rounding: rounding, Associations: assocs, Limits: limits, Location: loc}
	c.values(def.Settings, &settings)
	if len(c.problems) > 0 {
		return nil, &promo.ValidationError{What: "ruleset", Problems: c.problems}
	}
	return promo.NewRuleset(settings, promos...)
}

func (c *compiler) campaign(p string, cp *Campaign, loc *time.Location, cats map[string]int) promo.Promotion {
	before := len(c.problems)
	c.checkID(p, cp.ID)
	if cp.Name == "" {
		c.fail(p+".name", "required")
	}
	if cp.Priority < 0 {
		c.fail(p+".priority", "must not be negative")
	}
	start, end := c.dates(p, cp.Start, cp.End, loc)
	if cp.Category != "" {
		if _, ok := cats[cp.Category]; !ok {
			c.fail(p+".category", "unknown category %q (not in categories)", cp.Category)
		}
	}
	var cond rules.Condition
	switch {
	case cp.NoActivationRules && cp.Rules != nil:
		c.fail(p+".rules", "must be absent when no_activation_rules is true")
	case !cp.NoActivationRules && cp.Rules == nil:
		c.fail(p+".rules", "required unless no_activation_rules is true")
	case cp.Rules != nil:
		cond = c.rules(p+".rules", cp.Rules, campaignCtx{id: cp.ID, optional: cp.Optional})
	}
	if cp.RequireLGPDConsent {
		if cond == nil {
			cond = rules.LGPDConsent()
		} else {
			cond = rules.All(rules.LGPDConsent(), cond)
		}
	}
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
	if cp.MaxRepetitions < 0 {
		c.fail(p+".max_repetitions", "must not be negative")
	}
	var b benefit.Benefit
	var sel benefit.Selection
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
		// A non-cumulative campaign competes by what it gives: one whose
		// benefit is only cashback or points needs their value.
		if cp.NonCumulative && cp.Extras.Cashback != nil && c.def.Settings.CashbackValue == nil {
			c.fail(p+".non_cumulative", "its only benefit is cashback: settings.cashback_value must say what R$ 1,00 of cashback is worth to compare it with other non-cumulative campaigns")
		}
		if cp.NonCumulative && cp.Extras.Points != nil && cp.Extras.Cashback == nil && c.def.Settings.PointValue == nil {
			c.fail(p+".non_cumulative", "its only benefit is points: settings.point_value must say what one point is worth to compare it with other non-cumulative campaigns")
		}
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
	if len(c.problems) > before {
		return nil
	}
	var maxDiscount *decimal.Decimal
	if cp.Benefit.MaxDiscount != nil {
		md := *cp.Benefit.MaxDiscount // a copy: the definition may change after Compile
		maxDiscount = &md
	}
	body := &reshopBody{benefit: b, exc: exc, limits: lims, extras: extras, thresholds: thresholds,
		budget: bud, maxDiscount: maxDiscount,
		groupSize: cp.MinQuantity, maxRep: cp.MaxRepetitions, sel: sel, xmode: xmode, completeGroups: complete,
		target: tcond, targetAll: tall}
	if cp.Target != nil {
		body.targetQty = cp.Target.Quantity
	}
	if len(thresholds) == 0 && len(lims) == 0 && extras == nil && exc == nil && bud == nil && maxDiscount == nil &&
		cp.Target == nil && reflect.TypeOf(b).Comparable() {
		// Shared: nothing in it belongs to one campaign.
		k := bodyKey{b, cp.MinQuantity, cp.MaxRepetitions, sel, xmode, complete}
		if shared, ok := c.bodies[k]; ok {
			body = shared
		} else {
			if c.bodies == nil {
				c.bodies = map[bodyKey]*reshopBody{}
			}
			c.bodies[k] = body
		}
	}
	return &reshop{
		reshopBody: body,
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

// values checks the settings that value what the customer gets (the best
// benefit, near misses) and copies them into the kernel's settings.
func (c *compiler) values(d Settings, s *promo.Settings) {
	if v := d.CashbackValue; v != nil {
		if v.Sign() < 0 {
			c.fail("settings.cashback_value", "must not be negative")
		}
		s.CashbackValue = *v
	}
	if v := d.PointValue; v != nil {
		if v.Sign() < 0 {
			c.fail("settings.point_value", "must not be negative")
		}
		s.PointValue = *v
	}
	if n := d.NearMiss; n != nil {
		if n.MaxAmount == nil && n.MaxQuantity == 0 {
			c.fail("settings.near_miss", "give max_amount, max_quantity or both")
		}
		if n.MaxAmount != nil {
			if n.MaxAmount.Sign() <= 0 {
				c.fail("settings.near_miss.max_amount", "must be greater than zero")
			}
			s.NearMissAmount = *n.MaxAmount
		}
		if n.MaxQuantity < 0 {
			c.fail("settings.near_miss.max_quantity", "must not be negative")
		}
		s.NearMissQuantity = n.MaxQuantity
	}
}

// associations checks the associations against the campaigns (by their
// index in def, ids) and converts them.
func (c *compiler) associations(def Ruleset, ids map[string]int) []promo.Association {
	var out []promo.Association
	owner := map[string]string{}
	seen := map[string]bool{}
	for i, a := range def.Associations {
		p := fmt.Sprintf("associations[%d]", i)
		if a.ID == "" {
			c.fail(p+".id", "required")
		} else if seen[a.ID] {
			c.fail(p+".id", "duplicate association id %q", a.ID)
		}
		seen[a.ID] = true
		crit, err := promo.ParseCriterion(string(a.Criterion))
		if err != nil {
			c.fail(p+".criterion", "%v", err)
		}
		if len(a.Campaigns) < 2 {
			c.fail(p+".campaigns", "an association needs at least two campaigns")
		}
		for j, id := range a.Campaigns {
			mp := fmt.Sprintf("%s.campaigns[%d]", p, j)
			k, ok := ids[id]
			switch {
			case !ok:
				c.fail(mp, "unknown campaign %q", id)
			case owner[id] != "":
				c.fail(mp, "campaign %q is already in association %q", id, owner[id])
			case def.Campaigns[k].NonCumulative || def.Campaigns[k].Optional:
				c.fail(mp, "campaign %q is non-cumulative or optional: associations hold cumulative campaigns", id)
			default:
				owner[id] = a.ID
			}
		}
		out = append(out, promo.Association{ID: a.ID, Name: a.Name, Criterion: crit, Members: append([]string(nil), a.Campaigns...)})
	}
	return out
}

// dates parses a start (required) and an optional end at path p.
func (c *compiler) dates(p, startS, endS string, loc *time.Location) (start, end time.Time) {
	if startS == "" {
		c.fail(p+".start", "required")
	} else if t, err := parseInstant(startS, loc, false); err != nil {
		c.fail(p+".start", "%v", err)
	} else {
		start = t
	}
	if endS != "" {
		if t, err := parseInstant(endS, loc, true); err != nil {
			c.fail(p+".end", "%v", err)
		} else {
			end = t
			if !start.IsZero() && end.Before(start) {
				c.fail(p+".end", "must not be before start")
			}
		}
	}
	return start, end
}

// identity checks what every family's definition has at path p: an id
// unique among all the ruleset's promotions (ids), a name under the field
// nameField, and its dates.
func (c *compiler) identity(p, id, nameField, name, startS, endS string, loc *time.Location, ids map[string]bool) (start, end time.Time) {
	if c.checkID(p, id) && ids[id] {
		c.fail(p+".id", "duplicate id %q", id)
	}
	ids[id] = true
	if name == "" {
		c.fail(p+"."+nameField, "required")
	}
	return c.dates(p, startS, endS, loc)
}

// loadZone loads an IANA zone by name. "Local" is refused: it would make
// the ruleset depend on the machine it runs on.
func loadZone(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, fmt.Errorf("time zone %q depends on the machine: name a zone such as America/Sao_Paulo", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q", name)
	}
	return loc, nil
}

// checkID reports a missing id, or one with a slash (ids with a slash are
// the library's own: x/cashback, cashback/redemption); true when it is fine.
func (c *compiler) checkID(p, id string) bool {
	switch {
	case id == "":
		c.fail(p+".id", "required")
	case strings.Contains(id, "/"):
		c.fail(p+".id", "must not contain \"/\": ids with a slash are the library's own (x/cashback, cashback/redemption)")
	default:
		return true
	}
	return false
}
