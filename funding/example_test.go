package funding_test

import (
	"encoding/json"
	"fmt"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/funding"
	"github.com/promokit/promokit/promo"
)

// An industry promotion, "leve 3 pague 2" funded half by the manufacturer:
// one unit of 10.00 free (the one unit that gets the benefit), 5.00 for
// each.
func ExampleRecords() {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [],
	  "industry_promotions": [{"id": "ind-50", "name": "Unilever leve 3 pague 2", "start": "2026-11-01",
	    "funded_by": "Unilever", "funder_share": "50", "products": ["IB"], "free_units": {"buy": 3, "pay": 2}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cart, err := promo.DecodeCart([]byte(`{"id": "sale-7", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "lines": [{"id": "1", "product_code": "IB", "quantity": 3, "unit_price": "10.00"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := json.Marshal(funding.Records(cart, res))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// [{"sale":"sale-7","store":"loja-1","instant":"2026-11-21T10:15:00-03:00","campaign":"ind-50","funder":"Unilever","units":1,"amount":"10.00","funder_amount":"5.00","retailer_amount":"5.00"}]
}
