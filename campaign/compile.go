package campaign

import (
	"fmt"
	"strings"
	"time"

	// The zone database is embedded so that compiling a ruleset does not
	// depend on the host's files.
	_ "time/tzdata"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
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
	def = ownCopy(def)
	c := &compiler{def: &def, campaignIdx: make(map[string]int, len(def.Campaigns))}
	limits := c.checkLimits(def.Settings.Limits)
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
	loc := c.location(def.Settings.TimeZone)
	cats := c.categories(def.Categories)
	c.checkGroupings(def.Groupings)
	seen := map[string]string{} // every promotion's id, to the path of the first with it
	ids, promos := c.campaigns(def, loc, cats, seen)
	promos = append(promos, c.markdowns(def, loc, seen)...)
	promos = append(promos, c.packs(def, loc, seen)...)
	promos = append(promos, c.combos(def, loc, seen)...)
	promos = append(promos, c.industries(def, loc, seen)...)
	assocs := c.associations(def, ids)
	promos = append(promos, c.programs(def, promos)...)
	settings := promo.Settings{Rounding: rounding, Associations: assocs, Limits: limits, Location: loc}
	c.values(def.Settings, &settings)
	if len(c.problems) > 0 {
		return nil, &promo.ValidationError{What: "ruleset", Problems: c.problems}
	}
	return promo.NewRuleset(settings, promos...)
}

// ownCopy returns def with a copy of its own of what the compiled ruleset
// keeps as it is: some definitions (Desconto Pack tables, industry
// promotions, the company, the points program) and the lists of the
// combos' (products, brands, tenders), so that changing the definition
// later changes nothing. What else it keeps it compiles into values of its
// own.
func ownCopy(def Ruleset) Ruleset {
	def.Combos = deepCopy(def.Combos)
	def.DiscountPacks = deepCopy(def.DiscountPacks)
	def.IndustryPromotions = deepCopy(def.IndustryPromotions)
	def.Company = deepCopy(def.Company)
	def.Loyalty = deepCopy(def.Loyalty)
	return def
}

// checkLimits checks the ruleset's limits and returns them, the defaults
// when they have problems (to check the rest).
func (c *compiler) checkLimits(limits promo.Limits) promo.Limits {
	c.problems = append(c.problems, limits.Check("settings.limits")...)
	if len(c.problems) > 0 {
		limits = promo.Limits{} // the defaults, to check the rest
	}
	c.lim = limits.Resolve()
	return limits
}

// location loads the ruleset's time zone, DefaultTimeZone when it names
// none; UTC, with a problem, when it is refused.
func (c *compiler) location(tz string) *time.Location {
	if tz == "" {
		tz = DefaultTimeZone
	}
	loc, err := loadZone(tz)
	if err != nil {
		c.fail("settings.time_zone", "%v", err)
		return time.UTC
	}
	return loc
}

// categories checks the ruleset's categories and returns the index of each
// id.
func (c *compiler) categories(defs []Category) map[string]int {
	cats := map[string]int{}
	for i, cat := range defs {
		p := fmt.Sprintf("categories[%d]", i)
		if cat.ID == "" {
			c.fail(p+".id", "required")
		} else if j, dup := cats[cat.ID]; dup {
			c.fail(p+".id", "duplicate of categories[%d].id %q", j, cat.ID)
		} else {
			cats[cat.ID] = i
		}
	}
	return cats
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
