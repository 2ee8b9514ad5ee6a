package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// Only promo can build a *promo.View: the tests reach one through a tiny
// promotion whose Apply runs the code under test and records what it saw.

// rlProbe is a cart-wide promotion that hands its View to a function.
type rlProbe struct {
	info promo.Info
	fn   func(v *promo.View) promo.Proposal
}

func (p rlProbe) Info() promo.Info                   { return p.info }
func (p rlProbe) Keys() promo.Keys                   { return promo.Keys{CartWide: true} }
func (p rlProbe) Apply(v *promo.View) promo.Proposal { return p.fn(v) }

// rlView runs fn on the View of a cart with the given lines. When before is
// not empty, a promotion first takes those amounts (line index -> amount)
// off the lines, so fn sees the values it left.
func rlView(t *testing.T, lines []promo.Line, before map[int]string, fn func(v *promo.View)) {
	t.Helper()
	called := false
	ps := []promo.Promotion{rlProbe{
		info: promo.Info{ID: "probe", Name: "probe", Phase: promo.PhaseSale},
		fn: func(v *promo.View) promo.Proposal {
			called = true
			fn(v)
			return promo.NotEligible()
		},
	}}
	if len(before) > 0 {
		ps = append(ps, rlProbe{
			info: promo.Info{ID: "before", Name: "before", Phase: promo.PhaseItem},
			fn: func(v *promo.View) promo.Proposal {
				p := promo.Proposal{Eligible: true}
				for i, a := range before {
					p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Amount: testkit.Dec(a)})
				}
				return p
			},
		})
	}
	rs := promotest.NewRuleset(t, promo.Settings{}, ps...)
	cart := promo.Cart{ID: "sale-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: lines}
	if _, err := promo.Evaluate(cart, rs); err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if !called {
		t.Fatalf("the probe was not run")
	}
}

// rlCheck checks cond on a cart with the given lines.
func rlCheck(t *testing.T, cond rules.Condition, lines []promo.Line) rules.Outcome {
	t.Helper()
	var out rules.Outcome
	rlView(t, lines, nil, func(v *promo.View) { out = cond.Check(v) })
	return out
}

// rlProduct is a line with a product code, SKU and category, 1 × 10.00.
func rlProduct(id, code, sku, category string) promo.Line {
	return promo.Line{ID: id, ProductCode: code, SKU: sku, Category: category, Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}
}

// rlCart is the cart of the product rule tests.
var rlCart = []promo.Line{
	rlProduct("1", "A", "SA", "bebidas/cervejas"),
	rlProduct("2", "B", "SB", "bebidas"),
	rlProduct("3", "C", "SC", "alimentos/bebidas"),
	rlProduct("4", "A", "SA2", "bebidasx"),
	rlProduct("5", "", "", "/bebidas/sucos/"),
	rlProduct("6", "D", "", ""),
}

// rlOK is the outcome of a product rule that holds and selects lines.
func rlOK(lines ...int) rules.Outcome { return rules.Outcome{OK: true, Selects: true, Lines: lines} }

// rlFail is the outcome of a rule that fails, as far as the tests compare
// it (OK and Reason).
func rlFail(pt, en string) rules.Outcome {
	return rules.Outcome{Reason: promo.Reason{Code: promo.ReasonRuleFailed, PT: pt, EN: en}}
}

func rlCompare(t *testing.T, want, got rules.Outcome) {
	t.Helper()
	if !want.OK {
		// Lines mean nothing when the rule fails.
		got = rules.Outcome{OK: got.OK, Reason: got.Reason}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}
}

func TestProductConditions(t *testing.T) {
	tests := []struct {
		name  string
		cond  rules.Condition
		lines []promo.Line // nil: rlCart
		want  rules.Outcome
	}{
		{name: "code any, one value", cond: rules.ProductCode(rules.RequireAny, "A"), want: rlOK(0, 3)},
		{name: "code any, two values", cond: rules.ProductCode(rules.RequireAny, "C", "B"), want: rlOK(1, 2)},
		{name: "code any, none in the cart", cond: rules.ProductCode(rules.RequireAny, "X", "Y"),
			want: rlFail("nenhum item do carrinho com código de produto X, Y", "no item in the cart with product code X, Y")},
		{name: "code all, every value present", cond: rules.ProductCode(rules.RequireAll, "A", "B"), want: rlOK(0, 1, 3)},
		{name: "code all, some missing", cond: rules.ProductCode(rules.RequireAll, "A", "X", "Y"),
			want: rlFail("faltam no carrinho (código de produto): X, Y", "missing from the cart (product code): X, Y")},
		{name: "code all, none present: the missing ones are named", cond: rules.ProductCode(rules.RequireAll, "X"),
			want: rlFail("faltam no carrinho (código de produto): X", "missing from the cart (product code): X")},
		{name: "code all, a value listed twice", cond: rules.ProductCode(rules.RequireAll, "A", "B", "A"), want: rlOK(0, 1, 3)},
		{name: "sku any", cond: rules.SKU(rules.RequireAny, "SB"), want: rlOK(1)},
		{name: "sku all", cond: rules.SKU(rules.RequireAll, "SA2", "SA"), want: rlOK(0, 3)},
		{name: "a product code is not a SKU", cond: rules.SKU(rules.RequireAny, "A"),
			want: rlFail("nenhum item do carrinho com código SKU A", "no item in the cart with SKU A")},
		{name: "sku all, missing", cond: rules.SKU(rules.RequireAll, "SA", "SZ"),
			want: rlFail("faltam no carrinho (código SKU): SZ", "missing from the cart (SKU): SZ")},
		// "bebidas" matches itself and every level below, not "bebidasx"
		// nor "alimentos/bebidas"; slashes around a path do not matter.
		{name: "category prefix", cond: rules.Category(rules.RequireAny, "bebidas"), want: rlOK(0, 1, 4)},
		{name: "category with slashes", cond: rules.Category(rules.RequireAny, "/bebidas/"), want: rlOK(0, 1, 4)},
		{name: "category, second level", cond: rules.Category(rules.RequireAny, "bebidas/cervejas"), want: rlOK(0)},
		{name: "category, line one level below", cond: rules.Category(rules.RequireAny, "bebidas/sucos"), want: rlOK(4)},
		{name: "category deeper than the lines", cond: rules.Category(rules.RequireAny, "bebidas/cervejas/ipa"),
			want: rlFail("nenhum item do carrinho com categoria bebidas/cervejas/ipa", "no item in the cart with category bebidas/cervejas/ipa")},
		{name: "category is not a string prefix", cond: rules.Category(rules.RequireAny, "beb"),
			want: rlFail("nenhum item do carrinho com categoria beb", "no item in the cart with category beb")},
		{name: "category all", cond: rules.Category(rules.RequireAll, "bebidas", "alimentos"), want: rlOK(0, 1, 2, 4)},
		{name: "category all, nested values", cond: rules.Category(rules.RequireAll, "bebidas", "bebidas/cervejas"), want: rlOK(0, 1, 4)},
		{name: "category all, missing", cond: rules.Category(rules.RequireAll, "bebidas", "limpeza"),
			want: rlFail("faltam no carrinho (categoria): limpeza", "missing from the cart (category): limpeza")},
		// One line can meet several values of an "all" category rule, in
		// either order.
		{name: "category all met by one line", cond: rules.Category(rules.RequireAll, "bebidas", "bebidas/cervejas"),
			lines: []promo.Line{rlProduct("1", "A", "", "bebidas/cervejas/ipa")}, want: rlOK(0)},
		{name: "category all met by one line, values reversed", cond: rules.Category(rules.RequireAll, "bebidas/cervejas", "bebidas"),
			lines: []promo.Line{rlProduct("1", "A", "", "bebidas/cervejas/ipa")}, want: rlOK(0)},
		{name: "category all, one line, a sibling missing", cond: rules.Category(rules.RequireAll, "bebidas/vinhos", "bebidas"),
			lines: []promo.Line{rlProduct("1", "A", "", "bebidas/cervejas/ipa")},
			want:  rlFail("faltam no carrinho (categoria): bebidas/vinhos", "missing from the cart (category): bebidas/vinhos")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := tt.lines
			if lines == nil {
				lines = rlCart
			}
			rlCompare(t, tt.want, rlCheck(t, tt.cond, lines))
		})
	}
}

func TestCompositeConditions(t *testing.T) {
	code := func(vs ...string) rules.Condition { return rules.ProductCode(rules.RequireAny, vs...) }
	cat := func(vs ...string) rules.Condition { return rules.Category(rules.RequireAny, vs...) }
	tests := []struct {
		name string
		cond rules.Condition
		want rules.Outcome
	}{
		{name: "all: both hold, lines are the union", cond: rules.All(code("B"), cat("alimentos")), want: rlOK(1, 2)},
		{name: "all: overlapping lines once, in cart order", cond: rules.All(cat("bebidas"), code("A", "B")), want: rlOK(0, 1, 3, 4)},
		{name: "all: the second fails", cond: rules.All(code("A"), cat("limpeza")),
			want: rlFail("regra 2 (categoria limpeza) não atendida: nenhum item do carrinho com categoria limpeza",
				"rule 2 (category limpeza) not met: no item in the cart with category limpeza")},
		{name: "all: the first failure is reported", cond: rules.All(code("X"), cat("limpeza")),
			want: rlFail("regra 1 (código de produto X) não atendida: nenhum item do carrinho com código de produto X",
				"rule 1 (product code X) not met: no item in the cart with product code X")},
		{name: "all over an all-values rule", cond: rules.All(rules.ProductCode(rules.RequireAll, "A", "Z")),
			want: rlFail("regra 1 (código de produto A e Z) não atendida: faltam no carrinho (código de produto): Z",
				"rule 1 (product code A and Z) not met: missing from the cart (product code): Z")},
		{name: "any: lines of the rules that hold only", cond: rules.Any(code("X"), cat("alimentos")), want: rlOK(2)},
		{name: "any: both hold", cond: rules.Any(code("B"), rules.SKU(rules.RequireAny, "SC")), want: rlOK(1, 2)},
		{name: "any: none holds", cond: rules.Any(code("X"), rules.SKU(rules.RequireAny, "Z")),
			want: rlFail("nenhuma das regras atendida; regra 1 (código de produto X) não atendida: nenhum item do carrinho com código de produto X",
				"none of the rules met; rule 1 (product code X) not met: no item in the cart with product code X")},
		{name: "any with a single rule that fails", cond: rules.Any(code("X")),
			want: rlFail("regra 1 (código de produto X) não atendida: nenhum item do carrinho com código de produto X",
				"rule 1 (product code X) not met: no item in the cart with product code X")},
		{name: "nested", cond: rules.All(code("A"), rules.Any(rules.SKU(rules.RequireAny, "Z"), cat("alimentos"))), want: rlOK(0, 2, 3)},
		{name: "empty all holds and selects nothing", cond: rules.All(), want: rules.Outcome{OK: true}},
		{name: "empty all inside all", cond: rules.All(rules.All(), code("B")), want: rlOK(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rlCompare(t, tt.want, rlCheck(t, tt.cond, rlCart))
		})
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		cond   rules.Condition
		pt, en string
	}{
		{rules.ProductCode(rules.RequireAny, "A", "B"), "código de produto A ou B", "product code A or B"},
		{rules.ProductCode(rules.RequireAll, "A", "B"), "código de produto A e B", "product code A and B"},
		{rules.SKU(rules.RequireAll, "1", "2"), "código SKU 1 e 2", "SKU 1 and 2"},
		{rules.Category(rules.RequireAny, "/a/b/"), "categoria a/b", "category a/b"},
		{rules.All(rules.ProductCode(rules.RequireAny, "A"), rules.Any(rules.SKU(rules.RequireAny, "S"), rules.Category(rules.RequireAll, "c", "d"))),
			"(código de produto A E (código SKU S OU categoria c e d))",
			"(product code A AND (SKU S OR category c and d))"},
	}
	for _, tt := range tests {
		pt, en := tt.cond.Describe()
		if diff := cmp.Diff([]string{tt.pt, tt.en}, []string{pt, en}); diff != "" {
			t.Errorf("Describe (-want +got):\n%s", diff)
		}
	}
}

func TestKeys(t *testing.T) {
	code := rules.ProductCode(rules.RequireAny, "A", "B")
	sku := rules.SKU(rules.RequireAll, "S")
	cat := rules.Category(rules.RequireAny, "/c/d/")
	tests := []struct {
		name string
		cond rules.Condition
		want promo.Keys
	}{
		{"product code", code, promo.Keys{ProductCodes: []string{"A", "B"}}},
		{"sku", sku, promo.Keys{SKUs: []string{"S"}}},
		{"category, trimmed", cat, promo.Keys{Categories: []string{"c/d"}}},
		{"all: every key", rules.All(code, sku, cat), promo.Keys{ProductCodes: []string{"A", "B"}, SKUs: []string{"S"}, Categories: []string{"c/d"}}},
		{"any: every key", rules.Any(code, cat), promo.Keys{ProductCodes: []string{"A", "B"}, Categories: []string{"c/d"}}},
		// One key of each of two kinds: keyed, however the kinds are counted.
		{"one code and one sku", rules.All(rules.ProductCode(rules.RequireAny, "A"), sku), promo.Keys{ProductCodes: []string{"A"}, SKUs: []string{"S"}}},
		{"one sku and one category", rules.All(sku, cat), promo.Keys{SKUs: []string{"S"}, Categories: []string{"c/d"}}},
		{"empty all is cart-wide", rules.All(), promo.Keys{CartWide: true}},
		{"empty any is cart-wide", rules.Any(), promo.Keys{CartWide: true}},
		// An OR with a member that can match any cart can match any cart;
		// an AND is only as wide as its narrowest member.
		{"any with a cart-wide member", rules.Any(code, rules.All()), promo.Keys{CartWide: true}},
		{"all with a cart-wide member", rules.All(code, rules.All()), promo.Keys{ProductCodes: []string{"A", "B"}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.cond.Keys()); diff != "" {
			t.Errorf("%s: Keys (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestRequireAndField(t *testing.T) {
	parse := []struct {
		in      string
		want    rules.Require
		wantErr bool
	}{
		{"", rules.RequireAny, false},
		{"any", rules.RequireAny, false},
		{"all", rules.RequireAll, false},
		{"ALL", rules.RequireAny, true},
		{"every", rules.RequireAny, true},
	}
	for _, tt := range parse {
		got, err := rules.ParseRequire(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseRequire(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	names := []struct {
		got, want string
	}{
		{rules.RequireAny.String(), "any"},
		{rules.RequireAll.String(), "all"},
		{rules.Require(7).String(), "Require(7)"},
		{rules.FieldProductCode.String(), "product_code"},
		{rules.FieldSKU.String(), "sku"},
		{rules.FieldCategory.String(), "category"},
		{rules.FieldBrand.String(), "brand"},
		{rules.FieldRole.String(), "role"},
		{rules.Field(42).String(), "Field(42)"},
	}
	for _, n := range names {
		if n.got != n.want {
			t.Errorf("String() (-want +got):\n-%s\n+%s", n.want, n.got)
		}
	}
}

// rlUnits returns the lines of the threshold tests: whole units, a
// fractional weighed line and a line marked weighed with a whole quantity.
func rlUnits() []promo.Line {
	return []promo.Line{
		{ID: "1", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("10.00")},                // 20.00, 2 units
		{ID: "2", Quantity: testkit.Dec("1.5"), UnitPrice: testkit.Dec("10.00")},              // 15.00, weighed
		{ID: "3", Quantity: testkit.Dec("2"), Weighed: true, UnitPrice: testkit.Dec("10.00")}, // 20.00, weighed
		{ID: "4", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")},                // 10.00, 1 unit
	}
}

func TestThresholds(t *testing.T) {
	all := []int{0, 1, 2, 3}
	tests := []struct {
		name   string
		th     rules.Threshold
		lines  []int
		before map[int]string
		ok     bool
		why    promo.Reason
	}{
		// Whole units of non-weighed lines: 2 + 1 = 3.
		{name: "min quantity reached", th: rules.MinQuantity(3), lines: all, ok: true},
		{name: "min quantity ignores weighed lines", th: rules.MinQuantity(4), lines: all,
			why: promo.Reason{Code: promo.ReasonMinQuantity,
				PT: "quantidade mínima de 4 unidades não atingida: faltam 1",
				EN: "minimum quantity of 4 units not reached: 1 missing",
				// One more unit like line 1, the cheapest countable line
				// (all cost 10.00: the first by id).
				Missing: &promo.Shortfall{Quantity: 1, Like: "1"}}},
		{name: "min quantity over weighed lines only", th: rules.MinQuantity(2), lines: []int{1, 2},
			why: promo.Reason{Code: promo.ReasonMinQuantity,
				PT: "quantidade mínima de 2 unidades não atingida: faltam 2",
				EN: "minimum quantity of 2 units not reached: 2 missing"}}, // no countable line to be like: no Missing
		{name: "min quantity counts only the given lines", th: rules.MinQuantity(2), lines: []int{0}, ok: true},
		{name: "min quantity of zero", th: rules.MinQuantity(0), lines: nil, ok: true},
		// Values: 20.00 + 15.00 + 20.00 + 10.00 = 65.00, weighed lines included.
		{name: "min value reached exactly", th: rules.MinValue(testkit.Dec("65.00")), lines: all, ok: true},
		{name: "min value missed by a cent", th: rules.MinValue(testkit.Dec("65.01")), lines: all,
			why: promo.Reason{Code: promo.ReasonMinValue,
				PT:      "valor mínimo de R$ 65,01 não atingido: faltam R$ 0,01",
				EN:      "minimum value of R$ 65.01 not reached: R$ 0.01 missing",
				Missing: &promo.Shortfall{Amount: testkit.Dec("0.01"), Like: "1"}}},
		{name: "min value in thousands", th: rules.MinValue(testkit.Dec("1234.5")), lines: []int{0},
			// 1234.50 - 20.00 = 1214.50
			why: promo.Reason{Code: promo.ReasonMinValue,
				PT:      "valor mínimo de R$ 1.234,50 não atingido: faltam R$ 1.214,50",
				EN:      "minimum value of R$ 1234.50 not reached: R$ 1214.50 missing",
				Missing: &promo.Shortfall{Amount: testkit.Dec("1214.50"), Like: "1"}}},
		{name: "min value after earlier discounts", th: rules.MinValue(testkit.Dec("65")), lines: all,
			before: map[int]string{0: "5.00"}, // 65.00 - 5.00 = 60.00
			why: promo.Reason{Code: promo.ReasonMinValue,
				PT:      "valor mínimo de R$ 65,00 não atingido: faltam R$ 5,00",
				EN:      "minimum value of R$ 65.00 not reached: R$ 5.00 missing",
				Missing: &promo.Shortfall{Amount: testkit.Dec("5.00"), Like: "1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ok bool
			var why promo.Reason
			rlView(t, rlUnits(), tt.before, func(v *promo.View) { ok, why = tt.th.Check(v, tt.lines) })
			if diff := cmp.Diff(struct {
				OK  bool
				Why promo.Reason
			}{tt.ok, tt.why}, struct {
				OK  bool
				Why promo.Reason
			}{ok, why}); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnits(t *testing.T) {
	tests := []struct {
		lines []int
		want  int64
	}{
		{[]int{0, 1, 2, 3}, 3},
		{[]int{1, 2}, 0},
		{[]int{3}, 1},
		{nil, 0},
	}
	for _, tt := range tests {
		var got int64
		rlView(t, rlUnits(), nil, func(v *promo.View) { got = rules.Units(v, tt.lines) })
		if got != tt.want {
			t.Errorf("Units(%v) (-want +got):\n-%d\n+%d", tt.lines, tt.want, got)
		}
	}
}

// TestAttributeConditions checks the product conditions on the attributes
// a line carries besides its codes: brand (compared ignoring case and
// surrounding spaces, as the combos and the points program compare it),
// and manufacturer, line, family and role (codes, compared exactly).
func TestAttributeConditions(t *testing.T) {
	line := func(id, brand, manufacturer, pline, family, role string) promo.Line {
		return promo.Line{ID: id, ProductCode: "P" + id, Brand: brand, Manufacturer: manufacturer, ProductLine: pline,
			Family: family, Role: role, Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}
	}
	cart := []promo.Line{
		line("1", "Nestlé", "NES", "X", "ANALG", "Destaque"),
		line("2", " nestlé ", "nes", "Y", "VIT", ""),
		line("3", "Garoto", "GAR", "X", "", "Destaque"),
		line("4", "", "", "", "", ""),
	}
	tests := []struct {
		name string
		cond rules.Condition
		want rules.Outcome
	}{
		{name: "brand ignores case and spaces", cond: rules.Brand(rules.RequireAny, "NESTLÉ"), want: rlOK(0, 1)},
		{name: "brand all", cond: rules.Brand(rules.RequireAll, "nestlé", "garoto"), want: rlOK(0, 1, 2)},
		{name: "brand all, one missing", cond: rules.Brand(rules.RequireAll, "Nestlé", "Lacta"),
			want: rlFail("faltam no carrinho (marca): Lacta", "missing from the cart (brand): Lacta")},
		{name: "manufacturer is a code: exact", cond: rules.Manufacturer(rules.RequireAny, "NES"), want: rlOK(0)},
		{name: "line", cond: rules.ProductLine(rules.RequireAny, "X"), want: rlOK(0, 2)},
		{name: "line, none", cond: rules.ProductLine(rules.RequireAny, "Z"),
			want: rlFail("nenhum item do carrinho com linha Z", "no item in the cart with line Z")},
		{name: "family", cond: rules.Family(rules.RequireAny, "VIT", "ANALG"), want: rlOK(0, 1)},
		{name: "role", cond: rules.Role(rules.RequireAny, "Destaque"), want: rlOK(0, 2)},
		{name: "an empty attribute never matches", cond: rules.Role(rules.RequireAll, "Destaque", "Oferta"),
			want: rlFail("faltam no carrinho (papel): Oferta", "missing from the cart (role): Oferta")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rlCompare(t, tt.want, rlCheck(t, tt.cond, cart))
		})
	}
	for _, c := range []rules.Condition{rules.Brand(rules.RequireAny, "x"), rules.Manufacturer(rules.RequireAny, "x"),
		rules.ProductLine(rules.RequireAny, "x"), rules.Family(rules.RequireAny, "x"), rules.Role(rules.RequireAny, "x")} {
		if k := c.Keys(); !k.CartWide {
			t.Errorf("%v: keys %+v, want cart-wide (the index has no attribute keys)", c, k)
		}
	}
}
