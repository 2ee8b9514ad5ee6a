package campaign_test

import (
	"errors"
	"fmt"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

func ExampleLoad() {
	rs, err := campaign.Load([]byte(`{
	  "version": 1,
	  "campaigns": [{
	    "id": "meias-3x2",
	    "name": "Meias leve 3 pague 2",
	    "start": "2026-11-01",
	    "end": "2026-11-30",
	    "rules": {"conditions": [{"kind": "category", "values": ["vestuario/meias"]}]},
	    "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}
	  }, {
	    "id": "acima-200",
	    "name": "Acima de R$ 200, 10% off",
	    "start": "2026-11-01",
	    "no_activation_rules": true,
	    "min_value": "200.00",
	    "benefit": {"on": "sale", "percent": 10}
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
	  "lines": [
	    {"id": "1", "category": "vestuario/meias", "quantity": 3, "unit_price": "30.00"},
	    {"id": "2", "category": "vestuario/camisas", "quantity": 1, "unit_price": "99.90"}
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
	// Meias: 3 × 30.00, one free: 60.00 left. The sale is then worth
	// 60.00 + 99.90 = 159.90, below 200.00.
	for _, l := range res.Lines {
		fmt.Printf("line %s: %s - %s = %s\n", l.ID, l.Gross.StringFixed(2), l.Discount.StringFixed(2), l.Net.StringFixed(2))
	}
	for _, e := range res.Trace {
		fmt.Printf("%s: %s\n", e.Campaign, e.Reasons[0].EN)
	}
	// Output:
	// line 1: 90.00 - 30.00 = 60.00
	// line 2: 99.90 - 0.00 = 99.90
	// meias-3x2: applied: discount of R$ 30.00
	// acima-200: minimum value of R$ 200.00 not reached: R$ 40.10 missing
}

func ExampleCompile() {
	_, err := campaign.Compile(campaign.Ruleset{
		Version: 1,
		Campaigns: []campaign.Campaign{
			{General: campaign.General{ID: "a", Name: "A", Start: "2026-02-30"}, NoActivationRules: true,
				Benefit: campaign.Benefit{On: "items"}},
			{General: campaign.General{ID: "a", Name: "B", Start: "2026-11-01"}, NoActivationRules: true,
				Benefit: campaign.Benefit{On: "sale", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}},
		},
	})
	var ve *promo.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// campaigns[0].start: not a valid date and time "2026-02-30": want RFC 3339 (2026-11-01T00:00:00-03:00), YYYY-MM-DDTHH:MM or YYYY-MM-DD, a day that exists
	// campaigns[0].benefit: exactly one of percent, amount, final_price, free_units, gift, progressive and age_percent must be set, got 0
	// campaigns[1].id: duplicate of campaigns[0].id "a"
	// campaigns[1].benefit.free_units: applies to items only (on: items)
}

func ExampleDecode() {
	_, err := campaign.Decode([]byte(`{"version": 1, "campaigns": [{"id": "a", "priority": "high",
	  "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2, "get": 1}}}]}`))
	fmt.Println(err)
	// Output:
	// invalid ruleset:
	//   campaigns[0].benefit.free_units.get: unknown field (known: buy, pay)
	//   campaigns[0].priority: want a whole number, got a string
}
