package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// comboBonus is a compiled ComboBonus: a bonus product, its units per
// occurrence and its discount. A flyer item and a quantity bonification's
// units are bonuses too.
type comboBonus struct {
	product  string
	quantity int64
	// after is how many units of the product one occurrence buys (a
	// product both bought and bonus in a kit): the bonus units come after
	// those.
	after int64
	off   unitOff
}

// unitOff is how a bonus discounts its units: percentOff, amountOff or
// priceAt. Its unexported method seals it.
type unitOff interface {
	// off is the discount on units units of line l, worth worth.
	off(l *promo.Line, units, worth decimal.Decimal) decimal.Decimal
}

// percentOff takes a percent off the units.
type percentOff struct{ percent decimal.Decimal }

func (o percentOff) off(_ *promo.Line, _, worth decimal.Decimal) decimal.Decimal {
	return worth.Mul(o.percent).DivRound(decimal.NewFromInt(100), 12)
}

// amountOff takes an amount off each unit, at most its worth.
type amountOff struct{ amount decimal.Decimal }

func (o amountOff) off(_ *promo.Line, units, worth decimal.Decimal) decimal.Decimal {
	return decimal.Min(worth, units.Mul(o.amount))
}

// priceAt sells the units at a unit price, measured against their price
// or, with original, against the line's original price when it has one
// and it is lower (price type original).
type priceAt struct {
	price    decimal.Decimal
	original bool
}

func (o priceAt) off(l *promo.Line, units, worth decimal.Decimal) decimal.Decimal {
	base := worth
	if o.original && l.OriginalPrice.Valid {
		base = decimal.Min(worth, units.Mul(l.OriginalPrice.Decimal))
	}
	return decimal.Max(decimal.Zero, base.Sub(units.Mul(o.price)))
}

// compileBonuses compiles the bonuses of a combo that buys buy.
func compileBonuses(bonus []ComboBonus, buy []ComboItem) []comboBonus {
	out := make([]comboBonus, len(bonus))
	for j, b := range bonus {
		out[j] = comboBonus{product: b.Product, quantity: b.Quantity, after: buyQty(buy, b.Product)}
		switch {
		case b.Percent != nil:
			out[j].off = percentOff{*b.Percent}
		case b.Amount != nil:
			out[j].off = amountOff{*b.Amount}
		default:
			out[j].off = priceAt{price: *b.UnitPrice}
		}
	}
	return out
}

// buyQty is how many units of product one kit buys.
func buyQty(buy []ComboItem, product string) int64 {
	var n int64
	for _, it := range buy {
		if it.Product == product {
			n += it.Quantity
		}
	}
	return n
}

// discountUnits proposes the bonus discount on k units of its product, the
// most expensive first (ties by line id), skipping the first skip units.
// With grouped (a kit), only units no grouped occurrence took, and they
// become grouped. It returns the units it took.
func discountUnits(v *promo.View, p *promo.Proposal, b comboBonus, skip, k int64, grouped bool) int64 {
	var done int64
	for _, r := range takeRuns(productRuns(v, b.product, grouped), skip, k) {
		units := decimal.NewFromInt(r.Units)
		off := b.off.off(v.Line(r.Line), units, r.Each.Mul(units))
		if off.Sign() > 0 {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: r.Line, Kind: promo.ItemDiscount, Amount: off, Run: r.Run, Units: r.Units})
			p.Participants = append(p.Participants, promo.Participant{Line: r.Line, Units: r.Units})
		}
		if grouped {
			p.Grouped = append(p.Grouped, promo.RunUnits{Line: r.Line, Run: r.Run, Units: r.Units})
		}
		done += r.Units
	}
	p.Units += done
	return done
}

// bonusAboveMinimum gives the bonus b once the lines reach a minimum value
// (brand and combo bonifications); what names the lines in the messages.
func bonusAboveMinimum(v *promo.View, lines []int, minimum decimal.Decimal, b comboBonus, whatPT, whatEN string) promo.Proposal {
	if got := v.Total(lines); got.LessThan(minimum) {
		miss := minimum.Sub(got)
		return short(notEligible(promo.ReasonMinValue, "valor mínimo "+whatPT+" não atingido: faltam R$ "+money.Format(miss),
			"minimum value "+whatEN+" not reached: R$ "+miss.StringFixed(2)+" missing"), v.Shortfall(lines, miss, 0))
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	if discountUnits(v, &p, b, 0, b.quantity, false) == 0 {
		return notEligible(ReasonComboMissing, "produto bônus "+b.product+" fora da venda", "bonus product "+b.product+" not in the sale")
	}
	return p
}
