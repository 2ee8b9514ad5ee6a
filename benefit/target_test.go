package benefit_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// tgPromo hands a targeted item benefit its qualifying and target lines:
// lines whose product code starts with Q qualify, with T are targets, with
// B are both.
type tgPromo struct {
	b    benefit.Benefit
	m, n int64
	sel  benefit.Selection
}

func (p tgPromo) Info() promo.Info { return promo.Info{ID: "t", Name: "t", Phase: promo.PhaseItem} }
func (p tgPromo) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p tgPromo) Apply(v *promo.View) promo.Proposal {
	s := benefit.Scope{GroupSize: p.m, TargetQuantity: p.n, Select: p.sel}
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
		rs, err := promo.NewRuleset(promo.Settings{}, tgPromo{b: benefit.ItemPercent(decimal.NewFromInt(50)), m: m, n: n, sel: sel})
		if err != nil {
			t.Fatal(err)
		}
		res, err := promo.Evaluate(promo.Cart{ID: "s", Time: time.Date(2026, 11, 21, 10, 0, 0, 0, bnSaoPaulo), Store: promo.Store{ID: "l"}, Lines: lines}, rs)
		if err != nil {
			t.Fatal(err)
		}
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
