package report

import (
	"iter"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
)

// Frequency is the frequency and incidence of campaign activations by
// store (Frequência).
type Frequency struct {
	// Stores has one row per store with a sale the filter keeps, sorted by
	// store id.
	Stores []FrequencyRow
	// Sales, Activated and Activations add up the stores' rows.
	Sales, Activated, Activations int
	// Frequency is Activations over Sales, rounded to four places.
	Frequency decimal.Decimal
	// StoresSeen counts the stores with a sale; StoresActivated those
	// with an activation. Incidence is StoresActivated over StoresSeen,
	// rounded to four places: the stores seen stand for the company's
	// stores, since records only know the stores that sold.
	StoresSeen, StoresActivated int
	Incidence                   decimal.Decimal
}

// FrequencyRow is one store's activations.
type FrequencyRow struct {
	// Store is the store's id (Cart.Store.ID).
	Store string
	// Sales counts the store's sales; Activated those in which a campaign
	// the filter keeps applied.
	Sales, Activated int
	// Activations adds up the occurrences of the campaigns kept (as the
	// activation events count them).
	Activations int
	// Frequency is Activations over Sales as a ratio rounded to four places
	// (DivRound: half away from zero); 1.2500 is 125 %. It exceeds 1 when
	// sales activate more than one campaign, or one campaign more than
	// once.
	Frequency decimal.Decimal
}

type freqAcc struct{ sales, activated, activations int }

// StoreFrequency adds up activations by store: the Reshop manual's "Frequência".
// Every sale the filter keeps counts in its store's sales; only the
// campaigns it keeps count as activations.
//
// Memory holds one aggregate per store.
func StoreFrequency(records iter.Seq[Record], f Filter) Frequency {
	stores := map[string]*freqAcc{}
	for r := range records {
		if !r.isSale() || !f.keeps(&r, br.DateOf(r.Cart.Time)) {
			continue
		}
		acc := stores[r.Cart.Store.ID]
		if acc == nil {
			acc = &freqAcc{}
			stores[r.Cart.Store.ID] = acc
		}
		acc.sales++
		n := 0
		for k := range r.Result.Applied {
			app := &r.Result.Applied[k]
			if f.keepsCampaign(app.Campaign, app.Category) {
				n += app.Occurrences
			}
		}
		if n > 0 {
			acc.activated++
			acc.activations += n
		}
	}
	var out Frequency
	for _, id := range sortedKeys(stores, strings.Compare) {
		acc := stores[id]
		out.Stores = append(out.Stores, FrequencyRow{Store: id, Sales: acc.sales, Activated: acc.activated,
			Activations: acc.activations, Frequency: ratio(acc.activations, acc.sales)})
		out.Sales += acc.sales
		out.Activated += acc.activated
		out.Activations += acc.activations
		out.StoresSeen++
		if acc.activations > 0 {
			out.StoresActivated++
		}
	}
	out.Frequency = ratio(out.Activations, out.Sales)
	out.Incidence = ratio(out.StoresActivated, out.StoresSeen)
	return out
}
