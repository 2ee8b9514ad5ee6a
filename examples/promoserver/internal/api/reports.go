package api

import (
	"context"
	"iter"
	"net/http"
	"time"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// reportQuery is what a report request asks for.
type reportQuery struct {
	name   string
	store  string
	period report.Period
	stream bool
	asOf   time.Time
	filter report.Filter
}

// reportSource computes one report by package report over the records
// streamed out of the database, or as SQL in it.
type reportSource struct {
	stream func() any
	sql    func() (any, error)
}

// report serves the campaign reports: computed as SQL in the database
// (source=sql, the default) or by package report over the records streamed
// out of it (source=stream). Both give the same figures.
func (s *Server) report(w http.ResponseWriter, r *http.Request) error {
	q, err := s.reportQuery(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	rs, err := s.store.Current(ctx)
	if err != nil {
		return err
	}
	records, failed := s.store.Records(ctx)
	src, ok := s.reportSources(ctx, q, rs.Compiled, records)[q.name]
	if !ok {
		return invalid("report", promo.Problem{Path: "report", Reason: "want summary, statistics, activations, frequency, cashback, discounts-by-key or discounts-by-funder"})
	}
	var out any
	if q.stream {
		out = src.stream()
	} else {
		out, err = src.sql()
	}
	if err == nil {
		err = failed()
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"report": q.name, "data": out})
}

// reportSources are the reports by name.
func (s *Server) reportSources(ctx context.Context, q reportQuery, rs *promo.Ruleset, records iter.Seq[report.Record]) map[string]reportSource {
	st, p, f := s.store, q.period, q.filter
	return map[string]reportSource{
		"summary": {
			func() any { return report.Summarize(records, p, f) },
			func() (any, error) { return st.Summary(ctx, p, f) }},
		"statistics": {
			func() any { return report.CampaignStatistics(records, p, rs, f) },
			func() (any, error) { return st.Statistics(ctx, p, rs, f) }},
		"activations": {
			func() any { return report.StoreActivations(records, q.store, f) },
			func() (any, error) { return st.Activations(ctx, q.store, f) }},
		"frequency": {
			func() any { return report.StoreFrequency(records, f) },
			func() (any, error) { return st.Frequency(ctx, f) }},
		"cashback": {
			func() any { return report.CashbackCredits(records, q.asOf, f) },
			func() (any, error) { return st.CashbackCredits(ctx, q.asOf, f) }},
		"discounts-by-key": {
			func() any { return report.DiscountsByKey(records, p, f) },
			func() (any, error) { return st.DiscountsByKey(ctx, p, f) }},
		"discounts-by-funder": {
			func() any { return report.DiscountsByFunder(records, p, f) },
			func() (any, error) { return st.DiscountsByFunder(ctx, p, f) }},
	}
}

// reportQuery reads a report request's path and query, with every problem
// it has.
func (s *Server) reportQuery(r *http.Request) (reportQuery, error) {
	v := r.URL.Query()
	var ps []promo.Problem
	date := func(name string) br.Date {
		text := v.Get(name)
		if text == "" {
			return br.Date{}
		}
		d, err := br.ParseDate(text)
		if err != nil {
			ps = append(ps, promo.Problem{Path: name, Reason: "want a date YYYY-MM-DD"})
		}
		return d
	}
	q := reportQuery{name: r.PathValue("report"), store: v.Get("store"), period: report.Day, asOf: s.now()}
	q.filter.From, q.filter.To = date("from"), date("to")
	q.filter.Ticket, q.filter.Customer, q.filter.Campaign, q.filter.Category = v.Get("ticket"), v.Get("customer"), v.Get("campaign"), v.Get("category")
	switch v.Get("period") {
	case "", "day":
	case "week":
		q.period = report.Week
	case "month":
		q.period = report.Month
	default:
		ps = append(ps, promo.Problem{Path: "period", Reason: "want day, week or month"})
	}
	switch v.Get("source") {
	case "", "sql":
	case "stream":
		q.stream = true
	default:
		ps = append(ps, promo.Problem{Path: "source", Reason: "want sql or stream"})
	}
	if text := v.Get("as_of"); text != "" {
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			ps = append(ps, promo.Problem{Path: "as_of", Reason: "want an RFC 3339 instant"})
		}
		q.asOf = t
	}
	if q.name == "activations" && q.store == "" {
		ps = append(ps, promo.Problem{Path: "store", Reason: "required for the activations report"})
	}
	if len(ps) > 0 {
		return q, invalid("report", ps...)
	}
	return q, nil
}
