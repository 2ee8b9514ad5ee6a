package promo

import "strings"

// lineKeys indexes the cart's lines by the keys the ruleset's index knows
// (product code, SKU, every level of the category), so that a product rule
// looks only at the lines that carry one of its values instead of every
// line of the cart. It is built once per evaluation, the first time a rule
// asks.
type lineKeys struct {
	codes, skus, cats keyIndex[int]
}

// newLineKeys indexes the lines of c.
func newLineKeys(c *Cart) *lineKeys {
	x := &lineKeys{}
	// Room for every pair at once: a code and a SKU per line, a category
	// level per slash and one more.
	levels := 0
	for i := range c.Lines {
		levels += strings.Count(c.Lines[i].Category, "/") + 1
	}
	x.codes.reserve(len(c.Lines))
	x.skus.reserve(len(c.Lines))
	x.cats.reserve(levels)
	for i := range c.Lines {
		l := &c.Lines[i]
		if l.ProductCode != "" {
			x.codes.add(l.ProductCode, i)
		}
		if l.SKU != "" {
			x.skus.add(l.SKU, i)
		}
		// Every level of the category: a rule on "bebidas" matches
		// "bebidas/cervejas".
		path := strings.Trim(l.Category, "/")
		for path != "" {
			x.cats.add(path, i)
			j := strings.LastIndexByte(path, '/')
			if j < 0 {
				break
			}
			path = path[:j]
		}
	}
	x.codes.seal() // a category's levels may repeat ("a//b"): seal drops them
	x.skus.seal()
	x.cats.seal()
	return x
}

// lineKeys returns the evaluation's index of its lines, or nil when v is
// a Subset or a view the kernel did not make: the caller looks at every
// line.
func (v *View) lineKeys() *lineKeys {
	if v.memo == nil || v.subset {
		return nil
	}
	if v.memo.lines == nil {
		v.memo.lines = newLineKeys(v.cart)
	}
	return v.memo.lines
}

// LinesWithCode returns the lines whose product code is code, in cart
// order, and true; or false when the view cannot tell (a Subset, or a view
// the kernel did not make), and the caller looks at every line. The slice
// must not be modified.
func (v *View) LinesWithCode(code string) ([]int, bool) {
	x := v.lineKeys()
	if x == nil {
		return nil, false
	}
	return x.codes.get(code), true
}

// LinesWithSKU returns the lines whose SKU is sku, as LinesWithCode does.
func (v *View) LinesWithSKU(sku string) ([]int, bool) {
	x := v.lineKeys()
	if x == nil {
		return nil, false
	}
	return x.skus.get(sku), true
}

// LinesInCategory returns the lines in category cat or below it (its
// value without leading or trailing slashes: "bebidas" gives the lines
// of "bebidas" and "bebidas/cervejas"), as LinesWithCode does.
func (v *View) LinesInCategory(cat string) ([]int, bool) {
	x := v.lineKeys()
	if x == nil {
		return nil, false
	}
	return x.cats.get(cat), true
}
