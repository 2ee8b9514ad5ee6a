package campaign

import (
	"github.com/shopspring/decimal"
)

// Extras are benefits given on top of (or instead of) the discount.
type Extras struct {
	IssueCode *IssueCode `json:"issue_code,omitempty"`
	Points    *Points    `json:"points,omitempty"`
	Cashback  *Cashback  `json:"cashback,omitempty"`
}

// IssueCode makes the campaign issue a promotional code for a later
// purchase (benefício código promocional), as a code_issued event. Codes
// are verifiable without a list: a promo_code rule with issued_by naming
// this campaign accepts them.
type IssueCode struct {
	Prefix string `json:"prefix,omitempty"`
	// Length is the number of check characters (6 to 32, default 8).
	Length int `json:"length,omitempty"`
	// Secret keys the check characters; at least 16 characters.
	Secret string `json:"secret"`
	// StartsAfterDays is how many days after the sale the code becomes
	// valid (0: the same day); ValidDays how many days it stays valid.
	StartsAfterDays int `json:"starts_after_days,omitempty"`
	ValidDays       int `json:"valid_days"`
	// Unlocks is the id of the campaign the code activates.
	Unlocks string `json:"unlocks"`
}

// Points gives loyalty points (benefício fidelidade): a fixed amount, or a
// multiplier of the program's base points for the sale. Exactly one is set.
type Points struct {
	Fixed      *decimal.Decimal `json:"fixed,omitempty"`
	Multiplier *decimal.Decimal `json:"multiplier,omitempty"`
}

// Cashback holds the cashback settings of the Reshop manual ("Benefícios e
// Cashback"): when the campaign applies, a credit is earned after every
// discount (cashback.Earner) and the wallet redeems it later under these
// terms (cashback.Redeemer).
type Cashback struct {
	// Start and End bound when earned credit can be redeemed (data inicial,
	// data final).
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Kind is "fixed" (R$) or "percent" (tipo do cashback); Value its value.
	Kind  CashbackKind    `json:"kind" was:"type"`
	Value decimal.Decimal `json:"value"`
	// UsageLimitDays is how long after the sale the credit can be redeemed
	// (limite de uso em dias); 0 means no limit.
	UsageLimitDays int `json:"usage_limit_days,omitempty"`
	// MinPurchase is the minimum purchase to redeem (valor mínimo para
	// resgate).
	MinPurchase decimal.Decimal `json:"min_purchase,omitzero"`
	// ApplyOn is "sale" or "item" (aplicar benefício cashback em).
	ApplyOn CashbackOn `json:"apply_on,omitempty"`
	// Accumulate earns on each fulfilment of the rules (acumular).
	Accumulate bool `json:"accumulate,omitempty"`
	// DaysToStart is how many days after the sale redemption opens (dias
	// para iniciar o resgate).
	DaysToStart int `json:"days_to_start,omitempty"`
	// MaxRedeemPercent caps a redemption at this percent of the sale
	// (limite de resgate, % da venda); 0 means no cap.
	MaxRedeemPercent decimal.Decimal `json:"max_redeem_percent,omitzero"`
	// MaxAmount caps what one sale earns (valor máximo a ser acumulado);
	// 0 means no cap.
	MaxAmount decimal.Decimal `json:"max_amount,omitzero"`
	// UseAveragePrice computes the benefit on the items' average price.
	UseAveragePrice bool `json:"use_average_price,omitempty"`
	// ReviewRequired allows redemption only after the customer answered the
	// review survey (acionar review bonificado).
	ReviewRequired bool `json:"review_required,omitempty"`
}

// Loyalty holds the ruleset's points programs.
type Loyalty struct {
	JuntosSomosMais *JuntosSomosMais `json:"juntos_somos_mais,omitempty"`
}

// JuntosSomosMais is the Juntos Somos Mais program: switched on
// by being present; only the participating brands score; each store has
// its own points table; the points go to the professional CPF given at the
// sale (cart.professional).
type JuntosSomosMais struct {
	// Brands are the participating brands (marcas que geram pontuação).
	Brands []string `json:"brands"`
	// Tables are the stores' points tables; store "*" serves the stores
	// without their own.
	Tables []PointsTable `json:"tables"`
}

// PointsTable is one store's points table, in one of the scoring forms a
// store may choose (forma de pontuação): points per real of a
// participating brand's items (PointsPerReal), or per unit of them
// (PointsPerUnit). Exactly one is given (a table with only brand rates
// scores per real).
type PointsTable struct {
	Store string `json:"store"`
	// PointsPerReal is the points per R$ 1.00 of a participating brand.
	PointsPerReal decimal.Decimal `json:"points_per_real,omitzero"`
	// PointsPerUnit is the points per unit (per kg or metre of a weighed
	// line) of a participating brand; Brands are then per unit too.
	PointsPerUnit *decimal.Decimal `json:"points_per_unit,omitempty"`
	// Brands overrides the rate of some brands.
	Brands map[string]decimal.Decimal `json:"brands,omitempty"`
}
