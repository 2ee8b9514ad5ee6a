package rules_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// checkOnly is a promotion that checks a condition and a threshold and
// reports what it found: a *promo.View exists only inside Evaluate, so this
// is how a rule is tried out on a cart.
type checkOnly struct {
	cond   rules.Condition
	th     rules.Threshold
	report func(rules.Outcome, bool, promo.Reason)
}

func (c checkOnly) Info() promo.Info {
	return promo.Info{ID: "check", Name: "check", Phase: promo.PhaseItem}
}

func (c checkOnly) Keys() promo.Keys { return c.cond.Keys() }

func (c checkOnly) Apply(v *promo.View) promo.Proposal {
	o := c.cond.Check(v)
	ok, why := true, promo.Reason{}
	if o.OK && c.th != nil {
		ok, why = c.th.Check(v, o.Lines)
	}
	c.report(o, ok, why)
	return promo.NotEligible()
}

// exampleCart is a small cart in São Paulo.
func exampleCart() promo.Cart {
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		panic(err)
	}
	line := func(id, code, category, qty, price string) promo.Line {
		return promo.Line{ID: id, ProductCode: code, Category: category,
			Quantity: decimal.RequireFromString(qty), UnitPrice: decimal.RequireFromString(price)}
	}
	return promo.Cart{
		ID: "sale-1", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, saoPaulo), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			line("1", "IPA", "bebidas/cervejas/ipa", "6", "12.90"),
			line("2", "SUCO", "bebidas/sucos", "2", "8.50"),
			line("3", "ARROZ", "alimentos/graos", "1", "27.90"),
		},
	}
}

func tryRule(cond rules.Condition, th rules.Threshold) {
	rs, err := promo.NewRuleset(promo.Settings{}, checkOnly{cond: cond, th: th,
		report: func(o rules.Outcome, ok bool, why promo.Reason) {
			switch {
			case !o.OK:
				fmt.Println("fails:", o.Reason.EN)
			case !ok:
				fmt.Println("lines", o.Lines, "but", why.EN)
			default:
				fmt.Println("holds, lines", o.Lines)
			}
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := promo.Evaluate(exampleCart(), rs); err != nil {
		fmt.Println(err)
	}
}

func ExampleCategory() {
	// "bebidas" matches every level below it.
	tryRule(rules.Category(rules.RequireAny, "bebidas"), nil)
	tryRule(rules.Category(rules.RequireAll, "bebidas/cervejas", "alimentos"), nil)
	tryRule(rules.Category(rules.RequireAll, "bebidas", "limpeza"), nil)
	// Output:
	// holds, lines [0 1]
	// holds, lines [0 2]
	// fails: missing from the cart (category): limpeza
}

func ExampleAll() {
	tryRule(rules.All(
		rules.ProductCode(rules.RequireAny, "IPA"),
		rules.Category(rules.RequireAny, "alimentos"),
	), nil)
	tryRule(rules.All(
		rules.ProductCode(rules.RequireAny, "IPA"),
		rules.ProductCode(rules.RequireAny, "VINHO"),
	), nil)
	// Output:
	// holds, lines [0 2]
	// fails: rule 2 (product code VINHO) not met: no item in the cart with product code VINHO
}

func ExampleAny() {
	tryRule(rules.Any(
		rules.ProductCode(rules.RequireAny, "VINHO"),
		rules.Category(rules.RequireAny, "bebidas/sucos"),
	), nil)
	// Output:
	// holds, lines [1]
}

func ExampleMinValue() {
	// The beers are worth 6 × 12.90 = 77.40: 22.60 short of 100.00.
	tryRule(rules.Category(rules.RequireAny, "bebidas/cervejas"), rules.MinValue(decimal.NewFromInt(100)))
	// Output:
	// lines [0] but minimum value of R$ 100.00 not reached: R$ 22.60 missing
}

func ExampleMinQuantity() {
	// 6 beers and 2 juices: 8 units, 2 short of 10.
	tryRule(rules.Category(rules.RequireAny, "bebidas"), rules.MinQuantity(10))
	// Output:
	// lines [0 1] but minimum quantity of 10 units not reached: 2 missing
}
