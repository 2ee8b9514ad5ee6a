package report

import (
	"iter"
	"slices"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// keptSale is a sale the filter keeps, as the aggregating reports read it.
type keptSale struct {
	*Record
	// from is the first day of the sale's period.
	from br.Date
	// seq numbers the sales kept, from 1.
	seq int
}

// keptSales yields the sales among records that f keeps (by the sale's
// local date), each with the first day of its period in p.
func keptSales(records iter.Seq[Record], p Period, f Filter) iter.Seq[keptSale] {
	return func(yield func(keptSale) bool) {
		seq := 0
		for r := range records {
			if !r.isSale() {
				continue
			}
			day := br.DateOf(r.Cart.Time)
			if !f.keeps(&r, day) {
				continue
			}
			seq++
			from, _ := p.Span(day)
			if !yield(keptSale{Record: &r, from: from, seq: seq}) {
				return
			}
		}
	}
}

// rowFor returns the aggregate of m under k, made when it is missing.
func rowFor[K comparable, V any](m map[K]*V, k K) *V {
	v := m[k]
	if v == nil {
		v = new(V)
		m[k] = v
	}
	return v
}

// saleCount counts the sales an aggregate takes something from, each once.
type saleCount struct {
	seq, sales int
}

// count counts the sale numbered seq unless it already did, and reports
// whether it did now.
func (c *saleCount) count(seq int) bool {
	if c.seq == seq {
		return false
	}
	c.seq = seq
	c.sales++
	return true
}

// addAdjustments adds the discounts campaign gave on the lines of res.
func (s *sum) addAdjustments(res *promo.Result, campaign string) {
	for _, l := range res.Lines {
		for _, a := range l.Adjustments {
			if a.Campaign == campaign {
				s.add(a.Amount)
			}
		}
	}
}

// giftUnits counts the gift units of res granted by the campaigns keep
// keeps: an item sold at a bonus price is no gift.
func giftUnits(res *promo.Result, keep func(campaign string) bool) int64 {
	var n int64
	for _, g := range res.Gifts {
		if g.UnitPrice.IsZero() && keep(g.Campaign) {
			n += g.Quantity
		}
	}
	return n
}

// byCampaign keeps one campaign.
func byCampaign(id string) func(string) bool {
	return func(campaign string) bool { return campaign == id }
}

// sortedKeys returns the keys of m sorted by less, so that output never
// depends on the order of a map.
func sortedKeys[K comparable, V any](m map[K]V, compare func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compare)
	return keys
}
