package promo_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// tenPercentOff is a tiny custom promotion: 10 % off every line, in the
// item phase, for every cart.
type tenPercentOff struct{}

func (tenPercentOff) Info() promo.Info {
	return promo.Info{ID: "dez", Name: "10% em tudo", Phase: promo.PhaseItem}
}

func (tenPercentOff) Keys() promo.Keys { return promo.Keys{CartWide: true} }

func (tenPercentOff) Apply(v *promo.View) promo.Proposal {
	p := promo.Proposal{Eligible: true}
	for i := 0; i < v.Len(); i++ {
		// The kernel rounds each proposed amount once to cents.
		off := v.Value(i).Mul(decimal.NewFromInt(10)).DivRound(decimal.NewFromInt(100), 12)
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: promo.ItemDiscount, Amount: off})
	}
	return p
}

func ExampleEvaluate() {
	rs, err := promo.NewRuleset(promo.Settings{}, tenPercentOff{})
	if err != nil {
		fmt.Println(err)
		return
	}
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		fmt.Println(err)
		return
	}
	cart := promo.Cart{
		ID:    "sale-1",
		Time:  time.Date(2026, 11, 21, 10, 15, 0, 0, saoPaulo),
		Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "CAFE", Quantity: decimal.NewFromInt(2), UnitPrice: decimal.RequireFromString("18.90")},
			{ID: "2", ProductCode: "BANANA", Quantity: decimal.RequireFromString("0.735"), Weighed: true, UnitPrice: decimal.RequireFromString("6.99")},
		},
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Lines {
		fmt.Printf("line %s: gross %s discount %s net %s\n", l.ID,
			l.Gross.StringFixed(2), l.Discount.StringFixed(2), l.Net.StringFixed(2))
	}
	fmt.Printf("total: %s - %s = %s\n", res.Totals.Gross.StringFixed(2),
		res.Totals.Discount.StringFixed(2), res.Totals.Net.StringFixed(2))
	for _, e := range res.Trace {
		fmt.Printf("%s: %s (%s)\n", e.Campaign, e.Code(), e.Reasons[0].PT)
	}
	// Line 1: 2 × 18.90 = 37.80, 10 % = 3.78.
	// Line 2: 0.735 × 6.99 = 5.13765 -> 5.14; 10 % = 0.514 -> 0.51.

	// Output:
	// line 1: gross 37.80 discount 3.78 net 34.02
	// line 2: gross 5.14 discount 0.51 net 4.63
	// total: 42.94 - 4.29 = 38.65
	// dez: applied (aplicada: desconto de R$ 4,29)
}

func ExampleApportion() {
	// R$ 10,00 over three lines worth R$ 33,33, R$ 33,33 and R$ 33,34:
	// 1000 cents × 33.33 / 100 = 333 r 30 (twice), × 33.34 / 100 = 333 r 40;
	// the cent left goes to the largest remainder.
	shares := promo.Apportion(decimal.RequireFromString("10.00"), []decimal.Decimal{
		decimal.RequireFromString("33.33"),
		decimal.RequireFromString("33.33"),
		decimal.RequireFromString("33.34"),
	})
	for _, s := range shares {
		fmt.Println(s.StringFixed(2))
	}
	// Output:
	// 3.33
	// 3.33
	// 3.34
}

func ExampleRoundingMode_Round() {
	for _, m := range []promo.RoundingMode{promo.HalfEven, promo.HalfUp, promo.Truncate} {
		fmt.Printf("%-9s 0.125 -> %s, 0.135 -> %s, 0.129 -> %s\n", m,
			m.Round(decimal.RequireFromString("0.125")).StringFixed(2),
			m.Round(decimal.RequireFromString("0.135")).StringFixed(2),
			m.Round(decimal.RequireFromString("0.129")).StringFixed(2))
	}
	// Output:
	// half_even 0.125 -> 0.12, 0.135 -> 0.14, 0.129 -> 0.13
	// half_up   0.125 -> 0.13, 0.135 -> 0.14, 0.129 -> 0.13
	// truncate  0.125 -> 0.12, 0.135 -> 0.13, 0.129 -> 0.12
}
