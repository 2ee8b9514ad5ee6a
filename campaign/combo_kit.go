package campaign

import "github.com/promokit/promokit/promo"

// kitCombo is a kit bonification (kit): every whole kit in the sale (every
// buy item and every bonus item) gives its bonus units their discount.
type kitCombo struct {
	buy   []ComboItem
	bonus []comboBonus
	needs []ComboItem // what one kit needs (kitNeeds)
}

func newKitCombo(d *Combo) *kitCombo {
	bonus := compileBonuses(d.Bonus, d.Buy)
	return &kitCombo{buy: d.Buy, bonus: bonus, needs: kitNeeds(d.Buy, bonus)}
}

func (k *kitCombo) keys() promo.Keys {
	return promo.Keys{ProductCodes: itemAndBonusCodes(k.buy, k.bonus)}
}

func (k *kitCombo) apply(v *promo.View) promo.Proposal {
	occ, missing := kitOccurrences(v, k.needs)
	if occ == 0 {
		return notEligible(ReasonComboMissing, "kit incompleto: falta "+missing, "incomplete kit: "+missing+" missing")
	}
	p := promo.Proposal{Eligible: true, Occurrences: int(occ)}
	for _, b := range k.bonus {
		discountUnits(v, &p, b, occ*b.after, occ*b.quantity, true)
	}
	// The units bought take part in the kits without a discount.
	for _, it := range k.buy {
		participate(v, &p, it.Product, 0, occ*it.Quantity, true)
	}
	return p
}

// itemAndBonusCodes lists the product codes of the items bought, then of
// the bonus products: a kit's index keys.
func itemAndBonusCodes(buy []ComboItem, bonus []comboBonus) []string {
	codes := make([]string, 0, len(buy)+len(bonus))
	for _, it := range buy {
		codes = append(codes, it.Product)
	}
	for _, b := range bonus {
		codes = append(codes, b.product)
	}
	return codes
}
