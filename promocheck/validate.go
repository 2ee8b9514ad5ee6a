package promocheck

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// Validate checks the policy's meaning and, when def is not nil, that the
// campaigns it names are promotions of def. It returns a
// *promo.ValidationError with every problem, or nil.
func (p Policy) Validate(def *campaign.Ruleset) error {
	if ps := p.problems(def); len(ps) > 0 {
		return &promo.ValidationError{What: "policy", Problems: ps}
	}
	return nil
}

// problems lists what is wrong with the policy, in the order of its
// fields.
func (p Policy) problems(def *campaign.Ruleset) []promo.Problem {
	var ps problemList
	if p.Version != PolicyVersion {
		ps.add("version", "must be %d", PolicyVersion)
	}
	ps.percent("max_line_discount_percent", p.MaxLineDiscountPercent)
	ps.percent("max_sale_discount_percent", p.MaxSaleDiscountPercent)
	if p.MaxGiftsPerSale != nil && *p.MaxGiftsPerSale < 0 {
		ps.add("max_gifts_per_sale", "must not be negative")
	}
	floors := ps.products(p.Products)
	ps.neverStack(p.NeverStack, def)
	ps.carts(p.Carts)
	if p.MaxLineDiscountPercent == nil && p.MaxSaleDiscountPercent == nil && p.MaxGiftsPerSale == nil &&
		floors == 0 && len(p.NeverStack) == 0 {
		ps.add("", "the policy states no rule: give max_line_discount_percent, max_sale_discount_percent, max_gifts_per_sale, a product's cost or never_stack")
	}
	return ps
}

// problemList collects a policy's problems in the order they are found.
type problemList []promo.Problem

func (ps *problemList) add(path, format string, args ...any) {
	*ps = append(*ps, promo.Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
}

// percent checks that a percent, when given, is between 0 and 100.
func (ps *problemList) percent(path string, v *decimal.Decimal) {
	if v != nil && (v.Sign() < 0 || v.GreaterThan(hundred())) {
		ps.add(path, "must be between 0 and 100")
	}
}

// products checks the products, each code once, and returns how many
// have a cost (and so a floor price).
func (ps *problemList) products(products []ProductPolicy) (floors int) {
	seen := map[string]int{}
	for i, pr := range products {
		path := fmt.Sprintf("products[%d]", i)
		switch j, dup := seen[pr.ProductCode]; {
		case pr.ProductCode == "":
			ps.add(path+".product_code", "required")
		case dup:
			ps.add(path+".product_code", "duplicate of products[%d].product_code %q", j, pr.ProductCode)
		default:
			seen[pr.ProductCode] = i
		}
		ps.product(path, pr)
		if pr.Cost != nil {
			floors++
		}
	}
	return floors
}

// product checks one product's price, cost and margin.
func (ps *problemList) product(path string, pr ProductPolicy) {
	if pr.Price != nil && (pr.Price.Sign() <= 0 || !pr.Price.Equal(pr.Price.Truncate(2))) {
		ps.add(path+".price", "must be a positive amount in whole cents")
	}
	if pr.Cost != nil && pr.Cost.Sign() < 0 {
		ps.add(path+".cost", "must not be negative")
	}
	if pr.MinMarginPercent != nil {
		if pr.Cost == nil {
			ps.add(path+".min_margin_percent", "needs a cost")
		}
		if pr.MinMarginPercent.Sign() < 0 {
			ps.add(path+".min_margin_percent", "must not be negative")
		}
	}
	if pr.Price == nil && pr.Cost == nil {
		ps.add(path, "needs a price, a cost or both")
	}
}

// neverStack checks that the rules name campaigns, of def when it is not
// nil, and no campaign with itself.
func (ps *problemList) neverStack(rules []StackRule, def *campaign.Ruleset) {
	ids := map[string]bool{}
	if def != nil {
		for _, id := range promotionIDs(*def) {
			ids[id] = true
		}
	}
	known := func(path, id string) {
		switch {
		case id == "":
			ps.add(path, "required")
		case def != nil && !ids[id]:
			ps.add(path, "no promotion %q in the ruleset", id)
		}
	}
	for i, r := range rules {
		path := fmt.Sprintf("never_stack[%d]", i)
		known(path+".campaign", r.Campaign)
		for j, w := range r.With {
			known(fmt.Sprintf("%s.with[%d]", path, j), w)
			if w == r.Campaign && w != "" {
				ps.add(fmt.Sprintf("%s.with[%d]", path, j), "is the campaign itself")
			}
		}
	}
}

// carts checks the shape of the carts to search.
func (ps *problemList) carts(c CartShape) {
	if c.MaxLines != 0 && (c.MaxLines < 1 || c.MaxLines > 50) {
		ps.add("carts.max_lines", "must be between 1 and 50")
	}
	if c.Time != "" {
		if _, err := time.Parse(time.RFC3339, c.Time); err != nil {
			ps.add("carts.time", "want an RFC 3339 instant with its offset (2026-11-21T10:15:00-03:00)")
		}
	}
	switch c.Customer {
	case "", AnyCustomer, AnonymousOnly, IdentifiedOnly:
	default:
		ps.add("carts.customer", "unknown customer shape %q (want any, anonymous or identified)", c.Customer)
	}
}

// promotionIDs lists the ids of every promotion of a definition.
func promotionIDs(def campaign.Ruleset) []string {
	var ids []string
	for _, g := range def.Generals() {
		ids = append(ids, g.ID)
	}
	return ids
}
