package loyalty_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Helpers shared by the tests of this package (prefix ly).

// Valid CPFs (check digits worked out by hand with the mod-11 rule).
var (
	lyBuyer = br.MustParseTaxID("111.444.777-35")
	lyProA  = br.MustParseTaxID("390.533.447-05")
	lyProB  = br.MustParseTaxID("452.718.369-91")
	lyProC  = br.MustParseTaxID("529.982.247-25")
)

// lyProgram is the program of the scenarios 95 to 103: brands Tigre,
// Amanco, Quartzolit; loja-centro 1 point per real with Quartzolit at 2;
// loja-sul 2 with Tigre at 3; every other store 0.5.
func lyProgram() *loyalty.Program {
	return loyalty.NewProgram([]string{"Tigre", "Amanco", "Quartzolit"}, []loyalty.Table{
		{Store: "loja-centro", PerReal: testkit.Dec("1"), Brands: map[string]decimal.Decimal{"Quartzolit": testkit.Dec("2")}},
		{Store: "loja-sul", PerReal: testkit.Dec("2"), Brands: map[string]decimal.Decimal{"Tigre": testkit.Dec("3")}},
		{Store: "*", PerReal: testkit.Dec("0.5")},
	})
}

func lyLine(id, brand, qty, price string) promo.Line {
	return promo.Line{ID: id, ProductCode: "P" + id, Brand: brand, Quantity: testkit.Dec(qty), UnitPrice: testkit.Dec(price)}
}

// lyMixedLines: TIGRE 3 x 12.50 = 37.50, Quartzolit 2 x 19.90 = 39.80,
// Votoran (not participating) 4 x 38.90 = 155.60, " amanco " 1 x 8.35.
func lyMixedLines() []promo.Line {
	return []promo.Line{
		lyLine("1", "TIGRE", "3", "12.50"),
		lyLine("2", "Quartzolit", "2", "19.90"),
		lyLine("3", "Votoran", "4", "38.90"),
		lyLine("4", " amanco ", "1", "8.35"),
	}
}

func lyCart(id, store string, professional br.TaxID, lines ...promo.Line) promo.Cart {
	return promo.Cart{ID: id, Time: testkit.SaleTime(), Store: promo.Store{ID: store},
		Customer: &promo.Customer{ID: "tok-" + id, TaxID: lyBuyer}, Professional: professional, Lines: lines}
}

func lyEval(t testing.TB, c promo.Cart, promos ...promo.Promotion) promo.Result {
	t.Helper()
	rs := promotest.NewRuleset(t, promo.Settings{}, promos...)
	res := promotest.Evaluate(t, c, rs)
	return res
}

// lyPoints returns the points events of a result.
func lyPoints(res promo.Result) []promo.Event {
	var out []promo.Event
	for _, e := range res.Events {
		if e.Kind == promo.EventPoints {
			out = append(out, e)
		}
	}
	return out
}

// lyCode returns the trace code of a promotion, "" when it has no entry.
func lyCode(res promo.Result, id string) promo.ReasonCode {
	e, ok := res.TraceFor(id)
	if !ok {
		return ""
	}
	return e.Code()
}

// lyOff is a stand-in campaign for the tests: it applies (or not) with the
// given occurrences, taking amount off one line (nothing when zero).
type lyOff struct {
	id     string
	phase  promo.Phase
	line   int
	amount decimal.Decimal
	occ    int
	fail   bool
}

func (o lyOff) Info() promo.Info {
	return promo.Info{ID: o.id, Name: "campanha " + o.id, Phase: o.phase, Priority: 3, Start: testkit.SaleTime().AddDate(0, -1, 0)}
}

func (o lyOff) Keys() promo.Keys { return promo.Keys{CartWide: true} }

func (o lyOff) Apply(v *promo.View) promo.Proposal {
	if o.fail {
		return promo.NotEligible()
	}
	p := promo.Proposal{Eligible: true, Occurrences: o.occ, RecordOnly: true}
	if !o.amount.IsZero() {
		p.Adjustments = []promo.Proposed{{Line: o.line, Kind: promo.ItemDiscount, Amount: o.amount}}
	}
	return p
}

func TestProgramInfo(t *testing.T) {
	in := lyProgram().Info()
	got := promo.Info{ID: in.ID, Name: in.Name, Phase: in.Phase, Priority: in.Priority, Start: in.Start, End: in.End,
		Program: in.Program, PartOf: in.PartOf, Exclusive: in.Exclusive}
	want := promo.Info{ID: "loyalty/juntos_somos_mais", Name: "Juntos Somos Mais", Phase: promo.PhaseEarning, Program: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Info (-want +got):\n%s", diff)
	}
	if loyalty.ProgramID != want.ID || loyalty.JuntosSomosMais != "juntos_somos_mais" {
		t.Errorf("ProgramID %q, JuntosSomosMais %q", loyalty.ProgramID, loyalty.JuntosSomosMais)
	}
	if !lyProgram().Keys().CartWide {
		t.Error("the program must look at every cart")
	}
}

// lyWeights builds the weights of an earning from line id, weight pairs.
func lyWeights(pairs ...string) []promo.LineWeight {
	var out []promo.LineWeight
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, promo.LineWeight{Line: pairs[i], Weight: testkit.Dec(pairs[i+1])})
	}
	return out
}

func TestProgramTables(t *testing.T) {
	// The weights are what each scoring line counted, value x rate, in
	// line-id order; Votoran (line 3) does not score and has none.
	tests := []struct {
		store   string
		want    string
		weights []promo.LineWeight
		why     string
	}{
		{"loja-centro", "125", lyWeights("1", "37.50", "2", "79.60", "4", "8.35"),
			"37.50 x 1 + 39.80 x 2 + 8.35 x 1 = 37.50 + 79.60 + 8.35 = 125.45 -> 125 (Votoran scores nothing)"},
		{"loja-sul", "208", lyWeights("1", "112.50", "2", "79.60", "4", "16.70"),
			"37.50 x 3 + 39.80 x 2 + 8.35 x 2 = 112.50 + 79.60 + 16.70 = 208.80 -> 208"},
		{"loja-norte", "42", lyWeights("1", "18.75", "2", "19.90", "4", "4.175"),
			"no own table, *: 37.50 x 0.5 + 39.80 x 0.5 + 8.35 x 0.5 = 18.75 + 19.90 + 4.175 = 42.825 -> 42 (Quartzolit's 2 is loja-centro's)"},
		{"", "42", lyWeights("1", "18.75", "2", "19.90", "4", "4.175"), "a cart without a store id takes * too"},
	}
	for _, tt := range tests {
		t.Run(tt.store, func(t *testing.T) {
			res := lyEval(t, lyCart("s1", tt.store, lyProA, lyMixedLines()...), lyProgram())
			pts := lyPoints(res)
			if len(pts) != 1 {
				t.Fatalf("want one points event, got %+v", res.Events)
			}
			if !pts[0].Points.Equal(testkit.Dec(tt.want)) {
				t.Errorf("points: want %s (%s), got %s", tt.want, tt.why, pts[0].Points)
			}
			if diff := cmp.Diff(tt.weights, pts[0].Weights, testkit.EquateDecimals()); diff != "" {
				t.Errorf("weights (%s) (-want +got):\n%s", tt.why, diff)
			}
			if c := lyCode(res, loyalty.ProgramID); c != promo.ReasonApplied {
				t.Errorf("trace: want applied, got %q", c)
			}
		})
	}
}

func TestProgramEvent(t *testing.T) {
	res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), lyProgram())
	if len(res.Events) != 1 {
		t.Fatalf("want the points event alone (a program has no activation event), got %+v", res.Events)
	}
	if len(res.Applied) != 0 {
		t.Errorf("a program is not listed in Applied, got %+v", res.Applied)
	}
	e := res.Events[0]
	e.ID = ""
	// 37.50 x 1 + 39.80 x 2 + 8.35 x 1 = 125.45 -> 125; each scoring line
	// weighs its value x rate: 37.50, 79.60, 8.35 (Votoran, line 3, none).
	want := promo.Event{Kind: promo.EventPoints, Campaign: loyalty.ProgramID, Customer: "tok-s1", Points: testkit.Dec("125"),
		Program: loyalty.JuntosSomosMais, Professional: lyProA, Weights: lyWeights("1", "37.50", "2", "79.60", "4", "8.35")}
	if diff := cmp.Diff(want, e, testkit.EquateDecimals()); diff != "" {
		t.Errorf("event (-want +got):\n%s", diff)
	}

	t.Run("the same sale again gives the same id", func(t *testing.T) {
		again := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), lyProgram())
		if res.Events[0].ID == "" || again.Events[0].ID != res.Events[0].ID {
			t.Errorf("ids %q and %q", res.Events[0].ID, again.Events[0].ID)
		}
		other := lyEval(t, lyCart("s2", "loja-centro", lyProA, lyMixedLines()...), lyProgram())
		if other.Events[0].ID == res.Events[0].ID {
			t.Errorf("two sales share the event id %q", other.Events[0].ID)
		}
	})
}

func TestProgramNotEligible(t *testing.T) {
	onlyCentro := loyalty.NewProgram([]string{"Tigre"}, []loyalty.Table{{Store: "loja-centro", PerReal: testkit.Dec("1")}})
	tests := []struct {
		name    string
		program *loyalty.Program
		cart    promo.Cart
		want    promo.ReasonCode
	}{
		{"no professional", lyProgram(), lyCart("s1", "loja-centro", br.TaxID{}, lyMixedLines()...), loyalty.ReasonNoProfessional},
		{"no table and no *", onlyCentro, lyCart("s1", "loja-oeste", lyProA, lyMixedLines()...), loyalty.ReasonNoTable},
		// Votoran 2 x 38.90 scores nothing; Tigre 1 x 0.90 is 0.90 point,
		// rounded down to 0; a line without a brand scores nothing.
		{"nothing worth a point", lyProgram(), lyCart("s1", "loja-centro", lyProA,
			lyLine("1", "Votoran", "2", "38.90"), lyLine("2", "Tigre", "1", "0.90"), lyLine("3", "", "1", "5.00")), loyalty.ReasonNoPoints},
		{"no participating brand", lyProgram(), lyCart("s1", "loja-sul", lyProA, lyLine("1", "Votoran", "2", "38.90")), loyalty.ReasonNoPoints},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := lyEval(t, tt.cart, tt.program)
			if c := lyCode(res, loyalty.ProgramID); c != tt.want {
				t.Errorf("trace: want %q, got %q", tt.want, c)
			}
			if len(res.Events) != 0 {
				t.Errorf("want no event, got %+v", res.Events)
			}
		})
	}
	if loyalty.ReasonNoProfessional != "professional_cpf_missing" || loyalty.ReasonNoTable != "no_points_table" || loyalty.ReasonNoPoints != "no_points" {
		t.Error("reason codes are stable identifiers")
	}
}

func TestProgramRoundsOnceOverTheSale(t *testing.T) {
	// Table *: 0.25 per real, Tigre 1.5. Tigre weighed 0.735 kg x 39.90 =
	// 29.3265 -> 29.33, x 1.5 = 43.995; Amanco 2 x 4.99 = 9.98 x 0.25 =
	// 2.495. Sum 46.49 -> 46 (rounding each line would give 43 + 2 = 45).
	p := loyalty.NewProgram([]string{"tigre", "AMANCO"}, []loyalty.Table{
		{Store: "*", PerReal: testkit.Dec("0.25"), Brands: map[string]decimal.Decimal{" TIGRE": testkit.Dec("1.5")}},
	})
	weighed := lyLine("1", "Tigre", "0.735", "39.90")
	weighed.Weighed = true
	res := lyEval(t, lyCart("s1", "loja-1", lyProA, weighed, lyLine("2", "Amanco", "2", "4.99")), p)
	pts := lyPoints(res)
	if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec("46")) {
		t.Fatalf("want 46 points, got %+v", pts)
	}
	// The weights are not rounded: 43.995 and 2.495.
	if diff := cmp.Diff(lyWeights("1", "43.995", "2", "2.495"), pts[0].Weights, testkit.EquateDecimals()); diff != "" {
		t.Errorf("weights (-want +got):\n%s", diff)
	}
}

func TestProgramZeroRateWithOverride(t *testing.T) {
	// A table of 0 per real where only Quartzolit scores, at 3: Tigre 37.50
	// x 0 + Quartzolit 39.80 x 3 = 119.40 -> 119; Amanco 8.35 x 0.
	p := loyalty.NewProgram([]string{"Tigre", "Amanco", "Quartzolit"}, []loyalty.Table{
		{Store: "*", PerReal: decimal.Zero, Brands: map[string]decimal.Decimal{"quartzolit": testkit.Dec("3")}},
	})
	res := lyEval(t, lyCart("s1", "loja-1", lyProA, lyMixedLines()...), p)
	pts := lyPoints(res)
	if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec("119")) {
		t.Fatalf("want 119 points, got %+v", pts)
	}
	// Only Quartzolit scores: Tigre and Amanco at 0 per real count nothing
	// and are not among the lines the points came from.
	if diff := cmp.Diff(lyWeights("2", "119.40"), pts[0].Weights, testkit.EquateDecimals()); diff != "" {
		t.Errorf("weights (-want +got):\n%s", diff)
	}
}

func TestProgramOnValuesAfterDiscounts(t *testing.T) {
	// A campaign takes 10.00 off line 1 (TIGRE 37.50 -> 27.50) in the item
	// phase and 7.80 off line 2 in the sale phase (Quartzolit 39.80 ->
	// 32.00). In loja-centro: 27.50 + 32.00 x 2 + 8.35 = 99.85 -> 99.
	res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), lyProgram(),
		lyOff{id: "dez", phase: promo.PhaseItem, line: 0, amount: testkit.Dec("10.00")},
		lyOff{id: "venda", phase: promo.PhaseSale, line: 1, amount: testkit.Dec("7.80")})
	pts := lyPoints(res)
	if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec("99")) {
		t.Fatalf("want 99 points, got %+v", pts)
	}
	// Weights on the values at the earning phase: 27.50 x 1, 32.00 x 2 =
	// 64.00, 8.35 x 1.
	if diff := cmp.Diff(lyWeights("1", "27.50", "2", "64.00", "4", "8.35"), pts[0].Weights, testkit.EquateDecimals()); diff != "" {
		t.Errorf("weights (-want +got):\n%s", diff)
	}
	// The activation events of the campaigns come first and name no CPF.
	for _, e := range res.Events {
		if e.Kind == promo.EventActivation && (!e.Professional.IsZero() || e.Program != "") {
			t.Errorf("activation event %+v names a professional or a program", e)
		}
	}
}

func TestProgramLineOrderDoesNotMatter(t *testing.T) {
	lines := lyMixedLines()
	reversed := []promo.Line{lines[3], lines[2], lines[1], lines[0]}
	a := lyPoints(lyEval(t, lyCart("s1", "loja-sul", lyProA, lines...), lyProgram()))
	b := lyPoints(lyEval(t, lyCart("s1", "loja-sul", lyProA, reversed...), lyProgram()))
	if diff := cmp.Diff(a, b, testkit.EquateDecimals()); diff != "" {
		t.Errorf("points events depend on the line order (-in order +reversed):\n%s", diff)
	}
	t.Run("weights in line-id order", func(t *testing.T) {
		// Ids sort as strings: "10" before "9", whatever the cart's order.
		// loja-centro: Amanco 20.00 x 1, Tigre 10.00 x 1; 30 points.
		res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyLine("9", "Tigre", "1", "10.00"), lyLine("10", "Amanco", "1", "20.00")), lyProgram())
		pts := lyPoints(res)
		if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec("30")) {
			t.Fatalf("want 30 points, got %+v", pts)
		}
		if diff := cmp.Diff(lyWeights("10", "20.00", "9", "10.00"), pts[0].Weights, testkit.EquateDecimals()); diff != "" {
			t.Errorf("weights (-want +got):\n%s", diff)
		}
	})
}

func TestProgramDefinitionErrors(t *testing.T) {
	def := `{"version": 1, "campaigns": [], "loyalty": {"juntos_somos_mais": {
	  "brands": ["Tigre", " "],
	  "tables": [
	    {"store": "loja-1", "points_per_real": "-1"},
	    {"store": "loja-1", "points_per_real": "1", "brands": {"Tigre": "2", " tigre": "-3"}},
	    {"store": "", "points_per_real": "1"}
	  ]}}}`
	_, err := campaign.Load([]byte(def))
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %v", err)
	}
	// Brand names of a table are looked at in sorted order: " tigre" before
	// "Tigre"; the second is the duplicate.
	want := []string{
		"loyalty.juntos_somos_mais.brands[1]",
		"loyalty.juntos_somos_mais.tables[0].points_per_real",
		"loyalty.juntos_somos_mais.tables[1].store",
		"loyalty.juntos_somos_mais.tables[1].brands. tigre",
		"loyalty.juntos_somos_mais.tables[1].brands.Tigre",
		"loyalty.juntos_somos_mais.tables[2].store",
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s\n%v", diff, err)
	}

	t.Run("loyalty without a program", func(t *testing.T) {
		_, err := campaign.Load([]byte(`{"version": 1, "campaigns": [], "loyalty": {}}`))
		if err == nil || !strings.Contains(err.Error(), "loyalty") {
			t.Errorf("want an error at loyalty, got %v", err)
		}
	})
	t.Run("no brands and no tables", func(t *testing.T) {
		_, err := campaign.Load([]byte(`{"version": 1, "campaigns": [], "loyalty": {"juntos_somos_mais": {"brands": [], "tables": []}}}`))
		if !errors.As(err, &ve) {
			t.Fatalf("want a *promo.ValidationError, got %v", err)
		}
		var got []string
		for _, p := range ve.Problems {
			got = append(got, p.Path)
		}
		want := []string{"loyalty.juntos_somos_mais.brands", "loyalty.juntos_somos_mais.tables"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problem paths (-want +got):\n%s", diff)
		}
	})
}

// lyStep is one return of a sale and the points it must take back ("0":
// no reversal).
type lyStep struct {
	line, qty string
	want      string
	why       string
}

// TestProgramPointsComeBackWithTheirLines returns sales step by step
// (refund.Of): the program's points come back in proportion to the
// returned part of the lines they came from, Σ weight x returned/sold over
// Σ weight, truncated to whole points, the whole rest once every scoring
// line is back.
func TestProgramPointsComeBackWithTheirLines(t *testing.T) {
	weighed := lyLine("1", "Tigre", "2", "10.00")
	weighed.Weighed = true
	tests := []struct {
		name  string
		cart  promo.Cart
		sale  string // the sale's points
		steps []lyStep
	}{
		{"a line that did not score takes nothing back",
			// loja-norte: Tigre 40.00 x 0.5 = 20.00 -> 20; Votoran scores nothing.
			lyCart("s1", "loja-norte", lyProA, lyLine("1", "Tigre", "1", "40.00"), lyLine("2", "Votoran", "1", "60.00")), "20",
			[]lyStep{
				{"2", "1", "0", "Votoran weighs nothing: 20 x 0/20 = 0 (by the sale's net it would be 20 x 60/100 = 12)"},
				{"1", "1", "20", "every scoring line is back: the rest, 20"},
			}},
		{"lines at different rates",
			// loja-sul: Tigre 20.00 x 3 = 60.00, Amanco 2 x 10.00 = 20.00 x 2 =
			// 40.00; 100 points.
			lyCart("s1", "loja-sul", lyProA, lyLine("1", "Tigre", "1", "20.00"), lyLine("2", "Amanco", "2", "10.00")), "100",
			[]lyStep{
				{"2", "1", "20", "100 x (40.00 x 1/2) / 100.00 = 20 (by the net it would be 100 x 10/40 = 25)"},
				{"1", "1", "60", "100 x (40.00 x 1/2 + 60.00) / 100.00 = 80, less the 20 taken"},
				{"2", "1", "20", "all back: 100 - 80"},
			}},
		{"truncated to whole points",
			// loja-norte: Tigre 3 x 12.50 = 37.50 x 0.5 = 18.75, Amanco 12.50 x
			// 0.5 = 6.25; 25.00 -> 25 points.
			lyCart("s1", "loja-norte", lyProA, lyLine("1", "Tigre", "3", "12.50"), lyLine("2", "Amanco", "1", "12.50")), "25",
			[]lyStep{
				{"1", "1", "6", "25 x (18.75 x 1/3) / 25.00 = 6.25 -> 6"},
				{"1", "1", "6", "25 x (18.75 x 2/3) / 25.00 = 12.50 -> 12, less 6"},
				{"2", "1", "6", "25 x (12.50 + 6.25) / 25.00 = 18.75 -> 18, less 12"},
				{"1", "1", "7", "all back: 25 - 18"},
			}},
		{"a third of a line is a third of its points",
			// loja-centro: Tigre 3 x 10.00 = 30.00 x 1 = 30.00 -> 30 points.
			lyCart("s1", "loja-centro", lyProA, lyLine("1", "Tigre", "3", "10.00")), "30",
			[]lyStep{
				{"1", "1", "10", "30 x (30.00 x 1/3) / 30.00 = 10 exactly"},
				{"1", "1", "10", "30 x (30.00 x 2/3) / 30.00 = 20, less 10"},
				{"1", "1", "10", "all back: 30 - 20"},
			}},
		{"a weighed line comes back in any part",
			// loja-centro: Tigre 2 kg x 10.00 = 20.00 x 1 -> 20 points.
			lyCart("s1", "loja-centro", lyProA, weighed), "20",
			[]lyStep{
				{"1", "0.5", "5", "20 x (20.00 x 0.5/2) / 20.00 = 5"},
				{"1", "0.25", "2", "20 x (20.00 x 0.75/2) / 20.00 = 7.5 -> 7, less 5"},
				{"1", "1.25", "13", "all back: 20 - 7"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := lyEval(t, tt.cart, lyProgram())
			pts := lyPoints(res)
			if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec(tt.sale)) {
				t.Fatalf("want one event of %s points, got %+v", tt.sale, pts)
			}
			var earlier []refund.Returned
			for k, st := range tt.steps {
				now := []refund.Returned{{Line: st.line, Quantity: testkit.Dec(st.qty)}}
				r, err := refund.Of(res, earlier, now)
				if err != nil {
					t.Fatalf("step %d: Refund: %v", k, err)
				}
				var want []promo.Event
				if st.want != "0" {
					want = []promo.Event{{Kind: promo.EventPointsReversed, Campaign: loyalty.ProgramID, Customer: tt.cart.Customer.ID,
						Points: testkit.Dec(st.want), Program: loyalty.JuntosSomosMais, Professional: lyProA, Reverses: pts[0].ID}}
				}
				var got []promo.Event
				for _, e := range r.Events {
					e.ID = ""
					got = append(got, e)
				}
				if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
					t.Errorf("step %d, %s of line %s: %s (-want +got):\n%s", k, st.qty, st.line, st.why, diff)
				}
				earlier = append(earlier, now...)
			}
		})
	}
}
