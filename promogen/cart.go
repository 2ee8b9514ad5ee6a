package promogen

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/promo"
)

// Cart generates carts: 1 to 8 lines of the default catalog (product codes
// P1 to P6, two SKUs each, categories of a supermarket), counted or
// weighed, with unit prices of R$ 0,01 to R$ 999,99 (whole cents, within
// the NFC-e's vUnCom) and quantities within its qCom (weighed lines to the
// gram); at one of a few fixed instants in America/Sao_Paulo; anonymous or
// with a customer; sometimes with payments and promo codes. Line ids are
// "1", "2", ... in the cart's order; the cart's id is "venda-1".
//
// Shrinking goes to one line of the first product, one unit at the lowest
// price, an anonymous sale at the first instant, with nothing else.
func Cart(opts ...Option) *rapid.Generator[promo.Cart] {
	c := defaults()
	c.apply(opts)
	return c.cartGenerator()
}

// Line generates one line (with id "1") the way Cart draws its lines.
func Line(opts ...Option) *rapid.Generator[promo.Line] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) promo.Line {
		l := c.line(t)
		l.ID = "1"
		return l
	})
}

// Instant generates one of the instants the generators draw a sale's from:
// by default five fixed instants in America/Sao_Paulo around week and
// month ends (a Saturday, a Sunday night, the last minute of November, the
// first of December, New Year's Eve).
func Instant(opts ...Option) *rapid.Generator[time.Time] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(c.instant)
}

func (c *config) cartGenerator() *rapid.Generator[promo.Cart] {
	lines := rapid.SliceOfN(rapid.Custom(c.line), c.minLines, c.maxLines)
	return rapid.Custom(func(t *rapid.T) promo.Cart {
		return c.cart(t, lines)
	})
}

func (c *config) cart(t *rapid.T, lines *rapid.Generator[[]promo.Line]) promo.Cart {
	cart := promo.Cart{ID: "venda-1", Time: c.instant(t), Store: c.store(t)}
	cart.Lines = lines.Draw(t, "lines")
	for i := range cart.Lines {
		cart.Lines[i].ID = strconv.Itoa(i + 1)
	}
	cart.Customer = c.drawCustomer(t, cart.Time)
	if chance(t, 25, "has_sale_category") {
		cart.SaleCategory = pick(t, c.pools.SaleCategories, "sale_category")
	}
	cart.Payments = c.payments(t, grossOf(cart.Lines))
	cart.PromoCodes = c.promoCodes(t)
	cart.AcceptedOffers = subset(t, c.pools.Offers, len(c.pools.Offers), 50, "accepted_offer")
	if c.pools.Professional && chance(t, 70, "professional") {
		cart.Professional = CPF().Draw(t, "professional_cpf")
	}
	if cart.Customer != nil && len(c.pools.Cashback) > 0 {
		cart.Wallet = c.wallet(t, cart.Time, cart.Store.ID)
	}
	if c.pools.Exchanges && chance(t, 20, "exchange") {
		cart.Exchanges = []promo.ExchangeItem{{ID: "troca-1", ProductCode: rapid.SampledFrom(c.catalog()).Draw(t, "exchange_product").Code,
			Quantity: decimal.NewFromInt(int64(rapid.IntRange(1, 2).Draw(t, "exchange_quantity"))), UnitPrice: c.price(t, Product{})}}
	}
	if c.pools.Freight && chance(t, 50, "freight") {
		cart.Freight = &promo.Freight{Amount: decimal.New(rapid.Int64Range(0, 9999).Draw(t, "freight_cents"), -2),
			Method: pick(t, c.pools.DeliveryMethods, "delivery_method")}
	}
	cart.History = c.history(t, &cart)
	return cart
}

func (c *config) catalog() []Product {
	if len(c.products) == 0 {
		return []Product{{Code: "OUTRO"}}
	}
	return c.products
}

func (c *config) instant(t *rapid.T) time.Time {
	ts := c.pools.Instants
	if len(ts) == 0 {
		ts = DefaultInstants()
	}
	if c.instantFixed || len(ts) == 1 {
		return ts[0]
	}
	return rapid.SampledFrom(ts).Draw(t, "instant")
}

func (c *config) store(t *rapid.T) promo.Store {
	ss := c.pools.Stores
	if len(ss) == 0 {
		return promo.Store{ID: "loja-1"}
	}
	if c.storeFixed || len(ss) == 1 {
		return ss[0]
	}
	return rapid.SampledFrom(ss).Draw(t, "store")
}

func (c *config) line(t *rapid.T) promo.Line {
	p := rapid.SampledFrom(c.catalog()).Draw(t, "product")
	or := func(v string, pool []string, label string) string {
		if v != "" {
			return v
		}
		return pick(t, pool, label)
	}
	l := promo.Line{
		ProductCode:  p.Code,
		SKU:          or(p.SKU, c.pools.SKUs, "sku"),
		EAN:          or(p.EAN, c.pools.EANs, "ean"),
		NCM:          or(p.NCM, c.pools.NCMs, "ncm"),
		Category:     or(p.Category, c.pools.Categories, "category"),
		Brand:        or(p.Brand, c.pools.Brands, "brand"),
		ProductLine:  or(p.ProductLine, c.pools.ProductLines, "product_line"),
		Manufacturer: or(p.Manufacturer, c.pools.Manufacturers, "manufacturer"),
		Family:       or(p.Family, c.pools.Families, "family"),
		Role:         or(p.Role, c.pools.Roles, "role"),
	}
	if ref := pick(t, c.pools.References, "reference"); ref != "" {
		l.Attributes = map[string]string{"reference": ref}
	}
	if p.Measure == ByWeight || (p.Measure == Either && chance(t, c.weighedPercent, "weighed")) {
		l.Weighed = true
		l.Quantity = decimal.New(int64(rapid.IntRange(1, 9999).Draw(t, "grams")), -3)
	} else {
		l.Quantity = decimal.NewFromInt(int64(rapid.IntRange(1, int(c.maxQuantity)).Draw(t, "quantity")))
	}
	l.UnitPrice = c.price(t, p)
	return l
}

// price is the product's own price, or one drawn from the range, often one
// of the tied prices.
func (c *config) price(t *rapid.T, p Product) decimal.Decimal {
	if !p.Price.IsZero() {
		return p.Price
	}
	cents := rapid.Int64Range(c.minPrice, c.maxPrice)
	var tied []int64
	for _, v := range c.tiedPrices {
		if v >= c.minPrice && v <= c.maxPrice {
			tied = append(tied, v)
		}
	}
	if len(tied) > 0 {
		cents = rapid.OneOf(cents, rapid.SampledFrom(tied))
	}
	return decimal.New(cents.Draw(t, "price_cents"), -2)
}

// grossOf is what the lines cost before promotions, each rounded to cents
// half to even.
func grossOf(lines []promo.Line) decimal.Decimal {
	sum := decimal.Zero
	for _, l := range lines {
		sum = sum.Add(l.Quantity.Mul(l.UnitPrice).RoundBank(2))
	}
	return sum
}

// DefaultInstants returns the instants the generators draw a sale's from
// when nothing else is said: 2026-11-21 10:15 (a Saturday of ISO week 47),
// 2026-11-22 23:30 (a Sunday night, Monday in UTC), 2026-11-30 23:59,
// 2026-12-01 00:00 and 2026-12-31 22:00 (ISO week 53), in
// America/Sao_Paulo.
func DefaultInstants() []time.Time {
	sp := saoPaulo()
	return []time.Time{
		time.Date(2026, time.November, 21, 10, 15, 0, 0, sp),
		time.Date(2026, time.November, 22, 23, 30, 0, 0, sp),
		time.Date(2026, time.November, 30, 23, 59, 0, 0, sp),
		time.Date(2026, time.December, 1, 0, 0, 0, 0, sp),
		time.Date(2026, time.December, 31, 22, 0, 0, 0, sp),
	}
}
