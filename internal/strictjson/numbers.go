package strictjson

import (
	"bytes"
	"fmt"
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// number reads a JSON number and returns its text, and whether it is
// written as a whole number (no fraction, no exponent). Its length is
// counted as it is read; nothing is parsed.
func (d *decoder) number() (lit []byte, whole bool) {
	data := d.data
	start := d.pos
	whole = true
	if data[d.pos] == '-' {
		d.pos++
	}
	digits := func() int {
		n := 0
		for d.pos < len(data) && data[d.pos] >= '0' && data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.pos >= len(data) {
		d.unexpectedEnd()
	}
	switch c := data[d.pos]; {
	case c == '0':
		d.pos++
	case c >= '1' && c <= '9':
		digits()
	default:
		d.syntax("in numeric literal")
	}
	if d.pos < len(data) && data[d.pos] == '.' {
		whole = false
		d.pos++
		if digits() == 0 {
			d.syntax("after decimal point in numeric literal")
		}
	}
	if d.pos < len(data) && (data[d.pos] == 'e' || data[d.pos] == 'E') {
		whole = false
		d.pos++
		if d.pos < len(data) && (data[d.pos] == '+' || data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			d.syntax("in exponent of numeric literal")
		}
	}
	return data[start:d.pos], whole
}

// numberFits reports whether a number of n characters is within
// MaxNumber; when it is not, with a problem.
func (d *decoder) numberFits(n int) bool {
	if n > d.lim.MaxNumber {
		d.fail(BadValue, "a number of %d characters: at most %d", n, d.lim.MaxNumber)
		return false
	}
	return true
}

// decimal reads a decimal from a JSON number or a string, starting with
// c; false, with a problem, when it is not one.
func (d *decoder) decimal(c byte) (decimal.Decimal, bool) {
	switch {
	case c == '"':
		raw, escaped, valid := d.rawString()
		if !valid {
			d.fail(BadValue, "want a decimal number such as 12.34, got text that is not valid UTF-8")
			return decimal.Decimal{}, false
		}
		if !d.numberFits(len(raw)) {
			return decimal.Decimal{}, false
		}
		if escaped {
			d.fail(BadValue, "want a decimal number such as 12.34, got %q", raw)
			return decimal.Decimal{}, false
		}
		return d.decimalText(raw)
	case c == '-' || (c >= '0' && c <= '9'):
		lit, _ := d.number()
		if !d.numberFits(len(lit)) {
			return decimal.Decimal{}, false
		}
		return d.decimalText(lit)
	default:
		d.wrong("want a number", c)
		return decimal.Decimal{}, false
	}
}

// parseInt parses a JSON number written as a whole number into an int of
// the given bits.
func parseInt(lit []byte, whole bool, bits int) (int64, bool) {
	if !whole {
		return 0, false
	}
	if len(lit) > 18 {
		i, err := strconv.ParseInt(string(lit), 10, bits)
		return i, err == nil
	}
	n := smallInt(lit)
	if bits < 64 && (n < -1<<(bits-1) || n > 1<<(bits-1)-1) {
		return 0, false
	}
	return n, true
}

// smallInt is the value of at most 18 digits, after an optional minus.
func smallInt(lit []byte) int64 {
	neg := lit[0] == '-'
	if neg {
		lit = lit[1:]
	}
	var n int64
	for _, c := range lit {
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n
}

// decimalText parses a decimal from its text, as decimal.NewFromString
// does, reporting a problem when it cannot.
// A decimal is immutable: the same text read again is the same value, and
// the document's decimals share it (a ruleset of thousands of campaigns
// repeats its percents and amounts).
func (d *decoder) decimalText(text []byte) (decimal.Decimal, bool) {
	if dv, ok := d.decimals[string(text)]; ok {
		return dv, true
	}
	dv, err := parseDecimal(text)
	if err != "" {
		d.fail(BadValue, "%s", err)
		return decimal.Decimal{}, false
	}
	if d.decimals == nil {
		d.decimals = map[string]decimal.Decimal{}
	}
	d.decimals[string(text)] = dv
	return dv, true
}

// parseDecimal reads text of at most a few dozen characters: an optional
// sign, digits with at most one point, an optional exponent. What it
// accepts, decimal.NewFromString accepts too, with the same value (not the
// other way round: NewFromString also takes a Unicode minus sign).
func parseDecimal(text []byte) (decimal.Decimal, string) {
	bad := func() (decimal.Decimal, string) {
		return decimal.Decimal{}, fmt.Sprintf("want a decimal number such as 12.34, got %q", text)
	}
	outOfRange := func() (decimal.Decimal, string) {
		return decimal.Decimal{}, fmt.Sprintf("the exponent of %s is out of range: at most %d either way", text, MaxExponent)
	}
	s := text
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var exp int64
	if i := bytes.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.ParseInt(string(s[i+1:]), 10, 32)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return outOfRange()
			}
			return bad()
		}
		exp = e
		s = s[:i]
	}
	digits, fraction, ok := pointless(s)
	if !ok {
		return bad()
	}
	exp -= int64(fraction)
	if exp > MaxExponent || exp < -MaxExponent {
		return outOfRange()
	}
	if len(digits) <= 18 {
		n := smallInt(digits)
		if neg {
			n = -n
		}
		return decimal.New(n, int32(exp)), ""
	}
	b, ok := new(big.Int).SetString(string(digits), 10)
	if !ok {
		return bad()
	}
	if neg {
		b.Neg(b)
	}
	return decimal.NewFromBigInt(b, int32(exp)), ""
}

// pointless is the digits of s without its decimal point and how many of
// them came after it; false when s is not digits with at most one point.
func pointless(s []byte) (digits []byte, fraction int, ok bool) {
	digits = s
	if i := bytes.IndexByte(s, '.'); i >= 0 {
		frac := s[i+1:]
		if bytes.IndexByte(frac, '.') >= 0 {
			return nil, 0, false
		}
		fraction = len(frac)
		digits = append(append(make([]byte, 0, len(s)), s[:i]...), frac...)
	}
	if len(digits) == 0 {
		return nil, 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return nil, 0, false
		}
	}
	return digits, fraction, true
}
