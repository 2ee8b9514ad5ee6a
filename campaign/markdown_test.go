package campaign_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Markdowns (rebaixas): when a markdown price applies beside the
// campaigns. Every expected value is worked out by hand in the comments
// next to it.

// An ended campaign with a cashback extra does not keep a markdown
// (also_in_promotions false) from applying.
func TestMarkdownAppliesWhenCampaignWithExtrasEnded(t *testing.T) {
	mk := func(extras string) string {
		return `{"version":1,"campaigns":[
		 {"id":"c","name":"c","start":"2026-01-01","end":"2026-06-30","rules":{"conditions":[{"kind":"product_code","values":["A"]}]},
		  "benefit":{"on":"items","percent":"10"}` + extras + `}],
		 "markdowns":[{"id":"md","name":"md","start":"2026-01-01","by":"code","also_in_promotions":false,"items":[{"key":"A","price":"8.00"}]}]}`
	}
	cart := `{"id":"rg-10","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"10.00"}]}`
	for _, tc := range []struct{ name, extras string }{
		{"no extras", ""},
		{"cashback", `,"extras":{"cashback":{"kind":"fixed","value":"1"}}`},
		{"points", `,"extras":{"points":{"fixed":"5"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := promotest.EvaluateJSON(t, mk(tc.extras), cart)
			// Campaign c ended on 2026-06-30; the sale is on 2026-11-21, so
			// A is in no promotion and the markdown sells it at 8.00:
			// 10.00 − 8.00 = 2.00, and nothing is earned.
			type app struct {
				Campaign string
				Amount   decimal.Decimal
			}
			var got []app
			for _, a := range res.Applied {
				got = append(got, app{a.Campaign, a.Amount})
			}
			if diff := cmp.Diff([]app{{"md", testkit.Dec("2.00")}}, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(testkit.Dec("2.00"), res.Totals.Discount, testkit.EquateDecimals()); diff != "" {
				t.Errorf("discount (-want +got):\n%s", diff)
			}
			tr, ok := res.TraceFor("c")
			if !ok || tr.Applied || len(tr.Reasons) == 0 || tr.Reasons[0].Code != promo.ReasonEnded {
				t.Errorf("trace of c = %+v, want not applied, first reason %q", tr, promo.ReasonEnded)
			}
			for _, e := range res.Events {
				if e.Kind == promo.EventCashbackEarned || e.Kind == promo.EventPoints {
					t.Errorf("unexpected %s event of the ended campaign: %+v", e.Kind, e)
				}
			}
		})
	}
}
