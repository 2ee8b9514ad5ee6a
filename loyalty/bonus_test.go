package loyalty_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// bnBonus returns the bonus of the stand-in campaign c.
func bnBonus(c lyOff, fixed, multiplier string, p *loyalty.Program) *loyalty.Bonus {
	f, m := decimal.Zero, decimal.Zero
	if fixed != "" {
		f = testkit.Dec(fixed)
	}
	if multiplier != "" {
		m = testkit.Dec(multiplier)
	}
	return loyalty.NewBonus(c.Info(), c.Keys(), f, m, p)
}

// bnCampaignEvents returns the points events of campaign id.
func bnCampaignEvents(res promo.Result, id string) []promo.Event {
	var out []promo.Event
	for _, e := range lyPoints(res) {
		if e.Campaign == id {
			e.ID = ""
			out = append(out, e)
		}
	}
	return out
}

func TestBonusInfo(t *testing.T) {
	c := lyOff{id: "camp", phase: promo.PhaseSale}
	in := bnBonus(c, "10", "", nil).Info()
	// The fields the kernel orders, dates and folds the bonus by.
	got := promo.Info{ID: in.ID, Name: in.Name, Phase: in.Phase, Priority: in.Priority, Start: in.Start, End: in.End,
		Program: in.Program, PartOf: in.PartOf, Exclusive: in.Exclusive}
	want := promo.Info{ID: "camp/points", Name: "campanha camp (pontos)", Phase: promo.PhaseEarning, Priority: 3,
		Start: c.Info().Start, Program: true, PartOf: "camp"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Info (-want +got):\n%s", diff)
	}
}

func TestBonusFixed(t *testing.T) {
	tests := []struct {
		name string
		occ  int
		want string
	}{
		{"one occurrence", 1, "10"},
		{"three occurrences", 3, "30"}, // 10 x 3
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lyOff{id: "camp", phase: promo.PhaseItem, occ: tt.occ}
			// With the program in the ruleset and a professional: a fixed
			// bonus is still the campaign's, for the customer's token.
			res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), c, bnBonus(c, "10", "", lyProgram()), lyProgram())
			want := []promo.Event{{Kind: promo.EventPoints, Campaign: "camp", Customer: "tok-s1", Points: testkit.Dec(tt.want)}}
			if diff := cmp.Diff(want, bnCampaignEvents(res, "camp"), testkit.EquateDecimals()); diff != "" {
				t.Errorf("bonus events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBonusNeedsTheCampaign(t *testing.T) {
	c := lyOff{id: "camp", phase: promo.PhaseItem, fail: true}
	res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), c, bnBonus(c, "10", "", nil), bnBonus(lyOff{id: "outra"}, "", "2", nil))
	if got := lyPoints(res); len(got) != 0 {
		t.Errorf("want no points when the campaign does not apply (outra is not in the ruleset), got %+v", got)
	}
	if _, ok := res.TraceFor("camp/points"); ok {
		t.Error("a bonus is part of its campaign: no trace entry of its own")
	}
	if c := lyCode(res, "camp"); c != promo.ReasonRuleFailed {
		t.Errorf("campaign trace: want rule_failed, got %q", c)
	}
}

func TestBonusMultiplier(t *testing.T) {
	onlyCentro := loyalty.NewProgram([]string{"Tigre", "Amanco", "Quartzolit"}, []loyalty.Table{{Store: "loja-centro", PerReal: testkit.Dec("1")}})
	tests := []struct {
		name         string
		store        string
		professional br.TaxID
		program      *loyalty.Program
		multiplier   string
		want         promo.Event
	}{
		// loja-centro base: 37.50 + 39.80 x 2 + 8.35 = 125.45 -> 125. A
		// multiplier bonus carries the program's weights (value x rate of
		// each scoring line): 37.50, 79.60, 8.35.
		{"double: the base once more", "loja-centro", lyProA, lyProgram(), "2",
			promo.Event{Points: testkit.Dec("125"), Multiplier: testkit.Dec("2"), Program: "juntos_somos_mais", Professional: lyProA,
				Weights: lyWeights("1", "37.50", "2", "79.60", "4", "8.35")}},
		// 125 x 0.5 = 62.5 -> 62.
		{"one and a half, rounded down", "loja-centro", lyProA, lyProgram(), "1.5",
			promo.Event{Points: testkit.Dec("62"), Multiplier: testkit.Dec("1.5"), Program: "juntos_somos_mais", Professional: lyProA,
				Weights: lyWeights("1", "37.50", "2", "79.60", "4", "8.35")}},
		// loja-sul base 208 (see TestProgramTables): 208 x 2 = 416; weights
		// 37.50 x 3 = 112.50, 39.80 x 2 = 79.60, 8.35 x 2 = 16.70.
		{"triple in another store", "loja-sul", lyProB, lyProgram(), "3",
			promo.Event{Points: testkit.Dec("416"), Multiplier: testkit.Dec("3"), Program: "juntos_somos_mais", Professional: lyProB,
				Weights: lyWeights("1", "112.50", "2", "79.60", "4", "16.70")}},
		{"no professional: the multiplier only", "loja-centro", br.TaxID{}, lyProgram(), "2",
			promo.Event{Multiplier: testkit.Dec("2")}},
		{"no program: the multiplier only", "loja-centro", lyProA, nil, "2",
			promo.Event{Multiplier: testkit.Dec("2")}},
		// Decision: without a table for the store the base cannot be
		// computed; the host's own program gets the multiplier.
		{"no table for the store: the multiplier only", "loja-oeste", lyProA, onlyCentro, "2",
			promo.Event{Multiplier: testkit.Dec("2")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lyOff{id: "camp", phase: promo.PhaseSale}
			promos := []promo.Promotion{c, bnBonus(c, "", tt.multiplier, tt.program)}
			if tt.program != nil {
				promos = append(promos, tt.program)
			}
			res := lyEval(t, lyCart("s1", tt.store, tt.professional, lyMixedLines()...), promos...)
			want := tt.want
			want.Kind, want.Campaign, want.Customer = promo.EventPoints, "camp", "tok-s1"
			if diff := cmp.Diff([]promo.Event{want}, bnCampaignEvents(res, "camp"), testkit.EquateDecimals()); diff != "" {
				t.Errorf("bonus events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBonusOnValuesAfterDiscounts(t *testing.T) {
	// The campaign itself takes 10.00 off line 1 (TIGRE 37.50 -> 27.50):
	// loja-centro base 27.50 + 79.60 + 8.35 = 115.45 -> 115; double: 115
	// more, the same as the program's own event.
	c := lyOff{id: "camp", phase: promo.PhaseItem, line: 0, amount: testkit.Dec("10.00")}
	res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), c, bnBonus(c, "", "2", lyProgram()), lyProgram())
	got := map[string]decimal.Decimal{}
	weights := map[string][]promo.LineWeight{}
	for _, e := range lyPoints(res) {
		got[e.Campaign] = e.Points
		weights[e.Campaign] = e.Weights
	}
	want := map[string]decimal.Decimal{"camp": testkit.Dec("115"), loyalty.ProgramID: testkit.Dec("115")}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("points by campaign (-want +got):\n%s", diff)
	}
	// Both weigh the lines at the earning phase: 27.50, 79.60, 8.35.
	w := lyWeights("1", "27.50", "2", "79.60", "4", "8.35")
	if diff := cmp.Diff(map[string][]promo.LineWeight{"camp": w, loyalty.ProgramID: w}, weights, testkit.EquateDecimals()); diff != "" {
		t.Errorf("weights by campaign (-want +got):\n%s", diff)
	}
}

// TestBonusPointsComeBack returns a sale whose campaigns granted points: a
// multiplier bonus comes back with the lines the program scored (its
// weights), a fixed bonus, which has no weights, in proportion to the
// refunded share of the sale's net.
func TestBonusPointsComeBack(t *testing.T) {
	fixo := lyOff{id: "fixo", phase: promo.PhaseItem, occ: 1}
	dobro := lyOff{id: "dobro", phase: promo.PhaseItem, occ: 1}
	// loja-norte: Tigre 40.00 x 0.5 = 20.00 -> 20 base points (the only
	// weight); Votoran 60.00 scores nothing; net 100.00. The program gives
	// 20, "dobro" 20 x (2 - 1) = 20 with the same weight, "fixo" 10.
	res := lyEval(t, lyCart("s1", "loja-norte", lyProA, lyLine("1", "Tigre", "1", "40.00"), lyLine("2", "Votoran", "1", "60.00")),
		lyProgram(), fixo, bnBonus(fixo, "10", "", lyProgram()), dobro, bnBonus(dobro, "", "2", lyProgram()))
	ids := map[string]string{}
	sale := map[string]decimal.Decimal{}
	for _, e := range lyPoints(res) {
		ids[e.Campaign], sale[e.Campaign] = e.ID, e.Points
	}
	if diff := cmp.Diff(map[string]decimal.Decimal{loyalty.ProgramID: testkit.Dec("20"), "dobro": testkit.Dec("20"), "fixo": testkit.Dec("10")}, sale, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("the sale's points (-want +got):\n%s", diff)
	}
	back := func(earlier, now []refund.Returned) map[string]decimal.Decimal {
		r, err := refund.Of(res, earlier, now)
		if err != nil {
			t.Fatalf("Refund: %v", err)
		}
		out := map[string]decimal.Decimal{}
		for _, e := range r.Events {
			if e.Kind != promo.EventPointsReversed || ids[e.Campaign] != e.Reverses {
				t.Errorf("unexpected event %+v", e)
			}
			out[e.Campaign] = e.Points
		}
		return out
	}
	votoran := []refund.Returned{{Line: "2", Quantity: testkit.Dec("1")}}
	// Votoran back (60.00 of 100.00): the program and "dobro" weigh nothing
	// on it, nothing back; "fixo" 10 x 60.00/100.00 = 6.
	if diff := cmp.Diff(map[string]decimal.Decimal{"fixo": testkit.Dec("6")}, back(nil, votoran), testkit.EquateDecimals()); diff != "" {
		t.Errorf("Votoran back (-want +got):\n%s", diff)
	}
	// Then Tigre: everything is back, the rest of each: 20, 20, 10 - 6 = 4.
	want := map[string]decimal.Decimal{loyalty.ProgramID: testkit.Dec("20"), "dobro": testkit.Dec("20"), "fixo": testkit.Dec("4")}
	if diff := cmp.Diff(want, back(votoran, []refund.Returned{{Line: "1", Quantity: testkit.Dec("1")}}), testkit.EquateDecimals()); diff != "" {
		t.Errorf("then Tigre back (-want +got):\n%s", diff)
	}
}
