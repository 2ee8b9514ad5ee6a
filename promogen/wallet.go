package promogen

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/promo"
)

// Wallet generates a customer's cashback wallet at instant at, in store:
// up to three credits earned by the cashback campaigns the pools name (or
// by an earlier one), with R$ 0,01 to R$ 200,00 left, some not open yet,
// some expired, some with a minimum purchase, a cap, a review to answer.
func Wallet(at time.Time, store string, opts ...Option) *rapid.Generator[[]promo.Credit] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) []promo.Credit { return c.wallet(t, at, store) })
}

func (c *config) wallet(t *rapid.T, at time.Time, store string) []promo.Credit {
	campaigns := append([]string{"cashback-anterior"}, c.pools.Cashback...)
	n := rapid.IntRange(0, 3).Draw(t, "credits")
	out := make([]promo.Credit, n)
	for i := range out {
		days := func(lo, hi int, label string) time.Duration {
			return time.Duration(rapid.IntRange(lo, hi).Draw(t, label)) * 24 * time.Hour
		}
		cr := promo.Credit{
			ID:        fmt.Sprintf("credito-%d", i+1),
			Campaign:  rapid.SampledFrom(campaigns).Draw(t, "credit_campaign"),
			Remaining: decimal.New(rapid.Int64Range(1, 20000).Draw(t, "credit_cents"), -2),
			Store:     store,
		}
		cr.EarnedAt = at.Add(-days(1, 60, "earned_days_ago"))
		cr.AvailableFrom = cr.EarnedAt.Add(days(0, 70, "days_to_open"))
		if chance(t, 70, "expires") {
			// From the day it opens: before the sale (expired) or after.
			cr.ExpiresAt = cr.AvailableFrom.Add(days(0, 90, "days_open"))
		}
		if chance(t, 30, "min_purchase") {
			cr.Terms.MinPurchase = decimal.New(rapid.Int64Range(0, 20000).Draw(t, "min_purchase_cents"), -2)
		}
		if chance(t, 30, "redeem_cap") {
			cr.Terms.MaxRedeemPercent = decimal.NewFromInt(int64(rapid.IntRange(1, 100).Draw(t, "redeem_cap_percent")))
		}
		cr.Terms.ReviewRequired = chance(t, 20, "review_required")
		cr.ReviewAnswered = cr.Terms.ReviewRequired && rapid.Bool().Draw(t, "review_answered")
		cr.Terms.UseAveragePrice = chance(t, 20, "average_price")
		out[i] = cr
	}
	return out
}
