package campaign_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Zetti Desconto Pack behaviour the scenario runner cannot show: the
// identification key copied into every adjustment, the order of attribute
// precedence, the near-expiry barcode mask, compile problems and the
// counters a pack reads. Expected values are worked out by hand in each
// test's comments.

// pkCodes maps every traced campaign to its first reason code.
func pkCodes(res promo.Result) map[string]string {
	out := map[string]string{}
	for _, e := range res.Trace {
		out[e.Campaign] = string(e.Code())
	}
	return out
}

// pkDiscounts maps line ids to their discount.
func pkDiscounts(res promo.Result) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	for _, l := range res.Lines {
		out[l.ID] = l.Discount
	}
	return out
}

// pkPack writes one Desconto Pack table for loja-1 with coupon PACK and a
// sale minimum of 10.00; extra is spliced in (prize, flags).
func pkPack(id, extra string) string {
	return fmt.Sprintf(`{"id": %q, "name": "Tabela %s", "start": "2026-11-01", "end": "2026-11-30", "owner": "franchisor",
	  "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "10.00", "coupon": "PACK", "key": "K-%s", %s}`, id, id, id, extra)
}

func TestPackKeyCopiedIntoEveryAdjustment(t *testing.T) {
	// The Desconto Pack manual's two examples in one ruleset, next to a Reshop campaign
	// without a key. Cart: line 1 P1 (line X) 2 x 300.00 = 600.00, line 2
	// P2 (line Y) 1 x 1000.00; gross 1600.00.
	// Item phase, id order: pack-linha-x (sale >= 50.00, line X 600.00 >=
	// 30.00): 50% of 600.00 = 300.00 on line 1; r-5 (5% on P2): 50.00 on
	// line 2. Sale phase: pack-ticket (sale 300.00 + 950.00 = 1250.00 >=
	// 1000.00): 20.00 by value, 2000 x 300 / 1250 = 480 and 2000 x 950 /
	// 1250 = 1520 cents exactly: 4.80 and 15.20.
	ruleset := `{
	  "version": 1,
	  "campaigns": [{"id": "r-5", "name": "5% em P2", "start": "2026-11-01",
	    "rules": {"conditions": [{"kind": "product_code", "values": ["P2"]}]}, "benefit": {"on": "items", "percent": "5"}}],
	  "discount_packs": [
	    {"id": "pack-linha-x", "name": "Exemplo 01", "start": "2026-11-01", "end": "2026-11-30", "owner": "franchisor",
	     "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "50.00",
	     "requirements": [{"attribute": "line", "code": "X", "min_value": "30.00"}],
	     "coupon": "LINHAX50", "key": "DP-LINHAX", "prize": {"items": {"attribute": "line", "code": "X", "percent": "50"}}},
	    {"id": "pack-ticket", "name": "Exemplo 02", "start": "2026-11-01", "end": "2026-11-30", "owner": "franchisor",
	     "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "1000.00",
	     "coupon": "TICKET20", "key": "DP-TICKET", "prize": {"sale": {"amount": "20.00"}}}
	  ]
	}`
	cart := `{"id": "sale-k", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "promo_codes": ["LINHAX50", "TICKET20"],
	  "lines": [
	    {"id": "1", "product_code": "P1", "line": "X", "quantity": "2", "unit_price": "300.00"},
	    {"id": "2", "product_code": "P2", "line": "Y", "quantity": "1", "unit_price": "1000.00"}
	  ]}`
	res := promotest.EvaluateJSON(t, ruleset, cart)
	type adj struct {
		Line, Campaign, Kind, FundedBy, Key string
		Amount                              decimal.Decimal
	}
	want := []adj{
		{"1", "pack-linha-x", "item_discount", "retailer", "DP-LINHAX", testkit.Dec("300.00")},
		{"1", "pack-ticket", "sale_discount", "retailer", "DP-TICKET", testkit.Dec("4.80")},
		{"2", "r-5", "item_discount", "retailer", "", testkit.Dec("50.00")},
		{"2", "pack-ticket", "sale_discount", "retailer", "DP-TICKET", testkit.Dec("15.20")},
	}
	var got []adj
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			got = append(got, adj{l.ID, a.Campaign, a.Kind.String(), a.FundedBy, a.Key, a.Amount})
		}
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("adjustments (-want +got):\n%s", diff)
	}
	// The key is part of the adjustment's JSON, for the host's reports.
	b, err := json.Marshal(res.Lines[1].Adjustments)
	if err != nil {
		t.Fatal(err)
	}
	// With the key, the sale's authorization number (NrAutDescVenda).
	auth := promo.AuthorizationNumber("sale-k", "pack-ticket")
	wantJSON := `[{"campaign":"r-5","kind":"item_discount","funded_by":"retailer","amount":"50.00"},` +
		`{"campaign":"pack-ticket","kind":"sale_discount","funded_by":"retailer","key":"DP-TICKET","authorization":"` + auth + `","amount":"15.20"}]`
	if diff := cmp.Diff(wantJSON, string(b)); diff != "" {
		t.Errorf("line 2 adjustments JSON (-want +got):\n%s", diff)
	}
	// Every adjustment of a keyed table in the sale carries the same
	// number; each table its own; a campaign without a key none.
	byCampaign := map[string]string{}
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			if prev, ok := byCampaign[a.Campaign]; ok && prev != a.Authorization {
				t.Errorf("%s: authorizations %q and %q in one sale", a.Campaign, prev, a.Authorization)
			}
			byCampaign[a.Campaign] = a.Authorization
		}
	}
	if byCampaign["r-5"] != "" || byCampaign["pack-ticket"] == "" || byCampaign["pack-linha-x"] == byCampaign["pack-ticket"] {
		t.Errorf("authorizations by campaign %v: want none for r-5 and one per table", byCampaign)
	}
}

func TestPackAttributePrecedence(t *testing.T) {
	// One line, P (role R, line L, family F, manufacturer M), 1 x 100.00,
	// and a table on each attribute: product 5%, role 10%, line 15%,
	// family 20%, manufacturer 25%, all live. The table on the attribute of
	// highest precedence takes the line; the others are traced
	// items_taken_by_precedence. Order: product > role > line > family >
	// manufacturer, or product > line > role > ... with line_before_role.
	tables := map[string]string{
		"t-product":      pkPack("t-product", `"prize": {"items": {"attribute": "product", "code": "P", "percent": "5"}}`),
		"t-role":         pkPack("t-role", `"prize": {"items": {"attribute": "role", "code": "R", "percent": "10"}}`),
		"t-line":         pkPack("t-line", `"prize": {"items": {"attribute": "line", "code": "L", "percent": "15"}}`),
		"t-family":       pkPack("t-family", `"prize": {"items": {"attribute": "family", "code": "F", "percent": "20"}}`),
		"t-manufacturer": pkPack("t-manufacturer", `"prize": {"items": {"attribute": "manufacturer", "code": "M", "percent": "25"}}`),
	}
	cart := `{"id": "sale-p", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["PACK"],
	  "lines": [{"id": "1", "product_code": "P", "role": "R", "line": "L", "family": "F", "manufacturer": "M", "quantity": "1", "unit_price": "100.00"}]}`
	cases := []struct {
		name           string
		lineBeforeRole bool
		tables         []string
		winner         string
		discount       string
	}{
		{"all five, default order", false, []string{"t-product", "t-role", "t-line", "t-family", "t-manufacturer"}, "t-product", "5.00"},
		{"all five, line before role", true, []string{"t-product", "t-role", "t-line", "t-family", "t-manufacturer"}, "t-product", "5.00"},
		{"no product table, default order: role", false, []string{"t-role", "t-line", "t-family", "t-manufacturer"}, "t-role", "10.00"},
		{"no product table, line before role: line", true, []string{"t-role", "t-line", "t-family", "t-manufacturer"}, "t-line", "15.00"},
		{"family before manufacturer", false, []string{"t-family", "t-manufacturer"}, "t-family", "20.00"},
		{"line before family, flag on", true, []string{"t-line", "t-family"}, "t-line", "15.00"},
		{"manufacturer alone", false, []string{"t-manufacturer"}, "t-manufacturer", "25.00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var defs []string
			wantCodes := map[string]string{}
			for _, id := range tc.tables {
				defs = append(defs, tables[id])
				wantCodes[id] = "items_taken_by_precedence"
			}
			wantCodes[tc.winner] = "applied"
			ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "company": {"line_before_role": %t}, "discount_packs": [%s]}`,
				tc.lineBeforeRole, strings.Join(defs, ","))
			res := promotest.EvaluateJSON(t, ruleset, cart)
			if diff := cmp.Diff(wantCodes, pkCodes(res)); diff != "" {
				t.Errorf("trace codes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(map[string]decimal.Decimal{"1": testkit.Dec(tc.discount)}, pkDiscounts(res), testkit.EquateDecimals()); diff != "" {
				t.Errorf("discounts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPackNearExpiryMask(t *testing.T) {
	// HAB_PRE_VENCIDOS: a digit of the mask matches itself, X or ? any
	// character, a final * the rest; without a final * the barcode must be
	// as long as the mask. A near-expiry table gives 50% on product P, line
	// 1 x 10.00: 5.00 when the EAN matches, nothing otherwise.
	cases := []struct {
		mask, ean string
		near      bool
	}{
		{"2999*", "2999000123457", true},
		{"2999*", "2999", true},
		{"2999*", "2998000123457", false},
		{"2999*", "299", false},
		{"29?9X", "29191", true},
		{"29?9X", "29A9Z", true},
		{"29?9X", "291910", false},
		{"29?9X", "2919", false},
		{"29?9X", "28191", false},
		{"*", "7891000123459", true},
		{"2999*", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.mask+"/"+tc.ean, func(t *testing.T) {
			ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "company": {"near_expiry": true, "near_expiry_mask": %q},
			  "discount_packs": [%s]}`, tc.mask,
				pkPack("pre", `"near_expiry_only": true, "prize": {"items": {"attribute": "product", "code": "P", "percent": "50"}}`))
			cart := fmt.Sprintf(`{"id": "sale-m", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["PACK"],
			  "lines": [{"id": "1", "product_code": "P", "ean": %q, "quantity": "1", "unit_price": "10.00"}]}`, tc.ean)
			res := promotest.EvaluateJSON(t, ruleset, cart)
			want := "0"
			if tc.near {
				want = "5.00"
			}
			if got := res.Lines[0].Discount; !got.Equal(testkit.Dec(want)) {
				t.Errorf("discount = %s, want %s (trace %v)", got, want, pkCodes(res))
			}
		})
	}
}

func TestPackHighestLowestWithMaxItems(t *testing.T) {
	// Items prize on family F, 3 units at 10%, max_items 2: the item limit
	// caps the 3 units the rule chooses. Units from the most expensive:
	// line a 40.00, line b 30.00, 30.00, line c 20.00, line d 10.00.
	// highest (maior desconto): the 3 dearest are 40.00 (a), 30.00, 30.00
	// (b); the limit of 2 items keeps the 2 that give the most: 40.00 and
	// 30.00: 4.00 on a and 3.00 on b.
	cart := `{"id": "sale-h", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["PACK"],
	  "lines": [
	    {"id": "a", "product_code": "A", "family": "F", "quantity": "1", "unit_price": "40.00"},
	    {"id": "b", "product_code": "B", "family": "F", "quantity": "2", "unit_price": "30.00"},
	    {"id": "c", "product_code": "C", "family": "F", "quantity": "1", "unit_price": "20.00"},
	    {"id": "d", "product_code": "D", "family": "F", "quantity": "1", "unit_price": "10.00"}
	  ]}`
	ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "discount_packs": [%s]}`,
		pkPack("maior", `"max_items": 2, "prize": {"items": {"attribute": "family", "code": "F", "quantity": 3, "percent": "10", "rule": "highest"}}`))
	res := promotest.EvaluateJSON(t, ruleset, cart)
	want := map[string]decimal.Decimal{"a": testkit.Dec("4.00"), "b": testkit.Dec("3.00"), "c": decimal.Zero, "d": decimal.Zero}
	if diff := cmp.Diff(want, pkDiscounts(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("highest: discounts (-want +got):\n%s", diff)
	}
	if len(res.Applied) != 1 || res.Applied[0].Units != 2 {
		t.Errorf("highest: applied %+v, want one application of 2 units", res.Applied)
	}

	ruleset = fmt.Sprintf(`{"version": 1, "campaigns": [], "discount_packs": [%s]}`,
		pkPack("menor", `"max_items": 2, "prize": {"items": {"attribute": "family", "code": "F", "quantity": 3, "percent": "10", "rule": "lowest"}}`))
	res = promotest.EvaluateJSON(t, ruleset, cart)
	// lowest (menor desconto): the 3 cheapest units are 30.00 (b), 20.00
	// (c) and 10.00 (d); the limit of 2 items keeps the 2 that give the
	// least discount, 20.00 and 10.00: 2.00 on c and 1.00 on d.
	want = map[string]decimal.Decimal{"a": decimal.Zero, "b": decimal.Zero, "c": testkit.Dec("2.00"), "d": testkit.Dec("1.00")}
	if diff := cmp.Diff(want, pkDiscounts(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("lowest: discounts (-want +got):\n%s", diff)
	}
}

func TestPackItemsQuantityIsAMinimum(t *testing.T) {
	// The Desconto Pack manual, prize tab: "na coluna Quantidade, informe o número mínimo de
	// unidades que devem ser adquiridas para que o cupom de desconto seja
	// aplicado"; it also says how many units get the discount. A table on
	// 2 units of family F at 50% and a sale with a single F unit (1 x
	// 20.00): the minimum of 2 units is not bought, so the coupon does not
	// apply (min_quantity_not_reached) and nothing is discounted.
	ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "discount_packs": [%s]}`,
		pkPack("duas", `"prize": {"items": {"attribute": "family", "code": "F", "quantity": 2, "percent": "50", "rule": "highest"}}`))
	cart := `{"id": "sale-q", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["PACK"],
	  "lines": [{"id": "1", "product_code": "A", "family": "F", "quantity": "1", "unit_price": "20.00"}]}`
	res := promotest.EvaluateJSON(t, ruleset, cart)
	if diff := cmp.Diff(map[string]string{"duas": "min_quantity_not_reached"}, pkCodes(res)); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
	if !res.Totals.Discount.IsZero() {
		t.Errorf("discount = %s, want 0", res.Totals.Discount)
	}
}

func TestPackFranchisorPrecedenceJudgedOnTheSale(t *testing.T) {
	// The franchisor's coupon wins over a store's with the same
	// description whenever the franchisor's table holds for the sale. Its
	// own discount must not make it look as if it did not hold.
	//
	// Cart 1 x 105.00, coupon BLACK. pk-franqueadora: sale >= 100.00, 10%:
	// 105.00 >= 100.00, 10.50. pk-loja (store, same coupon, sale >= 50.00,
	// 15%) is taken by the franchisor's: coupon_taken_by_franchisor.
	// Total discount 10.50.
	ruleset := `{"version": 1, "campaigns": [], "discount_packs": [
	  {"id": "pk-franqueadora", "name": "Black da rede", "start": "2026-11-01", "end": "2026-11-30", "owner": "franchisor",
	   "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "100.00", "coupon": "BLACK", "key": "K-REDE", "prize": {"sale": {"percent": "10"}}},
	  {"id": "pk-loja", "name": "Black da loja", "start": "2026-11-01", "end": "2026-11-30", "owner": "store",
	   "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "50.00", "coupon": "BLACK", "key": "K-LOJA", "prize": {"sale": {"percent": "15"}}}]}`
	cart := `{"id": "sale-f", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["BLACK"],
	  "lines": [{"id": "1", "product_code": "A", "quantity": "1", "unit_price": "105.00"}]}`
	res := promotest.EvaluateJSON(t, ruleset, cart)
	if diff := cmp.Diff(map[string]string{"pk-franqueadora": "applied", "pk-loja": "coupon_taken_by_franchisor"}, pkCodes(res)); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
	if got := res.Totals.Discount; !got.Equal(testkit.Dec("10.50")) {
		t.Errorf("discount = %s, want 10.50", got)
	}
}

func TestPackAttributePrecedenceJudgedOnTheSale(t *testing.T) {
	// The same for the attribute precedence: a-papel (role Destaque, 15%,
	// sale >= 60.00) runs before b-linha (line Beleza, 10%) by id. Cart:
	// line 1 BAT (Beleza, Destaque) 1 x 40.00, line 2 SHA (Beleza, Basico)
	// 1 x 20.00: 60.00 >= 60.00, a-papel holds and takes line 1: 6.00.
	// b-linha leaves line 1 to it and discounts line 2 only: 2.00. Line 1
	// must not get the line's 10% on top of the role's 15%.
	ruleset := `{"version": 1, "campaigns": [], "discount_packs": [
	  {"id": "a-papel", "name": "15% no papel Destaque", "start": "2026-11-01", "end": "2026-11-30", "owner": "franchisor",
	   "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "60.00", "coupon": "BELEZA", "key": "K-PAPEL",
	   "prize": {"items": {"attribute": "role", "code": "Destaque", "percent": "15"}}},
	  {"id": "b-linha", "name": "10% na linha Beleza", "start": "2026-11-01", "end": "2026-11-30", "owner": "franchisor",
	   "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "10.00", "coupon": "BELEZA", "key": "K-LINHA",
	   "prize": {"items": {"attribute": "line", "code": "Beleza", "percent": "10"}}}]}`
	cart := `{"id": "sale-a", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["BELEZA"],
	  "lines": [
	    {"id": "1", "product_code": "BAT", "line": "Beleza", "role": "Destaque", "quantity": "1", "unit_price": "40.00"},
	    {"id": "2", "product_code": "SHA", "line": "Beleza", "role": "Basico", "quantity": "1", "unit_price": "20.00"}]}`
	res := promotest.EvaluateJSON(t, ruleset, cart)
	want := map[string]decimal.Decimal{"1": testkit.Dec("6.00"), "2": testkit.Dec("2.00")}
	if diff := cmp.Diff(want, pkDiscounts(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("discounts (-want +got):\n%s", diff)
	}
}

func TestPackCounterKeys(t *testing.T) {
	// A table with limit_per_customer reads the counter
	// limit/{id}/customer/{token}/all/sales: Ruleset.CounterKeys must list
	// it, or a host that fetches just those keys never passes the uses
	// already made and the limit is never reached.
	ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "discount_packs": [%s]}`,
		pkPack("pk-cli", `"require_customer": true, "limit_per_customer": 2, "prize": {"sale": {"percent": "10"}}`))
	rs := promotest.Load(t, ruleset)
	c, err := promo.DecodeCart([]byte(`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "customer": {"id": "c-1"}, "promo_codes": ["PACK"], "lines": [{"id": "1", "product_code": "A", "quantity": "1", "unit_price": "50.00"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"limit/pk-cli/customer/c-1/all/sales"}
	if diff := cmp.Diff(want, rs.CounterKeys(&c)); diff != "" {
		t.Errorf("CounterKeys (-want +got):\n%s", diff)
	}
}

func TestPackCompileProblems(t *testing.T) {
	// Every problem at once, in order: the company settings first, then
	// each table's fields in the order the compiler checks them.
	doc := `{"version": 1, "campaigns": [], "company": {"near_expiry": true},
	  "discount_packs": [
	    {"id": "a", "name": "A", "start": "2026-11-01", "status": "open", "owner": "matriz",
	     "stores": [{"id": "L1", "kind": "outlet"}], "coupon": " ", "key": "",
	     "prize": {"sale": {"percent": "10"}, "items": {"attribute": "line", "code": "X", "percent": "10"}}},
	    {"id": "b", "name": "B", "start": "2026-11-01", "owner": "store", "stores": [],
	     "requirements": [{"attribute": "line", "code": "X", "min_quantity": 2}, {"attribute": "brand", "code": "Y", "min_value": "1.00"},
	                      {"attribute": "family", "code": ""}],
	     "coupon": "B", "key": "KB", "max_items": -1, "limit_per_customer": 2,
	     "prize": {"items": {"attribute": "brand", "code": "", "percent": "0", "rule": "middle"}}},
	    {"id": "a", "name": "", "start": "2026-11-01", "owner": "store", "stores": [{"id": "L1", "kind": "own"}],
	     "min_sale_value": "-1", "coupon": "C", "key": "KC", "near_expiry_only": true, "prize": {"sale": {"amount": "5.00"}}}
	  ]}`
	want := []wantError{
		{"company.near_expiry_mask", "required when near_expiry is on"},
		{"discount_packs[0].status", "want pending, current or finished"},
		{"discount_packs[0].owner", "want franchisor or store"},
		{"discount_packs[0].stores[0].kind", "want own or franchise"},
		{"discount_packs[0]", "give min_sale_value or requirements"},
		{"discount_packs[0].coupon", "required"},
		{"discount_packs[0].key", "required"},
		{"discount_packs[0].prize", "exactly one of sale and items"},
		{"discount_packs[1].stores", "at least one store"},
		{"discount_packs[1].requirements[0].min_quantity", "minimum value only"},
		{"discount_packs[1].requirements[0].min_value", "required for a line requirement"},
		{"discount_packs[1].requirements[1].attribute", "want line, manufacturer, family or product"},
		{"discount_packs[1].requirements[2]", "give min_quantity, min_value or both"},
		{"discount_packs[1].requirements[2].code", "required"},
		{"discount_packs[1].max_items", "must not be negative"},
		{"discount_packs[1].limit_per_customer", "needs require_customer"},
		{"discount_packs[1].prize.items.attribute", "want line, manufacturer, family, product or role"},
		{"discount_packs[1].prize.items.code", "required"},
		{"discount_packs[1].prize.items.percent", "greater than 0"},
		{"discount_packs[1].prize.items.rule", "want highest or lowest"},
		{"discount_packs[2].id", "duplicate of discount_packs[0].id"},
		{"discount_packs[2].name", "required"},
		{"discount_packs[2].min_sale_value", "must not be negative"},
		{"discount_packs[2].near_expiry_only", "applies to an items prize"},
	}
	_, err := campaign.Load([]byte(doc))
	checkErrors(t, err, want) // checked like a scenario's errors
}
