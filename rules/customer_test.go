package rules_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// The tests of the Reshop conditions (customer, birthday, payment, context,
// promo code) reach a *promo.View through rxProbe: a cart-wide promotion
// whose Apply runs the code under test on the View it is given.

// rxProbe hands its View to fn and proposes nothing.
type rxProbe struct{ fn func(v *promo.View) }

func (rxProbe) Info() promo.Info {
	return promo.Info{ID: "rx-probe", Name: "rx probe", Phase: promo.PhaseSale}
}
func (rxProbe) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p rxProbe) Apply(v *promo.View) promo.Proposal {
	p.fn(v)
	return promo.NotEligible()
}

// rxCheck checks cond on cart through promo.Evaluate.
func rxCheck(t *testing.T, cond rules.Condition, cart promo.Cart) rules.Outcome {
	t.Helper()
	var out rules.Outcome
	called := false
	rs, err := promo.NewRuleset(promo.Settings{}, rxProbe{fn: func(v *promo.View) {
		called = true
		out = cond.Check(v)
	}})
	if err != nil {
		t.Fatalf("NewRuleset: %v", err)
	}
	if _, err := promo.Evaluate(cart, rs); err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if !called {
		t.Fatal("the probe was not run")
	}
	return out
}

// rxAt is 10:15 in São Paulo on the given day.
func rxAt(y int, m time.Month, d int) time.Time {
	return testkit.At(y, m, d, 10, 15, 0)
}

// rxCart is a sale of one line (1 × 10.00) in store loja-1 on 2026-11-18
// (a Wednesday) at 10:15 in São Paulo, by customer cu (nil: anonymous).
func rxCart(cu *promo.Customer) promo.Cart {
	return promo.Cart{
		ID: "sale-rx", Time: rxAt(2026, time.November, 18), Store: promo.Store{ID: "loja-1"},
		Customer: cu,
		Lines:    []promo.Line{{ID: "1", ProductCode: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}},
	}
}

// rxPass is the outcome of a cart-wide condition that holds: it selects no
// lines.
var rxPass = rules.Outcome{OK: true}

// rxFail is the outcome of a condition that fails with rule_failed.
func rxFail(pt, en string) rules.Outcome {
	return rules.Outcome{Reason: promo.Reason{Code: promo.ReasonRuleFailed, PT: pt, EN: en}}
}

// rxAnonymous is the outcome of a customer condition on an anonymous sale.
var rxAnonymous = rxFail("venda sem cliente identificado", "the sale has no identified customer")

func rxCompare(t *testing.T, want, got rules.Outcome) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}
}

// rxCase is one condition checked on one cart.
type rxCase struct {
	name string
	cond rules.Condition
	cart promo.Cart
	want rules.Outcome
}

func rxRun(t *testing.T, tests []rxCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rxCompare(t, tt.want, rxCheck(t, tt.cond, tt.cart))
		})
	}
}

// rxCustomer returns a customer with token "tok-1", changed by fn.
func rxCustomer(fn func(c *promo.Customer)) *promo.Customer {
	c := &promo.Customer{ID: "tok-1"}
	if fn != nil {
		fn(c)
	}
	return c
}

// Valid tax ids: the CPF check digits worked out by the mod-11 rule
// (529982247 -> 2, 5; 111444777 -> 3, 5; 123456789 -> 0, 9) and a CNPJ.
var (
	rxCPF1 = br.MustParseTaxID("529.982.247-25")
	rxCPF2 = br.MustParseTaxID("111.444.777-35")
	rxCPF3 = br.MustParseTaxID("123.456.789-09")
	rxCNPJ = br.MustParseTaxID("11.222.333/0001-81")
)

func TestTaxIDIn(t *testing.T) {
	cond := rules.TaxIDIn(rxCPF1, rxCNPJ)
	notIn := rxFail("cliente não atende: CPF/CNPJ em uma lista de 2", "customer does not meet: CPF/CNPJ in a list of 2")
	rxRun(t, []rxCase{
		{"CPF in the list", cond, rxCart(rxCustomer(func(c *promo.Customer) { c.TaxID = rxCPF1 })), rxPass},
		{"CPF written without punctuation is the same CPF", cond,
			rxCart(rxCustomer(func(c *promo.Customer) { c.TaxID = br.MustParseTaxID("52998224725") })), rxPass},
		{"CNPJ in the list", cond, rxCart(rxCustomer(func(c *promo.Customer) { c.TaxID = rxCNPJ })), rxPass},
		{"CPF not in the list", cond, rxCart(rxCustomer(func(c *promo.Customer) { c.TaxID = rxCPF2 })), notIn},
		{"customer without CPF", cond, rxCart(rxCustomer(nil)), notIn},
		{"anonymous sale", cond, rxCart(nil), rxAnonymous},
		{"empty list holds for nobody", rules.TaxIDIn(), rxCart(rxCustomer(func(c *promo.Customer) { c.TaxID = rxCPF1 })),
			rxFail("cliente não atende: CPF/CNPJ em uma lista de 0", "customer does not meet: CPF/CNPJ in a list of 0")},
	})
}

func TestTaxIDInKeepsItsOwnList(t *testing.T) {
	ids := []br.TaxID{rxCPF1}
	cond := rules.TaxIDIn(ids...)
	ids[0] = rxCPF2 // the caller's slice changes after the rule is built
	cart := rxCart(rxCustomer(func(c *promo.Customer) { c.TaxID = rxCPF1 }))
	rxCompare(t, rxPass, rxCheck(t, cond, cart))
}

func TestAgeBetween(t *testing.T) {
	born := func(s string) *promo.Customer {
		return rxCustomer(func(c *promo.Customer) { c.BirthDate = br.MustParseDate(s) })
	}
	cond := rules.AgeBetween(18, 25)
	out := rxFail("cliente não atende: idade entre 18 e 25 anos", "customer does not meet: age between 18 and 25")
	// The sale is on 2026-11-18.
	rxRun(t, []rxCase{
		// 2026 - 2008 = 18, birthday already passed: 18.
		{"18 on the day of the 18th birthday", cond, rxCart(born("2008-11-18")), rxPass},
		// Birthday tomorrow: still 17.
		{"17 the day before the 18th birthday", cond, rxCart(born("2008-11-19")), out},
		// 2026 - 2000 = 26, but the birthday is tomorrow: 25.
		{"25 until the day before the 26th birthday", cond, rxCart(born("2000-11-19")), rxPass},
		{"26 on the day of the 26th birthday", cond, rxCart(born("2000-11-18")), out},
		// The months decide before the days: born in October on a later
		// day of the month (25 > 18), the birthday is past: 2026 - 2000 =
		// 26.
		{"26 a month after the birthday, on an earlier day", cond, rxCart(born("2000-10-25")), out},
		// Born in December on an earlier day (1 < 18), the birthday is to
		// come: 2026 - 2000 - 1 = 25.
		{"25 a month before the birthday, on a later day", cond, rxCart(born("2000-12-01")), rxPass},
		// Born 2008-10-25: 18 since October. Born 2008-12-01: 17 until
		// December.
		{"18 since last month", cond, rxCart(born("2008-10-25")), rxPass},
		{"17 until next month", cond, rxCart(born("2008-12-01")), out},
		// 2026 - 1990 = 36.
		{"36", cond, rxCart(born("1990-01-01")), out},
		{"no birth date", cond, rxCart(rxCustomer(nil)), out},
		{"anonymous sale", cond, rxCart(nil), rxAnonymous},
		{"min equals max", rules.AgeBetween(25, 25), rxCart(born("2001-01-31")), rxPass},
	})
}

func TestAgeUsesTheSaleLocalDate(t *testing.T) {
	// 23:30 on 2026-11-18 in São Paulo is already 2026-11-19 02:30 UTC. The
	// customer turns 18 on the 19th: in the store's calendar they are 17.
	cart := rxCart(rxCustomer(func(c *promo.Customer) { c.BirthDate = br.MustParseDate("2008-11-19") }))
	cart.Time = testkit.At(2026, time.November, 18, 23, 30, 0)
	rxCompare(t, rxFail("cliente não atende: idade entre 18 e 99 anos", "customer does not meet: age between 18 and 99"),
		rxCheck(t, rules.AgeBetween(18, 99), cart))
}

func TestAgeOfALeapDayBirth(t *testing.T) {
	// Born on 29 Feb 2008. Código Civil art. 132 §3: a period of years ends
	// on the day of the same number, or on the next day when the month has
	// none; so in 2026, a common year, the 18th birthday is reached on
	// 1 March, and in 2028 on 29 February.
	at := func(day string) promo.Cart {
		cart := rxCart(rxCustomer(func(c *promo.Customer) { c.BirthDate = br.MustParseDate("2008-02-29") }))
		d := br.MustParseDate(day)
		cart.Time = rxAt(d.Year, d.Month, d.Day)
		return cart
	}
	adult := rules.AgeBetween(18, 150)
	minor := rxFail("cliente não atende: idade entre 18 e 150 anos", "customer does not meet: age between 18 and 150")
	rxRun(t, []rxCase{
		{"28 Feb 2026: still 17", adult, at("2026-02-28"), minor},
		{"1 Mar 2026: 18", adult, at("2026-03-01"), rxPass},
		{"28 Feb 2028: 19", rules.AgeBetween(19, 19), at("2028-02-28"), rxPass},
		{"29 Feb 2028: 20", rules.AgeBetween(20, 20), at("2028-02-29"), rxPass},
	})
}

func TestSexIs(t *testing.T) {
	sex := func(s promo.Sex) promo.Cart { return rxCart(rxCustomer(func(c *promo.Customer) { c.Sex = s })) }
	cond := rules.SexIs(promo.SexFemale)
	out := rxFail("cliente não atende: sexo female", "customer does not meet: sex female")
	rxRun(t, []rxCase{
		{"female", cond, sex(promo.SexFemale), rxPass},
		{"male", cond, sex(promo.SexMale), out},
		{"other", cond, sex(promo.SexOther), out},
		{"not informed", cond, sex(promo.SexUnknown), out},
		{"anonymous sale", cond, rxCart(nil), rxAnonymous},
		{"male rule", rules.SexIs(promo.SexMale), sex(promo.SexMale), rxPass},
	})
}

func TestTierIn(t *testing.T) {
	tier := func(s string) promo.Cart { return rxCart(rxCustomer(func(c *promo.Customer) { c.Tier = s })) }
	cond := rules.TierIn("ouro", "diamante")
	out := rxFail("cliente não atende: categoria do cliente ouro ou diamante", "customer does not meet: customer tier ouro or diamante")
	rxRun(t, []rxCase{
		{"first tier", cond, tier("ouro"), rxPass},
		{"second tier", cond, tier("diamante"), rxPass},
		{"another tier", cond, tier("prata"), out},
		{"no tier", cond, tier(""), out},
		{"anonymous sale", cond, rxCart(nil), rxAnonymous},
	})
}

func TestCustomerGroup(t *testing.T) {
	// Members: a token, a CPF written with punctuation and one without.
	cond := rules.CustomerGroup("vip", []string{"tok-9", "529.982.247-25", "11144477735"})
	out := rxFail("cliente não atende: cliente do agrupamento vip", "customer does not meet: customer in grouping vip")
	cu := func(id string, tax br.TaxID, groups ...string) promo.Cart {
		return rxCart(&promo.Customer{ID: id, TaxID: tax, Groupings: groups})
	}
	rxRun(t, []rxCase{
		{"by token", cond, cu("tok-9", br.TaxID{}), rxPass},
		{"by CPF, member with punctuation", cond, cu("tok-1", rxCPF1), rxPass},
		{"by CPF, member without punctuation", cond, cu("tok-1", rxCPF2), rxPass},
		{"listed by the host", cond, cu("tok-1", br.TaxID{}, "outro", "vip"), rxPass},
		{"another grouping listed by the host", cond, cu("tok-1", rxCPF3, "outro"), out},
		{"neither token nor CPF", cond, cu("tok-1", rxCPF3), out},
		{"no CPF, token not a member", cond, cu("tok-1", br.TaxID{}), out},
		{"anonymous sale", cond, rxCart(nil), rxAnonymous},
	})
}

func TestUsesAgendaAndLGPDConsent(t *testing.T) {
	flags := func(agenda, consent bool) promo.Cart {
		return rxCart(rxCustomer(func(c *promo.Customer) { c.UsesAgenda, c.LGPDConsent = agenda, consent }))
	}
	noAgenda := rxFail("cliente não atende: cliente usa a agenda Conecta", "customer does not meet: customer uses the Conecta agenda")
	noConsent := rxFail("cliente não atende: aceite LGPD", "customer does not meet: LGPD consent")
	rxRun(t, []rxCase{
		{"agenda: uses it", rules.UsesAgenda(), flags(true, false), rxPass},
		{"agenda: does not", rules.UsesAgenda(), flags(false, true), noAgenda},
		{"agenda: anonymous", rules.UsesAgenda(), rxCart(nil), rxAnonymous},
		{"consent: given", rules.LGPDConsent(), flags(false, true), rxPass},
		{"consent: not given", rules.LGPDConsent(), flags(true, false), noConsent},
		{"consent: anonymous", rules.LGPDConsent(), rxCart(nil), rxAnonymous},
	})
}

func TestIsCapturedField(t *testing.T) {
	for _, f := range []string{"name", "email", "phone", "address", "birth_date", "sex"} {
		if !rules.IsCapturedField(f) {
			t.Errorf("IsCapturedField(%q) = false, want true", f)
		}
	}
	for _, f := range []string{"", "cpf", "tax_id", "Name", "EMAIL", " name", "tier"} {
		if rules.IsCapturedField(f) {
			t.Errorf("IsCapturedField(%q) = true, want false", f)
		}
	}
}

func TestCapturedField(t *testing.T) {
	ana := rxCart(rxCustomer(func(c *promo.Customer) {
		c.BirthDate = br.MustParseDate("1990-05-17")
		c.Sex = promo.SexFemale
		c.Captured = map[string]string{"name": "Ana Souza", "email": "ana@example.com", "phone": "+55 11 91234-5678"}
	}))
	out := func(field, value string) rules.Outcome {
		return rxFail(`cliente não atende: campo capturado `+field+` = "`+value+`"`,
			`customer does not meet: captured field `+field+` = "`+value+`"`)
	}
	rxRun(t, []rxCase{
		{"name, case and spaces ignored", rules.CapturedField("name", "  ANA souza "), ana, rxPass},
		{"email", rules.CapturedField("email", "Ana@Example.com"), ana, rxPass},
		{"email differs", rules.CapturedField("email", "bia@example.com"), ana, out("email", "bia@example.com")},
		{"phone", rules.CapturedField("phone", "+55 11 91234-5678"), ana, rxPass},
		{"address not captured", rules.CapturedField("address", "Rua A, 1"), ana, out("address", "Rua A, 1")},
		{"an empty value never matches a missing field", rules.CapturedField("address", ""), ana, out("address", "")},
		{"birth date from the registration", rules.CapturedField("birth_date", "1990-05-17"), ana, rxPass},
		{"birth date differs", rules.CapturedField("birth_date", "1990-05-18"), ana, out("birth_date", "1990-05-18")},
		{"sex from the registration", rules.CapturedField("sex", "Female"), ana, rxPass},
		{"sex differs", rules.CapturedField("sex", "male"), ana, out("sex", "male")},
		{"anonymous sale", rules.CapturedField("name", "Ana Souza"), rxCart(nil), rxAnonymous},
	})
}

func TestCustomerDescribeAndKeys(t *testing.T) {
	tests := []struct {
		cond   rules.Condition
		pt, en string
	}{
		{rules.TaxIDIn(rxCPF1), "CPF/CNPJ em uma lista de 1", "CPF/CNPJ in a list of 1"},
		{rules.AgeBetween(60, 150), "idade entre 60 e 150 anos", "age between 60 and 150"},
		{rules.SexIs(promo.SexMale), "sexo male", "sex male"},
		{rules.TierIn("ouro"), "categoria do cliente ouro", "customer tier ouro"},
		{rules.CustomerGroup("vip", nil), "cliente do agrupamento vip", "customer in grouping vip"},
		{rules.UsesAgenda(), "cliente usa a agenda Conecta", "customer uses the Conecta agenda"},
		{rules.LGPDConsent(), "aceite LGPD", "LGPD consent"},
		{rules.CapturedField("email", "a@b.c"), `campo capturado email = "a@b.c"`, `captured field email = "a@b.c"`},
	}
	for _, tt := range tests {
		pt, en := tt.cond.Describe()
		if diff := cmp.Diff([]string{tt.pt, tt.en}, []string{pt, en}); diff != "" {
			t.Errorf("Describe (-want +got):\n%s", diff)
		}
		// A customer rule selects no lines: the index must look at it for
		// every cart.
		if diff := cmp.Diff(promo.Keys{CartWide: true}, tt.cond.Keys()); diff != "" {
			t.Errorf("%s: Keys (-want +got):\n%s", tt.en, diff)
		}
	}
}

func TestCartWideRulesInComposites(t *testing.T) {
	code := rules.ProductCode(rules.RequireAny, "A")
	tests := []struct {
		name string
		cond rules.Condition
		want promo.Keys
	}{
		// AND with a product rule: only carts with the product can match.
		{"all of customer and product", rules.All(rules.SexIs(promo.SexFemale), code), promo.Keys{ProductCodes: []string{"A"}}},
		// OR with a customer rule: any cart can match.
		{"any of customer and product", rules.Any(rules.SexIs(promo.SexFemale), code), promo.Keys{CartWide: true}},
		{"all of customer rules", rules.All(rules.LGPDConsent(), rules.TierIn("ouro")), promo.Keys{CartWide: true}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.cond.Keys()); diff != "" {
			t.Errorf("%s: Keys (-want +got):\n%s", tt.name, diff)
		}
	}
}
