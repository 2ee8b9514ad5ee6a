package benefit_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// tgPromo hands a targeted item benefit its qualifying and target lines:
// lines whose product code starts with Q qualify, with T are targets, with
// B are both.
type tgPromo struct {
	b    benefit.Benefit
	m, n int64
	sel  benefit.Selection
	// maxReps and maxTaken are the scope's MaxRepetitions and MaxTaken.
	maxReps  int
	maxTaken int64
}

func (p tgPromo) Info() promo.Info { return promo.Info{ID: "t", Name: "t", Phase: promo.PhaseItem} }
func (p tgPromo) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p tgPromo) Apply(v *promo.View) promo.Proposal {
	s := benefit.Scope{GroupSize: p.m, TargetQuantity: p.n, Select: p.sel, MaxRepetitions: p.maxReps, MaxTaken: p.maxTaken}
	for i := 0; i < v.Len(); i++ {
		switch v.Line(i).ProductCode[0] {
		case 'Q':
			s.Lines = append(s.Lines, i)
		case 'T':
			s.Target = append(s.Target, i)
		default:
			s.Lines, s.Target = append(s.Lines, i), append(s.Target, i)
		}
	}
	return p.b.Apply(v, s)
}

// TestPropertyTargetedOccurrences: a targeted benefit ("compre M, leve N")
// forms as many occurrences as the units allow — checked against a search
// over every way of sharing the units that could be either — no unit
// takes part twice, and exactly N units per occurrence get the benefit.
func TestPropertyTargetedOccurrences(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := int64(rapid.IntRange(1, 3).Draw(t, "m"))
		n := int64(rapid.IntRange(1, 3).Draw(t, "n"))
		var lines []promo.Line
		units := map[byte]int64{}
		for i := range rapid.IntRange(1, 5).Draw(t, "lines") {
			kind := rapid.SampledFrom([]byte("QTB")).Draw(t, "kind")
			q := int64(rapid.IntRange(1, 6).Draw(t, "qty"))
			units[kind] += q
			lines = append(lines, promo.Line{ID: fmt.Sprint(i), ProductCode: string(kind) + fmt.Sprint(i), Quantity: decimal.NewFromInt(q),
				UnitPrice: decimal.New(int64(rapid.IntRange(100, 5000).Draw(t, "cents")), -2)})
		}
		sel := rapid.SampledFrom([]benefit.Selection{benefit.Lowest, benefit.Highest}).Draw(t, "select")
		rs := promotest.NewRuleset(t, promo.Settings{}, tgPromo{b: benefit.ItemPercent(decimal.NewFromInt(50)), m: m, n: n, sel: sel})
		res := promotest.Evaluate(t, promo.Cart{ID: "s", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"}, Lines: lines}, rs)
		// The most occurrences any sharing of the B units allows.
		var best int64
		for k := int64(1); ; k++ {
			ok := false
			for a := int64(0); a <= units['B']; a++ {
				if m*k <= units['Q']+a && n*k <= units['T']+units['B']-a {
					ok = true
				}
			}
			if !ok {
				break
			}
			best = k
		}
		got := int64(0)
		if len(res.Applied) == 1 {
			got = int64(res.Applied[0].Occurrences)
			if res.Applied[0].Units != n*got {
				t.Fatalf("%d units got the benefit, want %d × %d", res.Applied[0].Units, n, got)
			}
			for _, pt := range res.Applied[0].Participants {
				for _, l := range lines {
					if l.ID == pt.Line && pt.Units.GreaterThan(l.Quantity) {
						t.Fatalf("line %s: %s units took part, it has %s", l.ID, pt.Units, l.Quantity)
					}
				}
			}
			var total decimal.Decimal
			for _, pt := range res.Applied[0].Participants {
				total = total.Add(pt.Units)
			}
			if !total.Equal(decimal.NewFromInt((m + n) * got)) {
				t.Fatalf("%s units took part, want (%d + %d) × %d", total, m, n, got)
			}
		}
		if got != best {
			t.Fatalf("M %d N %d, units %v: %d occurrences, the units allow %d", m, n, units, got, best)
		}
		// Only target units (T or B) are discounted.
		for _, l := range res.Lines {
			if l.Discount.Sign() > 0 {
				for _, c := range lines {
					if c.ID == l.ID && c.ProductCode[0] == 'Q' {
						t.Fatalf("qualifying line %s discounted", l.ID)
					}
				}
			}
		}
	})
}

// participants maps the line ids that took part in the result's one
// application to their units.
func participants(res promo.Result) map[string]string {
	out := map[string]string{}
	for _, a := range res.Applied {
		for _, pt := range a.Participants {
			out[pt.Line] = pt.Units.String()
		}
	}
	return out
}

func TestTargeted(t *testing.T) {
	half := benefit.ItemPercent(decimal.NewFromInt(50))
	limited := []promo.ReasonCode{promo.ReasonApplied, benefit.ReasonLimitUnits}
	// q: 3 qualifying units at 10.00; t: 3 target units at 4.00.
	qt := func() []promo.Line {
		return []promo.Line{{ID: "q", ProductCode: "Q1", Quantity: testkit.Dec("3"), UnitPrice: testkit.Dec("10.00")},
			{ID: "t", ProductCode: "T1", Quantity: testkit.Dec("3"), UnitPrice: testkit.Dec("4.00")}}
	}
	// One qualifying unit, two target lines of one unit: 8.00 and 4.00.
	twoTargets := func() []promo.Line {
		return []promo.Line{{ID: "q", ProductCode: "Q1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")},
			{ID: "t8", ProductCode: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("8.00")},
			{ID: "t4", ProductCode: "T2", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("4.00")}}
	}
	// Lines both qualifying and targeted: 4 units at 10.00, 3 at 6.00.
	shared := func() []promo.Line {
		return []promo.Line{{ID: "c", ProductCode: "B1", Quantity: testkit.Dec("4"), UnitPrice: testkit.Dec("10.00")},
			{ID: "d", ProductCode: "B2", Quantity: testkit.Dec("3"), UnitPrice: testkit.Dec("6.00")}}
	}
	tests := []struct {
		name  string
		p     tgPromo
		lines []promo.Line
		want  bnGot
		parts map[string]string
	}{
		{
			// "Compre 1, leve 1 com 50 %": one occurrence; the cheapest
			// target (4.00) gets 2.00 off.
			name: "the cheapest target", p: tgPromo{b: half, m: 1, n: 1}, lines: twoTargets(),
			want:  bnGot{Adj: map[string]bnAdj{"t4": item("2.00")}, Codes: applied, Occ: 1},
			parts: map[string]string{"q": "1", "t4": "1"},
		},
		{
			name: "the dearest target with highest", p: tgPromo{b: half, m: 1, n: 1, sel: benefit.Highest}, lines: twoTargets(),
			want:  bnGot{Adj: map[string]bnAdj{"t8": item("4.00")}, Codes: applied, Occ: 1},
			parts: map[string]string{"q": "1", "t8": "1"},
		},
		{
			// 3 + 3 units make 3 occurrences, capped at 2: 2 target units.
			name: "repetition cap", p: tgPromo{b: half, m: 1, n: 1, maxReps: 2}, lines: qt(),
			want:  bnGot{Adj: map[string]bnAdj{"t": item("4.00")}, Codes: appliedCap, Occ: 2},
			parts: map[string]string{"q": "2", "t": "2"},
		},
		{
			name: "repetitions at the cap", p: tgPromo{b: half, m: 1, n: 1, maxReps: 3}, lines: qt(),
			want:  bnGot{Adj: map[string]bnAdj{"t": item("6.00")}, Codes: applied, Occ: 3},
			parts: map[string]string{"q": "3", "t": "3"},
		},
		{
			// 5 items left under the limit: 2 occurrences of 2 items.
			name: "an item limit", p: tgPromo{b: half, m: 1, n: 1, maxTaken: 5}, lines: qt(),
			want:  bnGot{Adj: map[string]bnAdj{"t": item("4.00")}, Codes: limited, Occ: 2},
			parts: map[string]string{"q": "2", "t": "2"},
		},
		{
			name: "an item limit that does not bind", p: tgPromo{b: half, m: 1, n: 1, maxTaken: 6}, lines: qt(),
			want:  bnGot{Adj: map[string]bnAdj{"t": item("6.00")}, Codes: applied, Occ: 3},
			parts: map[string]string{"q": "3", "t": "3"},
		},
		{
			name: "an item limit below one occurrence", p: tgPromo{b: half, m: 1, n: 1, maxTaken: 1}, lines: qt(),
			want:  bnGot{Codes: []promo.ReasonCode{benefit.ReasonLimitReached}},
			parts: map[string]string{},
		},
		{
			// No qualifying quantity: one occurrence of the 2 cheapest
			// target units, the rules having qualified the sale.
			name: "no qualifying quantity", p: tgPromo{b: half, m: 0, n: 2}, lines: qt(),
			want:  bnGot{Adj: map[string]bnAdj{"t": item("4.00")}, Codes: applied, Occ: 1},
			parts: map[string]string{"t": "2"},
		},
		{
			// Exactly the 2 target units needed, on a shared line.
			name: "no qualifying quantity, shared units", p: tgPromo{b: half, m: 0, n: 2},
			lines: []promo.Line{{ID: "c", ProductCode: "B1", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("6.00")}},
			want:  bnGot{Adj: map[string]bnAdj{"c": item("6.00")}, Codes: applied, Occ: 1},
			parts: map[string]string{"c": "2"},
		},
		{
			// 7 shared units: 3 occurrences of 1 + 1. The buyers are the
			// 3 dearest (c c c); the targets the 3 cheapest (d d d).
			name: "shared lines, the cheapest targets", p: tgPromo{b: half, m: 1, n: 1}, lines: shared(),
			want:  bnGot{Adj: map[string]bnAdj{"d": item("9.00")}, Codes: applied, Occ: 3},
			parts: map[string]string{"c": "3", "d": "3"},
		},
		{
			// With highest, the targets are the next 3 after the buyers:
			// c d d.
			name: "shared lines, the dearest targets", p: tgPromo{b: half, m: 1, n: 1, sel: benefit.Highest}, lines: shared(),
			want:  bnGot{Adj: map[string]bnAdj{"c": item("5.00"), "d": item("6.00")}, Codes: applied, Occ: 3},
			parts: map[string]string{"c": "4", "d": "2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, tt.p)
			res := promotest.Evaluate(t, promo.Cart{ID: "s", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"}, Lines: tt.lines}, rs)
			want := tt.want
			if want.Adj == nil {
				want.Adj = map[string]bnAdj{}
			}
			if diff := cmp.Diff(want, bnSummary(res), testkit.EquateDecimals()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.parts, participants(res)); diff != "" {
				t.Errorf("participants (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTargetedReasons(t *testing.T) {
	half := benefit.ItemPercent(decimal.NewFromInt(50))
	line := func(id, code, qty string) promo.Line {
		return promo.Line{ID: id, ProductCode: code, Quantity: testkit.Dec(qty), UnitPrice: testkit.Dec("10.00")}
	}
	tests := []struct {
		name  string
		p     tgPromo
		lines []promo.Line
		want  promo.Reason
	}{
		{
			// 1 qualifying unit and 1 shared: 2 that may qualify, 1 that
			// may be the target, but 3 are needed.
			name: "too few units", p: tgPromo{b: half, m: 2, n: 1}, lines: []promo.Line{line("a", "Q1", "1"), line("c", "B1", "1")},
			want: promo.Reason{Code: promo.ReasonMinQuantity,
				PT: "cada ocorrência precisa de 2 unidades elegíveis e 1 do alvo: há 2 e 1",
				EN: "each occurrence needs 2 eligible units and 1 of the target: there are 2 and 1"},
		},
		{
			name: "too few target units", p: tgPromo{b: half, m: 1, n: 2}, lines: []promo.Line{line("a", "Q1", "3"), line("t", "T1", "1")},
			want: promo.Reason{Code: promo.ReasonMinQuantity,
				PT: "cada ocorrência precisa de 1 unidade elegíveis e 2 do alvo: há 3 e 1",
				EN: "each occurrence needs 1 eligible unit and 2 of the target: there are 3 and 1"},
		},
		{
			// t costs nothing already (a gift zeroed it): no unit of the
			// target can get the benefit.
			name: "a target that costs nothing", p: tgPromo{b: half, m: 1, n: 1},
			lines: []promo.Line{line("a", "Q1", "1"), {ID: "t", ProductCode: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("0.00")}},
			want: promo.Reason{Code: promo.ReasonMinQuantity,
				PT: "cada ocorrência precisa de 1 unidade elegíveis e 1 do alvo: há 1 e 0",
				EN: "each occurrence needs 1 eligible unit and 1 of the target: there are 1 and 0"},
		},
		{
			name: "a limit below one occurrence", p: tgPromo{b: half, m: 2, n: 1, maxTaken: 2},
			lines: []promo.Line{line("a", "Q1", "4"), line("t", "T1", "2")},
			want: promo.Reason{Code: benefit.ReasonLimitReached,
				PT: "limite de ativações: restam 2 itens, uma ocorrência leva 3",
				EN: "activation limit: 2 items left, one occurrence takes 3"},
		},
		{
			// 4 + 2 units make 2 occurrences of 3; 5 items left: one.
			name: "a limit", p: tgPromo{b: half, m: 2, n: 1, maxTaken: 5},
			lines: []promo.Line{line("a", "Q1", "4"), line("t", "T1", "2")},
			want: promo.Reason{Code: benefit.ReasonLimitUnits,
				PT: "limite de ativações: só 3 itens ainda entram na promoção",
				EN: "activation limit: only 3 items still taken under the promotion"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, tt.p)
			res := promotest.Evaluate(t, promo.Cart{ID: "s", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"}, Lines: tt.lines}, rs)
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

func TestTargetedParticipantsByLine(t *testing.T) {
	// "Compre 1, leve 2 com 50 %" on s (both sides, 2 at 10.00) and t
	// (target, 1 at 4.00): the buyer is one s, the targets t and the other
	// s. Each line takes part once, in cart line order.
	rs := promotest.NewRuleset(t, promo.Settings{}, tgPromo{b: benefit.ItemPercent(decimal.NewFromInt(50)), m: 1, n: 2})
	res, err := promo.Evaluate(promo.Cart{ID: "s", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"},
		Lines: []promo.Line{{ID: "s", ProductCode: "B1", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("10.00")},
			{ID: "t", ProductCode: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("4.00")}}}, rs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 {
		t.Fatalf("applied = %+v, want one application", res.Applied)
	}
	want := []promo.Participation{{Line: "s", Units: testkit.Dec("2")}, {Line: "t", Units: testkit.Dec("1")}}
	if diff := cmp.Diff(want, res.Applied[0].Participants, testkit.EquateDecimals()); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bnAdj{"s": item("5.00"), "t": item("2.00")}, bnSummary(res).Adj, testkit.EquateDecimals()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A targeted benefit of two or more units per occurrence groups its
// buyers and targets, so a later grouped campaign cannot use them; one of
// a single target unit ("leve 1 com 50 %", no buyer) groups nothing.
func TestTargetedGroupsItsUnits(t *testing.T) {
	type applied struct {
		Campaign string
		Amount   decimal.Decimal
	}
	half := benefit.ItemPercent(decimal.NewFromInt(50))
	tests := []struct {
		name string
		p    tgPromo
		want []applied
	}{
		{
			// q buys t at 50 % (5.00): both are grouped, the "leve 2 pague
			// 1" finds no units.
			name: "buy 1, get 1", p: tgPromo{b: half, m: 1, n: 1},
			want: []applied{{"t", testkit.Dec("5.00")}},
		},
		{
			// t at 50 % (5.00), nothing grouped: the "leve 2 pague 1"
			// groups q (20.00) and t (5.00 left) and gives the cheaper,
			// 5.00.
			name: "get 1, no buyer", p: tgPromo{b: half, m: 0, n: 1},
			want: []applied{{"t", testkit.Dec("5.00")}, {"leve-2", testkit.Dec("5.00")}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, tt.p,
				bnPromo{b: benefit.FreeUnits(2, 1), id: "leve-2", priority: 1})
			res := promotest.Evaluate(t, promo.Cart{ID: "s", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"},
				Lines: []promo.Line{{ID: "q", ProductCode: "Q1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("20.00")},
					{ID: "t", ProductCode: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}}}, rs)
			var got []applied
			for _, a := range res.Applied {
				got = append(got, applied{a.Campaign, a.Amount})
			}
			if diff := cmp.Diff(tt.want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
		})
	}
}

// tgRecorder is tgPromo that keeps the last proposal its benefit made.
type tgRecorder struct {
	tgPromo
	got *promo.Proposal
}

func (r tgRecorder) Apply(v *promo.View) promo.Proposal {
	p := r.tgPromo.Apply(v)
	*r.got = p
	return p
}

// What an occurrence takes, for an item limit, is its buyers and its
// targets; what gets the benefit is its targets.
func TestTargetedTakenUnits(t *testing.T) {
	var got promo.Proposal
	rs := promotest.NewRuleset(t, promo.Settings{}, tgRecorder{tgPromo{b: benefit.ItemPercent(decimal.NewFromInt(50)), m: 2, n: 1}, &got})
	// "Compre 2, leve 1 com 50 %": 5 of q and 2 of t make 2 occurrences
	// (a fifth q is left over): 4 buyers and 2 targets taken, 2 units
	// discounted.
	promotest.Evaluate(t, promo.Cart{ID: "s", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"},
		Lines: []promo.Line{{ID: "q", ProductCode: "Q1", Quantity: testkit.Dec("5"), UnitPrice: testkit.Dec("20.00")},
			{ID: "t", ProductCode: "T1", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("10.00")}}}, rs)
	type counts struct{ Occurrences, Units, Taken int64 }
	want := counts{Occurrences: 2, Units: 2, Taken: 6}
	if diff := cmp.Diff(want, counts{int64(got.Occurrences), got.Units, got.TakenUnits()}); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
