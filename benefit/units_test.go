package benefit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// bnSix are six single units priced 60, 50, 40, 30, 20 and 10.
func bnSix() []promo.Line {
	return []promo.Line{promotest.Line("a", "1", "60.00"), promotest.Line("b", "1", "50.00"), promotest.Line("c", "1", "40.00"),
		promotest.Line("d", "1", "30.00"), promotest.Line("e", "1", "20.00"), promotest.Line("f", "1", "10.00")}
}

func TestUnitCaps(t *testing.T) {
	half := benefit.ItemPercent(testkit.Dec("50"))
	limited := []promo.ReasonCode{promo.ReasonApplied, benefit.ReasonLimitUnits}
	// Groups of one: every unit is its own occurrence.
	each := func(maxUnits, maxTaken int64) benefit.Scope {
		return benefit.Scope{Select: benefit.Lowest, GroupSize: 1, MaxUnits: maxUnits, MaxTaken: maxTaken}
	}
	runBnCases(t, []bnCase{
		// 60 50 40 | 30 20 10, the 2 cheapest of each group at 50 %:
		// 50 40 and 20 10; capped at 3 units, the last group gives only
		// its cheapest, 10.
		{name: "a unit cap in the last group, lowest", b: half,
			scope: benefit.Scope{Select: benefit.Lowest, GroupSize: 3, Pick: 2, MaxRepetitions: 2, MaxUnits: 3}, lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"b": item("25.00"), "c": item("20.00"), "f": item("5.00")}, Codes: limited, Occ: 2}},
		// The 2 dearest of each: 60 50 and 30 20; capped at 3: 60 50 30.
		{name: "a unit cap in the last group, highest", b: half,
			scope: benefit.Scope{Select: benefit.Highest, GroupSize: 3, Pick: 2, MaxRepetitions: 2, MaxUnits: 3}, lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("30.00"), "b": item("25.00"), "d": item("15.00")}, Codes: limited, Occ: 2}},
		// Capped at 2: the first group only.
		{name: "a unit cap at a group's end", b: half,
			scope: benefit.Scope{Select: benefit.Lowest, GroupSize: 3, Pick: 2, MaxRepetitions: 2, MaxUnits: 2}, lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"b": item("25.00"), "c": item("20.00")}, Codes: limited, Occ: 1}},
		{name: "a unit cap that does not bind", b: half,
			scope: benefit.Scope{Select: benefit.Lowest, GroupSize: 3, Pick: 2, MaxRepetitions: 2, MaxUnits: 4}, lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"b": item("25.00"), "c": item("20.00"), "e": item("10.00"), "f": item("5.00")}, Codes: applied, Occ: 2}},
		// Groups of one from the dearest: the caps' tighter one counts.
		{name: "units, the tighter cap the items", b: half, scope: each(3, 2), lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("30.00"), "b": item("25.00")}, Codes: limited, Occ: 2}},
		{name: "units, the tighter cap the units", b: half, scope: each(2, 3), lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("30.00"), "b": item("25.00")}, Codes: limited, Occ: 2}},
		{name: "units, only an item cap", b: half, scope: each(0, 3), lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("30.00"), "b": item("25.00"), "c": item("20.00")}, Codes: limited, Occ: 3}},
		{name: "units, only a unit cap", b: half, scope: each(1, 0), lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("30.00")}, Codes: limited, Occ: 1}},
		// leve 2 pague 1 on 60 50 | 40 30 | 20 10: 6 items taken; a cap
		// of 4 leaves 2 occurrences, 50 and 30 free.
		{name: "an item cap on groups", b: benefit.FreeUnits(2, 1), scope: benefit.Scope{MaxTaken: 4}, lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"b": free("50.00"), "d": free("30.00")}, Codes: limited, Occ: 2}},
		{name: "an item cap on groups that does not bind", b: benefit.FreeUnits(2, 1), scope: benefit.Scope{MaxTaken: 6}, lines: bnSix(),
			want: bnGot{Adj: map[string]bnAdj{"b": free("50.00"), "d": free("30.00"), "f": free("10.00")}, Codes: applied, Occ: 3}},
		{name: "an item cap below one group", b: benefit.FreeUnits(2, 1), scope: benefit.Scope{MaxTaken: 1}, lines: bnSix(),
			want: bnGot{Codes: []promo.ReasonCode{benefit.ReasonLimitReached}}},
		// A percent on every unit once 2 are bought; 3 units (2 + the
		// weighed line, counted as one) within a cap of 3: every unit,
		// the weighed line included.
		{name: "a cap that every unit fits in", b: benefit.ItemPercent(testkit.Dec("10")), scope: benefit.Scope{GroupSize: 2, MaxUnits: 3},
			lines: []promo.Line{promotest.Line("a", "2", "10.00"), bnWeighed("w", "1.5", "8.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("2.00"), "w": item("1.20")}, Codes: applied, Occ: 1}},
	})
}

func TestUnitCapReasons(t *testing.T) {
	tests := []struct {
		name  string
		b     benefit.Benefit
		scope benefit.Scope
		want  promo.Reason
	}{
		{"one unit", benefit.ItemPercent(testkit.Dec("50")), benefit.Scope{Select: benefit.Highest, GroupSize: 1, MaxUnits: 1},
			promo.Reason{Code: benefit.ReasonLimitUnits,
				PT: "limite de ativações: só 1 unidade ainda recebe o benefício", EN: "activation limit: only 1 unit still get the benefit"}},
		{"two units", benefit.ItemPercent(testkit.Dec("50")), benefit.Scope{Select: benefit.Highest, GroupSize: 1, MaxUnits: 2},
			promo.Reason{Code: benefit.ReasonLimitUnits,
				PT: "limite de ativações: só 2 unidades ainda recebem o benefício", EN: "activation limit: only 2 units still get the benefit"}},
		// leve 2 pague 1: a cap of 3 items leaves one occurrence of 2.
		{"items in groups of two", benefit.FreeUnits(2, 1), benefit.Scope{MaxTaken: 3},
			promo.Reason{Code: benefit.ReasonLimitUnits,
				PT: "limite de ativações: só 2 itens ainda entram na promoção", EN: "activation limit: only 2 items still taken under the promotion"}},
		{"one item left", benefit.FreeUnits(2, 1), benefit.Scope{MaxTaken: 1},
			promo.Reason{Code: benefit.ReasonLimitReached,
				PT: "limite de ativações: resta 1 item, uma ocorrência leva 2", EN: "activation limit: 1 item left, one occurrence takes 2"}},
		{"items left", benefit.FreeUnits(3, 1), benefit.Scope{MaxTaken: 2},
			promo.Reason{Code: benefit.ReasonLimitReached,
				PT: "limite de ativações: restam 2 itens, uma ocorrência leva 3", EN: "activation limit: 2 items left, one occurrence takes 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := bnRun(t, tt.b, tt.scope, promo.HalfEven, bnSix()...)
			if len(res.Trace) != 1 || len(res.Trace[0].Reasons) == 0 {
				t.Fatalf("trace = %+v, want one entry with reasons", res.Trace)
			}
			reasons := res.Trace[0].Reasons
			if diff := cmp.Diff(tt.want, reasons[len(reasons)-1]); diff != "" {
				t.Errorf("last reason (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParticipants(t *testing.T) {
	// leve 2 pague 1 on 10 10 | 5: the two units of a make the one
	// group; b takes no part.
	res := bnRun(t, benefit.FreeUnits(2, 1), benefit.Scope{}, promo.HalfEven, promotest.Line("a", "2", "10.00"), promotest.Line("b", "1", "5.00"))
	if diff := cmp.Diff(map[string]string{"a": "2"}, participants(res)); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
}

// TestScopeCapUnits: a further cap tightens MaxUnits, 0 on either side
// meaning no cap.
func TestScopeCapUnits(t *testing.T) {
	for _, tc := range []struct{ had, capAt, want int64 }{
		{0, 0, 0}, {0, 5, 5}, {3, 0, 3}, {3, 5, 3}, {7, 5, 5}, {5, 5, 5},
	} {
		s := benefit.Scope{MaxUnits: tc.had, MaxTaken: 9}
		got := s.CapUnits(tc.capAt)
		if got.MaxUnits != tc.want || got.MaxTaken != 9 || s.MaxUnits != tc.had {
			t.Errorf("Scope{MaxUnits: %d}.CapUnits(%d) = MaxUnits %d, MaxTaken %d (scope now %d); want %d, 9 (scope unchanged)",
				tc.had, tc.capAt, got.MaxUnits, got.MaxTaken, s.MaxUnits, tc.want)
		}
	}
}
