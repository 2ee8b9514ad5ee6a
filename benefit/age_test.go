package benefit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// ageRun applies b to every line of a cart of 21 November 2026 (São Paulo)
// with the customer c.
func ageRun(t *testing.T, b benefit.Benefit, c *promo.Customer, lines ...promo.Line) promo.Result {
	t.Helper()
	rs := promotest.NewRuleset(t, promo.Settings{}, bnPromo{b: b})
	res, err := promo.Evaluate(promo.Cart{ID: "sale-1", Time: testkit.SaleTime(),
		Store: promo.Store{ID: "loja-1"}, Customer: c, Lines: lines}, rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

func bornOn(s string) *promo.Customer {
	return &promo.Customer{ID: "c1", BirthDate: br.MustParseDate(s)}
}

func TestAgePercent(t *testing.T) {
	// 1 % a year of age, at most 30 %, on 100.00.
	perYear := benefit.AgePercent(false, testkit.Dec("1"), testkit.Dec("30"))
	withAge := []promo.ReasonCode{promo.ReasonApplied, benefit.ReasonAgePercent}
	unknown := []promo.ReasonCode{benefit.ReasonAgeUnknown}
	tests := []struct {
		name string
		b    benefit.Benefit
		c    *promo.Customer
		want bnGot
	}{
		// The sale is on 21 November 2026.
		{"on the birthday", perYear, bornOn("2000-11-21"), bnGot{Adj: map[string]bnAdj{"a": item("26.00")}, Codes: withAge, Occ: 1}},
		{"the day before the birthday", perYear, bornOn("2000-11-22"), bnGot{Adj: map[string]bnAdj{"a": item("25.00")}, Codes: withAge, Occ: 1}},
		{"the birthday a month later", perYear, bornOn("2000-12-01"), bnGot{Adj: map[string]bnAdj{"a": item("25.00")}, Codes: withAge, Occ: 1}},
		{"the birthday a month earlier", perYear, bornOn("2000-10-30"), bnGot{Adj: map[string]bnAdj{"a": item("26.00")}, Codes: withAge, Occ: 1}},
		// 45 years give 45 %, capped at 30 %.
		{"at most the maximum", perYear, bornOn("1981-01-10"), bnGot{Adj: map[string]bnAdj{"a": item("30.00")}, Codes: withAge, Occ: 1}},
		// 0.5 % a year: 26 years give 13 %, on the sale.
		{"on the sale", benefit.AgePercent(true, testkit.Dec("0.5"), testkit.Dec("30")), bornOn("2000-11-21"),
			bnGot{Adj: map[string]bnAdj{"a": sale("13.00")}, Codes: withAge, Occ: 1}},
		{"no customer", perYear, nil, bnGot{Codes: unknown}},
		{"no birth date", perYear, &promo.Customer{ID: "c1"}, bnGot{Codes: unknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bnSummary(ageRun(t, tt.b, tt.c, promotest.Line("a", "1", "100.00")))
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

func TestAgePercentReasons(t *testing.T) {
	res := ageRun(t, benefit.AgePercent(false, testkit.Dec("1"), testkit.Dec("30")), bornOn("2000-11-22"), promotest.Line("a", "1", "100.00"))
	want := []promo.Reason{{Code: promo.ReasonApplied}, {Code: benefit.ReasonAgePercent,
		PT: "cliente com 25 anos: 25% de desconto", EN: "customer aged 25: 25% off"}}
	if len(res.Trace) != 1 {
		t.Fatalf("trace = %+v, want one entry", res.Trace)
	}
	got := res.Trace[0].Reasons
	if len(got) > 0 && got[0].Code == promo.ReasonApplied {
		got[0] = promo.Reason{Code: got[0].Code} // the applied note's text is promo's
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}

	res = ageRun(t, benefit.AgePercent(true, testkit.Dec("1"), testkit.Dec("30")), nil, promotest.Line("a", "1", "100.00"))
	want = []promo.Reason{{Code: benefit.ReasonAgeUnknown,
		PT: "desconto por idade: cliente sem data de nascimento", EN: "age-based discount: the customer has no birth date"}}
	if diff := cmp.Diff(want, res.Trace[0].Reasons); diff != "" {
		t.Errorf("unknown age: reasons (-want +got):\n%s", diff)
	}
}
