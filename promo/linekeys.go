package promo

import "strings"

// lineKeys indexes the cart's lines by the keys the ruleset's index knows
// (product code, SKU, every level of the category), so that a product rule
// looks only at the lines that carry one of its values instead of every
// line of the cart. It is built once per evaluation, each kind of key the
// first time a rule asks for it.
type lineKeys struct {
	codes, skus, cats keyIndex[int]
	// built tells which of codes, skus and cats are built.
	built [3]bool
}

// keyKind is a kind of key of lineKeys.
type keyKind uint8

// The kinds of key of lineKeys, in the order of built.
const (
	keyCode keyKind = iota
	keySKU
	keyCat
)

// index returns the index of the lines by the kind of key, built on first
// use.
func (x *lineKeys) index(c *Cart, kind keyKind) *keyIndex[int] {
	ix := [...]*keyIndex[int]{&x.codes, &x.skus, &x.cats}[kind]
	if !x.built[kind] {
		x.built[kind] = true
		buildLineIndex(ix, c, kind)
	}
	return ix
}

// buildLineIndex indexes the lines of c by one kind of key.
func buildLineIndex(ix *keyIndex[int], c *Cart, kind keyKind) {
	switch kind {
	case keyCode, keySKU:
		// Room for a key per line, at once.
		ix.reserve(len(c.Lines))
		for i := range c.Lines {
			if k := lineKey(&c.Lines[i], kind); k != "" {
				ix.add(k, i)
			}
		}
	default:
		// Room for a category level per slash and one more.
		levels := 0
		for i := range c.Lines {
			levels += strings.Count(c.Lines[i].Category, "/") + 1
		}
		ix.reserve(levels)
		for i := range c.Lines {
			// Every level of the category: a rule on "bebidas" matches
			// "bebidas/cervejas".
			path := strings.Trim(c.Lines[i].Category, "/")
			for path != "" {
				ix.add(path, i)
				j := strings.LastIndexByte(path, '/')
				if j == -1 { // the top level
					break
				}
				path = path[:j]
			}
		}
	}
	ix.seal() // a category's levels may repeat ("a//b"): seal drops them
}

// lineKey returns the product code or the SKU of l.
func lineKey(l *Line, kind keyKind) string {
	if kind == keyCode {
		return l.ProductCode
	}
	return l.SKU
}

// lineKeys returns the evaluation's index of its lines by one kind of key,
// or nil when v is a Subset or a view the kernel did not make: the caller
// looks at every line.
func (v *View) lineKeys(kind keyKind) *keyIndex[int] {
	if v.memo == nil || v.subset {
		return nil
	}
	if v.memo.lines == nil {
		v.memo.lines = &lineKeys{}
	}
	return v.memo.lines.index(v.cart, kind)
}

// LinesWithCode returns the lines whose product code is code, in cart
// order, and true; or false when the view cannot tell (a Subset, or a view
// the kernel did not make), and the caller looks at every line. The slice
// must not be modified.
func (v *View) LinesWithCode(code string) ([]int, bool) {
	x := v.lineKeys(keyCode)
	if x == nil {
		return nil, false
	}
	return x.get(code), true
}

// LinesWithSKU returns the lines whose SKU is sku, as LinesWithCode does.
func (v *View) LinesWithSKU(sku string) ([]int, bool) {
	x := v.lineKeys(keySKU)
	if x == nil {
		return nil, false
	}
	return x.get(sku), true
}

// LinesInCategory returns the lines in category cat or below it (its
// value without leading or trailing slashes: "bebidas" gives the lines
// of "bebidas" and "bebidas/cervejas"), as LinesWithCode does.
func (v *View) LinesInCategory(cat string) ([]int, bool) {
	x := v.lineKeys(keyCat)
	if x == nil {
		return nil, false
	}
	return x.get(cat), true
}
