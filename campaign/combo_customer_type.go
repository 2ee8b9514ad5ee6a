package campaign

import (
	"slices"
	"strings"

	"github.com/promokit/promokit/promo"
)

// customerTypeCombo is a customer-type bonification (customer_type): a kit
// for an identified customer of one of some types.
type customerTypeCombo struct {
	types []string
	kit   *kitCombo
}

func (c *customerTypeCombo) keys() promo.Keys { return c.kit.keys() }

func (c *customerTypeCombo) apply(v *promo.View) promo.Proposal {
	if cust := v.Cart().Customer; cust == nil || !slices.Contains(c.types, cust.Tier) {
		types := strings.Join(c.types, ", ")
		return notEligible(ReasonComboCustomer, "cliente identificado do tipo "+types+" exigido",
			"an identified customer of type "+types+" is required")
	}
	return c.kit.apply(v)
}
