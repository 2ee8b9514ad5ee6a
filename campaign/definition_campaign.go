package campaign

import (
	"github.com/shopspring/decimal"
)

// Campaign is one Reshop-style campaign (dados gerais, regras, benefício).
type Campaign struct {
	// General is the campaign's id, name (shown on receipts),
	// description (shown to the operator on activation), priority and
	// dates.
	General
	// Category is the id of one of the ruleset's categories.
	Category string `json:"category,omitempty"`
	// NonCumulative makes the campaign exclusive (campanha não cumulativa).
	NonCumulative bool `json:"non_cumulative,omitempty"`
	// NoActivationRules marks a campaign for every customer and cart (sem
	// regras de ativação); it must then have no rules.
	NoActivationRules bool `json:"no_activation_rules,omitempty"`
	// NoBenefit marks a campaign that gives nothing but records its
	// activation (não possui benefícios); it must then have no benefit.
	NoBenefit bool `json:"no_benefit,omitempty"`
	// RequireLGPDConsent applies the campaign only to customers who gave
	// their LGPD consent (validar aceite LGPD).
	RequireLGPDConsent bool `json:"require_lgpd_consent,omitempty"`
	// Optional makes the campaign an offer the operator accepts or not
	// (campanha opcional): it applies only when the cart lists its id in
	// accepted_offers.
	Optional bool `json:"optional,omitempty"`
	// Rules are the activation rules; required unless NoActivationRules.
	Rules *Rules `json:"rules,omitempty"`
	// MinQuantity is the minimum number of whole eligible units
	// (quantidade mínima); for item benefits it is also the size of one
	// occurrence.
	MinQuantity int64 `json:"min_quantity,omitempty"`
	// MinValue is the minimum value of the eligible lines (valor mínimo).
	MinValue *decimal.Decimal `json:"min_value,omitempty"`
	// Benefit is what the customer gets.
	Benefit Benefit `json:"benefit"`
	// MaxRepetitions caps the occurrences per sale; 0 means no cap.
	MaxRepetitions int `json:"max_repetitions,omitempty"`
	// FundedBy names who pays for the discounts; empty is the retailer.
	FundedBy string `json:"funded_by,omitempty"`
	// Limits cap the activations (limite de ativações), each over a period.
	Limits []Limit `json:"limits,omitempty"`
	// ExchangeMode says how the campaign treats a sale with exchange items
	// (vendas com troca): "net" (the default: computes on the values net of
	// the exchange credit), "no_activation", "original" (on the original
	// prices) or "gross" (on the initial values).
	ExchangeMode ExchangeMode `json:"exchange_mode,omitempty"`
	// Extras are the additional benefits (benefícios adicionais): a code
	// for a later purchase, loyalty points, cashback. A campaign whose only
	// benefit is an extra leaves Benefit out.
	Extras *Extras `json:"extras,omitempty"`
	// Exceptions exclude products from the campaign (exceções): an
	// excluded line never qualifies nor gets the benefit.
	Exceptions *Exceptions `json:"exceptions,omitempty"`
	// Budget is the campaign's money budget (verba): the total discount it
	// may grant across all sales, and per customer.
	Budget *Budget `json:"budget,omitempty"`
	// Target selects the lines that get the benefit, apart from those that
	// qualify the sale (o alvo); absent, the qualifying lines get it.
	Target *Target `json:"target,omitempty"`
	// GroupMode says what min_quantity means for an item percent, amount
	// or final price given to every unit: "all_from_minimum" (from
	// min_quantity units on, every unit) or "complete_groups" (per
	// complete group of min_quantity units). Absent: all_from_minimum
	// without max_repetitions, complete_groups with it (the behaviour
	// before the field existed).
	GroupMode GroupMode `json:"group_mode,omitempty"`
}

// Limit caps a campaign's activations over a recurring period.
type Limit struct {
	// Scope is "general" (all customers together) or "customer" (per
	// customer, identified by the host's token; an anonymous sale gets no
	// activation of such a campaign).
	Scope LimitScope `json:"scope"`
	// Count is "sale" (tickets) or "item" (units that get the benefit).
	Count LimitCount `json:"count"`
	// Max is the number of sales or items allowed per period.
	Max int64 `json:"max"`
	// Period is "day", "week" (ISO, Monday to Sunday), "month" or
	// "campaign" (the campaign's whole period).
	Period LimitPeriod `json:"period"`
}
