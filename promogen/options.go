package promogen

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// Option changes what a generator of this package makes: sizes, the
// products and prices lines are made of, a part of the cart fixed (the
// store, the instant, the customer), or the campaigns a ruleset generator
// draws. Options apply in order; a later one overrides an earlier one.
type Option func(*config)

// config is what the options set; defaults() and shaped() build the
// starting points.
type config struct {
	minLines, maxLines int
	products           []Product
	pools              Mentions // what lines, customers and rules are drawn from
	ruleExtras         Mentions // values rules may name that no cart has
	tiedPrices         []int64  // cents drawn often, so that lines tie on price
	minPrice, maxPrice int64    // cents
	maxQuantity        int64
	weighedPercent     int
	instantFixed       bool
	storeFixed         bool
	customerFixed      bool
	customer           *promo.Customer
	customerPercent    int // how often a drawn sale has an identified customer
	counterKeys        func(*promo.Cart) []string

	minCampaigns, maxCampaigns int
	kinds                      []BenefitKind
	conditions                 []campaign.ConditionKind
	features                   Features
	idPrefix                   string
}

func (c *config) apply(opts []Option) {
	for _, o := range opts {
		o(c)
	}
}

// WithLines sets how many lines a cart has, from lo to hi (at least 1).
// The default is 1 to 8.
func WithLines(lo, hi int) Option {
	return func(c *config) {
		c.minLines = max(lo, 1)
		c.maxLines = max(hi, c.minLines)
	}
}

// WithProducts adds products to the catalog lines are made of. A product
// with the code and SKU of one already there replaces it, so that a cart
// shaped by a ruleset can take the host's shelf prices.
func WithProducts(ps ...Product) Option {
	return func(c *config) {
		for _, p := range ps {
			if i := slices.IndexFunc(c.products, func(q Product) bool { return q.Code == p.Code && q.SKU == p.SKU }); i >= 0 {
				c.products[i] = p
				continue
			}
			c.products = append(c.products, p)
		}
	}
}

// WithOnlyProducts sets the products lines are made of, dropping the
// catalog the generator started with.
func WithOnlyProducts(ps ...Product) Option {
	return func(c *config) { c.products = slices.Clone(ps) }
}

// WithPrices sets the range unit prices are drawn from, for products
// without a price of their own; the default is R$ 0,01 to R$ 999,99
// (for a cart shaped by a ruleset, up to twice the largest amount it
// mentions). Prices have whole cents.
func WithPrices(lo, hi decimal.Decimal) Option {
	return func(c *config) {
		c.minPrice = max(lo.Shift(2).Ceil().IntPart(), 1)
		c.maxPrice = max(hi.Shift(2).Floor().IntPart(), c.minPrice)
	}
}

// WithMaxQuantity sets the most units a counted line has; the default is
// 6, or a little above the largest quantity a ruleset mentions.
func WithMaxQuantity(n int) Option {
	return func(c *config) { c.maxQuantity = int64(max(n, 1)) }
}

// WithWeighedLines sets how often, in percent, a line is weighed: a
// fractional quantity of 0,001 to 9,999 kg. The default is 20.
func WithWeighedLines(percent int) Option {
	return func(c *config) { c.weighedPercent = clampPercent(percent) }
}

// WithInstant fixes the sale's instant.
func WithInstant(t time.Time) Option {
	return func(c *config) { c.instantFixed, c.pools.Instants = true, []time.Time{t} }
}

// WithInstants sets the instants the sale's is drawn from; shrinking goes
// to the first.
func WithInstants(ts ...time.Time) Option {
	return func(c *config) {
		if len(ts) > 0 {
			c.instantFixed, c.pools.Instants = false, slices.Clone(ts)
		}
	}
}

// WithStore fixes the store.
func WithStore(s promo.Store) Option {
	return func(c *config) { c.storeFixed, c.pools.Stores = true, []promo.Store{s} }
}

// WithStores sets the stores the sale's is drawn from; shrinking goes to
// the first.
func WithStores(ss ...promo.Store) Option {
	return func(c *config) {
		if len(ss) > 0 {
			c.storeFixed, c.pools.Stores = false, slices.Clone(ss)
		}
	}
}

// WithCustomer fixes the customer; nil makes every sale anonymous.
func WithCustomer(cu *promo.Customer) Option {
	return func(c *config) { c.customerFixed, c.customer = true, cu }
}

// WithIdentifiedCustomers sets how often, in percent, a sale has an
// identified customer; the default is 60. It undoes WithCustomer.
func WithIdentifiedCustomers(percent int) Option {
	return func(c *config) { c.customerFixed, c.customer, c.customerPercent = false, nil, clampPercent(percent) }
}

// WithMentions replaces the pools the generators draw from — the
// attributes of lines (categories, SKUs, brands, ...), the stores,
// instants, customers, tenders, codes, quantities and amounts, and the
// values rules name — with m. A cart shaped by a ruleset starts from
// MentionsOf(ruleset).
func WithMentions(m Mentions) Option {
	return func(c *config) { c.pools = m.clone() }
}

// WithCounters makes the cart's history hold limit counters: for the keys
// keys(cart) names (a compiled ruleset's CounterKeys), each absent or with
// a count of 0 to 10. A cart shaped by a ruleset has them already.
func WithCounters(keys func(*promo.Cart) []string) Option {
	return func(c *config) { c.counterKeys = keys }
}

func clampPercent(p int) int { return min(max(p, 0), 100) }
