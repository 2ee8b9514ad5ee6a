package money_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

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
