package campaign

import (
	"sort"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// The units of a product a combo counts and discounts: whole units of
// countable lines, in runs (promo.UnitRun), the most expensive first.

// unitsOfProduct returns, in line-id order, the countable lines of a
// product with their whole units.
func unitsOfProduct(v *promo.View, product string) (lines []int, total int64) {
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); l.ProductCode == product && l.Countable() {
			lines = append(lines, i)
			total += l.Quantity.IntPart()
		}
	}
	sort.Slice(lines, func(a, b int) bool { return v.Rank(lines[a]) < v.Rank(lines[b]) })
	return lines, total
}

// productRuns returns the runs of the whole units of a product that still
// cost something, from the most expensive down (ties by line id); with
// grouped, only the units no grouped occurrence took yet.
func productRuns(v *promo.View, product string, grouped bool) []promo.UnitRun {
	var lines []int
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); l.ProductCode == product && l.Countable() {
			lines = append(lines, i)
		}
	}
	return benefit.AvailableRuns(v, lines, grouped)
}

// takeRuns returns k units of runs after the first skip ones, as runs.
func takeRuns(runs []promo.UnitRun, skip, k int64) []promo.UnitRun {
	var out []promo.UnitRun
	for _, r := range runs {
		if k <= 0 {
			break
		}
		if skip >= r.Units {
			skip -= r.Units
			continue
		}
		r.Units -= skip
		skip = 0
		r.Units = min(r.Units, k)
		k -= r.Units
		out = append(out, r)
	}
	return out
}

// participate records k units of a product (after the first skip) as
// taking part in the occurrences of a kit, without a discount: the units
// bought, whose bonus discount a return shares with them. They become
// grouped; with participants false they are only marked so (the product
// that opens an inverse kit).
func participate(v *promo.View, p *promo.Proposal, product string, skip, k int64, participants bool) {
	for _, r := range takeRuns(productRuns(v, product, true), skip, k) {
		if participants {
			p.Participants = append(p.Participants, promo.Participant{Line: r.Line, Units: r.Units})
		}
		p.Grouped = append(p.Grouped, promo.RunUnits{Line: r.Line, Run: r.Run, Units: r.Units})
	}
}

// kitNeeds is what one whole kit needs: every buy item and every bonus
// item, in that order, a product listed in both needing both quantities.
func kitNeeds(buy []ComboItem, bonus []comboBonus) []ComboItem {
	var needs []ComboItem
	at := map[string]int{}
	add := func(product string, q int64) {
		if j, ok := at[product]; ok {
			needs[j].Quantity += q
			return
		}
		at[product] = len(needs)
		needs = append(needs, ComboItem{Product: product, Quantity: q})
	}
	for _, it := range buy {
		add(it.Product, it.Quantity)
	}
	for _, b := range bonus {
		add(b.product, b.quantity)
	}
	return needs
}

// kitOccurrences returns how many whole kits the cart holds, each needing
// needs (kitNeeds), so that no unit takes part in two occurrences, and the
// first product of which there is not one kit's worth. Only units no other
// grouped occurrence took count.
func kitOccurrences(v *promo.View, needs []ComboItem) (int64, string) {
	occ, missing := int64(-1), ""
	for _, n := range needs {
		k := benefit.UnitsIn(productRuns(v, n.Product, true)) / n.Quantity
		if occ < 0 || k < occ {
			occ = k
		}
		if k == 0 && missing == "" {
			missing = n.Product
		}
	}
	return max(occ, 0), missing
}
