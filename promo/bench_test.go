package promo_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// The benchmarks check the promise "work grows with the campaigns that can
// match the cart, not with all campaigns": whatever the size of the
// ruleset, the same 5 campaigns match the cart (one cart-wide sale discount
// and 4 product campaigns on codes every benchmark cart has); all the others
// are product, SKU and category campaigns on codes no cart has.

// benchMatching is the number of campaigns that match every benchmark cart.
const benchMatching = 5

// benchDefinition builds a ruleset definition of n campaigns, n >= 5.
func benchDefinition(n int) campaign.Ruleset {
	const start = "2026-11-01T00:00:00-03:00"
	pct := func(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }
	code := func(c string) *campaign.Rules {
		return &campaign.Rules{Conditions: []campaign.Condition{{Kind: "product_code", Values: []string{c}}}}
	}
	def := campaign.Ruleset{Version: campaign.Version, Campaigns: []campaign.Campaign{
		{General: campaign.General{ID: "match-sale", Name: "5% na venda", Start: start}, NoActivationRules: true,
			Benefit: campaign.Benefit{On: "sale", Percent: pct("5")}},
		{General: campaign.General{ID: "match-percent", Name: "10% no P0000", Start: start}, Rules: code("P0000"),
			Benefit: campaign.Benefit{On: "items", Percent: pct("10")}},
		{General: campaign.General{ID: "match-free", Name: "Leve 2 pague 1 no P0001", Start: start}, Rules: code("P0001"),
			Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 2, Pay: 1}}},
		{General: campaign.General{ID: "match-final", Name: "P0002 por 5,00", Start: start}, Rules: code("P0002"),
			Benefit: campaign.Benefit{On: "items", FinalPrice: pct("5.00")}},
		{General: campaign.General{ID: "match-amount", Name: "R$ 1,00 no mais caro P0003", Start: start}, Rules: code("P0003"), MinQuantity: 1,
			Benefit: campaign.Benefit{On: "items", Amount: pct("1.00"), ApplyTo: "highest"}},
	}}
	for i := benchMatching; i < n; i++ {
		var cond campaign.Condition
		switch i % 3 {
		case 0:
			cond = campaign.Condition{Kind: "product_code", Values: []string{fmt.Sprintf("X%05d", i), fmt.Sprintf("Y%05d", i)}}
		case 1:
			cond = campaign.Condition{Kind: "sku", Values: []string{fmt.Sprintf("XS%05d", i)}}
		default:
			cond = campaign.Condition{Kind: "category", Values: []string{fmt.Sprintf("xcat%05d", i)}}
		}
		b := campaign.Benefit{On: "items", Percent: pct("15")}
		if i%2 == 0 {
			b = campaign.Benefit{On: "sale", Amount: pct("20")}
		}
		def.Campaigns = append(def.Campaigns, campaign.Campaign{
			General: campaign.General{ID: fmt.Sprintf("other-%05d", i), Name: "Outra campanha", Priority: i % 7, Start: start}, NonCumulative: i%11 == 0, Rules: &campaign.Rules{Conditions: []campaign.Condition{cond}}, Benefit: b,
		})
	}
	return def
}

// benchCart builds a cart of n lines (n >= 4) with codes P0000, P0001, ...
func benchCart(b *testing.B, n int) promo.Cart {
	c := promo.Cart{ID: "bench", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}}
	for i := range n {
		c.Lines = append(c.Lines, promo.Line{
			ID:          fmt.Sprintf("%04d", i),
			ProductCode: fmt.Sprintf("P%04d", i),
			SKU:         fmt.Sprintf("S%04d", i),
			Category:    fmt.Sprintf("cat%02d/sub%02d", i%10, i%7),
			Quantity:    decimal.NewFromInt(int64(1 + i%3)),
			UnitPrice:   decimal.New(int64(1000+37*i), -2),
		})
	}
	return c
}

func BenchmarkEvaluate(b *testing.B) {
	rulesets := map[int]*promo.Ruleset{}
	for _, lines := range []int{10, 50, 200} {
		for _, n := range []int{100, 1000, 10000} {
			b.Run(fmt.Sprintf("lines=%d/campaigns=%d", lines, n), func(b *testing.B) {
				rs := rulesets[n]
				if rs == nil {
					var err error
					if rs, err = campaign.Compile(benchDefinition(n)); err != nil {
						b.Fatal(err)
					}
					rulesets[n] = rs
				}
				cart := benchCart(b, lines)
				res, err := promo.Evaluate(cart, rs)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Trace) != benchMatching || len(res.Applied) != benchMatching {
					b.Fatalf("want the %d matching campaigns looked at and applied, got trace %d, applied %d",
						benchMatching, len(res.Trace), len(res.Applied))
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := promo.Evaluate(cart, rs); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("campaigns=%d", n), func(b *testing.B) {
			data, err := json.Marshal(benchDefinition(n))
			if err != nil {
				b.Fatal(err)
			}
			def, err := campaign.Decode(data)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := campaign.Compile(def); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHotPath compares Evaluate with its floor, a 50-line cart
// totalled in decimal (quantity × unit price, rounded to cents, summed):
//
//	peer: 50 lines, 10,000 campaigns of which 5 match      at most 4× the floor, 300 allocs/op
//	realistic: 50 lines, 21 matching campaigns            at most 15× the floor
//
// peer-amounts is what building the peer result's amounts alone costs
// (resultAmounts): the floor under peer's allocations.
//
// The realistic ruleset: 10 item percentages by category, a sale
// percentage above R$ 200 apportioned to the lines, a leve 3 pague 2, a
// gift, 5 amounts on products and 4 non-cumulative campaigns that compete
// (one wins; the others, and every cumulative one, are traced as losing to
// it).
func BenchmarkHotPath(b *testing.B) {
	cart := benchCart(b, 50)
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t := decimal.Zero
			for i := range cart.Lines {
				l := &cart.Lines[i]
				t = t.Add(l.Quantity.Mul(l.UnitPrice).Round(2))
			}
			if t.Sign() <= 0 {
				b.Fatal("an empty total")
			}
		}
	})
	run := func(b *testing.B, def campaign.Ruleset, applied int) {
		rs, err := campaign.Compile(def)
		if err != nil {
			b.Fatal(err)
		}
		res, err := promo.Evaluate(cart, rs)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Applied) != applied {
			b.Fatalf("want %d campaigns applied, got %d", applied, len(res.Applied))
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := promo.Evaluate(cart, rs); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("peer", func(b *testing.B) { run(b, benchDefinition(10000), benchMatching) })
	b.Run("peer-amounts", func(b *testing.B) { resultAmounts(b, cart, benchDefinition(10000)) })
	b.Run("realistic", func(b *testing.B) { run(b, realisticDefinition(), 1) })
}

// resultAmounts measures the least any Evaluate of cart against def must
// allocate for its result's amounts alone: one decimal per distinct
// non-zero amount the result holds that no decimal of the cart already
// holds (a shopspring decimal is a *big.Int and its words, two allocations;
// equal amounts could share one, and an amount equal to a unit price or a
// quantity could be that input's). It is the floor under the peer
// workload's allocations, whatever the engine does.
func resultAmounts(b *testing.B, cart promo.Cart, def campaign.Ruleset) {
	rs, err := campaign.Compile(def)
	if err != nil {
		b.Fatal(err)
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		b.Fatal(err)
	}
	input := map[string]bool{}
	for _, l := range cart.Lines {
		input[l.UnitPrice.String()], input[l.Quantity.String()] = true, true
	}
	seen := map[string]bool{}
	var cents []int64
	add := func(ds ...decimal.Decimal) {
		for _, d := range ds {
			if k := d.String(); !d.IsZero() && !input[k] && !seen[k] {
				seen[k] = true
				cents = append(cents, d.Shift(2).IntPart())
			}
		}
	}
	for _, l := range res.Lines {
		add(l.Gross, l.Discount, l.Net, l.ExchangeShare)
		for _, a := range l.Adjustments {
			add(a.Amount)
		}
	}
	t := res.Totals
	add(t.Gross, t.Discount, t.Net, t.Exchange, t.Tenders, t.Freight, t.Payable)
	for _, a := range res.Applied {
		add(a.Amount, a.Freight)
	}
	for _, e := range res.Events {
		add(e.Amount, e.Freight)
	}
	if len(cents) == 0 {
		b.Fatal("a result with no amounts")
	}
	b.ReportMetric(float64(len(cents)), "amounts")
	out := make([]decimal.Decimal, len(cents))
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range cents {
			out[i] = decimal.New(c, -2)
		}
	}
}

// realisticDefinition is the realistic ruleset of BenchmarkHotPath, on the
// lines of benchCart(50).
func realisticDefinition() campaign.Ruleset {
	const start = "2026-11-01T00:00:00-03:00"
	pct := func(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }
	on := func(kind campaign.ConditionKind, values ...string) *campaign.Rules {
		return &campaign.Rules{Conditions: []campaign.Condition{{Kind: kind, Values: values}}}
	}
	def := campaign.Ruleset{Version: campaign.Version}
	for i := range 10 {
		def.Campaigns = append(def.Campaigns, campaign.Campaign{
			General: campaign.General{ID: fmt.Sprintf("cat%02d", i), Name: "Categoria", Priority: 1, Start: start}, Rules: on("category", fmt.Sprintf("cat%02d", i)),
			Benefit: campaign.Benefit{On: "items", Percent: pct(fmt.Sprintf("%d", 3+i))}})
	}
	def.Campaigns = append(def.Campaigns,
		campaign.Campaign{General: campaign.General{ID: "venda", Name: "5% acima de R$ 200", Priority: 2, Start: start}, NoActivationRules: true,
			MinValue: pct("200.00"), Benefit: campaign.Benefit{On: "sale", Percent: pct("5")}},
		campaign.Campaign{General: campaign.General{ID: "leve3", Name: "Leve 3 pague 2", Start: start}, Rules: on("product_code", "P0002", "P0005", "P0008"),
			Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}},
		campaign.Campaign{General: campaign.General{ID: "brinde", Name: "Brinde", Start: start}, Rules: on("product_code", "P0010"),
			Benefit: campaign.Benefit{On: "items", Gift: &campaign.Gift{Quantity: 1, Options: []string{"P0011"}}}},
	)
	for i := range 5 {
		def.Campaigns = append(def.Campaigns, campaign.Campaign{
			General: campaign.General{ID: fmt.Sprintf("valor%d", i), Name: "R$ 0,50 no item", Start: start}, Rules: on("product_code", fmt.Sprintf("P%04d", 20+i)),
			Benefit: campaign.Benefit{On: "items", Amount: pct("0.50")}})
	}
	for i := range 4 {
		def.Campaigns = append(def.Campaigns, campaign.Campaign{
			General: campaign.General{ID: fmt.Sprintf("nc%d", i), Name: "Não cumulativa", Start: start}, NonCumulative: true,
			Rules: on("category", fmt.Sprintf("cat%02d/sub%02d", i, i)), Benefit: campaign.Benefit{On: "items", Percent: pct(fmt.Sprintf("%d", 20+5*i))}})
	}
	return def
}
