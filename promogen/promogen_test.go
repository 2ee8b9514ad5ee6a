package promogen_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
	"github.com/promokit/promokit/refund"
)

func TestCartsAreValid(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": []}`))
	rapid.Check(t, func(t *rapid.T) {
		c := promogen.Cart().Draw(t, "cart")
		if _, err := promo.Evaluate(c, rs); err != nil {
			t.Fatalf("Evaluate refuses a generated cart: %v", err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := promo.DecodeCart(b); err != nil {
			t.Fatalf("DecodeCart refuses a generated cart: %v\n%s", err, b)
		}
	})
}

func TestRulesetsCompile(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := promogen.Ruleset(promogen.WithBenefits(promogen.AllBenefits()...),
			promogen.WithFeatures(promogen.NonCumulative|promogen.Optional|promogen.Limits|promogen.DateWindows|promogen.Funders)).Draw(t, "ruleset")
		rs := promotest.Compile(t, def)
		c := promogen.Cart().Draw(t, "cart")
		if _, err := promo.Evaluate(c, rs); err != nil {
			t.Fatalf("Evaluate: %v", err)
		}
	})
}

func loadExample(t testing.TB) campaign.Ruleset {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "examples", "full-ruleset.json"))
	if err != nil {
		t.Fatal(err)
	}
	def, err := campaign.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return def
}

// TestCartForAppliesTheRuleset: carts shaped by the complete example
// ruleset make most of its promotions apply, where carts of the default
// catalog make few: over the same 300 draws, at least half of the
// promotions apply at least once, and three times as many as with
// unshaped carts.
func TestCartForAppliesTheRuleset(t *testing.T) {
	def := loadExample(t)
	rs := promotest.Compile(t, def)
	count := func(gen *rapid.Generator[promo.Cart]) (int, []string) {
		applied := map[string]bool{}
		for seed := range 300 {
			c := gen.Example(seed)
			res := promotest.Evaluate(t, c, rs)
			for _, e := range res.Trace {
				if e.Applied {
					applied[e.Campaign] = true
				}
			}
		}
		var never []string
		for _, p := range rs.Promotions() {
			if !applied[p.Info().ID] {
				never = append(never, p.Info().ID)
			}
		}
		slices.Sort(never)
		return rs.Len() - len(never), never
	}
	shaped, never := count(promogen.CartFor(def))
	plain, _ := count(promogen.Cart())
	t.Logf("%d of %d promotions apply with shaped carts (never: %v), %d with unshaped ones", shaped, rs.Len(), never, plain)
	if 2*shaped < rs.Len() || shaped < 3*plain {
		t.Errorf("%d of %d promotions apply with shaped carts, %d with unshaped ones; want at least half, and three times as many", shaped, rs.Len(), plain)
	}
}

// TestOptions: the options fix what they say, on every draw.
func TestOptions(t *testing.T) {
	at := promogen.DefaultInstants()[3]
	store := promo.Store{ID: "franquia-9", Kind: promo.StoreFranchise}
	price := decimal.RequireFromString("7.49")
	rapid.Check(t, func(t *rapid.T) {
		c := promogen.Cart(promogen.WithLines(2, 3), promogen.WithInstant(at), promogen.WithStore(store), promogen.WithCustomer(nil),
			promogen.WithOnlyProducts(promogen.Product{Code: "X", Price: price, Measure: promogen.ByUnit}), promogen.WithMaxQuantity(2)).Draw(t, "cart")
		if n := len(c.Lines); n < 2 || n > 3 {
			t.Fatalf("%d lines, want 2 or 3", n)
		}
		if !c.Time.Equal(at) || c.Store != store || c.Customer != nil || len(c.Wallet) > 0 {
			t.Fatalf("time %s, store %+v, customer %+v, wallet %v: not the ones fixed", c.Time, c.Store, c.Customer, c.Wallet)
		}
		for i, l := range c.Lines {
			if l.ID != strconv.Itoa(i+1) || l.ProductCode != "X" || !l.UnitPrice.Equal(price) || l.Weighed ||
				l.Quantity.LessThan(decimal.NewFromInt(1)) || l.Quantity.GreaterThan(decimal.NewFromInt(2)) {
				t.Fatalf("line %d: %+v", i, l)
			}
		}
		cu := promogen.Customer(promogen.WithIdentifiedCustomers(100)).Draw(t, "customer")
		if cu == nil || cu.ID == "" {
			t.Fatalf("customer %+v", cu)
		}
		if id := promogen.CPF().Draw(t, "cpf"); id.Kind() != br.CPF {
			t.Fatalf("CPF %s of kind %s", id, id.Kind())
		}
	})
}

// TestReturnsGiveBackEverything: a plan of returns returns every line's
// quantity exactly, in whole units for counted lines, and refund.Of
// accepts each step.
func TestReturnsGiveBackEverything(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [{"id": "a", "name": "A", "start": "2026-01-01",
		"no_activation_rules": true, "min_quantity": 3, "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`))
	rapid.Check(t, func(t *rapid.T) {
		c := promogen.Cart().Draw(t, "cart")
		res := promotest.Evaluate(t, c, rs)
		plan := promogen.Returns(res).Draw(t, "plan")
		back := map[string]decimal.Decimal{}
		var earlier []refund.Returned
		for k, step := range plan {
			if len(step) == 0 {
				t.Fatalf("step %d is empty", k)
			}
			if _, err := refund.Of(res, earlier, step); err != nil {
				t.Fatalf("step %d refused: %v", k, err)
			}
			for _, r := range step {
				back[r.Line] = back[r.Line].Add(r.Quantity)
			}
			earlier = append(earlier, step...)
		}
		for _, l := range c.Lines {
			if !back[l.ID].Equal(l.Quantity) {
				t.Fatalf("line %s: %s returned of %s", l.ID, back[l.ID], l.Quantity)
			}
		}
	})
}
