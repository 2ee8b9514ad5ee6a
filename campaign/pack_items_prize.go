package campaign

import (
	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// itemsPrize is a percent off the items of one attribute's code (desconto
// nos itens): Quantity units get it (every unit when 0), the dearest or
// the cheapest by the prize's rule.
type itemsPrize struct {
	prizeItems
	benefit benefit.Benefit
	scope   benefit.Scope
	// minimum is the prize's quantity as the minimum to buy (quantidade:
	// número mínimo de unidades); nil when every unit gets it.
	minimum rules.Threshold
}

// newItemsPrize compiles table d's checked items prize without a grid.
func newItemsPrize(d *DiscountPack, set *packSet) *itemsPrize {
	it := d.Prize.Items
	x := &itemsPrize{prizeItems: newPrizeItems(d, set, []string{it.Code}), benefit: benefit.ItemPercent(it.Percent),
		scope: benefit.Scope{Select: benefit.All, Pick: it.Quantity, MaxUnits: d.MaxItems}}
	switch {
	case it.Quantity > 0:
		x.minimum = rules.MinQuantity(it.Quantity)
		x.scope.Select = benefit.Highest
		if it.Rule == PrizeLowest {
			x.scope.Select = benefit.Lowest
		}
	case it.Rule == PrizeLowest && d.MaxItems > 0:
		// Every unit, but only max_items of them: the cheapest.
		x.scope.Select, x.scope.Pick = benefit.Lowest, d.MaxItems
	}
	return x
}

func (x *itemsPrize) apply(p *pack, v *promo.View, sale *packSale, keep []int, maxUnits int64) promo.Proposal {
	lines, lost := x.lines(v, sale, keep)
	if lost {
		return precedenceLost()
	}
	if x.minimum != nil {
		if ok, why := x.minimum.Check(v, lines); !ok {
			return promo.NotEligible(why)
		}
	}
	s := x.scope
	s.Lines = lines
	return p.award(v, x.benefit, s, maxUnits)
}
