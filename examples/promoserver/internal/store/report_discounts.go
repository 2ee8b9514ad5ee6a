package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/promokit/promokit/report"
)

// DiscountsByKey is report.DiscountsByKey in SQL.
func (s *Store) DiscountsByKey(ctx context.Context, p report.Period, f report.Filter) ([]report.KeyRow, error) {
	pc := periodColumn(p)
	w := saleFilter(f)
	w.add("d.disc_key <> ''")
	campaignFilter(w, f, "d.campaign", "COALESCE(a.category, '')")
	q := `SELECT ` + pc + `, d.disc_key, d.campaign, COUNT(DISTINCT s.id), COUNT(*), SUM(d.amount_cents)
		FROM sales s JOIN sale_adjustments d ON d.sale_id = s.id
		LEFT JOIN sale_applications a ON a.sale_id = s.id AND a.campaign = d.campaign
		WHERE ` + w.String() + ` GROUP BY ` + pc + `, d.disc_key, d.campaign`
	out := []report.KeyRow{}
	err := s.query(ctx, q, w.args, func(rows *sql.Rows) error {
		var r report.KeyRow
		var from string
		var amount int64
		if err := rows.Scan(&from, &r.Key, &r.Campaign, &r.Sales, &r.Lines, &amount); err != nil {
			return err
		}
		r.From, r.To = periodOf(p, from)
		r.Discount = money(amount)
		out = append(out, r)
		return nil
	})
	slices.SortFunc(out, func(a, b report.KeyRow) int {
		return cmp.Or(strings.Compare(a.From.String(), b.From.String()), strings.Compare(a.Key, b.Key), strings.Compare(a.Campaign, b.Campaign))
	})
	return out, err
}

// DiscountsByFunder is report.DiscountsByFunder in SQL.
func (s *Store) DiscountsByFunder(ctx context.Context, p report.Period, f report.Filter) ([]report.FunderRow, error) {
	pc := periodColumn(p)
	w := saleFilter(f)
	campaignFilter(w, f, "d.campaign", "COALESCE((SELECT a.category FROM sale_applications a WHERE a.sale_id = s.id AND a.campaign = d.campaign ORDER BY a.seq LIMIT 1), '')")
	q := `WITH parts AS (
			SELECT s.id AS sale_id, ` + pc + ` AS p, CASE WHEN d.funded_by = '' THEN 'retailer' ELSE d.funded_by END AS funder,
				d.campaign, d.amount_cents AS amount
			FROM sales s JOIN sale_adjustments d ON d.sale_id = s.id WHERE d.shared = 0 AND ` + w.String() + `
			UNION ALL
			SELECT s.id, ` + pc + `, CASE WHEN sh.funder = '' THEN 'retailer' ELSE sh.funder END, d.campaign, sh.amount_cents
			FROM sales s JOIN sale_adjustments d ON d.sale_id = s.id
			JOIN sale_adjustment_shares sh ON sh.sale_id = d.sale_id AND sh.line_seq = d.line_seq AND sh.seq = d.seq
			WHERE ` + w.String() + `
		), per_sale AS (
			SELECT p, funder, campaign, sale_id, SUM(amount) AS amount FROM parts GROUP BY p, funder, campaign, sale_id
		)
		SELECT ps.p, ps.funder, ps.campaign, COUNT(*),
			COALESCE(SUM((SELECT a.units FROM sale_applications a WHERE a.sale_id = ps.sale_id AND a.campaign = ps.campaign ORDER BY a.seq LIMIT 1)), 0),
			SUM(ps.amount)
		FROM per_sale ps GROUP BY ps.p, ps.funder, ps.campaign`
	out := []report.FunderRow{}
	err := s.query(ctx, q, append(slices.Clone(w.args), w.args...), func(rows *sql.Rows) error {
		var r report.FunderRow
		var from string
		var amount int64
		if err := rows.Scan(&from, &r.Funder, &r.Campaign, &r.Sales, &r.Units, &amount); err != nil {
			return err
		}
		r.From, r.To = periodOf(p, from)
		r.Amount = money(amount)
		out = append(out, r)
		return nil
	})
	slices.SortFunc(out, func(a, b report.FunderRow) int {
		return cmp.Or(strings.Compare(a.From.String(), b.From.String()), strings.Compare(a.Funder, b.Funder), strings.Compare(a.Campaign, b.Campaign))
	})
	return out, err
}
