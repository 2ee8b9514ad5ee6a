package campaign

import (
	"fmt"

	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/rules"
)

// companyCheck checks the company's Desconto Pack settings.
func (c *compiler) companyCheck(co *Company) {
	if co != nil && co.NearExpiry && co.NearExpiryMask == "" {
		c.fail("company.near_expiry_mask", "required when near_expiry is on")
	}
}

// packCheck checks Desconto Pack table d at path p, but its exceptions and
// what its options ask of its prize (packCheckPrizeUse), up to its prize.
func (c *compiler) packCheck(p string, d *DiscountPack, co *Company) {
	switch d.Status {
	case "", PackPending, PackCurrent, PackFinished:
	default:
		c.fail(p+".status", "want pending, current or finished, got %q", d.Status)
	}
	if d.Owner != OwnerFranchisor && d.Owner != OwnerStore {
		c.fail(p+".owner", "want franchisor or store, got %q", d.Owner)
	}
	c.packCheckStores(p, d.Stores)
	if d.MinSaleValue == nil && len(d.Requirements) == 0 {
		c.fail(p, "give min_sale_value or requirements")
	}
	if d.MinSaleValue != nil {
		c.amount(p+".min_sale_value", *d.MinSaleValue, bounds.Money)
	}
	for j, rq := range d.Requirements {
		c.packCheckRequirement(fmt.Sprintf("%s.requirements[%d]", p, j), rq)
	}
	c.packCheckOptions(p, d, co)
	c.packCheckPrize(p+".prize", &d.Prize)
}

// packCheckStores checks a table's participating stores at path p.
func (c *compiler) packCheckStores(p string, stores []PackStore) {
	if len(stores) == 0 {
		c.fail(p+".stores", "at least one store is required")
	}
	for j, s := range stores {
		if s.ID == "" {
			c.fail(fmt.Sprintf("%s.stores[%d].id", p, j), "required")
		}
		if s.Kind != PackStoreOwn && s.Kind != PackStoreFranchise {
			c.fail(fmt.Sprintf("%s.stores[%d].kind", p, j), "want own or franchise, got %q", s.Kind)
		}
	}
}

// packCheckRequirement checks a requirement at path rp: line and
// manufacturer take a minimum value, family and product a minimum
// quantity, a minimum value or both.
func (c *compiler) packCheckRequirement(rp string, rq PackRequirement) {
	switch rq.Attribute {
	case AttributeLine, AttributeManufacturer:
		if rq.MinQuantity != 0 {
			c.fail(rp+".min_quantity", "a %s requirement takes a minimum value only", rq.Attribute)
		}
		if rq.MinValue == nil {
			c.fail(rp+".min_value", "required for a %s requirement", rq.Attribute)
		}
	case AttributeFamily, AttributeProduct:
		if rq.MinQuantity < 1 && rq.MinValue == nil {
			c.fail(rp, "give min_quantity, min_value or both")
		}
	default:
		c.fail(rp+".attribute", "want line, manufacturer, family or product, got %q", rq.Attribute)
	}
	if rq.Code == "" {
		c.fail(rp+".code", "required")
	}
	if rq.MinQuantity < 0 {
		c.fail(rp+".min_quantity", "must not be negative")
	}
	if rq.MinValue != nil {
		c.amount(rp+".min_value", *rq.MinValue, bounds.Money)
	}
}

// packCheckOptions checks a table's coupon, key, limits and near-expiry
// option at path p.
func (c *compiler) packCheckOptions(p string, d *DiscountPack, co *Company) {
	if rules.NormalizeCode(d.Coupon) == "" {
		c.fail(p+".coupon", "required: the coupon description the customer says")
	}
	if d.Key == "" {
		c.fail(p+".key", "required: the identification key for reports")
	}
	if d.MaxItems < 0 {
		c.fail(p+".max_items", "must not be negative")
	}
	if d.LimitPerCustomer < 0 {
		c.fail(p+".limit_per_customer", "must not be negative")
	} else if d.LimitPerCustomer > 0 && !d.RequireCustomer {
		c.fail(p+".limit_per_customer", "needs require_customer")
	}
	if d.NearExpiryOnly && (co == nil || !co.NearExpiry) {
		c.fail(p+".near_expiry_only", "needs company.near_expiry (HAB_PRE_VENCIDOS)")
	}
}

// packCheckPrizeUse checks what a table's options ask of its prize: the
// near-expiry units and the limit of items are an items prize's.
func (c *compiler) packCheckPrizeUse(p string, d *DiscountPack) {
	if d.NearExpiryOnly && d.Prize.Items == nil {
		c.fail(p+".near_expiry_only", "applies to an items prize")
	}
	if d.MaxItems > 0 && d.Prize.Sale != nil {
		// The manual sets the limit of items next to the items prize
		// (quantidade limite de itens); a sale prize discounts the
		// whole sale, whatever its items: refused, never ignored.
		c.fail(p+".max_items", "limits the units of an items prize: a sale prize discounts the whole sale, leave max_items out")
	}
}

// packCheckPrize checks a prize at path p: exactly one of a sale prize and
// an items prize, with or without a grid.
func (c *compiler) packCheckPrize(p string, pz *PackPrize) {
	switch {
	case (pz.Sale == nil) == (pz.Items == nil):
		c.fail(p, "exactly one of sale and items must be set")
	case pz.Sale != nil:
		c.packCheckSalePrize(p+".sale", pz.Sale)
	case len(pz.Items.Grid) > 0:
		c.packCheckGrid(p+".items", pz.Items)
	default:
		c.packCheckItems(p+".items", pz.Items)
	}
}

// packCheckSalePrize checks a sale prize at path p: a percent or an amount.
func (c *compiler) packCheckSalePrize(p string, s *PackSalePrize) {
	switch {
	case (s.Percent == nil) == (s.Amount == nil):
		c.fail(p, "exactly one of percent and amount must be set")
	case s.Percent != nil:
		c.amount(p+".percent", *s.Percent, bounds.Percent)
	default:
		c.amount(p+".amount", *s.Amount, bounds.Money)
	}
}

// packCheckItems checks an items prize without a grid at path p.
func (c *compiler) packCheckItems(p string, it *PackItemsPrize) {
	c.packCheckPrizeAttribute(p, it.Attribute)
	if it.Code == "" {
		c.fail(p+".code", "required")
	}
	if it.Quantity < 0 {
		c.fail(p+".quantity", "must not be negative")
	}
	c.positive(p+".percent", it.Percent, bounds.Percent)
	c.packCheckPrizeRule(p, it.Rule)
}

// packCheckGrid checks an items prize with a grid at path p: each row has
// its code, quantity and percent, and the prize none of its own.
func (c *compiler) packCheckGrid(p string, it *PackItemsPrize) {
	c.packCheckPrizeAttribute(p, it.Attribute)
	for _, f := range []struct {
		set  bool
		name string
	}{{it.Code != "", "code"}, {it.Quantity != 0, "quantity"}, {!it.Percent.IsZero(), "percent"}} {
		if f.set {
			c.fail(p+"."+f.name, "give the grid or code, quantity and percent, not both: each row has its own")
		}
	}
	c.packCheckPrizeRule(p, it.Rule)
	seen := map[string]int{}
	for j, r := range it.Grid {
		rp := fmt.Sprintf("%s.grid[%d]", p, j)
		if r.Code == "" {
			c.fail(rp+".code", "required")
		} else if k, dup := seen[r.Code]; dup {
			c.fail(rp+".code", "grid[%d] has the same code %q: keep one row per code", k, r.Code)
		} else {
			seen[r.Code] = j
		}
		if r.Quantity < 0 {
			c.fail(rp+".quantity", "must not be negative")
		}
		c.positive(rp+".percent", r.Percent, bounds.Percent)
	}
}

// packCheckPrizeAttribute checks an items prize's attribute at path p.
func (c *compiler) packCheckPrizeAttribute(p string, attr PackAttribute) {
	switch attr {
	case AttributeLine, AttributeManufacturer, AttributeFamily, AttributeProduct, AttributeRole:
	default:
		c.fail(p+".attribute", "want line, manufacturer, family, product or role, got %q", attr)
	}
}

// packCheckPrizeRule checks an items prize's rule at path p.
func (c *compiler) packCheckPrizeRule(p string, rule PrizeRule) {
	switch rule {
	case "", PrizeHighest, PrizeLowest:
	default:
		c.fail(p+".rule", "want highest or lowest, got %q", rule)
	}
}
