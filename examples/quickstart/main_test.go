package main

// The sample cart, worked out by hand from the rules (see the README's
// "Decisions"), before the golden file was written:
//
// Gross (quantity × unit price, rounded once to cents, half_even):
//
//	1 Camiseta básica branca  1 × 59,90           =  59,90
//	2 Camiseta estampada      1 × 79,90           =  79,90
//	3 Meia esportiva          3 × 19,90           =  59,70
//	4 Cerveja lata 350 ml     6 × 4,49            =  26,94
//	5 Queijo muçarela     0,735 × 39,00 = 28,665  =  28,66 (tie: ABNT NBR 5891
//	                                                  rounds to the even cent;
//	                                                  half_up would give 28,67)
//	6 Arroz tipo 1 5 kg       1 × 27,90           =  27,90
//	                                        total   283,00
//
// Sale instant 21/11/2026 10:15 -03:00.
//
//   - semana-queijo ends "2026-11-20" (a date alone: the end of that day,
//     20/11/2026 23:59:59 in America/Sao_Paulo) -> ended, not run.
//   - Item phase, priority 0, by id:
//   - camisetas-maior (min_quantity 2, 20 % on the highest): eligible lines
//     1 and 2, 2 whole units; units from the most expensive: 79,90, 59,90;
//     one group of 2, the first unit (79,90, line 2) gets 20 % = 15,98.
//   - cerveja-12 (min_quantity 12): line 4 has 6 whole units -> not
//     applied, min_quantity_not_reached, "faltam 6".
//   - meias-3x2 (free_units buy 3 pay 2): line 3 has 3 units of 19,90, one
//     group, the cheapest unit is free: 19,90.
//   - Sale phase: acima-200 (no activation rules: every line is eligible,
//     min_value 200). Current values: 59,90 + 63,92 + 39,80 + 26,94 + 28,66 +
//     27,90 = 247,12 >= 200. 10 % = 24,712 -> 24,71 (half_even).
//     Apportioned by current value, largest remainder, 2471 cents over
//     weights 5990, 6392, 3980, 2694, 2866, 2790 (sum 24712):
//     line 1: 2471×5990/24712 = 598 r 23514
//     line 2: 2471×6392/24712 = 639 r  3664
//     line 3: 2471×3980/24712 = 397 r 23916
//     line 4: 2471×2694/24712 = 269 r  9346
//     line 5: 2471×2866/24712 = 286 r 14254
//     line 6: 2471×2790/24712 = 278 r 24154
//     floors sum to 2467; the 4 cents left go to the largest remainders,
//     lines 6, 3, 1 and 5: shares 5,99 6,39 3,98 2,69 2,87 2,79 (= 24,71).
//
// Nets: 1: 59,90 - 5,99 = 53,91; 2: 79,90 - 15,98 - 6,39 = 57,53;
// 3: 59,70 - 19,90 - 3,98 = 35,82; 4: 26,94 - 2,69 = 24,25;
// 5: 28,66 - 2,87 = 25,79; 6: 27,90 - 2,79 = 25,11.
// Totals: gross 283,00, discounts 15,98 + 19,90 + 24,71 = 60,59, net 222,41.

import (
	"bytes"
	"flag"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

var update = flag.Bool("update", false, "rewrite golden files")

var golden = filepath.Join("..", "..", "testdata", "golden", "quickstart.txt")

func TestReceiptGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatalf("run: %v", err)
	}
	testkit.Golden(t, golden, buf.Bytes(), *update)
}

type lineWant struct {
	ID                   string
	Gross, Discount, Net decimal.Decimal
	Adjustments          []adjWant
}

type adjWant struct {
	Campaign string
	Amount   decimal.Decimal
}

// TestSampleNumbers checks the engine's result for the sample against the
// hand computation above, independently of the receipt's layout, so that
// rewriting the golden file cannot hide a change in the numbers.
func TestSampleNumbers(t *testing.T) {
	rs, err := campaign.Load(rulesetJSON)
	if err != nil {
		t.Fatal(err)
	}
	cart, err := promo.DecodeCart(cartJSON)
	if err != nil {
		t.Fatal(err)
	}
	res := promotest.Evaluate(t, cart, rs)
	want := []lineWant{
		{ID: "1", Gross: testkit.Dec("59.90"), Discount: testkit.Dec("5.99"), Net: testkit.Dec("53.91"),
			Adjustments: []adjWant{{"acima-200", testkit.Dec("5.99")}}},
		{ID: "2", Gross: testkit.Dec("79.90"), Discount: testkit.Dec("22.37"), Net: testkit.Dec("57.53"),
			Adjustments: []adjWant{{"camisetas-maior", testkit.Dec("15.98")}, {"acima-200", testkit.Dec("6.39")}}},
		{ID: "3", Gross: testkit.Dec("59.70"), Discount: testkit.Dec("23.88"), Net: testkit.Dec("35.82"),
			Adjustments: []adjWant{{"meias-3x2", testkit.Dec("19.90")}, {"acima-200", testkit.Dec("3.98")}}},
		{ID: "4", Gross: testkit.Dec("26.94"), Discount: testkit.Dec("2.69"), Net: testkit.Dec("24.25"),
			Adjustments: []adjWant{{"acima-200", testkit.Dec("2.69")}}},
		{ID: "5", Gross: testkit.Dec("28.66"), Discount: testkit.Dec("2.87"), Net: testkit.Dec("25.79"),
			Adjustments: []adjWant{{"acima-200", testkit.Dec("2.87")}}},
		{ID: "6", Gross: testkit.Dec("27.90"), Discount: testkit.Dec("2.79"), Net: testkit.Dec("25.11"),
			Adjustments: []adjWant{{"acima-200", testkit.Dec("2.79")}}},
	}
	var got []lineWant
	for _, l := range res.Lines {
		g := lineWant{ID: l.ID, Gross: l.Gross, Discount: l.Discount, Net: l.Net}
		for _, a := range l.Adjustments {
			g.Adjustments = append(g.Adjustments, adjWant{a.Campaign, a.Amount})
		}
		got = append(got, g)
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	wantTotals := promo.Totals{Gross: testkit.Dec("283.00"), Discount: testkit.Dec("60.59"), Net: testkit.Dec("222.41"), Payable: testkit.Dec("222.41")}
	if diff := cmp.Diff(wantTotals, res.Totals, testkit.EquateDecimals()); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	wantCodes := map[string]promo.ReasonCode{
		"acima-200":       promo.ReasonApplied,
		"camisetas-maior": promo.ReasonApplied,
		"meias-3x2":       promo.ReasonApplied,
		"cerveja-12":      promo.ReasonMinQuantity,
		"semana-queijo":   promo.ReasonEnded,
	}
	gotCodes := map[string]promo.ReasonCode{}
	for _, e := range res.Trace {
		gotCodes[e.Campaign] = e.Code()
	}
	if diff := cmp.Diff(wantCodes, gotCodes); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
}
