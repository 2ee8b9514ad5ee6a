package promocheck_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promocheck"
	"github.com/promokit/promokit/refund"
)

// evaluate loads a ruleset and evaluates the lines under it.
func evaluate(t *testing.T, ruleset string, lines ...promo.Line) (promo.Cart, *promo.Ruleset, promo.Result) {
	t.Helper()
	rs := promotest.Load(t, ruleset)
	cart := promo.Cart{ID: "venda-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: lines}
	res := promotest.Evaluate(t, cart, rs)
	return cart, rs, res
}

func line(id, code, q, price string) promo.Line {
	return promo.Line{ID: id, ProductCode: code, Quantity: testkit.Dec(q), UnitPrice: testkit.Dec(price)}
}

// kinds lists the kinds and lines of violations, "kind@line".
func kinds(vs []promocheck.Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, string(v.Kind)+"@"+v.Line)
		if v.PT == "" || v.EN == "" {
			out = append(out, "missing text")
		}
	}
	return out
}

const tenPercentAndThreeForTwo = `{"version": 1, "campaigns": [
	{"id": "dez", "name": "Dez por cento na venda", "start": "2026-11-01", "no_activation_rules": true,
	 "benefit": {"on": "sale", "percent": "10"}},
	{"id": "3x2", "name": "Leve 3 pague 2", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["A"]}]}, "min_quantity": 3,
	 "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`

// TestPromisesHold: a real evaluation keeps every promise.
func TestPromisesHold(t *testing.T) {
	cart, rs, res := evaluate(t, tenPercentAndThreeForTwo, line("1", "A", "2", "10.00"), line("2", "A", "1", "12.00"), line("3", "B", "0.735", "39.90"))
	if vs := promocheck.Promises(cart, rs, res); len(vs) > 0 {
		t.Errorf("violations of a real evaluation: %v", vs)
	}
}

// TestPromisesFail breaks each promise in a copy of a real result and
// checks that the check that guards it says so, on the right line.
func TestPromisesFail(t *testing.T) {
	cart, rs, res := evaluate(t, tenPercentAndThreeForTwo, line("1", "A", "3", "10.00"), line("2", "B", "1", "5.00"))
	// By hand: 3 × 10,00 = 30,00 with one free (10,00); 10 % of the sale
	// after it, 20,00 + 5,00 = 25,00, is 2,50: 2,00 and 0,50.
	if got := []string{res.Lines[0].Discount.StringFixed(2), res.Lines[1].Discount.StringFixed(2)}; !slices.Equal(got, []string{"12.00", "0.50"}) {
		t.Fatalf("discounts %v, want 12.00 and 0.50", got)
	}
	clone := func() promo.Result {
		r := res
		r.Lines = slices.Clone(res.Lines)
		for i := range r.Lines {
			r.Lines[i].Adjustments = slices.Clone(res.Lines[i].Adjustments)
		}
		r.Applied = slices.Clone(res.Applied)
		r.Trace = slices.Clone(res.Trace)
		return r
	}
	for _, c := range []struct {
		name   string
		check  func(promo.Result) []promocheck.Violation
		break_ func(*promo.Result)
		want   []string
	}{
		{"gross not quantity × price", func(r promo.Result) []promocheck.Violation { return promocheck.Lines(cart, rs, r) },
			func(r *promo.Result) { r.Lines[1].Gross = testkit.Dec("5.01") }, []string{"lines@2"}},
		{"lines swapped", func(r promo.Result) []promocheck.Violation { return promocheck.Lines(cart, rs, r) },
			func(r *promo.Result) { r.Lines[0], r.Lines[1] = r.Lines[1], r.Lines[0] }, []string{"lines@1", "lines@2"}},
		{"discount above gross", promocheck.Bounds, func(r *promo.Result) {
			r.Lines[1].Discount, r.Lines[1].Net = testkit.Dec("5.01"), testkit.Dec("-0.01")
		}, []string{"bounds@2", "bounds@2"}},
		{"net not gross − discount", promocheck.Bounds, func(r *promo.Result) { r.Lines[0].Net = testkit.Dec("18.01") }, []string{"bounds@1"}},
		{"adjustments not the discount", promocheck.Sums, func(r *promo.Result) {
			r.Lines[1].Discount, r.Lines[1].Net = testkit.Dec("0.60"), testkit.Dec("4.40")
		}, []string{"sums@2"}},
		{"a tenth of a cent", promocheck.Sums, func(r *promo.Result) {
			r.Lines[1].Adjustments[0].Amount = testkit.Dec("0.495")
			r.Lines[1].Discount = testkit.Dec("0.495")
		}, []string{"sums@2", "sums@"}},
		{"application not its adjustments", promocheck.Sums, func(r *promo.Result) { r.Applied[0].Amount = testkit.Dec("9.99") }, []string{"sums@"}},
		{"trace disagrees", promocheck.Sums, func(r *promo.Result) { r.Trace[0].Applied = !r.Trace[0].Applied }, []string{"sums@"}},
		{"totals", promocheck.Totals, func(r *promo.Result) { r.Totals.Discount = testkit.Dec("12.49") }, []string{"totals@"}},
		{"payable", promocheck.Totals, func(r *promo.Result) { r.Totals.Payable = testkit.Dec("0") }, []string{"totals@"}},
		{"nfce 483", promocheck.NFCe, func(r *promo.Result) { r.Lines[1].Discount = testkit.Dec("5.50") }, []string{"nfce@2", "nfce@"}},
		{"determinism", func(r promo.Result) []promocheck.Violation { return promocheck.Deterministic(cart, rs, r) },
			func(r *promo.Result) { r.Lines[1].Net = testkit.Dec("4.49") }, []string{"determinism@"}},
		{"refund", func(r promo.Result) []promocheck.Violation {
			return promocheck.Refunds(r, [][]refund.Returned{{{Line: "1", Quantity: testkit.Dec("3")}, {Line: "2", Quantity: testkit.Dec("1")}}})
		}, func(r *promo.Result) { r.Totals.Net = testkit.Dec("22.51") }, []string{"refund@"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if vs := c.check(res); len(vs) > 0 {
				t.Fatalf("the untouched result already breaks it: %v", vs)
			}
			r := clone()
			c.break_(&r)
			if diff := cmp.Diff(c.want, kinds(c.check(r))); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRefundsInSteps returns the 3 × 10,00 "leve 3 pague 2" line unit by
// unit: the group's discount is shared, each unit is worth 20,00 / 3
// less its share of the sale discount, and the three refunds add up to
// what was paid.
func TestRefundsInSteps(t *testing.T) {
	_, _, res := evaluate(t, tenPercentAndThreeForTwo, line("1", "A", "3", "10.00"), line("2", "B", "1", "5.00"))
	plan := [][]refund.Returned{{{Line: "1", Quantity: testkit.Dec("1")}}, {{Line: "1", Quantity: testkit.Dec("1")}, {Line: "2", Quantity: testkit.Dec("1")}}, {{Line: "1", Quantity: testkit.Dec("1")}}}
	if vs := promocheck.Refunds(res, plan); len(vs) > 0 {
		t.Errorf("violations: %v", vs)
	}
	over := [][]refund.Returned{{{Line: "1", Quantity: testkit.Dec("4")}}}
	if diff := cmp.Diff([]string{"refund@"}, kinds(promocheck.Refunds(res, over))); diff != "" {
		t.Errorf("returning 4 of 3 (-want +got):\n%s", diff)
	}
}

func lineResult(id, gross string, adj ...promo.Adjustment) promo.LineResult {
	l := promo.LineResult{ID: id, Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec(gross), Gross: testkit.Dec(gross)}
	for _, a := range adj {
		l.Discount = l.Discount.Add(a.Amount)
	}
	l.Adjustments, l.Net = adj, l.Gross.Sub(l.Discount)
	return l
}

func adj(campaign string, kind promo.AdjustmentKind, amount string) promo.Adjustment {
	return promo.Adjustment{Campaign: campaign, Kind: kind, Amount: testkit.Dec(amount), FundedBy: promo.FunderRetailer}
}

func TestMaxDiscounts(t *testing.T) {
	res := promo.Result{Lines: []promo.LineResult{
		// 30,00 of 100,00 = 30 %: at the maximum.
		lineResult("1", "100.00", adj("a", promo.ItemDiscount, "20.00"), adj("b", promo.SaleDiscount, "10.00")),
		// 30,02 of 100,00: a cent beyond the cent of rounding allowed.
		lineResult("2", "100.00", adj("a", promo.ItemDiscount, "30.02")),
		// 30,01: within the cent.
		lineResult("3", "100.00", adj("b", promo.SaleDiscount, "30.01")),
		// A gift unit and cashback do not count: 0 of 50,00.
		lineResult("4", "60.00", adj("g", promo.GiftUnits, "10.00"), adj("cashback/redemption", promo.CashbackRedemption, "50.00")),
	}}
	if diff := cmp.Diff([]string{"max_line_discount@2"}, kinds(promocheck.MaxLineDiscount(res, testkit.Dec("30")))); diff != "" {
		t.Errorf("max line discount (-want +got):\n%s", diff)
	}
	// The sale: 90,03 of 350,00 = 25,72 %.
	if vs := promocheck.MaxSaleDiscount(res, testkit.Dec("25.73")); len(vs) != 0 {
		t.Errorf("25,72 %% against a maximum of 25,73 %%: %v", vs)
	}
	vs := promocheck.MaxSaleDiscount(res, testkit.Dec("25"))
	if len(vs) != 1 || !vs[0].Amount.Equal(testkit.Dec("25.72")) || !slices.Equal(vs[0].Campaigns, []string{"a", "b"}) {
		t.Errorf("sale at 25,72 %% against 25 %%: %+v", vs)
	}
}

func TestFloorPrices(t *testing.T) {
	// A "leve 3 pague 2" over two lines of the same product: the free unit
	// lands on line 2, yet the group's 10,00 is shared by gross value over
	// the three units (Apportion of 10,00 over 10,00 and 20,00: 3,33 and
	// 6,67): line 1 is worth 10,00 − 3,33 = 6,67, line 2 20,00 − 10,00 +
	// 6,67 = 13,33 for 2 units, 6,665 a unit. Line 3 has no discount.
	cart, _, res := evaluate(t, tenPercentAndThreeForTwo[:strings.Index(tenPercentAndThreeForTwo, `{"id": "dez"`)]+
		tenPercentAndThreeForTwo[strings.Index(tenPercentAndThreeForTwo, `{"id": "3x2"`):],
		line("1", "A", "1", "10.00"), line("2", "A", "2", "10.00"), line("3", "C", "1", "1.00"))
	for _, c := range []struct {
		floor string
		want  []string
	}{
		{"6.66", nil},
		{"6.67", []string{"floor_price@2"}},
		{"6.68", []string{"floor_price@1", "floor_price@2"}},
	} {
		vs := promocheck.FloorPrices(cart, res, map[string]decimal.Decimal{"A": testkit.Dec(c.floor), "C": testkit.Dec("2.00")})
		if diff := cmp.Diff(c.want, kinds(vs)); diff != "" {
			t.Errorf("floor %s (-want +got):\n%s", c.floor, diff)
			continue
		}
		if len(vs) > 0 && (!slices.Equal(vs[0].Campaigns, []string{"3x2"}) || !vs[len(vs)-1].Amount.Equal(testkit.Dec("6.67"))) {
			t.Errorf("floor %s: %+v; want 3x2 involved (it grouped line 1's unit), 6,67 a unit", c.floor, vs)
		}
	}
}

func TestMaxGiftsAndNeverStack(t *testing.T) {
	res := promo.Result{
		Gifts: []promo.Gift{{Campaign: "g1", Quantity: 1}, {Campaign: "g2", Quantity: 1}, {Campaign: "valor", Quantity: 5, UnitPrice: testkit.Dec("1.99")}},
		Lines: []promo.LineResult{
			lineResult("1", "10.00", adj("a", promo.ItemDiscount, "1.00"), adj("b", promo.SaleDiscount, "1.00")),
			lineResult("2", "10.00", adj("c", promo.ItemDiscount, "1.00")),
		},
		Applied: []promo.Application{{Campaign: "a"}, {Campaign: "b"}, {Campaign: "c"}},
	}
	if vs := promocheck.MaxGifts(res, 2); len(vs) != 0 {
		t.Errorf("2 gifts (the bonus-priced items are no gifts) against 2: %v", vs)
	}
	if vs := promocheck.MaxGifts(res, 1); len(vs) != 1 || !slices.Equal(vs[0].Campaigns, []string{"g1", "g2"}) {
		t.Errorf("2 gifts against 1: %+v", vs)
	}
	for _, c := range []struct {
		campaign string
		with     []string
		sameLine bool
		want     []string
	}{
		{"a", nil, false, []string{"never_stack@"}},
		{"a", []string{"c"}, false, []string{"never_stack@"}},
		{"a", []string{"c"}, true, nil},
		{"a", []string{"b"}, true, []string{"never_stack@1"}},
		{"x", nil, false, nil},
	} {
		if diff := cmp.Diff(c.want, kinds(promocheck.NeverStack(res, c.campaign, c.with, c.sameLine))); diff != "" {
			t.Errorf("%s with %v (same line %v) (-want +got):\n%s", c.campaign, c.with, c.sameLine, diff)
		}
	}
}
