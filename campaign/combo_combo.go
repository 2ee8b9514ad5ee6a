package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// comboCombo is the combo bonification proper (combo): once the sale,
// the bonus product's lines aside, reaches a minimum value, the bonus
// product sells at its unit price.
type comboCombo struct {
	minValue decimal.Decimal
	bonus    comboBonus
}

func (*comboCombo) keys() promo.Keys { return promo.Keys{CartWide: true} }

func (c *comboCombo) apply(v *promo.View) promo.Proposal {
	var lines []int
	for i := 0; i < v.Len(); i++ {
		if v.Line(i).ProductCode != c.bonus.product {
			lines = append(lines, i)
		}
	}
	return bonusAboveMinimum(v, lines, c.minValue, c.bonus, "da compra", "of the purchase")
}
