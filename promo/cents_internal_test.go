package promo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/internal/testkit"
)

// TestCentsOfAllocatesNothing: the fast path must not cost what it saves.
// (A coefficient beyond an int64 may allocate once: it is the rare case.)
func TestCentsOfAllocatesNothing(t *testing.T) {
	ds := []decimal.Decimal{decimal.RequireFromString("12.34"), decimal.RequireFromString("-12.3"),
		decimal.RequireFromString("0.000000000001"), decimal.New(5, 3)}
	if n := testing.AllocsPerRun(10, func() {
		for _, d := range ds {
			centsOf(d)
		}
	}); n != 0 {
		t.Errorf("centsOf allocates %v times", n)
	}
}

// genMoney draws an amount with up to 14 decimal places (whole cents
// most of the time), sometimes beyond the integer paths' bounds.
func genMoney(t *rapid.T, label string) decimal.Decimal {
	coef := rapid.Int64Range(-1, 1<<62).Draw(t, label+"_coef")
	exp := rapid.SampledFrom([]int32{-2, -2, -2, -1, 0, 1, -3, -12, 20}).Draw(t, label+"_exp")
	return decimal.New(coef, exp)
}

// TestCentsPathsMatchDecimal: the int64 paths give the same numbers as the
// decimal computations they replace, and fall back where they must.
func TestCentsPathsMatchDecimal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		amount := genMoney(t, "amount")
		weights := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) decimal.Decimal { return genMoney(t, "w").Abs() }), 0, 12).Draw(t, "weights")
		want := apportionDecimal(amount, weights)
		got := Apportion(amount, weights)
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Fatalf("Apportion(%s, %v) (-decimal +fast):\n%s", amount, weights, diff)
		}
		var s moneySum
		dec := decimal.Zero
		for k, w := range append(weights, amount) {
			if k%3 == 2 {
				s.sub(w)
				dec = dec.Sub(w)
			} else {
				s.add(w)
				dec = dec.Add(w)
			}
		}
		if !s.total().Equal(dec) {
			t.Fatalf("moneySum = %s, decimal sum = %s", s.total(), dec)
		}
		if c, ok := centsOf(amount); ok && !decimal.New(c, -2).Equal(amount) {
			t.Fatalf("centsOf(%s) = %d", amount, c)
		} else if !ok && amount.Round(2).Equal(amount) && amount.Abs().LessThan(decimal.New(1, 13)) {
			t.Fatalf("centsOf(%s) fell back for whole cents within bounds", amount)
		}
	})
}
