package promo

import (
	"math/bits"
	"slices"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

// Apportion spreads amount (in cents, not negative) over weights in
// proportion to each weight, in whole cents, by the largest-remainder method:
// every share first gets the floor of its exact part, then the cents left go
// one each to the largest remainders, ties to the lower position. The shares
// sum exactly to amount.
//
// When amount does not exceed the sum of the weights and the weights are in
// whole cents (as line values are), no share exceeds its weight. Weights must not be negative; when they sum to zero every share is
// zero. Amount is rounded down to cents first.
func Apportion(amount decimal.Decimal, weights []decimal.Decimal) []decimal.Decimal {
	if shares, ok := apportionCents(amount, weights); ok {
		return shares
	}
	return apportionDecimal(amount, weights)
}

// apportionCents is Apportion in int64 cents, when the amount is a whole
// number of cents and the weights are whole cents, not negative, all
// within maxCents and their sum within maxCentsSum; false otherwise. Each
// product amount × weight is worked out in 128 bits, so no bound on it is
// needed. The remainders are those of the decimal computation times 100,
// so they rank the same.
func apportionCents(amount decimal.Decimal, weights []decimal.Decimal) ([]decimal.Decimal, bool) {
	cents, ok := centsOf(amount)
	if !ok {
		return nil, false
	}
	type rem struct {
		i    int
		q, r uint64 // the weight in cents until the shares are worked out
	}
	rems := make([]rem, len(weights))
	var total uint64
	for i, w := range weights {
		c, ok := centsOf(w)
		if !ok || c < 0 {
			return nil, false
		}
		if total += uint64(c); total > maxCentsSum {
			return nil, false
		}
		rems[i].q = uint64(c)
	}
	shares := make([]decimal.Decimal, len(weights))
	if total == 0 {
		for i := range shares {
			shares[i] = decimal.Zero
		}
		return shares, true
	}
	// A negative amount gives nothing, as zero does: every share 0.
	spread := uint64(max(cents, 0))
	left := spread
	for i := range rems {
		c := rems[i].q
		// c <= total, so the high word of spread × c is below total.
		hi, lo := bits.Mul64(spread, c)
		q, r := bits.Div64(hi, lo, total)
		rems[i] = rem{i: i, q: q, r: r}
		left -= q
	}
	if left != 0 {
		slices.SortStableFunc(rems, func(a, b rem) int {
			switch {
			case a.r > b.r:
				return -1
			case a.r < b.r:
				return 1
			}
			return 0
		})
		for k := uint64(0); k < left; k++ {
			rems[k].q++
		}
	}
	// One decimal per share, once its cents are known.
	for _, x := range rems {
		shares[x.i] = fromCents(int64(x.q))
	}
	return shares, true
}

// apportionDecimal is Apportion in decimal, whatever the amounts.
func apportionDecimal(amount decimal.Decimal, weights []decimal.Decimal) []decimal.Decimal {
	shares := make([]decimal.Decimal, len(weights))
	total := decimal.Zero
	for _, w := range weights {
		total = total.Add(w)
	}
	// A negative amount gives nothing, as zero does: every share 0.
	cents := decimal.Max(amount.Mul(decimal.NewFromInt(100)).Floor(), decimal.Zero)
	if total.Sign() <= 0 {
		for i := range shares {
			shares[i] = decimal.Zero
		}
		return shares
	}
	type rem struct {
		i int
		r decimal.Decimal
	}
	rems := make([]rem, len(weights))
	given := decimal.Zero
	for i, w := range weights {
		q, r := cents.Mul(w).QuoRem(total, 0)
		shares[i] = q
		given = given.Add(q)
		rems[i] = rem{i, r}
	}
	left := cents.Sub(given).IntPart()
	if left != 0 {
		sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.GreaterThan(rems[b].r) })
		for k := int64(0); k < left; k++ {
			shares[rems[k].i] = shares[rems[k].i].Add(decimal.NewFromInt(1))
		}
	}
	for i := range shares {
		shares[i] = shares[i].Shift(-money.CentPlaces)
	}
	return shares
}
