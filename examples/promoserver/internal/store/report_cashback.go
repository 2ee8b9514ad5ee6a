package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/report"
)

// CashbackCredits is report.CashbackCredits in SQL.
func (s *Store) CashbackCredits(ctx context.Context, asOf time.Time, f report.Filter) ([]report.CreditRow, error) {
	w := anySaleFilter(f)
	w.add("s.at_unix_nano <= ?", asOf.UnixNano())
	w.add("e.origin = 'sale'")
	w.add("e.kind = 'cashback_earned'")
	campaignFilter(w, f, "e.campaign", "COALESCE((SELECT a.category FROM sale_applications a WHERE a.sale_id = s.id AND a.campaign = e.campaign ORDER BY a.seq LIMIT 1), '')")
	limit := asOf.UnixNano()
	q := `SELECT e.id, e.campaign, e.customer, s.id, CASE WHEN c.store = '' THEN s.store ELSE c.store END, s.time,
			c.available_from, c.expires_at, c.expires_unix, e.amount_cents,
			COALESCE((SELECT SUM(r.amount_cents) FROM events r JOIN sales rs ON rs.id = r.sale_id
				WHERE r.origin = 'sale' AND r.kind = 'cashback_redeemed' AND r.credit = e.id AND rs.status = 'committed' AND rs.at_unix_nano <= ?), 0),
			COALESCE((SELECT SUM(r.amount_cents) FROM events r JOIN returns rt ON rt.id = r.origin_id
				WHERE r.origin = 'return' AND r.kind = 'cashback_reversed' AND r.reverses = e.id AND rt.status = 'done' AND rt.at_unix_nano <= ?), 0),
			COALESCE((SELECT SUM(r.amount_cents) FROM events r JOIN returns rt ON rt.id = r.origin_id
				WHERE r.origin = 'return' AND r.kind = 'cashback_restored' AND r.credit = e.id AND rt.status = 'done' AND rt.at_unix_nano <= ?), 0)
		FROM sales s JOIN events e ON e.sale_id = s.id JOIN wallet_credits c ON c.id = e.id
		WHERE ` + w.String()
	var out []report.CreditRow
	err := s.query(ctx, q, append([]any{limit, limit, limit}, w.args...), func(rows *sql.Rows) error {
		r, err := creditRow(rows, asOf)
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := s.redemptions(ctx, &out[i], limit); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b report.CreditRow) int {
		return cmp.Or(a.EarnedAt.Compare(b.EarnedAt), strings.Compare(a.Credit, b.Credit))
	})
	return out, nil
}

// redemptions fills a credit's redemptions by committed sales up to the
// instant limit (Unix nanoseconds), and the stores they were made at.
func (s *Store) redemptions(ctx context.Context, r *report.CreditRow, limit int64) error {
	q := `SELECT s.id, s.store, s.time, e.amount_cents FROM events e JOIN sales s ON s.id = e.sale_id
		WHERE e.origin = 'sale' AND e.kind = 'cashback_redeemed' AND e.credit = ? AND s.status = 'committed' AND s.at_unix_nano <= ?`
	err := s.query(ctx, q, []any{r.Credit, limit}, func(rows *sql.Rows) error {
		var rd report.Redemption
		var at string
		var amount int64
		if err := rows.Scan(&rd.Ticket, &rd.Store, &at, &amount); err != nil {
			return err
		}
		var err error
		if rd.Time, err = parseTime(at); err != nil {
			return err
		}
		rd.Amount = money(amount)
		r.Redemptions = append(r.Redemptions, rd)
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(r.Redemptions, func(a, b report.Redemption) int {
		return cmp.Or(a.Time.Compare(b.Time), strings.Compare(a.Ticket, b.Ticket), a.Amount.Cmp(b.Amount))
	})
	for _, rd := range r.Redemptions {
		r.RedeemedAt = append(r.RedeemedAt, rd.Store)
	}
	slices.Sort(r.RedeemedAt)
	r.RedeemedAt = slices.Compact(r.RedeemedAt)
	return nil
}

// creditRow scans one credit and works out, at asOf, what of it is
// redeemed, reversed, expired and left.
func creditRow(rows *sql.Rows, asOf time.Time) (report.CreditRow, error) {
	var r report.CreditRow
	var at, from, until string
	var expires, earned, redeemed, reversed, restored int64
	if err := rows.Scan(&r.Credit, &r.Campaign, &r.Customer, &r.Ticket, &r.Store, &at, &from, &until, &expires, &earned, &redeemed, &reversed, &restored); err != nil {
		return r, err
	}
	var err error
	if r.EarnedAt, err = parseTime(at); err != nil {
		return r, err
	}
	if r.ValidFrom, err = parseTime(from); err != nil {
		return r, err
	}
	if r.ValidUntil, err = parseTime(until); err != nil {
		return r, err
	}
	net := redeemed - restored
	r.Earned, r.Redeemed = money(earned), money(net)
	r.Reversed = money(min(reversed, max(0, earned-net)))
	left := r.Earned.Sub(r.Redeemed).Sub(r.Reversed)
	r.Expired = decimal.New(0, -2)
	if !r.ValidUntil.IsZero() && asOf.After(r.ValidUntil) && left.Sign() > 0 {
		r.Expired = left
	}
	r.Balance = left.Sub(r.Expired)
	return r, nil
}
