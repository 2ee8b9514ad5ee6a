package promo_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

const explainRuleset = `{"version": 1, "campaigns": [
	{"id": "acima-100", "name": "R$ 20 off acima de R$ 100", "start": "2026-11-01", "no_activation_rules": true,
	 "min_value": "100.00", "benefit": {"on": "sale", "amount": "20.00"}},
	{"id": "meias-3x2", "name": "Meias leve 3 pague 2", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["M"]}]},
	 "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}},
	{"id": "perfume-10", "name": "10% em perfumes", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["PERF"]}]},
	 "benefit": {"on": "items", "percent": "10"}},
	{"id": "natal", "name": "Natal", "start": "2025-12-01", "end": "2025-12-25", "no_activation_rules": true,
	 "benefit": {"on": "sale", "percent": "5"}},
	{"id": "cb", "name": "Cashback de R$ 5", "start": "2026-11-01", "no_activation_rules": true,
	 "extras": {"cashback": {"kind": "fixed", "value": "5.00"}}}
]}`

const explainCart = `{"id": "sale-x", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "lines": [
	{"id": "1", "product_code": "M", "quantity": "2", "unit_price": "15.00"},
	{"id": "2", "product_code": "J", "quantity": "1", "unit_price": "57.70"}]}`

// TestExplain: Explain answers for every campaign named, those the index
// set aside included, with what the cart lacks and what it would unlock,
// whatever the near-miss thresholds (this ruleset has none).
func TestExplain(t *testing.T) {
	rs := campaign.MustLoad([]byte(explainRuleset))
	cart, err := promo.DecodeCart([]byte(explainCart))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := promo.Explain(cart, rs, "perfume-10", "acima-100", "meias-3x2", "natal", "cb/cashback")
	if err != nil {
		t.Fatal(err)
	}
	type answer struct {
		Campaign string
		Code     promo.ReasonCode
		Missing  *promo.Shortfall
	}
	var got []answer
	for _, e := range ex.Entries {
		got = append(got, answer{e.Campaign, e.Code(), e.Reasons[0].Missing})
	}
	want := []answer{
		{"perfume-10", promo.ReasonNoMatchingItem, nil},
		// 87.70 of 100.00: 12.30 more, like line 1 (the cheapest), unlocks 20.00.
		{"acima-100", promo.ReasonMinValue, &promo.Shortfall{Amount: *testkit.DecPtr("12.30"), Like: "1", Unlocks: *testkit.DecPtr("20.00")}},
		// 2 units of 3: one more M at 15.00 is the free one.
		{"meias-3x2", promo.ReasonMinQuantity, &promo.Shortfall{Quantity: 1, Like: "1", Unlocks: *testkit.DecPtr("15.00")}},
		{"natal", promo.ReasonEnded, nil},
		// A part is answered by its campaign's entry.
		{"cb", promo.ReasonApplied, nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if len(ex.Result.NearMisses) != 0 {
		t.Errorf("near misses without thresholds: %+v", ex.Result.NearMisses)
	}
	// The Result's own trace is Evaluate's: it says nothing of perfume-10.
	if _, ok := ex.Result.TraceFor("perfume-10"); ok {
		t.Errorf("the evaluation traced a campaign the index set aside")
	}
	// Unknown ids are named by their position, all at once.
	_, err = promo.Explain(cart, rs, "acima-100", "nao-existe", "tambem-nao")
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("unknown ids: err = %v, want a *promo.ValidationError", err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	if diff := cmp.Diff([]string{"ids[1]", "ids[2]"}, paths); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}

	// Simulate answers for every campaign named too.
	res, err := campaign.Simulate(rs, cart, "perfume-10", "acima-100")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, e := range res.Trace {
		codes = append(codes, e.Campaign+": "+string(e.Code()))
	}
	if diff := cmp.Diff([]string{"acima-100: min_value_not_reached", "perfume-10: no_matching_item"}, codes); diff != "" {
		t.Errorf("Simulate trace (-want +got):\n%s", diff)
	}
}

// TestNearMissThresholds: settings.near_miss lists a campaign when what the
// cart lacks is within a threshold of its kind, the bound included: an
// amount shortfall is never judged by max_quantity nor a quantity
// shortfall by max_amount. The cart lacks R$ 12,30 for acima-100 (which
// gives R$ 20,00) and 1 unit for meias-3x2 (the free unit, R$ 15,00); with
// one sock, it lacks 2 units and R$ 27,30 (100.00 − 15.00 − 57.70).
func TestNearMissThresholds(t *testing.T) {
	oneSock := `{"id": "sale-y", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "lines": [
	{"id": "1", "product_code": "M", "quantity": "1", "unit_price": "15.00"},
	{"id": "2", "product_code": "J", "quantity": "1", "unit_price": "57.70"}]}`
	type miss struct{ Campaign, Gain, PT, EN string }
	amount := miss{"acima-100", "20.00", "faltam R$ 12,30 para ganhar R$ 20,00", "R$ 12.30 more to get R$ 20.00"}
	unit := miss{"meias-3x2", "15.00", "falta 1 unidade para ganhar R$ 15,00", "1 more unit to get R$ 15.00"}
	for _, tc := range []struct {
		name, nearMiss, cart string
		want                 []miss
	}{
		{"amount at its bound", `{"max_amount": "12.30"}`, explainCart, []miss{amount}},
		{"amount a cent short", `{"max_amount": "12.29"}`, explainCart, nil},
		{"units at their bound", `{"max_quantity": 1}`, explainCart, []miss{unit}},
		{"units, none allowed", `{"max_amount": "5.00", "max_quantity": 0}`, explainCart, nil},
		{"both, by gain", `{"max_amount": "20.00", "max_quantity": 1}`, explainCart, []miss{amount, unit}},
		{"two units", `{"max_quantity": 2}`, oneSock,
			[]miss{{"meias-3x2", "15.00", "faltam 2 unidades para ganhar R$ 15,00", "2 more units to get R$ 15.00"}}},
		{"two units over the bound", `{"max_quantity": 1, "max_amount": "27.29"}`, oneSock, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			def := strings.Replace(explainRuleset, `{"version": 1, `, `{"version": 1, "settings": {"near_miss": `+tc.nearMiss+`}, `, 1)
			rs := campaign.MustLoad([]byte(def))
			cart, err := promo.DecodeCart([]byte(tc.cart))
			if err != nil {
				t.Fatal(err)
			}
			res, err := promo.Evaluate(cart, rs)
			if err != nil {
				t.Fatal(err)
			}
			var got []miss
			for _, nm := range res.NearMisses {
				got = append(got, miss{nm.Campaign, nm.Gain.StringFixed(2), nm.PT, nm.EN})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("near misses (-want +got):\n%s", diff)
			}
		})
	}
}

// TestShortfallLikeCheapestLine: an amount shortfall is like the cheapest
// line by unit price, a weighed one included (0,500 kg of bananas at
// R$ 5,98/kg, dearer lines before and after it). The three socks (15,00, 15,00, 16,00) take
// meias-3x2, one at 15,00 free, so the sale's value after the item phase
// is 57,70 + 30,00 + 2,99 + 16,00 − 15,00 = 91,69; with acima-100's
// minimum raised to 120,00 it is 28,31 short.
func TestShortfallLikeCheapestLine(t *testing.T) {
	def := strings.Replace(explainRuleset, `"min_value": "100.00"`, `"min_value": "120.00"`, 1)
	rs := campaign.MustLoad([]byte(def))
	cart, err := promo.DecodeCart([]byte(`{"id": "sale-z", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "lines": [
	{"id": "1", "product_code": "J", "quantity": "1", "unit_price": "57.70"},
	{"id": "2", "product_code": "M", "quantity": "2", "unit_price": "15.00"},
	{"id": "3", "product_code": "BAN", "quantity": "0.500", "unit_price": "5.98", "weighed": true},
	{"id": "4", "product_code": "M", "quantity": "1", "unit_price": "16.00"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := promo.Explain(cart, rs, "acima-100")
	if err != nil {
		t.Fatal(err)
	}
	want := &promo.Shortfall{Amount: *testkit.DecPtr("28.31"), Like: "3", Unlocks: *testkit.DecPtr("20.00")}
	if diff := cmp.Diff(want, ex.Entries[0].Reasons[0].Missing); diff != "" {
		t.Errorf("acima-100's shortfall (-want +got):\n%s", diff)
	}
}

// shortProbe is a sale promotion that applies (R$ 1,00 off the first
// line) to a cart of three lines or more, and otherwise says the cart
// lacks what missing says.
type shortProbe struct{ missing promo.Shortfall }

func (p shortProbe) Info() promo.Info {
	return promo.Info{ID: "probe", Name: "probe", Phase: promo.PhaseSale}
}
func (p shortProbe) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p shortProbe) Apply(v *promo.View) promo.Proposal {
	if v.Len() >= 3 {
		return promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{{Line: 0, Kind: promo.ItemDiscount, Amount: decimal.NewFromInt(1)}}}
	}
	m := p.missing
	return promo.NotEligible(promo.Reason{Code: promo.ReasonMinValue, Missing: &m})
}

// TestExplainUnlocksOnlyWhatIsMissing: Explain works out what a shortfall
// unlocks by adding a copy of the line it names: R$ 1,00 for a unit like
// the second line (the cart then has the three lines the probe needs). A
// shortfall of nothing, or like a line the cart does not have, unlocks
// nothing.
func TestExplainUnlocksOnlyWhatIsMissing(t *testing.T) {
	cart := promo.Cart{ID: "u-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "l"}, Lines: []promo.Line{
		{ID: "1", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(10)},
		{ID: "2", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(20)},
	}}
	for _, c := range []struct {
		name    string
		missing promo.Shortfall
		unlocks string
	}{
		{"a unit like the second line", promo.Shortfall{Quantity: 1, Like: "2"}, "1"},
		{"an amount like the first line", promo.Shortfall{Amount: decimal.NewFromInt(5), Like: "1"}, "1"},
		{"nothing", promo.Shortfall{Like: "1"}, "0"},
		{"like no line", promo.Shortfall{Amount: decimal.NewFromInt(5), Like: "9"}, "0"},
	} {
		rs := promotest.NewRuleset(t, promo.Settings{}, shortProbe{c.missing})
		ex, err := promo.Explain(cart, rs, "probe")
		if err != nil {
			t.Fatal(err)
		}
		got := ex.Entries[0].Reasons[0].Missing
		if got == nil || !got.Unlocks.Equal(decimal.RequireFromString(c.unlocks)) {
			t.Errorf("%s: Missing = %+v, want it to unlock %s", c.name, got, c.unlocks)
		}
	}
}
