package campaign

import (
	"slices"
	"strings"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// flyerCombo is a flyer (flyer, folheto, encarte): its items sell at the
// flyer prices, up to max_per_sale units each; with a code, only when the
// sale presents it (the flyer's coupon).
type flyerCombo struct {
	code  string
	items []flyerItem
}

// flyerItem is a compiled FlyerItem: the product at its flyer price, and
// the most units that sell at it (0: every unit).
type flyerItem struct {
	price      comboBonus
	maxPerSale int64
}

func newFlyerCombo(d *Combo) *flyerCombo {
	f := &flyerCombo{code: d.Code, items: make([]flyerItem, len(d.Items))}
	for j, it := range d.Items {
		f.items[j] = flyerItem{price: comboBonus{product: it.Product, off: priceAt{price: it.Price}}, maxPerSale: it.MaxPerSale}
	}
	return f
}

func (f *flyerCombo) keys() promo.Keys {
	codes := make([]string, len(f.items))
	for j, it := range f.items {
		codes[j] = it.price.product
	}
	return promo.Keys{ProductCodes: codes}
}

func (f *flyerCombo) apply(v *promo.View) promo.Proposal {
	if f.code != "" && !slices.ContainsFunc(v.Cart().PromoCodes, func(k string) bool { return strings.EqualFold(strings.TrimSpace(k), f.code) }) {
		return notEligible(ReasonComboFlyerCode, "código do folheto não apresentado", "flyer code not presented")
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	for _, it := range f.items {
		k := benefit.UnitsIn(productRuns(v, it.price.product, false))
		if it.maxPerSale > 0 {
			k = min(k, it.maxPerSale)
		}
		discountUnits(v, &p, it.price, 0, k, false)
	}
	p.Participants = nil
	return p
}
