package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

func TestNormalizeCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bf-10", "BF-10"},
		{"  Bf-10\t", "BF-10"},
		{"BF-10", "BF-10"},
		{"", ""},
		{"   ", ""},
		{"a b", "A B"}, // inner spaces are part of the code
	}
	for _, tt := range tests {
		if got := rules.NormalizeCode(tt.in); got != tt.want {
			t.Errorf("NormalizeCode(%q) (-want +got):\n-%q\n+%q", tt.in, tt.want, got)
		}
	}
}

// rxGolden are codes printed by a host: they must stay valid in every
// version of the library. They were computed outside Go, with Python's hmac
// and base64 modules, from the construction GenerateCodes documents:
// HMAC-SHA-256 under the secret of campaign id + "\x00" + the code's number
// (0, 1, ...) in decimal, base 32 with the alphabet
// ABCDEFGHJKLMNPQRSTUVWXYZ23456789, the first length characters, after the
// normalized prefix.
var rxGolden = []struct {
	campaign, prefix, secret string
	count, length            int
	want                     []string
}{
	{"bf-2026", " bf-", "segredo-de-teste-123", 3, 8, []string{"BF-MGWECL7D", "BF-TGUURKNA", "BF-QP6ZNF5K"}},
	{"natal", "NAT", "segredo-de-teste-123", 2, 10, []string{"NAT6QSN2RBXZK", "NATGS3HM745LL"}},
	{"bf-2026", "", "segredo-de-teste-123", 1, 8, []string{"MGWECL7D"}},
}

func TestGenerateCodesGolden(t *testing.T) {
	for _, g := range rxGolden {
		got := rules.GenerateCodes(g.campaign, g.prefix, g.secret, g.count, g.length)
		if diff := cmp.Diff(g.want, got); diff != "" {
			t.Errorf("GenerateCodes(%q, %q, …, %d, %d) (-want +got):\n%s", g.campaign, g.prefix, g.count, g.length, diff)
		}
	}
}

func TestGenerateCodesDeterministic(t *testing.T) {
	const secret = "um-segredo-bem-longo"
	a := rules.GenerateCodes("camp-1", "X-", secret, 200, 10)
	b := rules.GenerateCodes("camp-1", "X-", secret, 200, 10)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("two calls with the same arguments (-first +second):\n%s", diff)
	}
	if len(a) != 200 {
		t.Fatalf("len = %d, want 200", len(a))
	}
	seen := map[string]bool{}
	for i, c := range a {
		if !strings.HasPrefix(c, "X-") || len(c) != len("X-")+10 {
			t.Errorf("code %d = %q: want X- and 10 characters", i, c)
		}
		// No 0/O or 1/I, nor lower case: only the 32 characters of the
		// alphabet.
		if body := strings.TrimPrefix(c, "X-"); strings.Trim(body, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") != "" {
			t.Errorf("code %d = %q has characters outside the alphabet", i, c)
		}
		if seen[c] {
			t.Errorf("code %d = %q is repeated", i, c)
		}
		seen[c] = true
		if rules.NormalizeCode(c) != c {
			t.Errorf("code %d = %q is not normalized", i, c)
		}
	}
	// Code i does not depend on how many codes are generated: a host that
	// raises the count keeps the codes already printed.
	if diff := cmp.Diff(a[:5], rules.GenerateCodes("camp-1", "X-", secret, 5, 10)); diff != "" {
		t.Errorf("the first 5 of 200 vs 5 codes (-200 +5):\n%s", diff)
	}
	// A shorter length is a prefix of the longer code.
	short := rules.GenerateCodes("camp-1", "X-", secret, 1, 6)[0]
	if !strings.HasPrefix(a[0], short) {
		t.Errorf("length 6 code %q is not a prefix of length 10 code %q", short, a[0])
	}
	// Another secret or another campaign gives other codes.
	other := rules.GenerateCodes("camp-1", "X-", secret+"!", 200, 10)
	camp := rules.GenerateCodes("camp-2", "X-", secret, 200, 10)
	for i := range a {
		if a[i] == other[i] {
			t.Errorf("code %d is the same under another secret: %q", i, a[i])
		}
		if a[i] == camp[i] {
			t.Errorf("code %d is the same for another campaign: %q", i, a[i])
		}
	}
	if got := rules.GenerateCodes("camp-1", "X-", secret, 0, 10); len(got) != 0 {
		t.Errorf("count 0 gave %q, want no codes", got)
	}
}

// rxCoded is the one-line sale presenting codes, with used codes in the
// history.
func rxCoded(presented, used []string) promo.Cart {
	cart := rxCart(rxCustomer(nil))
	cart.PromoCodes = presented
	cart.History.UsedCodes = used
	return cart
}

// rxNotValid is the one opaque outcome of a promo-code rule with no valid
// code.
var rxNotValid = rules.Outcome{Reason: promo.Reason{
	Code: "promo_code_not_valid",
	PT:   "nenhum código promocional válido apresentado",
	EN:   "no valid promo code presented",
}}

func TestPromoCode(t *testing.T) {
	cond := rules.PromoCode([]string{"BF-10", " bf-20 "})
	rxRun(t, []rxCase{
		{"listed code", cond, rxCoded([]string{"BF-10"}, nil), rxPass},
		{"listed code in other case and with spaces", cond, rxCoded([]string{"  bf-10 "}, nil), rxPass},
		{"list entry normalized too", cond, rxCoded([]string{"BF-20"}, nil), rxPass},
		{"wrong code", cond, rxCoded([]string{"BF-99"}, nil), rxNotValid},
		{"used code", cond, rxCoded([]string{"BF-10"}, []string{"BF-10"}), rxNotValid},
		{"used code, history in other case", cond, rxCoded([]string{"BF-10"}, []string{" bf-10"}), rxNotValid},
		{"another code used: this one still valid", cond, rxCoded([]string{"BF-10"}, []string{"BF-20"}), rxPass},
		{"used then valid", cond, rxCoded([]string{"BF-10", "BF-20"}, []string{"BF-10"}), rxPass},
		{"wrong then valid", cond, rxCoded([]string{"XYZ", "bf-20"}, nil), rxPass},
		{"no code presented", cond, rxCoded(nil, nil), rxNotValid},
		{"empty code presented", cond, rxCoded([]string{"", "  "}, nil), rxNotValid},
		{"empty list accepts nothing", rules.PromoCode(nil), rxCoded([]string{"BF-10"}, nil), rxNotValid},
		// No customer is needed to present a code.
		{"anonymous sale", cond, func() promo.Cart { c := rxCart(nil); c.PromoCodes = []string{"BF-10"}; return c }(), rxPass},
	})
}

func TestPromoCodeReasonIsOpaque(t *testing.T) {
	cond := rules.PromoCode([]string{"BF-10"})
	used := rxCheck(t, cond, rxCoded([]string{"BF-10"}, []string{"BF-10"}))
	wrong := rxCheck(t, cond, rxCoded([]string{"BF-11"}, nil))
	none := rxCheck(t, cond, rxCoded(nil, nil))
	// A used code, a wrong code and no code cannot be told apart.
	if diff := cmp.Diff(used, wrong); diff != "" {
		t.Errorf("used vs wrong code (-used +wrong):\n%s", diff)
	}
	if diff := cmp.Diff(used, none); diff != "" {
		t.Errorf("used vs no code (-used +none):\n%s", diff)
	}
	if rules.ReasonPromoCode != "promo_code_not_valid" {
		t.Errorf("ReasonPromoCode = %q, want promo_code_not_valid", rules.ReasonPromoCode)
	}
	pt, en := cond.Describe()
	if diff := cmp.Diff([]string{"código promocional", "promo code"}, []string{pt, en}); diff != "" {
		t.Errorf("Describe (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(promo.Keys{CartWide: true}, cond.Keys()); diff != "" {
		t.Errorf("Keys (-want +got):\n%s", diff)
	}
}

func TestPromoCodeInComposites(t *testing.T) {
	code := rules.PromoCode([]string{"BF-10"})
	prod := rules.ProductCode(rules.RequireAny, "A")      // the line of rxCart
	pix := rules.Tenders(rules.RequireAny, "pix")         // never paid in these carts
	wrong := rxCoded([]string{"BF-99"}, nil)              // a code that does not exist
	used := rxCoded([]string{"BF-10"}, []string{"BF-10"}) // a code already used
	tests := []struct {
		name string
		cond rules.Condition
		cart promo.Cart
		want rules.Outcome
	}{
		// Inside an AND the code's reason is passed on as it is: no "rule 2
		// (promo code) not met" that would change with the rule's place.
		{"all: wrong code", rules.All(prod, code), wrong, rxNotValid},
		{"all: used code", rules.All(prod, code), used, rxNotValid},
		{"all in all: used code", rules.All(prod, rules.All(code)), used, rxNotValid},
		{"first purchase with a code", rules.All(rules.FirstPurchase(), code),
			func() promo.Cart { c := rxCoded([]string{"BF-99"}, nil); c.History.FirstPurchase = true; return c }(), rxNotValid},
		// An OR whose rules all fail reports the first failure: its code is
		// kept, and the code's message says nothing more.
		{"any: code first, both fail", rules.Any(code, pix), wrong, rules.Outcome{Reason: promo.Reason{
			Code: "promo_code_not_valid",
			PT:   "nenhuma das regras atendida; nenhum código promocional válido apresentado",
			EN:   "none of the rules met; no valid promo code presented",
		}}},
		{"any: code first, both fail, used code", rules.Any(code, pix), used, rules.Outcome{Reason: promo.Reason{
			Code: "promo_code_not_valid",
			PT:   "nenhuma das regras atendida; nenhum código promocional válido apresentado",
			EN:   "none of the rules met; no valid promo code presented",
		}}},
		{"any with the code alone", rules.Any(code), used, rxNotValid},
		{"any: tender first, both fail", rules.Any(pix, code), wrong, rxFail(
			"nenhuma das regras atendida; regra 1 (pagamento com pix) não atendida: nenhum pagamento com as finalizadoras: pix",
			"none of the rules met; rule 1 (paid with pix) not met: no payment with the tenders: pix")},
		{"any: the product holds, the code does not", rules.Any(code, prod), wrong, rlOK(0)},
		{"all: valid code", rules.All(prod, code), rxCoded([]string{"bf-10"}, nil), rlOK(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Selects and Lines mean nothing when the rule fails.
			rlCompare(t, tt.want, rxCheck(t, tt.cond, tt.cart))
		})
	}
}

func TestRedeemed(t *testing.T) {
	bf := rules.PromoCode([]string{"BF-10", "BF-20"})
	natal := rules.PromoCode([]string{"NATAL"})
	prod := rules.ProductCode(rules.RequireAny, "A")
	tests := []struct {
		name string
		cond rules.Condition
		cart promo.Cart
		want []string
	}{
		{"the code, normalized", bf, rxCoded([]string{" bf-20 "}, nil), []string{"BF-20"}},
		{"the first valid code only", bf, rxCoded([]string{"BF-10", "BF-20"}, nil), []string{"BF-10"}},
		{"a used code is skipped", bf, rxCoded([]string{"BF-10", "BF-20"}, []string{"bf-10"}), []string{"BF-20"}},
		{"wrong code", bf, rxCoded([]string{"BF-30"}, nil), nil},
		{"used code", bf, rxCoded([]string{"BF-10"}, []string{"BF-10"}), nil},
		{"no code", bf, rxCoded(nil, nil), nil},
		{"not a promo-code rule", prod, rxCoded([]string{"BF-10"}, nil), nil},
		{"inside all", rules.All(prod, bf), rxCoded([]string{"BF-10"}, nil), []string{"BF-10"}},
		{"inside any inside all", rules.All(prod, rules.Any(prod, bf)), rxCoded([]string{"bf-10"}, nil), []string{"BF-10"}},
		{"two rules, each with its code", rules.All(bf, natal), rxCoded([]string{"natal", "BF-20"}, nil), []string{"BF-20", "NATAL"}},
		{"two rules, one code valid", rules.Any(bf, natal), rxCoded([]string{"NATAL"}, nil), []string{"NATAL"}},
		{"first purchase with a code", rules.All(rules.FirstPurchase(), natal), rxFirst(rxCoded([]string{"NATAL"}, nil)), []string{"NATAL"}},
		{"not the first purchase: the code is not used up", rules.All(rules.FirstPurchase(), natal), rxCoded([]string{"NATAL"}, nil), nil},
		// An OU that holds through another branch: the code in the failing
		// branch (its product B is not in the cart) is not used up.
		{"a code in a failing branch", rules.Any(prod, rules.All(bf, rules.ProductCode(rules.RequireAny, "B"))),
			rxCoded([]string{"BF-10"}, nil), nil},
		{"the whole rule fails", rules.All(bf, rules.ProductCode(rules.RequireAny, "B")), rxCoded([]string{"BF-10"}, nil), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			rs := promotest.NewRuleset(t, promo.Settings{}, rxProbe{fn: func(v *promo.View) { got = rules.Redeemed(tt.cond, v) }})
			if _, err := promo.Evaluate(tt.cart, rs); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Redeemed (-want +got):\n%s", diff)
			}
		})
	}
}

// rxFirst marks a cart as the customer's first purchase.
func rxFirst(c promo.Cart) promo.Cart {
	c.History.FirstPurchase = true
	return c
}

// TestRedeemsCodes checks that a campaign knows when compiled whether its
// rules can redeem a code: a promo-code or issued-code rule anywhere in them.
func TestRedeemsCodes(t *testing.T) {
	product := rules.ProductCode(rules.RequireAny, "P1")
	code := rules.PromoCode([]string{"NATAL10"})
	issued := rules.IssuedCode("emissora", "VOLTE", "segredo", 8, 0, 30)
	for _, tc := range []struct {
		name string
		cond rules.Condition
		want bool
	}{
		{"product", product, false},
		{"promo code", code, true},
		{"issued code", issued, true},
		{"and of products", rules.All(product, rules.ProductCode(rules.RequireAny, "P2")), false},
		{"code deep in an or", rules.All(product, rules.Any(product, code)), true},
		{"issued deep in an and", rules.Any(rules.All(product, issued)), true},
	} {
		if got := rules.RedeemsCodes(tc.cond); got != tc.want {
			t.Errorf("%s: RedeemsCodes = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// An issued code is valid from startsAfterDays after its day of issue for
// validDays days, unused, as issued (in any case), for its issuer only.
func TestIssuedCode(t *testing.T) {
	// Issued on 10 Nov 2026, from the next day for 30 days: 11 Nov to
	// 10 Dec.
	cond := rules.IssuedCode("emissora", "volte", "segredo", 8, 1, 30)
	code := rules.IssueCode("emissora", "volte", "segredo", "venda-1", br.Date{Year: 2026, Month: time.November, Day: 10}, 8)
	on := func(m time.Month, d int, presented ...string) promo.Cart {
		cart := rxCoded(presented, nil)
		cart.Time = rxAt(2026, m, d)
		return cart
	}
	if !strings.HasPrefix(code, "VOLTE") || len(code) != len("VOLTE")+4+8+8 {
		t.Fatalf("IssueCode = %q, want VOLTE, 4 + 8 characters and 8 of check", code)
	}
	rxRun(t, []rxCase{
		{"the day of issue", cond, on(time.November, 10, code), rxNotValid},
		{"the first day", cond, on(time.November, 11, code), rxPass},
		{"the last day", cond, on(time.December, 10, code), rxPass},
		{"the day after", cond, on(time.December, 11, code), rxNotValid},
		{"in lower case", cond, on(time.November, 18, strings.ToLower(code)), rxPass},
		{"after a code of another issuer", cond, on(time.November, 18,
			rules.IssueCode("outra", "volte", "segredo", "venda-1", br.Date{Year: 2026, Month: time.November, Day: 10}, 8), code), rxPass},
		{"used", cond, rxUsed(on(time.November, 18, code), code), rxNotValid},
		{"a character more", cond, on(time.November, 18, code+"A"), rxNotValid},
		{"a check character changed", cond, on(time.November, 18, code[:len(code)-1]+other(code[len(code)-1])), rxNotValid},
		{"another issuer's code", cond, on(time.November, 18,
			rules.IssueCode("outra", "volte", "segredo", "venda-1", br.Date{Year: 2026, Month: time.November, Day: 10}, 8)), rxNotValid},
	})
}

// rxUsed records code as used in the cart's history.
func rxUsed(c promo.Cart, code string) promo.Cart {
	c.History.UsedCodes = append(c.History.UsedCodes, code)
	return c
}
