package refund_test

import (
	"fmt"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
	"github.com/shopspring/decimal"
)

func ExampleOf() {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [{
	  "id": "leve-3", "name": "Leve 3 pague 2", "start": "2026-11-01",
	  "rules": {"conditions": [{"kind": "category", "values": ["brinquedos"]}]},
	  "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cart, err := promo.DecodeCart([]byte(`{
	  "id": "sale-1", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "lines": [
	    {"id": "A", "category": "brinquedos", "quantity": 1, "unit_price": "30.00"},
	    {"id": "B", "category": "brinquedos", "quantity": 1, "unit_price": "30.00"},
	    {"id": "C", "category": "brinquedos", "quantity": 1, "unit_price": "20.00"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	sale, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	// C is free on the receipt, but its 20.00 belongs to the group and is
	// shared by gross value: A and B are worth 30.00 - 7.50 = 22.50 each,
	// C 20.00 - 5.00 = 15.00.
	first := []refund.Returned{{Line: "A", Quantity: decimal.NewFromInt(1)}, {Line: "B", Quantity: decimal.NewFromInt(1)}}
	r, err := refund.Of(sale, nil, first)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range r.Lines {
		fmt.Printf("line %s: %s\n", l.Line, l.Amount.StringFixed(2))
	}
	fmt.Println("first return:", r.Total.StringFixed(2))
	r, err = refund.Of(sale, first, []refund.Returned{{Line: "C", Quantity: decimal.NewFromInt(1)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("second return:", r.Total.StringFixed(2))
	// Output:
	// line A: 22.50
	// line B: 22.50
	// first return: 45.00
	// second return: 15.00
}
