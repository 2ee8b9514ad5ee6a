package campaign

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/exchange"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
)

// programs compiles the ruleset-wide programs (points, the cashback
// wallet) and the earning-phase promotions of the campaigns' extras
// (cashback earned, bonus points).
func (c *compiler) programs(def Ruleset, campaigns []promo.Promotion) []promo.Promotion {
	var out []promo.Promotion
	var program *loyalty.Program
	if def.Loyalty != nil {
		if j := def.Loyalty.JuntosSomosMais; j != nil {
			program = c.jsm("loyalty.juntos_somos_mais", j)
			if program != nil {
				out = append(out, program)
			}
		} else {
			c.fail("loyalty", "name a program (juntos_somos_mais) or leave loyalty out")
		}
	}
	mode, err := cashback.ParseMode(string(def.Settings.CashbackRedemption))
	if err != nil {
		c.fail("settings.cashback_redemption", "%v", err)
	}
	wallet := def.Settings.CashbackRedemption != ""
	for _, p := range campaigns {
		if m, ok := p.(*markdown); ok && m.cashback != nil {
			out = append(out, cashback.NewEarner(m.info, m.keys, *m.cashback, func(v *promo.View) []int {
				lines, _ := m.lines(v)
				return lines
			}))
			wallet = true
			continue
		}
		r, ok := p.(*reshop)
		if !ok || r.extras == nil {
			continue
		}
		if s := r.extras.cashbackSettings; s != nil {
			settings := *s
			mode := r.xmode
			settings.Basis = func(v *promo.View) *promo.View {
				b, _ := exchange.Basis(v, mode)
				return b
			}
			if r.exc != nil {
				settings.SaleLines = r.saleLines
			}
			out = append(out, cashback.NewEarner(r.info, r.Keys(), settings, r.selected))
			wallet = true
		}
		if r.extras.points {
			out = append(out, loyalty.NewBonus(r.info, r.Keys(), r.extras.fixed, r.extras.mult, program))
		}
	}
	if wallet {
		out = append(out, cashback.NewRedeemer(mode))
	}
	return out
}

func (c *compiler) jsm(p string, j *JuntosSomosMais) *loyalty.Program {
	before := len(c.problems)
	if len(j.Brands) == 0 {
		c.fail(p+".brands", "at least one participating brand is required")
	}
	for i, b := range j.Brands {
		if strings.TrimSpace(b) == "" {
			c.fail(fmt.Sprintf("%s.brands[%d]", p, i), "must not be empty")
		}
	}
	if len(j.Tables) == 0 {
		c.fail(p+".tables", "at least one points table is required")
	}
	stores := map[string]bool{}
	var tables []loyalty.Table
	for i, t := range j.Tables {
		tp := fmt.Sprintf("%s.tables[%d]", p, i)
		if t.Store == "" {
			c.fail(tp+".store", "required (a store id, or * for the others)")
		} else if stores[t.Store] {
			c.fail(tp+".store", "another table is for store %q", t.Store)
		}
		stores[t.Store] = true
		c.amount(tp+".points_per_real", t.PointsPerReal, bounds.Rate)
		table := loyalty.Table{Store: t.Store, PerReal: t.PointsPerReal, Brands: t.Brands}
		if u := t.PointsPerUnit; u != nil {
			if !t.PointsPerReal.IsZero() {
				c.fail(tp+".points_per_unit", "give points_per_real or points_per_unit, not both: a table scores one way")
			} else {
				c.amount(tp+".points_per_unit", *u, bounds.Rate)
			}
			table.Scoring, table.PerReal = loyalty.PerUnit, *u
		}
		folded := map[string]string{}
		for _, name := range sortedNames(t.Brands) {
			f := strings.ToLower(strings.TrimSpace(name))
			if other, dup := folded[f]; dup {
				c.fail(tp+".brands."+name, "same brand as %q", other)
			}
			folded[f] = name
			c.amount(tp+".brands."+name, t.Brands[name], bounds.Rate)
		}
		tables = append(tables, table)
	}
	if len(c.problems) > before {
		return nil
	}
	return loyalty.NewProgram(j.Brands, tables)
}

func sortedNames(m map[string]decimal.Decimal) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
