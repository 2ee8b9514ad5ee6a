package promocheck

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Refunds returns the goods of a sale in the steps of plan (refund.Of,
// each step with the ones before as earlier returns; promogen.Returns
// draws plans) and checks that every step is accepted and refunds no line
// a negative amount; and, when the plan returns everything, that the
// refunds add up exactly to what the customer paid for the lines (the
// result's net), that the cashback redeemed is restored to the cent, and
// that every cashback credit and every points event the sale earned is
// taken back exactly.
func Refunds(sale promo.Result, plan [][]refund.Returned) []Violation {
	var out []Violation
	bad := func(line string, amount, limit decimal.Decimal, pt, en string) {
		out = append(out, Violation{Kind: KindRefund, Line: line, Amount: amount, Limit: limit, PT: pt, EN: en})
	}
	var earlier []refund.Returned
	refunded, restored := decimal.Zero, decimal.Zero
	reversed := map[string]decimal.Decimal{}
	returned := map[string]decimal.Decimal{}
	for k, step := range plan {
		r, err := refund.Of(sale, earlier, step)
		if err != nil {
			bad("", decimal.Zero, decimal.Zero, fmt.Sprintf("devolução %d recusada: %v", k+1, err), fmt.Sprintf("return %d refused: %v", k+1, err))
			return out
		}
		for _, l := range r.Lines {
			if l.Amount.Sign() < 0 {
				bad(l.Line, l.Amount, decimal.Zero, fmt.Sprintf("devolução %d: reembolso negativo %s", k+1, fixed(l.Amount)),
					fmt.Sprintf("return %d: negative refund %s", k+1, fixed(l.Amount)))
			}
		}
		refunded, restored = refunded.Add(r.Total), restored.Add(r.Restored)
		for _, e := range r.Events {
			switch e.Kind {
			case promo.EventCashbackReversed:
				reversed[e.Reverses] = reversed[e.Reverses].Add(e.Amount)
			case promo.EventPointsReversed:
				reversed[e.Reverses] = reversed[e.Reverses].Add(e.Points)
			}
		}
		for _, x := range step {
			returned[x.Line] = returned[x.Line].Add(x.Quantity)
		}
		earlier = append(earlier, step...)
	}
	for _, l := range sale.Lines {
		if !returned[l.ID].Equal(l.Quantity) {
			return out // not everything came back: no totals to compare
		}
	}
	if !refunded.Equal(sale.Totals.Net) {
		bad("", refunded, sale.Totals.Net,
			fmt.Sprintf("as devoluções de tudo reembolsam %s; o cliente pagou %s", fixed(refunded), fixed(sale.Totals.Net)),
			fmt.Sprintf("returning everything refunds %s; the customer paid %s", fixed(refunded), fixed(sale.Totals.Net)))
	}
	redeemed := decimal.Zero
	for _, e := range sale.Events {
		var earned decimal.Decimal
		switch e.Kind {
		case promo.EventCashbackRedeemed:
			redeemed = redeemed.Add(e.Amount)
			continue
		case promo.EventCashbackEarned:
			earned = e.Amount
		case promo.EventPoints:
			earned = e.Points
		default:
			continue
		}
		if earned.Sign() > 0 && !reversed[e.ID].Equal(earned) {
			bad("", reversed[e.ID], earned,
				fmt.Sprintf("%s de %s: %s ganhos, %s estornados ao devolver tudo", e.Kind, e.Campaign, earned, reversed[e.ID]),
				fmt.Sprintf("%s of %s: %s earned, %s taken back when everything is returned", e.Kind, e.Campaign, earned, reversed[e.ID]))
		}
	}
	if !restored.Equal(redeemed) {
		bad("", restored, redeemed,
			fmt.Sprintf("cashback restituído %s; resgatado %s", fixed(restored), fixed(redeemed)),
			fmt.Sprintf("cashback restored %s; redeemed %s", fixed(restored), fixed(redeemed)))
	}
	return out
}
