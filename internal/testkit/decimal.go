package testkit

import (
	"fmt"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// Dec returns the decimal a literal spells, such as "19.90"; it panics on a
// malformed literal, which is a mistake in the test itself.
func Dec(s string) decimal.Decimal {
	d, err := decimal.NewFromString(s)
	if err != nil {
		panic(fmt.Sprintf("testkit: decimal literal %q: %v", s, err))
	}
	return d
}

// DecPtr returns a pointer to [Dec](s), for optional amounts.
func DecPtr(s string) *decimal.Decimal {
	d := Dec(s)
	return &d
}

// Cents returns n cents of a real (n/100), as written with two decimal
// places: Cents(1990) is 19.90.
func Cents(n int) decimal.Decimal { return decimal.New(int64(n), -2) }

// EquateDecimals returns a go-cmp option that compares decimals by value,
// as [decimal.Decimal.Equal] does: 1.5 and 1.50 are equal. Without it
// go-cmp cannot look into a decimal.Decimal at all.
func EquateDecimals() cmp.Option {
	return cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })
}

// EquateTimes returns a go-cmp option that compares instants with
// [time.Time.Equal]: the same instant in two zones is equal.
func EquateTimes() cmp.Option {
	return cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })
}
