package benefit_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// giveAll is a promotion that hands every line of the cart to a benefit. A
// campaign does the same after checking its rules; a *promo.View exists
// only inside Evaluate, so a benefit is always tried through a promotion.
type giveAll struct {
	b     benefit.Benefit
	scope benefit.Scope
}

func (g giveAll) Info() promo.Info {
	return promo.Info{ID: "promo", Name: "promo", Phase: g.b.Phase()}
}

func (g giveAll) Keys() promo.Keys { return promo.Keys{CartWide: true} }

func (g giveAll) Apply(v *promo.View) promo.Proposal {
	s := g.scope
	for i := 0; i < v.Len(); i++ {
		s.Lines = append(s.Lines, i)
	}
	return g.b.Apply(v, s)
}

// show evaluates a cart of (id, quantity, unit price) lines under one
// benefit and prints each line's discount and the trace.
func show(b benefit.Benefit, scope benefit.Scope, lines ...[3]string) {
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		fmt.Println(err)
		return
	}
	cart := promo.Cart{ID: "sale-1", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, saoPaulo), Store: promo.Store{ID: "loja-1"}}
	for _, l := range lines {
		cart.Lines = append(cart.Lines, promo.Line{ID: l[0],
			Quantity: decimal.RequireFromString(l[1]), UnitPrice: decimal.RequireFromString(l[2])})
	}
	rs, err := promo.NewRuleset(promo.Settings{}, giveAll{b, scope})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Lines {
		kind := "-"
		if len(l.Adjustments) > 0 {
			kind = l.Adjustments[0].Kind.String()
		}
		fmt.Printf("line %s: %s off %s = %s (%s)\n", l.ID, l.Discount.StringFixed(2), l.Gross.StringFixed(2), l.Net.StringFixed(2), kind)
	}
	for _, r := range res.Trace[0].Reasons {
		fmt.Println(r.Code+":", r.EN)
	}
}

func ExampleFreeUnits() {
	// Leve 3 pague 2. Units from the most expensive: 50 30 30 | 30 10 10;
	// the cheapest unit of each group is free.
	show(benefit.FreeUnits(3, 1), benefit.Scope{},
		[3]string{"a", "1", "50.00"}, [3]string{"b", "2", "10.00"}, [3]string{"c", "3", "30.00"})
	// Output:
	// line a: 0.00 off 50.00 = 50.00 (-)
	// line b: 10.00 off 20.00 = 10.00 (free_units)
	// line c: 30.00 off 90.00 = 60.00 (free_units)
	// applied: applied: discount of R$ 40.00
}

func ExampleItemPercent() {
	// 50 % off the most expensive unit of every pair, at most once.
	show(benefit.ItemPercent(decimal.NewFromInt(50)), benefit.Scope{Select: benefit.Highest, GroupSize: 2, MaxRepetitions: 1},
		[3]string{"a", "1", "100.00"}, [3]string{"b", "1", "60.00"}, [3]string{"c", "1", "40.00"}, [3]string{"d", "1", "10.00"})
	// Output:
	// line a: 50.00 off 100.00 = 50.00 (item_discount)
	// line b: 0.00 off 60.00 = 60.00 (-)
	// line c: 0.00 off 40.00 = 40.00 (-)
	// line d: 0.00 off 10.00 = 10.00 (-)
	// applied: applied: discount of R$ 50.00
	// repetition_cap_reached: cap of 1 repetition per sale reached
}

func ExampleSaleAmount() {
	// R$ 10,00 off a sale of R$ 33,33 + R$ 33,33 + R$ 33,34, apportioned by
	// value: 333 r 30, 333 r 30, 333 r 40 cents; the cent left goes to c.
	show(benefit.SaleAmount(decimal.NewFromInt(10)), benefit.Scope{},
		[3]string{"a", "1", "33.33"}, [3]string{"b", "1", "33.33"}, [3]string{"c", "1", "33.34"})
	// Output:
	// line a: 3.33 off 33.33 = 30.00 (sale_discount)
	// line b: 3.33 off 33.33 = 30.00 (sale_discount)
	// line c: 3.34 off 33.34 = 30.00 (sale_discount)
	// applied: applied: discount of R$ 10.00
}
