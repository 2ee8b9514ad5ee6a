package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/promokit/promokit/promo"
)

// Require says how many of a rule's values the cart must hold.
type Require uint8

const (
	// RequireAny: at least one line matches one of the values (operador OU).
	RequireAny Require = iota
	// RequireAll: every value is matched by some line (operador E).
	RequireAll
)

// String returns "any" or "all".
func (r Require) String() string {
	switch r {
	case RequireAny:
		return "any"
	case RequireAll:
		return "all"
	}
	return fmt.Sprintf("Require(%d)", uint8(r))
}

// ParseRequire parses "any" or "all"; the empty string is RequireAny.
func ParseRequire(s string) (Require, error) {
	switch s {
	case "", "any":
		return RequireAny, nil
	case "all":
		return RequireAll, nil
	}
	return RequireAny, fmt.Errorf("unknown require %q (want any or all)", s)
}

// Field is the product attribute a product rule looks at.
type Field uint8

const (
	// FieldProductCode is the retailer's product code (código produto).
	FieldProductCode Field = iota
	// FieldSKU is the stock-keeping unit (código SKU).
	FieldSKU
	// FieldCategory is the category path; a value matches its own level and
	// every level below it.
	FieldCategory
	// FieldNCM is the Mercosur tax classification (código NCM).
	FieldNCM
	// FieldBrand is the brand (marca), compared ignoring case and
	// surrounding spaces, as the combos and the points program compare it.
	FieldBrand
	// FieldManufacturer is the manufacturer's code (fabricante).
	FieldManufacturer
	// FieldLine is the product line's code (linha).
	FieldLine
	// FieldFamily is the family's code (família).
	FieldFamily
	// FieldRole is the role (papel) in the retailer's assortment.
	FieldRole
)

// String returns "product_code", "sku", "category", "ncm", "brand",
// "manufacturer", "line", "family" or "role".
func (f Field) String() string {
	switch f {
	case FieldProductCode:
		return "product_code"
	case FieldSKU:
		return "sku"
	case FieldCategory:
		return "category"
	case FieldNCM:
		return "ncm"
	case FieldBrand:
		return "brand"
	case FieldManufacturer:
		return "manufacturer"
	case FieldLine:
		return "line"
	case FieldFamily:
		return "family"
	case FieldRole:
		return "role"
	}
	return fmt.Sprintf("Field(%d)", uint8(f))
}

func (f Field) names() (pt, en string) {
	switch f {
	case FieldProductCode:
		return "código de produto", "product code"
	case FieldSKU:
		return "código SKU", "SKU"
	case FieldCategory:
		return "categoria", "category"
	case FieldNCM:
		return "NCM", "NCM"
	case FieldBrand:
		return "marca", "brand"
	case FieldManufacturer:
		return "fabricante", "manufacturer"
	case FieldLine:
		return "linha", "line"
	case FieldFamily:
		return "família", "family"
	case FieldRole:
		return "papel", "role"
	}
	return f.String(), f.String()
}

// product is a rule on one product field. It is kept small: a ruleset may
// hold thousands.
type product struct {
	field   Field
	require Require
	values  []string
}

// productGroup is a rule on the members of a product grouping: a product
// rule described by the grouping's name.
type productGroup struct {
	product
	name string
}

func (g productGroup) Describe() (pt, en string) {
	return "agrupamento de produtos " + g.name, "product grouping " + g.name
}

// ProductCode matches lines whose product code is one of codes.
func ProductCode(req Require, codes ...string) Condition {
	return product{field: FieldProductCode, require: req, values: append([]string(nil), codes...)}
}

// NCM matches lines whose NCM is one of ncms.
func NCM(req Require, ncms ...string) Condition {
	return product{field: FieldNCM, require: req, values: append([]string(nil), ncms...)}
}

// ProductGroup matches lines whose product code is a member of the product
// grouping (agrupamento de produtos) named name. With RequireAll every member
// must be in the cart; with RequireAny, one is enough (the Reshop manual advises OU
// for large groupings).
func ProductGroup(name string, req Require, codes ...string) Condition {
	return productGroup{product{field: FieldProductCode, require: req, values: append([]string(nil), codes...)}, name}
}

// SKU matches lines whose SKU is one of skus.
func SKU(req Require, skus ...string) Condition {
	return product{field: FieldSKU, require: req, values: append([]string(nil), skus...)}
}

// Category matches lines in one of the categories or below them
// ("bebidas" matches "bebidas/cervejas").
func Category(req Require, categories ...string) Condition {
	cs := make([]string, len(categories))
	for i, c := range categories {
		cs[i] = strings.Trim(c, "/")
	}
	return product{field: FieldCategory, require: req, values: cs}
}

// Brand matches lines whose brand (marca) is one of brands, ignoring case
// and surrounding spaces.
func Brand(req Require, brands ...string) Condition {
	return product{field: FieldBrand, require: req, values: append([]string(nil), brands...)}
}

// Manufacturer matches lines whose manufacturer code (fabricante) is one of
// codes.
func Manufacturer(req Require, codes ...string) Condition {
	return product{field: FieldManufacturer, require: req, values: append([]string(nil), codes...)}
}

// ProductLine matches lines whose product line code (linha) is one of
// codes.
func ProductLine(req Require, codes ...string) Condition {
	return product{field: FieldLine, require: req, values: append([]string(nil), codes...)}
}

// Family matches lines whose family code (família) is one of codes.
func Family(req Require, codes ...string) Condition {
	return product{field: FieldFamily, require: req, values: append([]string(nil), codes...)}
}

// Role matches lines whose role (papel) is one of roles.
func Role(req Require, roles ...string) Condition {
	return product{field: FieldRole, require: req, values: append([]string(nil), roles...)}
}

// foldBrand is how brands are compared: ignoring case and surrounding
// spaces.
func foldBrand(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func (product) sealed() {}

func (p product) Keys() promo.Keys {
	switch p.field {
	case FieldProductCode:
		return promo.Keys{ProductCodes: p.values}
	case FieldSKU:
		return promo.Keys{SKUs: p.values}
	case FieldCategory:
		return promo.Keys{Categories: p.values}
	default:
		// the index has no NCM, brand, manufacturer, line, family or role
		// key: such a rule is looked at for every cart
		return promo.Keys{CartWide: true}
	}
}

func (p product) Describe() (pt, en string) {
	fpt, fen := p.field.names()
	sep := " ou "
	sepEN := " or "
	if p.require == RequireAll {
		sep, sepEN = " e ", " and "
	}
	return fpt + " " + strings.Join(p.values, sep), fen + " " + strings.Join(p.values, sepEN)
}

// matches reports whether l matches value j.
func (p product) matches(l *promo.Line, j int) bool {
	got := p.fieldOf(l)
	v := p.values[j]
	if p.field == FieldBrand {
		v = foldBrand(v)
	}
	return got != "" && (got == v || (p.field == FieldCategory && strings.HasPrefix(got, v+"/")))
}

// fieldOf returns the line's value of the rule's field.
func (p product) fieldOf(l *promo.Line) string {
	switch p.field {
	case FieldProductCode:
		return l.ProductCode
	case FieldSKU:
		return l.SKU
	case FieldNCM:
		return l.NCM
	case FieldBrand:
		return foldBrand(l.Brand)
	case FieldManufacturer:
		return l.Manufacturer
	case FieldLine:
		return l.ProductLine
	case FieldFamily:
		return l.Family
	case FieldRole:
		return l.Role
	default:
		return strings.Trim(l.Category, "/")
	}
}

// matchValue returns the index of the first value l matches, or -1.
func (p product) matchValue(l *promo.Line) int {
	for j := range p.values {
		if p.matches(l, j) {
			return j
		}
	}
	return -1
}

// indexed returns the lines the view's index holds under value j, and
// whether it holds the rule's field: product codes, SKUs and categories
// are indexed (matching them is exactly the index's lookup); the other
// fields, and a Subset, are not.
func (p product) indexed(v *promo.View, j int) ([]int, bool) {
	switch p.field {
	case FieldProductCode:
		return v.LinesWithCode(p.values[j])
	case FieldSKU:
		return v.LinesWithSKU(p.values[j])
	case FieldCategory:
		return v.LinesInCategory(p.values[j])
	}
	return nil, false
}

// lookUp checks the rule through the view's index of lines: the lines of
// each value, merged in cart order; seen, if not nil, marks the values
// some line matches. It reports false when the view has no index for the
// rule's field.
func (p product) lookUp(v *promo.View, seen []bool) ([]int, bool) {
	var lines []int
	shared := false // lines is the index's own slice (one value's lines)
	for j := range p.values {
		ls, ok := p.indexed(v, j)
		if !ok {
			return nil, false
		}
		if len(ls) == 0 {
			continue
		}
		if seen != nil {
			seen[j] = true
		}
		if lines == nil {
			lines, shared = ls, true // never modified, so not copied
			continue
		}
		if shared {
			lines, shared = slices.Clone(lines), false
		}
		lines = append(lines, ls...)
	}
	if !shared { // several values' lines merged, or none
		slices.Sort(lines)
		lines = slices.Compact(lines)
	}
	return lines, true
}

func (p product) Check(v *promo.View) Outcome {
	out := Outcome{Selects: true}
	var seen []bool
	if p.require == RequireAll {
		seen = make([]bool, len(p.values))
	}
	if lines, ok := p.lookUp(v, seen); ok {
		out.Lines = lines
		return p.conclude(out, seen)
	}
	for i := 0; i < v.Len(); i++ {
		k := p.matchValue(v.Line(i))
		if k < 0 {
			continue
		}
		out.Lines = append(out.Lines, i)
		if seen != nil {
			// mark every value the line matches (a value may be listed twice,
			// and a line matches a category and its parents)
			for j := k; j < len(p.values); j++ {
				if p.matches(v.Line(i), j) {
					seen[j] = true
				}
			}
		}
	}
	return p.conclude(out, seen)
}

// conclude finishes a check whose lines are found: it fails when a value
// required is missing (seen) or no line matched.
func (p product) conclude(out Outcome, seen []bool) Outcome {
	fpt, fen := p.field.names()
	if seen != nil {
		var missing []string
		for k, ok := range seen {
			if !ok {
				missing = append(missing, p.values[k])
			}
		}
		if len(missing) > 0 {
			m := strings.Join(missing, ", ")
			out.Reason = promo.Reason{Code: promo.ReasonRuleFailed,
				PT: fmt.Sprintf("faltam no carrinho (%s): %s", fpt, m),
				EN: fmt.Sprintf("missing from the cart (%s): %s", fen, m)}
			return out
		}
	}
	if len(out.Lines) == 0 {
		out.Reason = promo.Reason{Code: promo.ReasonRuleFailed,
			PT: fmt.Sprintf("nenhum item do carrinho com %s %s", fpt, strings.Join(p.values, ", ")),
			EN: fmt.Sprintf("no item in the cart with %s %s", fen, strings.Join(p.values, ", "))}
		return out
	}
	out.OK = true
	return out
}
