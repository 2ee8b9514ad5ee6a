package campaign

// The enumerated fields of a combo bonification (Combo).

// ComboKind is the kind of a supermarket bonification (Combo.Kind); the
// Combo's doc comment lists the fields each kind uses.
type ComboKind string

// The combo kinds.
const (
	// ComboKit: buy every product of a kit, the bonus products are
	// discounted.
	ComboKit ComboKind = "kit"
	// ComboInverseKit: buy one product, a kit of bonus products is
	// discounted.
	ComboInverseKit ComboKind = "inverse_kit"
	// ComboBrand: spend a minimum on some brands, a product of those
	// brands is discounted.
	ComboBrand ComboKind = "brand"
	// ComboQuantity: buy a minimum quantity of a product, its units get a
	// bonus; purchase blocks per customer.
	ComboQuantity ComboKind = "quantity"
	// ComboFlavor: buy a quantity across flavours (sabor), a bonus value
	// per occurrence.
	ComboFlavor ComboKind = "flavor"
	// ComboCustomerType: a kit for identified customers of some types.
	ComboCustomerType ComboKind = "customer_type"
	// ComboValue: selling a kit product sells a bonus product at a price.
	ComboValue ComboKind = "value"
	// ComboCombo: a sale of a minimum value sells a bonus product at a
	// price.
	ComboCombo ComboKind = "combo"
	// ComboFlyer: items at flyer prices (folheto, encarte).
	ComboFlyer ComboKind = "flyer"
	// ComboScratchCard: scratch cards (rasgadinha) for every so many
	// reais.
	ComboScratchCard ComboKind = "scratch_card"
)

// String returns the JSON spelling.
func (v ComboKind) String() string { return string(v) }

// PriceType is the price a quantity bonus is measured against (tipo de
// preço, Combo.PriceType); empty is PriceCurrent.
type PriceType string

// The price types.
const (
	// PriceCurrent is the line's unit price.
	PriceCurrent PriceType = "current"
	// PriceOriginal is the line's original price.
	PriceOriginal PriceType = "original"
)

// String returns the JSON spelling.
func (v PriceType) String() string { return string(v) }

// BlockCheck is what a quantity bonification's purchase block counts
// against (Combo.BlockCheck); empty is BlockNone.
type BlockCheck string

// The purchase block checks.
const (
	// BlockNone counts this sale only.
	BlockNone BlockCheck = "none"
	// BlockSaleDay counts the customer's purchases of the sale's day.
	BlockSaleDay BlockCheck = "sale_day"
	// BlockPromotionPeriod counts them over the promotion's period.
	BlockPromotionPeriod BlockCheck = "promotion_period"
)

// String returns the JSON spelling.
func (v BlockCheck) String() string { return string(v) }
