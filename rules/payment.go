package rules

import (
	"slices"
	"strings"

	"github.com/promokit/promokit/promo"
)

type tenders struct {
	cartWide
	require Require
	values  []string
}

// Tenders holds when the sale is paid with one of the tender types
// (finalizadoras) with RequireAny, or with every one of them with
// RequireAll.
func Tenders(req Require, types ...string) Condition {
	return tenders{require: req, values: slices.Clone(types)}
}

func (t tenders) Describe() (string, string) {
	if t.require == RequireAll {
		return "pagamento com " + strings.Join(t.values, " e "), "paid with " + strings.Join(t.values, " and ")
	}
	return "pagamento com " + strings.Join(t.values, " ou "), "paid with " + strings.Join(t.values, " or ")
}

func (t tenders) Check(v *promo.View) Outcome {
	pays := v.Cart().Payments
	used := func(tender string) bool {
		return slices.ContainsFunc(pays, func(p promo.Payment) bool { return p.Tender == tender })
	}
	var missing []string
	found := false
	for _, x := range t.values {
		if used(x) {
			found = true
		} else {
			missing = append(missing, x)
		}
	}
	if t.require == RequireAll && len(missing) > 0 {
		m := strings.Join(missing, ", ")
		return fail("faltam as finalizadoras: "+m, "missing tenders: "+m)
	}
	if !found {
		m := strings.Join(t.values, ", ")
		return fail("nenhum pagamento com as finalizadoras: "+m, "no payment with the tenders: "+m)
	}
	return pass()
}

type cardBIN struct {
	cartWide
	prefixes []string
}

// CardBIN holds when a payment's card BIN starts with one of prefixes.
func CardBIN(prefixes ...string) Condition { return cardBIN{prefixes: slices.Clone(prefixes)} }

func (c cardBIN) Describe() (string, string) {
	p := strings.Join(c.prefixes, ", ")
	return "cartão com BIN " + p, "card BIN " + p
}

func (c cardBIN) Check(v *promo.View) Outcome {
	for _, p := range v.Cart().Payments {
		if p.BIN == "" {
			continue
		}
		for _, pre := range c.prefixes {
			if strings.HasPrefix(p.BIN, pre) {
				return pass()
			}
		}
	}
	pt, en := c.Describe()
	return fail("nenhum pagamento com "+pt, "no payment with "+en)
}
