package money_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/money"
)

func TestFormat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0,00"},
		{"0.5", "0,50"},
		{"9.99", "9,99"},
		{"100", "100,00"},
		{"999.99", "999,99"},
		{"1000", "1.000,00"},
		{"1234.5", "1.234,50"},
		{"100000", "100.000,00"},
		{"1234567.89", "1.234.567,89"},
		{"-1234.5", "-1.234,50"},
		{"-0.01", "-0,01"},
	}
	var got []string
	var want []string
	for _, tt := range tests {
		want = append(want, tt.in+" -> "+tt.want)
		got = append(got, tt.in+" -> "+money.Format(testkit.Dec(tt.in)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Format (-want +got):\n%s", diff)
	}
}

// TestAppendCents: a number of cents is written as Format and StringFixed
// write the same amount as a decimal, grouping, sign and extremes included.
func TestAppendCents(t *testing.T) {
	for _, c := range []int64{0, 1, 9, 10, 99, 100, 101, 12345, 99999, 100000, 123456789, -1, -100, -123456,
		math.MaxInt64, math.MinInt64} {
		d := decimal.New(c, -money.CentPlaces)
		if diff := cmp.Diff(money.Format(d), string(money.AppendCents([]byte("x"), c))[1:]); diff != "" {
			t.Errorf("AppendCents(%d) (-Format +got):\n%s", c, diff)
		}
		if diff := cmp.Diff(d.StringFixed(money.CentPlaces), string(money.AppendCentsFixed(nil, c))); diff != "" {
			t.Errorf("AppendCentsFixed(%d) (-StringFixed +got):\n%s", c, diff)
		}
	}
}
