package promocheck_test

import (
	"fmt"
	"os"
	"path/filepath"

	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promocheck"
	"github.com/promokit/promokit/promogen"
)

// load reads a planted violation of testdata/policies.
func load(name string) (campaign.Ruleset, promocheck.Policy) {
	dir := filepath.Join("..", "testdata", "policies", name)
	data, err := os.ReadFile(filepath.Join(dir, "ruleset.json"))
	if err != nil {
		panic(err)
	}
	def, err := campaign.Decode(data)
	if err != nil {
		panic(err)
	}
	if data, err = os.ReadFile(filepath.Join(dir, "policy.json")); err != nil {
		panic(err)
	}
	policy, err := promocheck.DecodePolicy(data)
	if err != nil {
		panic(err)
	}
	return def, policy
}

// Two campaigns that each respect a maximum of 30 % off a sale stack to
// 46 %: the wine week gives 25 % on wine, the club 28 % on a sale from
// R$ 150,00. By hand, for the cart found: 4 × 59,90 = 239,60; 25 % is
// 59,90, leaving 179,70 (at least 150,00); 28 % of 179,70 is 50,316, 50,32;
// 110,22 off 239,60 is 46,00 %.
func ExampleSearch() {
	def, policy := load("empilhamento-46")
	report, err := promocheck.Search(def, policy, promocheck.SearchOptions{Tries: 1000})
	if err != nil {
		panic(err)
	}
	fmt.Print(report.Text(promocheck.Portuguese))
	fmt.Println()
	fmt.Print(report.Text(promocheck.English))
	// Output:
	// Política: Nenhuma venda com mais de 30% de desconto
	// Violação encontrada no 1º carrinho tentado. Menor carrinho encontrado (1 linha):
	//   em 16/11/2026 00:00 (-03:00), loja loja-1, venda anônima
	//   linha 1: VINHO-BRANCO, 4 × R$ 59,90 = R$ 239,60
	//       Semana do vinho: 25% em vinhos (semana-vinho): −R$ 59,90 (desconto no item)
	//       Clube: 28% nas compras acima de R$ 150 (clube-28): −R$ 50,32 (rateio do desconto na venda)
	//       líquido R$ 129,38
	//   total: bruto R$ 239,60, desconto R$ 110,22, líquido R$ 129,38
	// Campanhas envolvidas: Semana do vinho: 25% em vinhos (semana-vinho); Clube: 28% nas compras acima de R$ 150 (clube-28)
	// Regras violadas:
	//   - desconto máximo por venda: desconto de R$ 110,22 em R$ 239,60 na venda = 46,00 %, acima do máximo de 30,00 %
	//
	// Policy: Nenhuma venda com mais de 30% de desconto
	// Violation found at the 1st cart tried. Smallest cart found (1 line):
	//   on 2026-11-16 00:00 -03:00, store loja-1, anonymous sale
	//   line 1: VINHO-BRANCO, 4 × R$ 59.90 = R$ 239.60
	//       Semana do vinho: 25% em vinhos (semana-vinho): −R$ 59.90 (item discount)
	//       Clube: 28% nas compras acima de R$ 150 (clube-28): −R$ 50.32 (share of a sale discount)
	//       net R$ 129.38
	//   total: gross R$ 239.60, discount R$ 110.22, net R$ 129.38
	// Campaigns involved: Semana do vinho: 25% em vinhos (semana-vinho); Clube: 28% nas compras acima de R$ 150 (clube-28)
	// Rules broken:
	//   - maximum discount per sale: discount of R$ 110.22 on a sale of R$ 239.60 = 46.00%, above the maximum of 30.00%
}

// A markdown to 29,90 plus a "leve 3 pague 2" sell olive oil below its
// floor, cost 24,00 plus 5 % = 25,20, though each alone keeps above it
// (29,90; 2 × 39,90 / 3 = 26,60). By hand: 3 × 39,90 = 119,70; the
// markdown takes 3 × 10,00 = 30,00, the free bottle 29,90; 59,80 for 3 is
// 19,93 a bottle.
func ExampleSearch_belowCost() {
	def, policy := load("abaixo-do-custo")
	report, err := promocheck.Search(def, policy, promocheck.SearchOptions{Tries: 1000})
	if err != nil {
		panic(err)
	}
	fmt.Print(report.Text(promocheck.Portuguese))
	fmt.Println()
	fmt.Print(report.Text(promocheck.English))
	// Output:
	// Política: Nada abaixo do custo mais 5% de margem
	// Violação encontrada no 2º carrinho tentado. Menor carrinho encontrado (1 linha):
	//   em 01/11/2026 00:00 (-03:00), loja loja-1, venda anônima
	//   linha 1: AZEITE-500, 3 × R$ 39,90 = R$ 119,70
	//       Remarcação: azeite a R$ 29,90 (remarca-azeite): −R$ 30,00 (remarcação)
	//       Leve 3 pague 2 em azeite (azeite-3x2): −R$ 29,90 (unidades grátis)
	//       líquido R$ 59,80
	//   total: bruto R$ 119,70, desconto R$ 59,90, líquido R$ 59,80
	// Campanhas envolvidas: Remarcação: azeite a R$ 29,90 (remarca-azeite); Leve 3 pague 2 em azeite (azeite-3x2)
	// Regras violadas:
	//   - preço mínimo (custo mais margem) (linha 1): AZEITE-500 vendido a R$ 19,93 por unidade (R$ 59,80 por 3), abaixo do piso de R$ 25,20
	//
	// Policy: Nada abaixo do custo mais 5% de margem
	// Violation found at the 2nd cart tried. Smallest cart found (1 line):
	//   on 2026-11-01 00:00 -03:00, store loja-1, anonymous sale
	//   line 1: AZEITE-500, 3 × R$ 39.90 = R$ 119.70
	//       Remarcação: azeite a R$ 29,90 (remarca-azeite): −R$ 30.00 (markdown)
	//       Leve 3 pague 2 em azeite (azeite-3x2): −R$ 29.90 (free units)
	//       net R$ 59.80
	//   total: gross R$ 119.70, discount R$ 59.90, net R$ 59.80
	// Campaigns involved: Remarcação: azeite a R$ 29,90 (remarca-azeite); Leve 3 pague 2 em azeite (azeite-3x2)
	// Rules broken:
	//   - floor price (cost plus margin) (line 1): AZEITE-500 sold at R$ 19.93 a unit (R$ 59.80 for 3), below its floor of R$ 25.20
}

// A gift campaign with no cap on repetitions gives one opener per 2 cans:
// 4 cans are 2 occurrences, 2 gifts, above the policy's 1 per sale.
func ExampleSearch_twoGifts() {
	def, policy := load("dois-brindes")
	report, err := promocheck.Search(def, policy, promocheck.SearchOptions{Tries: 1000})
	if err != nil {
		panic(err)
	}
	fmt.Print(report.Text(promocheck.Portuguese))
	fmt.Println()
	fmt.Print(report.Text(promocheck.English))
	// Output:
	// Política: Um brinde por venda, no máximo
	// Violação encontrada no 2º carrinho tentado. Menor carrinho encontrado (1 linha):
	//   em 01/11/2026 00:00 (-03:00), loja loja-1, venda anônima
	//   linha 1: CERVEJA-LATA, 4 × R$ 4,99 = R$ 19,96
	//       líquido R$ 19,96
	//   brinde: 2 × ABRIDOR, de Na compra de 2 cervejas, ganhe um abridor (abridor-brinde); 2 a incluir no carrinho
	//   total: bruto R$ 19,96, desconto R$ 0,00, líquido R$ 19,96
	// Campanhas envolvidas: Na compra de 2 cervejas, ganhe um abridor (abridor-brinde)
	// Regras violadas:
	//   - máximo de brindes por venda: 2 brindes na venda, acima do máximo de 1
	//
	// Policy: Um brinde por venda, no máximo
	// Violation found at the 2nd cart tried. Smallest cart found (1 line):
	//   on 2026-11-01 00:00 -03:00, store loja-1, anonymous sale
	//   line 1: CERVEJA-LATA, 4 × R$ 4.99 = R$ 19.96
	//       net R$ 19.96
	//   gift: 2 × ABRIDOR, from Na compra de 2 cervejas, ganhe um abridor (abridor-brinde); 2 still to add to the cart
	//   total: gross R$ 19.96, discount R$ 0.00, net R$ 19.96
	// Campaigns involved: Na compra de 2 cervejas, ganhe um abridor (abridor-brinde)
	// Rules broken:
	//   - maximum gifts per sale: 2 gifts in the sale, above the maximum of 1
}

// A property test of a ruleset in a few lines: the two campaigns of the
// wine week stack to 46 % at most, so no cart gets more than 50 % off, and
// every promise of the engine holds. In a test, t is the test's
// *testing.T; rapid draws 100 carts shaped by the ruleset (-rapid.checks
// for more) and shrinks any failure to the smallest cart.
func Example_propertyTest() {
	t := promocheck.NewRunner("TestRuleset") // in a test: func TestRuleset(t *testing.T)
	data, err := os.ReadFile("../testdata/policies/empilhamento-46/ruleset.json")
	if err != nil {
		t.Fatal(err)
	}
	def, rs := campaign.MustDecode(data), campaign.MustLoad(data)
	policy := promocheck.Policy{Version: 1, MaxSaleDiscountPercent: campaign.Dec("50")}
	rapid.Check(t, func(t *rapid.T) {
		cart := promogen.CartFor(def).Draw(t, "cart")
		res, err := promo.Evaluate(cart, rs)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range append(promocheck.Promises(cart, rs, res), policy.Check(cart, res)...) {
			t.Error(v)
		}
	})
	fmt.Println("failed:", t.Failed())
	// Output: failed: false
}
