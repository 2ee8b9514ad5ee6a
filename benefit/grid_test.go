package benefit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

func TestPercentGrid(t *testing.T) {
	// The rows key on the product code.
	code := func(l *promo.Line) string { return l.ProductCode }
	row := func(c string, q int64, pct string) benefit.GridRow {
		return benefit.GridRow{Code: c, Quantity: q, Percent: testkit.Dec(pct)}
	}
	g := benefit.PercentGrid(code, row("Pa", 2, "50"), row("Pw", 0, "10"), row("Pz", 1, "20"))
	limitCut := []promo.ReasonCode{promo.ReasonApplied, benefit.ReasonLimitUnits}
	runBnCases(t, []bnCase{
		{
			// a: 3 units at 10.00, 2 of them at 50 % = 10.00; w: weighed
			// 1.5 kg at 8.00 = 12.00, every unit at 10 % = 1.20; Pz absent.
			name: "rows apply independently, a weighed line takes part", b: g,
			lines: []promo.Line{promotest.Line("a", "3", "10.00"), bnWeighed("w", "1.5", "8.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "w": item("1.20")}, Codes: applied, Occ: 1},
		},
		{
			// Pa's row needs 2 units and has 1: it fails, Pw's applies.
			name: "a row below its minimum gives nothing", b: g,
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("w", "2", "5.00")},
			want:  bnGot{Adj: map[string]bnAdj{"w": item("1.00")}, Codes: applied, Occ: 1},
		},
		{
			// No row applies: the first row's shortfall.
			name: "no row applies", b: g,
			lines: []promo.Line{promotest.Line("a", "1", "10.00")},
			want:  bnGot{Codes: tooFewUnits},
		},
		{
			// Picked: Pa's 2 dearest (a at 30.00, one of a2 at 20.00),
			// w's 2 units at 5.00, z's one at 40.00. Max 3 units, the
			// dearest: z 40.00 (20 % = 8.00), a 30.00 (50 % = 15.00),
			// a2 20.00 (50 % = 10.00); w's units drop out.
			name: "max units over the grid, the dearest first", b: g, scope: benefit.Scope{MaxUnits: 3, Select: benefit.Highest},
			lines: []promo.Line{promotest.Line("a", "1", "30.00"), {ID: "a2", ProductCode: "Pa", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("20.00")},
				promotest.Line("w", "2", "5.00"), promotest.Line("z", "1", "40.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("15.00"), "a2": item("10.00"), "z": item("8.00")}, Codes: limitCut, Occ: 1},
		},
		{
			// The same with Lowest: a's 2 cheapest (20.00, 20.00), w's 2
			// at 5.00, z at 40.00; max 3, the cheapest: w, w (10 % = 1.00)
			// and one a2 unit (50 % = 10.00).
			name: "max units over the grid, the cheapest first", b: g, scope: benefit.Scope{MaxUnits: 3, Select: benefit.Lowest},
			lines: []promo.Line{promotest.Line("a", "1", "30.00"), {ID: "a2", ProductCode: "Pa", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("20.00")},
				promotest.Line("w", "2", "5.00"), promotest.Line("z", "1", "40.00")},
			want: bnGot{Adj: map[string]bnAdj{"a2": item("10.00"), "w": item("1.00")}, Codes: limitCut, Occ: 1},
		},
		{
			// 3 units picked within a cap of 3: no limit note.
			name: "max units that does not bind", b: g, scope: benefit.Scope{MaxUnits: 3},
			lines: []promo.Line{promotest.Line("a", "2", "10.00"), promotest.Line("z", "1", "40.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "z": item("8.00")}, Codes: applied, Occ: 1},
		},
		{
			// Max binds: the weighed line takes no part.
			name: "max units binds: weighed lines out", b: g, scope: benefit.Scope{MaxUnits: 1},
			lines: []promo.Line{bnWeighed("w", "1.5", "8.00"), {ID: "w2", ProductCode: "Pw", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("3.00")}},
			want:  bnGot{Adj: map[string]bnAdj{"w2": item("0.30")}, Codes: limitCut, Occ: 1},
		},
	})
}

func TestPercentGridShortfall(t *testing.T) {
	code := func(l *promo.Line) string { return l.ProductCode }
	// Pn has no line, Pa needs 3 units and has 1: the reason is Pa's
	// shortfall, not Pn's absence.
	g := benefit.PercentGrid(code, benefit.GridRow{Code: "Pn", Quantity: 1, Percent: testkit.Dec("10")},
		benefit.GridRow{Code: "Pa", Quantity: 3, Percent: testkit.Dec("10")})
	res := bnRun(t, g, benefit.Scope{}, promo.HalfEven, promotest.Line("a", "1", "10.00"))
	want := []promo.Reason{{Code: promo.ReasonMinQuantity,
		PT:      "Pa: quantidade mínima de 3 unidades não atingida: faltam 2",
		EN:      "Pa: minimum quantity of 3 units not reached: 2 missing",
		Missing: &promo.Shortfall{Quantity: 2, Like: "a"}}}
	if len(res.Trace) != 1 {
		t.Fatalf("trace = %+v, want one entry", res.Trace)
	}
	if diff := cmp.Diff(want, res.Trace[0].Reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}

func TestPercentGridZeroedUnits(t *testing.T) {
	code := func(l *promo.Line) string { return l.ProductCode }
	// A "leve 2 pague 1" runs first and leaves w one unit at 5.00 and one
	// at zero. The grid's cap of 1 unit, the cheapest first, goes to the
	// unit that still costs something: 10 % of 5.00.
	res := bnRunAll(t, promo.Settings{}, []promo.Promotion{
		bnPromo{b: benefit.FreeUnits(2, 1), id: "leve-2", priority: 1},
		bnPromo{b: benefit.PercentGrid(code, benefit.GridRow{Code: "Pw", Percent: testkit.Dec("10")}),
			scope: benefit.Scope{MaxUnits: 1, Select: benefit.Lowest}, id: "grid", priority: 2},
	}, promotest.Line("w", "2", "5.00"))
	want := []bnAdj{free("5.00"), item("0.50")}
	if diff := cmp.Diff(want, bnAdjustments(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("adjustments (-want +got):\n%s", diff)
	}
}
