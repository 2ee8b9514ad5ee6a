package promogen

import (
	"fmt"
	"time"

	"pgregory.net/rapid"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// Customer generates identified customers: a token, sometimes a CPF (one
// the pools name, or any valid one), a birth date (at an age the pools
// name, near a birthday when rules look at birthdays), a sex, a tier and
// groupings from the pools, the LGPD consent, the Conecta agenda and the
// captured fields optional campaigns compare. Birth dates are counted back
// from the first of the generator's instants.
func Customer(opts ...Option) *rapid.Generator[*promo.Customer] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) *promo.Customer {
		ts := c.pools.Instants
		if len(ts) == 0 {
			ts = DefaultInstants()
		}
		return c.customerAt(t, ts[0])
	})
}

// drawCustomer is the sale's customer: the fixed one, or anonymous or one
// drawn.
func (c *config) drawCustomer(t *rapid.T, at time.Time) *promo.Customer {
	if c.customerFixed {
		if c.customer == nil {
			return nil
		}
		cu := *c.customer
		return &cu
	}
	if !chance(t, c.customerPercent, "identified") {
		return nil
	}
	return c.customerAt(t, at)
}

func (c *config) customerAt(t *rapid.T, at time.Time) *promo.Customer {
	tokens := append([]string{"cliente-1", "cliente-2"}, c.pools.Customers...)
	cu := &promo.Customer{ID: rapid.SampledFrom(tokens).Draw(t, "customer_token")}
	if chance(t, 50, "has_tax_id") {
		if len(c.pools.TaxIDs) > 0 && rapid.Bool().Draw(t, "named_tax_id") {
			cu.TaxID = rapid.SampledFrom(c.pools.TaxIDs).Draw(t, "tax_id")
		} else {
			cu.TaxID = CPF().Draw(t, "cpf")
		}
	}
	if chance(t, 60, "has_birth_date") {
		cu.BirthDate = c.birthDate(t, at)
	}
	cu.Sex = rapid.SampledFrom([]promo.Sex{promo.SexUnknown, promo.SexFemale, promo.SexMale, promo.SexOther}).Draw(t, "sex")
	cu.Tier = pick(t, c.pools.Tiers, "tier")
	cu.Groupings = subset(t, c.pools.CustomerGroupings, 3, 50, "customer_grouping")
	cu.LGPDConsent = chance(t, 50, "lgpd_consent")
	cu.UsesAgenda = c.pools.ConectaAgenda && chance(t, 50, "uses_agenda")
	for _, f := range c.pools.Captured {
		if f.Field == "birth_date" || f.Field == "sex" || !chance(t, 50, "captured") {
			continue
		}
		if cu.Captured == nil {
			cu.Captured = map[string]string{}
		}
		cu.Captured[f.Field] = f.Value
	}
	return cu
}

// birthDate draws a birth date: an age in whole years on the sale's date,
// and a number of days before that birthday.
func (c *config) birthDate(t *rapid.T, at time.Time) br.Date {
	ages := rapid.IntRange(16, 90)
	if len(c.pools.Ages) > 0 {
		ages = rapid.OneOf(rapid.SampledFrom(c.pools.Ages), ages)
	}
	age := ages.Draw(t, "age")
	days := rapid.IntRange(0, 364)
	if c.pools.Birthdays {
		days = rapid.OneOf(rapid.SampledFrom([]int{0, 1, 6, 7, 8, 30, 31, 45, 364}), days)
	}
	d := br.DateOf(at)
	day := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).AddDate(-age, 0, -days.Draw(t, "days_before_birthday"))
	return br.DateOf(day)
}

// CPF generates valid CPFs: nine digits and their two check digits.
func CPF() *rapid.Generator[br.TaxID] {
	return rapid.Custom(func(t *rapid.T) br.TaxID {
		body := fmt.Sprintf("%09d", rapid.IntRange(1, 999999998).Draw(t, "cpf_body"))
		if allSame(body) { // 111.111.111-11 and the like are not CPFs
			body = body[:8] + string('0'+(body[8]-'0'+1)%10)
		}
		d1 := cpfDigit(body, 10)
		d2 := cpfDigit(body+string(d1), 11)
		return br.MustParseTaxID(body + string(d1) + string(d2))
	})
}

// cpfDigit is the mod-11 check digit of digits weighted from w down to 2.
func cpfDigit(digits string, w int) byte {
	sum := 0
	for i := range len(digits) {
		sum += int(digits[i]-'0') * (w - i)
	}
	if r := sum % 11; r >= 2 {
		return byte('0' + 11 - r)
	}
	return '0'
}

func allSame(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}
