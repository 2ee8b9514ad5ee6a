package promo

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
)

// TestAppliedReason: the texts of an applied promotion, from whole cents
// and from amounts that are not (written as money.Format and StringFixed
// write them), with and without a freight part.
func TestAppliedReason(t *testing.T) {
	d := testkit.Dec
	for _, tc := range []struct{ given, freight, pt, en string }{
		{"1234.5", "0", "aplicada: desconto de R$ 1.234,50", "applied: discount of R$ 1234.50"},
		{"0", "0", "aplicada: desconto de R$ 0,00", "applied: discount of R$ 0.00"},
		{"12.30", "5", "aplicada: desconto de R$ 12,30 e de R$ 5,00 no frete", "applied: discount of R$ 12.30 and of R$ 5.00 on the freight"},
		{"0", "7.9", "aplicada: desconto de R$ 7,90 no frete", "applied: discount of R$ 7.90 on the freight"},
		// Not whole cents: the decimal path, which rounds as StringFixed.
		{"1000000.005", "0", "aplicada: desconto de R$ 1.000.000,01", "applied: discount of R$ 1000000.01"},
		{"2.5", "0.125", "aplicada: desconto de R$ 2,50 e de R$ 0,13 no frete", "applied: discount of R$ 2.50 and of R$ 0.13 on the freight"},
	} {
		got := appliedReason(d(tc.given), d(tc.freight))
		want := Reason{Code: ReasonApplied, PT: tc.pt, EN: tc.en}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("appliedReason(%s, %s) (-want +got):\n%s", tc.given, tc.freight, diff)
		}
	}
}
