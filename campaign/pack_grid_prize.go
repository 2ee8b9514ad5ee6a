package campaign

import (
	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// gridPrize is an items prize with a grid (the manual's grid): several
// codes of one attribute, each with its quantity and percent, the dearest
// or the cheapest units first by the prize's rule.
type gridPrize struct {
	prizeItems
	benefit benefit.Benefit
	scope   benefit.Scope
}

// newGridPrize compiles table d's checked items prize with a grid.
func newGridPrize(d *DiscountPack, set *packSet) *gridPrize {
	it := d.Prize.Items
	codes := make([]string, 0, len(it.Grid))
	rows := make([]benefit.GridRow, 0, len(it.Grid))
	for _, r := range it.Grid {
		codes = append(codes, r.Code)
		rows = append(rows, benefit.GridRow{Code: r.Code, Quantity: r.Quantity, Percent: r.Percent})
	}
	sel := benefit.Highest
	if it.Rule == PrizeLowest {
		sel = benefit.Lowest
	}
	attr := it.Attribute
	return &gridPrize{prizeItems: newPrizeItems(d, set, codes),
		benefit: benefit.PercentGrid(func(l *promo.Line) string { return attrOf(l, attr) }, rows...),
		scope:   benefit.Scope{Select: sel, MaxUnits: d.MaxItems}}
}

func (g *gridPrize) apply(p *pack, v *promo.View, sale *packSale, keep []int, maxUnits int64) promo.Proposal {
	lines, lost := g.lines(v, sale, keep)
	if lost {
		return precedenceLost()
	}
	s := g.scope
	s.Lines = lines
	return p.award(v, g.benefit, s, maxUnits)
}
