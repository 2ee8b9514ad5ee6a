package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// apDecs parses a list of decimal literals.
func apDecs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = testkit.Dec(s)
	}
	return out
}

func TestApportion(t *testing.T) {
	tests := []struct {
		name    string
		amount  string
		weights []decimal.Decimal
		want    []decimal.Decimal
	}{
		{
			// 1000 cents / 3 = 333 r 1 each; 1 cent left, the remainders
			// tie, so it goes to the lowest position.
			name: "equal weights, tie to the first position", amount: "10.00",
			weights: apDecs("1", "1", "1"), want: apDecs("3.34", "3.33", "3.33"),
		},
		{
			// 10×2/3 = 6 r 2; 10×1/3 = 3 r 1; the cent left goes to r 2.
			name: "largest remainder first", amount: "0.10",
			weights: apDecs("2", "1"), want: apDecs("0.07", "0.03"),
		},
		{
			// 10×1/3 = 3 r 1; 10×2/3 = 6 r 2: the second position has the
			// largest remainder, so it gets the cent though it comes later.
			name: "largest remainder at a later position", amount: "0.10",
			weights: apDecs("1", "2"), want: apDecs("0.03", "0.07"),
		},
		{
			// 10×3/4 = 7 r 2; 10×1/4 = 2 r 2: a tie, the first takes it.
			name: "remainder tie between unequal weights", amount: "0.10",
			weights: apDecs("3", "1"), want: apDecs("0.08", "0.02"),
		},
		{
			// 1000×33.33/100 = 333 r 30 (twice); 1000×33.34/100 = 333 r 40.
			// 999 given, the cent left goes to r 40.
			name: "line values", amount: "10.00",
			weights: apDecs("33.33", "33.33", "33.34"), want: apDecs("3.33", "3.33", "3.34"),
		},
		{
			name: "exact shares", amount: "1.00",
			weights: apDecs("0.5", "0.3", "0.2"), want: apDecs("0.50", "0.30", "0.20"),
		},
		{
			name: "amount equal to the weights: no share above its weight", amount: "0.03",
			weights: apDecs("0.01", "0.01", "0.01"), want: apDecs("0.01", "0.01", "0.01"),
		},
		{
			// 0.019 is rounded down to 1 cent first; 1×1/2 = 0 r 1 each.
			name: "fraction of a cent is dropped", amount: "0.019",
			weights: apDecs("1", "1"), want: apDecs("0.01", "0"),
		},
		{
			name: "zero weight gets nothing", amount: "5.00",
			weights: apDecs("0", "10", "0"), want: apDecs("0", "5.00", "0"),
		},
		{
			name: "zero amount", amount: "0",
			weights: apDecs("1", "2"), want: apDecs("0", "0"),
		},
		{
			name: "negative amount gives nothing", amount: "-1.00",
			weights: apDecs("1", "2"), want: apDecs("0", "0"),
		},
		{
			name: "weights summing to zero", amount: "1.00",
			weights: apDecs("0", "0"), want: apDecs("0", "0"),
		},
		{
			name: "no weights", amount: "1.00",
			weights: []decimal.Decimal{}, want: []decimal.Decimal{},
		},
		{
			name: "single weight takes all", amount: "7.77",
			weights: apDecs("0.01"), want: apDecs("7.77"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := promo.Apportion(testkit.Dec(tt.amount), tt.weights)
			if diff := cmp.Diff(tt.want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("Apportion(%s, %v) (-want +got):\n%s", tt.amount, tt.weights, diff)
			}
			// The shares add up to the amount in whole cents (or to zero
			// when there is nothing to spread).
			sum := decimal.Zero
			for _, s := range got {
				sum = sum.Add(s)
				if !s.Equal(s.Truncate(money.CentPlaces)) {
					t.Errorf("share %s is not in whole cents", s)
				}
			}
			wantSum := decimal.Zero
			for _, s := range tt.want {
				wantSum = wantSum.Add(s)
			}
			if !sum.Equal(wantSum) {
				t.Errorf("shares sum to %s, want %s", sum, wantSum)
			}
		})
	}
}

// TestApportionDoesNotModifyWeights checks that the weights are read only.
func TestApportionDoesNotModifyWeights(t *testing.T) {
	w := apDecs("1.50", "2.50")
	promo.Apportion(testkit.Dec("1.00"), w)
	if diff := cmp.Diff(apDecs("1.50", "2.50"), w, testkit.EquateDecimals()); diff != "" {
		t.Errorf("weights changed (-want +got):\n%s", diff)
	}
}

// The amounts and weights that are not whole cents take the decimal way;
// it gives what the cents way gives.
func TestApportionNotInCents(t *testing.T) {
	tests := []struct {
		name    string
		amount  string
		weights []decimal.Decimal
		want    []decimal.Decimal
	}{
		{
			// 300 cents × 0.001 / 0.003 = 100 each, nothing left.
			name: "weights below a cent", amount: "3.00",
			weights: apDecs("0.001", "0.001", "0.001"), want: apDecs("1.00", "1.00", "1.00"),
		},
		{
			// 100 cents × 0.005 / 0.015 = 33 r 0.005 each: the cent left
			// goes to the first position.
			name: "tie to the first position", amount: "1.00",
			weights: apDecs("0.005", "0.005", "0.005"), want: apDecs("0.34", "0.33", "0.33"),
		},
		{
			name: "zero amount", amount: "0.001",
			weights: apDecs("0.001", "0.002"), want: apDecs("0", "0"),
		},
		{
			name: "negative amount", amount: "-1.001",
			weights: apDecs("0.001", "0.002"), want: apDecs("0", "0"),
		},
		{
			name: "weights summing to zero", amount: "1.001",
			weights: apDecs("0", "0"), want: apDecs("0", "0"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := promo.Apportion(testkit.Dec(tt.amount), tt.weights)
			if diff := cmp.Diff(tt.want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("Apportion(%s, %v) (-want +got):\n%s", tt.amount, tt.weights, diff)
			}
		})
	}
}
