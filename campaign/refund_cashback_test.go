package campaign_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Goods paid with cashback go back to the wallet, not to the customer's
// pocket, when they are returned: as a tender and as a discount.
func TestRefundRestoresCashback(t *testing.T) {
	d := decimal.RequireFromString
	at := testkit.At(2026, 11, 21, 10, 0, 0)
	credit := promo.Credit{ID: "C1", Campaign: "x", Remaining: d("10.00"), EarnedAt: at.AddDate(0, -1, 0), AvailableFrom: at.AddDate(0, -1, 0)}
	cart := promo.Cart{ID: "r-1", Time: at, Store: promo.Store{ID: "loja-1"}, Customer: &promo.Customer{ID: "tok"},
		Lines:  []promo.Line{{ID: "1", ProductCode: "A", Quantity: d("2"), UnitPrice: d("50.00")}},
		Wallet: []promo.Credit{credit}}
	type got struct {
		Total, Restored, Money string
		Events                 []string
	}
	summary := func(r refund.Result) got {
		g := got{Total: r.Total.StringFixed(2), Restored: r.Restored.StringFixed(2), Money: r.Money.StringFixed(2)}
		for _, e := range r.Events {
			g.Events = append(g.Events, e.Kind.String()+" "+e.Credit+" "+e.Amount.StringFixed(2))
		}
		return g
	}
	for _, tt := range []struct {
		mode        string
		first, rest got
	}{
		// Tender: the sale is 100.00, 10.00 paid with cashback (tPag 19),
		// 90.00 in money. One unit back is worth 50.00: 10.00 x 50/100 =
		// 5.00 goes back to C1, 45.00 in money; the second unit the same.
		{"tender", got{"50.00", "5.00", "45.00", []string{"cashback_restored C1 5.00"}},
			got{"50.00", "5.00", "45.00", []string{"cashback_restored C1 5.00"}}},
		// Discount: 10.00 spread on the line (net 90.00). One unit of two
		// is worth 45.00 and carried 5.00 of cashback: 5.00 back to C1;
		// the money is the 45.00 paid.
		{"discount", got{"45.00", "5.00", "45.00", []string{"cashback_restored C1 5.00"}},
			got{"45.00", "5.00", "45.00", []string{"cashback_restored C1 5.00"}}},
	} {
		t.Run(tt.mode, func(t *testing.T) {
			rs := campaign.MustLoad([]byte(`{"version": 1, "settings": {"cashback_redemption": "` + tt.mode + `"}, "campaigns": []}`))
			res := promotest.Evaluate(t, cart, rs)
			one := []refund.Returned{{Line: "1", Quantity: d("1")}}
			r1, err := refund.Of(res, nil, one)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.first, summary(r1)); diff != "" {
				t.Errorf("first unit (-want +got):\n%s", diff)
			}
			r2, err := refund.Of(res, one, one)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.rest, summary(r2)); diff != "" {
				t.Errorf("second unit (-want +got):\n%s", diff)
			}
		})
	}
}
