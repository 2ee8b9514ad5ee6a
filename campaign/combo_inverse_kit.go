package campaign

import (
	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
)

// inverseKitCombo is an inverse kit (inverse_kit): each time the sale has
// the quantity of the one product bought, a kit of bonus products gets its
// discount; with require_all_bonus, only when every bonus item is in the
// sale too.
type inverseKitCombo struct {
	buy   ComboItem
	bonus []comboBonus
	needs []ComboItem // require_all_bonus: what one kit needs; nil otherwise
}

func newInverseKitCombo(d *Combo) *inverseKitCombo {
	k := &inverseKitCombo{buy: d.Buy[0], bonus: compileBonuses(d.Bonus, d.Buy)}
	if d.RequireAllBonus {
		k.needs = kitNeeds(d.Buy, k.bonus)
	}
	return k
}

func (k *inverseKitCombo) keys() promo.Keys {
	return promo.Keys{ProductCodes: itemAndBonusCodes([]ComboItem{k.buy}, k.bonus)}
}

func (k *inverseKitCombo) apply(v *promo.View) promo.Proposal {
	occ := benefit.UnitsIn(productRuns(v, k.buy.Product, true)) / k.buy.Quantity
	if k.needs != nil {
		occ, _ = kitOccurrences(v, k.needs)
	}
	if occ == 0 {
		return notEligible(ReasonComboMissing, "kit incompleto", "incomplete kit")
	}
	p := promo.Proposal{Eligible: true, Occurrences: int(occ)}
	for _, b := range k.bonus {
		discountUnits(v, &p, b, occ*b.after, occ*b.quantity, true)
	}
	if p.Units == 0 {
		return notEligible(ReasonComboMissing, "nenhum item do kit bonificado na venda", "no bonus item in the sale")
	}
	// The units that open the kits take part in them too.
	participate(v, &p, k.buy.Product, 0, occ*k.buy.Quantity, false)
	return p
}
