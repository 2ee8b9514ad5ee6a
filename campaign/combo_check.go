package campaign

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
)

// comboCheck checks a combo's kind-specific fields (comboFields says
// which fields its kind uses).
func (c *compiler) comboCheck(p string, d *Combo) {
	switch d.Kind {
	case ComboKit:
		c.comboItems(p, "buy", d.Buy, false)
		c.comboBonuses(p, d, false, false)
	case ComboCustomerType:
		c.comboItems(p, "buy", d.Buy, false)
		c.comboBonuses(p, d, false, false)
		if len(d.CustomerTypes) == 0 {
			c.fail(p+".customer_types", "at least one customer type is required")
		}
	case ComboInverseKit:
		c.comboItems(p, "buy", d.Buy, true)
		c.comboBonuses(p, d, false, false)
	case ComboBrand:
		c.brandComboCheck(p, d)
	case ComboQuantity:
		c.quantityComboCheck(p, d)
	case ComboFlavor:
		c.flavorComboCheck(p, d)
	case ComboValue:
		c.comboItems(p, "buy", d.Buy, true)
		c.comboBonuses(p, d, true, true)
	case ComboCombo:
		c.comboBonuses(p, d, true, true)
		c.comboMinValue(p, d.MinValue)
	case ComboFlyer:
		c.flyerComboCheck(p, d)
	case ComboScratchCard:
		c.scratchCardComboCheck(p, d)
	}
}

// comboItems checks the products and quantities of a list (buy): at
// least one, or exactly one.
func (c *compiler) comboItems(p, name string, its []ComboItem, exactlyOne bool) {
	switch {
	case exactlyOne && len(its) != 1:
		c.fail(p+"."+name, "exactly one product is required")
	case len(its) == 0:
		c.fail(p+"."+name, "at least one product is required")
	}
	for j, it := range its {
		ip := fmt.Sprintf("%s.%s[%d]", p, name, j)
		if it.Product == "" {
			c.fail(ip+".product", "required")
		}
		if it.Quantity < 1 {
			c.fail(ip+".quantity", "must be at least 1")
		}
	}
}

// comboBonuses checks a combo's bonus products: one per product, at least
// one or exactly one, each with exactly one of percent, amount and
// unit_price (with priceOnly, unit_price only).
func (c *compiler) comboBonuses(p string, d *Combo, exactlyOne, priceOnly bool) {
	seen := map[string]int{}
	for j, b := range d.Bonus {
		if k, dup := seen[b.Product]; dup && b.Product != "" {
			c.fail(fmt.Sprintf("%s.bonus[%d].product", p, j), "bonus[%d] has the same product: give one bonus per product", k)
		}
		seen[b.Product] = j
	}
	switch {
	case exactlyOne && len(d.Bonus) != 1:
		c.fail(p+".bonus", "exactly one bonus product is required")
	case len(d.Bonus) == 0:
		c.fail(p+".bonus", "at least one bonus product is required")
	}
	for j, b := range d.Bonus {
		bp := fmt.Sprintf("%s.bonus[%d]", p, j)
		if b.Product == "" {
			c.fail(bp+".product", "required")
		}
		if b.Quantity < 1 {
			c.fail(bp+".quantity", "must be at least 1")
		}
		set := 0
		for _, x := range []struct {
			name string
			v    *decimal.Decimal
			kind bounds.Kind
		}{{"percent", b.Percent, bounds.Percent}, {"amount", b.Amount, bounds.UnitPrice}, {"unit_price", b.UnitPrice, bounds.UnitPrice}} {
			if x.v != nil {
				set++
				c.amount(bp+"."+x.name, *x.v, x.kind)
			}
		}
		switch {
		case priceOnly && (b.UnitPrice == nil || set != 1):
			c.fail(bp+".unit_price", "required, and only it (kind %s)", d.Kind)
		case !priceOnly && set != 1:
			c.fail(bp, "exactly one of percent, amount and unit_price must be set")
		}
		if d.Kind != ComboBrand && b.Brand != "" {
			c.fail(bp+".brand", "used by brand bonifications only")
		}
	}
}

// comboMinValue checks a required minimum value.
func (c *compiler) comboMinValue(p string, v *decimal.Decimal) {
	if v == nil {
		c.fail(p+".min_value", "required, not negative")
		return
	}
	c.amount(p+".min_value", *v, bounds.Money)
}

func (c *compiler) brandComboCheck(p string, d *Combo) {
	c.comboBonuses(p, d, true, false)
	if len(d.Brands) == 0 {
		c.fail(p+".brands", "at least one brand is required")
	}
	c.comboMinValue(p, d.MinValue)
	if len(d.Bonus) == 1 && !slices.ContainsFunc(d.Brands, func(x string) bool { return strings.EqualFold(x, d.Bonus[0].Brand) }) {
		c.fail(p+".bonus[0].brand", "the bonus product must be of one of the brands (%s), got %q", strings.Join(d.Brands, ", "), d.Bonus[0].Brand)
	}
}

func (c *compiler) quantityComboCheck(p string, d *Combo) {
	if d.Product == "" {
		c.fail(p+".product", "required")
	}
	if d.MinQuantity < 1 {
		c.fail(p+".min_quantity", "must be at least 1")
	}
	if d.MaxBonusQuantity < d.MinQuantity {
		c.fail(p+".max_bonus_quantity", "must be at least min_quantity")
	}
	if d.UnitValue == nil {
		c.fail(p+".unit_value", "required, not negative")
	} else {
		c.amount(p+".unit_value", *d.UnitValue, bounds.UnitPrice)
	}
	if d.PriceType != "" && d.PriceType != PriceCurrent && d.PriceType != PriceOriginal {
		c.fail(p+".price_type", "want current or original, got %q", d.PriceType)
	}
	switch d.BlockCheck {
	case "", BlockNone, BlockSaleDay, BlockPromotionPeriod:
	default:
		c.fail(p+".block_check", "want sale_day, promotion_period or none, got %q", d.BlockCheck)
	}
	if d.BlockQuantity < 0 {
		c.fail(p+".block_quantity", "must not be negative")
	} else if d.BlockQuantity > 0 && d.BlockQuantity < d.MinQuantity {
		c.fail(p+".block_quantity", "must be at least min_quantity")
	}
}

func (c *compiler) flavorComboCheck(p string, d *Combo) {
	if len(d.Products) == 0 {
		c.fail(p+".products", "at least one product is required")
	}
	if d.MinQuantity < 1 {
		c.fail(p+".min_quantity", "must be at least 1")
	}
	if d.BonusValue == nil {
		c.fail(p+".bonus_value", "required, greater than zero")
	} else {
		c.positive(p+".bonus_value", *d.BonusValue, bounds.Money)
	}
}

func (c *compiler) flyerComboCheck(p string, d *Combo) {
	if len(d.Items) == 0 {
		c.fail(p+".items", "at least one item is required")
	}
	for j, it := range d.Items {
		ip := fmt.Sprintf("%s.items[%d]", p, j)
		if it.Product == "" {
			c.fail(ip+".product", "required")
		}
		c.amount(ip+".price", it.Price, bounds.UnitPrice)
		if it.MaxPerSale < 0 {
			c.fail(ip+".max_per_sale", "must not be negative")
		}
	}
}

func (c *compiler) scratchCardComboCheck(p string, d *Combo) {
	if d.Every == nil {
		c.fail(p+".every", "required, greater than zero")
	} else {
		c.positive(p+".every", *d.Every, bounds.Money)
	}
	if d.MinValue != nil {
		c.amount(p+".min_value", *d.MinValue, bounds.Money)
	}
	if d.MaxCards < 0 {
		c.fail(p+".max_cards", "must not be negative")
	}
}
