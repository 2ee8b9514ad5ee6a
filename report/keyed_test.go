package report_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// keyedRuleset is one Desconto Pack table with a key in two stores: R$ 5
// off a sale of R$ 50 or more.
const keyedRuleset = `{
  "version": 1,
  "campaigns": [],
  "discount_packs": [
    {"id": "pack-5", "name": "R$ 5 acima de R$ 50", "start": "2026-11-01", "owner": "franchisor",
     "stores": [{"id": "loja-1", "kind": "own"}, {"id": "loja-2", "kind": "own"}], "min_sale_value": "50.00",
     "coupon": "CINCO", "key": "DP-CINCO", "prize": {"sale": {"amount": "5.00"}}}
  ]
}`

// keyedRecords are four sales: k1 and k3 in loja-1, k2 in loja-2 (each
// R$ 5 off), k4 in loja-2 below the minimum (no discount).
func keyedRecords(t *testing.T) []report.Record {
	t.Helper()
	rs := campaign.MustLoad([]byte(keyedRuleset))
	var out []report.Record
	for _, s := range []struct {
		id, store, day string
		price          string
	}{{"k1", "loja-1", "2026-11-16", "30.00"}, {"k2", "loja-2", "2026-11-16", "60.00"}, {"k3", "loja-1", "2026-11-20", "25.00"}, {"k4", "loja-2", "2026-11-20", "10.00"}} {
		c := promo.Cart{ID: s.id, Time: at(s.day, "10:00"), Store: promo.Store{ID: s.store}, PromoCodes: []string{"CINCO"},
			Lines: []promo.Line{{ID: "1", ProductCode: "A", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec(s.price)}}}
		res := promotest.Evaluate(t, c, rs)
		out = append(out, report.Record{Cart: c, Result: res})
	}
	return out
}

func TestDiscountsByKeyByStore(t *testing.T) {
	recs := keyedRecords(t)
	from, to := date("2026-11-01"), date("2026-11-30")
	// k1 (60.00) and k3 (50.00) in loja-1, k2 (120.00) in loja-2: R$ 5
	// each; k4 (20.00) is below the minimum.
	want := []report.KeyRow{
		{From: from, To: to, Store: "loja-1", Key: "DP-CINCO", Campaign: "pack-5", Sales: 2, Lines: 2, Discount: testkit.Dec("10.00")},
		{From: from, To: to, Store: "loja-2", Key: "DP-CINCO", Campaign: "pack-5", Sales: 1, Lines: 1, Discount: testkit.Dec("5.00")},
	}
	if diff := cmp.Diff(want, report.DiscountsByKeyAndStore(slices.Values(recs), report.Month, report.Filter{}), testkit.EquateDecimals()); diff != "" {
		t.Errorf("DiscountsByKeyAndStore (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want[1:], report.DiscountsByKeyAndStore(slices.Values(recs), report.Month, report.Filter{Store: "loja-2"}), testkit.EquateDecimals()); diff != "" {
		t.Errorf("DiscountsByKeyAndStore of loja-2 (-want +got):\n%s", diff)
	}
	// Without the split: every store together, and the filter keeps one.
	all := []report.KeyRow{{From: from, To: to, Key: "DP-CINCO", Campaign: "pack-5", Sales: 3, Lines: 3, Discount: testkit.Dec("15.00")}}
	if diff := cmp.Diff(all, report.DiscountsByKey(slices.Values(recs), report.Month, report.Filter{}), testkit.EquateDecimals()); diff != "" {
		t.Errorf("DiscountsByKey (-want +got):\n%s", diff)
	}
	one := []report.KeyRow{{From: from, To: to, Key: "DP-CINCO", Campaign: "pack-5", Sales: 2, Lines: 2, Discount: testkit.Dec("10.00")}}
	if diff := cmp.Diff(one, report.DiscountsByKey(slices.Values(recs), report.Month, report.Filter{Store: "loja-1"}), testkit.EquateDecimals()); diff != "" {
		t.Errorf("DiscountsByKey of loja-1 (-want +got):\n%s", diff)
	}
}

func TestKeyedSalesCarryTheAuthorization(t *testing.T) {
	recs := keyedRecords(t)
	want := []report.KeyedSale{
		{Date: date("2026-11-16"), Sale: "k1", Store: "loja-1", Key: "DP-CINCO", Campaign: "pack-5",
			Authorization: promo.AuthorizationNumber("k1", "pack-5"), Lines: 1, Discount: testkit.Dec("5.00")},
		{Date: date("2026-11-16"), Sale: "k2", Store: "loja-2", Key: "DP-CINCO", Campaign: "pack-5",
			Authorization: promo.AuthorizationNumber("k2", "pack-5"), Lines: 1, Discount: testkit.Dec("5.00")},
		{Date: date("2026-11-20"), Sale: "k3", Store: "loja-1", Key: "DP-CINCO", Campaign: "pack-5",
			Authorization: promo.AuthorizationNumber("k3", "pack-5"), Lines: 1, Discount: testkit.Dec("5.00")},
	}
	got := slices.Collect(report.KeyedSales(slices.Values(recs), report.Filter{}))
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("KeyedSales (-want +got):\n%s", diff)
	}
	// The number is the one the sale's adjustments carry.
	if a := recs[0].Result.Lines[0].Adjustments[0].Authorization; a != got[0].Authorization || len(a) != 16 {
		t.Errorf("k1's adjustment carries %q, the row %q", a, got[0].Authorization)
	}
	got = slices.Collect(report.KeyedSales(slices.Values(recs), report.Filter{Store: "loja-1", From: date("2026-11-17")}))
	if diff := cmp.Diff(want[2:], got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("KeyedSales of loja-1 from 17/11 (-want +got):\n%s", diff)
	}
	// Stopping early stops the iteration.
	n := 0
	for range report.KeyedSales(slices.Values(recs), report.Filter{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("the loop ran %d times after break", n)
	}
}
