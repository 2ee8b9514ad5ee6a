package campaign_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// TestTargetUnitsTakePartOnce: the units a targeted occurrence takes, as
// buyers or as targets, are grouped: a "leve 3 pague 2" that runs after it
// finds only the unit left; and a return shares the discount among the
// occurrence's three units (its participants).
func TestTargetUnitsTakePartOnce(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [
	  {"id": "leve-3-50", "name": "Leve 3 camisetas, a mais barata com 50%", "start": "2026-11-01",
	   "rules": {"conditions": [{"kind": "category", "values": ["camisetas"]}]}, "min_quantity": 2,
	   "target": {"conditions": [{"kind": "category", "values": ["camisetas"]}], "quantity": 1},
	   "benefit": {"on": "items", "percent": "50"}},
	  {"id": "leve-3-pague-2", "name": "Leve 3 pague 2", "start": "2026-11-01", "priority": 1,
	   "rules": {"conditions": [{"kind": "category", "values": ["camisetas"]}]},
	   "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`))
	dec := decimal.RequireFromString
	cart := promo.Cart{ID: "s", Time: bgSale, Store: promo.Store{ID: "l"}, Lines: []promo.Line{
		{ID: "5", ProductCode: "CAM-P", Category: "camisetas", Quantity: dec("1"), UnitPrice: dec("40.00")},
		{ID: "6", ProductCode: "CAM-M", Category: "camisetas", Quantity: dec("1"), UnitPrice: dec("30.00")},
		{ID: "7", ProductCode: "CAM-G", Category: "camisetas", Quantity: dec("2"), UnitPrice: dec("20.00")},
	}}
	res := promotest.Evaluate(t, cart, rs)
	if e, _ := res.TraceFor("leve-3-pague-2"); e.Code() != promo.ReasonMinQuantity {
		t.Errorf("leve-3-pague-2: %s, want %s: only one unit is left", e.Code(), promo.ReasonMinQuantity)
	}
	if len(res.Applied) != 1 {
		t.Fatalf("applied %+v, want leve-3-50 only", res.Applied)
	}
	want := []promo.Participation{{Line: "5", Units: dec("1")}, {Line: "6", Units: dec("1")}, {Line: "7", Units: dec("1")}}
	if diff := cmp.Diff(want, res.Applied[0].Participants, testkit.EquateDecimals()); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
}
