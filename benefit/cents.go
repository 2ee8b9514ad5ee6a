package benefit

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// percentOfCents returns pct % of total rounded to cents with mode, as
// mode.Round(total.Mul(pct).DivRound(100, 12)) does, worked out in
// integers; false when the amounts do not allow it (total not a whole
// number of cents in an int64, pct negative or with more than 8 decimal
// places, or a product beyond 64 bits), and the caller computes it in
// decimal.
//
// total × pct / 100 is total's cents × pct's coefficient × 10^(e-2) cents,
// e being pct's exponent: with e >= -8 it has at most 10 decimal places
// of a cent, so dividing at 12 places of a real is exact and the only
// rounding is the one to cents, of the quotient by 10^(2-e).
func percentOfCents(total, pct decimal.Decimal, mode promo.RoundingMode) (decimal.Decimal, bool) {
	t, e := total.CoefficientInt64(), pct.Exponent()
	p := pct.CoefficientInt64()
	if total.Exponent() != -2 || t < 0 || !total.Equal(decimal.New(t, -2)) ||
		p < 0 || e < -8 || e > 2 || !pct.Equal(decimal.New(p, e)) {
		return decimal.Decimal{}, false
	}
	hi, tp := bits.Mul64(uint64(t), uint64(p))
	if hi != 0 {
		return decimal.Decimal{}, false
	}
	div := uint64(1)
	for range 2 - e {
		div *= 10
	}
	// The remainder is half a cent or more when rem >= div - rem; with no
	// remainder that never holds (div >= 1).
	cents, rem := tp/div, tp%div
	var up bool
	switch mode {
	case promo.HalfUp:
		up = rem >= div-rem
	case promo.Truncate:
	default: // HalfEven
		up = rem > div-rem || rem == div-rem && cents%2 == 1
	}
	if up {
		cents++
	}
	if cents > math.MaxInt64 {
		return decimal.Decimal{}, false
	}
	return decimal.New(int64(cents), -2), true
}
