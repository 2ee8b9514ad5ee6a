package campaign

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// brandCombo is a brand bonification (brand): once the sale's other items
// of some brands reach a minimum value, a bonus product of one of those
// brands gets its discount.
type brandCombo struct {
	brands   []string
	minValue decimal.Decimal
	bonus    comboBonus
}

func (*brandCombo) keys() promo.Keys { return promo.Keys{CartWide: true} }

func (b *brandCombo) apply(v *promo.View) promo.Proposal {
	var lines []int
	for i := 0; i < v.Len(); i++ {
		l := v.Line(i)
		if l.ProductCode != b.bonus.product && slices.ContainsFunc(b.brands, func(x string) bool { return strings.EqualFold(x, l.Brand) }) {
			lines = append(lines, i)
		}
	}
	return bonusAboveMinimum(v, lines, b.minValue, b.bonus, "das marcas", "of the brands")
}
