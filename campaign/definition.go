package campaign

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Version is the ruleset format version this package reads and writes.
const Version = 1

// Ruleset is the JSON document: settings and campaigns.
type Ruleset struct {
	// Version must be 1.
	Version int `json:"version"`
	// Settings apply to every campaign.
	Settings Settings `json:"settings,omitzero"`
	// Categories are the campaign categories campaigns may refer to
	// (categoria da campanha).
	Categories []Category `json:"categories,omitempty"`
	// Groupings are the product, store and customer groupings
	// (agrupamentos) rules refer to by id.
	Groupings []Grouping `json:"groupings,omitempty"`
	// Campaigns are the campaign definitions; their order does not matter.
	Campaigns []Campaign `json:"campaigns"`
	// Associations group cumulative campaigns of which a criterion picks
	// the one that applies (associações).
	Associations []Association `json:"associations,omitempty"`
	// Markdowns are price markdowns (remarcações); their ids share the
	// campaigns' namespace.
	Markdowns []Markdown `json:"markdowns,omitempty"`
	// Loyalty switches on points programs.
	Loyalty *Loyalty `json:"loyalty,omitempty"`
	// Company holds per-company settings (Desconto Pack parameters).
	Company *Company `json:"company,omitempty"`
	// DiscountPacks are Zetti Desconto Pack tables.
	DiscountPacks []DiscountPack `json:"discount_packs,omitempty"`
	// Combos are supermarket combo bonifications.
	Combos []Combo `json:"combos,omitempty"`
	// IndustryPromotions are manufacturer-funded promotions (Scanntech).
	IndustryPromotions []IndustryPromotion `json:"industry_promotions,omitempty"`
}

// General is the general data every promotion shares (dados gerais):
// Reshop campaigns, markdowns, Desconto Pack tables, combos and industry
// promotions embed it, so that each idea has one spelling in every family
// and Compile checks it once for all of them.
type General struct {
	// ID identifies the promotion in the ruleset, the trace and the
	// events; it is unique among all the ruleset's promotions and has no
	// slash.
	ID string `json:"id"`
	// Name is the short title shown on receipts and reports (nome;
	// descrição da tabela of a Desconto Pack table); required.
	Name string `json:"name"`
	// Description is an optional longer text; a Reshop campaign's is shown
	// to the operator on activation (descrição).
	Description string `json:"description,omitempty"`
	// Priority orders the promotions of a phase: lower first (prioridade);
	// not negative.
	Priority int `json:"priority,omitempty"`
	// Start is when the promotion starts (início, data inicial): RFC 3339,
	// or a local "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD" in the ruleset's
	// time zone.
	Start string `json:"start"`
	// End is the last instant the promotion is valid (fim, data final),
	// inclusive; a date alone means the end of that day. Empty: no end.
	End string `json:"end,omitempty"`
}

// Settings are the ruleset-wide settings.
type Settings struct {
	// Rounding is "half_even" (ABNT NBR 5891, the default), "half_up" or
	// "truncate".
	Rounding Rounding `json:"rounding,omitempty"`
	// TimeZone is the IANA zone in which dates without an offset are read;
	// the default is "America/Sao_Paulo".
	TimeZone string `json:"time_zone,omitempty"`
	// CashbackRedemption is how redeemed cashback enters the sale:
	// "discount" (the default: spread over the lines) or "tender" (an NFC-e
	// payment with code 19). The tax treatment differs.
	CashbackRedemption CashbackRedemption `json:"cashback_redemption,omitempty"`
	// Limits bound the carts the ruleset evaluates (lines, exchange items,
	// payments, codes, credits, history entries, lengths of ids and texts,
	// size of a cart document) and the lengths of the ruleset's own ids
	// and texts. Each field left out or 0 takes its default; none may go
	// above its ceiling (promo.DefaultLimits, promo.CeilingLimits).
	Limits promo.Limits `json:"limits,omitzero"`
	// CashbackValue is what R$ 1,00 of cashback earned is worth to the
	// customer, and PointValue what one loyalty point is worth, in reais:
	// when non-cumulative campaigns compete, the one with the best benefit
	// for the customer wins (o melhor benefício para o cliente), counting
	// its discount, its gifts, and its cashback and points at these
	// values. Absent, they count for nothing, and a non-cumulative
	// campaign whose only benefit is cashback (or points) is refused.
	CashbackValue *decimal.Decimal `json:"cashback_value,omitempty"`
	PointValue    *decimal.Decimal `json:"point_value,omitempty"`
	// NearMiss switches on near misses (Result.NearMisses): the campaigns
	// that would apply if the cart had at most this much more value or
	// these many more units.
	NearMiss *NearMiss `json:"near_miss,omitempty"`
}

// NearMiss bounds how small a change of the cart a near miss may ask
// for. At least one is set.
type NearMiss struct {
	// MaxAmount is the most value a near miss may ask the customer to add.
	MaxAmount *decimal.Decimal `json:"max_amount,omitempty"`
	// MaxQuantity is the most whole units a near miss may ask to add.
	MaxQuantity int64 `json:"max_quantity,omitempty"`
}

// Category is a campaign category defined once and referred to by id.
type Category struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Association groups two or more cumulative campaigns (associação).
type Association struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Criterion is "least_benefit" (menor benefício ao cliente),
	// "most_benefit" (maior benefício), "registration_order" (ordem de
	// registro: the first campaign listed that applies) or "grant_all"
	// (conceder todos).
	Criterion Criterion `json:"criterion"`
	// Campaigns are campaign ids, in registration order.
	Campaigns []string `json:"campaigns"`
}

// Grouping is a named list of products, stores or customers (agrupamento),
// defined once and referred to by id from rules.
type Grouping struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Kind is "product" (members are product codes), "store" (store ids)
	// or "customer" (customer tokens or CPF/CNPJ).
	Kind    GroupingKind `json:"kind"`
	Members []string     `json:"members"`
}
