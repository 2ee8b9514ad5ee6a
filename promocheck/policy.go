package promocheck

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/strictjson"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// PolicyVersion is the policy format version this package reads.
const PolicyVersion = 1

// Policy is what a retailer's pricing team states about its prices, as a
// JSON document (the policy file, docs/pricing-safety.md describes it):
// maximum discounts per line and per sale, floor prices per product
// (cost plus a minimum margin, both the host's), a maximum of gifts per
// sale, campaigns that must never stack, and how the carts searched are
// shaped. Every rule left out is not checked. The zero value states
// nothing.
type Policy struct {
	// Version must be 1.
	Version int `json:"version"`
	// Description says what the policy is, for the report.
	Description string `json:"description,omitempty"`
	// MaxLineDiscountPercent is the most a line may get off, as a percent
	// of its gross (MaxLineDiscount).
	MaxLineDiscountPercent *decimal.Decimal `json:"max_line_discount_percent,omitempty"`
	// MaxSaleDiscountPercent is the most a sale may get off, as a percent
	// of its gross (MaxSaleDiscount).
	MaxSaleDiscountPercent *decimal.Decimal `json:"max_sale_discount_percent,omitempty"`
	// MaxGiftsPerSale is the most gift units (brindes) a sale may get
	// (MaxGifts).
	MaxGiftsPerSale *int64 `json:"max_gifts_per_sale,omitempty"`
	// Products are the products the policy knows: their shelf price (the
	// carts searched use it) and their floor (FloorPrices).
	Products []ProductPolicy `json:"products,omitempty"`
	// NeverStack are campaigns that must never apply together with others
	// (NeverStack).
	NeverStack []StackRule `json:"never_stack,omitempty"`
	// Carts shapes the carts Search tries.
	Carts CartShape `json:"carts,omitzero"`
}

// ProductPolicy is what the policy knows of one product.
type ProductPolicy struct {
	// ProductCode is the product's code, as the ruleset and the carts
	// write it.
	ProductCode string `json:"product_code"`
	// Price is the shelf price (preço de prateleira) the carts searched
	// sell it at; without it, prices are drawn.
	Price *decimal.Decimal `json:"price,omitempty"`
	// Weighed makes the product sold by the kg in the carts searched; it
	// is sold by the unit otherwise.
	Weighed bool `json:"weighed,omitempty"`
	// Cost is what a unit costs the retailer; with MinMarginPercent it
	// makes the floor price cost × (1 + margin / 100) below which no
	// promotion may sell it.
	Cost             *decimal.Decimal `json:"cost,omitempty"`
	MinMarginPercent *decimal.Decimal `json:"min_margin_percent,omitempty"`
}

// Floor returns the product's floor price, cost × (1 + margin / 100), and
// whether it has one (a cost).
func (p ProductPolicy) Floor() (decimal.Decimal, bool) {
	if p.Cost == nil {
		return decimal.Decimal{}, false
	}
	f := *p.Cost
	if p.MinMarginPercent != nil {
		f = f.Add(f.Mul(*p.MinMarginPercent).Shift(-2))
	}
	return f, true
}

// StackRule says that Campaign must never apply together with the
// campaigns of With (with any other promotion when With is empty): in
// the same sale, or only on the same line with SameLine.
type StackRule struct {
	Campaign string   `json:"campaign"`
	With     []string `json:"with,omitempty"`
	SameLine bool     `json:"same_line,omitempty"`
}

// CustomerShape says which customers the carts searched have.
type CustomerShape string

// The customer shapes.
const (
	// AnyCustomer: anonymous sales and identified customers (the default).
	AnyCustomer CustomerShape = "any"
	// AnonymousOnly: every sale is anonymous.
	AnonymousOnly CustomerShape = "anonymous"
	// IdentifiedOnly: every sale has an identified customer.
	IdentifiedOnly CustomerShape = "identified"
)

// CartShape shapes the carts Search tries; every field is optional.
type CartShape struct {
	// MaxLines is the most lines a cart has (1 to 50; 8 by default).
	MaxLines int `json:"max_lines,omitempty"`
	// Store fixes the store's id; Time fixes the instant (RFC 3339).
	Store string `json:"store,omitempty"`
	Time  string `json:"time,omitempty"`
	// Customer says which customers the carts have.
	Customer CustomerShape `json:"customer,omitempty"`
}

// DecodePolicy reads a policy document strictly, as campaign.Decode reads
// a ruleset: malformed JSON, unknown fields, wrong types and values out of
// range are all reported at once in a *promo.ValidationError ("invalid
// policy"), each with its JSON path.
func DecodePolicy(data []byte) (Policy, error) {
	var p Policy
	ps := strictjson.Decode(data, &p)
	form := make([]promo.Problem, len(ps))
	for i, x := range ps {
		form[i] = promo.Problem{Path: x.Path, Reason: x.Reason}
	}
	if len(form) == 1 && form[0].Path == "" {
		return Policy{}, &promo.ValidationError{What: "policy", Problems: form}
	}
	if all := promo.MergeProblems(form, p.problems(nil)); len(all) > 0 {
		return Policy{}, &promo.ValidationError{What: "policy", Problems: all}
	}
	return p, nil
}

// Floors returns the floor price of every product with a cost, by code.
func (p Policy) Floors() map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	for _, pr := range p.Products {
		if f, ok := pr.Floor(); ok {
			out[pr.ProductCode] = f
		}
	}
	return out
}

// Check returns every violation of the policy's rules by one evaluated
// cart, in the order the rules are listed in Policy.
func (p Policy) Check(cart promo.Cart, res promo.Result) []Violation {
	var out []Violation
	if p.MaxLineDiscountPercent != nil {
		out = append(out, MaxLineDiscount(res, *p.MaxLineDiscountPercent)...)
	}
	if p.MaxSaleDiscountPercent != nil {
		out = append(out, MaxSaleDiscount(res, *p.MaxSaleDiscountPercent)...)
	}
	if p.MaxGiftsPerSale != nil {
		out = append(out, MaxGifts(res, *p.MaxGiftsPerSale)...)
	}
	if floors := p.Floors(); len(floors) > 0 {
		out = append(out, FloorPrices(cart, res, floors)...)
	}
	for _, r := range p.NeverStack {
		out = append(out, NeverStack(res, r.Campaign, r.With, r.SameLine)...)
	}
	return out
}

// CartOptions returns the promogen options that shape the carts Search
// tries: the products' shelf prices, the most lines, a fixed store,
// instant or customer shape.
func (p Policy) CartOptions() []promogen.Option {
	var opts []promogen.Option
	var prods []promogen.Product
	for _, pr := range p.Products {
		gp := promogen.Product{Code: pr.ProductCode, Measure: promogen.ByUnit}
		if pr.Weighed {
			gp.Measure = promogen.ByWeight
		}
		if pr.Price != nil {
			gp.Price = *pr.Price
		}
		prods = append(prods, gp)
	}
	if len(prods) > 0 {
		opts = append(opts, promogen.WithProducts(prods...))
	}
	if p.Carts.MaxLines > 0 {
		opts = append(opts, promogen.WithLines(1, p.Carts.MaxLines))
	}
	if p.Carts.Store != "" {
		opts = append(opts, promogen.WithStore(promo.Store{ID: p.Carts.Store}))
	}
	if t, err := time.Parse(time.RFC3339, p.Carts.Time); err == nil {
		opts = append(opts, promogen.WithInstant(t))
	}
	switch p.Carts.Customer {
	case AnonymousOnly:
		opts = append(opts, promogen.WithCustomer(nil))
	case IdentifiedOnly:
		opts = append(opts, promogen.WithIdentifiedCustomers(100))
	}
	return slices.Clip(opts)
}
