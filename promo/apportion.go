package promo

import (
	"sort"

	"github.com/shopspring/decimal"
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
	shares := make([]decimal.Decimal, len(weights))
	total := decimal.Zero
	for _, w := range weights {
		total = total.Add(w)
	}
	cents := amount.Mul(decimal.NewFromInt(100)).Floor()
	if total.Sign() <= 0 || cents.Sign() <= 0 {
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
	if left > 0 {
		sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.GreaterThan(rems[b].r) })
		for k := int64(0); k < left; k++ {
			shares[rems[k].i] = shares[rems[k].i].Add(decimal.NewFromInt(1))
		}
	}
	for i := range shares {
		shares[i] = shares[i].Shift(-CentPlaces)
	}
	return shares
}
