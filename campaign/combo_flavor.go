package campaign

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// flavorCombo is a flavour bonification (flavor, sabor): every min_quantity
// units across some products (the flavours) take bonus_value off, spread
// over their lines: twice the quantity, twice the discount.
type flavorCombo struct {
	products    []string
	minQuantity int64
	bonusValue  decimal.Decimal
}

func (f *flavorCombo) keys() promo.Keys { return promo.Keys{ProductCodes: f.products} }

func (f *flavorCombo) apply(v *promo.View) promo.Proposal {
	var lines []int
	var units int64
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); slices.Contains(f.products, l.ProductCode) && l.Countable() {
			lines = append(lines, i)
			units += l.Quantity.IntPart()
		}
	}
	occ := units / f.minQuantity
	if occ == 0 {
		miss := f.minQuantity - units
		return short(notEligible(promo.ReasonMinQuantity, fmt.Sprintf("quantidade mínima %d não atingida: faltam %d", f.minQuantity, miss),
			fmt.Sprintf("minimum quantity %d not reached: %d missing", f.minQuantity, miss)), v.Shortfall(lines, decimal.Zero, miss))
	}
	p := promo.Proposal{Eligible: true, Occurrences: int(occ), Units: units}
	benefit.SpreadAmount(&p, v, lines, f.bonusValue.Mul(decimal.NewFromInt(occ)), promo.ItemDiscount)
	return p
}
