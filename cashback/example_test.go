package cashback_test

import (
	"fmt"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/promo"
)

// A customer earns 10% of a 150.00 sale (15.00, redeemable from the next
// day for 30 days, at most half of a sale), then spends it on a 20.00 sale:
// half of 20.00 is 10.00, so 10.00 is redeemed and the sale earns 10% of
// the 10.00 it still costs. The host keeps the wallet and applies the
// events; a retried sale would change nothing.
func Example() {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [
	  {"id": "cb-10", "name": "10% de cashback", "start": "2026-11-01", "no_activation_rules": true,
	   "extras": {"cashback": {"kind": "percent", "value": "10", "days_to_start": 1, "usage_limit_days": 30,
	     "max_redeem_percent": "50"}}}]}`))
	loc, _ := time.LoadLocation("America/Sao_Paulo")
	var wallet cashback.Wallet
	sell := func(id string, t time.Time, price string) promo.Result {
		cart, err := promo.DecodeCart(fmt.Appendf(nil, `{"id": %q, "time": %q, "store": {"id": "loja-1"}, "customer": {"id": "tok-1"},
		  "lines": [{"id": "1", "product_code": "A", "quantity": "1", "unit_price": %q}]}`, id, t.Format(time.RFC3339), price))
		if err != nil {
			panic(err)
		}
		cart.Wallet = wallet.Credits()
		res, err := promo.Evaluate(cart, rs)
		if err != nil {
			panic(err)
		}
		if err := wallet.Apply(t, res.Events); err != nil {
			panic(err)
		}
		for _, e := range res.Events {
			switch e.Kind {
			case promo.EventCashbackEarned:
				fmt.Printf("%s: earned %s, from %s until %s\n", id, e.Amount.StringFixed(2),
					e.ValidFrom.Format("2006-01-02 15:04"), e.ValidUntil.Format("2006-01-02 15:04"))
			case promo.EventCashbackRedeemed:
				fmt.Printf("%s: redeemed %s\n", id, e.Amount.StringFixed(2))
			}
		}
		fmt.Printf("%s: pays %s; balance %s\n", id, res.Totals.Payable.StringFixed(2), wallet.Balance().StringFixed(2))
		return res
	}
	sell("venda-1", time.Date(2026, 11, 21, 10, 0, 0, 0, loc), "150.00")
	second := sell("venda-2", time.Date(2026, 11, 25, 10, 0, 0, 0, loc), "20.00")
	_ = wallet.Apply(time.Date(2026, 11, 25, 10, 0, 0, 0, loc), second.Events) // a retry: no change
	earned, redeemed, expired, _ := wallet.Totals()
	fmt.Println("earned", earned.StringFixed(2), "redeemed", redeemed.StringFixed(2), "expired", expired.StringFixed(2),
		"balance", wallet.Balance().StringFixed(2))
	// Output:
	// venda-1: earned 15.00, from 2026-11-22 00:00 until 2026-12-21 23:59
	// venda-1: pays 150.00; balance 15.00
	// venda-2: redeemed 10.00
	// venda-2: earned 1.00, from 2026-11-26 00:00 until 2026-12-25 23:59
	// venda-2: pays 10.00; balance 6.00
	// earned 16.00 redeemed 10.00 expired 0.00 balance 6.00
}
