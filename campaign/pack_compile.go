package campaign

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/promokit/promokit/benefit"
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

// newPack compiles checked table d, in force from start to end.
func newPack(d *DiscountPack, set *packSet, exc *exclusion, start, end time.Time) *pack {
	prize, phase, scope := packPrizeOf(&d.Prize, d.MaxItems)
	scope.MaxUnits = d.MaxItems
	pk := &pack{def: d, set: set, exc: exc, coupon: rules.NormalizeCode(d.Coupon), prize: prize, scope: scope,
		info: promo.Info{ID: d.ID, Name: d.Name, Description: d.Description, Type: "desconto_pack", Phase: phase,
			Priority: d.Priority, Start: start, End: end, Key: d.Key}}
	if d.LimitPerCustomer > 0 {
		pk.limits = []limit{{max: d.LimitPerCustomer, period: "campaign"}}
	}
	return pk
}

// packPrizeOf compiles a checked prize into its benefit, phase and scope.
func packPrizeOf(pz *PackPrize, maxItems int64) (benefit.Benefit, promo.Phase, benefit.Scope) {
	switch {
	case pz.Sale != nil && pz.Sale.Percent != nil:
		return benefit.SalePercent(*pz.Sale.Percent), promo.PhaseSale, benefit.Scope{}
	case pz.Sale != nil:
		return benefit.SaleAmount(*pz.Sale.Amount), promo.PhaseSale, benefit.Scope{}
	case len(pz.Items.Grid) > 0:
		return packGridOf(pz.Items)
	}
	it := pz.Items
	sel := benefit.All
	switch {
	case it.Rule != PrizeLowest && it.Quantity > 0:
		sel = benefit.Highest
	case it.Rule == PrizeLowest && it.Quantity > 0:
		sel = benefit.Lowest
	case it.Rule == PrizeLowest && maxItems > 0:
		// Every unit, but only max_items of them: the cheapest.
		return benefit.ItemPercent(it.Percent), promo.PhaseItem, benefit.Scope{Select: benefit.Lowest, Pick: maxItems}
	}
	return benefit.ItemPercent(it.Percent), promo.PhaseItem, benefit.Scope{Select: sel, Pick: it.Quantity}
}

// packGridOf compiles a checked items prize with a grid.
func packGridOf(it *PackItemsPrize) (benefit.Benefit, promo.Phase, benefit.Scope) {
	sel := benefit.Highest
	if it.Rule == PrizeLowest {
		sel = benefit.Lowest
	}
	rows := make([]benefit.GridRow, 0, len(it.Grid))
	for _, r := range it.Grid {
		rows = append(rows, benefit.GridRow{Code: r.Code, Quantity: r.Quantity, Percent: r.Percent})
	}
	attr := it.Attribute
	return benefit.PercentGrid(func(l *promo.Line) string { return attrOf(l, attr) }, rows...), promo.PhaseItem, benefit.Scope{Select: sel}
}
