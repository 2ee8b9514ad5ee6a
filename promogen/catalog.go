package promogen

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Product is what a line is made of. Empty attributes are drawn, line by
// line, from the generator's pools (Mentions): a product without a
// category gets one of the categories the pools hold, or none.
type Product struct {
	Code, SKU, EAN, NCM, Category, Brand string
	// ProductLine, Manufacturer, Family and Role are the Desconto Pack
	// attributes (linha, fabricante, família, papel).
	ProductLine, Manufacturer, Family, Role string
	// Measure says how the product is sold: by the unit, by weight, or
	// either, drawn line by line (the zero value).
	Measure Measure
	// Price is the unit price (the shelf price); zero draws it, line by
	// line, from the generator's price range.
	Price decimal.Decimal
}

// Measure says how a product is sold. The zero value is Either.
type Measure uint8

const (
	// Either draws, line by line, whether the product is weighed.
	Either Measure = iota
	// ByUnit sells the product in whole units: its lines are never
	// weighed.
	ByUnit
	// ByWeight sells the product by the kg: its lines are always weighed.
	ByWeight
)

// String returns "either", "by_unit" or "by_weight".
func (m Measure) String() string {
	switch m {
	case Either:
		return "either"
	case ByUnit:
		return "by_unit"
	case ByWeight:
		return "by_weight"
	}
	return fmt.Sprintf("Measure(%d)", uint8(m))
}

// defaultProducts is the catalog of the generators that are not shaped by
// a ruleset: six product codes in two SKUs each.
func defaultProducts() []Product {
	var out []Product
	for _, code := range []string{"P1", "P2", "P3", "P4", "P5", "P6"} {
		for _, v := range []string{"-A", "-B"} {
			out = append(out, Product{Code: code, SKU: code + v})
		}
	}
	return out
}
