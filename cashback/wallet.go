package cashback

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Wallet is a simple in-memory model of what a host does with cashback
// events: it keeps the credits, applies each event once (by id), expires
// credits, and accounts for every cent: earned = redeemed + expired +
// reversed + balance. The zero value is an empty wallet.
type Wallet struct {
	credits                             []promo.Credit
	seen                                map[string]bool
	earned, redeemed, expired, reversed decimal.Decimal
}

// Credits returns the credits with something left, to pass in a cart.
func (w *Wallet) Credits() []promo.Credit {
	var out []promo.Credit
	for _, c := range w.credits {
		if c.Remaining.Sign() > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Balance returns what is left in the wallet.
func (w *Wallet) Balance() decimal.Decimal {
	b := decimal.Zero
	for _, c := range w.credits {
		b = b.Add(c.Remaining)
	}
	return b
}

// Totals returns what was earned, redeemed, expired and reversed so far.
func (w *Wallet) Totals() (earned, redeemed, expired, reversed decimal.Decimal) {
	return w.earned, w.redeemed, w.expired, w.reversed
}

// Apply applies the cashback events of a sale made at t. An event already
// applied (same id) is skipped, so a retried sale changes nothing. Events
// of other kinds are ignored. On error nothing is applied.
func (w *Wallet) Apply(t time.Time, events []promo.Event) error {
	next := w.clone()
	for _, e := range events {
		if next.seen[e.ID] {
			continue
		}
		switch e.Kind {
		case promo.EventCashbackEarned:
			terms := promo.CreditTerms{}
			if e.Terms != nil {
				terms = *e.Terms
			}
			next.credits = append(next.credits, promo.Credit{ID: e.ID, Campaign: e.Campaign, Remaining: e.Amount,
				EarnedAt: t, Store: e.Store, AvailableFrom: e.ValidFrom, ExpiresAt: e.ValidUntil, Terms: terms})
			next.earned = next.earned.Add(e.Amount)
		case promo.EventCashbackRedeemed:
			k := next.find(e.Credit)
			if k < 0 || next.credits[k].Remaining.LessThan(e.Amount) {
				return fmt.Errorf("cashback: event %s redeems %s from credit %q, which has less", e.ID, e.Amount, e.Credit)
			}
			next.credits[k].Remaining = next.credits[k].Remaining.Sub(e.Amount)
			next.redeemed = next.redeemed.Add(e.Amount)
		case promo.EventCashbackRestored:
			k := next.find(e.Credit)
			if k < 0 {
				return fmt.Errorf("cashback: event %s restores unknown credit %q", e.ID, e.Credit)
			}
			next.credits[k].Remaining = next.credits[k].Remaining.Add(e.Amount)
			next.redeemed = next.redeemed.Sub(e.Amount)
		case promo.EventCashbackReversed:
			k := next.find(e.Reverses)
			if k < 0 {
				return fmt.Errorf("cashback: event %s reverses unknown credit %q", e.ID, e.Reverses)
			}
			take := decimal.Min(e.Amount, next.credits[k].Remaining)
			next.credits[k].Remaining = next.credits[k].Remaining.Sub(take)
			next.reversed = next.reversed.Add(take)
		default:
			continue
		}
		next.seen[e.ID] = true
	}
	*w = *next
	return nil
}

// Expire moves what is left of the credits expired at t to the expired
// total.
func (w *Wallet) Expire(t time.Time) {
	for i := range w.credits {
		c := &w.credits[i]
		if !c.ExpiresAt.IsZero() && t.After(c.ExpiresAt) && c.Remaining.Sign() > 0 {
			w.expired = w.expired.Add(c.Remaining)
			c.Remaining = decimal.Zero
		}
	}
}

// SetReviewAnswered marks a credit's review survey as answered.
func (w *Wallet) SetReviewAnswered(id string) {
	if k := w.find(id); k >= 0 {
		w.credits[k].ReviewAnswered = true
	}
}

func (w *Wallet) find(id string) int {
	return slices.IndexFunc(w.credits, func(c promo.Credit) bool { return c.ID == id })
}

func (w *Wallet) clone() *Wallet {
	c := *w
	c.credits = slices.Clone(w.credits)
	c.seen = maps.Clone(w.seen)
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	return &c
}
