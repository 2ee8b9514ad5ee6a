package exchange_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// The manual's worked example: 100, 50 and 50 with 20.00 of exchange become
// 90, 45 and 45 for a campaign that activates on the net price; 10% off
// the sale then gives 9.00, 4.50 and 4.50.
func Example() {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [
	  {"id": "dez", "name": "10% na venda", "start": "2026-11-01", "no_activation_rules": true,
	   "exchange_mode": "net", "benefit": {"on": "sale", "percent": "10"}}]}`))
	loc, _ := time.LoadLocation("America/Sao_Paulo")
	d := decimal.RequireFromString
	cart := promo.Cart{ID: "troca-1", Time: time.Date(2026, 11, 21, 10, 0, 0, 0, loc), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			{ID: "A", Quantity: d("1"), UnitPrice: d("100.00")},
			{ID: "B", Quantity: d("1"), UnitPrice: d("50.00")},
			{ID: "C", Quantity: d("1"), UnitPrice: d("50.00")},
		},
		Exchanges: []promo.ExchangeItem{{ID: "T1", Quantity: d("1"), UnitPrice: d("20.00")}},
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		panic(err)
	}
	for _, l := range res.Lines {
		fmt.Printf("%s share %s discount %s net %s\n", l.ID, l.ExchangeShare.StringFixed(2), l.Discount.StringFixed(2), l.Net.StringFixed(2))
	}
	fmt.Println("exchange", res.Totals.Exchange.StringFixed(2), "payable", res.Totals.Payable.StringFixed(2))
	// Output:
	// A share 10.00 discount 9.00 net 91.00
	// B share 5.00 discount 4.50 net 45.50
	// C share 5.00 discount 4.50 net 45.50
	// exchange 20.00 payable 162.00
}
