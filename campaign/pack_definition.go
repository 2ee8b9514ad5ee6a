package campaign

import "github.com/shopspring/decimal"

// DiscountPack is a Desconto Pack table (Zetti Tech): requirements
// on the sale, a coupon the customer says at checkout, and a prize.
type DiscountPack struct {
	// General is the table's id, name (descrição da tabela), description,
	// priority and dates (data inicial, data final).
	General
	// Status overrides the status the sale's instant gives (situação):
	// "pending" or "finished" stop the table; "current" (or empty) lets the
	// dates decide.
	Status PackStatus `json:"status,omitempty"`
	// Owner is who registered the table: "franchisor" (franqueadora) or
	// "store" (a store's own). A franchisor's coupon wins over a store's
	// with the same description.
	Owner PackOwner `json:"owner"`
	// Stores are the participating stores (filiais), own or franchises.
	Stores []PackStore `json:"stores"`
	// MinSaleValue is the minimum sale value (valor mínimo na venda).
	MinSaleValue *decimal.Decimal `json:"min_sale_value,omitempty"`
	// Requirements are per attribute (linha, fabricante, família, produto);
	// all must be met.
	Requirements []PackRequirement `json:"requirements,omitempty"`
	// Coupon is the coupon description the customer says at checkout
	// (descrição do cupom de desconto); the cart lists it in promo_codes.
	Coupon string `json:"coupon"`
	// Key identifies the table in reports; it is copied into every
	// adjustment (chave identificadora do desconto).
	Key string `json:"key"`
	// Prize is what the customer gets (prêmio).
	Prize PackPrize `json:"prize"`
	// MaxItems limits the items discounted per sale (quantidade limite de
	// itens); 0 means no limit.
	MaxItems int64 `json:"max_items,omitempty"`
	// RequireCustomer applies the table only to identified customers
	// (exigir identificação do cliente); LimitPerCustomer then limits its
	// uses per customer over the table's period.
	RequireCustomer  bool  `json:"require_customer,omitempty"`
	LimitPerCustomer int64 `json:"limit_per_customer,omitempty"`
	// NearExpiryOnly targets only near-expiry units (pré-vencidos), whose
	// EAN matches the company's near_expiry_mask.
	NearExpiryOnly bool `json:"near_expiry_only,omitempty"`
	// Exceptions exclude products from the table: an excluded line counts
	// toward no requirement nor the sale value, and gets no prize.
	Exceptions *Exceptions `json:"exceptions,omitempty"`
}

// PackStore is a participating store and its kind.
type PackStore struct {
	ID string `json:"id"`
	// Kind is "own" (loja própria) or "franchise" (franquia).
	Kind PackStoreKind `json:"kind"`
}

// PackRequirement is a requirement on one attribute: line and manufacturer
// take a minimum value, family and product a minimum quantity and a minimum
// value.
type PackRequirement struct {
	// Attribute is "line", "manufacturer", "family" or "product".
	Attribute   PackAttribute    `json:"attribute"`
	Code        string           `json:"code"`
	MinValue    *decimal.Decimal `json:"min_value,omitempty"`
	MinQuantity int64            `json:"min_quantity,omitempty"`
}

// PackPrize is a discount on the whole sale or on the items of one
// attribute. Exactly one of Sale and Items is set.
type PackPrize struct {
	Sale  *PackSalePrize  `json:"sale,omitempty"`
	Items *PackItemsPrize `json:"items,omitempty"`
}

// PackSalePrize is a percent or an amount off the whole sale (desconto em
// toda venda). Exactly one is set.
type PackSalePrize struct {
	Percent *decimal.Decimal `json:"percent,omitempty"`
	Amount  *decimal.Decimal `json:"amount,omitempty"`
}

// PackItemsPrize is a percent off the items of one attribute (desconto nos
// itens): Quantity units get it (0: every unit), chosen by Rule. Grid
// instead lists several codes of the attribute, each with its quantity
// and percent (the manual's grid); Code, Quantity and Percent are then
// left out.
type PackItemsPrize struct {
	// Attribute is "line", "manufacturer", "family", "product" or "role"
	// (papel).
	Attribute PackAttribute   `json:"attribute"`
	Code      string          `json:"code,omitempty"`
	Quantity  int64           `json:"quantity,omitempty"`
	Percent   decimal.Decimal `json:"percent,omitzero"`
	// Grid is the list of codes, each with its quantity and percent.
	Grid []PackGridRow `json:"grid,omitempty"`
	// Rule is "highest" (maior desconto: the most expensive units) or
	// "lowest" (menor desconto).
	Rule PrizeRule `json:"rule,omitempty"`
}

// PackGridRow is one row of an items prize's grid: the lines whose
// attribute is Code; Quantity of their units (0: every unit) get Percent
// off. Quantity is also the minimum of whole units the row needs.
type PackGridRow struct {
	Code     string          `json:"code"`
	Quantity int64           `json:"quantity,omitempty"`
	Percent  decimal.Decimal `json:"percent"`
}

// Company holds the per-company settings of the Desconto Pack manual.
type Company struct {
	// LineBeforeRole is FLAG_PAPEL_ANTES_DA_LINHA: by default a Desconto
	// Pack prize on a product's role (papel) takes precedence over one on
	// its line; set, the line takes precedence.
	LineBeforeRole bool `json:"line_before_role,omitempty"`
	// NearExpiry is HAB_PRE_VENCIDOS: near-expiry units are recognised by
	// NearExpiryMask, a barcode mask where a digit matches itself, "X" or
	// "?" any character and a final "*" the rest ("2999*").
	NearExpiry     bool   `json:"near_expiry,omitempty"`
	NearExpiryMask string `json:"near_expiry_mask,omitempty"`
}
