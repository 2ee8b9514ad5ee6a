package bounds_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
)

func TestCheck(t *testing.T) {
	d := decimal.RequireFromString
	huge := decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(5000), nil), 0)
	tests := []struct {
		kind bounds.Kind
		v    decimal.Decimal
		want string // "" when valid
	}{
		{bounds.Money, d("0"), ""},
		{bounds.Money, d("99999999999.99"), ""},
		{bounds.Money, d("100000000000"), "must be less than 100000000000"},
		{bounds.Money, d("100000000000.00"), "must be less than 100000000000"},
		{bounds.Money, d("1.005"), "at most 2 decimal places"},
		{bounds.Money, d("1.0050"), "at most 2 decimal places"},
		{bounds.Money, d("1.1000000"), ""}, // trailing zeros do not count
		{bounds.Money, d("-0.01"), "must not be negative"},
		{bounds.Money, decimal.New(1, 10000), "must be less than 100000000000"},
		{bounds.Money, decimal.New(1, -10000), "at most 2 decimal places"},
		{bounds.Money, decimal.New(0, 10001), "the exponent 10001 is out of range"},
		{bounds.Money, decimal.New(0, -10001), "the exponent -10001 is out of range"},
		{bounds.Money, decimal.New(0, 10000), ""},
		{bounds.Money, huge, "must be less than 100000000000"},
		{bounds.Money, decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(50), nil), -50), "51 significant digits: at most 40"},
		{bounds.UnitPrice, d("99999999999.9999999999"), ""},
		{bounds.UnitPrice, d("0.00000000001"), "at most 10 decimal places (the NFC-e's vUnCom)"},
		{bounds.UnitPrice, d("100000000000"), "must be less than 100000000000 (the NFC-e's vUnCom)"},
		{bounds.Quantity, d("0"), "must be greater than zero"},
		{bounds.Quantity, d("-1"), "must be greater than zero"},
		{bounds.Quantity, d("1000000"), ""},
		{bounds.Quantity, d("1000000.0000"), ""},
		{bounds.Quantity, d("1000000.0001"), "must be at most 1000000 (the NFC-e's qCom)"},
		{bounds.Quantity, d("0.0001"), ""},
		{bounds.Quantity, d("0.00001"), "at most 4 decimal places (the NFC-e's qCom)"},
		{bounds.Quantity, huge, "must be at most 1000000"},
		{bounds.Quantity, decimal.New(1, 19), "must be at most 1000000"},
		{bounds.Count, d("99999999999.9999"), ""},
		{bounds.Count, d("0"), ""},
		{bounds.Percent, d("100"), ""},
		{bounds.Percent, d("100.0001"), "must be between 0 and 100"},
		{bounds.Percent, d("-0.5"), "must be between 0 and 100"},
		{bounds.Percent, d("12.3456"), ""},
		{bounds.Percent, d("12.34567"), "at most 4 decimal places"},
		{bounds.Rate, d("1000000"), ""},
		{bounds.Rate, d("1000001"), "must be at most 1000000"},
	}
	for _, tt := range tests {
		got := tt.kind.Check(tt.v)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s.Check(%s) = %q, want %q", tt.kind, tt.v.String()[:min(len(tt.v.String()), 30)], got, tt.want)
		}
	}
}

func TestCheckPositive(t *testing.T) {
	d := decimal.RequireFromString
	for _, tt := range []struct {
		kind bounds.Kind
		v    string
		want string
	}{
		{bounds.Percent, "0", "must be greater than 0 and at most 100"},
		{bounds.Percent, "101", "must be greater than 0 and at most 100"},
		{bounds.Percent, "0.5", ""},
		{bounds.Money, "0", "must be greater than zero"},
		{bounds.Money, "0.01", ""},
		{bounds.Money, "-1", "must be greater than zero"},
	} {
		got := tt.kind.CheckPositive(d(tt.v))
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s.CheckPositive(%s) = %q, want %q", tt.kind, tt.v, got, tt.want)
		}
	}
}

func TestKind(t *testing.T) {
	for k, want := range map[bounds.Kind]string{bounds.Money: "money", bounds.UnitPrice: "unit price", bounds.Quantity: "quantity",
		bounds.Count: "count", bounds.Percent: "percent", bounds.Rate: "rate", bounds.Kind(99): "Kind(99)"} {
		if got := k.String(); got != want {
			t.Errorf("String (-want +got):\n-%s\n+%s", want, got)
		}
	}
	for k, want := range map[bounds.Kind]int32{bounds.Money: 2, bounds.UnitPrice: 10, bounds.Quantity: 4, bounds.Count: 4, bounds.Percent: 4, bounds.Rate: 4} {
		if got := k.Places(); got != want {
			t.Errorf("%s.Places() = %d, want %d", k, got, want)
		}
	}
}
