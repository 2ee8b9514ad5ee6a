package rules

import (
	"slices"
	"strings"

	"github.com/promokit/promokit/promo"
)

type firstPurchase struct{ cartWide }

// FirstPurchase holds when the host says this is the customer's first
// purchase (primeira compra). An anonymous sale never meets it.
func FirstPurchase() Condition { return firstPurchase{} }

func (firstPurchase) Describe() (string, string) { return "primeira compra", "first purchase" }

func (firstPurchase) Check(v *promo.View) Outcome {
	if v.Cart().Customer == nil {
		return noCustomer()
	}
	if !v.Cart().History.FirstPurchase {
		return fail("não é a primeira compra do cliente", "not the customer's first purchase")
	}
	return pass()
}

type saleCategory struct {
	cartWide
	values []string
}

// SaleCategoryIn holds when the sale's category (categoria de venda, such as
// "venda_funcionario" or "venda_liquidacao") is one of cats.
func SaleCategoryIn(cats ...string) Condition { return saleCategory{values: slices.Clone(cats)} }

func (s saleCategory) Describe() (string, string) {
	v := strings.Join(s.values, ", ")
	return "categoria de venda " + v, "sale category " + v
}

func (s saleCategory) Check(v *promo.View) Outcome {
	if slices.Contains(s.values, v.Cart().SaleCategory) {
		return pass()
	}
	got, gotEN := v.Cart().SaleCategory, v.Cart().SaleCategory
	if got == "" {
		got, gotEN = "(comum)", "(ordinary)"
	}
	pt, en := s.Describe()
	return fail("a venda é da categoria "+got+", a regra pede "+pt, "the sale's category is "+gotEN+", the rule wants "+en)
}

type stores struct {
	cartWide
	name string
	ids  []string
}

// StoreIn holds when the sale happens in one of the stores; name labels the
// list in messages (a store grouping's name, or "").
func StoreIn(name string, ids ...string) Condition { return stores{name: name, ids: slices.Clone(ids)} }

func (s stores) Describe() (string, string) {
	if s.name != "" {
		return "loja do agrupamento " + s.name, "store in grouping " + s.name
	}
	v := strings.Join(s.ids, ", ")
	return "loja " + v, "store " + v
}

func (s stores) Check(v *promo.View) Outcome {
	if slices.Contains(s.ids, v.Cart().Store.ID) {
		return pass()
	}
	pt, en := s.Describe()
	return fail("loja "+v.Cart().Store.ID+" fora da regra: "+pt, "store "+v.Cart().Store.ID+" not in "+en)
}

type deliveryMethod struct {
	cartWide
	values []string
}

// DeliveryMethodIn holds when the sale carries freight (Cart.Freight) by
// one of the delivery methods; a sale without freight never meets it.
func DeliveryMethodIn(methods ...string) Condition {
	return deliveryMethod{values: slices.Clone(methods)}
}

func (d deliveryMethod) Describe() (string, string) {
	v := strings.Join(d.values, ", ")
	return "entrega por " + v, "delivery by " + v
}

func (d deliveryMethod) Check(v *promo.View) Outcome {
	f := v.Cart().Freight
	if f == nil {
		return fail("a venda não tem entrega (frete)", "the sale has no delivery (freight)")
	}
	if slices.Contains(d.values, f.Method) {
		return pass()
	}
	pt, en := d.Describe()
	got := f.Method
	if got == "" {
		got = "(sem método)"
	}
	return fail("a entrega é "+got+", a regra pede "+pt, "the delivery is "+got+", the rule wants "+en)
}
