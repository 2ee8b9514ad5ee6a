package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

func TestFirstPurchase(t *testing.T) {
	first := func(cu *promo.Customer, yes bool) promo.Cart {
		cart := rxCart(cu)
		cart.History.FirstPurchase = yes
		return cart
	}
	cond := rules.FirstPurchase()
	rxRun(t, []rxCase{
		{"first purchase", cond, first(rxCustomer(nil), true), rxPass},
		{"not the first purchase", cond, first(rxCustomer(nil), false),
			rxFail("não é a primeira compra do cliente", "not the customer's first purchase")},
		// The host cannot know whose first purchase an anonymous sale is.
		{"anonymous sale flagged as first purchase", cond, first(nil, true), rxAnonymous},
		{"anonymous sale", cond, first(nil, false), rxAnonymous},
	})
}

func TestFirstPurchaseWithNestedRules(t *testing.T) {
	// The JSON kind first_purchase compiles to All(FirstPurchase, nested...).
	cond := rules.All(rules.FirstPurchase(), rules.Tenders(rules.RequireAny, "pix"))
	cart := rxCart(rxCustomer(nil))
	cart.History.FirstPurchase = true
	cart.Payments = []promo.Payment{rxPay("pix", "")}
	rxCompare(t, rxPass, rxCheck(t, cond, cart))
	cart.Payments = []promo.Payment{rxPay("cash", "")}
	rxCompare(t, rxFail("regra 2 (pagamento com pix) não atendida: nenhum pagamento com as finalizadoras: pix",
		"rule 2 (paid with pix) not met: no payment with the tenders: pix"), rxCheck(t, cond, cart))
	cart.History.FirstPurchase = false
	rxCompare(t, rxFail("regra 1 (primeira compra) não atendida: não é a primeira compra do cliente",
		"rule 1 (first purchase) not met: not the customer's first purchase"), rxCheck(t, cond, cart))
}

func TestSaleCategoryIn(t *testing.T) {
	sale := func(cat string) promo.Cart {
		cart := rxCart(nil)
		cart.SaleCategory = cat
		return cart
	}
	cond := rules.SaleCategoryIn("venda_funcionario")
	rxRun(t, []rxCase{
		{"employee sale", cond, sale("venda_funcionario"), rxPass},
		{"clearance sale", cond, sale("venda_liquidacao"),
			rxFail("a venda é da categoria venda_liquidacao, a regra pede categoria de venda venda_funcionario",
				"the sale's category is venda_liquidacao, the rule wants sale category venda_funcionario")},
		{"ordinary sale", cond, sale(""),
			rxFail("a venda é da categoria (comum), a regra pede categoria de venda venda_funcionario",
				"the sale's category is (ordinary), the rule wants sale category venda_funcionario")},
		{"one of two", rules.SaleCategoryIn("venda_funcionario", "venda_liquidacao"), sale("venda_liquidacao"), rxPass},
	})
}

func TestStoreIn(t *testing.T) {
	at := func(store string) promo.Cart {
		cart := rxCart(nil)
		cart.Store.ID = store
		return cart
	}
	list := rules.StoreIn("", "loja-1", "loja-2")
	group := rules.StoreIn("lojas-sul", "loja-7", "loja-8")
	rxRun(t, []rxCase{
		{"list: first store", list, at("loja-1"), rxPass},
		{"list: second store", list, at("loja-2"), rxPass},
		{"list: another store", list, at("loja-3"),
			rxFail("loja loja-3 fora da regra: loja loja-1, loja-2", "store loja-3 not in store loja-1, loja-2")},
		{"grouping: member", group, at("loja-8"), rxPass},
		{"grouping: not a member", group, at("loja-1"),
			rxFail("loja loja-1 fora da regra: loja do agrupamento lojas-sul", "store loja-1 not in store in grouping lojas-sul")},
		// Store ids are compared exactly.
		{"list: prefix of a store id", list, at("loja-10"),
			rxFail("loja loja-10 fora da regra: loja loja-1, loja-2", "store loja-10 not in store loja-1, loja-2")},
	})
}

func TestContextDescribeAndKeys(t *testing.T) {
	tests := []struct {
		cond   rules.Condition
		pt, en string
	}{
		{rules.FirstPurchase(), "primeira compra", "first purchase"},
		{rules.SaleCategoryIn("venda_funcionario", "venda_liquidacao"),
			"categoria de venda venda_funcionario, venda_liquidacao", "sale category venda_funcionario, venda_liquidacao"},
		{rules.StoreIn("", "loja-1", "loja-2"), "loja loja-1, loja-2", "store loja-1, loja-2"},
		{rules.StoreIn("lojas-sul", "loja-7"), "loja do agrupamento lojas-sul", "store in grouping lojas-sul"},
	}
	for _, tt := range tests {
		pt, en := tt.cond.Describe()
		if diff := cmp.Diff([]string{tt.pt, tt.en}, []string{pt, en}); diff != "" {
			t.Errorf("Describe (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(promo.Keys{CartWide: true}, tt.cond.Keys()); diff != "" {
			t.Errorf("%s: Keys (-want +got):\n%s", tt.en, diff)
		}
	}
}

// The product rules of the Reshop slice (NCM, product groupings) are tested
// here with the other rules of that slice; rules_test.go covers code, SKU
// and category.

// rxNCMCart: beer (NCM 22030000) twice, a soft drink (22021000) and coffee
// with no NCM.
var rxNCMCart = []promo.Line{
	{ID: "1", ProductCode: "CERV-1", NCM: "22030000", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("5.00")},
	{ID: "2", ProductCode: "REFRI", NCM: "22021000", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("8.00")},
	{ID: "3", ProductCode: "CERV-2", NCM: "22030000", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("6.00")},
	{ID: "4", ProductCode: "CAFE", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("18.90")},
}

func TestNCM(t *testing.T) {
	tests := []struct {
		name string
		cond rules.Condition
		want rules.Outcome
	}{
		{"any: one NCM", rules.NCM(rules.RequireAny, "22030000"), rlOK(0, 2)},
		{"any: two NCMs", rules.NCM(rules.RequireAny, "22021000", "22030000"), rlOK(0, 1, 2)},
		{"any: none in the cart", rules.NCM(rules.RequireAny, "09012100"),
			rlFail("nenhum item do carrinho com NCM 09012100", "no item in the cart with NCM 09012100")},
		// An NCM is a code, not a category: "2203" is not "22030000".
		{"a prefix of an NCM is another NCM", rules.NCM(rules.RequireAny, "2203"),
			rlFail("nenhum item do carrinho com NCM 2203", "no item in the cart with NCM 2203")},
		{"all: both present", rules.NCM(rules.RequireAll, "22030000", "22021000"), rlOK(0, 1, 2)},
		{"all: one missing", rules.NCM(rules.RequireAll, "22030000", "09012100"),
			rlFail("faltam no carrinho (NCM): 09012100", "missing from the cart (NCM): 09012100")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rlCompare(t, tt.want, rxLinesCheck(t, tt.cond, rxNCMCart))
		})
	}
}

func TestProductGroup(t *testing.T) {
	members := []string{"CERV-1", "CERV-2", "CERV-3"}
	tests := []struct {
		name string
		cond rules.Condition
		want rules.Outcome
	}{
		// OU: one member in the cart is enough; the lines are the members'.
		{"any", rules.ProductGroup("cervejas", rules.RequireAny, members...), rlOK(0, 2)},
		// E: every member must be in the cart; CERV-3 is not.
		{"all, one member missing", rules.ProductGroup("cervejas", rules.RequireAll, members...),
			rlFail("faltam no carrinho (código de produto): CERV-3", "missing from the cart (product code): CERV-3")},
		{"all, every member present", rules.ProductGroup("cervejas", rules.RequireAll, "CERV-1", "CERV-2"), rlOK(0, 2)},
		{"any, no member present", rules.ProductGroup("vinhos", rules.RequireAny, "VINHO-1"),
			rlFail("nenhum item do carrinho com código de produto VINHO-1", "no item in the cart with product code VINHO-1")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rlCompare(t, tt.want, rxLinesCheck(t, tt.cond, rxNCMCart))
		})
	}
}

func TestNCMAndProductGroupDescribeAndKeys(t *testing.T) {
	tests := []struct {
		cond   rules.Condition
		pt, en string
		keys   promo.Keys
	}{
		{rules.NCM(rules.RequireAny, "22030000", "22021000"), "NCM 22030000 ou 22021000", "NCM 22030000 or 22021000",
			promo.Keys{CartWide: true}}, // the index has no NCM key
		{rules.NCM(rules.RequireAll, "22030000", "22021000"), "NCM 22030000 e 22021000", "NCM 22030000 and 22021000",
			promo.Keys{CartWide: true}},
		{rules.ProductGroup("cervejas", rules.RequireAll, "CERV-1", "CERV-2"), "agrupamento de produtos cervejas", "product grouping cervejas",
			promo.Keys{ProductCodes: []string{"CERV-1", "CERV-2"}}},
	}
	for _, tt := range tests {
		pt, en := tt.cond.Describe()
		if diff := cmp.Diff([]string{tt.pt, tt.en}, []string{pt, en}); diff != "" {
			t.Errorf("Describe (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(tt.keys, tt.cond.Keys()); diff != "" {
			t.Errorf("%s: Keys (-want +got):\n%s", tt.en, diff)
		}
	}
	if got := rules.FieldNCM.String(); got != "ncm" {
		t.Errorf("FieldNCM.String() (-want +got):\n-ncm\n+%s", got)
	}
}

// rxLinesCheck checks cond on a cart with the given lines.
func rxLinesCheck(t *testing.T, cond rules.Condition, lines []promo.Line) rules.Outcome {
	t.Helper()
	cart := rxCart(nil)
	cart.Lines = lines
	return rxCheck(t, cond, cart)
}

func TestDeliveryMethodIn(t *testing.T) {
	cond := rules.DeliveryMethodIn("motoboy", "correios")
	by := func(method string) promo.Cart {
		cart := rxCart(nil)
		cart.Freight = &promo.Freight{Amount: testkit.Dec("12.00"), Method: method}
		return cart
	}
	rxRun(t, []rxCase{
		{"one of the methods", cond, by("correios"), rxPass},
		{"another method", cond, by("retirada"),
			rxFail("a entrega é retirada, a regra pede entrega por motoboy, correios", "the delivery is retirada, the rule wants delivery by motoboy, correios")},
		{"no method", cond, by(""),
			rxFail("a entrega é (sem método), a regra pede entrega por motoboy, correios", "the delivery is (sem método), the rule wants delivery by motoboy, correios")},
		{"no freight", cond, rxCart(nil), rxFail("a venda não tem entrega (frete)", "the sale has no delivery (freight)")},
	})
}
