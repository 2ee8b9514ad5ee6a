package campaign

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
)

// Markdown is a price markdown (remarcação de preço): new unit prices for
// products, in some stores, for some customers. Markdowns run before every
// other promotion, and the promotions after them compute on the new prices.
type Markdown struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Priority    int    `json:"priority,omitempty"`
	Start       string `json:"start"`
	End         string `json:"end,omitempty"`
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
}

// MarkdownItem is one product's new unit price.
type MarkdownItem struct {
	Key   string          `json:"key"`
	Price decimal.Decimal `json:"price"`
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
	prices   map[string]decimal.Decimal
	also     bool
	audience Audience
}

func (m *markdown) Info() promo.Info { return m.info }
func (m *markdown) Keys() promo.Keys { return m.keys }

// price returns the new unit price of a line, if the markdown names it.
func (m *markdown) price(l *promo.Line) (decimal.Decimal, bool) {
	try := func(k string) (decimal.Decimal, bool) {
		if k == "" {
			return decimal.Decimal{}, false
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
	return decimal.Decimal{}, false
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
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	kept := 0
	for i := 0; i < v.Len(); i++ {
		l := v.Line(i)
		price, ok := m.price(l)
		if !ok {
			continue
		}
		if !m.also && v.InOtherPromotion(i) {
			kept++
			continue
		}
		// What the line costs at the new price, rounded once (like a gross).
		newValue := v.Round(l.Quantity.Mul(price))
		if off := v.Value(i).Sub(newValue); off.Sign() > 0 {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: promo.Markdown, Amount: off})
			p.Units += benefit.UnitsOf(l)
		}
	}
	if kept > 0 {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonMarkdownInPromotion,
			PT: fmt.Sprintf("%d %s em outra campanha mantiveram o preço", kept, map[bool]string{true: "item", false: "itens"}[kept == 1]),
			EN: fmt.Sprintf("%d %s in another campaign kept their price", kept, map[bool]string{true: "item", false: "items"}[kept == 1])})
	}
	return p
}

// markdown compiles a markdown at path p.
func (c *compiler) markdown(p string, md *Markdown, loc *time.Location) promo.Promotion {
	before := len(c.problems)
	c.checkID(p, md.ID)
	if md.Name == "" {
		c.fail(p+".name", "required")
	}
	if md.Priority < 0 {
		c.fail(p+".priority", "must not be negative")
	}
	start, end := c.dates(p, md.Start, md.End, loc)
	var stores []string
	switch {
	case md.StoreGrouping != "" && md.Stores != nil:
		c.fail(p+".store_grouping", "give stores or store_grouping, not both")
	case md.StoreGrouping != "":
		if g := c.grouping(p+".store_grouping", md.StoreGrouping, "store"); g != nil {
			stores = slices.Clone(g.Members)
		}
	case md.Stores != nil:
		if len(md.Stores) == 0 {
			c.fail(p+".stores", "at least one store, or leave it out for every store")
		}
		stores = slices.Clone(md.Stores)
	}
	switch md.By {
	case MarkdownByCode, MarkdownBySKU, MarkdownByReference, MarkdownByAll:
	default:
		c.fail(p+".by", "want code, sku, reference or all, got %q", md.By)
	}
	switch md.Audience {
	case "", AudienceAll, AudienceRegistered, AudienceLoyal:
	default:
		c.fail(p+".audience", "want all, registered or loyal, got %q", md.Audience)
	}
	if len(md.Items) == 0 {
		c.fail(p+".items", "at least one item is required")
	}
	prices := make(map[string]decimal.Decimal, len(md.Items))
	var keys []string
	for i, it := range md.Items {
		ip := fmt.Sprintf("%s.items[%d]", p, i)
		k := strings.TrimSpace(it.Key)
		if k == "" {
			c.fail(ip+".key", "required")
		} else if _, dup := prices[k]; dup {
			c.fail(ip+".key", "duplicate key %q", k)
		}
		c.amount(ip+".price", it.Price, bounds.UnitPrice)
		prices[k] = it.Price
		keys = append(keys, k)
	}
	if len(c.problems) > before {
		return nil
	}
	m := &markdown{
		info: promo.Info{ID: md.ID, Name: md.Name, Description: md.Description, Type: "markdown",
			Phase: promo.PhaseMarkdown, Priority: md.Priority, Start: start, End: end},
		stores: stores, by: md.By, prices: prices, also: md.AlsoInPromotions, audience: md.Audience,
	}
	switch md.By {
	case MarkdownByCode:
		m.keys = promo.Keys{ProductCodes: keys}
	case MarkdownBySKU:
		m.keys = promo.Keys{SKUs: keys}
	default:
		m.keys = promo.Keys{CartWide: true} // references are not indexed
	}
	return m
}
