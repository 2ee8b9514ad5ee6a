package promogen_test

import (
	"fmt"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

const wineWeek = `{"version": 1, "campaigns": [
	{"id": "semana-vinho", "name": "Semana do vinho", "start": "2026-11-16", "end": "2026-11-22",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["VINHO-TINTO", "VINHO-BRANCO"]},
	                          {"kind": "store", "values": ["loja-centro"]}]},
	 "min_quantity": 2, "benefit": {"on": "items", "percent": "25"}},
	{"id": "clube", "name": "Clube", "start": "2026-11-01", "no_activation_rules": true,
	 "min_value": "150", "benefit": {"on": "sale", "percent": "10"}}]}`

// What a ruleset names: the products, stores, quantities and amounts its
// carts are drawn from, and the instants its campaigns start and end at,
// those in force for both first.
func ExampleMentionsOf() {
	m := promogen.MentionsOf(campaign.MustDecode([]byte(wineWeek)))
	fmt.Println("products:", m.ProductCodes)
	fmt.Println("stores:", m.Stores)
	fmt.Println("quantities:", m.Quantities, "amounts:", m.Amounts)
	for _, t := range m.Instants[:3] {
		fmt.Println("instant:", t.Format(time.RFC3339))
	}
	// Output:
	// products: [VINHO-BRANCO VINHO-TINTO]
	// stores: [{loja-centro own}]
	// quantities: [2] amounts: [150]
	// instant: 2026-11-16T00:00:00-03:00
	// instant: 2026-11-16T00:01:00-03:00
	// instant: 2026-11-22T23:59:59-03:00
}

// Carts shaped by the ruleset, with the store fixed: each draw is a cart
// of the ruleset's wines and of one product it does not name.
func ExampleCartFor() {
	gen := promogen.CartFor(campaign.MustDecode([]byte(wineWeek)), promogen.WithStore(promo.Store{ID: "loja-centro"}),
		promogen.WithLines(1, 3), promogen.WithWeighedLines(0))
	for seed := range 3 {
		c := gen.Example(seed)
		fmt.Printf("cart of %d line(s) at %s in %s:", len(c.Lines), c.Time.Format("2006-01-02 15:04"), c.Store.ID)
		for _, l := range c.Lines {
			fmt.Printf(" %s×%s", l.ProductCode, l.Quantity)
		}
		fmt.Println()
	}
	// Output:
	// cart of 1 line(s) at 2026-11-16 00:01 in loja-centro: VINHO-TINTO×2
	// cart of 1 line(s) at 2026-11-22 23:59 in loja-centro: VINHO-TINTO×2
	// cart of 1 line(s) at 2026-11-01 00:01 in loja-centro: OUTRO×2
}

// Ruleset definitions for the library's own properties: campaigns of the
// kinds asked for, with limits, over the default catalog.
func ExampleRuleset() {
	gen := promogen.Ruleset(promogen.WithCampaigns(2, 2), promogen.WithBenefits(promogen.FreeUnits),
		promogen.WithFeatures(promogen.Limits))
	def := gen.Example(1)
	_, err := campaign.Compile(def)
	fmt.Println(len(def.Campaigns), "campaigns; compiles:", err == nil)
	for _, c := range def.Campaigns {
		fmt.Println(c.ID, c.Type())
	}
	// Output:
	// 2 campaigns; compiles: true
	// c00 free_units
	// c01 free_units
}
