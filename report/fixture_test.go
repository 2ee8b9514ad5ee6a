package report_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
	"github.com/promokit/promokit/report"
)

// fixtureRuleset is a small ruleset with one campaign of each kind the
// reports tell apart: an item discount, a sale discount, a gift, a
// campaign whose benefit is cashback and points, a Desconto Pack table
// with a key, and an industry promotion funded 60 % by a manufacturer.
const fixtureRuleset = `{
  "version": 1,
  "categories": [
    {"id": "vestuario", "name": "Vestuário"},
    {"id": "mercado", "name": "Mercado"},
    {"id": "fidelidade", "name": "Fidelidade"}
  ],
  "campaigns": [
    {"id": "meias-3x2", "name": "Meias: leve 3 pague 2", "category": "vestuario", "start": "2026-11-01",
     "rules": {"conditions": [{"kind": "category", "values": ["vestuario/meias"]}]},
     "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}},
    {"id": "acima-100", "name": "Acima de R$ 100, 10%", "priority": 10, "start": "2026-11-01", "end": "2026-11-30",
     "no_activation_rules": true, "min_value": "100.00", "benefit": {"on": "sale", "percent": "10"}},
    {"id": "brinde-caneca", "name": "Café: ganhe uma caneca", "category": "mercado", "start": "2026-11-01",
     "rules": {"conditions": [{"kind": "product_code", "values": ["CAFE"]}]},
     "benefit": {"on": "items", "gift": {"quantity": 1, "options": ["CANECA"]}}},
    {"id": "cafe-fidelidade", "name": "Café: cashback e pontos", "category": "fidelidade", "start": "2026-11-01",
     "rules": {"conditions": [{"kind": "product_code", "values": ["CAFE"]}]},
     "extras": {"points": {"fixed": "100"},
                "cashback": {"kind": "fixed", "value": "10.00", "usage_limit_days": 10, "max_redeem_percent": "10"}}}
  ],
  "discount_packs": [
    {"id": "pack-10", "name": "Pack 10% na venda", "start": "2026-11-01", "owner": "franchisor",
     "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "50.00",
     "coupon": "PACK10", "key": "CHAVE-PACK10", "prize": {"sale": {"percent": "10"}}}
  ],
  "industry_promotions": [
    {"id": "ind-sabao", "name": "Sabão: leve 3 pague 2", "start": "2026-11-01", "funded_by": "Unilever",
     "funder_share": "60", "products": ["SABAO"], "free_units": {"buy": 3, "pay": 2}}
  ]
}`

func at(day, clock string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+clock, testkit.SaoPaulo())
	if err != nil {
		panic(err)
	}
	return t
}

func date(s string) br.Date { return br.MustParseDate(s) }

func line(id, code, category, qty, price string) promo.Line {
	return promo.Line{ID: id, ProductCode: code, Category: category, Quantity: testkit.Dec(qty), UnitPrice: testkit.Dec(price)}
}

func customer(token string) *promo.Customer { return &promo.Customer{ID: token} }

// fixture evaluates the recorded sales every hand-computed test reads.
// The figures, worked out by hand from the rules (half_even rounding,
// America/Sao_Paulo):
//
// t1, loja-1, Mon 16/11/2026 10:00, tok-ana: 1 MEIA 3 × 10,00 = 30,00; 2
// CAMISA 1 × 90,00 = 90,00. meias-3x2: one group of 3, the cheapest unit
// free: 10,00 on line 1. acima-100 (sale phase): 20,00 + 90,00 = 110,00 >=
// 100 -> 10 % = 11,00, apportioned 2,00 (line 1) and 9,00 (line 2). Gross
// 120,00, discount 21,00, net 99,00.
//
// t2, loja-1, Mon 16/11 15:30, tok-bia: 1 CAFE 2 × 25,00 = 50,00.
// brinde-caneca applies (0,00) with 1 gift unit to add; cafe-fidelidade
// applies (0,00) and earns, after every discount, a cashback credit of
// 10,00 (valid from the sale's instant to 26/11 23:59:59, 10 days later)
// and 100 points. acima-100: 50 < 100. Gross 50,00, discount 0, net 50,00.
//
// t3, loja-2, Tue 17/11 09:00, anonymous: 1 SABAO 3 × 8,00 = 24,00.
// ind-sabao: the free unit, 8,00, funded 60 %: Unilever 4,80, retailer
// 3,20. Gross 24,00, discount 8,00, net 16,00.
//
// t4, loja-1, Tue 17/11 18:00, tok-ana, coupon PACK10: 1 SHAMPOO 2 × 30,00
// = 60,00 >= 50 -> pack-10 (sale phase, priority 0, key CHAVE-PACK10): 10 %
// = 6,00. acima-100 after it: 54,00 < 100. Gross 60,00, discount 6,00, net
// 54,00.
//
// t5, loja-2, Mon 23/11 11:00, tok-bia, wallet: t2's credit, 10,00 left: 1
// MEIA 6 × 10,00 = 60,00. meias-3x2: two groups, 2 free units = 20,00
// (occurrences 2). acima-100: 40 < 100. Redemption: the credit allows 10 %
// of the sale, 40,00 × 10 % = 4,00, redeemed as a discount on line 1.
// Gross 60,00, discount 24,00, net 36,00.
//
// r6, loja-1, Tue 24/11 10:00, tok-bia: return of 1 of t2's 2 CAFE. The
// unit is worth 25,00 of t2's net 50,00, so half of the credit is taken
// back: cashback_reversed 5,00 (and 50 points). Not a sale.
//
// t7, loja-3, Mon 23/11 16:00, anonymous: 1 ARROZ 1 × 20,00. Nothing
// applies. Gross = net = 20,00.
//
// t8, loja-2, Tue 01/12 10:00, anonymous: 1 MEIA 3 × 10,00, 2 CAMISA 1 ×
// 90,00. meias-3x2: 10,00. acima-100 ended on 30/11. Gross 120,00,
// discount 10,00, net 110,00.
type fixtureSales struct {
	rs      *promo.Ruleset
	records []report.Record
	credit  string // the id of t2's cashback credit
}

func fixture(t testing.TB) fixtureSales {
	t.Helper()
	fx, err := buildFixture()
	if err != nil {
		t.Fatal(err)
	}
	return fx
}

// buildFixture evaluates the fixture's carts, as the host would have at
// each sale, and records them.
func buildFixture() (fixtureSales, error) {
	rs, err := campaign.Load([]byte(fixtureRuleset))
	if err != nil {
		return fixtureSales{}, err
	}
	fx := fixtureSales{rs: rs}
	var failed error
	eval := func(c promo.Cart) promo.Result {
		res, err := promo.Evaluate(c, rs)
		if err != nil && failed == nil {
			failed = fmt.Errorf("%s: %w", c.ID, err)
		}
		fx.records = append(fx.records, report.Record{Cart: c, Result: res})
		return res
	}
	eval(promo.Cart{ID: "t1", Time: at("2026-11-16", "10:00"), Store: promo.Store{ID: "loja-1"}, Customer: customer("tok-ana"),
		Lines: []promo.Line{line("1", "MEIA", "vestuario/meias", "3", "10.00"), line("2", "CAMISA", "vestuario/camisas", "1", "90.00")}})
	t2 := eval(promo.Cart{ID: "t2", Time: at("2026-11-16", "15:30"), Store: promo.Store{ID: "loja-1"}, Customer: customer("tok-bia"),
		Lines: []promo.Line{line("1", "CAFE", "mercado/cafe", "2", "25.00")}})
	var earned promo.Event
	for _, e := range t2.Events {
		if e.Kind == promo.EventCashbackEarned {
			earned = e
		}
	}
	if earned.ID == "" {
		return fx, fmt.Errorf("t2 earned no cashback: %+v", t2.Events)
	}
	fx.credit = earned.ID
	eval(promo.Cart{ID: "t3", Time: at("2026-11-17", "09:00"), Store: promo.Store{ID: "loja-2"},
		Lines: []promo.Line{line("1", "SABAO", "limpeza", "3", "8.00")}})
	eval(promo.Cart{ID: "t4", Time: at("2026-11-17", "18:00"), Store: promo.Store{ID: "loja-1"}, Customer: customer("tok-ana"),
		PromoCodes: []string{"PACK10"}, Lines: []promo.Line{line("1", "SHAMPOO", "higiene", "2", "30.00")}})
	eval(promo.Cart{ID: "t5", Time: at("2026-11-23", "11:00"), Store: promo.Store{ID: "loja-2"}, Customer: customer("tok-bia"),
		Wallet: []promo.Credit{{ID: earned.ID, Campaign: earned.Campaign, Remaining: earned.Amount, EarnedAt: at("2026-11-16", "15:30"),
			Store: earned.Store, AvailableFrom: earned.ValidFrom, ExpiresAt: earned.ValidUntil, Terms: *earned.Terms}},
		Lines: []promo.Line{line("1", "MEIA", "vestuario/meias", "6", "10.00")}})
	refund, err := refund.Of(t2, nil, []refund.Returned{{Line: "1", Quantity: testkit.Dec("1")}})
	if err != nil {
		return fx, err
	}
	fx.records = append(fx.records, report.ReturnRecord(promo.Cart{ID: "r6", Time: at("2026-11-24", "10:00"),
		Store: promo.Store{ID: "loja-1"}, Customer: customer("tok-bia")}, refund))
	eval(promo.Cart{ID: "t7", Time: at("2026-11-23", "16:00"), Store: promo.Store{ID: "loja-3"},
		Lines: []promo.Line{line("1", "ARROZ", "mercado/graos", "1", "20.00")}})
	eval(promo.Cart{ID: "t8", Time: at("2026-12-01", "10:00"), Store: promo.Store{ID: "loja-2"},
		Lines: []promo.Line{line("1", "MEIA", "vestuario/meias", "3", "10.00"), line("2", "CAMISA", "vestuario/camisas", "1", "90.00")}})
	return fx, failed
}

// TestFixtureSales checks the engine's figures for the fixture against the
// hand computation above, so that a report test that fails points at the
// report, not at the sales.
func TestFixtureSales(t *testing.T) {
	fx := fixture(t)
	type sale struct {
		Ticket               string
		Gross, Discount, Net decimal.Decimal
		Applied              map[string]string // campaign -> amount
	}
	want := []sale{
		{"t1", testkit.Dec("120.00"), testkit.Dec("21.00"), testkit.Dec("99.00"), map[string]string{"meias-3x2": "10.00", "acima-100": "11.00"}},
		{"t2", testkit.Dec("50.00"), testkit.Dec("0"), testkit.Dec("50.00"), map[string]string{"brinde-caneca": "0.00", "cafe-fidelidade": "0.00"}},
		{"t3", testkit.Dec("24.00"), testkit.Dec("8.00"), testkit.Dec("16.00"), map[string]string{"ind-sabao": "8.00"}},
		{"t4", testkit.Dec("60.00"), testkit.Dec("6.00"), testkit.Dec("54.00"), map[string]string{"pack-10": "6.00"}},
		{"t5", testkit.Dec("60.00"), testkit.Dec("24.00"), testkit.Dec("36.00"), map[string]string{"meias-3x2": "20.00"}},
		{"r6", testkit.Dec("0"), testkit.Dec("0"), testkit.Dec("0"), map[string]string{}},
		{"t7", testkit.Dec("20.00"), testkit.Dec("0"), testkit.Dec("20.00"), map[string]string{}},
		{"t8", testkit.Dec("120.00"), testkit.Dec("10.00"), testkit.Dec("110.00"), map[string]string{"meias-3x2": "10.00"}},
	}
	var got []sale
	for _, r := range fx.records {
		s := sale{r.Cart.ID, r.Result.Totals.Gross, r.Result.Totals.Discount, r.Result.Totals.Net, map[string]string{}}
		if s.Gross.IsZero() && len(r.Result.Lines) == 0 {
			s.Gross, s.Discount, s.Net = testkit.Dec("0"), testkit.Dec("0"), testkit.Dec("0")
		}
		for _, a := range r.Result.Applied {
			s.Applied[a.Campaign] = a.Amount.StringFixed(2)
		}
		got = append(got, s)
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("fixture sales (-want +got):\n%s", diff)
	}
}
