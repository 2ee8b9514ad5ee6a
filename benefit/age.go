package benefit

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// ReasonAgeUnknown means an age-based benefit needs an identified customer with a
// birth date.
const ReasonAgeUnknown promo.ReasonCode = "customer_age_unknown"

// ReasonAgePercent notes the percent an age-based benefit gave.
const ReasonAgePercent promo.ReasonCode = "age_percent"

type byAge struct {
	onSale     bool
	perYear    decimal.Decimal
	maxPercent decimal.Decimal
}

// AgePercent is a percent discount that depends on the customer's age
// (benefício Cliente): perYear % for each year of age, at most maxPercent %
// ("20 anos, 20 %" is perYear 1). The age is taken on the sale's date. On
// the sale it is apportioned like SalePercent; on items it works like
// ItemPercent on every eligible unit.
func AgePercent(onSale bool, perYear, maxPercent decimal.Decimal) Benefit {
	return byAge{onSale: onSale, perYear: perYear, maxPercent: maxPercent}
}

func (byAge) sealed() {}

func (b byAge) Phase() promo.Phase {
	if b.onSale {
		return promo.PhaseSale
	}
	return promo.PhaseItem
}

func (b byAge) Apply(v *promo.View, s Scope) promo.Proposal {
	c := v.Cart().Customer
	if c == nil || c.BirthDate.IsZero() {
		return promo.NotEligible(promo.Reason{Code: ReasonAgeUnknown,
			PT: "desconto por idade: cliente sem data de nascimento",
			EN: "age-based discount: the customer has no birth date"})
	}
	age := c.BirthDate.AgeOn(br.DateOf(v.Time()))
	pct := decimal.Min(b.maxPercent, b.perYear.Mul(decimal.NewFromInt(int64(age))))
	var p promo.Proposal
	if b.onSale {
		p = SalePercent(pct).Apply(v, s)
	} else {
		p = ItemPercent(pct).Apply(v, s)
	}
	if p.Eligible {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonAgePercent,
			PT: fmt.Sprintf("cliente com %d anos: %s%% de desconto", age, pct.String()),
			EN: fmt.Sprintf("customer aged %d: %s%% off", age, pct.String())})
	}
	return p
}
