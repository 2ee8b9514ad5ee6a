package report

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// KeyRow is what the discounts with one identification key came to in one
// period (and store): the sales report by Desconto Pack key
// (ChaveIdDescVenda).
type KeyRow struct {
	// From and To are the first and last day of the period.
	From, To br.Date
	// Store is the store of the sales (Cart.Store.ID) in the rows of
	// DiscountsByKeyAndStore; empty in those of DiscountsByKey, which add
	// up every store.
	Store string
	// Key is the identification key (Adjustment.Key); Campaign the table
	// or campaign that carried it.
	Key, Campaign string
	// Sales counts the sales with a discount under the key; Lines the lines
	// discounted.
	Sales, Lines int
	// Discount adds up the discounts under the key.
	Discount decimal.Decimal
}

type keyKey struct {
	from                 br.Date
	store, key, campaign string
}

type keyAcc struct {
	saleCount
	lines    int
	discount sum
}

// DiscountsByKey adds up the discounts that carry an identification key
// (Adjustment.Key: Desconto Pack's chave identificadora do desconto), by
// period, key and campaign, sorted in that order. Discounts without a key
// are left out; Filter.Store keeps one store.
//
// Memory holds one aggregate per period, key and campaign.
func DiscountsByKey(records iter.Seq[Record], p Period, f Filter) []KeyRow {
	return discountsByKey(records, p, f, false)
}

// DiscountsByKeyAndStore is DiscountsByKey split by store as well: by
// period, store, key and campaign, sorted in that order.
//
// Memory holds one aggregate per period, store, key and campaign.
func DiscountsByKeyAndStore(records iter.Seq[Record], p Period, f Filter) []KeyRow {
	return discountsByKey(records, p, f, true)
}

func discountsByKey(records iter.Seq[Record], p Period, f Filter, byStore bool) []KeyRow {
	rows := map[keyKey]*keyAcc{}
	for s := range keptSales(records, p, f) {
		for _, l := range s.Result.Lines {
			for _, a := range l.Adjustments {
				if a.Key == "" || !f.keepsCampaign(a.Campaign, s.category(a.Campaign, nil)) {
					continue
				}
				k := keyKey{from: s.from, key: a.Key, campaign: a.Campaign}
				if byStore {
					k.store = s.Cart.Store.ID
				}
				row := rowFor(rows, k)
				row.count(s.seq)
				row.lines++
				row.discount.add(a.Amount)
			}
		}
	}
	out := make([]KeyRow, 0, len(rows))
	for _, k := range sortedKeys(rows, func(a, b keyKey) int {
		return cmp.Or(cmpDate(a.from, b.from), strings.Compare(a.store, b.store), strings.Compare(a.key, b.key), strings.Compare(a.campaign, b.campaign))
	}) {
		acc := rows[k]
		_, to := p.Span(k.from)
		out = append(out, KeyRow{From: k.from, To: to, Store: k.store, Key: k.key, Campaign: k.campaign,
			Sales: acc.sales, Lines: acc.lines, Discount: acc.discount.value()})
	}
	return out
}

// KeyedSale is one sale's discount under one identification key: a row of
// the sales report with the facts ChaveIdDescVenda (Key) and
// NrAutDescVenda (Authorization) of the Desconto Pack manual.
type KeyedSale struct {
	// Date is the sale's local date; Sale its ticket (Cart.ID); Store
	// its store.
	Date        br.Date
	Sale, Store string
	// Key is the identification key; Campaign the table or campaign that
	// carried it; Authorization the sale's authorization number for it
	// (Adjustment.Authorization).
	Key, Campaign, Authorization string
	// Lines counts the lines discounted under the key; Discount adds up
	// the discounts.
	Lines    int
	Discount decimal.Decimal
}

// KeyedSales lists, sale by sale in the order of the records, the
// discounts that carry an identification key: one row per sale and keyed
// campaign, in key then campaign order within a sale. It is the
// itemized form of DiscountsByKey, a row per authorization number, and
// honours the same filter. It reads the records as it is iterated and keeps
// nothing between sales.
func KeyedSales(records iter.Seq[Record], f Filter) iter.Seq[KeyedSale] {
	return func(yield func(KeyedSale) bool) {
		for r := range records {
			day := br.DateOf(r.Cart.Time)
			if !r.isSale() || !f.keeps(&r, day) {
				continue
			}
			var rows []KeyedSale
			for _, l := range r.Result.Lines {
				for _, a := range l.Adjustments {
					if a.Key == "" || !f.keepsCampaign(a.Campaign, r.category(a.Campaign, nil)) {
						continue
					}
					k := slices.IndexFunc(rows, func(x KeyedSale) bool { return x.Key == a.Key && x.Campaign == a.Campaign })
					if k < 0 {
						rows = append(rows, KeyedSale{Date: day, Sale: r.Cart.ID, Store: r.Cart.Store.ID, Key: a.Key,
							Campaign: a.Campaign, Authorization: a.Authorization, Discount: decimal.Zero})
						k = len(rows) - 1
					}
					rows[k].Lines++
					rows[k].Discount = rows[k].Discount.Add(a.Amount)
				}
			}
			slices.SortFunc(rows, func(a, b KeyedSale) int {
				return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.Campaign, b.Campaign))
			})
			for _, row := range rows {
				if !yield(row) {
					return
				}
			}
		}
	}
}

// FunderRow is what one funder pays of one campaign's discounts in one
// period.
type FunderRow struct {
	// From and To are the first and last day of the period.
	From, To br.Date
	// Funder is who pays (promo.FunderRetailer for the retailer);
	// Campaign the campaign whose discounts these are.
	Funder, Campaign string
	// Sales counts the sales with such a discount.
	Sales int
	// Units adds up, over those sales, the units that got the campaign's
	// benefit (Application.Units; zero for a program such as the cashback
	// wallet, which has no application).
	Units int64
	// Amount is the funder's part of the discounts: all of an adjustment
	// funded by it alone, or its share (Adjustment.Shares).
	Amount decimal.Decimal
}

type funderKey struct {
	from             br.Date
	funder, campaign string
}

type funderAcc struct {
	saleCount
	units  int64
	amount sum
}

// DiscountsByFunder splits every discount between those who pay for it,
// by period, funder and campaign, sorted in that order: the reimbursement
// report of industry-funded promotions (Scanntech). Rows of funders other
// than the retailer are what manufacturers reimburse, and agree with
// funding.Records; the retailer's rows hold the rest, so that the
// rows add up to every discount of the sales.
//
// Memory holds one aggregate per period, funder and campaign.
func DiscountsByFunder(records iter.Seq[Record], p Period, f Filter) []FunderRow {
	rows := map[funderKey]*funderAcc{}
	for s := range keptSales(records, p, f) {
		add := func(funder, campaign string, amount decimal.Decimal) {
			if funder == "" {
				funder = promo.FunderRetailer
			}
			row := rowFor(rows, funderKey{s.from, funder, campaign})
			if row.count(s.seq) {
				if app, ok := s.application(campaign); ok {
					row.units += app.Units
				}
			}
			row.amount.add(amount)
		}
		for _, l := range s.Result.Lines {
			for _, a := range l.Adjustments {
				if !f.keepsCampaign(a.Campaign, s.category(a.Campaign, nil)) {
					continue
				}
				if len(a.Shares) == 0 {
					add(a.FundedBy, a.Campaign, a.Amount)
					continue
				}
				for _, sh := range a.Shares {
					add(sh.Funder, a.Campaign, sh.Amount)
				}
			}
		}
	}
	out := make([]FunderRow, 0, len(rows))
	for _, k := range sortedKeys(rows, func(a, b funderKey) int {
		return cmp.Or(cmpDate(a.from, b.from), strings.Compare(a.funder, b.funder), strings.Compare(a.campaign, b.campaign))
	}) {
		acc := rows[k]
		_, to := p.Span(k.from)
		out = append(out, FunderRow{From: k.from, To: to, Funder: k.funder, Campaign: k.campaign,
			Sales: acc.sales, Units: acc.units, Amount: acc.amount.value()})
	}
	return out
}
