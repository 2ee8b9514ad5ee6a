package promo

import (
	"slices"
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

// TestIntegerPathsBounds: whole cents within the bounds take the int64
// paths (and give the exact shares), anything else falls back. The bounds
// are inclusive: R$ 10^15 is maxCents, ten of them make maxCentsSum.
func TestIntegerPathsBounds(t *testing.T) {
	top := decimal.New(1, 15) // R$ 10^15 = maxCents cents
	tens := func(n int) []decimal.Decimal {
		ws := make([]decimal.Decimal, n)
		for i := range ws {
			ws[i] = top
		}
		return ws
	}
	dec := decimal.RequireFromString
	tests := []struct {
		name    string
		amount  decimal.Decimal
		weights []decimal.Decimal
		want    []decimal.Decimal // nil: falls back
	}{
		// 1000 × 0/100 = 0; 1000 × 100/100 = 1000 cents.
		{"a zero weight", dec("10.00"), []decimal.Decimal{decimal.Zero, dec("1.00")}, []decimal.Decimal{decimal.Zero, dec("10.00")}},
		{"a negative weight", dec("1.00"), []decimal.Decimal{dec("-1.00"), dec("2.00")}, nil},
		{"a fraction of a cent in a weight", dec("1.00"), []decimal.Decimal{dec("0.001")}, nil},
		// The weights sum to exactly maxCentsSum: 1000 × 10^17 / 10^18 = 100
		// cents each.
		{"weights summing to maxCentsSum", dec("10.00"), tens(10), slices.Repeat([]decimal.Decimal{dec("1.00")}, 10)},
		{"weights beyond maxCentsSum", dec("10.00"), tens(11), nil},
		{"zero amount", decimal.Zero, []decimal.Decimal{dec("1.00")}, []decimal.Decimal{decimal.Zero}},
	}
	for _, tt := range tests {
		got, ok := apportionCents(tt.amount, tt.weights)
		if ok != (tt.want != nil) {
			t.Errorf("%s: apportionCents ok = %v, want %v", tt.name, ok, tt.want != nil)
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); ok && diff != "" {
			t.Errorf("%s: apportionCents (-want +got):\n%s", tt.name, diff)
		}
	}

	for _, c := range []struct {
		d     decimal.Decimal
		cents int64
		ok    bool
	}{
		{top, maxCents, true},
		{top.Neg(), -maxCents, true},
		{top.Add(dec("0.01")), 0, false},
		{decimal.New(maxCents/10, -1), maxCents, true}, // the same amount, written with one place
		{dec("-0.05"), -5, true},
	} {
		if got, ok := centsOf(c.d); got != c.cents || ok != c.ok {
			t.Errorf("centsOf(%s) = %d, %v; want %d, %v", c.d, got, ok, c.cents, c.ok)
		}
	}

	// A sum reaching maxCentsSum stays in cents; one cent more goes decimal.
	var s moneySum
	for range 10 {
		s.add(top)
	}
	if s.inDec || !s.total().Equal(decimal.New(1, 16)) {
		t.Errorf("ten times R$ 10^15: inDec = %v, total %s; want cents, 10^16", s.inDec, s.total())
	}
	s.add(dec("0.01"))
	if !s.inDec || !s.total().Equal(decimal.New(1, 16).Add(dec("0.01"))) {
		t.Errorf("one cent beyond maxCentsSum: inDec = %v, total %s; want decimal, 10^16 + 0.01", s.inDec, s.total())
	}
	var n moneySum
	for range 10 {
		n.sub(top)
	}
	if n.inDec || !n.total().Equal(decimal.New(-1, 16)) {
		t.Errorf("minus ten times R$ 10^15: inDec = %v, total %s; want cents, -10^16", n.inDec, n.total())
	}
	n.sub(dec("0.01"))
	if !n.inDec {
		t.Errorf("one cent below -maxCentsSum: still in cents")
	}
}

// TestCentsOfFastPathBound: centsOf answers every whole number of cents up
// to maxCents in magnitude, however the amount is written (two places,
// fewer, more, a coefficient beyond an int64), and declines one cent more
// or a coefficient beyond 2^64.
func TestCentsOfFastPathBound(t *testing.T) {
	// 10^19 is between 2^63 and 2^64: 10^19 × 10^-19 = R$ 1,00 = 100 cents.
	pastInt64 := decimal.NewFromUint64(10_000_000_000_000_000_000).Shift(-19)
	// 10^20 × 10^-20 is R$ 1,00 too, but its coefficient is beyond 2^64.
	pastUint64 := decimal.RequireFromString("1.00000000000000000000")
	for _, c := range []struct {
		name  string
		d     decimal.Decimal
		cents int64
		ok    bool
	}{
		{"maxCents with two places", decimal.New(maxCents, -2), maxCents, true},
		{"a cent more", decimal.New(maxCents+1, -2), 0, false},
		{"-maxCents", decimal.New(-maxCents, -2), -maxCents, true},
		{"a cent less", decimal.New(-maxCents-1, -2), 0, false},
		{"maxCents with one place", decimal.New(maxCents/10, -1), maxCents, true},
		{"ten cents more, one place", decimal.New(maxCents/10+1, -1), 0, false},
		{"maxCents with three places", decimal.New(maxCents*10, -3), maxCents, true},
		{"a cent more, three places", decimal.New(maxCents*10+10, -3), 0, false},
		{"R$ 10^15 as 1e15", decimal.New(1, 15), maxCents, true},
		{"R$ 10^16 as 1e16", decimal.New(1, 16), 0, false},
		{"a coefficient between 2^63 and 2^64", pastInt64, 100, true},
		{"a coefficient beyond 2^64", pastUint64, 0, false},
	} {
		if got, ok := centsOf(c.d); got != c.cents || ok != c.ok {
			t.Errorf("%s: centsOf(%s) = %d, %v; want %d, %v", c.name, c.d, got, ok, c.cents, c.ok)
		}
	}
}

// TestMoneySumBoundBothWays: subtracting negative amounts up to
// maxCentsSum, or adding negative ones down to -maxCentsSum, stays in
// cents; a cent beyond goes decimal, with the same total.
func TestMoneySumBoundBothWays(t *testing.T) {
	top := decimal.New(1, 15) // maxCents cents
	cent := decimal.New(1, -2)
	var up, down moneySum
	for range 10 {
		up.sub(top.Neg())
		down.add(top.Neg())
	}
	if up.inDec || !up.total().Equal(decimal.New(1, 16)) {
		t.Errorf("minus ten times -R$ 10^15: inDec = %v, total %s; want cents, 10^16", up.inDec, up.total())
	}
	if down.inDec || !down.total().Equal(decimal.New(-1, 16)) {
		t.Errorf("plus ten times -R$ 10^15: inDec = %v, total %s; want cents, -10^16", down.inDec, down.total())
	}
	up.sub(cent.Neg())
	down.add(cent.Neg())
	if !up.inDec || !up.total().Equal(decimal.New(1, 16).Add(cent)) {
		t.Errorf("one cent beyond maxCentsSum: inDec = %v, total %s; want decimal, 10^16 + 0.01", up.inDec, up.total())
	}
	if !down.inDec || !down.total().Equal(decimal.New(-1, 16).Sub(cent)) {
		t.Errorf("one cent below -maxCentsSum: inDec = %v, total %s; want decimal, -10^16 - 0.01", down.inDec, down.total())
	}
}
