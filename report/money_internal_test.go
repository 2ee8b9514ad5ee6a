package report

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func TestCentsOf(t *testing.T) {
	tests := []struct {
		in    string
		cents int64
		ok    bool
	}{
		{"1.5", 150, true},
		{"1.50", 150, true},
		{"1.500", 150, true},
		{"-0.01", -1, true},
		{"1e3", 100000, true},
		{"12", 1200, true},
		{"1.505", 0, false}, // a fraction of a cent
		{"0.001", 0, false}, // a fraction of a cent
		{"1e20", 0, false},  // overflows int64 cents
		{"123456789012345678901", 0, false},
		{"9223372036854775.80", 922337203685477580, true},
		{"92233720368547758.07", 0, false}, // 19 digits: left to decimal arithmetic
	}
	for _, tt := range tests {
		c, ok := centsOf(decimal.RequireFromString(tt.in))
		if c != tt.cents || ok != tt.ok {
			t.Errorf("centsOf(%s) = %d, %v; want %d, %v", tt.in, c, ok, tt.cents, tt.ok)
		}
	}
}

// TestSumOverflow adds past the int64 range of cents: what does not fit
// goes to decimal arithmetic and the value stays exact.
func TestSumOverflow(t *testing.T) {
	var s sum
	big := decimal.RequireFromString("9000000000000000.00") // 9e17 cents, 18 digits
	for range 11 {                                          // the 11th would make 9.9e18 cents > MaxInt64
		s.add(big)
	}
	s.add(decimal.RequireFromString("0.001")) // a fraction of a cent
	want := decimal.RequireFromString("99000000000000000.001")
	if got := s.value(); !got.Equal(want) {
		t.Errorf("sum = %s, want %s", got, want)
	}
	if !s.big || s.cents != 10*900000000000000000 {
		t.Errorf("cents = %d, big = %v: want 10 amounts in cents and the rest in decimal", s.cents, s.big)
	}
}

// TestSumIsExact: the sum equals decimal addition, whatever the amounts.
func TestSumIsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var s sum
		want := decimal.Zero
		for _, x := range rapid.SliceOf(rapid.Custom(func(t *rapid.T) decimal.Decimal {
			coef := rapid.Int64().Draw(t, "coef")
			exp := rapid.Int32Range(-6, 4).Draw(t, "exp")
			return decimal.New(coef, exp)
		})).Draw(t, "amounts") {
			s.add(x)
			want = want.Add(x)
		}
		if got := s.value(); !got.Equal(want) {
			t.Fatalf("sum = %s, want %s", got, want)
		}
	})
}

func TestRatio(t *testing.T) {
	for _, tt := range []struct {
		n, d int
		want string
	}{{9, 7, "1.2857"}, {2, 3, "0.6667"}, {1, 3, "0.3333"}, {1, 8, "0.125"}, {5, 0, "0"}, {0, 4, "0"}} {
		if got := ratio(tt.n, tt.d); !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("ratio(%d, %d) = %s, want %s", tt.n, tt.d, got, tt.want)
		}
	}
}
