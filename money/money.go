package money

import (
	"github.com/shopspring/decimal"
)

// CentPlaces is the number of decimal places of the currency (BRL): money is
// rounded to cents.
const CentPlaces = 2

// Format writes an amount the Brazilian way, with two decimals and without
// the currency symbol: 1234.5 gives "1.234,50", -0.01 gives "-0,01".
func Format(d decimal.Decimal) string {
	s := d.StringFixed(CentPlaces)
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	intPart, frac := s[:len(s)-3], s[len(s)-2:]
	var out []byte
	for i := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, intPart[i])
	}
	res := string(out) + "," + frac
	if neg {
		res = "-" + res
	}
	return res
}

// Fixed is an amount that JSON writes with exactly two decimals ("16.00"),
// as an NFC-e writes it; decimal's own encoding would drop the trailing
// zeros. The MarshalJSON methods of results convert their amounts to it.
type Fixed decimal.Decimal

// MarshalJSON writes the amount as a JSON string with two decimals.
func (m Fixed) MarshalJSON() ([]byte, error) {
	return []byte(`"` + decimal.Decimal(m).StringFixed(CentPlaces) + `"`), nil
}
