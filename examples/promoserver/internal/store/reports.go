package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// The campaign reports of package report, computed as SQL over the
// committed sales (and the returns) instead of a stream of records, so that
// a chain whose history outgrows one process runs them in the database.
// Each gives the same figures as its report function over Records; the
// same SQL runs on SQLite and PostgreSQL. Voided sales are not sales: they
// are left out of both.

// Records streams the committed sales and the returns as the report package
// reads them: each sale's cart and result, and each return as a
// report.ReturnRecord carrying its events. The sequence reads one snapshot;
// an error ends it and is returned by the func.
func (s *Store) Records(ctx context.Context) (iter.Seq[report.Record], func() error) {
	var failure error
	seq := func(yield func(report.Record) bool) {
		failure = s.readTx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, "SELECT cart, result FROM sales WHERE status = 'committed' ORDER BY at_unix_nano, id")
			if err != nil {
				return err
			}
			for rows.Next() {
				var cart, result string
				if err := rows.Scan(&cart, &result); err != nil {
					rows.Close()
					return err
				}
				var rec report.Record
				if err := json.Unmarshal([]byte(cart), &rec.Cart); err != nil {
					rows.Close()
					return err
				}
				if err := json.Unmarshal([]byte(result), &rec.Result); err != nil {
					rows.Close()
					return err
				}
				if !yield(rec) {
					rows.Close()
					return nil
				}
			}
			if err := closeRows(rows); err != nil {
				return err
			}
			rows, err = tx.QueryContext(ctx, `SELECT r.id, r.time, r.store, s.cart FROM returns r JOIN sales s ON s.id = r.sale_id
				WHERE r.status = 'done' AND s.status = 'committed' ORDER BY r.at_unix_nano, r.id`)
			if err != nil {
				return err
			}
			type ret struct{ id, at, store, cart string }
			var rets []ret
			for rows.Next() {
				var x ret
				if err := rows.Scan(&x.id, &x.at, &x.store, &x.cart); err != nil {
					rows.Close()
					return err
				}
				rets = append(rets, x)
			}
			if err := closeRows(rows); err != nil {
				return err
			}
			for _, x := range rets {
				var sale promo.Cart
				if err := json.Unmarshal([]byte(x.cart), &sale); err != nil {
					return err
				}
				at, err := parseTime(x.at)
				if err != nil {
					return err
				}
				var events []promo.Event
				erows, err := tx.QueryContext(ctx, s.q("SELECT body FROM events WHERE origin = 'return' AND origin_id = ? ORDER BY seq"), x.id)
				if err != nil {
					return err
				}
				for erows.Next() {
					var body string
					var e promo.Event
					if err := erows.Scan(&body); err != nil {
						erows.Close()
						return err
					}
					if err := json.Unmarshal([]byte(body), &e); err != nil {
						erows.Close()
						return err
					}
					events = append(events, e)
				}
				if err := closeRows(erows); err != nil {
					return err
				}
				ret := promo.Cart{ID: x.id, Time: at, Store: promo.Store{ID: x.store}, Customer: sale.Customer}
				if !yield(report.ReturnRecord(ret, promo.RefundResult{Events: events})) {
					return nil
				}
			}
			return nil
		})
	}
	return seq, func() error { return failure }
}

// periodColumn is the sales column holding the first day of a period.
func periodColumn(p report.Period) string {
	switch p {
	case report.Week:
		return "s.week_start"
	case report.Month:
		return "s.month_start"
	}
	return "s.local_date"
}

// where is a WHERE clause under construction.
type where struct {
	parts []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.parts = append(w.parts, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string { return strings.Join(w.parts, " AND ") }

// saleFilter selects the committed sales the filter keeps: report.Filter's
// record fields (dates, ticket, customer).
func saleFilter(f report.Filter) *where {
	w := anySaleFilter(f)
	w.add("s.lines > 0")
	return w
}

// anySaleFilter is saleFilter without the condition that the sale has
// lines (CashbackCredits reads every record).
func anySaleFilter(f report.Filter) *where {
	w := &where{}
	w.add("s.status = 'committed'")
	if !f.From.IsZero() {
		w.add("s.local_date >= ?", f.From.String())
	}
	if !f.To.IsZero() {
		w.add("s.local_date <= ?", f.To.String())
	}
	if f.Ticket != "" {
		w.add("s.id = ?", f.Ticket)
	}
	if f.Customer != "" {
		w.add("s.customer = ?", f.Customer)
	}
	return w
}

// campaignFilter adds the filter's campaign fields on a campaign column and
// a category expression.
func campaignFilter(w *where, f report.Filter, campaignCol, categoryExpr string) {
	if f.Campaign != "" {
		w.add(campaignCol+" = ?", f.Campaign)
	}
	if f.Category != "" {
		w.add(categoryExpr+" = ?", f.Category)
	}
}

func money(c int64) decimal.Decimal { return decimal.New(c, -2) }

func mustDate(s string) promo.Date {
	d, err := promo.ParseDate(s)
	if err != nil {
		panic("stored date " + s + ": " + err.Error())
	}
	return d
}

func (s *Store) query(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(query), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		return closeRows(rows)
	})
}

// binary is the collation that orders text as Go compares strings.
func (s *Store) binary() string {
	if s.engine == Postgres {
		return ` COLLATE "C"`
	}
	return ""
}

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
		r.From = mustDate(from)
		_, r.To = p.Span(r.From)
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
		t.From = mustDate(from)
		_, t.To = p.Span(t.From)
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

// Statistics is report.CampaignStatistics in SQL; rs gives each campaign's
// type, dates and category as in the report (pass the ruleset the sales
// were evaluated with).
func (s *Store) Statistics(ctx context.Context, p report.Period, rs *promo.Ruleset, f report.Filter) ([]report.StatisticsRow, error) {
	pc := periodColumn(p)
	w := saleFilter(f)
	// A campaign's category is its application's in the sale, else the
	// ruleset's: the categories of the ruleset's promotions go in as a
	// list of the ids that have the category asked for.
	catExpr := "a.category"
	var inCategory []any
	if f.Category != "" && rs != nil {
		for _, pr := range rs.Promotions() {
			if pr.Info().Category == f.Category {
				inCategory = append(inCategory, pr.Info().ID)
			}
		}
	}
	eventCat := "0 = 1"
	if len(inCategory) > 0 {
		eventCat = "e.campaign IN (" + placeholders(len(inCategory)) + ")"
	}
	aw := &where{parts: slices.Clone(w.parts), args: slices.Clone(w.args)}
	campaignFilter(aw, f, "a.campaign", catExpr)
	ew := &where{parts: slices.Clone(w.parts), args: slices.Clone(w.args)}
	ew.add("e.origin = 'sale'")
	ew.add("e.kind IN ('points', 'cashback_earned')")
	if f.Campaign != "" {
		ew.add("e.campaign = ?", f.Campaign)
	}
	if f.Category != "" {
		ew.add(`CASE WHEN EXISTS (SELECT 1 FROM sale_applications a WHERE a.sale_id = s.id AND a.campaign = e.campaign)
			THEN (SELECT a.category FROM sale_applications a WHERE a.sale_id = s.id AND a.campaign = e.campaign ORDER BY a.seq LIMIT 1) = ?
			ELSE `+eventCat+` END`, append([]any{f.Category}, inCategory...)...)
	}
	q := `WITH apps AS (
			SELECT ` + pc + ` AS p, a.campaign, s.id AS sale_id, s.at_unix_nano AS at, a.name, a.type, a.category, a.occurrences,
				(SELECT COALESCE(SUM(d.amount_cents), 0) FROM sale_adjustments d WHERE d.sale_id = s.id AND d.campaign = a.campaign) AS discount,
				(SELECT COALESCE(SUM(g.quantity), 0) FROM sale_gifts g WHERE g.sale_id = s.id AND g.campaign = a.campaign AND g.unit_price_cents = 0) AS gifts
			FROM sales s JOIN sale_applications a ON a.sale_id = s.id WHERE ` + aw.String() + `
		), evs AS (
			SELECT ` + pc + ` AS p, e.campaign, s.id AS sale_id,
				CASE WHEN e.kind = 'points' THEN e.points ELSE 0 END AS points,
				CASE WHEN e.kind = 'cashback_earned' THEN e.amount_cents ELSE 0 END AS cashback
			FROM sales s JOIN events e ON e.sale_id = s.id WHERE ` + ew.String() + `
		), keys AS (
			SELECT p, campaign, sale_id FROM apps UNION SELECT p, campaign, sale_id FROM evs
		), latest AS (
			SELECT p, campaign, name, type, category, ROW_NUMBER() OVER (PARTITION BY p, campaign ORDER BY at DESC, sale_id` + s.binary() + ` DESC) AS n FROM apps
		)
		SELECT k.p, k.campaign, COUNT(*),
			COALESCE((SELECT SUM(occurrences) FROM apps x WHERE x.p = k.p AND x.campaign = k.campaign), 0),
			COALESCE((SELECT SUM(discount) FROM apps x WHERE x.p = k.p AND x.campaign = k.campaign), 0),
			COALESCE((SELECT SUM(gifts) FROM apps x WHERE x.p = k.p AND x.campaign = k.campaign), 0),
			COALESCE((SELECT SUM(points) FROM evs x WHERE x.p = k.p AND x.campaign = k.campaign), 0),
			COALESCE((SELECT SUM(cashback) FROM evs x WHERE x.p = k.p AND x.campaign = k.campaign), 0),
			COALESCE((SELECT name FROM latest l WHERE l.p = k.p AND l.campaign = k.campaign AND l.n = 1), ''),
			COALESCE((SELECT type FROM latest l WHERE l.p = k.p AND l.campaign = k.campaign AND l.n = 1), ''),
			COALESCE((SELECT category FROM latest l WHERE l.p = k.p AND l.campaign = k.campaign AND l.n = 1), '')
		FROM keys k GROUP BY k.p, k.campaign`
	var out []report.StatisticsRow
	err := s.query(ctx, q, append(aw.args, ew.args...), func(rows *sql.Rows) error {
		var r report.StatisticsRow
		var from string
		var discount, points, cashback int64
		if err := rows.Scan(&from, &r.Campaign, &r.Sales, &r.Activations, &discount, &r.Gifts, &points, &cashback, &r.Name, &r.Type, &r.Category); err != nil {
			return err
		}
		r.From = mustDate(from)
		_, r.To = p.Span(r.From)
		r.Discount, r.Points, r.Cashback = money(discount), decimal.NewFromInt(points), money(cashback)
		if rs != nil {
			if pr, ok := rs.Promotion(r.Campaign); ok {
				in := pr.Info()
				r.Name, r.Type, r.Category, r.Start, r.End = in.Name, in.Type, in.Category, in.Start, in.End
			}
		}
		out = append(out, r)
		return nil
	})
	slices.SortFunc(out, func(a, b report.StatisticsRow) int {
		return cmp.Or(strings.Compare(a.From.String(), b.From.String()), strings.Compare(a.Campaign, b.Campaign))
	})
	if out == nil {
		out = []report.StatisticsRow{}
	}
	return out, err
}

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
		r.From = mustDate(from)
		_, r.To = p.Span(r.From)
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
		r.From = mustDate(from)
		_, r.To = p.Span(r.From)
		r.Amount = money(amount)
		out = append(out, r)
		return nil
	})
	slices.SortFunc(out, func(a, b report.FunderRow) int {
		return cmp.Or(strings.Compare(a.From.String(), b.From.String()), strings.Compare(a.Funder, b.Funder), strings.Compare(a.Campaign, b.Campaign))
	})
	return out, err
}

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
		var r report.CreditRow
		var at, from, until string
		var expires, earned, redeemed, reversed, restored int64
		if err := rows.Scan(&r.Credit, &r.Campaign, &r.Customer, &r.Ticket, &r.Store, &at, &from, &until, &expires, &earned, &redeemed, &reversed, &restored); err != nil {
			return err
		}
		var err error
		if r.EarnedAt, err = parseTime(at); err != nil {
			return err
		}
		if r.ValidFrom, err = parseTime(from); err != nil {
			return err
		}
		if r.ValidUntil, err = parseTime(until); err != nil {
			return err
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
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		r := &out[i]
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
			return nil, err
		}
		slices.SortFunc(r.Redemptions, func(a, b report.Redemption) int {
			return cmp.Or(a.Time.Compare(b.Time), strings.Compare(a.Ticket, b.Ticket), a.Amount.Cmp(b.Amount))
		})
		for _, rd := range r.Redemptions {
			r.RedeemedAt = append(r.RedeemedAt, rd.Store)
		}
		slices.Sort(r.RedeemedAt)
		r.RedeemedAt = slices.Compact(r.RedeemedAt)
	}
	slices.SortFunc(out, func(a, b report.CreditRow) int {
		return cmp.Or(a.EarnedAt.Compare(b.EarnedAt), strings.Compare(a.Credit, b.Credit))
	})
	return out, nil
}
