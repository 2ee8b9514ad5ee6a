package report

import (
	"cmp"
	"iter"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// Summary is the campaign summary (Resumo): one row per period and
// campaign, and the totals of every sale of each period.
type Summary struct {
	// Rows are sorted by period, then campaign id.
	Rows []SummaryRow
	// Totals has one row per period with a sale, sorted by period.
	Totals []SummaryTotals
}

// SummaryRow is what one campaign did in one period, over the sales it
// applied to.
type SummaryRow struct {
	// From and To are the first and last day of the period.
	From, To br.Date
	// Campaign is the campaign's id; Name and Category are those of its
	// application in the latest of its sales (by instant, then ticket).
	Campaign, Name, Category string
	// Sales counts the sales the campaign applied to (vendas).
	Sales int
	// Activations adds up the campaign's occurrences in them.
	Activations int
	// Gross is the subtotal of those sales (NFC-e vProd).
	Gross decimal.Decimal
	// CampaignDiscount is the campaign's own discount (desconto da
	// campanha); OtherDiscounts those of every other campaign or program
	// in the same sales (descontos não provenientes da campanha), cashback
	// redeemed as a discount included; Discount is their sum.
	CampaignDiscount, OtherDiscounts, Discount decimal.Decimal
	// Net is Gross minus Discount (valor líquido).
	Net decimal.Decimal
	// Gifts counts the gift units (brindes) the campaign granted.
	Gifts int64
}

// SummaryTotals adds up every sale of a period the filter keeps, whether a
// campaign applied to it or not.
type SummaryTotals struct {
	From, To br.Date
	// Sales counts the sales; Activated those a campaign applied to.
	Sales, Activated int
	// Gross, Discount and Net add up the sales' totals.
	Gross, Discount, Net decimal.Decimal
	// Gifts counts the gift units granted.
	Gifts int64
}

type summaryKey struct {
	from     br.Date
	campaign string
}

type summaryAcc struct {
	latest
	name, category         string
	sales, activations     int
	gross, campaign, total sum
	net                    sum
	gifts                  int64
}

type totalsAcc struct {
	sales, activated     int
	gross, discount, net sum
	gifts                int64
}

// Summarize adds up records by period (of the sale's local date) and
// campaign: the campaign summary of the Reshop manual's "Menu Análise". Only
// campaigns listed in Result.Applied get a row; programs (the cashback
// wallet, a campaign's cashback or points earning) are not campaigns, and
// their discounts count among the other discounts of a sale.
//
// It reads each record once and keeps one aggregate per period and
// campaign: memory does not grow with the number of records.
func Summarize(records iter.Seq[Record], p Period, f Filter) Summary {
	rows := map[summaryKey]*summaryAcc{}
	totals := map[br.Date]*totalsAcc{}
	for s := range keptSales(records, p, f) {
		rowFor(totals, s.from).add(&s.Result)
		for k := range s.Result.Applied {
			app := &s.Result.Applied[k]
			if f.keepsCampaign(app.Campaign, app.Category) {
				rowFor(rows, summaryKey{s.from, app.Campaign}).add(s.Record, app)
			}
		}
	}
	return summaryOf(rows, totals, p)
}

// add adds a sale to the totals of its period.
func (t *totalsAcc) add(res *promo.Result) {
	t.sales++
	if len(res.Applied) > 0 {
		t.activated++
	}
	t.gross.add(res.Totals.Gross)
	t.discount.add(res.Totals.Discount)
	t.net.add(res.Totals.Net)
	t.gifts += giftUnits(res, func(string) bool { return true })
}

// add adds a sale a campaign applied to, with its application, to the
// campaign's row.
func (row *summaryAcc) add(r *Record, app *promo.Application) {
	res := &r.Result
	if row.newer(r) {
		row.name, row.category = app.Name, app.Category
	}
	row.sales++
	row.activations += app.Occurrences
	row.gross.add(res.Totals.Gross)
	row.total.add(res.Totals.Discount)
	row.net.add(res.Totals.Net)
	row.campaign.addAdjustments(res, app.Campaign)
	row.gifts += giftUnits(res, byCampaign(app.Campaign))
}

// summaryOf is the summary of the aggregates, in period then campaign
// order.
func summaryOf(rows map[summaryKey]*summaryAcc, totals map[br.Date]*totalsAcc, p Period) Summary {
	var out Summary
	for _, key := range sortedKeys(rows, compareSummaryKeys) {
		acc := rows[key]
		_, to := p.Span(key.from)
		own, total := acc.campaign.value(), acc.total.value()
		out.Rows = append(out.Rows, SummaryRow{
			From: key.from, To: to, Campaign: key.campaign, Name: acc.name, Category: acc.category,
			Sales: acc.sales, Activations: acc.activations, Gross: acc.gross.value(),
			CampaignDiscount: own, OtherDiscounts: total.Sub(own), Discount: total,
			Net: acc.net.value(), Gifts: acc.gifts,
		})
	}
	for _, from := range sortedKeys(totals, cmpDate) {
		acc := totals[from]
		_, to := p.Span(from)
		out.Totals = append(out.Totals, SummaryTotals{
			From: from, To: to, Sales: acc.sales, Activated: acc.activated,
			Gross: acc.gross.value(), Discount: acc.discount.value(), Net: acc.net.value(), Gifts: acc.gifts,
		})
	}
	return out
}

// compareSummaryKeys orders by period, then campaign id.
func compareSummaryKeys(a, b summaryKey) int {
	return cmp.Or(cmpDate(a.from, b.from), strings.Compare(a.campaign, b.campaign))
}
