package report

import (
	"math"

	"github.com/shopspring/decimal"
)

// sum adds amounts exactly. Amounts that are whole cents and fit are added
// as an int64 count of cents, which allocates nothing; anything else (a
// fraction of a cent, or a sum that would overflow) is added with decimal
// arithmetic in rest. The value is always the exact sum.
type sum struct {
	cents int64
	rest  decimal.Decimal
	big   bool // rest holds something
}

// pow10 returns 10^k for 0 <= k <= 18.
func pow10(k int) int64 {
	return [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}[k]
}

// centsOf returns d as a whole number of cents when it is one and fits in
// an int64, without allocating.
func centsOf(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	switch {
	case e == -2:
		return c, true
	case e < -2:
		k := -2 - int(e)
		if k > 18 || c%pow10(k) != 0 {
			return 0, false
		}
		return c / pow10(k), true
	default:
		for ; e > -2; e-- {
			if c > math.MaxInt64/10 || c < math.MinInt64/10 {
				return 0, false
			}
			c *= 10
		}
		return c, true
	}
}

// add adds d.
func (s *sum) add(d decimal.Decimal) {
	if d.IsZero() {
		return
	}
	if c, ok := centsOf(d); ok {
		if t := s.cents + c; (c >= 0) == (t >= s.cents) { // no overflow
			s.cents = t
			return
		}
	}
	s.rest = s.rest.Add(d)
	s.big = true
}

// value returns the sum.
func (s *sum) value() decimal.Decimal {
	v := decimal.New(s.cents, -2)
	if s.big {
		v = v.Add(s.rest)
	}
	return v
}

// ratio returns n / d rounded to four places (half away from zero, as
// DivRound does), or zero when d is zero.
func ratio(n, d int) decimal.Decimal {
	if d == 0 {
		return decimal.New(0, -4)
	}
	return decimal.NewFromInt(int64(n)).DivRound(decimal.NewFromInt(int64(d)), 4)
}
