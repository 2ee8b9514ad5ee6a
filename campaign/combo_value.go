package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// valueCombo is a value bonification (value): each time the sale has the
// quantity of the kit product, the bonus product's quantity sells at its
// unit price; the result lists as a gift the units to add when the cart
// does not have them.
type valueCombo struct {
	buy       ComboItem
	bonus     comboBonus
	unitPrice decimal.Decimal
}

func (c *valueCombo) keys() promo.Keys {
	return promo.Keys{ProductCodes: []string{c.buy.Product, c.bonus.product}}
}

func (c *valueCombo) apply(v *promo.View) promo.Proposal {
	occ := benefit.UnitsIn(productRuns(v, c.buy.Product, true)) / c.buy.Quantity
	if occ == 0 {
		return notEligible(ReasonComboMissing, "produto kit "+c.buy.Product+" fora da venda", "kit product "+c.buy.Product+" not in the sale")
	}
	want := occ * c.bonus.quantity
	p := promo.Proposal{Eligible: true, Occurrences: int(occ)}
	got := discountUnits(v, &p, c.bonus, occ*c.bonus.after, want, true)
	participate(v, &p, c.buy.Product, 0, occ*c.buy.Quantity, false)
	g := promo.Gift{Options: []string{c.bonus.product}, Quantity: want, ToAdd: want - got, UnitPrice: c.unitPrice}
	lines, _ := unitsOfProduct(v, c.bonus.product)
	for _, i := range lines {
		g.InCart = append(g.InCart, v.Line(i).ID)
	}
	p.Gifts = []promo.Gift{g}
	return p
}
