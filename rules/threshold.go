package rules

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Threshold is a minimum the lines a campaign selects must reach. The set is
// closed: build thresholds with MinQuantity and MinValue.
type Threshold interface {
	// Check measures the threshold over the given lines.
	Check(v *promo.View, lines []int) (ok bool, why promo.Reason)
	sealed()
}

type minQuantity struct{ n int64 }

// MinQuantity requires at least n whole units among the lines (quantidade
// mínima). Weighed lines do not count: count-based rules use whole units.
func MinQuantity(n int64) Threshold { return minQuantity{n} }

func (minQuantity) sealed() {}

// Units returns the whole units of the countable lines among lines.
func Units(v *promo.View, lines []int) int64 {
	var n int64
	for _, i := range lines {
		if l := v.Line(i); l.Countable() {
			n += l.Quantity.IntPart()
		}
	}
	return n
}

func (m minQuantity) Check(v *promo.View, lines []int) (bool, promo.Reason) {
	got := Units(v, lines)
	if got >= m.n {
		return true, promo.Reason{}
	}
	miss := m.n - got
	return false, promo.Reason{Code: promo.ReasonMinQuantity,
		PT:      fmt.Sprintf("quantidade mínima de %d unidades não atingida: faltam %d", m.n, miss),
		EN:      fmt.Sprintf("minimum quantity of %d units not reached: %d missing", m.n, miss),
		Missing: v.Shortfall(lines, decimal.Zero, miss)}
}

type minValue struct{ d decimal.Decimal }

// MinValue requires the lines to be worth at least d, at their values after
// the promotions that ran before (valor mínimo, "acima de R$ 200,00").
func MinValue(d decimal.Decimal) Threshold { return minValue{d} }

func (minValue) sealed() {}

func (m minValue) Check(v *promo.View, lines []int) (bool, promo.Reason) {
	got := v.Total(lines)
	if got.GreaterThanOrEqual(m.d) {
		return true, promo.Reason{}
	}
	miss := m.d.Sub(got)
	return false, promo.Reason{Code: promo.ReasonMinValue,
		PT:      fmt.Sprintf("valor mínimo de R$ %s não atingido: faltam R$ %s", money.Format(m.d), money.Format(miss)),
		EN:      fmt.Sprintf("minimum value of R$ %s not reached: R$ %s missing", m.d.StringFixed(2), miss.StringFixed(2)),
		Missing: v.Shortfall(lines, miss, 0)}
}
