// Command embed is the embedding example of the README: it loads the
// quickstart's ruleset, builds a cart in Go, evaluates it and prints each
// line's discount and the events the host must store. Run it from the
// repository's root:
//
//	go run ./examples/embed
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

func main() {
	data, err := os.ReadFile("examples/quickstart/ruleset.json")
	if err != nil {
		log.Fatal(err)
	}
	rs, err := campaign.Load(data) // compile once; immutable, safe to share
	if err != nil {
		log.Fatal(err) // every problem of the ruleset, each with its JSON path
	}
	cart := promo.Cart{
		ID: "pdv-3-000042", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, time.FixedZone("BRT", -3*60*60)),
		Store: promo.Store{ID: "loja-centro"},
		Lines: []promo.Line{{ID: "1", ProductCode: "MEI-ES", Category: "vestuario/meias",
			Quantity: decimal.NewFromInt(3), UnitPrice: decimal.RequireFromString("19.90")}},
	}
	res, err := promo.Evaluate(cart, rs) // pure: no clock, no I/O
	if err != nil {
		log.Fatal(err) // a bad cart; a campaign that does not apply is no error
	}
	for _, l := range res.Lines { // Gross is the NFC-e vProd, Discount the vDesc
		fmt.Printf("line %s: %s - %s = %s\n", l.ID, l.Gross.StringFixed(2), l.Discount.StringFixed(2), l.Net.StringFixed(2))
	}
	for _, e := range res.Events { // the host stores each once, by e.ID
		fmt.Printf("event %s of %s\n", e.Kind, e.Campaign)
	}
}
