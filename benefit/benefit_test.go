package benefit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Only promo can build a *promo.View: the tests run a benefit through a tiny
// promotion that hands it a fixed scope, and read what Evaluate made of it.

// bnPromo applies a benefit to a scope; nil scope lines mean every line.
type bnPromo struct {
	b     benefit.Benefit
	scope benefit.Scope
	// id is the promotion's id, "b" when empty; priority orders it among
	// others; exclusive makes it non-cumulative.
	id        string
	priority  int
	exclusive bool
}

func (p bnPromo) Info() promo.Info {
	id := p.id
	if id == "" {
		id = "b"
	}
	return promo.Info{ID: id, Name: "benefit", Phase: p.b.Phase(), Priority: p.priority, Exclusive: p.exclusive}
}

func (p bnPromo) Keys() promo.Keys { return promo.Keys{CartWide: true} }

func (p bnPromo) Apply(v *promo.View) promo.Proposal {
	s := p.scope
	if s.Lines == nil {
		for i := 0; i < v.Len(); i++ {
			s.Lines = append(s.Lines, i)
		}
	}
	return p.b.Apply(v, s)
}

// bnWeighed is a line sold by weight.
func bnWeighed(id, qty, price string) promo.Line {
	l := promotest.Line(id, qty, price)
	l.Weighed = true
	return l
}

func bnRun(t *testing.T, b benefit.Benefit, s benefit.Scope, mode promo.RoundingMode, lines ...promo.Line) promo.Result {
	t.Helper()
	return bnRunAll(t, promo.Settings{Rounding: mode}, []promo.Promotion{bnPromo{b: b, scope: s}}, lines...)
}

// bnRunAll evaluates a cart of the lines under several promotions.
func bnRunAll(t *testing.T, settings promo.Settings, ps []promo.Promotion, lines ...promo.Line) promo.Result {
	t.Helper()
	return promotest.Evaluate(t, promotest.Cart(lines...), promotest.NewRuleset(t, settings, ps...))
}

// bnGot is what a benefit did, as the tests write it.
type bnGot struct {
	// Adj maps line id to "kind amount" for the lines that got something.
	Adj map[string]bnAdj
	// Codes are the reason codes of the trace entry, in order.
	Codes []promo.ReasonCode
	// Occ is the occurrences of the application, 0 when it did not apply.
	Occ int
}

type bnAdj struct {
	Kind   promo.AdjustmentKind
	Amount decimal.Decimal
}

func bnSummary(res promo.Result) bnGot {
	g := bnGot{Adj: map[string]bnAdj{}}
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			prev := g.Adj[l.ID]
			g.Adj[l.ID] = bnAdj{Kind: a.Kind, Amount: prev.Amount.Add(a.Amount)}
		}
	}
	for _, e := range res.Trace {
		for _, r := range e.Reasons {
			g.Codes = append(g.Codes, r.Code)
		}
	}
	for _, a := range res.Applied {
		g.Occ = a.Occurrences
	}
	return g
}

// bnAdjustments lists every adjustment of the result, line after line.
func bnAdjustments(res promo.Result) []bnAdj {
	var out []bnAdj
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			out = append(out, bnAdj{a.Kind, a.Amount})
		}
	}
	return out
}

// item and free build expected adjustments.
func item(amount string) bnAdj { return bnAdj{promo.ItemDiscount, testkit.Dec(amount)} }
func free(amount string) bnAdj { return bnAdj{promo.FreeUnits, testkit.Dec(amount)} }
func sale(amount string) bnAdj { return bnAdj{promo.SaleDiscount, testkit.Dec(amount)} }

var (
	applied     = []promo.ReasonCode{promo.ReasonApplied}
	appliedCap  = []promo.ReasonCode{promo.ReasonApplied, promo.ReasonRepetitionCap}
	appliedCut  = []promo.ReasonCode{promo.ReasonApplied, promo.ReasonDiscountCapped}
	nothing     = []promo.ReasonCode{promo.ReasonNothingToDiscount}
	tooFewUnits = []promo.ReasonCode{promo.ReasonMinQuantity}
	noEligible  = []promo.ReasonCode{promo.ReasonNoEligibleItems}
)

// bnFour are four single units priced 100, 60, 40 and 10.
func bnFour() []promo.Line {
	return []promo.Line{promotest.Line("a", "1", "100.00"), promotest.Line("b", "1", "60.00"), promotest.Line("c", "1", "40.00"), promotest.Line("d", "1", "10.00")}
}

type bnCase struct {
	name  string
	b     benefit.Benefit
	scope benefit.Scope
	mode  promo.RoundingMode
	lines []promo.Line
	want  bnGot
}

func runBnCases(t *testing.T, tests []bnCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bnSummary(bnRun(t, tt.b, tt.scope, tt.mode, tt.lines...))
			want := tt.want
			if want.Adj == nil {
				want.Adj = map[string]bnAdj{}
			}
			if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestItemPercent(t *testing.T) {
	pct := func(s string) benefit.Benefit { return benefit.ItemPercent(testkit.Dec(s)) }
	runBnCases(t, []bnCase{
		{
			// a: 3 × 19.90 = 59.70, 10 % = 5.97.
			// b: 0.735 × 39.90 = 29.3265 -> 29.33; 10 % = 2.933 -> 2.93.
			name: "every unit, weighed lines too", b: pct("10"),
			lines: []promo.Line{promotest.Line("a", "3", "19.90"), bnWeighed("b", "0.735", "39.90")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("5.97"), "b": item("2.93")}, Codes: applied, Occ: 1},
		},
		// 50 % of 0.25 = 0.125: rounded once, by the ruleset's mode.
		{name: "tie, half_even", b: pct("50"), mode: promo.HalfEven, lines: []promo.Line{promotest.Line("a", "1", "0.25")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("0.12")}, Codes: applied, Occ: 1}},
		{name: "tie, half_up", b: pct("50"), mode: promo.HalfUp, lines: []promo.Line{promotest.Line("a", "1", "0.25")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("0.13")}, Codes: applied, Occ: 1}},
		{name: "tie, truncate", b: pct("50"), mode: promo.Truncate, lines: []promo.Line{promotest.Line("a", "1", "0.25")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("0.12")}, Codes: applied, Occ: 1}},
		{name: "100 percent", b: pct("100"), lines: []promo.Line{promotest.Line("a", "2", "7.45")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("14.90")}, Codes: applied, Occ: 1}},
		{name: "0 percent gives nothing", b: pct("0"), lines: []promo.Line{promotest.Line("a", "2", "7.45")},
			want: bnGot{Codes: nothing}},
		{name: "only the scope's lines", b: pct("10"), scope: benefit.Scope{Lines: []int{1}},
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("b", "1", "20.00")},
			want:  bnGot{Adj: map[string]bnAdj{"b": item("2.00")}, Codes: applied, Occ: 1}},
		{name: "lines worth nothing are not eligible", b: pct("10"), lines: []promo.Line{promotest.Line("a", "1", "0")},
			want: bnGot{Codes: noEligible}},
	})
}

func TestItemAmountOff(t *testing.T) {
	off := func(s string) benefit.Benefit { return benefit.ItemAmountOff(testkit.Dec(s)) }
	runBnCases(t, []bnCase{
		{
			// a: 2 units × 5.00 = 10.00; b: 5.00 off a 3.50 unit is 3.50,
			// with a discount_capped note; c: 0.5 kg × 5.00 = 2.50.
			name: "per unit, capped at the unit's value", b: off("5.00"),
			lines: []promo.Line{promotest.Line("a", "2", "12.00"), promotest.Line("b", "1", "3.50"), bnWeighed("c", "0.5", "20.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "b": item("3.50"), "c": item("2.50")}, Codes: appliedCut, Occ: 1},
		},
		{name: "no unit cheaper than the amount: no note", b: off("5.00"),
			lines: []promo.Line{promotest.Line("a", "2", "12.00"), bnWeighed("c", "0.5", "20.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "c": item("2.50")}, Codes: applied, Occ: 1}},
		{name: "every unit cheaper than the amount", b: off("5.00"), lines: []promo.Line{promotest.Line("a", "3", "4.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": item("12.00")}, Codes: appliedCut, Occ: 1}},
		{name: "lowest unit only", b: off("15.00"), scope: benefit.Scope{Select: benefit.Lowest}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"d": item("10.00")}, Codes: appliedCut, Occ: 1}},
		{name: "highest unit only, not capped", b: off("15.00"), scope: benefit.Scope{Select: benefit.Highest}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("15.00")}, Codes: applied, Occ: 1}},
	})
}

func TestItemFinalPrice(t *testing.T) {
	fp := func(s string) benefit.Benefit { return benefit.ItemFinalPrice(testkit.Dec(s)) }
	runBnCases(t, []bnCase{
		{
			// a: 2 × 39.90 = 79.80 - 2 × 25.00 = 29.80; b is already below 25.00.
			name: "units above the final price", b: fp("25.00"),
			lines: []promo.Line{promotest.Line("a", "2", "39.90"), promotest.Line("b", "1", "19.90")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("29.80")}, Codes: applied, Occ: 1},
		},
		{name: "every unit already cheaper", b: fp("25.00"), lines: []promo.Line{promotest.Line("b", "1", "19.90")},
			want: bnGot{Codes: nothing}},
		// 0.5 kg × 30.00 = 15.00; at 25.00/kg it costs 12.50.
		{name: "per kg on a weighed line", b: fp("25.00"), lines: []promo.Line{bnWeighed("w", "0.5", "30.00")},
			want: bnGot{Adj: map[string]bnAdj{"w": item("2.50")}, Codes: applied, Occ: 1}},
		{name: "highest unit only", b: fp("30.00"), scope: benefit.Scope{Select: benefit.Highest}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("70.00")}, Codes: applied, Occ: 1}},
	})
}

// bnRecorder is bnPromo that keeps the last proposal its benefit made.
type bnRecorder struct {
	bnPromo
	got *promo.Proposal
}

func (r bnRecorder) Apply(v *promo.View) promo.Proposal {
	p := r.bnPromo.Apply(v)
	*r.got = p
	return p
}

// A group's members are the units it took, and only those: the unit left
// over is neither grouped nor a participant.
func TestFreeUnitsMembers(t *testing.T) {
	var got promo.Proposal
	// 10 10 10 | 5: a's three units make the group, b's is left over.
	bnRunAll(t, promo.Settings{}, []promo.Promotion{bnRecorder{bnPromo{b: benefit.FreeUnits(3, 1)}, &got}},
		promotest.Line("a", "3", "10.00"), promotest.Line("b", "1", "5.00"))
	if diff := cmp.Diff([]promo.RunUnits{{Line: 0, Run: 0, Units: 3}}, got.Grouped); diff != "" {
		t.Errorf("grouped (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]promo.Participant{{Line: 0, Units: 3}}, got.Participants); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
}

func TestFreeUnits(t *testing.T) {
	three := func() []promo.Line {
		return []promo.Line{promotest.Line("a", "1", "50.00"), promotest.Line("b", "2", "10.00"), promotest.Line("c", "3", "30.00")}
	}
	runBnCases(t, []bnCase{
		{
			// Units from the most expensive: 50 30 30 | 30 10 10; the
			// cheapest of each group is free: a 30 (c) and a 10 (b).
			name: "leve 3 pague 2, cheapest free", b: benefit.FreeUnits(3, 1), lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"c": free("30.00"), "b": free("10.00")}, Codes: applied, Occ: 2},
		},
		{name: "lowest is the same as all", b: benefit.FreeUnits(3, 1), scope: benefit.Scope{Select: benefit.Lowest}, lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"c": free("30.00"), "b": free("10.00")}, Codes: applied, Occ: 2}},
		{
			// Highest: the first (most expensive) unit of each group: 50 (a), 30 (c).
			name: "highest free", b: benefit.FreeUnits(3, 1), scope: benefit.Scope{Select: benefit.Highest}, lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"a": free("50.00"), "c": free("30.00")}, Codes: applied, Occ: 2},
		},
		{
			// 50 30 30 | 30 10 10 | 5: the seventh unit makes no group.
			name: "units left over", b: benefit.FreeUnits(3, 1), lines: append(three(), promotest.Line("d", "1", "5.00")),
			want: bnGot{Adj: map[string]bnAdj{"c": free("30.00"), "b": free("10.00")}, Codes: applied, Occ: 2},
		},
		{
			// Capped at one group: 50 30 30, the 30 is free.
			name: "max repetitions", b: benefit.FreeUnits(3, 1), scope: benefit.Scope{MaxRepetitions: 1}, lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"c": free("30.00")}, Codes: appliedCap, Occ: 1},
		},
		{name: "max repetitions not reached", b: benefit.FreeUnits(3, 1), scope: benefit.Scope{MaxRepetitions: 2}, lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"c": free("30.00"), "b": free("10.00")}, Codes: applied, Occ: 2}},
		{
			name: "weighed lines do not count", b: benefit.FreeUnits(3, 1),
			lines: []promo.Line{promotest.Line("a", "2", "10.00"), bnWeighed("w", "3", "10.00"), promotest.Line("f", "1.5", "10.00")},
			want:  bnGot{Codes: tooFewUnits},
		},
		{
			// Equal prices are lined up by line id: a a b, so b's unit is
			// last and free, though b comes first in the cart.
			name: "ties by line id", b: benefit.FreeUnits(3, 1),
			lines: []promo.Line{promotest.Line("b", "1", "10.00"), promotest.Line("a", "2", "10.00")},
			want:  bnGot{Adj: map[string]bnAdj{"b": free("10.00")}, Codes: applied, Occ: 1},
		},
		{name: "leve 2 pague 1 on one line", b: benefit.FreeUnits(2, 1), lines: []promo.Line{promotest.Line("a", "5", "8.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": free("16.00")}, Codes: applied, Occ: 2}},
		{
			// 20 20 10 10: the two cheapest are free (leve 4 pague 2).
			name: "leve 4 pague 2", b: benefit.FreeUnits(4, 2),
			lines: []promo.Line{promotest.Line("a", "2", "20.00"), promotest.Line("b", "2", "10.00")},
			want:  bnGot{Adj: map[string]bnAdj{"b": free("20.00")}, Codes: applied, Occ: 1},
		},
		{name: "leve 4 pague 2, highest", b: benefit.FreeUnits(4, 2), scope: benefit.Scope{Select: benefit.Highest},
			lines: []promo.Line{promotest.Line("a", "2", "20.00"), promotest.Line("b", "2", "10.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": free("40.00")}, Codes: applied, Occ: 1}},
	})
}

func TestHighestLowest(t *testing.T) {
	half := benefit.ItemPercent(testkit.Dec("50"))
	runBnCases(t, []bnCase{
		// 100 60 | 40 10 in groups of 2.
		{name: "highest of each group", b: half, scope: benefit.Scope{Select: benefit.Highest, GroupSize: 2}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("50.00"), "c": item("20.00")}, Codes: applied, Occ: 2}},
		{name: "lowest of each group", b: half, scope: benefit.Scope{Select: benefit.Lowest, GroupSize: 2}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"b": item("30.00"), "d": item("5.00")}, Codes: applied, Occ: 2}},
		// No group size: one group of every whole unit.
		{name: "highest, no group", b: half, scope: benefit.Scope{Select: benefit.Highest}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("50.00")}, Codes: applied, Occ: 1}},
		{name: "lowest, no group", b: half, scope: benefit.Scope{Select: benefit.Lowest}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"d": item("5.00")}, Codes: applied, Occ: 1}},
		{name: "highest ignores weighed lines", b: half, scope: benefit.Scope{Select: benefit.Highest},
			lines: append(bnFour(), bnWeighed("e", "2.5", "80.00")),
			want:  bnGot{Adj: map[string]bnAdj{"a": item("50.00")}, Codes: applied, Occ: 1}},
		{name: "highest, capped", b: half, scope: benefit.Scope{Select: benefit.Highest, GroupSize: 2, MaxRepetitions: 1}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("50.00")}, Codes: appliedCap, Occ: 1}},
		{
			// 10 10 | 10 4: the cheapest of each is one 10.00 unit of a and
			// the 4.00 unit of b.
			name: "one unit of a line", b: half, scope: benefit.Scope{Select: benefit.Lowest, GroupSize: 2},
			lines: []promo.Line{promotest.Line("a", "3", "10.00"), promotest.Line("b", "1", "4.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("5.00"), "b": item("2.00")}, Codes: applied, Occ: 2},
		},
		{name: "not enough units for a group", b: half, scope: benefit.Scope{Select: benefit.Highest, GroupSize: 3},
			lines: []promo.Line{promotest.Line("a", "2", "10.00"), bnWeighed("w", "1", "10.00")},
			want:  bnGot{Codes: tooFewUnits}},
		{name: "no whole units at all", b: half, scope: benefit.Scope{Select: benefit.Lowest},
			lines: []promo.Line{bnWeighed("w", "0.7", "10.00")},
			want:  bnGot{Codes: tooFewUnits}},
		// 3 × 3.33 = 9.99; one unit is 3.33 and half of it is 1.665.
		{name: "unit value rounded once, half_even", b: half, scope: benefit.Scope{Select: benefit.Highest},
			lines: []promo.Line{promotest.Line("a", "3", "3.33")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("1.66")}, Codes: applied, Occ: 1}},
		{name: "unit value rounded once, half_up", b: half, mode: promo.HalfUp, scope: benefit.Scope{Select: benefit.Highest},
			lines: []promo.Line{promotest.Line("a", "3", "3.33")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("1.67")}, Codes: applied, Occ: 1}},
		{name: "equal prices: the lower line id is first", b: half, scope: benefit.Scope{Select: benefit.Highest},
			lines: []promo.Line{promotest.Line("b", "1", "10.00"), promotest.Line("a", "1", "10.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": item("5.00")}, Codes: applied, Occ: 1}},
	})
}

func TestAllWithRepetitions(t *testing.T) {
	ten := benefit.ItemPercent(testkit.Dec("10"))
	runBnCases(t, []bnCase{
		// 100 60 | 40 10: every unit of the first group only.
		{name: "all units of the first group", b: ten, scope: benefit.Scope{GroupSize: 2, MaxRepetitions: 1}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "b": item("6.00")}, Codes: appliedCap, Occ: 1}},
		{name: "cap above the groups", b: ten, scope: benefit.Scope{GroupSize: 2, MaxRepetitions: 5}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "b": item("6.00"), "c": item("4.00"), "d": item("1.00")}, Codes: applied, Occ: 2}},
		// No group size: each unit is an occurrence; the two most expensive.
		{name: "no group size: one unit per occurrence", b: ten, scope: benefit.Scope{MaxRepetitions: 2}, lines: bnFour(),
			want: bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "b": item("6.00")}, Codes: appliedCap, Occ: 2}},
		// No cap: the group size only activates; every unit, weighed too
		// (2.5 × 80.00 = 200.00, 10 % = 20.00).
		{name: "no cap: every unit", b: ten, scope: benefit.Scope{GroupSize: 2}, lines: append(bnFour(), bnWeighed("e", "2.5", "80.00")),
			want: bnGot{Adj: map[string]bnAdj{"a": item("10.00"), "b": item("6.00"), "c": item("4.00"), "d": item("1.00"), "e": item("20.00")}, Codes: applied, Occ: 1}},
	})
}

func TestBenefitsOnSale(t *testing.T) {
	pct := func(s string) benefit.Benefit { return benefit.SalePercent(testkit.Dec(s)) }
	amt := func(s string) benefit.Benefit { return benefit.SaleAmount(testkit.Dec(s)) }
	three := func() []promo.Line {
		return []promo.Line{promotest.Line("a", "1", "100.00"), promotest.Line("b", "1", "33.33"), promotest.Line("c", "2", "16.66")}
	}
	runBnCases(t, []bnCase{
		{
			// Total 100.00 + 33.33 + 33.32 = 166.65; 10 % = 16.665 -> 16.66.
			// 1666 cents: a 166600/166.65 = 999 r 116.65; b 333 r 33.33;
			// c 333 r 16.67; the cent left goes to a.
			name: "percent, half_even", b: pct("10"), lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"a": sale("10.00"), "b": sale("3.33"), "c": sale("3.33")}, Codes: applied, Occ: 1},
		},
		{
			// 16.665 -> 16.67. 1667 cents: a 1000 r 50; b 333 r 66.66;
			// c 333 r 49.99; the cent left goes to b.
			name: "percent, half_up", b: pct("10"), mode: promo.HalfUp, lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"a": sale("10.00"), "b": sale("3.34"), "c": sale("3.33")}, Codes: applied, Occ: 1},
		},
		{name: "percent, truncate", b: pct("10"), mode: promo.Truncate, lines: three(),
			want: bnGot{Adj: map[string]bnAdj{"a": sale("10.00"), "b": sale("3.33"), "c": sale("3.33")}, Codes: applied, Occ: 1}},
		{
			// 0.735 × 9.99 = 7.34265 -> 7.34; total 10.00; 15 % = 1.50.
			// 150 cents: 1101/10 = 110 r 1; 399/10 = 39 r 9 -> b.
			name: "percent over a weighed line", b: pct("15"),
			lines: []promo.Line{bnWeighed("a", "0.735", "9.99"), promotest.Line("b", "1", "2.66")},
			want:  bnGot{Adj: map[string]bnAdj{"a": sale("1.10"), "b": sale("0.40")}, Codes: applied, Occ: 1},
		},
		{name: "100 percent", b: pct("100"), lines: []promo.Line{promotest.Line("a", "1", "30.00"), promotest.Line("b", "1", "20.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": sale("30.00"), "b": sale("20.00")}, Codes: applied, Occ: 1}},
		// 10.00 over 30.00 and 20.00: 6.00 and 4.00.
		{name: "amount", b: amt("10.00"), lines: []promo.Line{promotest.Line("a", "1", "30.00"), promotest.Line("b", "1", "20.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": sale("6.00"), "b": sale("4.00")}, Codes: applied, Occ: 1}},
		{name: "amount above the total is capped", b: amt("80.00"), lines: []promo.Line{promotest.Line("a", "1", "30.00"), promotest.Line("b", "1", "20.00")},
			want: bnGot{Adj: map[string]bnAdj{"a": sale("30.00"), "b": sale("20.00")}, Codes: appliedCut, Occ: 1}},
		// 3.00 over a (10.00) and c (20.00) only: 1.00 and 2.00.
		{name: "only the scope's lines", b: amt("3.00"), scope: benefit.Scope{Lines: []int{0, 2}},
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("b", "1", "10.00"), promotest.Line("c", "1", "20.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": sale("1.00"), "c": sale("2.00")}, Codes: applied, Occ: 1}},
		{name: "a line worth nothing takes no share", b: amt("1.00"),
			lines: []promo.Line{promotest.Line("z", "1", "0"), promotest.Line("a", "1", "10.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": sale("1.00")}, Codes: applied, Occ: 1}},
		{name: "every line worth nothing", b: amt("1.00"), lines: []promo.Line{promotest.Line("z", "1", "0")},
			want: bnGot{Codes: noEligible}},
		{
			// One cent over two lines worth 5.00: a tie, broken by line
			// rank (line id order), so "a" gets it whatever the cart order.
			name: "apportionment tie by line id", b: amt("0.01"),
			lines: []promo.Line{promotest.Line("b", "1", "5.00"), promotest.Line("a", "1", "5.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": sale("0.01")}, Codes: applied, Occ: 1},
		},
		{name: "apportionment tie by line id, cart in id order", b: amt("0.01"),
			lines: []promo.Line{promotest.Line("a", "1", "5.00"), promotest.Line("b", "1", "5.00")},
			want:  bnGot{Adj: map[string]bnAdj{"a": sale("0.01")}, Codes: applied, Occ: 1}},
	})
}

func TestCapReasonSaleAmount(t *testing.T) {
	res := bnRun(t, benefit.SaleAmount(testkit.Dec("80")), benefit.Scope{}, promo.HalfEven,
		promotest.Line("a", "1", "30.00"), promotest.Line("b", "1", "20.00"))
	want := promo.Reason{Code: promo.ReasonDiscountCapped,
		PT: "o desconto de R$ 80,00 foi limitado ao total de R$ 50,00",
		EN: "the discount of R$ 80.00 was capped at the total of R$ 50.00"}
	if len(res.Trace) != 1 || len(res.Trace[0].Reasons) != 2 {
		t.Fatalf("trace = %+v, want one entry with two reasons", res.Trace)
	}
	if diff := cmp.Diff(want, res.Trace[0].Reasons[1]); diff != "" {
		t.Errorf("cap reason (-want +got):\n%s", diff)
	}
}

func TestAmountOffCapReason(t *testing.T) {
	res := bnRun(t, benefit.ItemAmountOff(testkit.Dec("5")), benefit.Scope{}, promo.HalfEven, promotest.Line("a", "1", "3.50"))
	want := promo.Reason{Code: promo.ReasonDiscountCapped,
		PT: "o desconto de R$ 5,00 por unidade foi limitado ao preço de unidades mais baratas",
		EN: "the discount of R$ 5.00 per unit was capped at the price of cheaper units"}
	if len(res.Trace) != 1 || len(res.Trace[0].Reasons) != 2 {
		t.Fatalf("trace = %+v, want one entry with two reasons", res.Trace)
	}
	if diff := cmp.Diff(want, res.Trace[0].Reasons[1]); diff != "" {
		t.Errorf("cap reason (-want +got):\n%s", diff)
	}
}

func TestRepetitionCapReason(t *testing.T) {
	tests := []struct {
		max    int
		pt, en string
		off    string
	}{
		// Units: 5 5 | 5 5 | 5 5, capped at one group: one 5.00 unit free.
		{1, "limite de 1 repetição por venda atingido", "cap of 1 repetition per sale reached", "5.00"},
		// Capped at two groups: two units free.
		{2, "limite de 2 repetições por venda atingido", "cap of 2 repetitions per sale reached", "10.00"},
	}
	for _, tt := range tests {
		res := bnRun(t, benefit.FreeUnits(2, 1), benefit.Scope{MaxRepetitions: tt.max}, promo.HalfEven, promotest.Line("a", "6", "5.00"))
		want := promo.Reason{Code: promo.ReasonRepetitionCap, PT: tt.pt, EN: tt.en}
		if len(res.Trace) != 1 || len(res.Trace[0].Reasons) != 2 {
			t.Fatalf("trace = %+v, want one entry with two reasons", res.Trace)
		}
		if diff := cmp.Diff(want, res.Trace[0].Reasons[1]); diff != "" {
			t.Errorf("max %d: cap reason (-want +got):\n%s", tt.max, diff)
		}
		if got := res.Lines[0].Discount; !got.Equal(testkit.Dec(tt.off)) {
			t.Errorf("max %d: discount (-want +got):\n-%s\n+%s", tt.max, tt.off, got)
		}
	}
}

func TestTooFewUnitsReason(t *testing.T) {
	res := bnRun(t, benefit.FreeUnits(3, 1), benefit.Scope{}, promo.HalfEven,
		promotest.Line("a", "2", "10.00"), bnWeighed("w", "3", "10.00"))
	want := promo.Reason{Code: promo.ReasonMinQuantity,
		PT: "são necessárias 3 unidades inteiras elegíveis: há 2",
		EN: "3 whole eligible units are needed: there are 2",
		// One more unit, like line a (the weighed line does not count).
		Missing: &promo.Shortfall{Quantity: 1, Like: "a"}}
	if diff := cmp.Diff([]promo.Reason{want}, res.Trace[0].Reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}

func TestPhasesAndSelection(t *testing.T) {
	phases := []struct {
		b    benefit.Benefit
		want promo.Phase
	}{
		{benefit.ItemPercent(testkit.Dec("1")), promo.PhaseItem},
		{benefit.ItemAmountOff(testkit.Dec("1")), promo.PhaseItem},
		{benefit.ItemFinalPrice(testkit.Dec("1")), promo.PhaseItem},
		{benefit.FreeUnits(3, 1), promo.PhaseItem},
		{benefit.SalePercent(testkit.Dec("1")), promo.PhaseSale},
		{benefit.SaleAmount(testkit.Dec("1")), promo.PhaseSale},
	}
	for i, p := range phases {
		if got := p.b.Phase(); got != p.want {
			t.Errorf("benefit %d: Phase (-want +got):\n-%v\n+%v", i, p.want, got)
		}
	}
	parse := []struct {
		in      string
		want    benefit.Selection
		wantErr bool
	}{
		{"", benefit.All, false},
		{"all", benefit.All, false},
		{"highest", benefit.Highest, false},
		{"lowest", benefit.Lowest, false},
		{"maior", benefit.All, true},
		{"Highest", benefit.All, true},
	}
	for _, tt := range parse {
		got, err := benefit.ParseSelection(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseSelection(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if !tt.wantErr && tt.in != "" && got.String() != tt.in {
			t.Errorf("Selection.String() = %q, want %q", got.String(), tt.in)
		}
	}
	if got := benefit.Selection(9).String(); got != "Selection(9)" {
		t.Errorf("Selection(9).String() = %q", got)
	}
}

// A line whose discount rounds to nothing got no benefit: the units that
// an item limit or a budget of units counts leave it out. A unit at 10.00
// takes 0.01; a gram of a product at 10.00/kg would take 0.00001.
func TestUnitsCountOnlyLinesThatGetACent(t *testing.T) {
	res := bnRun(t, benefit.ItemAmountOff(testkit.Dec("0.01")), benefit.Scope{}, promo.HalfEven,
		promotest.Line("a", "1", "10.00"), bnWeighed("g", "0.001", "10.00"))
	if diff := cmp.Diff(bnGot{Adj: map[string]bnAdj{"a": item("0.01")}, Codes: applied, Occ: 1}, bnSummary(res), testkit.EquateDecimals()); diff != "" {
		t.Fatalf("adjustments (-want +got):\n%s", diff)
	}
	if len(res.Applied) != 1 || res.Applied[0].Units != 1 {
		t.Fatalf("applied %+v: want one application of 1 unit", res.Applied)
	}
}

func TestItemOnZeroedUnits(t *testing.T) {
	// A "leve 2 pague 1" runs first and leaves w one unit at 5.00 and one
	// at zero: 3.00 off each unit takes 3.00 off the one that still costs
	// something, not 6.00 capped at 5.00.
	res := bnRunAll(t, promo.Settings{}, []promo.Promotion{
		bnPromo{b: benefit.FreeUnits(2, 1), id: "leve-2", priority: 1},
		bnPromo{b: benefit.ItemAmountOff(testkit.Dec("3.00")), id: "off", priority: 2},
	}, promotest.Line("w", "2", "5.00"))
	want := []bnAdj{free("5.00"), item("3.00")}
	if diff := cmp.Diff(want, bnAdjustments(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("adjustments (-want +got):\n%s", diff)
	}
}
