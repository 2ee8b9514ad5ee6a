package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// cartWide is embedded by the conditions that select no lines.
type cartWide struct{}

func (cartWide) sealed()          {}
func (cartWide) Keys() promo.Keys { return promo.Keys{CartWide: true} }

func fail(pt, en string) Outcome {
	return Outcome{Reason: promo.Reason{Code: promo.ReasonRuleFailed, PT: pt, EN: en}}
}

func pass() Outcome { return Outcome{OK: true} }

func noCustomer() Outcome {
	return fail("venda sem cliente identificado", "the sale has no identified customer")
}

// customerPred is a condition on the identified customer; an anonymous sale
// never meets it.
type customerPred struct {
	cartWide
	pt, en string
	ok     func(c *promo.Customer, v *promo.View) bool
}

func (c customerPred) Describe() (string, string) { return c.pt, c.en }

func (c customerPred) Check(v *promo.View) Outcome {
	cu := v.Cart().Customer
	if cu == nil {
		return noCustomer()
	}
	if c.ok(cu, v) {
		return pass()
	}
	return fail("cliente não atende: "+c.pt, "customer does not meet: "+c.en)
}

// TaxIDIn holds when the customer's CPF or CNPJ is one of ids (classificação
// por CPF/CNPJ).
func TaxIDIn(ids ...br.TaxID) Condition {
	ids = slices.Clone(ids)
	return customerPred{
		pt: fmt.Sprintf("CPF/CNPJ em uma lista de %d", len(ids)),
		en: fmt.Sprintf("CPF/CNPJ in a list of %d", len(ids)),
		ok: func(c *promo.Customer, _ *promo.View) bool {
			return !c.TaxID.IsZero() && slices.Contains(ids, c.TaxID)
		},
	}
}

// AgeBetween holds when the customer's age on the sale's date is between
// min and max years, inclusive (classificação por idade). A customer with
// no birth date never meets it.
func AgeBetween(min, max int) Condition {
	return customerPred{
		pt: fmt.Sprintf("idade entre %d e %d anos", min, max),
		en: fmt.Sprintf("age between %d and %d", min, max),
		ok: func(c *promo.Customer, v *promo.View) bool {
			if c.BirthDate.IsZero() {
				return false
			}
			age := c.BirthDate.AgeOn(br.DateOf(v.Time()))
			return age >= min && age <= max
		},
	}
}

// SexIs holds when the customer's registered sex is s (classificação por sexo).
func SexIs(s promo.Sex) Condition {
	return customerPred{
		pt: "sexo " + s.String(), en: "sex " + s.String(),
		ok: func(c *promo.Customer, _ *promo.View) bool { return c.Sex == s },
	}
}

// TierIn holds when the customer's classification or loyalty category is
// one of tiers (categoria de fidelidade).
func TierIn(tiers ...string) Condition {
	tiers = slices.Clone(tiers)
	return customerPred{
		pt: "categoria do cliente " + strings.Join(tiers, " ou "),
		en: "customer tier " + strings.Join(tiers, " or "),
		ok: func(c *promo.Customer, _ *promo.View) bool { return slices.Contains(tiers, c.Tier) },
	}
}

// CustomerGroup holds when the customer belongs to the customer grouping
// (agrupamento de clientes) named name: the host lists it among the
// customer's groupings, or the grouping's members include the customer's
// token or CPF/CNPJ.
func CustomerGroup(name string, members []string) Condition {
	set := make(map[string]bool, len(members))
	for _, m := range members {
		set[normalizeMember(m)] = true
	}
	return customerPred{
		pt: "cliente do agrupamento " + name, en: "customer in grouping " + name,
		ok: func(c *promo.Customer, _ *promo.View) bool {
			if slices.Contains(c.Groupings, name) || set[c.ID] {
				return true
			}
			return !c.TaxID.IsZero() && set[c.TaxID.String()]
		},
	}
}

// normalizeMember strips the punctuation of a CPF or CNPJ member so that
// "529.982.247-25" and "52998224725" are the same member; other tokens are
// kept as they are.
func normalizeMember(m string) string {
	if t, err := br.ParseTaxID(m); err == nil {
		return t.String()
	}
	return m
}

// UsesAgenda holds when the customer uses the Conecta agenda (Conecta
// Agenda). The compiler allows it on optional campaigns only.
func UsesAgenda() Condition {
	return customerPred{
		pt: "cliente usa a agenda Conecta", en: "customer uses the Conecta agenda",
		ok: func(c *promo.Customer, _ *promo.View) bool { return c.UsesAgenda },
	}
}

// LGPDConsent holds when the customer accepted the LGPD terms for campaign
// benefits (validar aceite LGPD).
func LGPDConsent() Condition {
	return customerPred{
		pt: "aceite LGPD", en: "LGPD consent",
		ok: func(c *promo.Customer, _ *promo.View) bool { return c.LGPDConsent },
	}
}

// IsCapturedField reports whether name is a field CapturedField compares:
// name, email, phone, address, birth_date or sex.
func IsCapturedField(name string) bool {
	switch name {
	case "name", "email", "phone", "address", "birth_date", "sex":
		return true
	}
	return false
}

// CapturedField holds when the customer field captured at the sale equals
// value, ignoring case and surrounding spaces (campo capturado). birth_date
// compares "YYYY-MM-DD" and sex "female", "male" or "other". The compiler
// allows it on optional campaigns only.
func CapturedField(field, value string) Condition {
	want := strings.ToLower(strings.TrimSpace(value))
	return customerPred{
		pt: fmt.Sprintf("campo capturado %s = %q", field, value),
		en: fmt.Sprintf("captured field %s = %q", field, value),
		ok: func(c *promo.Customer, _ *promo.View) bool {
			var got string
			switch field {
			case "birth_date":
				got = c.BirthDate.String()
			case "sex":
				got = c.Sex.String()
			default:
				got = c.Captured[field]
			}
			return got != "" && strings.ToLower(strings.TrimSpace(got)) == want
		},
	}
}
