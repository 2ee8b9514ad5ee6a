package promogen_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
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
		rs, err := campaign.Compile(def)
		if err != nil {
			t.Fatalf("a generated ruleset does not compile: %v", err)
		}
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

func TestCartForAppliesTheRuleset(t *testing.T) {
	def := loadExample(t)
	rs, err := campaign.Compile(def)
	if err != nil {
		t.Fatal(err)
	}
	applied := map[string]int{}
	carts := 0
	rapid.Check(t, func(t *rapid.T) {
		c := promogen.CartFor(def).Draw(t, "cart")
		res, err := promo.Evaluate(c, rs)
		if err != nil {
			t.Fatalf("Evaluate refuses a shaped cart: %v", err)
		}
		carts++
		for _, e := range res.Trace {
			if e.Applied {
				applied[e.Campaign]++
			}
		}
	})
	var never []string
	for _, p := range rs.Promotions() {
		if applied[p.Info().ID] == 0 {
			never = append(never, p.Info().ID)
		}
	}
	slices.Sort(never)
	t.Logf("%d carts; applied: %v; never: %v", carts, applied, never)
}
