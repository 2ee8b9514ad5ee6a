package campaign

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// packs compiles the Desconto Pack tables.
func (c *compiler) packs(def Ruleset, loc *time.Location, seen map[string]string) []promo.Promotion {
	c.companyCheck(def.Company)
	set := newPackSet(def.Company)
	var out []promo.Promotion
	for i := range def.DiscountPacks {
		d := &def.DiscountPacks[i]
		p := fmt.Sprintf("discount_packs[%d]", i)
		before := len(c.problems)
		start, end := c.general(p, &d.General, loc, seen)
		c.packCheck(p, d, def.Company)
		exc := c.exceptions(p+".exceptions", d.Exceptions)
		c.packCheckPrizeUse(p, d)
		if len(c.problems) > before {
			continue
		}
		pk := newPack(d, set, exc, start, end)
		set.packs = append(set.packs, pk)
		out = append(out, pk)
	}
	// In id order: which table a message names must not depend on the file.
	slices.SortFunc(set.packs, func(a, b *pack) int { return strings.Compare(a.info.ID, b.info.ID) })
	set.index()
	return out
}

// newPackSet returns the set the tables of a ruleset share, with the
// company's settings and the precedence between prize attributes they
// give.
func newPackSet(co *Company) *packSet {
	set := &packSet{order: []PackAttribute{AttributeProduct, AttributeRole, AttributeLine, AttributeFamily, AttributeManufacturer}}
	if co != nil {
		set.company = *co
		if co.LineBeforeRole {
			set.order = []PackAttribute{AttributeProduct, AttributeLine, AttributeRole, AttributeFamily, AttributeManufacturer}
		}
	}
	return set
}

// newPack compiles checked table d of set, in force from start to end.
func newPack(d *DiscountPack, set *packSet, exc *exclusion, start, end time.Time) *pack {
	prize := packPrizeOf(d, set)
	pk := &pack{def: d, set: set, exc: exc, coupon: rules.NormalizeCode(d.Coupon), prize: prize,
		requirements: packRequirementsOf(d),
		info: promo.Info{ID: d.ID, Name: d.Name, Description: d.Description, Type: "desconto_pack", Phase: prize.phase(),
			Priority: d.Priority, Start: start, End: end, Key: d.Key}}
	if d.LimitPerCustomer > 0 {
		pk.limits = []limit{{max: d.LimitPerCustomer, period: "campaign"}}
	}
	return pk
}

// packPrizeOf compiles checked table d's prize into the type of its kind.
func packPrizeOf(d *DiscountPack, set *packSet) packPrize {
	switch {
	case d.Prize.Sale != nil:
		return newSalePrize(d.Prize.Sale)
	case len(d.Prize.Items.Grid) > 0:
		return newGridPrize(d, set)
	}
	return newItemsPrize(d, set)
}

// packRequirementsOf compiles checked table d's requirements: its minimum
// sale value, then each requirement per attribute.
func packRequirementsOf(d *DiscountPack) []packRequirement {
	out := make([]packRequirement, 0, 1+len(d.Requirements))
	if d.MinSaleValue != nil {
		out = append(out, newSaleValue(*d.MinSaleValue))
	}
	for _, rq := range d.Requirements {
		out = append(out, newAttributeRequirement(rq))
	}
	return out
}
