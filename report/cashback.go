package report

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// CreditRow is one cashback credit and its balance at an instant
// (Cashback).
type CreditRow struct {
	// Credit is the credit's id: the id of the cashback_earned event, which
	// the host's wallet uses as the credit's id.
	Credit string
	// Campaign earned it for Customer (the customer's token), in sale
	// Ticket at Store, at EarnedAt.
	Campaign, Customer string
	Ticket, Store      string
	EarnedAt           time.Time
	// ValidFrom and ValidUntil bound its redemption; a zero ValidUntil
	// never expires.
	ValidFrom, ValidUntil time.Time
	// Earned is the credit; Redeemed and Reversed what redemptions and
	// returns took from it up to the instant.
	Earned, Redeemed, Reversed decimal.Decimal
	// Expired is what was left when the credit expired (the instant is
	// after ValidUntil): it is lost, and the balance is zero.
	Expired decimal.Decimal
	// Balance is Earned − Redeemed − Reversed − Expired: what can still be
	// redeemed (once ValidFrom has come). Never negative: as in the
	// wallet, a return takes back at most what is left (Reversed is capped),
	// and Redeemed is net of what returns gave back.
	Balance decimal.Decimal
	// Redemptions are the sales that redeemed it, by instant then ticket;
	// RedeemedAt lists their stores, sorted, once each.
	Redemptions []Redemption
	RedeemedAt  []string
}

// Redemption is one sale's redemption of a credit: the sale's ticket,
// store and instant, and the amount it took from the credit.
type Redemption struct {
	Ticket, Store string
	Time          time.Time
	Amount        decimal.Decimal
}

type creditAcc struct {
	earned             bool
	row                CreditRow
	amount             sum
	redeemed, reversed sum
	restored           sum // given back by returns of goods it paid for
	redemptions        []Redemption
}

// CashbackCredits lists the cashback credits earned in the records, each
// with the store that earned it, the stores that redeemed it and its
// balance as of the instant asOf: the Reshop manual's "Cashback". Records after asOf
// are left out. The filter's record fields (dates, ticket, customer) and
// campaign fields apply to the sale that earned a credit; its redemptions
// (cashback_redeemed events, whose Credit names it) and reversals
// (cashback_reversed events of returns, see ReturnRecord) count in
// whichever record they are. A redemption of a credit not earned in the
// records is not reported.
//
// Its output, and so its memory, grows with the credits (one per earning
// sale); it keeps no record. Rows are sorted by EarnedAt, then credit id.
func CashbackCredits(records iter.Seq[Record], asOf time.Time, f Filter) []CreditRow {
	credits := map[string]*creditAcc{}
	get := func(id string) *creditAcc {
		c := credits[id]
		if c == nil {
			c = &creditAcc{}
			credits[id] = c
		}
		return c
	}
	for r := range records {
		if r.Cart.Time.After(asOf) {
			continue
		}
		kept := f.keeps(&r, br.DateOf(r.Cart.Time))
		for k := range r.Result.Events {
			e := &r.Result.Events[k]
			switch e.Kind {
			case promo.EventCashbackEarned:
				if !kept || !f.keepsCampaign(e.Campaign, r.category(e.Campaign, nil)) {
					continue
				}
				c := get(e.ID)
				c.earned = true
				c.amount.add(e.Amount)
				store := e.Store
				if store == "" {
					store = r.Cart.Store.ID
				}
				c.row = CreditRow{Credit: e.ID, Campaign: e.Campaign, Customer: e.Customer, Ticket: r.Cart.ID,
					Store: store, EarnedAt: r.Cart.Time, ValidFrom: e.ValidFrom, ValidUntil: e.ValidUntil}
			case promo.EventCashbackRedeemed:
				c := get(e.Credit)
				c.redeemed.add(e.Amount)
				c.redemptions = append(c.redemptions, Redemption{Ticket: r.Cart.ID, Store: r.Cart.Store.ID, Time: r.Cart.Time, Amount: e.Amount})
			case promo.EventCashbackReversed:
				get(e.Reverses).reversed.add(e.Amount)
			case promo.EventCashbackRestored:
				get(e.Credit).restored.add(e.Amount)
			}
		}
	}

	var out []CreditRow
	for _, c := range credits {
		if !c.earned {
			continue
		}
		row := c.row
		// Redeemed is net of what returns gave back; a reversal takes at
		// most what is left, as the wallet does.
		row.Earned, row.Redeemed = c.amount.value(), c.redeemed.value().Sub(c.restored.value())
		row.Reversed = decimal.Min(c.reversed.value(), decimal.Max(decimal.Zero, row.Earned.Sub(row.Redeemed)))
		left := row.Earned.Sub(row.Redeemed).Sub(row.Reversed)
		row.Expired = decimal.New(0, -2)
		if !row.ValidUntil.IsZero() && asOf.After(row.ValidUntil) && left.Sign() > 0 {
			row.Expired = left
		}
		row.Balance = left.Sub(row.Expired)
		slices.SortFunc(c.redemptions, func(a, b Redemption) int {
			return cmp.Or(a.Time.Compare(b.Time), strings.Compare(a.Ticket, b.Ticket), a.Amount.Cmp(b.Amount))
		})
		row.Redemptions = c.redemptions
		for _, rd := range c.redemptions {
			row.RedeemedAt = append(row.RedeemedAt, rd.Store)
		}
		slices.Sort(row.RedeemedAt)
		row.RedeemedAt = slices.Compact(row.RedeemedAt)
		out = append(out, row)
	}
	slices.SortFunc(out, func(a, b CreditRow) int {
		return cmp.Or(a.EarnedAt.Compare(b.EarnedAt), strings.Compare(a.Credit, b.Credit))
	})
	return out
}
