package benefit

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// percentOfCents works out pct % of a total in whole cents with the
// ruleset's rounding, as the decimal formula does; each amount below is
// worked out by hand.
func TestPercentOfCents(t *testing.T) {
	modes := []promo.RoundingMode{promo.HalfEven, promo.HalfUp, promo.Truncate}
	tests := []struct {
		name       string
		total, pct decimal.Decimal
		want       [3]string // HalfEven, HalfUp, Truncate
	}{
		// 2.5 % of 81.00 = 2.025: a tie, to the even cent with half_even.
		{"a tie below an even cent", testkit.Dec("81.00"), testkit.Dec("2.5"), [3]string{"2.02", "2.03", "2.02"}},
		// 50 % of 0.35 = 0.175: a tie, up to the even cent 0.18.
		{"a tie below an odd cent", testkit.Dec("0.35"), testkit.Dec("50"), [3]string{"0.18", "0.18", "0.17"}},
		// 10 % of 19.99 = 1.999.
		{"above half a cent", testkit.Dec("19.99"), testkit.Dec("10"), [3]string{"2.00", "2.00", "1.99"}},
		// 33.333 % of 100.00 = 33.333.
		{"below half a cent", testkit.Dec("100.00"), testkit.Dec("33.333"), [3]string{"33.33", "33.33", "33.33"}},
		{"a whole number of cents", testkit.Dec("100.00"), testkit.Dec("12"), [3]string{"12.00", "12.00", "12.00"}},
		{"a total of zero", testkit.Dec("0.00"), testkit.Dec("10"), [3]string{"0.00", "0.00", "0.00"}},
		{"a percent of zero", testkit.Dec("10.00"), testkit.Dec("0"), [3]string{"0.00", "0.00", "0.00"}},
		// 0.00000001 % (8 places, the most allowed) of 10,000.00 is
		// 0.000001.
		{"a percent with 8 places", testkit.Dec("10000.00"), testkit.Dec("0.00000001"), [3]string{"0.00", "0.00", "0.00"}},
		// 100 written as 1 × 10²: 1.00.
		{"a percent with exponent 2", testkit.Dec("1.00"), decimal.New(1, 2), [3]string{"1.00", "1.00", "1.00"}},
		// 100 % of the most cents an int64 holds: all of them.
		{"the most cents an int64 holds", decimal.New(math.MaxInt64, -2), decimal.New(1, 2),
			[3]string{"92233720368547758.07", "92233720368547758.07", "92233720368547758.07"}},
	}
	for _, tt := range tests {
		for k, mode := range modes {
			got, ok := percentOfCents(tt.total, tt.pct, mode)
			formula := mode.Round(tt.total.Mul(tt.pct).DivRound(decimal.NewFromInt(100), 12))
			if !ok || !got.Equal(testkit.Dec(tt.want[k])) || !formula.Equal(testkit.Dec(tt.want[k])) || got.Exponent() != -2 {
				t.Errorf("%s, %v: percentOfCents(%s, %s) = %s, %t; want %s, true (the formula gives %s)",
					tt.name, mode, tt.total, tt.pct, got, ok, tt.want[k], formula)
			}
		}
	}
}

// What the integers cannot do exactly is left to the decimal formula.
func TestPercentOfCentsRefuses(t *testing.T) {
	big := decimal.New(math.MaxInt64/2+1, -2) // 2⁶² + 1 cents
	tests := []struct {
		name       string
		total, pct decimal.Decimal
	}{
		{"a total with one place", testkit.Dec("10.5"), testkit.Dec("10")},
		{"a total with three places", testkit.Dec("10.500"), testkit.Dec("10")},
		{"a negative total", testkit.Dec("-1.00"), testkit.Dec("10")},
		{"a total beyond an int64 of cents", decimal.RequireFromString("100000000000000000000.00"), testkit.Dec("10")},
		{"a negative percent", testkit.Dec("10.00"), testkit.Dec("-10")},
		{"a percent with 9 places", testkit.Dec("10.00"), testkit.Dec("0.000000001")},
		{"a percent with exponent 3", testkit.Dec("10.00"), decimal.New(1, 3)},
		{"a product beyond 64 bits", decimal.New(math.MaxInt64, -2), testkit.Dec("100")},
		// 200 % (2 × 10²) of 2⁶² + 1 cents is more cents than an int64
		// holds.
		{"cents beyond an int64", big, decimal.New(2, 2)},
	}
	for _, tt := range tests {
		if got, ok := percentOfCents(tt.total, tt.pct, promo.HalfEven); ok {
			t.Errorf("%s: percentOfCents(%s, %s) = %s, true; want false", tt.name, tt.total, tt.pct, got)
		}
	}
}
