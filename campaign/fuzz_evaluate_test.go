package campaign_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promocheck"
	"github.com/promokit/promokit/promogen"
)

// The fuzzers of this file check what an evaluation means, not only that
// it does not crash: every promise of promocheck.Promises (per line
// 0 ≤ Σ adjustments = discount ≤ gross and net = gross − discount, totals
// = Σ lines, an application's amount = Σ its adjustments, NFC-e
// rejections, the same result twice, a return of everything refunding
// what was paid), unique event ids, and the same JSON twice.

// fzT is what fzCheck needs of a *testing.T or a *rapid.T.
type fzT interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// fzCheck fails the test with every broken promise of one evaluation.
func fzCheck(t fzT, cart promo.Cart, rs *promo.Ruleset, res promo.Result) {
	t.Helper()
	for _, v := range promocheck.Promises(cart, rs, res) {
		t.Errorf("%s", v)
	}
	seen := map[string]bool{}
	for _, e := range res.Events {
		if seen[e.ID] {
			t.Errorf("event id %q twice", e.ID)
		}
		seen[e.ID] = true
	}
	first, err := json.Marshal(res)
	if err != nil {
		t.Fatalf("json.Marshal of the result: %v", err)
	}
	again := promotest.Evaluate(t, cart, rs)
	second, err := json.Marshal(again)
	if err != nil {
		t.Fatalf("json.Marshal of the second result: %v", err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("two evaluations, two JSON documents:\n%s\n%s", first, second)
	}
}

// fzPairs are the rulesets and carts of every scenario, and the complete
// example with the examples' carts.
func fzPairs(f *testing.F) [][2][]byte {
	var out [][2][]byte
	for _, sc := range testkit.Scenarios(f, "..") {
		out = append(out, [2][]byte{sc.Ruleset, sc.Cart})
	}
	full, err := os.ReadFile(fullRuleset)
	if err != nil {
		f.Fatal(err)
	}
	for _, cart := range testkit.ReadFiles(f, "../examples/*/cart*.json") {
		out = append(out, [2][]byte{full, cart})
	}
	if len(out) < 100 {
		f.Fatalf("only %d seed pairs", len(out))
	}
	return out
}

// FuzzEvaluate loads any ruleset document and decodes any cart document
// under it; when both are valid, the evaluation keeps every promise.
func FuzzEvaluate(f *testing.F) {
	for _, p := range fzPairs(f) {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, rulesetJSON, cartJSON []byte) {
		rs, err := campaign.Load(rulesetJSON)
		if err != nil {
			fuzzCheckValidation(t, "Load", err)
			return
		}
		cart, err := rs.DecodeCart(cartJSON)
		if err != nil {
			fuzzCheckValidation(t, "DecodeCart", err)
			return
		}
		res := promotest.Evaluate(t, cart, rs)
		fzCheck(t, cart, rs, res)
	})
}

// fzSeedBytes are fixed byte strings for the fuzzers that draw with rapid:
// each is one draw when go test runs the seeds.
func fzSeedBytes(f *testing.F) {
	x := uint64(0x9E3779B97F4A7C15)
	for n := range 24 {
		// rapid reads 8 bytes a draw, and a shaped cart takes thousands
		// of draws: a seed that runs out is skipped.
		b := make([]byte, 8<<10*(1+n%4))
		for i := range b {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			b[i] = byte(x)
		}
		f.Add(b)
	}
}

// fzSale draws a definition (the complete example, or a generated ruleset
// of Reshop campaigns), compiles it, draws a cart shaped by it and
// evaluates it.
func fzSale(t *rapid.T, fullRS *promo.Ruleset, fullCarts *rapid.Generator[promo.Cart]) (promo.Cart, *promo.Ruleset, promo.Result) {
	rs, carts := fullRS, fullCarts
	if rapid.Bool().Draw(t, "generated_ruleset") {
		def := promogen.Ruleset(promogen.WithCampaigns(1, 8)).Draw(t, "ruleset")
		var err error
		if rs, err = campaign.Compile(def); err != nil {
			t.Fatalf("a generated ruleset does not compile: %v", err)
		}
		carts = promogen.CartFor(def)
	}
	cart := carts.Draw(t, "cart")
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			t.Fatalf("Evaluate refuses a generated cart: %v", err)
		}
		t.Fatalf("Evaluate: %v", err)
	}
	return cart, rs, res
}

func fzFull(f *testing.F) (*promo.Ruleset, *rapid.Generator[promo.Cart]) {
	data, err := os.ReadFile(fullRuleset)
	if err != nil {
		f.Fatal(err)
	}
	def, err := campaign.Decode(data)
	if err != nil {
		f.Fatal(err)
	}
	rs := promotest.Compile(f, def)
	return rs, promogen.CartFor(def)
}

// FuzzEvaluateGenerated evaluates carts shaped by a ruleset so that its
// promotions apply (promogen.CartFor), under the complete example or a
// generated ruleset, and checks every promise.
func FuzzEvaluateGenerated(f *testing.F) {
	fzSeedBytes(f)
	fullRS, carts := fzFull(f)
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		cart, rs, res := fzSale(t, fullRS, carts)
		fzCheck(t, cart, rs, res)
	}))
}

// FuzzRefund returns the goods of such a sale in one to three partial
// returns (promogen.Returns): every return is accepted and refunds no line
// a negative amount, the refunds of everything add up to what the
// customer paid, the cashback redeemed is restored and every earning is
// reversed exactly (promocheck.Refunds).
func FuzzRefund(f *testing.F) {
	fzSeedBytes(f)
	fullRS, carts := fzFull(f)
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		_, _, res := fzSale(t, fullRS, carts)
		plan := promogen.Returns(res).Draw(t, "returns")
		for _, v := range promocheck.Refunds(res, plan) {
			t.Errorf("%s", v)
		}
	}))
}
