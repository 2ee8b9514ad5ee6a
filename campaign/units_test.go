package campaign_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// TestUnitsCostDoesNotGrowWithUnits: the kernel works on runs of alike
// units, never one record per unit, so a line of a million units costs the
// same allocations as a line of a thousand, under stacked grouped campaigns and
// a refund of one unit.
func TestUnitsCostDoesNotGrowWithUnits(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [
		{"id": "leve3", "name": "Leve 3 pague 2", "priority": 0, "start": "2026-11-01",
		 "rules": {"conditions": [{"kind": "product_code", "values": ["X"]}]},
		 "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}, "max_repetitions": 3},
		{"id": "leve5", "name": "Leve 5 pague 4", "priority": 1, "start": "2026-11-01",
		 "rules": {"conditions": [{"kind": "product_code", "values": ["X"]}]},
		 "benefit": {"on": "items", "free_units": {"buy": 5, "pay": 4}}},
		{"id": "menor", "name": "Metade no mais barato", "priority": 2, "start": "2026-11-01",
		 "rules": {"conditions": [{"kind": "product_code", "values": ["X"]}]},
		 "benefit": {"on": "items", "percent": "50", "apply_to": "lowest"}}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	cart := func(units int64) promo.Cart {
		return promo.Cart{ID: "big", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
			Lines: []promo.Line{{ID: "1", ProductCode: "X", Quantity: decimal.NewFromInt(units), UnitPrice: decimal.RequireFromString("10.00")}}}
	}
	// A million units: leve3 frees 3 units (9 taken), leve5 groups the
	// 999,991 left: 199,998 groups, 199,998 free units; the cheapest unit
	// that still costs something is a paid one (10.00): 5.00 off.
	res := promotest.Evaluate(t, cart(1_000_000), rs)
	want := decimal.RequireFromString("30.00").Add(decimal.RequireFromString("1999980.00")).Add(decimal.RequireFromString("5.00"))
	if !res.Totals.Discount.Equal(want) {
		t.Errorf("discount = %s, want %s", res.Totals.Discount, want)
	}
	allocs := func(units int64) float64 {
		c := cart(units)
		return testing.AllocsPerRun(5, func() {
			if _, err := promo.Evaluate(c, rs); err != nil {
				t.Fatal(err)
			}
		})
	}
	if small, big := allocs(1_000), allocs(1_000_000); big > small+5 {
		t.Errorf("Evaluate allocates %v times for 1,000,000 units, %v for 1,000: it must not grow with the units", big, small)
	}
	refundAllocs := func(units int64) float64 {
		sale := promotest.Evaluate(t, cart(units), rs)
		one := []refund.Returned{{Line: "1", Quantity: decimal.NewFromInt(1)}}
		return testing.AllocsPerRun(5, func() {
			if _, err := refund.Of(sale, nil, one); err != nil {
				t.Fatal(err)
			}
		})
	}
	if small, big := refundAllocs(1_000), refundAllocs(1_000_000); big > small+5 {
		t.Errorf("Refund of one unit allocates %v times for a line of 1,000,000 units, %v for 1,000", big, small)
	}
}
