package benefit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// tierOff and tierPercent build progressive tiers.
func tierOff(minQty int64, amount string) benefit.Tier {
	return benefit.Tier{MinQuantity: minQty, Amount: testkit.Dec(amount)}
}

func tierPercent(minQty int64, pct string) benefit.Tier {
	return benefit.Tier{MinQuantity: minQty, Percent: testkit.Dec(pct), IsPercent: true}
}

func TestProgressive(t *testing.T) {
	// "2 itens R$ 20, 3 itens R$ 30", the tiers given out of order.
	steps := benefit.Progressive(false, tierOff(3, "30.00"), tierOff(2, "20.00"))
	limited := []promo.ReasonCode{promo.ReasonApplied, benefit.ReasonLimitUnits}
	// abc: 50 | 20 20 | 10, four units worth 100.00.
	abc := func() []promo.Line {
		return []promo.Line{promotest.Line("a", "1", "50.00"), promotest.Line("b", "2", "20.00"), promotest.Line("c", "1", "10.00")}
	}
	runBnCases(t, []bnCase{
		{
			// Exactly 3 units reach the second tier: 30.00 by value over
			// 100.00 and 20.00: 25.00 and 5.00.
			name: "the second tier's exact boundary", b: steps,
			lines: []promo.Line{promotest.Line("a", "2", "50.00"), promotest.Line("b", "1", "20.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("25.00"), "b": item("5.00")}, Codes: applied, Occ: 1},
		},
		{name: "the first tier's exact boundary", b: steps, lines: []promo.Line{promotest.Line("a", "2", "50.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("20.00")}, Codes: applied, Occ: 1}},
		// Of two tiers from 2 units, the one given last: 15.00.
		{name: "tiers with the same minimum", b: benefit.Progressive(false, tierOff(2, "10.00"), tierOff(2, "15.00")),
			lines: []promo.Line{promotest.Line("a", "2", "50.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("15.00")}, Codes: applied, Occ: 1}},
		{name: "below the first tier", b: steps, lines: []promo.Line{promotest.Line("a", "1", "50.00")},
			want: bnGot{Codes: tooFewUnits}},
		{name: "above the last tier", b: steps, lines: []promo.Line{promotest.Line("a", "5", "10.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("30.00")}, Codes: applied, Occ: 1}},
		{
			// w does not count toward the tier (2 units: 20.00) but shares
			// the discount by value: 100.00 and 20.00 give 16.666… and
			// 3.333…, the cent left over to a (largest remainder).
			name: "weighed lines share but do not count", b: steps,
			lines: []promo.Line{promotest.Line("a", "2", "50.00"), bnWeighed("w", "0.5", "40.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("16.67"), "w": item("3.33")}, Codes: applied, Occ: 1},
		},
		{
			// 10 % of 120.00 is 12.00: 10.00 and 2.00.
			name: "a percent tier", b: benefit.Progressive(false, tierPercent(2, "10")),
			lines: []promo.Line{promotest.Line("a", "2", "50.00"), promotest.Line("b", "1", "20.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "b": item("2.00")}, Codes: applied, Occ: 1},
		},
		{name: "an amount beyond the total is capped", b: benefit.Progressive(false, tierOff(2, "200.00")),
			lines: []promo.Line{promotest.Line("a", "2", "50.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("100.00")}, Codes: appliedCut, Occ: 1}},
		{name: "on the sale", b: benefit.Progressive(true, tierOff(3, "30.00"), tierOff(2, "20.00")),
			lines: []promo.Line{promotest.Line("a", "2", "50.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": sale("20.00")}, Codes: applied, Occ: 1}},
		{name: "nothing with a value", b: steps, lines: []promo.Line{promotest.Line("a", "3", "0.00")},
			want: bnGot{Codes: noEligible}},
		{
			// A limit of 4 units does not bind on 4 units: 30.00 over 50.00,
			// 40.00 and 10.00.
			name: "a unit limit that does not bind", b: steps, scope: benefit.Scope{MaxUnits: 4}, lines: abc(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("15.00"), "b": item("12.00"), "c": item("3.00")}, Codes: applied, Occ: 1},
		},
		{
			// Only 3 units count (tier 2, 30.00), and only the dearest 3
			// (50, 20, 20, worth 90.00) take it: 16.666… and 13.333…, the
			// cent left over to a.
			name: "a unit limit that binds", b: steps, scope: benefit.Scope{MaxUnits: 3}, lines: abc(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("16.67"), "b": item("13.33")}, Codes: limited, Occ: 1},
		},
		{name: "an item limit that binds", b: steps, scope: benefit.Scope{MaxTaken: 3}, lines: abc(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("16.67"), "b": item("13.33")}, Codes: limited, Occ: 1}},
		{
			// 2 units count: the first tier, on 50 and one 20.
			name: "the tighter of two limits", b: steps, scope: benefit.Scope{MaxUnits: 3, MaxTaken: 2}, lines: abc(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("14.29"), "b": item("5.71")}, Codes: limited, Occ: 1},
		},
		{
			// 10 % of the 3 dearest units (90.00): 5.00 and 4.00.
			name: "a percent tier under a limit", b: benefit.Progressive(false, tierPercent(3, "10")),
			scope: benefit.Scope{MaxUnits: 3}, lines: abc(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("5.00"), "b": item("4.00")}, Codes: limited, Occ: 1},
		},
		{
			// 100.00 off the 2 dearest units, worth 50.00 + 20.00: capped.
			name: "an amount under a limit capped at what it covers", b: benefit.Progressive(false, tierOff(2, "100.00")),
			scope: benefit.Scope{MaxUnits: 2}, lines: abc(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("50.00"), "b": item("20.00")},
				Codes: []promo.ReasonCode{promo.ReasonApplied, benefit.ReasonLimitUnits, promo.ReasonDiscountCapped}, Occ: 1},
		},
		{
			// Under a limit on the sale: the sale's kind.
			name: "on the sale under a limit", b: benefit.Progressive(true, tierOff(2, "20.00")),
			scope: benefit.Scope{MaxUnits: 2}, lines: []promo.Line{promotest.Line("a", "3", "10.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": sale("20.00")}, Codes: limited, Occ: 1},
		},
	})
}

func TestProgressiveReasons(t *testing.T) {
	steps := benefit.Progressive(false, tierOff(3, "30.00"), tierOff(2, "20.00"))
	tests := []struct {
		name  string
		scope benefit.Scope
		lines []promo.Line
		want  []promo.Reason
	}{
		{
			name: "short of the first tier", lines: []promo.Line{promotest.Line("a", "1", "50.00"), bnWeighed("w", "2", "5.00")},
			want: []promo.Reason{{Code: promo.ReasonMinQuantity,
				PT: "a primeira faixa pede 2 unidades: faltam 1", EN: "the first tier needs 2 units: 1 missing",
				Missing: &promo.Shortfall{Quantity: 1, Like: "a"}}},
		},
		{
			name: "a limit", scope: benefit.Scope{MaxUnits: 2}, lines: []promo.Line{promotest.Line("a", "3", "10.00")},
			want: []promo.Reason{{Code: promo.ReasonApplied}, {Code: benefit.ReasonLimitUnits,
				PT: "limite de ativações: a faixa considera só 2 unidades", EN: "activation limit: the tier counts only 2 units"}},
		},
		{
			name: "capped under a limit", scope: benefit.Scope{MaxUnits: 2}, lines: []promo.Line{promotest.Line("a", "3", "4.00")},
			want: []promo.Reason{{Code: promo.ReasonApplied}, {Code: benefit.ReasonLimitUnits,
				PT: "limite de ativações: a faixa considera só 2 unidades", EN: "activation limit: the tier counts only 2 units"},
				{Code: promo.ReasonDiscountCapped,
					PT: "o desconto de R$ 20,00 foi limitado ao total de R$ 8,00",
					EN: "the discount of R$ 20.00 was capped at the total of R$ 8.00"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := bnRun(t, steps, tt.scope, promo.HalfEven, tt.lines...)
			if len(res.Trace) != 1 {
				t.Fatalf("trace = %+v, want one entry", res.Trace)
			}
			got := res.Trace[0].Reasons
			if len(got) > 0 && got[0].Code == promo.ReasonApplied {
				got[0] = promo.Reason{Code: got[0].Code} // the applied note's text is promo's
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("reasons (-want +got):\n%s", diff)
			}
		})
	}
}
