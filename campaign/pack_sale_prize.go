package campaign

import (
	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// salePrize is a percent or an amount off the whole sale (desconto em toda
// venda), the benefit chosen when the table is compiled.
type salePrize struct {
	benefit benefit.Benefit
}

// newSalePrize compiles a checked sale prize.
func newSalePrize(s *PackSalePrize) salePrize {
	if s.Percent != nil {
		return salePrize{benefit: benefit.SalePercent(*s.Percent)}
	}
	return salePrize{benefit: benefit.SaleAmount(*s.Amount)}
}

func (s salePrize) apply(p *pack, v *promo.View, _ *packSale, _ []int, maxUnits int64) promo.Proposal {
	return p.award(v, s.benefit, benefit.Scope{Lines: allLines(v)}, maxUnits)
}

func (salePrize) covered() (PackAttribute, []string) { return "", nil }
func (salePrize) phase() promo.Phase                 { return promo.PhaseSale }
