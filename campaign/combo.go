package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Combo is a supermarket bonification (supermarket combos, "Gestão de Combos").
// Kind says which; each kind uses some of the other fields:
//
//   - kit: buy (every product and quantity) + bonus (products in the sale,
//     discounted by percent, amount or unit_price);
//   - inverse_kit: buy (one product) + bonus (a kit of products);
//     require_all_bonus grants it only when every bonus item is in the sale;
//   - brand: brands + min_value (of those brands' other items) + bonus
//     (whose brand must be one of brands);
//   - quantity: product, min_quantity, max_bonus_quantity, from_minimum,
//     unit_value, price_type, tenders, block_quantity, block_check;
//   - flavor (sabor): products + min_quantity + bonus_value (R$ per
//     occurrence: twice the quantity, twice the discount);
//   - customer_type: customer_types + buy + bonus (an identified customer
//     of one of those types);
//   - value: buy (the kit product) + bonus (product, quantity, unit_price):
//     selling the kit product sells the bonus at that price (the result
//     lists it to add when it is not in the cart);
//   - combo: min_value (of the sale, bonus lines aside) + bonus (product,
//     quantity as the maximum, unit_price);
//   - flyer (folheto, encarte): items at flyer prices, up to max_per_sale
//     units each; code, when set, must be presented (the flyer's coupon);
//   - scratch_card (rasgadinha): one card for each every reais of the
//     sale, from min_value on, at most max_cards; an event tells the POS
//     how many to hand out.
type Combo struct {
	// General is the combo's id, name (descrição), description, priority
	// and dates.
	General
	// Active switches the bonification on or off (Ativa?); default on.
	Active *bool     `json:"active,omitempty"`
	Kind   ComboKind `json:"kind" was:"type"`

	Buy             []ComboItem  `json:"buy,omitempty"`
	Bonus           []ComboBonus `json:"bonus,omitempty"`
	RequireAllBonus bool         `json:"require_all_bonus,omitempty"`

	Brands   []string         `json:"brands,omitempty"`
	MinValue *decimal.Decimal `json:"min_value,omitempty"`

	Product          string           `json:"product,omitempty"`
	MinQuantity      int64            `json:"min_quantity,omitempty"`
	MaxBonusQuantity int64            `json:"max_bonus_quantity,omitempty"`
	FromMinimum      bool             `json:"from_minimum,omitempty"`
	UnitValue        *decimal.Decimal `json:"unit_value,omitempty"`
	// PriceType is "current" (the line's unit price, the default) or
	// "original" (its original price) — the price the bonus is measured
	// against (tipo de preço).
	PriceType PriceType `json:"price_type,omitempty"`
	Tenders   []string  `json:"tenders,omitempty"`
	// BlockQuantity is the most an identified customer may buy (quantidade
	// máxima para bloqueio de venda); BlockCheck counts it per "sale_day",
	// per "promotion_period" or "none" (this sale only).
	BlockQuantity int64      `json:"block_quantity,omitempty"`
	BlockCheck    BlockCheck `json:"block_check,omitempty"`

	Products   []string         `json:"products,omitempty"`
	BonusValue *decimal.Decimal `json:"bonus_value,omitempty"`

	CustomerTypes []string `json:"customer_types,omitempty"`

	Items []FlyerItem `json:"items,omitempty"`
	Code  string      `json:"code,omitempty"`

	Every    *decimal.Decimal `json:"every,omitempty"`
	MaxCards int64            `json:"max_cards,omitempty"`

	// FundedBy and FunderShare name a manufacturer that pays part (percent)
	// of the discounts.
	FundedBy    string           `json:"funded_by,omitempty"`
	FunderShare *decimal.Decimal `json:"funder_share,omitempty"`

	// Exceptions exclude products from the bonification, whatever its
	// kind: an excluded line is neither bought toward it nor bonified.
	Exceptions *Exceptions `json:"exceptions,omitempty"`
}

// ComboItem is a product and its quantity.
type ComboItem struct {
	Product  string `json:"product"`
	Quantity int64  `json:"quantity"`
}

// ComboBonus is a bonus product, its quantity per occurrence and its
// discount: Percent or Amount off each unit, or the UnitPrice it sells at
// (exactly one). Brand is the product's brand (brand bonifications).
type ComboBonus struct {
	Product   string           `json:"product"`
	Quantity  int64            `json:"quantity"`
	Percent   *decimal.Decimal `json:"percent,omitempty"`
	Amount    *decimal.Decimal `json:"amount,omitempty"`
	UnitPrice *decimal.Decimal `json:"unit_price,omitempty"`
	Brand     string           `json:"brand,omitempty"`
}

// FlyerItem is a product at its flyer price.
type FlyerItem struct {
	Product    string          `json:"product"`
	Price      decimal.Decimal `json:"price"`
	MaxPerSale int64           `json:"max_per_sale,omitempty"`
}

// Combo reason codes.
const (
	ReasonComboInactive  promo.ReasonCode = "inactive"
	ReasonComboMissing   promo.ReasonCode = "kit_incomplete"
	ReasonComboTender    promo.ReasonCode = "tender_not_accepted"
	ReasonComboCustomer  promo.ReasonCode = "customer_type_not_met"
	ReasonPurchaseBlock  promo.ReasonCode = "purchase_blocked"
	ReasonScratchCards   promo.ReasonCode = "scratch_cards_issued"
	ReasonComboFlyerCode promo.ReasonCode = "flyer_code_not_presented"
)

// combo is a compiled Combo: what every kind shares (its Info, its index
// keys and its exceptions) around the rule of its kind, chosen when it is
// compiled.
type combo struct {
	info promo.Info
	keys promo.Keys
	exc  *exclusion // nil: no exceptions
	rule comboRule
	// restricts is whether the combo may block purchases: a quantity
	// bonification with a block quantity.
	restricts bool
}

// comboRule is one combo kind compiled, a value of its own type
// (kitCombo, quantityCombo, ...) holding the fields that kind uses, typed.
// Its unexported methods seal it: only this package's combo kinds are
// rules.
type comboRule interface {
	// apply applies the rule on the sale without the combo's exceptions.
	apply(v *promo.View) promo.Proposal
	// keys returns the index keys of the rule: its products, or cart-wide.
	keys() promo.Keys
}

func (c *combo) Info() promo.Info { return c.info }

// InfoRef lends the ruleset the promotion's own Info (promo.InfoRef).
func (c *combo) InfoRef() *promo.Info { return &c.info }
func (c *combo) Keys() promo.Keys     { return c.keys }

// Restricts reports whether the combo may block purchases: a quantity
// bonification with a block quantity (promo.Restricting).
func (c *combo) Restricts() bool { return c.restricts }

// Apply applies the bonification on the sale without its exceptions.
func (c *combo) Apply(v *promo.View) promo.Proposal {
	return c.exc.apply(v, c.rule.apply)
}

// countedCombo is a combo that reads a counter: a quantity bonification
// whose purchase block counts what the customer bought in earlier sales.
type countedCombo struct {
	*combo
	quantity *quantityCombo
}

// CounterKeys returns the purchase-block counter the combo reads.
func (c countedCombo) CounterKeys(cart *promo.Cart) []string {
	if cart.Customer == nil {
		return nil
	}
	if k := c.quantity.blockKey(cart); k != "" {
		return []string{k}
	}
	return nil
}

// inactiveCombo is a bonification switched off (active false).
type inactiveCombo struct{ comboRule }

func (inactiveCombo) apply(*promo.View) promo.Proposal {
	return notEligible(ReasonComboInactive, "bonificação inativa", "bonification inactive")
}
