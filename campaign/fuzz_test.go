package campaign_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// fuzzCart is a small fixed cart the seed rulesets' conditions refer to: whole
// units, a weighed line, categories at two levels.
func fuzzCart(t *testing.T) promo.Cart {
	d := decimal.RequireFromString
	return promo.Cart{
		ID: "sale-fuzz", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "P1", SKU: "P1-A", Category: "mercearia/graos/arroz", Quantity: d("2"), UnitPrice: d("10.00")},
			{ID: "2", ProductCode: "P2", SKU: "P2-A", Category: "hortifruti/frutas", Quantity: d("0.735"), Weighed: true, UnitPrice: d("29.90")},
			{ID: "3", ProductCode: "P3", SKU: "P3-B", Category: "bebidas/cervejas", Quantity: d("6"), UnitPrice: d("4.99")},
			{ID: "4", ProductCode: "P4", SKU: "P4-A", Category: "vestuario/meias", Quantity: d("1"), UnitPrice: d("199.90")},
		},
	}
}

// fuzzSeeds are valid and invalid ruleset documents.
var fuzzSeeds = []string{
	// valid: 10 % off the sale above R$ 200
	`{"version": 1, "campaigns": [{"id": "acima-200", "name": "Acima de 200 ganhe 10", "start": "2026-11-01T00:00:00-03:00",
	  "no_activation_rules": true, "min_value": "200.00", "benefit": {"on": "sale", "percent": "10"}}]}`,
	// valid: leve 3 pague 2 on a category, capped at one repetition
	`{"version": 1, "campaigns": [{"id": "cerveja-3x2", "name": "Cerveja leve 3 pague 2", "start": "2026-11-01",
	  "end": "2026-11-30", "rules": {"conditions": [{"kind": "category", "values": ["bebidas"]}]},
	  "max_repetitions": 1, "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`,
	// valid: final price on the most expensive of two units, truncate rounding
	`{"version": 1, "settings": {"rounding": "truncate", "time_zone": "America/Manaus"}, "campaigns": [{"id": "fp",
	  "name": "Preço final", "start": "2026-11-01T00:00", "rules": {"match": "any", "conditions": [
	  {"kind": "product_code", "values": ["P1", "P4"]}, {"kind": "sku", "values": ["P3-B"], "require": "all"}]},
	  "min_quantity": 2, "benefit": {"on": "items", "final_price": 5.5, "apply_to": "highest"}}]}`,
	// valid: two non-cumulative campaigns and a cumulative one, categories
	`{"version": 1, "categories": [{"id": "black-friday", "name": "Black Friday"}], "campaigns": [
	  {"id": "a", "name": "A", "start": "2026-11-01", "category": "black-friday", "non_cumulative": true,
	   "no_activation_rules": true, "benefit": {"on": "sale", "amount": "30"}},
	  {"id": "b", "name": "B", "priority": 1, "start": "2026-11-01", "non_cumulative": true,
	   "rules": {"conditions": [{"kind": "category", "values": ["mercearia", "vestuario/meias"], "require": "all"}]},
	   "benefit": {"on": "items", "percent": 15}},
	  {"id": "c", "name": "C", "start": "2026-11-01", "funded_by": "fornecedor",
	   "rules": {"conditions": [{"kind": "product_code", "values": ["P2"]}]},
	   "benefit": {"on": "items", "amount": "0.50", "apply_to": "lowest"}}]}`,
	// valid: nothing to discount (final price above the price), not started
	`{"version": 1, "campaigns": [{"id": "caro", "name": "Caro", "start": "2026-11-01",
	  "rules": {"conditions": [{"kind": "sku", "values": ["P1-A"]}]}, "benefit": {"on": "items", "final_price": "99"}},
	  {"id": "futuro", "name": "Futuro", "start": "2026-12-01", "no_activation_rules": true,
	   "benefit": {"on": "sale", "percent": "100"}}]}`,
	// invalid: unknown field and a wrong type
	`{"version": 1, "campaigns": [{"id": "x", "name": "X", "start": "2026-11-01", "no_activation_rules": true,
	  "discount": 10, "priority": "high", "benefit": {"on": "sale", "percent": "10"}}]}`,
	// invalid: malformed JSON
	`{"version": 1, "campaigns": [{"id": "x",`,
	// invalid: percent out of range, negative priority, no name, sale with free units
	`{"version": 1, "campaigns": [{"id": "x", "priority": -1, "start": "2026-11-01", "no_activation_rules": true,
	  "max_repetitions": 2, "benefit": {"on": "sale", "percent": "150", "free_units": {"buy": 1, "pay": 1}}}]}`,
	// invalid: end before start, impossible date, unknown zone, duplicate ids
	`{"version": 1, "settings": {"time_zone": "America/Atlantis"}, "campaigns": [
	  {"id": "d", "name": "D", "start": "2026-11-10", "end": "2026-11-01", "no_activation_rules": true, "benefit": {"on": "sale", "amount": "1"}},
	  {"id": "d", "name": "D2", "start": "2026-02-30", "rules": {"conditions": []}, "benefit": {"on": "items"}}]}`,
	// invalid: wrong version, unknown rounding, unknown kind and match
	`{"version": 2, "settings": {"rounding": "up"}, "campaigns": [{"id": "k", "name": "K", "start": "2026-11-01",
	  "rules": {"match": "xor", "conditions": [{"kind": "brand", "values": [""]}]}, "benefit": {"on": "cart", "percent": "5"}}]}`,
	// edge: empty input, null, an array
	``,
	`null`,
	`[]`,
}

// fuzzCheckValidation fails unless err is a *promo.ValidationError with at
// least one problem, each with a reason.
func fuzzCheckValidation(t *testing.T, step string, err error) {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: error %T %v, want a *promo.ValidationError", step, err, err)
	}
	if len(ve.Problems) == 0 {
		t.Fatalf("%s: *promo.ValidationError with no problem", step)
	}
	for i, p := range ve.Problems {
		if p.Reason == "" {
			t.Errorf("%s: problem %d (path %q) has no reason", step, i, p.Path)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		def, err := campaign.Decode(data)
		if err != nil {
			fuzzCheckValidation(t, "Decode", err)
			return
		}
		rs, err := campaign.Compile(def)
		if err != nil {
			fuzzCheckValidation(t, "Compile", err)
			return
		}
		cart := fuzzCart(t)
		res := promotest.Evaluate(t, cart, rs)
		if len(res.Lines) != len(cart.Lines) {
			t.Fatalf("%d result lines for %d cart lines", len(res.Lines), len(cart.Lines))
		}
		for _, l := range res.Lines {
			if l.Discount.Sign() < 0 || l.Discount.GreaterThan(l.Gross) {
				t.Errorf("line %s: discount %s not within [0, gross %s]", l.ID, l.Discount, l.Gross)
			}
			if !l.Net.Equal(l.Gross.Sub(l.Discount)) {
				t.Errorf("line %s: net %s != gross %s - discount %s", l.ID, l.Net, l.Gross, l.Discount)
			}
		}
	})
}
