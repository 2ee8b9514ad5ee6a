package campaign_test

import (
	"encoding/json"
	"fmt"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/funding"
	"github.com/promokit/promokit/promo"
)

// A Desconto Pack table (the Desconto Pack manual's Exemplo 01): from a sale of 50.00 with
// at least 30.00 of Linha X, the coupon LINHAX50 gives 50% on the Linha X
// items; every adjustment carries the table's key for the sales reports.
func ExampleDiscountPack() {
	rs, err := campaign.Load([]byte(`{
	  "version": 1,
	  "campaigns": [],
	  "discount_packs": [{
	    "id": "pack-linha-x",
	    "name": "Linha X com 50%",
	    "start": "2026-11-01",
	    "end": "2026-11-30",
	    "owner": "franchisor",
	    "stores": [{"id": "loja-1", "kind": "own"}],
	    "min_sale_value": "50.00",
	    "requirements": [{"attribute": "line", "code": "X", "min_value": "30.00"}],
	    "coupon": "LINHAX50",
	    "key": "DP-LINHAX",
	    "prize": {"items": {"attribute": "line", "code": "X", "percent": "50"}}
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cart, err := promo.DecodeCart([]byte(`{
	  "id": "sale-1",
	  "time": "2026-11-21T10:15:00-03:00",
	  "store": {"id": "loja-1"},
	  "promo_codes": ["linhax50"],
	  "lines": [
	    {"id": "1", "product_code": "P1", "line": "X", "quantity": "2", "unit_price": "20.00"},
	    {"id": "2", "product_code": "P2", "line": "Y", "quantity": "1", "unit_price": "25.00"},
	    {"id": "3", "product_code": "P3", "line": "X", "quantity": "1", "unit_price": "5.00"}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The sale is 70.00 and Linha X 45.00: half of 40.00 and of 5.00 off.
	for _, l := range res.Lines {
		fmt.Printf("line %s: %s - %s = %s", l.ID, l.Gross.StringFixed(2), l.Discount.StringFixed(2), l.Net.StringFixed(2))
		for _, a := range l.Adjustments {
			fmt.Printf(" [%s, key %s]", a.Campaign, a.Key)
		}
		fmt.Println()
	}
	fmt.Println("total", res.Totals.Net.StringFixed(2))
	// Output:
	// line 1: 40.00 - 20.00 = 20.00 [pack-linha-x, key DP-LINHAX]
	// line 2: 25.00 - 0.00 = 25.00
	// line 3: 5.00 - 2.50 = 2.50 [pack-linha-x, key DP-LINHAX]
	// total 47.50
}

// The quantity bonification of the combos manual's worked example: from 2 units, up
// to the 4th, each bonified unit sells at 2.00 instead of 3.00, and an
// identified customer may not buy more than 5.
func ExampleCombo_quantity() {
	rs, err := campaign.Load([]byte(`{
	  "version": 1,
	  "campaigns": [],
	  "combos": [{
	    "id": "qtd",
	    "name": "Bonificação por quantidade",
	    "start": "2026-11-01",
	    "kind": "quantity",
	    "product": "Q",
	    "min_quantity": 2,
	    "max_bonus_quantity": 4,
	    "from_minimum": true,
	    "unit_value": "2.00",
	    "block_quantity": 5,
	    "block_check": "none"
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for n := 1; n <= 6; n++ {
		cart, err := promo.DecodeCart([]byte(fmt.Sprintf(`{
		  "id": "sale-%d", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "customer": {"id": "c-1"},
		  "lines": [{"id": "1", "product_code": "Q", "quantity": "%d", "unit_price": "3.00"}]
		}`, n, n)))
		if err != nil {
			fmt.Println(err)
			return
		}
		res, err := promo.Evaluate(cart, rs)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d unit(s): discount %s", n, res.Totals.Discount.StringFixed(2))
		for _, b := range res.Blocks {
			fmt.Printf(", line %s blocked above %s units", b.Line, b.Allowed)
		}
		fmt.Println()
	}
	// Output:
	// 1 unit(s): discount 0.00
	// 2 unit(s): discount 1.00
	// 3 unit(s): discount 2.00
	// 4 unit(s): discount 3.00
	// 5 unit(s): discount 3.00
	// 6 unit(s): discount 3.00, line 1 blocked above 5 units
}

// An industry promotion (Scanntech): "leve 3 pague 2" funded 60% by the
// manufacturer. Every adjustment says how it splits, and funding.Records
// exports what the manufacturer reimburses.
func ExampleIndustryPromotion() {
	rs, err := campaign.Load([]byte(`{
	  "version": 1,
	  "campaigns": [],
	  "industry_promotions": [{
	    "id": "ind-60",
	    "name": "Unilever leve 3 pague 2",
	    "start": "2026-11-01",
	    "funded_by": "Unilever",
	    "funder_share": "60",
	    "products": ["IB", "IC"],
	    "free_units": {"buy": 3, "pay": 2}
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cart, err := promo.DecodeCart([]byte(`{
	  "id": "sale-143", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "lines": [
	    {"id": "1", "product_code": "IB", "quantity": "4", "unit_price": "4.99"},
	    {"id": "2", "product_code": "IC", "quantity": "2", "unit_price": "2.55"}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Two groups of 3 (4.99 x 3; 4.99, 2.55, 2.55), the cheapest of each
	// free: an IB and an IC. 60% of 4.99 is 2.994, rounded to 2.99.
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			fmt.Printf("line %s: %s off, %s %s, %s %s\n", l.ID, a.Amount.StringFixed(2),
				a.Shares[0].Funder, a.Shares[0].Amount.StringFixed(2), a.Shares[1].Funder, a.Shares[1].Amount.StringFixed(2))
		}
	}
	out, err := json.Marshal(funding.Records(cart, res))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// line 1: 4.99 off, Unilever 2.99, retailer 2.00
	// line 2: 2.55 off, Unilever 1.53, retailer 1.02
	// [{"sale":"sale-143","store":"loja-1","instant":"2026-11-21T10:15:00-03:00","campaign":"ind-60","funder":"Unilever","units":2,"amount":"7.54","funder_amount":"4.52","retailer_amount":"3.02"}]
}
