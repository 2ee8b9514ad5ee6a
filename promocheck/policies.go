package promocheck

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// hundred is 100 as a decimal.
func hundred() decimal.Decimal { return decimal.NewFromInt(100) }

// percentOf returns part / whole × 100 to two decimal places, for texts.
func percentOf(part, whole decimal.Decimal) decimal.Decimal {
	if whole.Sign() == 0 {
		return decimal.Zero
	}
	return part.Mul(hundred()).DivRound(whole, 2)
}

// discounted splits a line's discount: what the promotions gave (markdowns,
// item and sale discounts, free units) and the value of its gift units
// (brindes). Cashback redeemed as a discount is the customer's own credit
// spent, not a price the retailer set, and counts in neither.
func discounted(l promo.LineResult) (promotions, gifts decimal.Decimal, ids []string) {
	for _, a := range l.Adjustments {
		switch a.Kind {
		case promo.CashbackRedemption:
			continue
		case promo.GiftUnits:
			gifts = gifts.Add(a.Amount)
		default:
			promotions = promotions.Add(a.Amount)
			if !contains(ids, a.Campaign) {
				ids = append(ids, a.Campaign)
			}
		}
	}
	return promotions, gifts, ids
}

// over tells whether off is more than percent of base by more than the
// rounding of lines lines: each line's adjustments are rounded to cents,
// so a discount may pass its percent by a cent on a tiny amount.
func over(off, base, percent decimal.Decimal, lines int) bool {
	slack := decimal.New(int64(lines), -2).Mul(hundred())
	return base.Sign() > 0 && off.Mul(hundred()).GreaterThan(percent.Mul(base).Add(slack))
}

// MaxLineDiscount checks that no line gets more than percent of its value
// off: the promotions' discounts on the line over its gross, the units
// given as gifts left out of both (MaxGifts bounds gifts), cashback
// redeemed as a discount not counted. A cent of rounding is allowed.
func MaxLineDiscount(res promo.Result, percent decimal.Decimal) []Violation {
	var out []Violation
	for _, l := range res.Lines {
		off, gifts, ids := discounted(l)
		base := l.Gross.Sub(gifts)
		if !over(off, base, percent, 1) {
			continue
		}
		p := percentOf(off, base)
		out = append(out, Violation{Kind: KindMaxLineDiscount, Line: l.ID, Campaigns: ids, Amount: p, Limit: percent,
			PT: fmt.Sprintf("desconto de R$ %s em R$ %s = %s %%, acima do máximo de %s %% por item", money.Format(off), money.Format(base), money.Format(p), money.Format(percent)),
			EN: fmt.Sprintf("discount of R$ %s on R$ %s = %s%%, above the maximum of %s%% per line", fixed(off), fixed(base), fixed(p), fixed(percent))})
	}
	return out
}

// MaxSaleDiscount checks that the sale gets at most percent of its value
// off, counting as MaxLineDiscount does; a cent of rounding per line is
// allowed.
func MaxSaleDiscount(res promo.Result, percent decimal.Decimal) []Violation {
	off, base := decimal.Zero, decimal.Zero
	var ids []string
	for _, l := range res.Lines {
		o, g, cs := discounted(l)
		off, base = off.Add(o), base.Add(l.Gross.Sub(g))
		for _, c := range cs {
			if !contains(ids, c) {
				ids = append(ids, c)
			}
		}
	}
	if !over(off, base, percent, len(res.Lines)) {
		return nil
	}
	p := percentOf(off, base)
	return []Violation{{Kind: KindMaxSaleDiscount, Campaigns: inRunOrder(res, ids), Amount: p, Limit: percent,
		PT: fmt.Sprintf("desconto de R$ %s em R$ %s na venda = %s %%, acima do máximo de %s %%", money.Format(off), money.Format(base), money.Format(p), money.Format(percent)),
		EN: fmt.Sprintf("discount of R$ %s on a sale of R$ %s = %s%%, above the maximum of %s%%", fixed(off), fixed(base), fixed(p), fixed(percent))}}
}

// inRunOrder sorts campaign ids in the order they applied.
func inRunOrder(res promo.Result, ids []string) []string {
	var out []string
	for _, a := range res.Applied {
		if contains(ids, a.Campaign) {
			out = append(out, a.Campaign)
		}
	}
	for _, id := range ids {
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// FloorPrices checks that no line of a product with a floor price (its
// cost plus the minimum margin, by product code) is sold below it once
// the promotions applied: what the line's units are worth must be at
// least quantity × floor. A unit's worth is what a return of it refunds
// (refund.Of): the line's net, with the discount of a promotion that
// forms groups of units ("leve 3 pague 2") shared among the units of its
// groups, so that a free unit on one line lowers the price of the paid
// ones on another; cashback redeemed as a discount is added back (it is
// the customer's credit, not a price). A line no promotion discounted is
// not checked (its shelf price is the host's), nor one holding a gift
// (MaxGifts bounds gifts). Cashback redeemed alone does not make a line
// discounted.
func FloorPrices(cart promo.Cart, res promo.Result, floors map[string]decimal.Decimal) []Violation {
	var out []Violation
	for i, l := range res.Lines {
		if i >= len(cart.Lines) {
			break
		}
		floor, ok := floors[cart.Lines[i].ProductCode]
		_, gifts, _ := discounted(l)
		ids := involved(res, l)
		if !ok || len(ids) == 0 || gifts.Sign() > 0 {
			continue
		}
		r, err := refund.Of(res, nil, []refund.Returned{{Line: l.ID, Quantity: l.Quantity}})
		if err != nil {
			continue // Refunds reports a return it refuses
		}
		sold := r.Total
		for _, a := range l.Adjustments {
			if a.Kind == promo.CashbackRedemption {
				sold = sold.Add(a.Amount)
			}
		}
		if !sold.LessThan(floor.Mul(l.Quantity)) {
			continue
		}
		unit := sold.DivRound(l.Quantity, 2)
		code := cart.Lines[i].ProductCode
		out = append(out, Violation{Kind: KindFloorPrice, Line: l.ID, Campaigns: ids, Amount: unit, Limit: floor,
			PT: fmt.Sprintf("%s vendido a R$ %s por unidade (R$ %s por %s), abaixo do piso de R$ %s", code, money.Format(unit), money.Format(sold), l.Quantity, money.Format(floor)),
			EN: fmt.Sprintf("%s sold at R$ %s a unit (R$ %s for %s), below its floor of R$ %s", code, fixed(unit), fixed(sold), l.Quantity, fixed(floor))})
	}
	return out
}

// involved lists the promotions that discounted a line or grouped its
// units, in the order they applied; cashback redeemed is not one.
func involved(res promo.Result, l promo.LineResult) []string {
	var ids []string
	for _, a := range l.Adjustments {
		if a.Kind != promo.CashbackRedemption && !contains(ids, a.Campaign) {
			ids = append(ids, a.Campaign)
		}
	}
	for _, a := range res.Applied {
		for _, p := range a.Participants {
			if p.Line == l.ID && !contains(ids, a.Campaign) {
				ids = append(ids, a.Campaign)
			}
		}
	}
	return inRunOrder(res, ids)
}

// MaxGifts checks that the sale gets at most n gift units (brindes: the
// result's gifts at no price, in the cart or still to add; an item sold at
// a bonus value is not a gift).
func MaxGifts(res promo.Result, n int64) []Violation {
	var total int64
	var ids []string
	for _, g := range res.Gifts {
		if g.UnitPrice.Sign() != 0 {
			continue
		}
		total += g.Quantity
		if !contains(ids, g.Campaign) {
			ids = append(ids, g.Campaign)
		}
	}
	if total <= n {
		return nil
	}
	return []Violation{{Kind: KindMaxGifts, Campaigns: ids, Amount: decimal.NewFromInt(total), Limit: decimal.NewFromInt(n),
		PT: fmt.Sprintf("%d brindes na venda, acima do máximo de %d", total, n),
		EN: fmt.Sprintf("%d gifts in the sale, above the maximum of %d", total, n)}}
}

// NeverStack checks that campaign did not apply together with any of
// with (with any other promotion when with is empty): in the same sale,
// or, with sameLine, on the same line.
func NeverStack(res promo.Result, campaign string, with []string, sameLine bool) []Violation {
	other := func(id string) bool {
		return id != campaign && (len(with) == 0 || contains(with, id))
	}
	if sameLine {
		var out []Violation
		for _, l := range res.Lines {
			ids := campaignsOf(l)
			if !contains(ids, campaign) {
				continue
			}
			for _, id := range ids {
				if other(id) {
					out = append(out, Violation{Kind: KindNeverStack, Line: l.ID, Campaigns: []string{campaign, id},
						PT: fmt.Sprintf("%s e %s no mesmo item", campaign, id),
						EN: fmt.Sprintf("%s and %s on the same line", campaign, id)})
				}
			}
		}
		return out
	}
	applied := false
	var others []string
	for _, a := range res.Applied {
		switch {
		case a.Campaign == campaign:
			applied = true
		case other(a.Campaign):
			others = append(others, a.Campaign)
		}
	}
	if !applied || len(others) == 0 {
		return nil
	}
	return []Violation{{Kind: KindNeverStack, Campaigns: append([]string{campaign}, others...),
		PT: fmt.Sprintf("%s aplicada na mesma venda que %s", campaign, strings.Join(others, ", ")),
		EN: fmt.Sprintf("%s applied in the same sale as %s", campaign, strings.Join(others, ", "))}}
}
