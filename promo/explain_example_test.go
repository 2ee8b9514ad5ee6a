package promo_test

import (
	"fmt"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// A POS asks why two campaigns did not apply: one the cart is short of,
// and one whose product is not in the cart at all. With settings.near_miss
// the result also lists what the customer could still get.
func ExampleExplain() {
	rs := campaign.MustLoad([]byte(`{"version": 1,
	  "settings": {"near_miss": {"max_amount": "20.00"}},
	  "campaigns": [
	    {"id": "acima-100", "name": "R$ 20 off acima de R$ 100", "start": "2026-11-01", "no_activation_rules": true,
	     "min_value": "100.00", "benefit": {"on": "sale", "amount": "20.00"}},
	    {"id": "perfume-10", "name": "10% em perfumes", "start": "2026-11-01",
	     "rules": {"conditions": [{"kind": "product_code", "values": ["PERF"]}]},
	     "benefit": {"on": "items", "percent": "10"}}]}`))
	cart, err := promo.DecodeCart([]byte(`{"id": "sale-1", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "lines": [{"id": "1", "product_code": "CAFE", "quantity": "1", "unit_price": "87.70"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ex, err := promo.Explain(cart, rs, "acima-100", "perfume-10")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range ex.Entries {
		fmt.Printf("%s: %s\n", e.Campaign, e.Code())
		if m := e.Reasons[0].Missing; m != nil {
			fmt.Printf("  missing R$ %s, unlocks R$ %s\n", m.Amount.StringFixed(2), m.Unlocks.StringFixed(2))
		}
	}
	for _, n := range ex.Result.NearMisses {
		fmt.Println(n.PT)
		fmt.Println(n.EN)
	}
	// Output:
	// acima-100: min_value_not_reached
	//   missing R$ 12.30, unlocks R$ 20.00
	// perfume-10: no_matching_item
	// faltam R$ 12,30 para ganhar R$ 20,00
	// R$ 12.30 more to get R$ 20.00
}
