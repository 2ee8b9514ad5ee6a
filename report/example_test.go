package report_test

import (
	"fmt"
	"slices"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/report"
)

// The examples read the recorded sales of fixture_test.go (t1 to t8 and
// the return r6), whose figures are worked out by hand there. A host
// streams its own records: any iter.Seq[report.Record] will do, such as
// slices.Values of a slice or a function reading rows from a database.

func ExampleSummarize() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := report.Summarize(slices.Values(fx.records), report.Week, report.Filter{})
	for _, r := range s.Rows {
		fmt.Printf("%s %-15s vendas %d subtotal %s campanha %s outros %s líquido %s brindes %d\n", r.From, r.Campaign, r.Sales,
			money.Format(r.Gross), money.Format(r.CampaignDiscount), money.Format(r.OtherDiscounts), money.Format(r.Net), r.Gifts)
	}
	for _, t := range s.Totals {
		fmt.Printf("%s..%s vendas %d subtotal %s descontos %s líquido %s\n", t.From, t.To, t.Sales,
			money.Format(t.Gross), money.Format(t.Discount), money.Format(t.Net))
	}
	// Output:
	// 2026-11-16 acima-100       vendas 1 subtotal 120,00 campanha 11,00 outros 10,00 líquido 99,00 brindes 0
	// 2026-11-16 brinde-caneca   vendas 1 subtotal 50,00 campanha 0,00 outros 0,00 líquido 50,00 brindes 1
	// 2026-11-16 cafe-fidelidade vendas 1 subtotal 50,00 campanha 0,00 outros 0,00 líquido 50,00 brindes 0
	// 2026-11-16 ind-sabao       vendas 1 subtotal 24,00 campanha 8,00 outros 0,00 líquido 16,00 brindes 0
	// 2026-11-16 meias-3x2       vendas 1 subtotal 120,00 campanha 10,00 outros 11,00 líquido 99,00 brindes 0
	// 2026-11-16 pack-10         vendas 1 subtotal 60,00 campanha 6,00 outros 0,00 líquido 54,00 brindes 0
	// 2026-11-23 meias-3x2       vendas 1 subtotal 60,00 campanha 20,00 outros 4,00 líquido 36,00 brindes 0
	// 2026-11-30 meias-3x2       vendas 1 subtotal 120,00 campanha 10,00 outros 0,00 líquido 110,00 brindes 0
	// 2026-11-16..2026-11-22 vendas 4 subtotal 254,00 descontos 35,00 líquido 219,00
	// 2026-11-23..2026-11-29 vendas 2 subtotal 80,00 descontos 24,00 líquido 56,00
	// 2026-11-30..2026-12-06 vendas 1 subtotal 120,00 descontos 10,00 líquido 110,00
}

func ExampleCampaignStatistics() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range report.CampaignStatistics(slices.Values(fx.records), report.Month, fx.rs, report.Filter{}) {
		fmt.Printf("%s %-15s %-19s desde %s ativações %d descontos %s brindes %d pontos %s cashback %s\n", r.From, r.Campaign, r.Type,
			r.Start.Format("02/01"), r.Activations, money.Format(r.Discount), r.Gifts, r.Points, money.Format(r.Cashback))
	}
	// Output:
	// 2026-11-01 acima-100       reshop:sale_percent desde 01/11 ativações 1 descontos 11,00 brindes 0 pontos 0 cashback 0,00
	// 2026-11-01 brinde-caneca   reshop:gift         desde 01/11 ativações 1 descontos 0,00 brindes 1 pontos 0 cashback 0,00
	// 2026-11-01 cafe-fidelidade reshop:extras       desde 01/11 ativações 1 descontos 0,00 brindes 0 pontos 100 cashback 10,00
	// 2026-11-01 ind-sabao       industry            desde 01/11 ativações 1 descontos 8,00 brindes 0 pontos 0 cashback 0,00
	// 2026-11-01 meias-3x2       reshop:free_units   desde 01/11 ativações 3 descontos 30,00 brindes 0 pontos 0 cashback 0,00
	// 2026-11-01 pack-10         desconto_pack       desde 01/11 ativações 1 descontos 6,00 brindes 0 pontos 0 cashback 0,00
	// 2026-12-01 meias-3x2       reshop:free_units   desde 01/11 ativações 1 descontos 10,00 brindes 0 pontos 0 cashback 0,00
}

func ExampleStoreActivations() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range report.StoreActivations(slices.Values(fx.records), "loja-1", report.Filter{Customer: "tok-ana"}) {
		fmt.Printf("%s %s %s %v total %s desconto %s\n", r.Ticket, r.Time.Format("02/01/2006 15:04"), r.Customer, r.Campaigns,
			money.Format(r.Net), money.Format(r.Discount))
	}
	// Output:
	// t1 16/11/2026 10:00 tok-ana [meias-3x2 acima-100] total 99,00 desconto 21,00
	// t4 17/11/2026 18:00 tok-ana [pack-10] total 54,00 desconto 6,00
}

func ExampleStoreFrequency() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	f := report.StoreFrequency(slices.Values(fx.records), report.Filter{})
	for _, r := range f.Stores {
		fmt.Printf("%s vendas %d ativações %d frequência %s\n", r.Store, r.Sales, r.Activations, r.Frequency.StringFixed(4))
	}
	fmt.Printf("total vendas %d ativações %d frequência %s, lojas %d de %d, incidência %s\n", f.Sales, f.Activations,
		f.Frequency.StringFixed(4), f.StoresActivated, f.StoresSeen, f.Incidence.StringFixed(4))
	// Output:
	// loja-1 vendas 3 ativações 5 frequência 1.6667
	// loja-2 vendas 3 ativações 4 frequência 1.3333
	// loja-3 vendas 1 ativações 0 frequência 0.0000
	// total vendas 7 ativações 9 frequência 1.2857, lojas 2 de 3, incidência 0.6667
}

func ExampleCashbackCredits() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, asOf := range []string{"2026-11-25", "2026-11-30"} {
		for _, c := range report.CashbackCredits(slices.Values(fx.records), at(asOf, "12:00"), report.Filter{}) {
			fmt.Printf("em %s: %s %s venda %s na %s, ganho %s, resgatado %s em %v, estornado %s, vencido %s, saldo %s (até %s)\n",
				asOf, c.Campaign, c.Customer, c.Ticket, c.Store, money.Format(c.Earned), money.Format(c.Redeemed), c.RedeemedAt,
				money.Format(c.Reversed), money.Format(c.Expired), money.Format(c.Balance), c.ValidUntil.Format("02/01/2006 15:04"))
		}
	}
	// Output:
	// em 2026-11-25: cafe-fidelidade tok-bia venda t2 na loja-1, ganho 10,00, resgatado 4,00 em [loja-2], estornado 5,00, vencido 0,00, saldo 1,00 (até 26/11/2026 23:59)
	// em 2026-11-30: cafe-fidelidade tok-bia venda t2 na loja-1, ganho 10,00, resgatado 4,00 em [loja-2], estornado 5,00, vencido 1,00, saldo 0,00 (até 26/11/2026 23:59)
}

func ExampleDiscountsByKey() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range report.DiscountsByKey(slices.Values(fx.records), report.Month, report.Filter{}) {
		fmt.Printf("%s..%s chave %s (%s) vendas %d itens %d desconto %s\n", r.From, r.To, r.Key, r.Campaign, r.Sales, r.Lines,
			money.Format(r.Discount))
	}
	// Output:
	// 2026-11-01..2026-11-30 chave CHAVE-PACK10 (pack-10) vendas 1 itens 1 desconto 6,00
}

func ExampleKeyedSales() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	for r := range report.KeyedSales(slices.Values(fx.records), report.Filter{Store: "loja-1"}) {
		fmt.Printf("%s venda %s loja %s chave %s autorização %s desconto %s\n", r.Date, r.Sale, r.Store, r.Key, r.Authorization,
			money.Format(r.Discount))
	}
	// Output:
	// 2026-11-17 venda t4 loja loja-1 chave CHAVE-PACK10 autorização 2406959360393844 desconto 6,00
}

func ExampleDiscountsByFunder() {
	fx, err := buildFixture()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range report.DiscountsByFunder(slices.Values(fx.records), report.Month, report.Filter{}) {
		fmt.Printf("%s %-8s %-19s vendas %d unidades %d valor %s\n", r.From, r.Funder, r.Campaign, r.Sales, r.Units, money.Format(r.Amount))
	}
	// Output:
	// 2026-11-01 Unilever ind-sabao           vendas 1 unidades 1 valor 4,80
	// 2026-11-01 retailer acima-100           vendas 1 unidades 4 valor 11,00
	// 2026-11-01 retailer cashback/redemption vendas 1 unidades 0 valor 4,00
	// 2026-11-01 retailer ind-sabao           vendas 1 unidades 1 valor 3,20
	// 2026-11-01 retailer meias-3x2           vendas 2 unidades 3 valor 30,00
	// 2026-11-01 retailer pack-10             vendas 1 unidades 2 valor 6,00
	// 2026-12-01 retailer meias-3x2           vendas 1 unidades 1 valor 10,00
}
