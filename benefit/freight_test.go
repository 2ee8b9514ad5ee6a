package benefit_test

import (
	"testing"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

func TestFreightBenefits(t *testing.T) {
	for _, tt := range []struct {
		name    string
		b       benefit.Benefit
		freight string // "" : no freight
		off     string // what comes off the freight
		code    promo.ReasonCode
	}{
		{"free", benefit.FreightPercent(testkit.Dec("100")), "25.00", "25.00", promo.ReasonApplied},
		// 15 % of 19.90 = 2.985 -> 2.98, rounded once (half even).
		{"percent", benefit.FreightPercent(testkit.Dec("15")), "19.90", "2.98", promo.ReasonApplied},
		{"amount", benefit.FreightAmountOff(testkit.Dec("10.00")), "25.00", "10.00", promo.ReasonApplied},
		{"amount above the freight", benefit.FreightAmountOff(testkit.Dec("10.00")), "7.50", "7.50", promo.ReasonApplied},
		{"final price", benefit.FreightPrice(testkit.Dec("9.90")), "25.00", "15.10", promo.ReasonApplied},
		{"final price above the freight", benefit.FreightPrice(testkit.Dec("9.90")), "8.00", "0", promo.ReasonNothingToDiscount},
		{"no freight", benefit.FreightPercent(testkit.Dec("100")), "", "0", benefit.ReasonNoFreight},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, bnPromo{b: tt.b})
			cart := promo.Cart{ID: "s", Time: testkit.SaleTime(), Store: promo.Store{ID: "l"},
				Lines: []promo.Line{promotest.Line("a", "1", "50.00")}}
			if tt.freight != "" {
				cart.Freight = &promo.Freight{Amount: testkit.Dec(tt.freight), Method: "entrega"}
			}
			res := promotest.Evaluate(t, cart, rs)
			if c := res.Trace[0].Code(); c != tt.code {
				t.Errorf("code %s, want %s", c, tt.code)
			}
			if !res.Lines[0].Discount.IsZero() {
				t.Errorf("the line got %s: a freight discount is never a line's", res.Lines[0].Discount)
			}
			got := "0"
			if res.Freight != nil {
				got = res.Freight.Discount.String()
				if !res.Freight.Net.Equal(testkit.Dec(tt.freight).Sub(res.Freight.Discount)) || !res.Totals.Freight.Equal(res.Freight.Net) {
					t.Errorf("freight %+v, totals %+v do not add up", res.Freight, res.Totals)
				}
				if !res.Totals.Payable.Equal(res.Totals.Net.Add(res.Freight.Net)) {
					t.Errorf("payable %s, want net %s + freight %s", res.Totals.Payable, res.Totals.Net, res.Freight.Net)
				}
			}
			if !testkit.Dec(got).Equal(testkit.Dec(tt.off)) {
				t.Errorf("off the freight %s, want %s", got, tt.off)
			}
		})
	}
}
