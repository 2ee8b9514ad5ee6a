package loyalty_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

func ExampleNewProgram() {
	// Only Tigre and Amanco score. Loja-centro gives 1 point per real and
	// 2 for Amanco; every other store 0.5.
	program := loyalty.NewProgram([]string{"Tigre", "Amanco"}, []loyalty.Table{
		{Store: "loja-centro", PerReal: decimal.NewFromInt(1), Brands: map[string]decimal.Decimal{"Amanco": decimal.NewFromInt(2)}},
		{Store: "*", PerReal: decimal.RequireFromString("0.5")},
	})
	rs, err := promo.NewRuleset(promo.Settings{}, program)
	if err != nil {
		fmt.Println(err)
		return
	}
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		fmt.Println(err)
		return
	}
	cart := promo.Cart{
		ID:    "pedido-1",
		Time:  time.Date(2026, 11, 21, 10, 15, 0, 0, saoPaulo),
		Store: promo.Store{ID: "loja-centro"},
		// The buyer is identified by the host's token; the points go to the
		// professional's CPF, which need not be the buyer's.
		Customer:     &promo.Customer{ID: "tok-1", TaxID: br.MustParseTaxID("111.444.777-35")},
		Professional: br.MustParseTaxID("390.533.447-05"),
		Lines: []promo.Line{
			{ID: "1", Brand: "Tigre", Quantity: decimal.NewFromInt(2), UnitPrice: decimal.RequireFromString("25.00")},
			{ID: "2", Brand: "Amanco", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("10.45")},
			{ID: "3", Brand: "Votoran", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("39.90")},
		},
	}
	// 50.00 x 1 + 10.45 x 2 = 70.90 -> 70 points; Votoran does not score.
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Events {
		fmt.Printf("%s: %s %s points for %s (customer %s)\n", e.Campaign, e.Program, e.Points, e.Professional.Format(), e.Customer)
	}
	// The same sale in another store scores on the * table: (50.00 +
	// 10.45) x 0.5 = 30.225 -> 30.
	cart.Store.ID = "loja-sul"
	res, err = promo.Evaluate(cart, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("loja-sul: %s points\n", res.Events[0].Points)
	// Output:
	// loyalty/juntos_somos_mais: juntos_somos_mais 70 points for 390.533.447-05 (customer tok-1)
	// loja-sul: 30 points
}

func ExampleReassign() {
	// A past sale gave 70 points to professional A; the store changes the
	// CPF to B (Consulta de Pedidos), then removes it.
	a, b := br.MustParseTaxID("390.533.447-05"), br.MustParseTaxID("452.718.369-91")
	sale := promo.Event{ID: "ev-1", Kind: promo.EventPoints, Campaign: loyalty.ProgramID, Customer: "tok-1",
		Points: decimal.NewFromInt(70), Program: loyalty.JuntosSomosMais, Professional: a}
	var ledger loyalty.Ledger
	show := func(events []promo.Event) {
		if err := ledger.Apply(events); err != nil {
			fmt.Println(err)
			return
		}
		for _, e := range events {
			switch {
			case e.Move:
				fmt.Printf("  %s (move) from %s\n", e.Kind, e.Professional.Format())
			case e.Origin != "":
				fmt.Printf("  %s of %s carried on to %s\n", e.Kind, e.Origin, e.Professional.Format())
			default:
				fmt.Printf("  %s %s %s\n", e.Kind, e.Points, e.Professional.Format())
			}
		}
		standing, _ := ledger.Standing(sale.ID)
		fmt.Printf("  A %s, B %s; %s of the sale's points stand\n", ledger.Balance(a), ledger.Balance(b), standing)
	}
	fmt.Println("sale:")
	show([]promo.Event{sale})
	moved, err := loyalty.Reassign("pedido-1", sale, b)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("to B:")
	show(moved)
	fmt.Println("to B again (retried: same ids, applied once):")
	again, _ := loyalty.Reassign("pedido-1", sale, b)
	show(again)
	removed, err := loyalty.Reassign("pedido-1", moved[1], br.TaxID{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The move takes the 70 from A and B's event carries them on; its
	// origin stays the sale's event. Removal moves them to nobody.
	fmt.Println("removed:")
	show(removed)
	// Output:
	// sale:
	//   points 70 390.533.447-05
	//   A 70, B 0; 70 of the sale's points stand
	// to B:
	//   points_reversed (move) from 390.533.447-05
	//   points of ev-1 carried on to 452.718.369-91
	//   A 0, B 70; 70 of the sale's points stand
	// to B again (retried: same ids, applied once):
	//   points_reversed (move) from 390.533.447-05
	//   points of ev-1 carried on to 452.718.369-91
	//   A 0, B 70; 70 of the sale's points stand
	// removed:
	//   points_reversed (move) from 452.718.369-91
	//   A 0, B 0; 0 of the sale's points stand
}

func ExampleLedger() {
	// Loja-centro gives 1 point per real, 2 for Amanco; Votoran does not
	// score.
	program := loyalty.NewProgram([]string{"Tigre", "Amanco"}, []loyalty.Table{
		{Store: "loja-centro", PerReal: decimal.NewFromInt(1), Brands: map[string]decimal.Decimal{"Amanco": decimal.NewFromInt(2)}},
	})
	rs, err := promo.NewRuleset(promo.Settings{}, program)
	if err != nil {
		fmt.Println(err)
		return
	}
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		fmt.Println(err)
		return
	}
	a, b := br.MustParseTaxID("390.533.447-05"), br.MustParseTaxID("452.718.369-91")
	sale, err := promo.Evaluate(promo.Cart{
		ID: "pedido-2", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, saoPaulo), Store: promo.Store{ID: "loja-centro"},
		Customer: &promo.Customer{ID: "tok-2"}, Professional: a,
		Lines: []promo.Line{
			{ID: "1", Brand: "Tigre", Quantity: decimal.NewFromInt(2), UnitPrice: decimal.RequireFromString("25.00")},
			{ID: "2", Brand: "Amanco", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("10.45")},
			{ID: "3", Brand: "Votoran", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("39.90")},
		},
	}, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	points := sale.Events[0]
	var ledger loyalty.Ledger
	step := func(what string, events []promo.Event) {
		if err := ledger.Apply(events); err != nil {
			fmt.Println(err)
			return
		}
		standing, _ := ledger.Standing(points.ID)
		fmt.Printf("%s: A %s, B %s; %s stand\n", what, ledger.Balance(a), ledger.Balance(b), standing)
	}
	var returned []refund.Returned
	giveBack := func(what string, now ...refund.Returned) {
		r, err := refund.Of(sale, returned, now)
		if err != nil {
			fmt.Println(err)
			return
		}
		returned = append(returned, now...)
		step(what, r.Events)
	}
	one := decimal.NewFromInt(1)
	// Tigre 50.00 x 1 + Amanco 10.45 x 2 = 50.00 + 20.90 = 70.90 -> 70
	// points, weights 50.00 and 20.90.
	step("sale", sale.Events)
	// 70 x (50.00 x 1/2) / 70.90 = 24.68 -> 24 back.
	giveBack("one Tigre back", refund.Returned{Line: "1", Quantity: one})
	// The 70 - 24 = 46 that stand move to B.
	moved, err := loyalty.Reassign("pedido-2", points, b)
	if err != nil {
		fmt.Println(err)
		return
	}
	step("to B", moved)
	// Votoran scored nothing: nothing back.
	giveBack("Votoran back", refund.Returned{Line: "3", Quantity: one})
	// 70 x (25.00 + 20.90) / 70.90 = 45.31 -> 45, less 24: 21 from B,
	// who holds the points now.
	giveBack("Amanco back", refund.Returned{Line: "2", Quantity: one})
	// Every scoring line is back: the rest, 70 - 45 = 25.
	giveBack("the other Tigre back", refund.Returned{Line: "1", Quantity: one})
	// Output:
	// sale: A 70, B 0; 70 stand
	// one Tigre back: A 46, B 0; 46 stand
	// to B: A 0, B 46; 46 stand
	// Votoran back: A 0, B 46; 46 stand
	// Amanco back: A 0, B 25; 25 stand
	// the other Tigre back: A 0, B 0; 0 stand
}
