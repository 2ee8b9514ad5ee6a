package campaign

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// Markdown is a price markdown (remarcação de preço): new unit prices for
// products, in some stores, for some customers. Markdowns run before every
// other promotion, and the promotions after them compute on the new prices.
type Markdown struct {
	// General is the markdown's id, name, description, priority and dates.
	General
	// Stores are the store ids where it applies; StoreGrouping names a store
	// grouping instead. Neither: every store.
	Stores        []string `json:"stores,omitempty"`
	StoreGrouping string   `json:"store_grouping,omitempty"`
	// By says what Items' keys are: "code" (product code), "sku",
	// "reference" (the line attribute "reference"; Linx POS sends none) or
	// "all" (a key matches the product code, the SKU or the reference).
	By    MarkdownBy     `json:"by"`
	Items []MarkdownItem `json:"items"`
	// AlsoInPromotions applies the new price also to items that another
	// campaign names (ativar também em itens em promoção); when false they
	// keep their price.
	AlsoInPromotions bool `json:"also_in_promotions,omitempty"`
	// Audience is "all" (the default), "registered" (an identified
	// customer) or "loyal" (an identified customer with a loyalty tier).
	Audience Audience `json:"audience,omitempty"`
	// MinPrice and MaxPrice filter the items by their registered unit
	// price (apenas produtos com preços acima ou abaixo de um valor): only
	// lines whose unit price is at least MinPrice and at most MaxPrice are
	// repriced. Either may be absent.
	MinPrice *decimal.Decimal `json:"min_price,omitempty"`
	MaxPrice *decimal.Decimal `json:"max_price,omitempty"`
	// MinQuantity and MinValue are the activation thresholds (limites de
	// quantidade ou valor de compra para ativação): the whole units of the
	// lines it reprices, and the value of the whole sale, must reach them.
	MinQuantity int64            `json:"min_quantity,omitempty"`
	MinValue    *decimal.Decimal `json:"min_value,omitempty"`
	// Extras are the benefits given on top of the new prices (benefícios
	// adicionais: brindes, cashback).
	Extras *MarkdownExtras `json:"extras,omitempty"`
}

// MarkdownItem is one product's new unit price, and optionally an extra
// discount on it (desconto adicional para produtos específicos).
type MarkdownItem struct {
	Key   string          `json:"key"`
	Price decimal.Decimal `json:"price"`
	// ExtraPercent is a percent off the new price, on top of it.
	ExtraPercent *decimal.Decimal `json:"extra_percent,omitempty"`
}

// MarkdownExtras are a markdown's additional benefits: a gift (brinde)
// granted once per sale the markdown applies to, and a cashback earned on
// the sale, as a campaign's extras.cashback is.
type MarkdownExtras struct {
	Gift     *Gift     `json:"gift,omitempty"`
	Cashback *Cashback `json:"cashback,omitempty"`
}

// ReasonMarkdownStore means the sale's store is not one of the markdown's.
const ReasonMarkdownStore promo.ReasonCode = "store_not_included"

// ReasonMarkdownAudience means the markdown is for registered or loyal
// customers and the sale's customer is not one.
const ReasonMarkdownAudience promo.ReasonCode = "audience_not_met"

// ReasonMarkdownInPromotion notes that some items kept their price because
// another campaign names them.
const ReasonMarkdownInPromotion promo.ReasonCode = "items_in_promotion_kept"

// markdown is a compiled Markdown.
type markdown struct {
	info     promo.Info
	keys     promo.Keys
	stores   []string // nil: every store
	by       MarkdownBy
	prices   map[string]MarkdownItem
	also     bool
	audience Audience
	// minPrice and maxPrice filter the lines by unit price; nil: no bound.
	minPrice, maxPrice *decimal.Decimal
	minQuantity        int64
	minValue           *decimal.Decimal
	gift               benefit.Benefit    // nil: no gift
	cashback           *cashback.Settings // nil: no cashback
}

func (m *markdown) Info() promo.Info { return m.info }

// InfoRef lends the ruleset the promotion's own Info (promo.InfoRef).
func (m *markdown) InfoRef() *promo.Info { return &m.info }
func (m *markdown) Keys() promo.Keys     { return m.keys }

// price returns the new unit price of a line (and its extra discount),
// if the markdown names it.
func (m *markdown) price(l *promo.Line) (MarkdownItem, bool) {
	try := func(k string) (MarkdownItem, bool) {
		if k == "" {
			return MarkdownItem{}, false
		}
		p, ok := m.prices[k]
		return p, ok
	}
	switch m.by {
	case MarkdownByCode:
		return try(l.ProductCode)
	case MarkdownBySKU:
		return try(l.SKU)
	case MarkdownByReference:
		return try(l.Attributes["reference"])
	}
	for _, k := range []string{l.ProductCode, l.SKU, l.Attributes["reference"]} {
		if p, ok := try(k); ok {
			return p, true
		}
	}
	return MarkdownItem{}, false
}

// lines returns the lines the markdown would reprice: those it names whose
// unit price passes its filter, gift lines aside; and how many lines it
// names keep their price because another campaign names them.
func (m *markdown) lines(v *promo.View) (lines []int, kept int) {
	for i := 0; i < v.Len(); i++ {
		l := v.Line(i)
		if _, ok := m.price(l); !ok || (m.gift != nil && benefit.IsGiftLine(m.gift, l)) {
			continue
		}
		if (m.minPrice != nil && l.UnitPrice.LessThan(*m.minPrice)) || (m.maxPrice != nil && l.UnitPrice.GreaterThan(*m.maxPrice)) {
			continue
		}
		if !m.also && v.InOtherPromotion(i) {
			kept++
			continue
		}
		lines = append(lines, i)
	}
	return lines, kept
}

func (m *markdown) Apply(v *promo.View) promo.Proposal {
	c := v.Cart()
	if m.stores != nil && !slices.Contains(m.stores, c.Store.ID) {
		return promo.NotEligible(promo.Reason{Code: ReasonMarkdownStore,
			PT: "a loja " + c.Store.ID + " não participa da remarcação",
			EN: "store " + c.Store.ID + " is not in the markdown"})
	}
	switch {
	case m.audience == AudienceRegistered && c.Customer == nil:
		return promo.NotEligible(promo.Reason{Code: ReasonMarkdownAudience,
			PT: "remarcação só para clientes cadastrados", EN: "markdown for registered customers only"})
	case m.audience == AudienceLoyal && (c.Customer == nil || c.Customer.Tier == ""):
		return promo.NotEligible(promo.Reason{Code: ReasonMarkdownAudience,
			PT: "remarcação só para clientes fidelizados", EN: "markdown for loyal customers only"})
	}
	lines, kept := m.lines(v)
	if m.minQuantity > 0 {
		if ok, why := rules.MinQuantity(m.minQuantity).Check(v, lines); !ok {
			return promo.NotEligible(why)
		}
	}
	if m.minValue != nil {
		all := make([]int, v.Len())
		for i := range all {
			all[i] = i
		}
		if ok, why := rules.MinValue(*m.minValue).Check(v, all); !ok {
			return promo.NotEligible(why)
		}
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	hundred := decimal.NewFromInt(100)
	for _, i := range lines {
		l := v.Line(i)
		it, _ := m.price(l)
		// What the line costs at the new price, rounded once (like a
		// gross); a markdown never raises a price. The extra discount is
		// a percent of what the line then costs.
		newValue := decimal.Min(v.Value(i), v.Round(l.Quantity.Mul(it.Price)))
		off := v.Value(i).Sub(newValue)
		if it.ExtraPercent != nil {
			off = off.Add(newValue.Mul(*it.ExtraPercent).DivRound(hundred, 12))
		}
		if off.Sign() > 0 {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: promo.Markdown, Amount: off})
			p.Units += benefit.UnitsOf(l)
		}
	}
	if m.gift != nil && len(lines) > 0 {
		g := m.gift.Apply(v, benefit.Scope{Lines: lines})
		if g.Eligible {
			p.Adjustments = append(p.Adjustments, g.Adjustments...)
			p.Gifts, p.Grouped, p.Worth = g.Gifts, g.Grouped, g.Worth
			p.Reasons = append(p.Reasons, g.Reasons...)
		}
	}
	if kept > 0 {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonMarkdownInPromotion,
			PT: fmt.Sprintf("%d %s em outra campanha mantiveram o preço", kept, map[bool]string{true: "item", false: "itens"}[kept == 1]),
			EN: fmt.Sprintf("%d %s in another campaign kept their price", kept, map[bool]string{true: "item", false: "items"}[kept == 1])})
	}
	return p
}
