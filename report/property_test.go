package report_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/funding"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
	"github.com/promokit/promokit/refund"
	"github.com/promokit/promokit/report"
)

// products is the catalog of the recorded sales: each product at one or
// two shelf prices (a catalog entry per price), the cheese by weight.
func products() []promogen.Product {
	var out []promogen.Product
	for _, p := range []struct {
		code, category string
		prices         []string
		measure        promogen.Measure
	}{
		{"MEIA", "vestuario/meias", []string{"10.00", "12.90"}, promogen.ByUnit},
		{"CAMISA", "vestuario/camisas", []string{"59.90", "90.00"}, promogen.ByUnit},
		{"CAFE", "mercado/cafe", []string{"25.00", "18.49"}, promogen.ByUnit},
		{"SABAO", "limpeza", []string{"8.00", "7.45"}, promogen.ByUnit},
		{"SHAMPOO", "higiene", []string{"30.00"}, promogen.ByUnit},
		{"ARROZ", "mercado/graos", []string{"20.00"}, promogen.ByUnit},
		{"QUEIJO", "frios/queijos", []string{"39.90"}, promogen.ByWeight},
	} {
		for _, price := range p.prices {
			out = append(out, promogen.Product{Code: p.code, Category: p.category, Price: testkit.Dec(price), Measure: p.measure})
		}
	}
	return out
}

// genRecords draws a stream of recorded sales over the fixture ruleset, as
// a host would record them: customers' wallets hold the cashback they
// earned (less what they redeemed), and some sales are partly returned.
func genRecords(t *rapid.T, rs *promo.Ruleset) []report.Record {
	type wallet map[string]*promo.Credit
	wallets := map[string]wallet{}
	var out []report.Record
	var sales []int // indexes in out of the sales not yet returned
	now := testkit.At(2026, 11, 10, 8, 0, 0)
	carts := promogen.Cart(promogen.WithOnlyProducts(products()...), promogen.WithLines(1, 4), promogen.WithMaxQuantity(7),
		promogen.WithCustomer(nil))
	n := rapid.IntRange(1, 30).Draw(t, "sales")
	for i := range n {
		now = now.Add(time.Duration(rapid.IntRange(0, 3000).Draw(t, "minutes")) * time.Minute)
		c := promo.Cart{ID: fmt.Sprintf("s%d", i), Time: now,
			Store: promo.Store{ID: rapid.SampledFrom([]string{"loja-1", "loja-2", "loja-3"}).Draw(t, "store")}}
		if tok := rapid.SampledFrom([]string{"", "", "tok-a", "tok-b", "tok-c"}).Draw(t, "customer"); tok != "" {
			c.Customer = customer(tok)
			for _, id := range sortedIDs(wallets[tok]) {
				if cr := wallets[tok][id]; cr.Remaining.Sign() > 0 {
					c.Wallet = append(c.Wallet, *cr)
				}
			}
		}
		if rapid.Bool().Draw(t, "coupon") {
			c.PromoCodes = []string{"PACK10"}
		}
		c.Lines = carts.Draw(t, "cart").Lines
		res := promotest.EvaluateChecked(t, c, rs)
		out = append(out, report.Record{Cart: c, Result: res})
		sales = append(sales, len(out)-1)
		for _, e := range res.Events {
			switch e.Kind {
			case promo.EventCashbackEarned:
				if wallets[e.Customer] == nil {
					wallets[e.Customer] = wallet{}
				}
				wallets[e.Customer][e.ID] = &promo.Credit{ID: e.ID, Campaign: e.Campaign, Remaining: e.Amount, EarnedAt: c.Time,
					Store: e.Store, AvailableFrom: e.ValidFrom, ExpiresAt: e.ValidUntil, Terms: *e.Terms}
			case promo.EventCashbackRedeemed:
				cr := wallets[e.Customer][e.Credit]
				cr.Remaining = cr.Remaining.Sub(e.Amount)
			}
		}
		if len(sales) > 0 && rapid.IntRange(0, 3).Draw(t, "return") == 0 {
			k := rapid.IntRange(0, len(sales)-1).Draw(t, "returned sale")
			sale := out[sales[k]]
			sales = slices.Delete(sales, k, k+1)
			var back []refund.Returned
			for _, l := range sale.Cart.Lines {
				if rapid.Bool().Draw(t, "return line") {
					back = append(back, refund.Returned{Line: l.ID, Quantity: l.Quantity})
				}
			}
			if len(back) == 0 {
				continue
			}
			rf, err := refund.Of(sale.Result, nil, back)
			if err != nil {
				t.Fatalf("refund of %s: %v", sale.Cart.ID, err)
			}
			now = now.Add(time.Minute)
			out = append(out, report.ReturnRecord(promo.Cart{ID: "r-" + sale.Cart.ID, Time: now, Store: sale.Cart.Store,
				Customer: sale.Cart.Customer}, rf))
		}
	}
	return out
}

func sortedIDs[V any](m map[string]V) []string {
	var ids []string
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func loadFixture(t testing.TB) *promo.Ruleset {
	t.Helper()
	rs := promotest.Load(t, fixtureRuleset)
	return rs
}

// resultSums adds up what the results say, the way the reports must.
type resultSums struct {
	sales, activated, applications, occurrences int
	gross, discount, net, campaignDiscount      decimal.Decimal
	keyed, earned, redeemed, points, funded     decimal.Decimal
	gifts                                       int64
}

func sumResults(recs []report.Record) resultSums {
	z := decimal.Zero
	s := resultSums{gross: z, discount: z, net: z, campaignDiscount: z, keyed: z, earned: z, redeemed: z, points: z, funded: z}
	for _, r := range recs {
		res := r.Result
		for _, e := range res.Events {
			if e.Kind == promo.EventCashbackRestored {
				s.redeemed = s.redeemed.Sub(e.Amount) // given back by a return
			}
		}
		if len(res.Lines) == 0 {
			continue
		}
		s.sales++
		if len(res.Applied) > 0 {
			s.activated++
		}
		s.gross, s.discount, s.net = s.gross.Add(res.Totals.Gross), s.discount.Add(res.Totals.Discount), s.net.Add(res.Totals.Net)
		for _, a := range res.Applied {
			s.applications++
			s.occurrences += a.Occurrences
			s.campaignDiscount = s.campaignDiscount.Add(a.Amount)
		}
		for _, l := range res.Lines {
			for _, a := range l.Adjustments {
				if a.Key != "" {
					s.keyed = s.keyed.Add(a.Amount)
				}
			}
		}
		for _, g := range res.Gifts {
			if g.UnitPrice.IsZero() {
				s.gifts += g.Quantity
			}
		}
		for _, e := range res.Events {
			switch e.Kind {
			case promo.EventCashbackEarned:
				s.earned = s.earned.Add(e.Amount)
			case promo.EventCashbackRedeemed:
				s.redeemed = s.redeemed.Add(e.Amount)
			case promo.EventPoints:
				s.points = s.points.Add(e.Points)
			}
		}
		for _, f := range funding.Records(r.Cart, res) {
			s.funded = s.funded.Add(f.FunderAmount)
		}
	}
	return s
}

func diffSums(t *rapid.T, what string, want, got any) {
	t.Helper()
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("%s (-want +got):\n%s", what, diff)
	}
}

func TestPropertySummaryTotals(t *testing.T) {
	rs := loadFixture(t)
	rapid.Check(t, func(t *rapid.T) {
		recs := genRecords(t, rs)
		want := sumResults(recs)
		p := rapid.SampledFrom([]report.Period{report.Day, report.Week, report.Month}).Draw(t, "period")
		s := report.Summarize(slices.Values(recs), p, report.Filter{})
		var sales, activated, rowSales int
		var gifts, rowGifts int64
		gross, discount, net, own := decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
		for _, tot := range s.Totals {
			sales, activated, gifts = sales+tot.Sales, activated+tot.Activated, gifts+tot.Gifts
			gross, discount, net = gross.Add(tot.Gross), discount.Add(tot.Discount), net.Add(tot.Net)
		}
		for _, r := range s.Rows {
			if !r.Discount.Equal(r.CampaignDiscount.Add(r.OtherDiscounts)) || !r.Net.Equal(r.Gross.Sub(r.Discount)) {
				t.Fatalf("row %+v: discounts or net do not add up", r)
			}
			rowSales += r.Sales
			rowGifts += r.Gifts
			own = own.Add(r.CampaignDiscount)
		}
		diffSums(t, "summary totals",
			[]any{want.sales, want.activated, want.gifts, want.gross, want.discount, want.net, want.applications, want.gifts, want.campaignDiscount},
			[]any{sales, activated, gifts, gross, discount, net, rowSales, rowGifts, own})
	})
}

func TestPropertyStatisticsTotals(t *testing.T) {
	rs := loadFixture(t)
	rapid.Check(t, func(t *rapid.T) {
		recs := genRecords(t, rs)
		want := sumResults(recs)
		var acts int
		var gifts int64
		disc, points, cash := decimal.Zero, decimal.Zero, decimal.Zero
		for _, r := range report.CampaignStatistics(slices.Values(recs), report.Week, rs, report.Filter{}) {
			acts += r.Activations
			gifts += r.Gifts
			disc, points, cash = disc.Add(r.Discount), points.Add(r.Points), cash.Add(r.Cashback)
		}
		diffSums(t, "statistics totals",
			[]any{want.occurrences, want.gifts, want.campaignDiscount, want.points, want.earned},
			[]any{acts, gifts, disc, points, cash})
	})
}

func TestPropertyActivationsAndFrequencyTotals(t *testing.T) {
	rs := loadFixture(t)
	rapid.Check(t, func(t *rapid.T) {
		recs := genRecords(t, rs)
		want := sumResults(recs)
		fr := report.StoreFrequency(slices.Values(recs), report.Filter{})
		var tickets, acts, rowSales, rowActs int
		for _, row := range fr.Stores {
			rowSales += row.Sales
			rowActs += row.Activations
			for _, a := range report.StoreActivations(slices.Values(recs), row.Store, report.Filter{}) {
				tickets++
				acts += a.Activations
			}
		}
		diffSums(t, "frequency and activations",
			[]any{want.sales, want.sales, want.occurrences, want.occurrences, want.activated, want.occurrences},
			[]any{fr.Sales, rowSales, fr.Activations, rowActs, tickets, acts})
	})
}

func TestPropertyCashbackBalances(t *testing.T) {
	rs := loadFixture(t)
	rapid.Check(t, func(t *rapid.T) {
		recs := genRecords(t, rs)
		want := sumResults(recs)
		asOf := testkit.At(2027, 6, 1, 0, 0, 0) // after every record
		if rapid.Bool().Draw(t, "mid-stream") {
			asOf = testkit.At(2026, 11, 20, 12, 0, 0)
		}
		earned, redeemed := decimal.Zero, decimal.Zero
		for _, c := range report.CashbackCredits(slices.Values(recs), asOf, report.Filter{}) {
			if !c.Earned.Equal(c.Redeemed.Add(c.Reversed).Add(c.Expired).Add(c.Balance)) {
				t.Fatalf("credit %+v: earned is not redeemed + reversed + expired + balance", c)
			}
			if c.Expired.Sign() < 0 || c.Reversed.Sign() < 0 || c.Redeemed.GreaterThan(c.Earned) {
				t.Fatalf("credit %+v: impossible amounts", c)
			}
			earned, redeemed = earned.Add(c.Earned), redeemed.Add(c.Redeemed)
		}
		if asOf.Year() == 2027 {
			// Every credit redeemed was earned in the stream.
			diffSums(t, "cashback totals", []any{want.earned, want.redeemed}, []any{earned, redeemed})
		}
	})
}

func TestPropertyDiscountTotals(t *testing.T) {
	rs := loadFixture(t)
	rapid.Check(t, func(t *rapid.T) {
		recs := genRecords(t, rs)
		want := sumResults(recs)
		keyed := decimal.Zero
		for _, r := range report.DiscountsByKey(slices.Values(recs), report.Month, report.Filter{}) {
			keyed = keyed.Add(r.Discount)
		}
		all, funded := decimal.Zero, decimal.Zero
		for _, r := range report.DiscountsByFunder(slices.Values(recs), report.Day, report.Filter{}) {
			all = all.Add(r.Amount)
			if r.Funder != promo.FunderRetailer {
				funded = funded.Add(r.Amount)
			}
		}
		diffSums(t, "discount totals", []any{want.keyed, want.discount, want.funded}, []any{keyed, all, funded})
	})
}

// TestPropertyOrderDoesNotMatter: the reports are the same whatever the
// order the host streams the records in.
func TestPropertyOrderDoesNotMatter(t *testing.T) {
	rs := loadFixture(t)
	rapid.Check(t, func(t *rapid.T) {
		recs := genRecords(t, rs)
		perm := rapid.Permutation(recs).Draw(t, "order")
		asOf := testkit.At(2026, 11, 25, 0, 0, 0)
		all := func(recs []report.Record) []any {
			seq := slices.Values(recs)
			return []any{
				report.Summarize(seq, report.Week, report.Filter{}),
				report.CampaignStatistics(seq, report.Day, rs, report.Filter{}),
				report.StoreActivations(seq, "loja-1", report.Filter{}),
				report.StoreFrequency(seq, report.Filter{}),
				report.CashbackCredits(seq, asOf, report.Filter{}),
				report.DiscountsByKey(seq, report.Day, report.Filter{}),
				report.DiscountsByFunder(seq, report.Week, report.Filter{}),
			}
		}
		diffSums(t, "reports of the records in another order", all(recs), all(perm))
	})
}
