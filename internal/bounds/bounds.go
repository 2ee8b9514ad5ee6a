// Package bounds holds the range and the decimal places of every kind of
// decimal the library reads (money, unit prices, quantities, counters,
// percents, points), so that a hostile value is refused with its limit
// before any arithmetic is done with it: the checks look at the number of
// digits and the exponent first, and compare only numbers of a few dozen
// digits.
package bounds

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Kind is the kind of a decimal input, which bounds its range and its
// decimal places. The zero value is Money.
type Kind uint8

const (
	// Money is an amount in reais: from 0 to less than 100,000,000,000
	// (11 integer digits, as the NFC-e's unit values), in cents.
	Money Kind = iota
	// UnitPrice is a price per unit: from 0 to less than 100,000,000,000,
	// with at most 10 decimal places (the NFC-e's vUnCom).
	UnitPrice
	// Quantity is a quantity sold or returned: greater than 0, at most
	// 1,000,000, with at most 4 decimal places (the NFC-e's qCom).
	Quantity
	// Count is a counter or a budget of units: from 0 to less than
	// 100,000,000,000, with at most 4 decimal places.
	Count
	// Percent is a percentage: from 0 to 100, with at most 4 decimal places.
	Percent
	// Rate is a number of points or a multiplier: from 0 to 1,000,000, with
	// at most 4 decimal places.
	Rate
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Money:
		return "money"
	case UnitPrice:
		return "unit price"
	case Quantity:
		return "quantity"
	case Count:
		return "count"
	case Percent:
		return "percent"
	case Rate:
		return "rate"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MaxDigits is the most significant digits a decimal input may have.
const MaxDigits = 40

// MaxQuantity is the largest quantity of a line, an exchange item or a
// return: far beyond any sale, small enough for whole units to be counted
// in an int64.
const MaxQuantity = 1_000_000

// spec is a kind's range: values below 10^intDigits (or at most max when
// max > 0), at least zero (above zero when positive), with at most places
// decimal places.
type spec struct {
	intDigits int32 // the value is below 10^intDigits
	max       int64 // when not 0, the value is at most max instead
	positive  bool
	places    int32
	note      string
}

func (k Kind) spec() spec {
	switch k {
	case UnitPrice:
		return spec{intDigits: 11, places: 10, note: " (the NFC-e's vUnCom)"}
	case Quantity:
		return spec{max: MaxQuantity, positive: true, places: 4, note: " (the NFC-e's qCom)"}
	case Count:
		return spec{intDigits: 11, places: 4}
	case Percent:
		return spec{max: 100, places: 4}
	case Rate:
		return spec{max: 1_000_000, places: 4}
	}
	return spec{intDigits: 11, places: 2}
}

// Places returns the decimal places a value of the kind may have.
func (k Kind) Places() int32 { return k.spec().places }

// Check returns why d is not a valid value of the kind, or "" when it is.
// It does no arithmetic on values with many digits or a large exponent.
func (k Kind) Check(d decimal.Decimal) string { return k.check(d, false) }

// CheckPositive is Check for a value that must also be greater than zero.
func (k Kind) CheckPositive(d decimal.Decimal) string { return k.check(d, true) }

func (k Kind) check(d decimal.Decimal, positive bool) string {
	s := k.spec()
	s.positive = s.positive || positive
	e := d.Exponent()
	if e > 10000 || e < -10000 {
		return fmt.Sprintf("the exponent %d is out of range: at most 10000 either way", e)
	}
	if d.Sign() < 0 || (d.Sign() == 0 && s.positive) {
		switch {
		case s.max == 100 && s.positive:
			return "must be greater than 0 and at most 100"
		case s.max == 100:
			return "must be between 0 and 100"
		case s.positive:
			return "must be greater than zero"
		}
		return "must not be negative"
	}
	if d.Sign() == 0 {
		return ""
	}
	n := int32(d.NumDigits())
	// 10^(n+e-1) <= d < 10^(n+e)
	tooLarge := false
	switch {
	case s.max == 0:
		tooLarge = n+e > s.intDigits
	case e >= 0 && n+e-1 > 18, n > MaxDigits && e >= 0:
		tooLarge = true
	case n+e <= 0:
		tooLarge = false
	default:
		tooLarge = n <= MaxDigits+1 && d.GreaterThan(decimal.NewFromInt(s.max))
	}
	if tooLarge {
		switch {
		case s.max == 100 && s.positive:
			return "must be greater than 0 and at most 100"
		case s.max == 100:
			return "must be between 0 and 100"
		case s.max > 0:
			return fmt.Sprintf("must be at most %d%s", s.max, s.note)
		}
		return fmt.Sprintf("must be less than 1%0*d%s", s.intDigits, 0, s.note)
	}
	if n > MaxDigits {
		return fmt.Sprintf("%d significant digits: at most %d", n, MaxDigits)
	}
	if e < 0 && -e > s.places {
		// The value may still have few places: trailing zeros do not count.
		if -e-(n-1) > s.places || places(d) > s.places {
			return fmt.Sprintf("at most %d decimal places%s", s.places, s.note)
		}
	}
	return ""
}

// places returns the decimal places of d's value, trailing zeros aside;
// d has at most MaxDigits digits.
func places(d decimal.Decimal) int32 {
	c := d.Coefficient().String()
	p := -d.Exponent()
	for i := len(c) - 1; i > 0 && c[i] == '0' && p > 0; i-- {
		p--
	}
	return max(p, 0)
}
