package money

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// CentPlaces is the number of decimal places of the currency (BRL): money is
// rounded to cents.
const CentPlaces = 2

// Format writes an amount the Brazilian way, with two decimals and without
// the currency symbol: 1234.5 gives "1.234,50", -0.01 gives "-0,01".
func Format(d decimal.Decimal) string {
	s := d.StringFixed(CentPlaces)
	var out []byte
	if s[0] == '-' {
		out, s = append(out, '-'), s[1:]
	}
	out = appendGrouped(out, s[:len(s)-3])
	return string(append(append(out, ','), s[len(s)-2:]...))
}

// AppendCents appends c cents as Format writes them ("1.234,56"), without
// a decimal to allocate.
func AppendCents(b []byte, c int64) []byte {
	u := uint64(c)
	if c < 0 {
		b, u = append(b, '-'), uint64(-c)
	}
	var digits [20]byte
	b = appendGrouped(b, strconv.AppendUint(digits[:0], u/100, 10))
	return appendCentDigits(append(b, ','), u)
}

// AppendCentsFixed appends c cents with two decimals and a point, as
// decimal's StringFixed(CentPlaces) writes them ("1234.56").
func AppendCentsFixed(b []byte, c int64) []byte {
	u := uint64(c)
	if c < 0 {
		b, u = append(b, '-'), uint64(-c)
	}
	return appendCentDigits(append(strconv.AppendUint(b, u/100, 10), '.'), u)
}

// appendGrouped appends the digits of a whole number with a point between
// each group of three ("1234567" gives "1.234.567").
func appendGrouped[T string | []byte](b []byte, digits T) []byte {
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, digits[i])
	}
	return b
}

// appendCentDigits appends the two digits of the cents of u cents.
func appendCentDigits(b []byte, u uint64) []byte {
	return append(b, byte('0'+u%100/10), byte('0'+u%10))
}

// Fixed is an amount that JSON writes with exactly two decimals ("16.00"),
// as an NFC-e writes it; decimal's own encoding would drop the trailing
// zeros. The MarshalJSON methods of results convert their amounts to it.
type Fixed decimal.Decimal

// MarshalJSON writes the amount as a JSON string with two decimals.
func (m Fixed) MarshalJSON() ([]byte, error) {
	return []byte(`"` + decimal.Decimal(m).StringFixed(CentPlaces) + `"`), nil
}
