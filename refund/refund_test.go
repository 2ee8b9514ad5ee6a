package refund_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Every expected value in this file is worked out by hand in the comments
// next to it, from the rules refund.Of documents: a line's net (with the
// discount of a grouped promotion shared among its participants by gross
// value) is split over its units in cents, largest remainder, the first
// units taking the extra cents; a weighed line is prorated and rounded
// down, all of it when everything is back; cashback and points are taken
// back in proportion to the refunded share of the sale's net, rounded down,
// the last return taking what is left.

// rfSale evaluates lines under the campaigns of a JSON ruleset (its
// "campaigns" array and optional extra top-level members).
func rfSale(t *testing.T, ruleset string, c promo.Cart) promo.Result {
	t.Helper()
	rs := promotest.Load(t, ruleset)
	if c.ID == "" {
		c.ID = "sale-rf"
	}
	c.Time = testkit.SaleTime()
	c.Store = promo.Store{ID: "loja-centro"}
	res := promotest.Evaluate(t, c, rs)
	return res
}

func rfRet(line, qty string) refund.Returned {
	return refund.Returned{Line: line, Quantity: testkit.Dec(qty)}
}

// rfStep is one return of a sale and the refund expected for it.
type rfStep struct {
	now   []refund.Returned
	lines []refund.Line
	total string
}

// rfRun makes the returns of steps one after the other (each with the
// earlier ones as earlier) and checks each refund and that they add up to
// wantSum.
func rfRun(t *testing.T, sale promo.Result, steps []rfStep, wantSum string) []refund.Result {
	t.Helper()
	var earlier []refund.Returned
	var out []refund.Result
	sum := decimal.Zero
	for k, s := range steps {
		got, err := refund.Of(sale, earlier, s.now)
		if err != nil {
			t.Fatalf("step %d: refund.Of: %v", k, err)
		}
		if diff := cmp.Diff(s.lines, got.Lines, testkit.EquateDecimals()); diff != "" {
			t.Errorf("step %d: refund lines (-want +got):\n%s", k, diff)
		}
		if !got.Total.Equal(testkit.Dec(s.total)) {
			t.Errorf("step %d: total: want %s, got %s", k, s.total, got.Total)
		}
		lineSum := decimal.Zero
		for _, l := range got.Lines {
			lineSum = lineSum.Add(l.Amount)
		}
		if !lineSum.Equal(got.Total) {
			t.Errorf("step %d: lines sum to %s, total says %s", k, lineSum, got.Total)
		}
		sum = sum.Add(got.Total)
		earlier = append(earlier, s.now...)
		out = append(out, got)
	}
	if !sum.Equal(testkit.Dec(wantSum)) {
		t.Errorf("the refunds add up to %s, want %s", sum, wantSum)
	}
	return out
}

const rfNoCampaigns = `{"version": 1, "campaigns": []}`

func TestRefundPlainLine(t *testing.T) {
	// 3 x 10.00 = 30.00, no discount: 10.00 a unit.
	sale := rfSale(t, rfNoCampaigns, promo.Cart{Lines: []promo.Line{promotest.Line("1", "3", "10.00"), promotest.Line("2", "1", "5.00")}})
	rfRun(t, sale, []rfStep{
		{now: []refund.Returned{rfRet("1", "1")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1"), Amount: testkit.Dec("10.00")}}, total: "10.00"},
		{now: []refund.Returned{rfRet("1", "2")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("2"), Amount: testkit.Dec("20.00")}}, total: "20.00"},
	}, "30.00")
}

// rfSaleDiscount: line 1 1 x 50.00, line 2 3 x 10.00 = 30.00; R$ 5.00 off the
// sale, apportioned by value over 80.00 in cents: 500 x 50 / 80 = 312.5,
// 500 x 30 / 80 = 187.5; 499 given, the cent left goes to the tie's lower
// rank, line 1: 3.13 and 1.87. Line 2's net 30.00 - 1.87 = 28.13 = 2813
// cents over 3 units: 937 each, 2 cents left to the first two units: 9.38,
// 9.38, 9.37.
const rfSaleDiscount = `{"version": 1, "campaigns": [
  {"id": "cinco", "name": "R$ 5 na venda", "start": "2026-11-01", "no_activation_rules": true,
   "benefit": {"on": "sale", "amount": "5.00"}}]}`

func rfSaleDiscountCart() promo.Cart {
	return promo.Cart{Lines: []promo.Line{promotest.Line("1", "1", "50.00"), promotest.Line("2", "3", "10.00")}}
}

func TestRefundLineWithSaleDiscount(t *testing.T) {
	sale := rfSale(t, rfSaleDiscount, rfSaleDiscountCart())
	if got := sale.Lines[1].Net; !got.Equal(testkit.Dec("28.13")) {
		t.Fatalf("line 2 net: want 28.13 (hand-computed), got %s", got)
	}
	t.Run("one unit", func(t *testing.T) {
		rfRun(t, sale, []rfStep{
			{now: []refund.Returned{rfRet("2", "1")}, lines: []refund.Line{{Line: "2", Quantity: testkit.Dec("1"), Amount: testkit.Dec("9.38")}}, total: "9.38"},
		}, "9.38")
	})
	t.Run("one then two add up to the net", func(t *testing.T) {
		// 9.38, then 9.38 + 9.37 = 18.75; 9.38 + 18.75 = 28.13.
		rfRun(t, sale, []rfStep{
			{now: []refund.Returned{rfRet("2", "1")}, lines: []refund.Line{{Line: "2", Quantity: testkit.Dec("1"), Amount: testkit.Dec("9.38")}}, total: "9.38"},
			{now: []refund.Returned{rfRet("2", "2")}, lines: []refund.Line{{Line: "2", Quantity: testkit.Dec("2"), Amount: testkit.Dec("18.75")}}, total: "18.75"},
		}, "28.13")
	})
	t.Run("two then one add up to the net", func(t *testing.T) {
		// 9.38 + 9.38 = 18.76, then 9.37; 28.13.
		rfRun(t, sale, []rfStep{
			{now: []refund.Returned{rfRet("2", "2")}, lines: []refund.Line{{Line: "2", Quantity: testkit.Dec("2"), Amount: testkit.Dec("18.76")}}, total: "18.76"},
			{now: []refund.Returned{rfRet("2", "1")}, lines: []refund.Line{{Line: "2", Quantity: testkit.Dec("1"), Amount: testkit.Dec("9.37")}}, total: "9.37"},
		}, "28.13")
	})
	t.Run("everything at once is the sale's net", func(t *testing.T) {
		// 80.00 - 5.00 = 75.00: line 1 46.87, line 2 28.13.
		rfRun(t, sale, []rfStep{
			{now: []refund.Returned{rfRet("2", "3"), rfRet("1", "1")},
				lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1"), Amount: testkit.Dec("46.87")}, {Line: "2", Quantity: testkit.Dec("3"), Amount: testkit.Dec("28.13")}},
				total: "75.00"},
		}, "75.00")
	})
}

func TestRefundWeighedLine(t *testing.T) {
	// 0.735 kg x 39.90 = 29.3265 -> 29.33 (half even); 10% = 2.933 -> 2.93;
	// net 26.40. Return 0.300 kg: 26.40 x 0.300 / 0.735 = 10.7755... ->
	// 10.77 (rounded down); then the remaining 0.435 kg: everything is back,
	// so 26.40 - 10.77 = 15.63.
	rs := `{"version": 1, "campaigns": [
	  {"id": "dez", "name": "10% no queijo", "start": "2026-11-01",
	   "rules": {"conditions": [{"kind": "product_code", "values": ["P1"]}]},
	   "benefit": {"on": "items", "percent": "10"}}]}`
	l := promotest.Line("1", "0.735", "39.90")
	l.Weighed = true
	sale := rfSale(t, rs, promo.Cart{Lines: []promo.Line{l}})
	rfRun(t, sale, []rfStep{
		{now: []refund.Returned{rfRet("1", "0.300")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("0.3"), Amount: testkit.Dec("10.77")}}, total: "10.77"},
		{now: []refund.Returned{rfRet("1", "0.435")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("0.435"), Amount: testkit.Dec("15.63")}}, total: "15.63"},
	}, "26.40")
}

func TestRefundWeighedLineWithWholeQuantity(t *testing.T) {
	// A line sold by weight whose quantity happens to be whole (2.000 kg x
	// 10.00 = 20.00, Weighed set): half a kilo may come back, worth
	// 20.00 x 0.5 / 2 = 5.00; then the other 1.5 kg, 15.00.
	l := promotest.Line("1", "2.000", "10.00")
	l.Weighed = true
	sale := rfSale(t, rfNoCampaigns, promo.Cart{Lines: []promo.Line{l}})
	rfRun(t, sale, []rfStep{
		{now: []refund.Returned{rfRet("1", "0.5")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("0.5"), Amount: testkit.Dec("5.00")}}, total: "5.00"},
		{now: []refund.Returned{rfRet("1", "1.5")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1.5"), Amount: testkit.Dec("15.00")}}, total: "15.00"},
	}, "20.00")
}

const rfLeve3Pague2 = `{"version": 1, "campaigns": [
  {"id": "meias-3x2", "name": "Meias leve 3 pague 2", "start": "2026-11-01",
   "rules": {"conditions": [{"kind": "category", "values": ["meias"]}]},
   "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`

func TestRefundBuy3Pay2OneLine(t *testing.T) {
	// 3 x 30.00 = 90.00, the third unit free: net 60.00, every unit of the
	// group worth 20.00. The two paid units come back: 40.00; the one kept
	// is worth 20.00, which a later return of it refunds.
	l := promotest.Line("1", "3", "30.00")
	l.Category = "meias"
	sale := rfSale(t, rfLeve3Pague2, promo.Cart{Lines: []promo.Line{l}})
	if got := sale.Lines[0].Discount; !got.Equal(testkit.Dec("30.00")) {
		t.Fatalf("discount: want 30.00, got %s", got)
	}
	rfRun(t, sale, []rfStep{
		{now: []refund.Returned{rfRet("1", "2")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("2"), Amount: testkit.Dec("40.00")}}, total: "40.00"},
		{now: []refund.Returned{rfRet("1", "1")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1"), Amount: testkit.Dec("20.00")}}, total: "20.00"},
	}, "60.00")
}

func TestRefundBuy3Pay2ThreeLines(t *testing.T) {
	// A 30.00, B 30.00, C 20.00: one group, the cheapest (C) free: the
	// receipt shows 20.00 off line C. The group's 20.00 belongs to the
	// three units, by gross value over 80.00: A 7.50, B 7.50, C 5.00, so
	// A and B are worth 22.50 each and C 15.00. Returning A and B refunds
	// 45.00 (not 60.00: the customer keeps C, which was only free with
	// them); C keeps 15.00 paid, refunded if it comes back later.
	lines := []promo.Line{promotest.Line("A", "1", "30.00"), promotest.Line("B", "1", "30.00"), promotest.Line("C", "1", "20.00")}
	for i := range lines {
		lines[i].Category = "meias"
	}
	sale := rfSale(t, rfLeve3Pague2, promo.Cart{Lines: lines})
	wantNets := []string{"30.00", "30.00", "0"}
	for i, w := range wantNets {
		if !sale.Lines[i].Net.Equal(testkit.Dec(w)) {
			t.Fatalf("line %s net: want %s, got %s", sale.Lines[i].ID, w, sale.Lines[i].Net)
		}
	}
	wantParts := []promo.Participation{{Line: "A", Units: testkit.Dec("1")}, {Line: "B", Units: testkit.Dec("1")}, {Line: "C", Units: testkit.Dec("1")}}
	if len(sale.Applied) != 1 {
		t.Fatalf("applied: want meias-3x2 alone, got %+v", sale.Applied)
	}
	if diff := cmp.Diff(wantParts, sale.Applied[0].Participants, testkit.EquateDecimals()); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	rfRun(t, sale, []rfStep{
		{now: []refund.Returned{rfRet("B", "1"), rfRet("A", "1")},
			lines: []refund.Line{{Line: "A", Quantity: testkit.Dec("1"), Amount: testkit.Dec("22.50")}, {Line: "B", Quantity: testkit.Dec("1"), Amount: testkit.Dec("22.50")}},
			total: "45.00"},
		{now: []refund.Returned{rfRet("C", "1")}, lines: []refund.Line{{Line: "C", Quantity: testkit.Dec("1"), Amount: testkit.Dec("15.00")}}, total: "15.00"},
	}, "60.00")
}

func TestRefundErrors(t *testing.T) {
	// Line 1: 3 units, line 2: 1 unit. Everything wrong is reported at once,
	// and nothing is refunded.
	sale := rfSale(t, rfNoCampaigns, promo.Cart{Lines: []promo.Line{promotest.Line("1", "3", "10.00"), promotest.Line("2", "1", "5.00")}})
	earlier := []refund.Returned{rfRet("1", "2"), rfRet("x", "1")}
	now := []refund.Returned{
		rfRet("9", "1"),   // no such line
		rfRet("1", "2"),   // 2 earlier + 2 now = 4 of 3 sold
		rfRet("2", "0.5"), // line 2 sells whole units
		rfRet("2", "0"),   // nothing returned
	}
	got, err := refund.Of(sale, earlier, now)
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %v (result %+v)", err, got)
	}
	type problem struct{ path, contains string }
	// Each problem is at the entry where it shows, in the order of the
	// lists (earlier first).
	want := []problem{
		{"earlier[1].line", `"x"`},
		{"now[0].line", `"9"`},
		{"now[1].quantity", `"1": 4 returned of 3`},
		{"now[2].quantity", `"2" sells whole units`},
		{"now[3].quantity", "greater than zero"},
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("want %d problems, got %d: %v", len(want), len(ve.Problems), err)
	}
	for i, w := range want {
		p := ve.Problems[i]
		if p.Path != w.path || !strings.Contains(p.Reason, w.contains) {
			t.Errorf("problem %d: want %s containing %q, got %s", i, w.path, w.contains, p)
		}
	}
	if len(got.Lines) != 0 || len(got.Events) != 0 {
		t.Errorf("a failed return refunds nothing, got %+v", got)
	}
}

// rfEarning is a ruleset with the Juntos Somos Mais program (1 point per
// real in every store) and a campaign earning 10% cashback on the sale.
const rfEarning = `{"version": 1,
  "campaigns": [
    {"id": "cb", "name": "Cashback 10%", "start": "2026-11-01", "no_activation_rules": true,
     "extras": {"cashback": {"kind": "percent", "value": "10"}}}],
  "loyalty": {"juntos_somos_mais": {"brands": ["Tigre", "Amanco"], "tables": [{"store": "*", "points_per_real": "1"}]}}}`

// rfReversal is what a reversal event is compared on.
type rfReversal struct {
	Kind         promo.EventKind
	Campaign     string
	Customer     string
	Amount       decimal.Decimal
	Points       decimal.Decimal
	Program      string
	Professional br.TaxID
	Reverses     string
}

func TestRefundReversesCashbackAndPoints(t *testing.T) {
	// Line 1 Tigre 3 x 10.00 = 30.00, line 2 Amanco 1 x 3.33: net 33.33, no
	// discount. Cashback 10% of 33.33 = 3.333 -> 3.33; points 33.33 x 1 ->
	// 33 for the professional.
	prof := br.MustParseTaxID("390.533.447-05")
	l1, l2 := promotest.Line("1", "3", "10.00"), promotest.Line("2", "1", "3.33")
	l1.Brand, l2.Brand = "Tigre", "Amanco"
	sale := rfSale(t, rfEarning, promo.Cart{ID: "sale-rf-earn", Customer: &promo.Customer{ID: "tok-rf"}, Professional: prof,
		Lines: []promo.Line{l1, l2}})
	var cb, pts promo.Event
	for _, e := range sale.Events {
		switch e.Kind {
		case promo.EventCashbackEarned:
			cb = e
		case promo.EventPoints:
			pts = e
		}
	}
	if !cb.Amount.Equal(testkit.Dec("3.33")) || !pts.Points.Equal(testkit.Dec("33")) {
		t.Fatalf("earned: want cashback 3.33 and 33 points (hand-computed), got %s and %s", cb.Amount, pts.Points)
	}
	cbRev := func(amount string) rfReversal {
		return rfReversal{Kind: promo.EventCashbackReversed, Campaign: "cb", Customer: "tok-rf", Amount: testkit.Dec(amount), Points: decimal.Zero, Reverses: cb.ID}
	}
	ptRev := func(points string) rfReversal {
		return rfReversal{Kind: promo.EventPointsReversed, Campaign: "loyalty/juntos_somos_mais", Customer: "tok-rf", Amount: decimal.Zero,
			Points: testkit.Dec(points), Program: "juntos_somos_mais", Professional: prof, Reverses: pts.ID}
	}
	// Step 1: one unit of line 1, 10.00 of 33.33: cashback 3.33 x 10 / 33.33
	// = 0.999 -> 0.99; points 33 x 10 / 33.33 = 9.90 -> 9.
	// Step 2: another, 20.00 refunded so far: cashback 3.33 x 20 / 33.33 =
	// 1.998 -> 1.99, less 0.99 = 1.00; points 19.80 -> 19, less 9 = 10.
	// Step 3: the rest (10.00 + 3.33): everything is back, the last return
	// takes what is left: cashback 3.33 - 1.99 = 1.34; points 33 - 19 = 14.
	// Sums: 0.99 + 1.00 + 1.34 = 3.33 and 9 + 10 + 14 = 33.
	steps := []rfStep{
		{now: []refund.Returned{rfRet("1", "1")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1"), Amount: testkit.Dec("10.00")}}, total: "10.00"},
		{now: []refund.Returned{rfRet("1", "1")}, lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1"), Amount: testkit.Dec("10.00")}}, total: "10.00"},
		{now: []refund.Returned{rfRet("2", "1"), rfRet("1", "1")},
			lines: []refund.Line{{Line: "1", Quantity: testkit.Dec("1"), Amount: testkit.Dec("10.00")}, {Line: "2", Quantity: testkit.Dec("1"), Amount: testkit.Dec("3.33")}},
			total: "13.33"},
	}
	wantEvents := [][]rfReversal{
		{cbRev("0.99"), ptRev("9")},
		{cbRev("1.00"), ptRev("10")},
		{cbRev("1.34"), ptRev("14")},
	}
	results := rfRun(t, sale, steps, "33.33")
	ids := map[string]bool{}
	for k, r := range results {
		var got []rfReversal
		for _, e := range r.Events {
			got = append(got, rfReversal{e.Kind, e.Campaign, e.Customer, e.Amount, e.Points, e.Program, e.Professional, e.Reverses})
			if ids[e.ID] || e.ID == "" {
				t.Errorf("step %d: event id %q is empty or repeats an earlier one", k, e.ID)
			}
			ids[e.ID] = true
		}
		if diff := cmp.Diff(wantEvents[k], got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("step %d: reversal events (-want +got):\n%s", k, diff)
		}
	}

	t.Run("a retried return gives the same ids", func(t *testing.T) {
		earlier := []refund.Returned{rfRet("1", "1")}
		a, err := refund.Of(sale, earlier, steps[1].now)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(results[1], a, testkit.EquateDecimals()); diff != "" {
			t.Errorf("retry (-first +retry):\n%s", diff)
		}
	})
	t.Run("everything at once takes everything back", func(t *testing.T) {
		r, err := refund.Of(sale, nil, []refund.Returned{rfRet("1", "3"), rfRet("2", "1")})
		if err != nil {
			t.Fatal(err)
		}
		var got []rfReversal
		for _, e := range r.Events {
			got = append(got, rfReversal{e.Kind, e.Campaign, e.Customer, e.Amount, e.Points, e.Program, e.Professional, e.Reverses})
		}
		if diff := cmp.Diff([]rfReversal{cbRev("3.33"), ptRev("33")}, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("reversals (-want +got):\n%s", diff)
		}
		if !r.Total.Equal(testkit.Dec("33.33")) {
			t.Errorf("total: want 33.33, got %s", r.Total)
		}
	})
	t.Run("line 2 alone", func(t *testing.T) {
		// (both lines scored points here: every brand participates)
		// 3.33 of 33.33: cashback 3.33 x 3.33 / 33.33 = 0.3327 -> 0.33;
		// points 33 x 3.33 / 33.33 = 3.297 -> 3.
		r, err := refund.Of(sale, nil, []refund.Returned{rfRet("2", "1")})
		if err != nil {
			t.Fatal(err)
		}
		var got []rfReversal
		for _, e := range r.Events {
			got = append(got, rfReversal{e.Kind, e.Campaign, e.Customer, e.Amount, e.Points, e.Program, e.Professional, e.Reverses})
		}
		if diff := cmp.Diff([]rfReversal{cbRev("0.33"), ptRev("3")}, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("reversals (-want +got):\n%s", diff)
		}
	})
}

func TestRefundPointsFollowTheLinesThatScored(t *testing.T) {
	// Only Tigre scores: line 1 Tigre 1 x 10.00 -> 10 points (1 per real);
	// line 2 Votoran 1 x 90.00 scores nothing. The sale's net is 100.00.
	// Returning the Votoran bag takes back none of the points (it earned
	// none: the professional still has the Tigre item that scored all 10);
	// returning the Tigre item then takes back all 10. Proportion to the
	// whole net would take 90% of 10 = 9 points for the Votoran bag and
	// leave 1 point for the Tigre item, which is what scored them.
	rs := `{"version": 1, "campaigns": [],
	  "loyalty": {"juntos_somos_mais": {"brands": ["Tigre"], "tables": [{"store": "*", "points_per_real": "1"}]}}}`
	prof := br.MustParseTaxID("390.533.447-05")
	l1, l2 := promotest.Line("1", "1", "10.00"), promotest.Line("2", "1", "90.00")
	l1.Brand, l2.Brand = "Tigre", "Votoran"
	sale := rfSale(t, rs, promo.Cart{ID: "sale-rf-brands", Customer: &promo.Customer{ID: "tok-rf"}, Professional: prof,
		Lines: []promo.Line{l1, l2}})
	if len(sale.Events) != 1 || !sale.Events[0].Points.Equal(testkit.Dec("10")) {
		t.Fatalf("want one points event of 10 points, got %+v", sale.Events)
	}
	reversed := func(r refund.Result) decimal.Decimal {
		p := decimal.Zero
		for _, e := range r.Events {
			if e.Kind == promo.EventPointsReversed {
				p = p.Add(e.Points)
			}
		}
		return p
	}
	first, err := refund.Of(sale, nil, []refund.Returned{rfRet("2", "1")})
	if err != nil {
		t.Fatal(err)
	}
	second, err := refund.Of(sale, []refund.Returned{rfRet("2", "1")}, []refund.Returned{rfRet("1", "1")})
	if err != nil {
		t.Fatal(err)
	}
	got := []decimal.Decimal{reversed(first), reversed(second)}
	if diff := cmp.Diff([]decimal.Decimal{testkit.Dec("0"), testkit.Dec("10")}, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("points taken back by the Votoran return, then the Tigre return (-want +got):\n%s", diff)
	}
}

// Cashback restored over successive returns gives no credit back more
// than it gave.
func TestRefundRestoresCashbackPerCredit(t *testing.T) {
	// Two credits of 0.01 (c1 expires first, so it is used first), one line
	// 2 × 10.00, cashback redeemed as a discount: 0.01 from c1 and 0.01 from
	// c2, 0.02 on line 1.
	rs := `{"version":1,"settings":{"cashback_redemption":"discount"},"campaigns":[]}`
	cart := `{"id":"rg-2","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"customer":{"id":"cu"},
	 "wallet":[{"id":"c1","campaign":"x","remaining":"0.01","earned_at":"2026-10-01T00:00:00-03:00","available_from":"2026-10-01T00:00:00-03:00","expires_at":"2026-12-01T00:00:00-03:00"},
	           {"id":"c2","campaign":"x","remaining":"0.01","earned_at":"2026-10-01T00:00:00-03:00","available_from":"2026-10-01T00:00:00-03:00","expires_at":"2026-12-02T00:00:00-03:00"}],
	 "lines":[{"id":"1","product_code":"A","quantity":"2","unit_price":"10.00"}]}`
	res := promotest.EvaluateJSON(t, rs, cart)

	type restored struct {
		Credit string
		Amount decimal.Decimal
	}
	var redeemed []restored
	for _, e := range res.Events {
		if e.Kind == promo.EventCashbackRedeemed {
			redeemed = append(redeemed, restored{e.Credit, e.Amount})
		}
	}
	wantRedeemed := []restored{{"c1", testkit.Dec("0.01")}, {"c2", testkit.Dec("0.01")}}
	if diff := cmp.Diff(wantRedeemed, redeemed, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("redeemed (-want +got):\n%s", diff)
	}

	restoredBy := func(r refund.Result) []restored {
		var out []restored
		for _, e := range r.Events {
			if e.Kind == promo.EventCashbackRestored {
				out = append(out, restored{e.Credit, e.Amount})
			}
		}
		return out
	}
	one := []refund.Returned{{Line: "1", Quantity: testkit.Dec("1")}}

	// First return, one unit: the line's 0.02 of cashback split over its 2
	// units is 0.01 each, so 0.01 comes back. Spread over the credits by
	// what they gave (0.01 : 0.01): 0.005 each → 0.00 each, the cent to the
	// tie's lower position, c1. c1 +0.01.
	r1, err := refund.Of(res, nil, one)
	if err != nil {
		t.Fatalf("Refund 1: %v", err)
	}
	if diff := cmp.Diff([]restored{{"c1", testkit.Dec("0.01")}}, restoredBy(r1), testkit.EquateDecimals()); diff != "" {
		t.Errorf("first return restored (-want +got):\n%s", diff)
	}

	// Second return, the other unit: 0.02 restored in all, 0.01 to each
	// credit; c1 already got its 0.01, so this 0.01 goes to c2 (not a second
	// 0.01 to c1, which gave only 0.01).
	r2, err := refund.Of(res, one, one)
	if err != nil {
		t.Fatalf("Refund 2: %v", err)
	}
	if diff := cmp.Diff([]restored{{"c2", testkit.Dec("0.01")}}, restoredBy(r2), testkit.EquateDecimals()); diff != "" {
		t.Errorf("second return restored (-want +got):\n%s", diff)
	}
	for _, r := range []refund.Result{r1, r2} {
		if !r.Restored.Equal(testkit.Dec("0.01")) {
			t.Errorf("Restored = %s, want 0.01", r.Restored)
		}
	}
}

// rfProblem is an expected problem: its exact path and a part of its
// reason.
type rfProblem struct{ Path, Contains string }

// rfProblems checks that err is a return's *promo.ValidationError with
// the problems want, in order.
func rfProblems(t *testing.T, err error, want []rfProblem) {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) || ve.What != "return" {
		t.Fatalf("want a *promo.ValidationError of a return, got %T %v", err, err)
	}
	got := make([]rfProblem, len(ve.Problems))
	for i, p := range ve.Problems {
		got[i] = rfProblem{p.Path, p.Reason}
		if len(p.Reason) > 200 {
			t.Errorf("%s: a reason of %d bytes, want the limit, not the number", p.Path, len(p.Reason))
		}
	}
	testkit.CheckProblems(t, want, got)
}

func TestRefundHostileQuantities(t *testing.T) {
	// Line 1: 2 units sold whole; line 2: 0.735 kg weighed.
	sale := rfSale(t, rfNoCampaigns, promo.Cart{Lines: []promo.Line{
		promotest.Line("1", "2", "10.00"),
		{ID: "2", ProductCode: "B", Quantity: testkit.Dec("0.735"), Weighed: true, UnitPrice: testkit.Dec("0")},
	}})
	huge := decimal.RequireFromString("1" + strings.Repeat("0", 10000))
	_, err := refund.Of(sale, nil, []refund.Returned{rfRet("1", "1"), {Line: "1", Quantity: huge}})
	rfProblems(t, err, []rfProblem{{"now[1].quantity", "must be at most 1000000"}})

	_, err = refund.Of(sale, []refund.Returned{rfRet("1", "1")}, []refund.Returned{rfRet("2", "0.1"), rfRet("1", "2")})
	rfProblems(t, err, []rfProblem{{"now[1].quantity", `line "1": 3 returned of 2 sold`}})

	_, err = refund.Of(sale, nil, []refund.Returned{rfRet("1", "0.5")})
	rfProblems(t, err, []rfProblem{{"now[0].quantity", `line "1" sells whole units`}})
}

func TestRefundJSON(t *testing.T) {
	// Line 1 3 x 10.00, no discount: one unit back is worth 10.00; nothing
	// was paid with cashback (restored 0.00, money 10.00) and nothing
	// earned, so there is no event. Amounts are written with two decimals.
	sale := rfSale(t, rfNoCampaigns, promo.Cart{Lines: []promo.Line{promotest.Line("1", "3", "10.00")}})
	r, err := refund.Of(sale, nil, []refund.Returned{rfRet("1", "1")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"lines":[{"line":"1","quantity":"1","amount":"10.00"}],"total":"10.00","restored":"0.00","money":"10.00"}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("refund JSON (-want +got):\n%s", diff)
	}
}
