package campaign

import (
	"fmt"
	"strings"

	"github.com/promokit/promokit/promo"
)

// Exceptions exclude products from a campaign, a Desconto Pack table or a
// combo (adicionar exceções, the Reshop manual): an excluded line never
// qualifies — no rule, requirement, minimum or kit counts it — nor gets
// the benefit; the promotion is computed as if the cart did not have it.
// At least one list is set.
type Exceptions struct {
	// ProductCodes excludes the lines with one of these product codes.
	ProductCodes []string `json:"product_codes,omitempty"`
	// SKUs excludes the lines with one of these SKUs.
	SKUs []string `json:"skus,omitempty"`
	// Categories excludes the lines in one of these categories or below
	// them ("bebidas" excludes "bebidas/cervejas").
	Categories []string `json:"categories,omitempty"`
	// Brands excludes the lines of these brands (marcas), compared
	// ignoring case and surrounding spaces.
	Brands []string `json:"brands,omitempty"`
	// Groupings excludes the members of these product groupings
	// (agrupamentos de produtos), by product code.
	Groupings []string `json:"groupings,omitempty"`
}

// exclusion is the compiled form of Exceptions. A nil *exclusion excludes
// nothing.
type exclusion struct {
	codes      map[string]bool
	skus       map[string]bool
	categories []string // without leading and trailing slashes
	brands     map[string]bool
}

// excludes reports whether line l is excluded.
func (e *exclusion) excludes(l *promo.Line) bool {
	if e == nil {
		return false
	}
	if (l.ProductCode != "" && e.codes[l.ProductCode]) || (l.SKU != "" && e.skus[l.SKU]) {
		return true
	}
	if b := foldName(l.Brand); b != "" && e.brands[b] {
		return true
	}
	if len(e.categories) > 0 && l.Category != "" {
		cat := strings.Trim(l.Category, "/")
		for _, c := range e.categories {
			if cat == c || strings.HasPrefix(cat, c+"/") {
				return true
			}
		}
	}
	return false
}

// apply runs f on the view without the excluded lines, and maps its answer
// back to the cart's lines. Without exceptions, or when none of the cart's
// lines is excluded, f sees the view itself.
func (e *exclusion) apply(v *promo.View, f func(*promo.View) promo.Proposal) promo.Proposal {
	keep, all := e.kept(v)
	if all {
		return f(v)
	}
	return promo.Lift(f(v.Subset(keep)), keep)
}

// kept returns the indexes of the lines not excluded, and whether that is
// every line.
func (e *exclusion) kept(v *promo.View) (keep []int, all bool) {
	if e == nil {
		return nil, true
	}
	for i := 0; i < v.Len(); i++ {
		if !e.excludes(v.Line(i)) {
			keep = append(keep, i)
		}
	}
	return keep, len(keep) == v.Len()
}

// view returns the view without the excluded lines, and the cart index of
// each of its lines (nil when it is v itself).
func (e *exclusion) view(v *promo.View) (*promo.View, []int) {
	keep, all := e.kept(v)
	if all {
		return v, nil
	}
	return v.Subset(keep), keep
}

// foldName is how brand names are compared: ignoring case and surrounding
// spaces.
func foldName(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// exceptions compiles the exceptions at path p; nil when there are none.
func (c *compiler) exceptions(p string, x *Exceptions) *exclusion {
	if x == nil {
		return nil
	}
	if len(x.ProductCodes)+len(x.SKUs)+len(x.Categories)+len(x.Brands)+len(x.Groupings) == 0 {
		c.fail(p, "give product_codes, skus, categories, brands or groupings, or leave exceptions out")
		return nil
	}
	e := &exclusion{codes: map[string]bool{}, skus: map[string]bool{}, brands: map[string]bool{}}
	list := func(name string, vs []string, add func(string)) {
		for j, v := range vs {
			if strings.TrimSpace(v) == "" || (name == "categories" && strings.Trim(v, "/ ") == "") {
				c.fail(fmt.Sprintf("%s.%s[%d]", p, name, j), "must not be empty")
				continue
			}
			add(v)
		}
	}
	list("product_codes", x.ProductCodes, func(v string) { e.codes[v] = true })
	list("skus", x.SKUs, func(v string) { e.skus[v] = true })
	list("categories", x.Categories, func(v string) { e.categories = append(e.categories, strings.Trim(v, "/")) })
	list("brands", x.Brands, func(v string) { e.brands[foldName(v)] = true })
	for j, id := range x.Groupings {
		gp := fmt.Sprintf("%s.groupings[%d]", p, j)
		switch g := c.groupings[id]; {
		case id == "":
			c.fail(gp, "must not be empty")
		case g == nil:
			c.fail(gp, "unknown grouping %q (not in groupings)", id)
		case g.Kind != GroupingProduct:
			c.fail(gp, "grouping %q is a %s grouping, want a product grouping", id, g.Kind)
		default:
			for _, m := range g.Members {
				e.codes[m] = true
			}
		}
	}
	return e
}
