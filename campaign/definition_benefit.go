package campaign

import (
	"github.com/shopspring/decimal"
)

// Benefit is what a campaign gives. Exactly one of Percent, Amount,
// FinalPrice, FreeUnits, Gift, Progressive and AgePercent is set.
type Benefit struct {
	// On is "sale" (desconto na venda) or "items" (desconto no item).
	On BenefitOn `json:"on"`
	// Percent off, between 0 and 100.
	Percent *decimal.Decimal `json:"percent,omitempty"`
	// Amount off: off the eligible total on a sale, off each unit on items.
	Amount *decimal.Decimal `json:"amount,omitempty"`
	// FinalPrice is the new unit price (items only).
	FinalPrice *decimal.Decimal `json:"final_price,omitempty"`
	// FreeUnits is "leve N pague M" (items only).
	FreeUnits *FreeUnits `json:"free_units,omitempty"`
	// Gift grants gift products (brinde) to choose from (items only).
	Gift *Gift `json:"gift,omitempty"`
	// Progressive is a discount by quantity tiers (progressivo).
	Progressive *Progressive `json:"progressive,omitempty"`
	// AgePercent is a percent that depends on the customer's age
	// (benefício Cliente).
	AgePercent *AgePercent `json:"age_percent,omitempty"`
	// MaxDiscount caps what the benefit gives per sale ("15 % off, at
	// most R$ 50,00"; desconto máximo): the capped amount is apportioned
	// over the lines as any sale amount is. Not with a gift nor a sale
	// amount (its own cap).
	MaxDiscount *decimal.Decimal `json:"max_discount,omitempty"`
	// ApplyTo is "all" (conceder todos, the default), "highest" (maior
	// benefício) or "lowest" (menor benefício); items only, and only for
	// percent, amount, final_price, free_units and gift (highest or lowest:
	// which unit in the cart is the gift).
	ApplyTo ApplyTo `json:"apply_to,omitempty"`
}

// Gift is a gift benefit: Quantity units per occurrence of one of Options
// (product codes), chosen by the operator. The benefit's apply_to says
// which unit in the cart is the gift: the most expensive (highest, the
// default) or the cheapest (lowest).
type Gift struct {
	Quantity int64    `json:"quantity"`
	Options  []string `json:"options"`
	// ReferencePrice is what one gift unit is worth to the customer when
	// none of the options is in the cart, for choosing the best benefit
	// among non-cumulative campaigns; without it such a gift is worth
	// nothing there.
	ReferencePrice *decimal.Decimal `json:"reference_price,omitempty"`
}

// Progressive is a list of quantity tiers; the highest tier reached applies.
type Progressive struct {
	Tiers []ProgressiveTier `json:"tiers"`
}

// ProgressiveTier gives Amount (or Percent) off the eligible lines from
// MinQuantity whole units on. Exactly one of Amount and Percent is set.
type ProgressiveTier struct {
	MinQuantity int64            `json:"min_quantity"`
	Amount      *decimal.Decimal `json:"amount,omitempty"`
	Percent     *decimal.Decimal `json:"percent,omitempty"`
}

// AgePercent gives PerYear % per year of the customer's age, at most Max %.
type AgePercent struct {
	PerYear decimal.Decimal `json:"per_year"`
	Max     decimal.Decimal `json:"max"`
}

// FreeUnits is "leve Buy pague Pay", a campaign's benefit or an industry
// promotion's (whose take_pay.take it was before 0.2.0).
type FreeUnits struct {
	Buy int64 `json:"buy" was:"take"`
	Pay int64 `json:"pay"`
}
