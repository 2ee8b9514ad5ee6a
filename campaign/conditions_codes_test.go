package campaign_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// Promo code conditions (cupons): the codes listed, generated or issued by
// another campaign; what they activate and when they are redeemed.

func TestConditionPromoCode(t *testing.T) {
	const secret = "0123456789abcdef" // 16 characters
	gen := func(count, length int, secret string) campaign.Condition {
		return campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
			Generate: &campaign.CodePattern{Prefix: "BF-", Count: count, Length: length, Secret: secret}}}
	}
	const g = cdP + ".codes.generate"
	cdRun(t, []cdCase{
		cdC("list", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{List: []string{"BF-10", "bf-20"}}}),
		cdC("smallest pattern", gen(1, 6, secret)),
		cdC("longest codes", gen(3, 32, secret)),
		cdC("list and pattern", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
			List: []string{"VIP"}, Generate: &campaign.CodePattern{Count: 10, Length: 8, Secret: secret}}}),
		cdC("no codes", campaign.Condition{Kind: "promo_code"},
			cdProblem{cdP + ".codes", "a list of codes or a generate pattern is required"}),
		cdC("empty code set", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{List: []string{}}},
			cdProblem{cdP + ".codes", "a list of codes or a generate pattern is required"}),
		cdC("empty code in the list", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{List: []string{"BF-10", "  "}}},
			cdProblem{cdP + ".codes.list[1]", "must not be empty"}),
		cdC("count 0, length 5, short secret", gen(0, 5, secret[:15]),
			cdProblem{g + ".count", "must be between 1 and 1000000"},
			cdProblem{g + ".length", "must be between 6 and 32"},
			cdProblem{g + ".secret", "must have at least 16 characters"}),
		cdC("count and length above the limits", gen(1_000_001, 33, secret),
			cdProblem{g + ".count", "must be between 1 and 1000000"},
			cdProblem{g + ".length", "must be between 6 and 32"}),
		cdC("negative count", gen(-1, 8, secret),
			cdProblem{g + ".count", "must be between 1 and 1000000"}),
		cdC("no secret", gen(10, 8, ""),
			cdProblem{g + ".secret", "must have at least 16 characters"}),
		cdC("promo_code with values", campaign.Condition{Kind: "promo_code", Values: []string{"BF-10"}, Codes: &campaign.CodeSet{List: []string{"BF-10"}}},
			cdProblem{cdP + ".values", "not used by kind promo_code"}),
		cdC("codes on another kind", campaign.Condition{Kind: "product_code", Values: []string{"A"}, Codes: &campaign.CodeSet{List: []string{"X"}}},
			cdProblem{cdP + ".codes", "not used by kind product_code"}),
	})
}

// cdCart is a sale on 2026-11-21 at 10:15 in São Paulo of one line (A,
// 1 × 50.00) presenting codes.
func cdCart(codes ...string) promo.Cart {
	return promo.Cart{
		ID: "sale-cd", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
		PromoCodes: codes,
		Lines:      []promo.Line{{ID: "1", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("50.00")}},
	}
}

func TestGeneratedCodesActivate(t *testing.T) {
	const secret = "segredo-da-black-friday"
	rs, err := campaign.Compile(cdRuleset(false, campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
		List: []string{"VIP-1"}, Generate: &campaign.CodePattern{Prefix: "bf-", Count: 3, Length: 8, Secret: secret}}}))
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	// The host prints the codes with rules.GenerateCodes and the campaign's
	// id; the fourth code is beyond the count, and the codes of another
	// campaign id or another secret are not this campaign's.
	four := rules.GenerateCodes("c1", "bf-", secret, 4, 8)
	tests := []cdCodeCase{
		{"first generated code", four[0], "applied"},
		{"last generated code, lower case", strings.ToLower(four[2]), "applied"},
		{"listed code", "vip-1", "applied"},
		{"code beyond the count", four[3], "promo_code_not_valid"},
		{"code of another campaign id", rules.GenerateCodes("c2", "bf-", secret, 1, 8)[0], "promo_code_not_valid"},
		{"code of another secret", rules.GenerateCodes("c1", "bf-", secret+"x", 1, 8)[0], "promo_code_not_valid"},
		{"code without its prefix", strings.TrimPrefix(four[0], "BF-"), "promo_code_not_valid"},
	}
	cdRunCodes(t, rs, tests)
}

// cdCodeCase is a code presented and the trace code of c1 it gives.
type cdCodeCase struct {
	name string
	code string
	want string // trace code of c1
}

// cdRunCodes evaluates cdCart presenting each case's code.
func cdRunCodes(t *testing.T, rs *promo.Ruleset, tests []cdCodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := promotest.Evaluate(t, cdCart(tt.code), rs)
			e, ok := res.TraceFor("c1")
			if !ok {
				t.Fatal("no trace entry for c1")
			}
			if diff := cmp.Diff(tt.want, string(e.Code())); diff != "" {
				t.Errorf("trace code (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNumberedCodesActivate(t *testing.T) {
	// A numbered pattern of a million codes: checked by their
	// construction; the host prints them with rules.NumberedSet and the
	// campaign's id. The last number is 999,999; 1,000,000 is beyond the
	// count, and the hashed code of the same pattern is not this form.
	const secret = "segredo-da-black-friday"
	rs, err := campaign.Compile(cdRuleset(false, campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
		List: []string{"VIP-1"}, Generate: &campaign.CodePattern{Prefix: "bf-", Count: 1_000_000, Length: 8, Secret: secret, Numbered: true}}}))
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	set := rules.NumberedSet{Campaign: "c1", Prefix: "bf-", Secret: secret, Count: 1_000_001, Length: 8}
	tests := []cdCodeCase{
		{"first numbered code", set.Code(0), "applied"},
		{"last numbered code, lower case", strings.ToLower(set.Code(999_999)), "applied"},
		{"listed code", "vip-1", "applied"},
		{"code beyond the count", set.Code(1_000_000), "promo_code_not_valid"},
		{"hashed code of the pattern", rules.GenerateCodes("c1", "bf-", secret, 1, 8)[0], "promo_code_not_valid"},
		{"code of another campaign id", rules.NumberedSet{Campaign: "c2", Prefix: "bf-", Secret: secret, Count: 1, Length: 8}.Code(0), "promo_code_not_valid"},
	}
	cdRunCodes(t, rs, tests)
}

// cdCodes returns the reason codes of a campaign's trace entry.
func cdCodes(t *testing.T, res promo.Result, id string) []promo.ReasonCode {
	t.Helper()
	e, ok := res.TraceFor(id)
	if !ok {
		t.Fatalf("no trace entry for %s", id)
	}
	var out []promo.ReasonCode
	for _, r := range e.Reasons {
		out = append(out, r.Code)
	}
	return out
}

func TestRedeemedCodeEvents(t *testing.T) {
	rs := promotest.Load(t, `{"version": 1, "campaigns": [
		{"id": "cupom", "name": "Cupom", "start": "2026-11-01",
		 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["BF-1", "BF-2"]}}]},
		 "benefit": {"on": "sale", "amount": "5.00"}}]}`)
	cart := cdCart(" bf-2 ")
	cart.Customer = &promo.Customer{ID: "tok-1"}
	res := promotest.Evaluate(t, cart, rs)
	want := []promo.Event{
		{ID: promo.EventID("sale-cd", "activation", "cupom"), Kind: promo.EventActivation, Campaign: "cupom", Customer: "tok-1",
			Amount: decimal.RequireFromString("5.00"), Occurrences: 1},
		{ID: promo.EventID("sale-cd", "code_redeemed", "cupom", "BF-2", "0"), Kind: promo.EventCodeRedeemed, Campaign: "cupom", Customer: "tok-1",
			Code: "BF-2"},
	}
	if diff := cmp.Diff(want, res.Events, cdDecEqual); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	// Evaluating the same sale again gives the same ids (idempotent retry).
	again := promotest.Evaluate(t, cart, rs)
	if diff := cmp.Diff(res.Events, again.Events, cdDecEqual); diff != "" {
		t.Errorf("events of a retry (-first +retry):\n%s", diff)
	}
	// Once the host marks BF-2 used, the same cart gets the opaque reason.
	cart.History.UsedCodes = []string{"BF-2"}
	res = promotest.Evaluate(t, cart, rs)
	if diff := cmp.Diff([]promo.ReasonCode{"promo_code_not_valid"}, cdCodes(t, res, "cupom")); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
	if len(res.Events) != 0 {
		t.Errorf("events = %v, want none", res.Events)
	}
}

func TestCodeOfALosingExclusiveIsNotRedeemed(t *testing.T) {
	// Two non-cumulative campaigns: cupom (R$ 5.00 with a code) and
	// maior (20% of 50.00 = 10.00). maior wins; cupom's code stays unused.
	rs := promotest.Load(t, `{"version": 1, "campaigns": [
		{"id": "cupom", "name": "Cupom", "start": "2026-11-01", "non_cumulative": true,
		 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["BF-1"]}}]},
		 "benefit": {"on": "sale", "amount": "5.00"}},
		{"id": "maior", "name": "Maior", "start": "2026-11-01", "non_cumulative": true, "no_activation_rules": true,
		 "benefit": {"on": "sale", "percent": "20"}}]}`)
	res := promotest.Evaluate(t, cdCart("BF-1"), rs)
	var kinds []string
	for _, ev := range res.Events {
		kinds = append(kinds, ev.Kind.String()+" "+ev.Campaign+" "+ev.Code)
	}
	if diff := cmp.Diff([]string{"activation maior "}, kinds); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]promo.ReasonCode{"lost_to_exclusive"}, cdCodes(t, res, "cupom")); diff != "" {
		t.Errorf("trace codes of cupom (-want +got):\n%s", diff)
	}
}
