package api_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
	"github.com/promokit/promokit/report"
)

// The campaign reports as SQL over the committed sales give the same
// figures as package report over the same sales streamed as records:
// sample sales from several terminals and stores, with returns and a void,
// every report, every period and several filters.
func TestReportsSQLEqualPackage(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, string(sample.Ruleset))
			ctx := context.Background()
			if status, body, err := s.admin.Do(ctx, "PUT", "/v1/budgets/"+sample.BudgetedPromotion, map[string]int{"units": 40}); err != nil || status != http.StatusOK {
				t.Fatalf("budget: %d %s %v", status, body, err)
			}
			st := load.Run(ctx, s.URL, load.Options{Terminals: 4, Duration: time.Minute, Sales: 80, Prefix: "rep", Customers: 12, Stores: 3, Seed: 7})
			if st.FirstError != nil || st.Sales != 80 {
				t.Fatalf("%d sales: %v", st.Sales, st.FirstError)
			}
			// A return of the first unit of each sale that earned cashback,
			// a day later, and a void of one sale with no cashback.
			records, failed := s.Store.Records(ctx)
			var earners, others []promo.Cart
			for r := range records {
				if slices.ContainsFunc(r.Result.Events, func(e promo.Event) bool { return e.Kind == promo.EventCashbackEarned }) {
					earners = append(earners, r.Cart)
				} else if r.Cart.Customer != nil {
					others = append(others, r.Cart)
				}
			}
			if err := failed(); err != nil || len(earners) < 3 || len(others) < 1 {
				t.Fatalf("%d sales earned cashback, %d others: %v", len(earners), len(others), err)
			}
			for i, c := range earners[:3] {
				req := store.ReturnRequest{ID: c.ID + "-dev", Time: c.Time.Add(24 * time.Hour), Store: "loja-1",
					Lines: []refund.Returned{{Line: c.Lines[0].ID, Quantity: c.Lines[0].Quantity.Div(decimal.NewFromInt(int64(1 + i%2))).Truncate(0)}}}
				if req.Lines[0].Quantity.Sign() == 0 || c.Lines[0].Weighed {
					req.Lines[0].Quantity = c.Lines[0].Quantity
				}
				if status, body, err := s.admin.Do(ctx, "POST", "/v1/sales/"+c.ID+"/returns", req); err != nil || status != http.StatusCreated {
					t.Fatalf("return: %d %s %v", status, body, err)
				}
			}
			if status, body, err := s.admin.Do(ctx, "POST", "/v1/sales/"+others[0].ID+"/void", nil); err != nil || status != http.StatusOK {
				t.Fatalf("void: %d %s %v", status, body, err)
			}
			s.audit(t)

			rs, err := s.Store.Current(ctx)
			if err != nil {
				t.Fatal(err)
			}
			filters := []report.Filter{
				{},
				{From: br.Date{Year: 2026, Month: 11, Day: 21}, To: br.Date{Year: 2026, Month: 11, Day: 21}},
				{Campaign: "meias-3x2"},
				{Category: "mercearia"},
				{Customer: "cli-0003"},
				{Ticket: earners[0].ID},
			}
			stream := func() (func(yield func(report.Record) bool), func() error) { return s.Store.Records(ctx) }
			opts := cmp.Options{testkit.EquateDecimals(), cmpopts.EquateEmpty()}
			check := func(name string, want, got any, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if diff := cmp.Diff(want, got, opts); diff != "" {
					t.Errorf("%s: SQL differs from package report (-report +sql):\n%s", name, diff)
				}
			}
			nonEmpty := map[string]bool{}
			for i, f := range filters {
				periods := []report.Period{report.Day}
				if i < 2 {
					periods = append(periods, report.Week, report.Month)
				}
				for _, p := range periods {
					recs, _ := stream()
					want := report.Summarize(recs, p, f)
					got, err := s.Store.Summary(ctx, p, f)
					check("summary "+p.String(), want, got, err)
					nonEmpty["summary"] = nonEmpty["summary"] || len(want.Rows) > 0

					recs, _ = stream()
					wantS := report.CampaignStatistics(recs, p, rs.Compiled, f)
					gotS, err := s.Store.Statistics(ctx, p, rs.Compiled, f)
					check("statistics "+p.String(), wantS, gotS, err)
					nonEmpty["statistics"] = nonEmpty["statistics"] || len(wantS) > 0

					recs, _ = stream()
					wantK := report.DiscountsByKey(recs, p, f)
					gotK, err := s.Store.DiscountsByKey(ctx, p, f)
					check("discounts by key "+p.String(), wantK, gotK, err)
					nonEmpty["key"] = nonEmpty["key"] || len(wantK) > 0

					recs, _ = stream()
					wantF := report.DiscountsByFunder(recs, p, f)
					gotF, err := s.Store.DiscountsByFunder(ctx, p, f)
					check("discounts by funder "+p.String(), wantF, gotF, err)
					nonEmpty["funder"] = nonEmpty["funder"] || slices.ContainsFunc(wantF, func(r report.FunderRow) bool { return r.Funder == "Nestle" })
				}
				recs, _ := stream()
				wantFr := report.StoreFrequency(recs, f)
				gotFr, err := s.Store.Frequency(ctx, f)
				check("frequency", wantFr, gotFr, err)
				nonEmpty["frequency"] = nonEmpty["frequency"] || len(wantFr.Stores) > 0

				recs, _ = stream()
				wantA := report.StoreActivations(recs, "loja-2", f)
				gotA, err := s.Store.Activations(ctx, "loja-2", f)
				check("activations", wantA, gotA, err)
				nonEmpty["activations"] = nonEmpty["activations"] || len(wantA) > 0

				for _, asOf := range []time.Time{sample.Day.Add(12 * time.Hour), sample.Day.AddDate(0, 0, 2), sample.Day.AddDate(0, 3, 0)} {
					recs, _ = stream()
					wantC := report.CashbackCredits(recs, asOf, f)
					gotC, err := s.Store.CashbackCredits(ctx, asOf, f)
					check("cashback "+asOf.String(), wantC, gotC, err)
					nonEmpty["cashback"] = nonEmpty["cashback"] || slices.ContainsFunc(wantC, func(r report.CreditRow) bool {
						return r.Reversed.Sign() > 0 || len(r.Redemptions) > 0
					})
				}
			}
			for _, name := range []string{"summary", "statistics", "key", "funder", "frequency", "activations", "cashback"} {
				if !nonEmpty[name] {
					t.Errorf("the data never fills the %s report: the comparison proves nothing", name)
				}
			}
		})
	}
}
