package report

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
)

// ActivationRow is one ticket of a store in which a campaign the filter
// keeps applied (Ativações).
type ActivationRow struct {
	// Ticket is the sale's cart id; Time its instant.
	Ticket string
	Time   time.Time
	// Customer is the customer's token, empty for an anonymous sale. The
	// host resolves the name and CPF from its own register: the library
	// keeps the CPF out of what it reports.
	Customer string
	// Campaigns are the ids of the campaigns kept that applied, in the
	// order they ran; Activations adds up their occurrences.
	Campaigns   []string
	Activations int
	// Gross is the sale's subtotal, Discount all its discounts (from every
	// campaign and program) and Net the sale's total after them.
	Gross, Discount, Net decimal.Decimal
	// CampaignDiscount is the part of Discount that the campaigns kept
	// gave.
	CampaignDiscount decimal.Decimal
}

// StoreActivations lists the tickets of one store in which a campaign the
// filter keeps applied, sorted by instant then ticket: the Reshop manual's
// "Ativações", filtered by campaign, date, ticket, customer and campaign
// category.
//
// Unlike the other reports its output, and so its memory, grows with the
// tickets that match: narrow the filter (a date range, a campaign) for a
// busy store.
func StoreActivations(records iter.Seq[Record], store string, f Filter) []ActivationRow {
	var out []ActivationRow
	for r := range records {
		if !r.isSale() || r.Cart.Store.ID != store {
			continue
		}
		if !f.keeps(&r, br.DateOf(r.Cart.Time)) {
			continue
		}
		res := &r.Result
		var row *ActivationRow
		var own sum
		for k := range res.Applied {
			app := &res.Applied[k]
			if !f.keepsCampaign(app.Campaign, app.Category) {
				continue
			}
			if row == nil {
				out = append(out, ActivationRow{Ticket: r.Cart.ID, Time: r.Cart.Time, Customer: r.customer(),
					Gross: res.Totals.Gross, Discount: res.Totals.Discount, Net: res.Totals.Net})
				row = &out[len(out)-1]
			}
			row.Campaigns = append(row.Campaigns, app.Campaign)
			row.Activations += app.Occurrences
			for _, l := range res.Lines {
				for _, a := range l.Adjustments {
					if a.Campaign == app.Campaign {
						own.add(a.Amount)
					}
				}
			}
		}
		if row != nil {
			row.CampaignDiscount = own.value()
		}
	}
	slices.SortFunc(out, func(a, b ActivationRow) int {
		return cmp.Or(a.Time.Compare(b.Time), strings.Compare(a.Ticket, b.Ticket))
	})
	return out
}
