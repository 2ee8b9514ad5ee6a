package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/report"
)

// Summary is report.Summarize in SQL.
func (s *Store) Summary(ctx context.Context, p report.Period, f report.Filter) (report.Summary, error) {
	out := report.Summary{}
	pc := periodColumn(p)
	w := saleFilter(f)
	campaignFilter(w, f, "a.campaign", "a.category")
	q := `SELECT p, campaign, name, category, sales, activations, gross, discount, net, own, gifts FROM (
		SELECT ` + pc + ` AS p, a.campaign, a.name, a.category,
			ROW_NUMBER() OVER (PARTITION BY ` + pc + `, a.campaign ORDER BY s.at_unix_nano DESC, s.id` + s.binary() + ` DESC) AS latest,
			COUNT(*) OVER (PARTITION BY ` + pc + `, a.campaign) AS sales,
			SUM(a.occurrences) OVER (PARTITION BY ` + pc + `, a.campaign) AS activations,
			SUM(s.gross_cents) OVER (PARTITION BY ` + pc + `, a.campaign) AS gross,
			SUM(s.discount_cents) OVER (PARTITION BY ` + pc + `, a.campaign) AS discount,
			SUM(s.net_cents) OVER (PARTITION BY ` + pc + `, a.campaign) AS net,
			SUM((SELECT COALESCE(SUM(d.amount_cents), 0) FROM sale_adjustments d WHERE d.sale_id = s.id AND d.campaign = a.campaign))
				OVER (PARTITION BY ` + pc + `, a.campaign) AS own,
			SUM((SELECT COALESCE(SUM(g.quantity), 0) FROM sale_gifts g WHERE g.sale_id = s.id AND g.campaign = a.campaign AND g.unit_price_cents = 0))
				OVER (PARTITION BY ` + pc + `, a.campaign) AS gifts
		FROM sales s JOIN sale_applications a ON a.sale_id = s.id
		WHERE ` + w.String() + `) x WHERE latest = 1`
	err := s.query(ctx, q, w.args, func(rows *sql.Rows) error {
		var r report.SummaryRow
		var from string
		var gross, discount, net, own int64
		if err := rows.Scan(&from, &r.Campaign, &r.Name, &r.Category, &r.Sales, &r.Activations, &gross, &discount, &net, &own, &r.Gifts); err != nil {
			return err
		}
		r.From, r.To = periodOf(p, from)
		r.Gross, r.Discount, r.Net, r.CampaignDiscount = money(gross), money(discount), money(net), money(own)
		r.OtherDiscounts = r.Discount.Sub(r.CampaignDiscount)
		out.Rows = append(out.Rows, r)
		return nil
	})
	if err != nil {
		return out, err
	}
	slices.SortFunc(out.Rows, func(a, b report.SummaryRow) int {
		return cmp.Or(strings.Compare(a.From.String(), b.From.String()), strings.Compare(a.Campaign, b.Campaign))
	})
	tw := saleFilter(f)
	q = `SELECT ` + pc + `, COUNT(*),
			COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM sale_applications a WHERE a.sale_id = s.id) THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(s.gross_cents), 0), COALESCE(SUM(s.discount_cents), 0), COALESCE(SUM(s.net_cents), 0),
			COALESCE(SUM((SELECT COALESCE(SUM(g.quantity), 0) FROM sale_gifts g WHERE g.sale_id = s.id AND g.unit_price_cents = 0)), 0)
		FROM sales s WHERE ` + tw.String() + ` GROUP BY ` + pc
	err = s.query(ctx, q, tw.args, func(rows *sql.Rows) error {
		var t report.SummaryTotals
		var from string
		var gross, discount, net int64
		if err := rows.Scan(&from, &t.Sales, &t.Activated, &gross, &discount, &net, &t.Gifts); err != nil {
			return err
		}
		t.From, t.To = periodOf(p, from)
		t.Gross, t.Discount, t.Net = money(gross), money(discount), money(net)
		out.Totals = append(out.Totals, t)
		return nil
	})
	slices.SortFunc(out.Totals, func(a, b report.SummaryTotals) int { return strings.Compare(a.From.String(), b.From.String()) })
	return out, err
}

// Frequency is report.StoreFrequency in SQL.
func (s *Store) Frequency(ctx context.Context, f report.Filter) (report.Frequency, error) {
	var out report.Frequency
	w := saleFilter(f)
	aw := &where{}
	aw.add("a.sale_id = s.id")
	campaignFilter(aw, f, "a.campaign", "a.category")
	q := `SELECT store, COUNT(*), COALESCE(SUM(CASE WHEN n > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(n), 0) FROM (
		SELECT s.store, (SELECT COALESCE(SUM(a.occurrences), 0) FROM sale_applications a WHERE ` + aw.String() + `) AS n
		FROM sales s WHERE ` + w.String() + `) x GROUP BY store`
	err := s.query(ctx, q, append(aw.args, w.args...), func(rows *sql.Rows) error {
		var r report.FrequencyRow
		if err := rows.Scan(&r.Store, &r.Sales, &r.Activated, &r.Activations); err != nil {
			return err
		}
		r.Frequency = ratio(r.Activations, r.Sales)
		out.Stores = append(out.Stores, r)
		return nil
	})
	if err != nil {
		return out, err
	}
	slices.SortFunc(out.Stores, func(a, b report.FrequencyRow) int { return strings.Compare(a.Store, b.Store) })
	for _, r := range out.Stores {
		out.Sales += r.Sales
		out.Activated += r.Activated
		out.Activations += r.Activations
		out.StoresSeen++
		if r.Activations > 0 {
			out.StoresActivated++
		}
	}
	out.Frequency = ratio(out.Activations, out.Sales)
	out.Incidence = ratio(out.StoresActivated, out.StoresSeen)
	return out, nil
}

// ratio is n over d rounded to four places, as the report package rounds.
func ratio(n, d int) decimal.Decimal {
	if d == 0 {
		return decimal.New(0, -4)
	}
	return decimal.NewFromInt(int64(n)).DivRound(decimal.NewFromInt(int64(d)), 4)
}

// Activations is report.StoreActivations in SQL.
func (s *Store) Activations(ctx context.Context, store string, f report.Filter) ([]report.ActivationRow, error) {
	w := saleFilter(f)
	w.add("s.store = ?", store)
	campaignFilter(w, f, "a.campaign", "a.category")
	q := `SELECT s.id, s.time, s.customer, s.gross_cents, s.discount_cents, s.net_cents, a.campaign, a.occurrences,
			(SELECT COALESCE(SUM(d.amount_cents), 0) FROM sale_adjustments d WHERE d.sale_id = s.id AND d.campaign = a.campaign)
		FROM sales s JOIN sale_applications a ON a.sale_id = s.id
		WHERE ` + w.String() + ` ORDER BY s.at_unix_nano, s.id` + s.binary() + `, a.seq`
	var out []report.ActivationRow
	own := int64(0)
	err := s.query(ctx, q, w.args, func(rows *sql.Rows) error {
		var id, at, customer, campaign string
		var gross, discount, net, occ, mine int64
		if err := rows.Scan(&id, &at, &customer, &gross, &discount, &net, &campaign, &occ, &mine); err != nil {
			return err
		}
		if len(out) == 0 || out[len(out)-1].Ticket != id {
			if len(out) > 0 {
				out[len(out)-1].CampaignDiscount = money(own)
			}
			t, err := parseTime(at)
			if err != nil {
				return err
			}
			out = append(out, report.ActivationRow{Ticket: id, Time: t, Customer: customer, Gross: money(gross), Discount: money(discount), Net: money(net)})
			own = 0
		}
		row := &out[len(out)-1]
		row.Campaigns = append(row.Campaigns, campaign)
		row.Activations += int(occ)
		own += mine
		return nil
	})
	if len(out) > 0 {
		out[len(out)-1].CampaignDiscount = money(own)
	}
	return out, err
}
