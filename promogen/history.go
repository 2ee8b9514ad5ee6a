package promogen

import (
	"slices"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/promo"
)

// History generates the state across sales a host passes in with cart:
// whether it is the customer's first purchase (when rules look at it),
// which of the cart's promo codes were already used, the units left in
// the budgets of the pools' budgeted industry promotions (0 to 24), and,
// with WithCounters, limit counters for the keys the ruleset reads.
func History(cart promo.Cart, opts ...Option) *rapid.Generator[promo.History] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) promo.History { return c.history(t, &cart) })
}

func (c *config) history(t *rapid.T, cart *promo.Cart) promo.History {
	var h promo.History
	h.FirstPurchase = c.pools.FirstPurchase && cart.Customer != nil && chance(t, 50, "first_purchase")
	if len(cart.PromoCodes) > 0 && chance(t, 20, "used_codes") {
		h.UsedCodes = subset(t, cart.PromoCodes, len(cart.PromoCodes), 50, "used_code")
	}
	for _, id := range c.pools.Budgets {
		if h.Budgets == nil {
			h.Budgets = map[string]decimal.Decimal{}
		}
		h.Budgets[id] = decimal.NewFromInt(int64(rapid.IntRange(0, 24).Draw(t, "budget_units")))
	}
	if c.counterKeys != nil {
		keys := slices.Clone(c.counterKeys(cart))
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			if !chance(t, 25, "counter") {
				continue
			}
			if h.Counters == nil {
				h.Counters = map[string]decimal.Decimal{}
			}
			h.Counters[k] = decimal.NewFromInt(int64(rapid.IntRange(0, 10).Draw(t, "counter_value")))
		}
	}
	return h
}
