package report

import (
	"iter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// StatisticsRow is what one campaign did in one period (Estatísticas).
type StatisticsRow struct {
	// From and To are the first and last day of the period.
	From, To br.Date
	// Campaign is the campaign's id. Name, Type, Category, Start and End
	// are its Info in the ruleset given; when the ruleset does not hold it
	// (or none was given), Name, Type and Category are those of its
	// application in the latest of its sales and Start and End are zero.
	Campaign, Name, Type, Category string
	Start, End                     time.Time
	// Sales counts the sales the campaign applied to or earned in.
	Sales int
	// Activations adds up the campaign's occurrences (its activation
	// events count the same).
	Activations int
	// Discount adds up the campaign's discounts on the lines.
	Discount decimal.Decimal
	// Gifts counts the gift units it granted.
	Gifts int64
	// Points adds up the points of its points events. A multiplier bonus
	// without a points program in the ruleset carries no points (the
	// host's program computes them) and adds nothing here.
	Points decimal.Decimal
	// Cashback adds up the cashback it earned (cashback_earned events).
	Cashback decimal.Decimal
}

type statsAcc struct {
	latest
	saleCount
	name, typ, category string
	activations         int
	discount, cashback  sum
	points              sum
	gifts               int64
}

// CampaignStatistics adds up, by period (of the sale's local date) and
// campaign, the activations, discounts, gifts, points and cashback of each
// campaign: the Reshop manual's "Estatísticas". rs, which may be nil, gives each
// campaign's type and dates (pass the ruleset the sales were evaluated
// with). A program (a points program) gets a row when its events score
// points; the cashback wallet does not, since it earns nothing.
//
// Memory holds one aggregate per period and campaign.
func CampaignStatistics(records iter.Seq[Record], p Period, rs *promo.Ruleset, f Filter) []StatisticsRow {
	rows := map[summaryKey]*statsAcc{}
	get := func(s keptSale, id string) *statsAcc {
		row := rowFor(rows, summaryKey{s.from, id})
		row.count(s.seq)
		return row
	}
	for s := range keptSales(records, p, f) {
		res := &s.Result
		for k := range res.Applied {
			app := &res.Applied[k]
			if f.keepsCampaign(app.Campaign, s.category(app.Campaign, rs)) {
				get(s, app.Campaign).addApplication(s.Record, app)
			}
		}
		for k := range res.Events {
			e := &res.Events[k]
			if e.Kind != promo.EventPoints && e.Kind != promo.EventCashbackEarned {
				continue
			}
			if !f.keepsCampaign(e.Campaign, s.category(e.Campaign, rs)) {
				continue
			}
			row := get(s, e.Campaign)
			if e.Kind == promo.EventPoints {
				row.points.add(e.Points)
			} else {
				row.cashback.add(e.Amount)
			}
		}
	}
	return statisticsOf(rows, p, rs)
}

// addApplication adds what a campaign's application did in a sale.
func (row *statsAcc) addApplication(r *Record, app *promo.Application) {
	if row.newer(r) {
		row.name, row.typ, row.category = app.Name, app.Type, app.Category
	}
	row.activations += app.Occurrences
	row.discount.addAdjustments(&r.Result, app.Campaign)
	row.gifts += giftUnits(&r.Result, byCampaign(app.Campaign))
}

// statisticsOf is the rows of the aggregates, in period then campaign
// order, named and dated by rs where it holds the campaign.
func statisticsOf(rows map[summaryKey]*statsAcc, p Period, rs *promo.Ruleset) []StatisticsRow {
	out := make([]StatisticsRow, 0, len(rows))
	for _, key := range sortedKeys(rows, compareSummaryKeys) {
		acc := rows[key]
		_, to := p.Span(key.from)
		row := StatisticsRow{
			From: key.from, To: to, Campaign: key.campaign, Name: acc.name, Type: acc.typ, Category: acc.category,
			Sales: acc.sales, Activations: acc.activations, Discount: acc.discount.value(), Gifts: acc.gifts,
			Points: acc.points.value(), Cashback: acc.cashback.value(),
		}
		if rs != nil {
			if pr, ok := rs.Promotion(key.campaign); ok {
				in := pr.Info()
				row.Name, row.Type, row.Category, row.Start, row.End = in.Name, in.Type, in.Category, in.Start, in.End
			}
		}
		out = append(out, row)
	}
	return out
}
