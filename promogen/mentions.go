package promogen

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// Mentions are the values a ruleset names — the products, categories,
// groupings, codes, stores, customers, tenders, quantities and amounts its
// promotions look at — and the pools the generators draw from. Every list
// is sorted and without repeats, so that the same ruleset gives the same
// Mentions and the same carts for the same draws.
type Mentions struct {
	// Line attributes.
	ProductCodes, SKUs, EANs, NCMs, Categories, Brands []string
	ProductLines, Manufacturers, Families, Roles       []string
	// References are the values of the line attribute "reference" a
	// markdown by reference names.
	References []string
	// Stores, with their kind (a Desconto Pack table names franchises).
	Stores []promo.Store
	// Instants are when the promotions start and end; a shaped cart's
	// instant is drawn from them, the instants most promotions are in
	// force at first.
	Instants []time.Time
	// Customers are customer tokens; TaxIDs CPFs and CNPJs; Ages ages in
	// years around the bounds age rules state.
	Customers []string
	TaxIDs    []br.TaxID
	Ages      []int
	// Tiers and CustomerGroupings are customer classifications and
	// groupings (the ids a Customer.Groupings lists).
	Tiers, CustomerGroupings []string
	// Captured are the captured fields optional campaigns compare.
	Captured []Captured
	// Tenders and BINs are payment types and card prefixes.
	Tenders, BINs []string
	// Codes are promo codes, Desconto Pack coupons and flyer codes.
	Codes []string
	// SaleCategories are the sale categories rules name.
	SaleCategories []string
	// DeliveryMethods are the delivery methods rules name (frete).
	DeliveryMethods []string
	// Offers are the ids of optional campaigns (campanhas opcionais).
	Offers []string
	// Quantities are the unit counts the ruleset's thresholds name
	// (minimum quantities, group sizes, tiers, blocks); Amounts its
	// amounts (minimum values, prices, steps).
	Quantities []int64
	Amounts    []decimal.Decimal
	// Budgets are the ids of budgeted industry promotions; Cashback the
	// ids of the campaigns that earn cashback (a wallet's credits name
	// them).
	Budgets, Cashback []string
	// Birthdays, FirstPurchase, ConectaAgenda, Professional (Juntos Somos
	// Mais), Exchanges and Freight say that some promotion looks at
	// birthdays, first purchases, the Conecta agenda, the professional's
	// CPF, exchange items (troca) or the sale's freight (frete).
	Birthdays, FirstPurchase, ConectaAgenda, Professional, Exchanges, Freight bool
}

// Captured is a captured field and a value an optional campaign compares
// it with.
type Captured struct{ Field, Value string }

func (m Mentions) clone() Mentions {
	c := m
	c.ProductCodes, c.SKUs, c.EANs, c.NCMs = slices.Clone(m.ProductCodes), slices.Clone(m.SKUs), slices.Clone(m.EANs), slices.Clone(m.NCMs)
	c.Categories, c.Brands, c.ProductLines = slices.Clone(m.Categories), slices.Clone(m.Brands), slices.Clone(m.ProductLines)
	c.Manufacturers, c.Families, c.Roles = slices.Clone(m.Manufacturers), slices.Clone(m.Families), slices.Clone(m.Roles)
	c.References, c.Stores, c.Instants = slices.Clone(m.References), slices.Clone(m.Stores), slices.Clone(m.Instants)
	c.Customers, c.TaxIDs, c.Ages = slices.Clone(m.Customers), slices.Clone(m.TaxIDs), slices.Clone(m.Ages)
	c.Tiers, c.CustomerGroupings, c.Captured = slices.Clone(m.Tiers), slices.Clone(m.CustomerGroupings), slices.Clone(m.Captured)
	c.Tenders, c.BINs, c.Codes = slices.Clone(m.Tenders), slices.Clone(m.BINs), slices.Clone(m.Codes)
	c.SaleCategories, c.Offers, c.DeliveryMethods = slices.Clone(m.SaleCategories), slices.Clone(m.Offers), slices.Clone(m.DeliveryMethods)
	c.Quantities, c.Amounts = slices.Clone(m.Quantities), slices.Clone(m.Amounts)
	c.Budgets, c.Cashback = slices.Clone(m.Budgets), slices.Clone(m.Cashback)
	return c
}

// normalized sorts every list and drops repeats and empty values.
func (m Mentions) normalized() Mentions {
	strs := func(s []string) []string {
		s = slices.DeleteFunc(slices.Clone(s), func(v string) bool { return v == "" })
		slices.Sort(s)
		return slices.Compact(s)
	}
	m.ProductCodes, m.SKUs, m.EANs, m.NCMs = strs(m.ProductCodes), strs(m.SKUs), strs(m.EANs), strs(m.NCMs)
	m.Categories, m.Brands, m.ProductLines = strs(m.Categories), strs(m.Brands), strs(m.ProductLines)
	m.Manufacturers, m.Families, m.Roles = strs(m.Manufacturers), strs(m.Families), strs(m.Roles)
	m.References, m.Customers, m.Tiers = strs(m.References), strs(m.Customers), strs(m.Tiers)
	m.CustomerGroupings, m.Tenders, m.BINs = strs(m.CustomerGroupings), strs(m.Tenders), strs(m.BINs)
	m.Codes, m.SaleCategories, m.Offers = strs(m.Codes), strs(m.SaleCategories), strs(m.Offers)
	m.DeliveryMethods = strs(m.DeliveryMethods)
	m.Budgets, m.Cashback = strs(m.Budgets), strs(m.Cashback)
	slices.SortFunc(m.Stores, func(a, b promo.Store) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(b.Kind, a.Kind)) // a franchise wins
	})
	m.Stores = slices.CompactFunc(m.Stores, func(a, b promo.Store) bool { return a.ID == b.ID })
	slices.SortFunc(m.TaxIDs, func(a, b br.TaxID) int { return cmp.Compare(a.String(), b.String()) })
	m.TaxIDs = slices.Compact(m.TaxIDs)
	m.Ages = slices.DeleteFunc(m.Ages, func(a int) bool { return a < 0 || a > 120 })
	slices.Sort(m.Ages)
	m.Ages = slices.Compact(m.Ages)
	slices.SortFunc(m.Captured, func(a, b Captured) int { return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Value, b.Value)) })
	m.Captured = slices.Compact(m.Captured)
	slices.Sort(m.Quantities)
	m.Quantities = slices.Compact(m.Quantities)
	slices.SortFunc(m.Amounts, decimal.Decimal.Cmp)
	m.Amounts = slices.CompactFunc(m.Amounts, decimal.Decimal.Equal)
	return m
}
