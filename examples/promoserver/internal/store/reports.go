package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/report"
)

// The campaign reports of package report, computed as SQL over the
// committed sales (and the returns) instead of a stream of records, so that
// a chain whose history outgrows one process runs them in the database.
// Each gives the same figures as its report function over Records; the
// same SQL runs on SQLite and PostgreSQL. Voided sales are not sales: they
// are left out of both.

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

// periodOf is the first and last day of the period p that starts on the
// stored date from.
func periodOf(p report.Period, from string) (first, last br.Date) {
	first = mustDate(from)
	_, last = p.Span(first)
	return first, last
}

func mustDate(s string) br.Date {
	d, err := br.ParseDate(s)
	if err != nil {
		panic("stored date " + s + ": " + err.Error())
	}
	return d
}

func (s *Store) query(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error { return eachRow(ctx, tx, s.q(query), args, scan) })
}

// binary is the collation that orders text as Go compares strings.
func (s *Store) binary() string {
	if s.engine == Postgres {
		return ` COLLATE "C"`
	}
	return ""
}
