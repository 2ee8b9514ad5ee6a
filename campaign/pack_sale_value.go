package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// saleValue is a table's minimum sale value (valor mínimo na venda): the
// lines not excepted must be worth it.
type saleValue struct {
	min rules.Threshold
}

func newSaleValue(d decimal.Decimal) saleValue { return saleValue{min: rules.MinValue(d)} }

func (r saleValue) check(v *promo.View) *promo.Reason {
	if ok, why := r.min.Check(v, allLines(v)); !ok {
		return &why
	}
	return nil
}
