package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// Statistics is report.CampaignStatistics in SQL; rs gives each campaign's
// type, dates and category as in the report (pass the ruleset the sales
// were evaluated with).
func (s *Store) Statistics(ctx context.Context, p report.Period, rs *promo.Ruleset, f report.Filter) ([]report.StatisticsRow, error) {
	pc := periodColumn(p)
	aw, ew := statisticsFilters(f, rs)
	q := statisticsSQL(pc, aw, ew, s.binary())
	var out []report.StatisticsRow
	err := s.query(ctx, q, append(aw.args, ew.args...), func(rows *sql.Rows) error {
		var r report.StatisticsRow
		var from string
		var discount, points, cashback int64
		if err := rows.Scan(&from, &r.Campaign, &r.Sales, &r.Activations, &discount, &r.Gifts, &points, &cashback, &r.Name, &r.Type, &r.Category); err != nil {
			return err
		}
		r.From, r.To = periodOf(p, from)
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

// statisticsFilters are the conditions on the applications (aw) and on the
// events (ew) of the sales the filter keeps.
func statisticsFilters(f report.Filter, rs *promo.Ruleset) (aw, ew *where) {
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
	aw = &where{parts: slices.Clone(w.parts), args: slices.Clone(w.args)}
	campaignFilter(aw, f, "a.campaign", catExpr)
	ew = &where{parts: slices.Clone(w.parts), args: slices.Clone(w.args)}
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
	return aw, ew
}

// statisticsSQL adds up, by period pc and campaign, the applications and
// the points and cashback events; binary is the engine's collation clause.
func statisticsSQL(pc string, aw, ew *where, binary string) string {
	return `WITH apps AS (
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
			SELECT p, campaign, name, type, category, ROW_NUMBER() OVER (PARTITION BY p, campaign ORDER BY at DESC, sale_id` + binary + ` DESC) AS n FROM apps
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
}
