package campaign_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// The unit benchmarks check that choosing units and refunding them work on
// runs of alike units in closed form: 100 lines of 1,000,000 units cost
// what 100 lines of 10 units cost (goal: at most 2×) under the most
// expensive unit, the cheapest unit and "leve 3 pague 2"; a refund of one
// unit of a line of 1,000,000 units costs what one of a line of 10 units
// costs (goal: at most 2×, in time and memory).

// unitsBenchBenefits are the benefits measured, each alone in a campaign
// on every line.
var unitsBenchBenefits = []struct {
	name    string
	benefit campaign.Benefit
}{
	{"highest", campaign.Benefit{On: campaign.OnItems, Percent: campaign.Dec("50"), ApplyTo: campaign.ApplyToHighest}},
	{"lowest", campaign.Benefit{On: campaign.OnItems, Percent: campaign.Dec("50"), ApplyTo: campaign.ApplyToLowest}},
	{"leve3pague2", campaign.Benefit{On: campaign.OnItems, FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}},
}

// unitsBenchRuleset is one campaign giving b on category "bench".
func unitsBenchRuleset(b *testing.B, bf campaign.Benefit) *promo.Ruleset {
	rs, err := campaign.Compile(campaign.Ruleset{Version: campaign.Version, Campaigns: []campaign.Campaign{{
		General: campaign.General{ID: "units", Name: "Unidades", Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: campaign.CondCategory, Values: []string{"bench"}}}},
		Benefit: bf,
	}}})
	if err != nil {
		b.Fatal(err)
	}
	return rs
}

// unitsBenchCart is n lines of units units each, at prices 10.00, 10.37, ...
func unitsBenchCart(b *testing.B, n int, units int64) promo.Cart {
	c := promo.Cart{ID: "bench-units", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}}
	for i := range n {
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprintf("%04d", i), ProductCode: fmt.Sprintf("P%04d", i), Category: "bench",
			Quantity: decimal.NewFromInt(units), UnitPrice: decimal.New(int64(1000+37*i), -2)})
	}
	return c
}

// BenchmarkUnits evaluates 100 lines of 10 and of 1,000,000 units.
func BenchmarkUnits(b *testing.B) {
	for _, bb := range unitsBenchBenefits {
		rs := unitsBenchRuleset(b, bb.benefit)
		for _, units := range []int64{10, 1_000_000} {
			b.Run(fmt.Sprintf("%s/units=%d", bb.name, units), func(b *testing.B) {
				cart := unitsBenchCart(b, 100, units)
				res, err := promo.Evaluate(cart, rs)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Applied) != 1 {
					b.Fatalf("want the campaign applied, got %d applied", len(res.Applied))
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := promo.Evaluate(cart, rs); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRefundUnits refunds one unit of a line of 10 and of 1,000,000
// units that "leve 3 pague 2" went through.
func BenchmarkRefundUnits(b *testing.B) {
	rs := unitsBenchRuleset(b, unitsBenchBenefits[2].benefit)
	for _, units := range []int64{10, 1_000_000} {
		b.Run(fmt.Sprintf("units=%d", units), func(b *testing.B) {
			sale, err := promo.Evaluate(unitsBenchCart(b, 1, units), rs)
			if err != nil {
				b.Fatal(err)
			}
			one := []refund.Returned{{Line: "0000", Quantity: decimal.NewFromInt(1)}}
			if _, err := refund.Of(sale, nil, one); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := refund.Of(sale, nil, one); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
