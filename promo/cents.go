package promo

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

// The hot path adds up and apportions money in int64 cents instead of
// decimals (each decimal operation allocates). It does so only when every
// amount involved is a whole number of cents of at most maxCents in
// magnitude and every sum stays within maxCentsSum; otherwise it falls back
// to the decimal computation. Either way the result is the same number
// (the property tests compare both paths).

// maxCents bounds an amount the integer paths take: R$ 10^15, ten thousand
// times the largest amount a cart may state (bounds.Money).
const maxCents = 100_000_000_000_000_000

// maxCentsSum bounds a sum of such amounts: adding one more amount to a sum
// within it cannot overflow an int64.
const maxCentsSum = 10 * maxCents

// centsOf returns d in cents when d is a whole number of cents of at most
// maxCents in magnitude.
func centsOf(d decimal.Decimal) (int64, bool) {
	// The low 64 bits of the coefficient, then whether they are all of it
	// (compared on the stack: nothing is allocated).
	c := d.CoefficientInt64()
	exp := d.Exponent()
	if c == 0 {
		return 0, d.Sign() == 0
	}
	switch {
	case d.Equal(decimal.New(c, exp)):
		if d.IsNegative() {
			return negCents(d, c, exp)
		}
	case d.IsPositive() && d.Equal(decimal.NewFromUint64(uint64(c)).Shift(exp)):
		// A coefficient between 2^63 and 2^64 (weights at working
		// precision): its low 64 bits have the top one set, and c is
		// negative. (A coefficient beyond 2^64 fails this test.)
	default:
		return 0, false
	}
	u := uint64(c)
	for ; exp < -money.CentPlaces; exp++ {
		if u%10 != 0 {
			return 0, false // a fraction of a cent
		}
		u /= 10
	}
	if u > maxCents {
		return 0, false
	}
	// Within maxCents before each step, u cannot overflow.
	for ; exp > -money.CentPlaces; exp-- {
		u *= 10
		if u > maxCents {
			return 0, false
		}
	}
	return int64(u), true
}

// negCents is centsOf for a negative d of coefficient c (an int64).
func negCents(d decimal.Decimal, c int64, exp int32) (int64, bool) {
	if c == -c { // math.MinInt64
		return 0, false
	}
	u, ok := centsOf(decimal.New(-c, exp))
	return -u, ok
}

// fromCents returns c cents as a decimal (with two places; zero is
// decimal.Zero, which allocates nothing).
func fromCents(c int64) decimal.Decimal {
	if c == 0 {
		return decimal.Zero
	}
	return decimal.New(c, -money.CentPlaces)
}

// moneySum adds up amounts: in int64 cents while every amount is a whole
// number of cents and the sum within maxCentsSum, in decimal from the
// first amount that is not. The zero value is an empty sum.
type moneySum struct {
	cents int64
	dec   decimal.Decimal // the sum once it is in decimal
	inDec bool
	one   decimal.Decimal // the only amount added so far, when n == 1
	n     int
}

// add adds d to the sum.
func (s *moneySum) add(d decimal.Decimal) {
	s.n++
	if s.n == 1 {
		s.one = d
	}
	if !s.inDec {
		if c, ok := centsOf(d); ok {
			if t := s.cents + c; t <= maxCentsSum && t >= -maxCentsSum {
				s.cents = t
				return
			}
		}
		s.inDec = true
		s.dec = fromCents(s.cents)
	}
	s.dec = s.dec.Add(d)
}

// sub subtracts d from the sum.
func (s *moneySum) sub(d decimal.Decimal) {
	s.n = max(s.n, 1) + 1 // the sum is no longer one of its amounts
	if !s.inDec {
		if c, ok := centsOf(d); ok {
			if t := s.cents - c; t <= maxCentsSum && t >= -maxCentsSum {
				s.cents = t
				return
			}
		}
		s.inDec = true
		s.dec = fromCents(s.cents)
	}
	s.dec = s.dec.Sub(d)
}

// total returns the sum: zero when empty, the amount itself when there is
// one (no allocation).
func (s *moneySum) total() decimal.Decimal {
	switch {
	case s.n == 0:
		return decimal.Zero
	case s.n == 1:
		return s.one
	case s.inDec:
		return s.dec
	}
	return fromCents(s.cents)
}
