package campaign

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
)

// combos compiles the combo bonifications.
func (c *compiler) combos(def Ruleset, loc *time.Location, seen map[string]string) []promo.Promotion {
	var out []promo.Promotion
	for i := range def.Combos {
		d := &def.Combos[i]
		p := fmt.Sprintf("combos[%d]", i)
		before := len(c.problems)
		start, end := c.general(p, &d.General, loc, seen)
		uses, ok := comboFields(d.Kind)
		if !ok {
			c.fail(p+".kind", "want kit, inverse_kit, brand, quantity, flavor, customer_type, value, combo, flyer or scratch_card, got %q", d.Kind)
			continue
		}
		for _, f := range comboSet(d) {
			if !slices.Contains(uses, f) {
				c.fail(p+"."+f, "not used by kind %s", d.Kind)
			}
		}
		c.comboCheck(p, d)
		if d.FundedBy == "" && d.FunderShare != nil {
			c.fail(p+".funder_share", "needs funded_by")
		}
		share := decimal.Zero
		if d.FunderShare != nil {
			share = *d.FunderShare
			c.positive(p+".funder_share", share, bounds.Percent)
		}
		exc := c.exceptions(p+".exceptions", d.Exceptions)
		if len(c.problems) > before {
			continue
		}
		phase := promo.PhaseItem
		if d.Kind == ComboScratchCard {
			phase = promo.PhaseEarning
		}
		info := promo.Info{ID: d.ID, Name: d.Name, Description: d.Description, Type: "combo:" + string(d.Kind),
			Phase: phase, Priority: d.Priority, Start: start, End: end, Funder: d.FundedBy, FunderShare: share}
		out = append(out, newCombo(d, info, exc))
	}
	return out
}

// newCombo builds a checked combo: the rule of its kind, its index keys,
// and the counter it reads when it has one.
func newCombo(d *Combo, info promo.Info, exc *exclusion) promo.Promotion {
	rule := comboRuleOf(d)
	cb := &combo{info: info, keys: rule.keys(), exc: exc, rule: rule, restricts: d.BlockQuantity > 0}
	if d.Active != nil && !*d.Active {
		cb.rule = inactiveCombo{rule}
	}
	if q, ok := rule.(*quantityCombo); ok && q.counted() {
		return countedCombo{combo: cb, quantity: q}
	}
	return cb
}

// comboRuleOf compiles a checked combo's kind into its rule.
func comboRuleOf(d *Combo) comboRule {
	switch d.Kind {
	case ComboKit:
		return newKitCombo(d)
	case ComboCustomerType:
		return &customerTypeCombo{types: d.CustomerTypes, kit: newKitCombo(d)}
	case ComboInverseKit:
		return newInverseKitCombo(d)
	case ComboBrand:
		return &brandCombo{brands: d.Brands, minValue: *d.MinValue, bonus: compileBonuses(d.Bonus, nil)[0]}
	case ComboQuantity:
		return newQuantityCombo(d)
	case ComboFlavor:
		return &flavorCombo{products: d.Products, minQuantity: d.MinQuantity, bonusValue: *d.BonusValue}
	case ComboValue:
		b := compileBonuses(d.Bonus, d.Buy)[0]
		return &valueCombo{buy: d.Buy[0], bonus: b, unitPrice: *d.Bonus[0].UnitPrice}
	case ComboCombo:
		return &comboCombo{minValue: *d.MinValue, bonus: compileBonuses(d.Bonus, nil)[0]}
	case ComboFlyer:
		return newFlyerCombo(d)
	}
	s := &scratchCardCombo{every: *d.Every, maxCards: d.MaxCards}
	if d.MinValue != nil {
		m := *d.MinValue
		s.minValue = &m
	}
	return s
}

// comboFields lists, per kind, the fields it uses.
func comboFields(t ComboKind) ([]string, bool) {
	switch t {
	case ComboKit:
		return []string{"buy", "bonus"}, true
	case ComboInverseKit:
		return []string{"buy", "bonus", "require_all_bonus"}, true
	case ComboBrand:
		return []string{"brands", "min_value", "bonus"}, true
	case ComboQuantity:
		return []string{"product", "min_quantity", "max_bonus_quantity", "from_minimum", "unit_value", "price_type", "tenders", "block_quantity", "block_check"}, true
	case ComboFlavor:
		return []string{"products", "min_quantity", "bonus_value"}, true
	case ComboCustomerType:
		return []string{"customer_types", "buy", "bonus"}, true
	case ComboValue:
		return []string{"buy", "bonus"}, true
	case ComboCombo:
		return []string{"min_value", "bonus"}, true
	case ComboFlyer:
		return []string{"items", "code"}, true
	case ComboScratchCard:
		return []string{"min_value", "every", "max_cards"}, true
	}
	return nil, false
}

// comboSet lists the kind-specific fields a combo sets.
func comboSet(d *Combo) []string {
	var out []string
	add := func(ok bool, n string) {
		if ok {
			out = append(out, n)
		}
	}
	add(d.Buy != nil, "buy")
	add(d.Bonus != nil, "bonus")
	add(d.RequireAllBonus, "require_all_bonus")
	add(d.Brands != nil, "brands")
	add(d.MinValue != nil, "min_value")
	add(d.Product != "", "product")
	add(d.MinQuantity != 0, "min_quantity")
	add(d.MaxBonusQuantity != 0, "max_bonus_quantity")
	add(d.FromMinimum, "from_minimum")
	add(d.UnitValue != nil, "unit_value")
	add(d.PriceType != "", "price_type")
	add(d.Tenders != nil, "tenders")
	add(d.BlockQuantity != 0, "block_quantity")
	add(d.BlockCheck != "", "block_check")
	add(d.Products != nil, "products")
	add(d.BonusValue != nil, "bonus_value")
	add(d.CustomerTypes != nil, "customer_types")
	add(d.Items != nil, "items")
	add(d.Code != "", "code")
	add(d.Every != nil, "every")
	add(d.MaxCards != 0, "max_cards")
	return out
}
