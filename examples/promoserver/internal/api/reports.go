package api

import (
	"net/http"
	"time"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// report serves the campaign reports: computed as SQL in the database
// (source=sql, the default) or by package report over the records streamed
// out of it (source=stream). Both give the same figures.
func (s *Server) report(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var ps []promo.Problem
	var f report.Filter
	date := func(name string) promo.Date {
		v := q.Get(name)
		if v == "" {
			return promo.Date{}
		}
		d, err := promo.ParseDate(v)
		if err != nil {
			ps = append(ps, promo.Problem{Path: name, Reason: "want a date YYYY-MM-DD"})
		}
		return d
	}
	f.From, f.To = date("from"), date("to")
	f.Ticket, f.Customer, f.Campaign, f.Category = q.Get("ticket"), q.Get("customer"), q.Get("campaign"), q.Get("category")
	period := report.Day
	switch q.Get("period") {
	case "", "day":
	case "week":
		period = report.Week
	case "month":
		period = report.Month
	default:
		ps = append(ps, promo.Problem{Path: "period", Reason: "want day, week or month"})
	}
	stream := false
	switch q.Get("source") {
	case "", "sql":
	case "stream":
		stream = true
	default:
		ps = append(ps, promo.Problem{Path: "source", Reason: "want sql or stream"})
	}
	asOf := s.now()
	if v := q.Get("as_of"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			ps = append(ps, promo.Problem{Path: "as_of", Reason: "want an RFC 3339 instant"})
		}
		asOf = t
	}
	name := r.PathValue("report")
	store := q.Get("store")
	if name == "activations" && store == "" {
		ps = append(ps, promo.Problem{Path: "store", Reason: "required for the activations report"})
	}
	if len(ps) > 0 {
		return invalid("report", ps...)
	}
	ctx := r.Context()
	rs, err := s.store.Current(ctx)
	if err != nil {
		return err
	}
	records, failed := s.store.Records(ctx)
	var out any
	switch name {
	case "summary":
		if stream {
			out = report.Summarize(records, period, f)
		} else {
			out, err = s.store.Summary(ctx, period, f)
		}
	case "statistics":
		if stream {
			out = report.CampaignStatistics(records, period, rs.Compiled, f)
		} else {
			out, err = s.store.Statistics(ctx, period, rs.Compiled, f)
		}
	case "activations":
		if stream {
			out = report.StoreActivations(records, store, f)
		} else {
			out, err = s.store.Activations(ctx, store, f)
		}
	case "frequency":
		if stream {
			out = report.StoreFrequency(records, f)
		} else {
			out, err = s.store.Frequency(ctx, f)
		}
	case "cashback":
		if stream {
			out = report.CashbackCredits(records, asOf, f)
		} else {
			out, err = s.store.CashbackCredits(ctx, asOf, f)
		}
	case "discounts-by-key":
		if stream {
			out = report.DiscountsByKey(records, period, f)
		} else {
			out, err = s.store.DiscountsByKey(ctx, period, f)
		}
	case "discounts-by-funder":
		if stream {
			out = report.DiscountsByFunder(records, period, f)
		} else {
			out, err = s.store.DiscountsByFunder(ctx, period, f)
		}
	default:
		return invalid("report", promo.Problem{Path: "report", Reason: "want summary, statistics, activations, frequency, cashback, discounts-by-key or discounts-by-funder"})
	}
	if err == nil {
		err = failed()
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"report": name, "data": out})
}
