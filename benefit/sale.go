package benefit

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// sale is a discount on the sale as a whole (desconto na venda).
type sale struct {
	percent decimal.Decimal // used when !fixed
	amount  decimal.Decimal // used when fixed
	fixed   bool
}

// SalePercent is p % off the eligible lines' total, rounded once to cents
// and apportioned to the lines by their value. p is between 0 and 100.
func SalePercent(p decimal.Decimal) Benefit { return sale{percent: p} }

// SaleAmount is a fixed amount off the eligible lines' total, apportioned to
// the lines by their value; an amount larger than the total is capped at it.
func SaleAmount(a decimal.Decimal) Benefit { return sale{amount: a, fixed: true} }

func (sale) sealed()            {}
func (sale) Phase() promo.Phase { return promo.PhaseSale }

func (b sale) Apply(v *promo.View, s Scope) promo.Proposal {
	lines := valued(v, s.Lines)
	if len(lines) == 0 {
		return promo.NotEligible(noEligible())
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1, Units: unitsIn(v, lines)}
	if b.fixed {
		spreadAmount(&p, v, lines, b.amount, promo.SaleDiscount)
	} else {
		spreadPercent(&p, v, lines, b.percent, promo.SaleDiscount)
	}
	return p
}

// valued returns the lines that still cost something: lines itself when
// they all do, so neither lines nor the result may be modified.
func valued(v *promo.View, lines []int) []int {
	free := func(i int) bool { return v.Value(i).Sign() <= 0 }
	if !slices.ContainsFunc(lines, free) {
		return lines // not modified: not copied
	}
	return slices.DeleteFunc(slices.Clone(lines), free)
}

// spreadPercent proposes pct % of the lines' total, rounded once,
// apportioned to them by value.
func spreadPercent(p *promo.Proposal, v *promo.View, lines []int, pct decimal.Decimal, kind promo.AdjustmentKind) {
	total := v.Total(lines)
	amount, ok := percentOfCents(total, pct, v.Rounding())
	if !ok {
		amount = v.Round(total.Mul(pct).DivRound(decimal.NewFromInt(100), 12))
	}
	spread(p, v, lines, amount, kind)
}

// SpreadAmount proposes a fixed amount of kind off the lines, apportioned
// by their current value in line-id order (largest remainder) and capped
// at their total, with a discount_capped note when it is: the shared
// mechanism of every amount a family spreads over lines.
func SpreadAmount(p *promo.Proposal, v *promo.View, lines []int, amount decimal.Decimal, kind promo.AdjustmentKind) {
	spreadAmount(p, v, lines, amount, kind)
}

// spreadAmount proposes a fixed amount apportioned to the lines by value,
// capped at their total (with a note).
func spreadAmount(p *promo.Proposal, v *promo.View, lines []int, amount decimal.Decimal, kind promo.AdjustmentKind) {
	if total := v.Total(lines); amount.GreaterThan(total) {
		p.Reasons = append(p.Reasons, promo.Reason{Code: promo.ReasonDiscountCapped,
			PT: "o desconto de R$ " + money.Format(amount) + " foi limitado ao total de R$ " + money.Format(total),
			EN: "the discount of R$ " + amount.StringFixed(2) + " was capped at the total of R$ " + total.StringFixed(2)})
		amount = total
	}
	spread(p, v, lines, v.Round(amount), kind)
}

// spread apportions amount over the lines by their current value, in
// line-id order so that remainder ties do not depend on the cart's order.
func spread(p *promo.Proposal, v *promo.View, lines []int, amount decimal.Decimal, kind promo.AdjustmentKind) {
	lines = slices.Clone(lines)
	slices.SortFunc(lines, func(a, b int) int { return cmp.Compare(v.Rank(a), v.Rank(b)) })
	weights := make([]decimal.Decimal, len(lines))
	for k, i := range lines {
		weights[k] = v.Value(i)
	}
	p.Adjustments = slices.Grow(p.Adjustments, len(lines))
	for k, sh := range promo.Apportion(amount, weights) {
		if sh.Sign() > 0 {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: lines[k], Kind: kind, Amount: sh})
		}
	}
}

func noEligible() promo.Reason {
	return promo.Reason{Code: promo.ReasonNoEligibleItems,
		PT: "nenhum item elegível com valor a descontar",
		EN: "no eligible item with a value to discount"}
}
