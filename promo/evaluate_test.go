package promo_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// evFakePromo is a hand-written promotion: it proposes whatever its apply
// function returns. A nil apply means "not eligible" with no reason.
type evFakePromo struct {
	info  promo.Info
	keys  promo.Keys
	apply func(v *promo.View) promo.Proposal
}

func (f evFakePromo) Info() promo.Info { return f.info }
func (f evFakePromo) Keys() promo.Keys { return f.keys }
func (f evFakePromo) Apply(v *promo.View) promo.Proposal {
	if f.apply == nil {
		return promo.NotEligible()
	}
	return f.apply(v)
}

// fake returns a cart-wide item-phase promotion with the given id.
func evFake(id string, apply func(v *promo.View) promo.Proposal) evFakePromo {
	return evFakePromo{
		info:  promo.Info{ID: id, Name: "Promo " + id, Phase: promo.PhaseItem},
		keys:  promo.Keys{CartWide: true},
		apply: apply,
	}
}

// with returns f with its info changed.
func (f evFakePromo) with(change func(in *promo.Info)) evFakePromo {
	change(&f.info)
	return f
}

// evPercentOff proposes p % of what every line still costs.
func evPercentOff(p int64, kind promo.AdjustmentKind) func(v *promo.View) promo.Proposal {
	return func(v *promo.View) promo.Proposal {
		prop := promo.Proposal{Eligible: true}
		for i := 0; i < v.Len(); i++ {
			prop.Adjustments = append(prop.Adjustments, promo.Proposed{Line: i, Kind: kind,
				Amount: v.Value(i).Mul(decimal.NewFromInt(p)).DivRound(decimal.NewFromInt(100), 12)})
		}
		return prop
	}
}

// evFixedOff proposes the given amounts off the given lines (line index ->
// amount).
func evFixedOff(amounts map[int]string) func(v *promo.View) promo.Proposal {
	return func(v *promo.View) promo.Proposal {
		prop := promo.Proposal{Eligible: true}
		for i := 0; i < v.Len(); i++ {
			if a, ok := amounts[i]; ok {
				prop.Adjustments = append(prop.Adjustments, promo.Proposed{Line: i, Kind: promo.ItemDiscount, Amount: testkit.Dec(a)})
			}
		}
		return prop
	}
}

// evAdj is an adjustment as the tests write it.
type evAdj struct {
	Campaign string
	Kind     promo.AdjustmentKind
	Amount   decimal.Decimal
}

// evLineResult is a line result as the tests write it.
type evLineResult struct {
	ID              string
	Gross, Discount decimal.Decimal
	Net             decimal.Decimal
	Adjustments     []evAdj
}

func evAdjOf(campaign string, kind promo.AdjustmentKind, amount string) evAdj {
	return evAdj{campaign, kind, testkit.Dec(amount)}
}

func evLines(res promo.Result) []evLineResult {
	out := make([]evLineResult, len(res.Lines))
	for i, l := range res.Lines {
		out[i] = evLineResult{ID: l.ID, Gross: l.Gross, Discount: l.Discount, Net: l.Net}
		for _, a := range l.Adjustments {
			out[i].Adjustments = append(out[i].Adjustments, evAdj{a.Campaign, a.Kind, a.Amount})
		}
	}
	return out
}

// evTrace returns every trace entry as "campaign: code code ...".
func evTrace(res promo.Result) []string {
	var out []string
	for _, e := range res.Trace {
		s := e.Campaign + ":"
		for _, r := range e.Reasons {
			s += " " + string(r.Code)
		}
		out = append(out, s)
	}
	return out
}

// evApplied returns the applications as "campaign amount xN".
func evApplied(res promo.Result) []string {
	var out []string
	for _, a := range res.Applied {
		out = append(out, a.Campaign+" "+a.Amount.StringFixed(2)+" x"+decimal.NewFromInt(int64(a.Occurrences)).String())
	}
	return out
}

func TestEvaluateNilRuleset(t *testing.T) {
	_, err := promo.Evaluate(promotest.Cart(promotest.Line("1", "1", "1")), nil)
	if err == nil || !strings.Contains(err.Error(), "nil ruleset") {
		t.Fatalf("Evaluate(cart, nil) error = %v, want one about the nil ruleset", err)
	}
}

func TestEvaluateInvalidCart(t *testing.T) {
	called := false
	rs := promotest.NewRuleset(t, promo.Settings{}, evFake("a", func(v *promo.View) promo.Proposal {
		called = true
		return promo.NotEligible()
	}))
	c := promotest.Cart(promotest.Line("1", "0", "1"), promotest.Line("1", "1", "-2"))
	c.ID = ""
	res, err := promo.Evaluate(c, rs)
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{
		{"id", "required"},
		{"lines[0].quantity", "greater than zero"},
		{"lines[1].id", "duplicate"},
		{"lines[1].unit_price", "must not be negative"},
	})
	if called || res.Lines != nil || res.Trace != nil {
		t.Errorf("an invalid cart was partly evaluated: called %v, result %+v", called, res)
	}
}

func TestEvaluatePipelineOrder(t *testing.T) {
	var order []string
	rec := func(id string) func(v *promo.View) promo.Proposal {
		return func(v *promo.View) promo.Proposal {
			order = append(order, id)
			return promo.NotEligible()
		}
	}
	mk := func(id string, ph promo.Phase, prio int) promo.Promotion {
		return evFake(id, rec(id)).with(func(in *promo.Info) { in.Phase, in.Priority = ph, prio })
	}
	// Given in no particular order: the markdown first and the earning last
	// whatever their priority; between them item and sale promotions by
	// priority, then phase (z, an item, before b, a sale, both priority 0),
	// then id.
	rs := promotest.NewRuleset(t, promo.Settings{},
		mk("b", promo.PhaseSale, 0),
		mk("a", promo.PhaseSale, 1),
		mk("d", promo.PhaseItem, 5),
		mk("c", promo.PhaseItem, 5),
		mk("e", promo.PhaseMarkdown, 9),
		mk("z", promo.PhaseItem, 0),
		mk("y", promo.PhaseEarning, -1),
	)
	want := []string{"e", "z", "b", "a", "c", "d", "y"}

	var got []string
	for _, p := range rs.Promotions() {
		got = append(got, p.Info().ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Ruleset.Promotions order (-want +got):\n%s", diff)
	}

	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), rs)
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("Apply order (-want +got):\n%s", diff)
	}
	// A promotion that gives no reason for not applying gets rule_failed.
	var wantTrace []promo.TraceEntry
	phases := map[string]promo.Phase{"e": promo.PhaseMarkdown, "z": promo.PhaseItem, "c": promo.PhaseItem,
		"d": promo.PhaseItem, "b": promo.PhaseSale, "a": promo.PhaseSale, "y": promo.PhaseEarning}
	for _, id := range want {
		wantTrace = append(wantTrace, promo.TraceEntry{Campaign: id, Name: "Promo " + id, Phase: phases[id],
			Reasons: []promo.Reason{{Code: promo.ReasonRuleFailed, PT: "condições não atendidas", EN: "conditions not met"}}})
	}
	if diff := cmp.Diff(wantTrace, res.Trace); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	if len(res.Applied) != 0 || len(res.Events) != 0 {
		t.Errorf("nothing applied, yet Applied %v and Events %v", res.Applied, res.Events)
	}
}

func TestEvaluateCompounding(t *testing.T) {
	var seen []string
	sale := evFake("s", func(v *promo.View) promo.Proposal {
		seen = append(seen, v.Value(0).StringFixed(2), v.Value(1).StringFixed(2), v.Total([]int{0, 1}).StringFixed(2))
		return promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{{Line: 0, Kind: promo.SaleDiscount, Amount: testkit.Dec("5.00")}}}
	}).with(func(in *promo.Info) { in.Phase, in.Priority = promo.PhaseSale, 3 }) // after the items by priority
	first := evFake("a", evPercentOff(10, promo.ItemDiscount)).with(func(in *promo.Info) { in.Priority = 1 })
	second := evFake("b", evPercentOff(10, promo.ItemDiscount)).with(func(in *promo.Info) { in.Priority = 2 })
	rs := promotest.NewRuleset(t, promo.Settings{}, sale, second, first)

	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "100.00"), promotest.Line("2", "2", "25.00")), rs)

	// a: 10 % of 100.00 = 10.00 and of 50.00 = 5.00;
	// b: 10 % of what is left, 90.00 -> 9.00 and 45.00 -> 4.50;
	// s sees 81.00 and 40.50 (121.50) and takes 5.00 off line 1.
	want := []evLineResult{
		{ID: "1", Gross: testkit.Dec("100.00"), Discount: testkit.Dec("24.00"), Net: testkit.Dec("76.00"), Adjustments: []evAdj{
			evAdjOf("a", promo.ItemDiscount, "10.00"), evAdjOf("b", promo.ItemDiscount, "9.00"), evAdjOf("s", promo.SaleDiscount, "5.00")}},
		{ID: "2", Gross: testkit.Dec("50.00"), Discount: testkit.Dec("9.50"), Net: testkit.Dec("40.50"), Adjustments: []evAdj{
			evAdjOf("a", promo.ItemDiscount, "5.00"), evAdjOf("b", promo.ItemDiscount, "4.50")}},
	}
	if diff := cmp.Diff(want, evLines(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"81.00", "40.50", "121.50"}, seen); diff != "" {
		t.Errorf("values seen by the sale promotion (-want +got):\n%s", diff)
	}
	wantTotals := promo.Totals{Gross: testkit.Dec("150.00"), Discount: testkit.Dec("33.50"), Net: testkit.Dec("116.50"),
		Exchange: testkit.Dec("0"), Tenders: testkit.Dec("0"), Payable: testkit.Dec("116.50")}
	if diff := cmp.Diff(wantTotals, res.Totals, testkit.EquateDecimals()); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a 15.00 x1", "b 13.50 x1", "s 5.00 x1"}, evApplied(res)); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
	wantA := promo.Application{Campaign: "a", Name: "Promo a", Phase: promo.PhaseItem, Amount: testkit.Dec("15.00"), Occurrences: 1}
	if diff := cmp.Diff(wantA, res.Applied[0], testkit.EquateDecimals()); diff != "" {
		t.Errorf("Applied[0] (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a: applied", "b: applied", "s: applied"}, evTrace(res)); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	e, ok := res.TraceFor("b")
	wantE := promo.Reason{Code: promo.ReasonApplied, PT: "aplicada: desconto de R$ 13,50", EN: "applied: discount of R$ 13.50"}
	if !ok || !e.Applied || len(e.Reasons) != 1 || e.Reasons[0] != wantE {
		t.Errorf("TraceFor(b) = %+v, %v; want applied with %+v", e, ok, wantE)
	}
	if _, ok := res.TraceFor("nope"); ok {
		t.Errorf("TraceFor(nope) found an entry")
	}
}

func TestEvaluateRounding(t *testing.T) {
	// Lines 1 and 2 each get 1.005 off; the amount is rounded once per line
	// (so half_even gives 1.00 + 1.00, not 2.01 rounded).
	// Line 3: 1.5 × 0.39 = 0.585; line 4: 0.5 × 0.25 = 0.125.
	tests := []struct {
		mode                promo.RoundingMode
		off, gross3, gross4 string
	}{
		{promo.HalfEven, "1.00", "0.58", "0.12"},
		{promo.HalfUp, "1.01", "0.59", "0.13"},
		{promo.Truncate, "1.00", "0.58", "0.12"},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			var seenMode promo.RoundingMode = 9
			p := evFake("r", func(v *promo.View) promo.Proposal {
				seenMode = v.Rounding()
				return evFixedOff(map[int]string{0: "1.005", 1: "1.005"})(v)
			})
			rs := promotest.NewRuleset(t, promo.Settings{Rounding: tt.mode}, p)
			if rs.Settings().Rounding != tt.mode {
				t.Errorf("Settings().Rounding = %v, want %v", rs.Settings().Rounding, tt.mode)
			}
			res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00"), promotest.Line("2", "1", "10.00"),
				promotest.Line("3", "1.5", "0.39"), promotest.Line("4", "0.5", "0.25")), rs)
			if seenMode != tt.mode {
				t.Errorf("View.Rounding() = %v, want %v", seenMode, tt.mode)
			}
			net := testkit.Dec("10.00").Sub(testkit.Dec(tt.off)).String()
			want := []evLineResult{
				{ID: "1", Gross: testkit.Dec("10.00"), Discount: testkit.Dec(tt.off), Net: testkit.Dec(net), Adjustments: []evAdj{evAdjOf("r", promo.ItemDiscount, tt.off)}},
				{ID: "2", Gross: testkit.Dec("10.00"), Discount: testkit.Dec(tt.off), Net: testkit.Dec(net), Adjustments: []evAdj{evAdjOf("r", promo.ItemDiscount, tt.off)}},
				{ID: "3", Gross: testkit.Dec(tt.gross3), Discount: decimal.Zero, Net: testkit.Dec(tt.gross3)},
				{ID: "4", Gross: testkit.Dec(tt.gross4), Discount: decimal.Zero, Net: testkit.Dec(tt.gross4)},
			}
			if diff := cmp.Diff(want, evLines(res), testkit.EquateDecimals()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
			gross := testkit.Dec("20.00").Add(testkit.Dec(tt.gross3)).Add(testkit.Dec(tt.gross4))
			disc := testkit.Dec(tt.off).Mul(decimal.NewFromInt(2))
			wantTotals := promo.Totals{Gross: gross, Discount: disc, Net: gross.Sub(disc), Payable: gross.Sub(disc)}
			if diff := cmp.Diff(wantTotals, res.Totals, testkit.EquateDecimals()); diff != "" {
				t.Errorf("totals (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEvaluateCapping(t *testing.T) {
	note := promo.Reason{Code: "fake_note", PT: "nota", EN: "note"}
	big := evFake("big", func(v *promo.View) promo.Proposal {
		p := evFixedOff(map[int]string{0: "15.00", 1: "15.00"})(v)
		p.Reasons = []promo.Reason{note}
		return p
	}).with(func(in *promo.Info) { in.Priority = 1; in.Funder = "industria-x" })
	after := evFake("after", evFixedOff(map[int]string{0: "1.00"})).with(func(in *promo.Info) { in.Priority = 2 })
	rs := promotest.NewRuleset(t, promo.Settings{}, big, after)

	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00"), promotest.Line("2", "1", "20.00")), rs)

	// big: 15.00 off a 10.00 line is capped at 10.00; 15.00 off 20.00 stays.
	// after: 1.00 off line 1, which is now worth 0: nothing to give.
	want := []evLineResult{
		{ID: "1", Gross: testkit.Dec("10.00"), Discount: testkit.Dec("10.00"), Net: decimal.Zero, Adjustments: []evAdj{evAdjOf("big", promo.ItemDiscount, "10.00")}},
		{ID: "2", Gross: testkit.Dec("20.00"), Discount: testkit.Dec("15.00"), Net: testkit.Dec("5.00"), Adjustments: []evAdj{evAdjOf("big", promo.ItemDiscount, "15.00")}},
	}
	if diff := cmp.Diff(want, evLines(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	// Notes from the promotion come after "applied", then the kernel's cap.
	if diff := cmp.Diff([]string{"big: applied fake_note discount_capped", "after: nothing_to_discount"}, evTrace(res)); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	e, _ := res.TraceFor("big")
	if len(e.Reasons) == 3 {
		if got := e.Reasons[0].EN; got != "applied: discount of R$ 25.00" {
			t.Errorf("applied message = %q, want the 25.00 given", got)
		}
		if got := e.Reasons[2]; got.EN != "the discount was capped at the value of the items" || got.PT != "o desconto foi limitado ao valor dos itens" {
			t.Errorf("capped reason = %+v", got)
		}
	}
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			if a.FundedBy != "industria-x" {
				t.Errorf("line %s: FundedBy %q, want industria-x", l.ID, a.FundedBy)
			}
		}
	}
	if diff := cmp.Diff([]string{"big 25.00 x1"}, evApplied(res)); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
}

func TestEvaluateFunderDefault(t *testing.T) {
	rs := promotest.NewRuleset(t, promo.Settings{}, evFake("a", evFixedOff(map[int]string{0: "1.00"})))
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), rs)
	if got := res.Lines[0].Adjustments[0].FundedBy; got != promo.FunderRetailer {
		t.Errorf("FundedBy (-want +got):\n-%s\n+%s", promo.FunderRetailer, got)
	}
}

// A funder paying part of a discount gets its share rounded, the retailer
// the rest; a funder paying none of it or all of it splits nothing.
func TestEvaluateFundingShares(t *testing.T) {
	for _, tt := range []struct {
		name   string
		funder string
		share  string
		want   []promo.FundingShare
	}{
		// 30 % of 10.00 = 3.00; the retailer 7.00.
		{"a part", "ind", "30", []promo.FundingShare{{Funder: "ind", Amount: testkit.Dec("3.00")}, {Funder: promo.FunderRetailer, Amount: testkit.Dec("7.00")}}},
		// 33.335 % of 10.00 = 3.3335 -> 3.33 at the cent; the retailer 6.67.
		{"a part rounded", "ind", "33.335", []promo.FundingShare{{Funder: "ind", Amount: testkit.Dec("3.33")}, {Funder: promo.FunderRetailer, Amount: testkit.Dec("6.67")}}},
		{"zero: the funder pays all", "ind", "0", nil},
		{"100 %", "ind", "100", nil},
		{"no funder", "", "30", nil},
	} {
		p := evFake("p", evFixedOff(map[int]string{0: "10.00"})).with(func(in *promo.Info) {
			in.Funder, in.FunderShare = tt.funder, testkit.Dec(tt.share)
		})
		res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "100.00")), promotest.NewRuleset(t, promo.Settings{}, p))
		if diff := cmp.Diff(tt.want, res.Lines[0].Adjustments[0].Shares, testkit.EquateDecimals()); diff != "" {
			t.Errorf("%s: shares (-want +got):\n%s", tt.name, diff)
		}
	}
}

// A freight discount comes off what the freight still costs, as the view
// shows it, and is capped at it.
func TestEvaluateFreightDiscount(t *testing.T) {
	first := evFake("first", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true, Freight: v.Freight().Sub(testkit.Dec("5.00"))}
	}).with(func(in *promo.Info) { in.Priority, in.Key = 1, "F-1" })
	second := evFake("second", func(*promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true, Freight: testkit.Dec("8.00")}
	}).with(func(in *promo.Info) { in.Priority = 2 })
	c := promotest.Cart(promotest.Line("1", "1", "100.00"))
	c.Freight = &promo.Freight{Amount: testkit.Dec("15.00"), Method: "entrega"}
	res := promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, first, second))
	// first sees 15.00 and takes 15.00 - 5.00 = 10.00; second proposes
	// 8.00, capped at the 5.00 left. The lines keep their 100.00.
	want := &promo.FreightResult{Method: "entrega", Gross: testkit.Dec("15.00"),
		Adjustments: []promo.Adjustment{
			{Campaign: "first", Kind: promo.FreightDiscount, Amount: testkit.Dec("10.00"), FundedBy: promo.FunderRetailer,
				Key: "F-1", Authorization: promo.AuthorizationNumber("sale-1", "first")}, // keyed: authorized
			{Campaign: "second", Kind: promo.FreightDiscount, Amount: testkit.Dec("5.00"), FundedBy: promo.FunderRetailer},
		},
		Discount: testkit.Dec("15.00"), Net: decimal.Zero}
	if diff := cmp.Diff(want, res.Freight, testkit.EquateDecimals()); diff != "" {
		t.Errorf("freight (-want +got):\n%s", diff)
	}
	if !res.Lines[0].Net.Equal(testkit.Dec("100.00")) {
		t.Errorf("line net %s, want 100.00", res.Lines[0].Net)
	}
}

// A promotion with an identification key gets an authorization number on
// each adjustment; one without gets none.
func TestEvaluateAuthorizationOfKeyedAdjustments(t *testing.T) {
	keyed := evFake("keyed", evFixedOff(map[int]string{0: "1.00"})).with(func(in *promo.Info) { in.Key = "K-7" })
	plain := evFake("plain", evFixedOff(map[int]string{0: "2.00"}))
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), promotest.NewRuleset(t, promo.Settings{}, keyed, plain))
	type auth struct{ Campaign, Key, Authorization string }
	var got []auth
	for _, a := range res.Lines[0].Adjustments {
		got = append(got, auth{a.Campaign, a.Key, a.Authorization})
	}
	want := []auth{{"keyed", "K-7", promo.AuthorizationNumber("sale-1", "keyed")}, {"plain", "", ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys and authorizations (-want +got):\n%s", diff)
	}
}

func TestEvaluateSameCampaignAdjustmentsMerge(t *testing.T) {
	// Two proposals for the same line and kind make one adjustment; another
	// kind makes a second one.
	rs := promotest.NewRuleset(t, promo.Settings{}, evFake("m", func(v *promo.View) promo.Proposal {
		return promo.Proposal{Eligible: true, Occurrences: 2, Adjustments: []promo.Proposed{
			{Line: 0, Kind: promo.FreeUnits, Amount: testkit.Dec("3.00")},
			{Line: 0, Kind: promo.FreeUnits, Amount: testkit.Dec("2.50")},
			{Line: 0, Kind: promo.ItemDiscount, Amount: testkit.Dec("1.00")},
		}}
	}))
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "4", "3.00")), rs)
	want := []evLineResult{{ID: "1", Gross: testkit.Dec("12.00"), Discount: testkit.Dec("6.50"), Net: testkit.Dec("5.50"),
		Adjustments: []evAdj{evAdjOf("m", promo.FreeUnits, "5.50"), evAdjOf("m", promo.ItemDiscount, "1.00")}}}
	if diff := cmp.Diff(want, evLines(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"m 6.50 x2"}, evApplied(res)); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
}

func TestEvaluateAmountsOfOneKindRoundedOnce(t *testing.T) {
	adj := func(line int, amount string) promo.Proposed {
		return promo.Proposed{Line: line, Amount: testkit.Dec(amount)}
	}
	for _, tt := range []struct {
		name string
		adjs []promo.Proposed
		want []string
	}{
		// A proposal's amounts of one kind on one line are added up and
		// rounded once: 0.004 + 0.005 = 0.009 -> 0.01 (each alone rounds to 0).
		{"one line", []promo.Proposed{adj(0, "0.004"), adj(0, "0.005")}, []string{"p 0.01 x1"}},
		// Also when another line's amount comes between them:
		// 0.004 + 0.004 = 0.008 -> 0.01 on line 0, 1.00 on line 1.
		{"out of line order", []promo.Proposed{adj(0, "0.004"), adj(1, "1.00"), adj(0, "0.004")}, []string{"p 1.01 x1"}},
	} {
		rs := promotest.NewRuleset(t, promo.Settings{}, evFake("p", func(*promo.View) promo.Proposal {
			return promo.Proposal{Eligible: true, Adjustments: tt.adjs}
		}))
		res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00"), promotest.Line("2", "1", "10.00")), rs)
		if diff := cmp.Diff(tt.want, evApplied(res)); diff != "" {
			t.Errorf("%s: applied (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestEvaluateNothingToDiscount(t *testing.T) {
	note := promo.Reason{Code: "fake_note", PT: "nota", EN: "note"}
	tests := []struct {
		name string
		prop promo.Proposal
		want []string
	}{
		{"eligible, no adjustment", promo.Proposal{Eligible: true},
			[]string{"p: nothing_to_discount"}},
		{"amounts that round to zero", promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{
			{Line: 0, Amount: testkit.Dec("0.004")}, {Line: 0, Kind: promo.FreeUnits, Amount: testkit.Dec("0.005")}}}, // half_even: 0.00 and 0.00
			[]string{"p: nothing_to_discount"}},
		{"negative amounts are ignored", promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{
			{Line: 0, Amount: testkit.Dec("-5.00")}}},
			[]string{"p: nothing_to_discount"}},
		{"notes follow the main reason", promo.Proposal{Eligible: true, Reasons: []promo.Reason{note}},
			[]string{"p: nothing_to_discount fake_note"}},
		{"not eligible keeps its reasons", promo.NotEligible(promo.Reason{Code: promo.ReasonMinValue}, note),
			[]string{"p: min_value_not_reached fake_note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, evFake("p", func(*promo.View) promo.Proposal { return tt.prop }))
			res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), rs)
			if diff := cmp.Diff(tt.want, evTrace(res)); diff != "" {
				t.Errorf("trace (-want +got):\n%s", diff)
			}
			if res.Trace[0].Applied || len(res.Applied) != 0 || len(res.Events) != 0 || !res.Totals.Discount.IsZero() {
				t.Errorf("nothing should apply: %+v", res)
			}
		})
	}
}

func TestEvaluateDates(t *testing.T) {
	start := testkit.At(2026, 11, 1, 0, 0, 0)
	end := time.Date(2026, 11, 30, 23, 59, 59, 999999999, testkit.SaoPaulo())
	const (
		startsEN = "the campaign starts at 2026-11-01 00:00"
		startsPT = "a campanha começa em 01/11/2026 00:00"
		endedEN  = "the campaign ended at 2026-11-30 23:59"
		endedPT  = "a campanha terminou em 30/11/2026 23:59"
	)
	tests := []struct {
		name       string
		start, end time.Time
		at         time.Time
		want       promo.Reason // only the code when applied
	}{
		{name: "a nanosecond before the start", start: start, end: end, at: start.Add(-time.Nanosecond),
			want: promo.Reason{Code: promo.ReasonNotStarted, PT: startsPT, EN: startsEN}},
		{name: "at the start", start: start, end: end, at: start, want: promo.Reason{Code: promo.ReasonApplied}},
		{name: "at the end (inclusive)", start: start, end: end, at: end, want: promo.Reason{Code: promo.ReasonApplied}},
		{name: "a nanosecond after the end", start: start, end: end, at: end.Add(time.Nanosecond),
			want: promo.Reason{Code: promo.ReasonEnded, PT: endedPT, EN: endedEN}},
		// The same end given in UTC is shown in the ruleset's zone.
		{name: "end in UTC, message in the ruleset's zone", start: start, end: end.UTC(), at: testkit.At(2026, 12, 1, 0, 0, 0),
			want: promo.Reason{Code: promo.ReasonEnded, PT: endedPT, EN: endedEN}},
		// The cart's instant in another zone is the same instant, and the
		// message is in the ruleset's zone (America/Sao_Paulo by default).
		{name: "cart instant in UTC", start: start, end: end, at: time.Date(2026, 11, 1, 2, 59, 0, 0, time.UTC),
			want: promo.Reason{Code: promo.ReasonNotStarted, PT: startsPT, EN: startsEN}},
		{name: "no start, no end", at: testkit.At(1999, 1, 1, 0, 0, 0), want: promo.Reason{Code: promo.ReasonApplied}},
		{name: "start only, long after", start: start, at: testkit.At(2030, 1, 1, 0, 0, 0), want: promo.Reason{Code: promo.ReasonApplied}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			p := evFake("d", func(v *promo.View) promo.Proposal {
				calls++
				return evFixedOff(map[int]string{0: "1.00"})(v)
			}).with(func(in *promo.Info) { in.Start, in.End = tt.start, tt.end })
			rs := promotest.NewRuleset(t, promo.Settings{}, p)
			c := promotest.Cart(promotest.Line("1", "1", "10.00"))
			c.Time = tt.at
			res := promotest.Evaluate(t, c, rs)
			if len(res.Trace) != 1 {
				t.Fatalf("trace = %v, want one entry", res.Trace)
			}
			got := res.Trace[0].Reasons[0]
			if tt.want.Code == promo.ReasonApplied {
				if got.Code != promo.ReasonApplied || calls != 1 {
					t.Errorf("reason %v after %d Apply calls, want applied after 1", got, calls)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("reason (-want +got):\n%s", diff)
			}
			if calls != 0 || res.Trace[0].Applied || len(res.Applied) != 0 {
				t.Errorf("a promotion outside its dates was applied (%d calls)", calls)
			}
		})
	}

	// An exclusive promotion outside its dates does not take part.
	ended := evFake("ex-old", evFixedOff(map[int]string{0: "9.00"})).with(func(in *promo.Info) {
		in.Exclusive, in.End = true, start.Add(-time.Hour)
	})
	rs := promotest.NewRuleset(t, promo.Settings{}, ended, evFake("cum", evFixedOff(map[int]string{0: "1.00"})))
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), rs)
	if diff := cmp.Diff([]string{"cum: applied", "ex-old: ended"}, evTrace(res)); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
}

func TestEvaluateCandidates(t *testing.T) {
	var called []string
	mk := func(id string, k promo.Keys) promo.Promotion {
		return evFakePromo{info: promo.Info{ID: id, Name: id, Phase: promo.PhaseItem}, keys: k,
			apply: func(*promo.View) promo.Proposal {
				called = append(called, id)
				return promo.NotEligible()
			}}
	}
	rs := promotest.NewRuleset(t, promo.Settings{},
		mk("code-p9", promo.Keys{ProductCodes: []string{"P9"}}),
		mk("code-p1", promo.Keys{ProductCodes: []string{"P0", "P1"}}),
		mk("sku-s1", promo.Keys{SKUs: []string{"S1"}}),
		mk("sku-p1", promo.Keys{SKUs: []string{"P1"}}), // a product code is not a SKU
		mk("cat-top", promo.Keys{Categories: []string{"/bebidas/"}}),
		mk("cat-same", promo.Keys{Categories: []string{"bebidas/cervejas"}}),
		mk("cat-deeper", promo.Keys{Categories: []string{"bebidas/cervejas/ipa"}}),
		mk("cat-partial", promo.Keys{Categories: []string{"beb"}}),
		mk("wide", promo.Keys{CartWide: true}),
		mk("no-keys", promo.Keys{}),
	)
	tests := []struct {
		name string
		line promo.Line
		want []string
	}{
		{
			name: "code, SKU, category and its parent",
			line: promo.Line{ID: "1", ProductCode: "P1", SKU: "S1", Category: "bebidas/cervejas/", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("5")},
			want: []string{"cat-same", "cat-top", "code-p1", "sku-s1", "wide"},
		},
		{
			name: "a product-keyed promotion whose code is in the cart",
			line: promo.Line{ID: "1", ProductCode: "P9", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("5")},
			want: []string{"code-p9", "wide"},
		},
		{
			name: "nothing matches: only the cart-wide one",
			line: promo.Line{ID: "1", ProductCode: "Q", Category: "bebidasx", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("5")},
			want: []string{"wide"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called = nil
			res := promotest.Evaluate(t, promotest.Cart(tt.line), rs)
			var got []string
			for _, e := range res.Trace {
				got = append(got, e.Campaign)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("trace campaigns (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, called); diff != "" {
				t.Errorf("Apply called on (-want +got):\n%s", diff)
			}
		})
	}

	// Several lines carrying the same key make one candidate.
	called = nil
	res := promotest.Evaluate(t, promotest.Cart(
		promo.Line{ID: "1", ProductCode: "P9", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("5")},
		promo.Line{ID: "2", ProductCode: "P9", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("5")},
	), rs)
	if diff := cmp.Diff([]string{"code-p9: rule_failed", "wide: rule_failed"}, evTrace(res)); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
}

func TestEvaluateLineOrderDoesNotMatter(t *testing.T) {
	// A promotion that gives 0.01 to the line of lowest rank: the same line
	// whatever the cart's order.
	p := evFake("r", func(v *promo.View) promo.Proposal {
		for i := 0; i < v.Len(); i++ {
			if v.Rank(i) == 0 {
				return promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{{Line: i, Amount: testkit.Dec("0.01")}}}
			}
		}
		return promo.NotEligible()
	})
	rs := promotest.NewRuleset(t, promo.Settings{}, p)
	for _, c := range []promo.Cart{
		promotest.Cart(promotest.Line("x", "1", "1"), promotest.Line("m", "1", "1"), promotest.Line("k", "1", "1")),
		promotest.Cart(promotest.Line("k", "1", "1"), promotest.Line("x", "1", "1"), promotest.Line("m", "1", "1")),
	} {
		res := promotest.Evaluate(t, c, rs)
		for _, l := range res.Lines {
			wantDisc := "0"
			if l.ID == "k" {
				wantDisc = "0.01"
			}
			if !l.Discount.Equal(testkit.Dec(wantDisc)) {
				t.Errorf("line %s discount (-want +got):\n-%s\n+%s", l.ID, wantDisc, l.Discount)
			}
		}
	}
}

// A campaign's parts (its cashback) have no trace entry of their own: what
// a part that applied says joins the campaign's entry, after its own.
func TestEvaluateTraceFoldsParts(t *testing.T) {
	res := promotest.EvaluateJSON(t, `{"version":1,"campaigns":[
	 {"id":"c","name":"10 off and 20 cashback","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","amount":"10"},
	  "extras":{"cashback":{"kind":"fixed","value":"20.00"}}},
	 {"id":"d","name":"5 off","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","amount":"5"}}]}`,
		`{"id":"tr-1","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"100.00"}]}`)
	// c applies (10.00 off) and its cashback part earns 20.00: the part's
	// cashback_earned joins c's entry; d applies with nothing to add.
	want := []string{"c: applied cashback_earned", "d: applied"}
	if diff := cmp.Diff(want, evTrace(res)); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
}

// TestPhasesBesideAnExclusiveWinner: the price phases (markdown) and the
// post phases (redemption) run whatever exclusive candidate wins, the
// boundary phases of each included; they do not compete with it. Each
// promotion takes R$ 1,00 off the line of R$ 10,00: all three apply.
func TestPhasesBesideAnExclusiveWinner(t *testing.T) {
	off := evFixedOff(map[int]string{0: "1.00"})
	rs := promotest.NewRuleset(t, promo.Settings{},
		evFake("markdown", off).with(func(in *promo.Info) { in.Phase = promo.PhaseMarkdown }),
		evFake("exclusive", off).with(func(in *promo.Info) { in.Exclusive = true }),
		evFake("redemption", off).with(func(in *promo.Info) { in.Phase = promo.PhaseRedemption }),
	)
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), rs)
	var applied []string
	for _, e := range res.Trace {
		if e.Applied {
			applied = append(applied, e.Campaign)
		}
	}
	if diff := cmp.Diff([]string{"markdown", "exclusive", "redemption"}, applied); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
}

// TestLineGross: a line's gross is quantity × unit price rounded to cents,
// one unit written any way included: 1 × 10,00; 1,000 × 3,33; 0,001 ×
// 10,00 = 0,01; 3 × 3,33 = 9,99.
func TestLineGross(t *testing.T) {
	w := promotest.Line("3", "0.001", "10.00")
	w.Weighed = true
	cart := promotest.Cart(promotest.Line("1", "1", "10.00"), promotest.Line("2", "1.000", "3.33"), w, promotest.Line("4", "3", "3.33"))
	res := promotest.Evaluate(t, cart, promotest.NewRuleset(t, promo.Settings{}))
	var got []decimal.Decimal
	for _, l := range res.Lines {
		got = append(got, l.Gross)
	}
	want := []decimal.Decimal{testkit.Dec("10.00"), testkit.Dec("3.33"), testkit.Dec("0.01"), testkit.Dec("9.99")}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("gross (-want +got):\n%s", diff)
	}
}
