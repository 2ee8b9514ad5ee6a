package campaign_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Privacy (LGPD: only what the purpose needs): events identify the
// customer by the host's opaque token, never by CPF; the professional's
// CPF goes only into the Juntos Somos Mais points events, which need it to
// score; the buyer's CPF goes into no event at all.

// pvBuyer and pvPro are the CPFs of the sale, with every form they could
// leak in: digits only and punctuated.
var (
	pvBuyer = br.MustParseTaxID("111.444.777-35")
	pvPro   = br.MustParseTaxID("390.533.447-05")
)

// pvRuleset uses everything that makes events: a campaign for the buyer's
// CPF with a per-customer limit (activation and counters) issuing a code
// for a later purchase, a promotional code redeemed, cashback earned and
// redeemed from the wallet, the points program, and bonus points fixed and
// by multiplier.
const pvRuleset = `{
  "version": 1,
  "settings": {"cashback_redemption": "discount"},
  "groupings": [{"id": "clientes-vip", "kind": "customer", "members": ["111.444.777-35"]}],
  "campaigns": [
    {"id": "vip", "name": "Cliente VIP 5%", "start": "2026-11-01",
     "rules": {"match": "all", "conditions": [
       {"kind": "customer_tax_id", "values": ["111.444.777-35"]},
       {"kind": "customer_grouping", "grouping": "clientes-vip"}]},
     "limits": [{"scope": "customer", "count": "sale", "max": 3, "period": "month"}],
     "benefit": {"on": "items", "percent": "5"},
     "extras": {"issue_code": {"prefix": "VOLTE", "secret": "segredo-de-teste-0123", "valid_days": 30, "unlocks": "cupom"}}},
    {"id": "cupom", "name": "Cupom R$ 5", "start": "2026-11-01",
     "rules": {"match": "any", "conditions": [{"kind": "promo_code", "codes": {"list": ["BEMVINDO"]}},
       {"kind": "promo_code", "issued_by": "vip"}]},
     "benefit": {"on": "sale", "amount": "5.00"}},
    {"id": "cashback-10", "name": "Cashback 10%", "start": "2026-11-01", "no_activation_rules": true,
     "extras": {"cashback": {"kind": "percent", "value": "10", "usage_limit_days": 60}}},
    {"id": "dobro", "name": "Pontos em dobro", "start": "2026-11-01", "no_activation_rules": true,
     "extras": {"points": {"multiplier": "2"}}},
    {"id": "fixo", "name": "Ganhe 15 pontos", "start": "2026-11-01", "no_activation_rules": true,
     "extras": {"points": {"fixed": "15"}}}
  ],
  "loyalty": {"juntos_somos_mais": {"brands": ["Tigre", "Amanco"], "tables": [{"store": "*", "points_per_real": "1"}]}}
}`

const pvCart = `{
  "id": "sale-privacy",
  "time": "2026-11-21T10:15:00-03:00",
  "store": {"id": "loja-centro"},
  "customer": {"id": "tok-privacy", "tax_id": "111.444.777-35", "birth_date": "1980-05-17", "lgpd_consent": true,
               "captured": {"name": "Maria", "email": "maria@example.com"}},
  "professional": "390.533.447-05",
  "promo_codes": ["BEMVINDO"],
  "payments": [{"tender": "credit", "amount": "100.00", "bin": "411111"}],
  "wallet": [{"id": "cred-1", "campaign": "cashback-10", "remaining": "8.00",
              "earned_at": "2026-10-01T09:00:00-03:00", "store": "loja-centro",
              "available_from": "2026-10-01T09:00:00-03:00", "expires_at": "2026-12-31T23:59:59-03:00"}],
  "lines": [
    {"id": "1", "product_code": "T1", "brand": "Tigre", "quantity": "3", "unit_price": "25.00"},
    {"id": "2", "product_code": "A1", "brand": "Amanco", "quantity": "1", "unit_price": "40.00"},
    {"id": "3", "product_code": "V1", "brand": "Votoran", "quantity": "2", "unit_price": "38.90"}
  ]
}`

// pvForms are the strings a CPF could appear as.
func pvForms(id br.TaxID) []string { return []string{id.String(), id.Format()} }

// pvLeaks returns the forms of the given CPFs found in v's JSON.
func pvLeaks(t *testing.T, v any, ids ...br.TaxID) []string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, id := range ids {
		for _, f := range pvForms(id) {
			if strings.Contains(string(data), f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// pvIsProgramPoints reports whether an event is one of the points
// program's own, which carry the professional's CPF.
func pvIsProgramPoints(e promo.Event) bool {
	return (e.Kind == promo.EventPoints || e.Kind == promo.EventPointsReversed) && e.Program == loyalty.JuntosSomosMais
}

func pvCheckEvents(t *testing.T, what string, events []promo.Event) {
	t.Helper()
	for _, e := range events {
		if pvIsProgramPoints(e) {
			if leaks := pvLeaks(t, e, pvBuyer); len(leaks) > 0 {
				t.Errorf("%s: program event %s %s carries the buyer's CPF (%v)", what, e.Kind, e.Campaign, leaks)
			}
			if e.Professional != pvPro {
				t.Errorf("%s: program event %s %s scores %q, want the professional %s", what, e.Kind, e.Campaign, e.Professional, pvPro)
			}
		} else if leaks := pvLeaks(t, e, pvBuyer, pvPro); len(leaks) > 0 {
			t.Errorf("%s: event %s of %s carries a CPF (%v): %+v", what, e.Kind, e.Campaign, leaks, e)
		}
		if e.Customer != "tok-privacy" {
			t.Errorf("%s: event %s of %s identifies the customer as %q, want the token", what, e.Kind, e.Campaign, e.Customer)
		}
	}
}

func TestPrivacyCheckFindsLeaks(t *testing.T) {
	// The check itself must be able to fail: a CPF in any field, in either
	// form, is found.
	for _, e := range []promo.Event{
		{Kind: promo.EventActivation, Customer: pvBuyer.String()},
		{Kind: promo.EventCodeIssued, Code: "X" + pvBuyer.Format()},
		{Kind: promo.EventCashbackEarned, Professional: pvPro},
		{Kind: promo.EventCashbackRedeemed, Credit: "cred-" + pvPro.String()},
	} {
		if len(pvLeaks(t, e, pvBuyer, pvPro)) == 0 {
			t.Errorf("no leak found in %+v", e)
		}
	}
	if leaks := pvLeaks(t, promo.Event{Kind: promo.EventActivation, Customer: "tok-privacy"}, pvBuyer, pvPro); len(leaks) != 0 {
		t.Errorf("leaks found in a clean event: %v", leaks)
	}
}

func TestPrivacyEventsCarryNoCPF(t *testing.T) {
	rs := promotest.Load(t, pvRuleset)
	cart, err := promo.DecodeCart([]byte(pvCart))
	if err != nil {
		t.Fatalf("DecodeCart: %v", err)
	}
	res := promotest.Evaluate(t, cart, rs)
	// The sale must really make every kind of event the test is about, or
	// it proves nothing: activation (with counters), code redeemed, code
	// issued, cashback earned and redeemed, the program's points, a fixed
	// bonus (the customer's) and a multiplier bonus (the program's).
	kinds := map[string]int{}
	for _, e := range res.Events {
		k := e.Kind.String()
		if e.Kind == promo.EventPoints {
			k += "/" + e.Campaign
		}
		kinds[k]++
		if len(e.Counters) > 0 {
			kinds["counters"]++
		}
	}
	for _, k := range []string{"activation", "counters", "code_redeemed", "code_issued", "cashback_earned", "cashback_redeemed",
		"points/" + loyalty.ProgramID, "points/dobro", "points/fixo"} {
		if kinds[k] == 0 {
			t.Errorf("the sale makes no %s event (events: %v)", k, kinds)
		}
	}
	pvCheckEvents(t, "sale", res.Events)
	for _, e := range res.Events {
		if e.Kind == promo.EventPoints && e.Campaign == "fixo" && !e.Professional.IsZero() {
			t.Errorf("a fixed bonus is the campaign's, for the customer's token: it scores %s", e.Professional)
		}
	}

	t.Run("returns", func(t *testing.T) {
		r, err := refund.Of(res, nil, []refund.Returned{{Line: "1", Quantity: decimal.NewFromInt(1)}, {Line: "3", Quantity: decimal.NewFromInt(1)}})
		if err != nil {
			t.Fatalf("Refund: %v", err)
		}
		if len(r.Events) == 0 {
			t.Fatal("the return reverses nothing")
		}
		pvCheckEvents(t, "return", r.Events)
	})
	t.Run("reassignment", func(t *testing.T) {
		for _, e := range res.Events {
			if e.Kind != promo.EventPoints || e.Campaign != loyalty.ProgramID {
				continue
			}
			other := br.MustParseTaxID("452.718.369-91")
			es, err := loyalty.Reassign(res.CartID, e, other)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range es {
				if leaks := pvLeaks(t, x, pvBuyer); len(leaks) > 0 {
					t.Errorf("reassignment event %s carries the buyer's CPF", x.Kind)
				}
			}
		}
	})
}
