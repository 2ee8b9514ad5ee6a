package loyalty_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
)

// lyAddRuleset: the points program (loja-centro 1 point per real, Tigre 2;
// loja-unidade 3 points per unit, Amanco 5 per unit), a 10 % campaign on
// Tigre and a double-points campaign on hidraulica.
const lyAddRuleset = `{
  "version": 1,
  "campaigns": [
    {"id": "tigre-10", "name": "Tigre 10%", "start": "2026-11-01",
     "rules": {"conditions": [{"kind": "brand", "values": ["Tigre"]}]}, "benefit": {"on": "items", "percent": "10"}},
    {"id": "dobro", "name": "Pontos em dobro na hidráulica", "start": "2026-11-01",
     "rules": {"conditions": [{"kind": "category", "values": ["hidraulica"]}]}, "extras": {"points": {"multiplier": "2"}}}
  ],
  "loyalty": {"juntos_somos_mais": {"brands": ["Tigre", "Amanco"], "tables": [
    {"store": "loja-centro", "points_per_real": "1", "brands": {"Tigre": "2"}},
    {"store": "loja-unidade", "points_per_unit": "3", "brands": {"Amanco": "5"}}
  ]}}
}`

// lyAddCart: Tigre 2 x 25.00 = 50.00 (hidraulica), Amanco 3 x 10.00 =
// 30.00 (hidraulica), Votoran 1 x 40.00 (not participating).
func lyAddCart(store string) promo.Cart {
	return promo.Cart{ID: "pedido-77", Time: testkit.SaleTime(), Store: promo.Store{ID: store}, Customer: &promo.Customer{ID: "tok-cli"},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "TUBO", Brand: "Tigre", Category: "hidraulica", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("25.00")},
			{ID: "2", ProductCode: "JOELHO", Brand: "Amanco", Category: "hidraulica", Quantity: testkit.Dec("3"), UnitPrice: testkit.Dec("10.00")},
			{ID: "3", ProductCode: "CIMENTO", Brand: "Votoran", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("40.00")},
		}}
}

func TestAddProfessionalScoresASaleWithoutCPF(t *testing.T) {
	rs := campaign.MustLoad([]byte(lyAddRuleset))
	for _, tt := range []struct {
		store       string
		base, bonus string
	}{
		// loja-centro, per real: Tigre 50.00 - 10% = 45.00 at 2 = 90;
		// Amanco 30.00 at 1 = 30; 120 points; double points: 120 more.
		{"loja-centro", "120", "120"},
		// loja-unidade, per unit: Tigre 2 units at 3 = 6; Amanco 3 at 5 =
		// 15; 21 points, and 21 more.
		{"loja-unidade", "21", "21"},
	} {
		t.Run(tt.store, func(t *testing.T) {
			cart := lyAddCart(tt.store)
			res := promotest.Evaluate(t, cart, rs)
			got, err := loyalty.AddProfessional(rs, cart, res, lyProA)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 {
				t.Fatalf("got %d events, want the program's and the bonus: %+v", len(got), got)
			}
			if got[0].Campaign != loyalty.ProgramID || !got[0].Points.Equal(testkit.Dec(tt.base)) || got[0].Professional != lyProA || got[0].Customer != "tok-cli" {
				t.Errorf("program event %+v, want %s points for %s", got[0], tt.base, lyProA)
			}
			if got[1].Campaign != "dobro" || !got[1].Points.Equal(testkit.Dec(tt.bonus)) || got[1].Professional != lyProA {
				t.Errorf("bonus event %+v, want %s points of dobro for %s", got[1], tt.bonus, lyProA)
			}
			// The same sale evaluated with the CPF gives the same program
			// event, id included, and the same bonus points.
			cart.Professional = lyProA
			again := promotest.Evaluate(t, cart, rs)
			var prog, bonus promo.Event
			for _, e := range again.Events {
				switch {
				case e.Kind == promo.EventPoints && e.Campaign == loyalty.ProgramID:
					prog = e
				case e.Kind == promo.EventPoints && e.Campaign == "dobro":
					bonus = e
				}
			}
			if diff := cmp.Diff(prog, got[0], testkit.EquateDecimals()); diff != "" {
				t.Errorf("program event (-evaluated with the CPF +added later):\n%s", diff)
			}
			if !bonus.Points.Equal(got[1].Points) || bonus.Professional != got[1].Professional {
				t.Errorf("bonus evaluated with the CPF %+v, added later %+v", bonus, got[1])
			}
			if got[1].ID == bonus.ID {
				t.Errorf("the added bonus reuses the id %s of the sale's own bonus event (multiplier only): the host would drop it", got[1].ID)
			}
		})
	}
}

func TestAddProfessionalRefuses(t *testing.T) {
	rs := campaign.MustLoad([]byte(lyAddRuleset))
	cart := lyAddCart("loja-centro")
	res := promotest.Evaluate(t, cart, rs)
	noProgram := campaign.MustLoad([]byte(`{"version": 1, "campaigns": []}`))
	withCPF := cart
	withCPF.Professional = lyProB
	other := res
	other.CartID = "outro"
	cnpj := br.MustParseTaxID("11.222.333/0001-81")
	for name, call := range map[string]func() ([]promo.Event, error){
		"no program":     func() ([]promo.Event, error) { return loyalty.AddProfessional(noProgram, cart, res, lyProA) },
		"a CNPJ":         func() ([]promo.Event, error) { return loyalty.AddProfessional(rs, cart, res, cnpj) },
		"no CPF":         func() ([]promo.Event, error) { return loyalty.AddProfessional(rs, cart, res, br.TaxID{}) },
		"already a CPF":  func() ([]promo.Event, error) { return loyalty.AddProfessional(rs, withCPF, res, lyProA) },
		"another result": func() ([]promo.Event, error) { return loyalty.AddProfessional(rs, cart, other, lyProA) },
		"a nil ruleset":  func() ([]promo.Event, error) { return loyalty.AddProfessional(nil, cart, res, lyProA) },
	} {
		if evs, err := call(); err == nil {
			t.Errorf("%s: no error, events %+v", name, evs)
		}
	}
	// A store without a table: nothing to score, no error.
	cart.Store.ID = "loja-sem-tabela"
	res = promotest.Evaluate(t, cart, rs)
	if evs, err := loyalty.AddProfessional(rs, cart, res, lyProA); err != nil || len(evs) != 0 {
		t.Errorf("store without a table: events %+v, error %v; want none", evs, err)
	}
}
