package benefit

import (
	"sort"

	"github.com/shopspring/decimal"

	"promokit/promo"
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
	var lines []int
	for _, i := range s.Lines {
		if v.Value(i).Sign() > 0 {
			lines = append(lines, i)
		}
	}
	if len(lines) == 0 {
		return promo.NotEligible(noEligible())
	}
	// Apportion in line-id order, so that remainder ties do not depend on
	// the order of the cart's lines.
	sort.Slice(lines, func(a, b int) bool { return v.Rank(lines[a]) < v.Rank(lines[b]) })
	weights := make([]decimal.Decimal, len(lines))
	for k, i := range lines {
		weights[k] = v.Value(i)
	}
	total := v.Total(lines)
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	var amount decimal.Decimal
	if b.fixed {
		amount = b.amount
		if amount.GreaterThan(total) {
			amount = total
			p.Reasons = append(p.Reasons, promo.Reason{Code: promo.ReasonDiscountCapped,
				PT: "o desconto de R$ " + promo.FormatBRL(b.amount) + " foi limitado ao total de R$ " + promo.FormatBRL(total),
				EN: "the discount of R$ " + b.amount.StringFixed(2) + " was capped at the total of R$ " + total.StringFixed(2)})
		}
	} else {
		amount = v.Round(total.Mul(b.percent).DivRound(decimal.NewFromInt(100), 12))
	}
	amount = v.Round(amount)
	for k, sh := range promo.Apportion(amount, weights) {
		if sh.Sign() > 0 {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: lines[k], Kind: promo.SaleDiscount, Amount: sh})
		}
	}
	return p
}

func noEligible() promo.Reason {
	return promo.Reason{Code: promo.ReasonNoEligibleItems,
		PT: "nenhum item elegível com valor a descontar",
		EN: "no eligible item with a value to discount"}
}
