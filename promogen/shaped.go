package promogen

import (
	"slices"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// CartFor generates carts shaped by a ruleset, so that its promotions
// actually apply, or nearly: lines of the products it names (and of one
// product it does not, "OUTRO"), with the categories, SKUs, NCMs, brands,
// Desconto Pack attributes and references it names; quantities up to a
// little above the largest it mentions and prices up to twice its largest
// amount, often equal to its amounts; an instant at which its promotions
// are in force (or at one of their bounds); its stores; customers with its
// tiers, groupings, CPFs and ages; its tenders, BINs, promo codes and
// coupons; its optional campaigns accepted or not; budgets for its
// budgeted industry promotions, freight (R$ 0,00 to R$ 99,99, by its
// delivery methods) when it discounts or looks at freight, a cashback
// wallet when it earns cashback,
// the professional's CPF for Juntos Somos Mais, and limit counters for the
// keys it reads (Ruleset.CounterKeys). Options apply after the shape:
// WithProducts with the host's shelf prices, WithInstant or WithStore to
// fix them.
//
// A definition that does not compile makes every draw fail with
// Compile's error.
func CartFor(def campaign.Ruleset, opts ...Option) *rapid.Generator[promo.Cart] {
	c := shaped(def)
	rs, err := campaign.Compile(def)
	if err == nil {
		c.counterKeys = rs.CounterKeys
	}
	c.apply(opts)
	gen := c.cartGenerator()
	return rapid.Custom(func(t *rapid.T) promo.Cart {
		if err != nil {
			t.Fatalf("promogen.CartFor: the ruleset does not compile: %v", err)
		}
		return gen.Draw(t, "cart")
	})
}

// shaped is the configuration of a cart shaped by def.
func shaped(def campaign.Ruleset) config {
	c := defaults()
	m := MentionsOf(def)
	c.pools = m
	c.products = nil
	for _, code := range m.ProductCodes {
		c.products = append(c.products, Product{Code: code})
	}
	c.products = append(c.products, Product{Code: "OUTRO"})
	c.pools.Stores = append(slices.Clone(m.Stores), promo.Store{ID: "loja-1"})
	if len(c.pools.Instants) == 0 {
		c.pools.Instants = DefaultInstants()
	}
	for _, q := range m.Quantities {
		c.maxQuantity = max(c.maxQuantity, min(q+1, 30))
	}
	c.tiedPrices = nil
	top := decimal.NewFromInt(100)
	for _, a := range m.Amounts {
		if cents := a.Shift(2); cents.IsInteger() && cents.IntPart() <= 9999999 {
			c.tiedPrices = append(c.tiedPrices, cents.IntPart())
		}
		top = decimal.Max(top, a.Mul(decimal.NewFromInt(2)))
	}
	c.maxPrice = min(top.Shift(2).Floor().IntPart(), 9999999)
	c.ruleExtras = Mentions{}
	return c
}

// defaults is the configuration of the generators that are not shaped by
// a ruleset.
func defaults() config {
	return config{
		minLines: 1, maxLines: 8,
		products: defaultProducts(),
		pools: Mentions{
			Categories: []string{"bebidas/cervejas", "bebidas/refrigerantes", "hortifruti", "hortifruti/frutas",
				"mercearia/graos/arroz", "mercearia/graos/feijao", "mercearia/massas", "vestuario/meias"},
			Stores:   []promo.Store{{ID: "loja-1"}},
			Instants: DefaultInstants(),
		},
		ruleExtras: Mentions{
			ProductCodes: []string{"P7", "P8"},
			SKUs:         []string{"P9-A"},
			Categories:   []string{"mercearia", "mercearia/graos", "bebidas", "limpeza", "/bebidas/"},
		},
		tiedPrices:      []int64{100, 999, 1000, 1990, 4999},
		minPrice:        1,
		maxPrice:        99999,
		maxQuantity:     6,
		weighedPercent:  20,
		customerPercent: 60,
		minCampaigns:    1, maxCampaigns: 8,
		kinds:      []BenefitKind{SalePercent, SaleAmount, ItemPercent, ItemAmount, FinalPrice, FreeUnits},
		conditions: []campaign.ConditionKind{campaign.CondProductCode, campaign.CondSKU, campaign.CondCategory},
		features:   NonCumulative | DateWindows | Funders,
		idPrefix:   "c",
	}
}
