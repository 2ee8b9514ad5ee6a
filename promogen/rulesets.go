package promogen

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
)

// Features are the campaign features the generators may draw, as a set.
type Features uint

// The features.
const (
	// NonCumulative makes a campaign in four non-cumulative (exclusive).
	NonCumulative Features = 1 << iota
	// Optional makes a campaign in three optional (campanha opcional).
	Optional
	// Limits gives campaigns up to three activation limits.
	Limits
	// DateWindows gives campaigns dates around the first instant, some
	// not started, some ended, some with bounds exactly at it; without
	// it every campaign starts 20 days before the first instant and has
	// no end.
	DateWindows
	// Funders makes a campaign in five funded by a supplier.
	Funders
)

// String returns the features' names joined by "|", such as
// "non_cumulative|limits"; "none" for the empty set.
func (f Features) String() string {
	var names []string
	for i, n := range []string{"non_cumulative", "optional", "limits", "date_windows", "funders"} {
		if f&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "|")
}

// WithCampaigns sets how many campaigns a ruleset has, lo to hi (at least
// 1); the default is 1 to 8.
func WithCampaigns(lo, hi int) Option {
	return func(c *config) { c.minCampaigns, c.maxCampaigns = max(lo, 1), max(hi, lo, 1) }
}

// WithBenefits sets the benefit kinds campaigns are drawn with; the
// default is SalePercent, SaleAmount, ItemPercent, ItemAmount, FinalPrice
// and FreeUnits.
func WithBenefits(kinds ...BenefitKind) Option {
	return func(c *config) {
		if len(kinds) > 0 {
			c.kinds = slices.Clone(kinds)
		}
	}
}

// WithFeatures sets the campaign features drawn; the default is
// NonCumulative | DateWindows | Funders.
func WithFeatures(f Features) Option {
	return func(c *config) { c.features = f }
}

// WithConditions sets the kinds of product conditions rules are drawn
// with, among product_code, sku, ncm and category (the default is
// product_code, sku and category); other kinds are ignored.
func WithConditions(kinds ...campaign.ConditionKind) Option {
	return func(c *config) {
		var ok []campaign.ConditionKind
		for _, k := range kinds {
			switch k {
			case campaign.CondProductCode, campaign.CondSKU, campaign.CondNCM, campaign.CondCategory:
				ok = append(ok, k)
			}
		}
		if len(ok) > 0 {
			c.conditions = ok
		}
	}
}

// WithIDPrefix sets the prefix of the campaign ids a ruleset generator
// makes ("c" by default: c00, c01, ...).
func WithIDPrefix(p string) Option {
	return func(c *config) { c.idPrefix = p }
}

// Ruleset generates valid ruleset definitions: 1 to 8 campaigns with ids
// c00, c01, ... in file order, a rounding mode drawn, each campaign as
// Campaign draws it. Rules name the catalog's product codes, SKUs and
// categories, and some values no cart holds.
func Ruleset(opts ...Option) *rapid.Generator[campaign.Ruleset] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) campaign.Ruleset {
		def := campaign.Ruleset{
			Version: campaign.Version,
			Settings: campaign.Settings{Rounding: rapid.SampledFrom([]campaign.Rounding{"",
				campaign.RoundingHalfEven, campaign.RoundingHalfUp, campaign.RoundingTruncate}).Draw(t, "rounding")},
		}
		n := rapid.IntRange(c.minCampaigns, c.maxCampaigns).Draw(t, "campaigns")
		for i := range n {
			def.Campaigns = append(def.Campaigns, c.campaign(t, fmt.Sprintf("%s%02d", c.idPrefix, i)))
		}
		return def
	})
}

// Campaign generates valid Reshop campaigns with the given id: a priority
// of 0 to 3; dates (see DateWindows); no activation rules, or 1 to 3
// product conditions combined with match all or any; sometimes a minimum
// quantity (1 to 6) and a minimum value (up to R$ 500,00); one of the
// benefit kinds, with apply_to and a cap on repetitions for item
// benefits; and the features asked for.
func Campaign(id string, opts ...Option) *rapid.Generator[campaign.Campaign] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) campaign.Campaign { return c.campaign(t, id) })
}

func (c *config) firstInstant() time.Time {
	if len(c.pools.Instants) > 0 {
		return c.pools.Instants[0]
	}
	return DefaultInstants()[0]
}

// windows are (start, end) pairs around the instant r: open, ending with
// the day, both bounds at r, the whole year, ended a second or a day
// before, starting a second after, not started.
func windows(r time.Time) [][2]string {
	date := func(t time.Time) string { return t.Format(time.DateOnly) }
	local := func(t time.Time) string { return t.Format("2006-01-02T15:04:05") }
	before := r.AddDate(0, 0, -20)
	return [][2]string{
		{time.Date(before.Year(), before.Month(), before.Day(), 0, 0, 0, 0, r.Location()).Format(time.RFC3339), ""},
		{date(before), ""},
		{date(before), date(r)},
		{r.Format("2006-01-02T15:04"), r.Format(time.RFC3339)},
		{fmt.Sprintf("%04d-01-01T00:00:00Z", r.Year()), fmt.Sprintf("%04d-12-31T23:59:59Z", r.Year())},
		{date(before), local(r.Add(-time.Second))},
		{date(before), date(r.AddDate(0, 0, -1))},
		{local(r.Add(time.Second)), ""},
		{date(r.AddDate(0, 0, 10)), date(r.AddDate(0, 0, 40))},
	}
}

func (c *config) campaign(t *rapid.T, id string) campaign.Campaign {
	ref := c.firstInstant()
	for _, i := range c.pools.Instants {
		if i.Before(ref) {
			ref = i
		}
	}
	cp := campaign.Campaign{General: campaign.General{ID: id, Name: "Campanha " + id, Priority: rapid.IntRange(0, 3).Draw(t, "priority"), Start: ref.AddDate(0, 0, -20).Format(time.DateOnly)}}
	if c.features&DateWindows != 0 {
		w := rapid.SampledFrom(windows(c.firstInstant())).Draw(t, "dates")
		cp.Start, cp.End = w[0], w[1]
	}
	cp.NonCumulative = c.features&NonCumulative != 0 && chance(t, 25, "non_cumulative")
	cp.Optional = c.features&Optional != 0 && chance(t, 33, "optional")
	if chance(t, 25, "no_activation_rules") {
		cp.NoActivationRules = true
	} else {
		cp.Rules = c.rules(t)
	}
	if chance(t, 40, "has_min_quantity") {
		cp.MinQuantity = int64(rapid.IntRange(1, int(min(6, c.maxQuantity))).Draw(t, "min_quantity"))
	}
	if chance(t, 25, "has_min_value") {
		cp.MinValue = campaign.Ptr(cents(rapid.Int64Range(0, 50000).Draw(t, "min_value_cents")))
	}
	if c.features&Funders != 0 && chance(t, 20, "funded") {
		cp.FundedBy = "fornecedor-x"
	}
	c.benefit(t, &cp, rapid.SampledFrom(c.kinds).Draw(t, "benefit_kind"))
	if c.features&Limits != 0 {
		cp.Limits = limits(t, cp.Benefit.On == campaign.OnItems)
	}
	return cp
}

// ruleValues are the values a condition of kind may name.
func (c *config) ruleValues(kind campaign.ConditionKind) []string {
	var out []string
	add := func(vs ...string) {
		for _, v := range vs {
			if v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	switch kind {
	case campaign.CondProductCode:
		for _, p := range c.products {
			add(p.Code)
		}
		add(c.pools.ProductCodes...)
		add(c.ruleExtras.ProductCodes...)
	case campaign.CondSKU:
		for _, p := range c.products {
			add(p.SKU)
		}
		add(c.pools.SKUs...)
		add(c.ruleExtras.SKUs...)
	case campaign.CondNCM:
		for _, p := range c.products {
			add(p.NCM)
		}
		add(c.pools.NCMs...)
		add(c.ruleExtras.NCMs...)
		add("22030000")
	case campaign.CondCategory:
		for _, p := range c.products {
			add(p.Category)
		}
		add(c.pools.Categories...)
		add(c.ruleExtras.Categories...)
	}
	if len(out) == 0 {
		add("NENHUM")
	}
	return out
}

func (c *config) rules(t *rapid.T) *campaign.Rules {
	r := &campaign.Rules{Match: rapid.SampledFrom([]campaign.Match{"", campaign.MatchAll, campaign.MatchAny}).Draw(t, "match")}
	for range rapid.IntRange(1, 3).Draw(t, "conditions") {
		kind := rapid.SampledFrom(c.conditions).Draw(t, "condition_kind")
		vals := rapid.SliceOfNDistinct(rapid.SampledFrom(c.ruleValues(kind)), 1, 3, rapid.ID[string]).Draw(t, "values")
		r.Conditions = append(r.Conditions, campaign.Condition{Kind: kind, Values: vals,
			Require: rapid.SampledFrom([]campaign.Require{"", campaign.RequireAny, campaign.RequireAll}).Draw(t, "require")})
	}
	return r
}

// limits draws up to three activation limits, at most one per scope, count
// and period (the compiler refuses repeats: they would share a counter).
func limits(t *rapid.T, items bool) []campaign.Limit {
	var out []campaign.Limit
	seen := map[campaign.Limit]bool{}
	for range rapid.IntRange(0, 3).Draw(t, "limits") {
		l := campaign.Limit{
			Scope:  rapid.SampledFrom([]campaign.LimitScope{campaign.ScopeGeneral, campaign.ScopeCustomer}).Draw(t, "limit_scope"),
			Count:  campaign.CountSale,
			Max:    rapid.Int64Range(1, 6).Draw(t, "limit_max"),
			Period: rapid.SampledFrom([]campaign.LimitPeriod{campaign.PeriodDay, campaign.PeriodWeek, campaign.PeriodMonth, campaign.PeriodCampaign}).Draw(t, "limit_period"),
		}
		if items && rapid.Bool().Draw(t, "limit_by_item") {
			l.Count = campaign.CountItem
		}
		if key := (campaign.Limit{Scope: l.Scope, Count: l.Count, Period: l.Period}); !seen[key] {
			seen[key] = true
			out = append(out, l)
		}
	}
	return out
}
