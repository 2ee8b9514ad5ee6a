package benefit

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// freightKind says how a freight benefit discounts the freight.
type freightKind uint8

const (
	freightPercent freightKind = iota
	freightAmount
	freightPrice
)

// freight is a discount on the sale's freight (frete).
type freight struct {
	kind  freightKind
	value decimal.Decimal
}

// ReasonNoFreight is the reason a freight benefit gives on a sale without
// freight.
const ReasonNoFreight promo.ReasonCode = "no_freight"

// FreightPercent is p % off the sale's freight; 100 makes it free ("frete
// grátis"). p is between 0 and 100.
func FreightPercent(p decimal.Decimal) Benefit { return freight{freightPercent, p} }

// FreightAmountOff is a fixed amount off the sale's freight, never more
// than it costs.
func FreightAmountOff(a decimal.Decimal) Benefit { return freight{freightAmount, a} }

// FreightPrice sets the freight to f ("frete a R$ 9,90"); a freight already
// cheaper is left alone.
func FreightPrice(f decimal.Decimal) Benefit { return freight{freightPrice, f} }

func (freight) sealed()            {}
func (freight) Phase() promo.Phase { return promo.PhaseSale }

// Apply proposes the discount off what the freight still costs. The lines
// of the scope decide nothing: the campaign's rules and thresholds have
// already been checked on them.
func (b freight) Apply(v *promo.View, _ Scope) promo.Proposal {
	if v.Cart().Freight == nil {
		return promo.NotEligible(promo.Reason{Code: ReasonNoFreight,
			PT: "a venda não tem frete", EN: "the sale has no freight"})
	}
	left := v.Freight()
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	switch b.kind {
	case freightPercent:
		p.Freight = left.Mul(b.value).DivRound(decimal.NewFromInt(100), 12)
	case freightAmount:
		p.Freight = decimal.Min(left, b.value)
	default:
		p.Freight = decimal.Max(decimal.Zero, left.Sub(b.value))
	}
	return p
}
