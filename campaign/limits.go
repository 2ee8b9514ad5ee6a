package campaign

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// ReasonLimitReached means an activation limit has no activation left for this
// sale (limite de ativações).
const ReasonLimitReached = benefit.ReasonLimitReached

// ReasonLimitNeedsCustomer means a per-customer limit cannot be counted on an
// anonymous sale, so the campaign does not apply to it.
const ReasonLimitNeedsCustomer promo.ReasonCode = "limit_requires_customer"

// limit is a compiled activation limit.
type limit struct {
	general bool  // all customers together, else per customer
	items   bool  // counts units that got the benefit, else sales
	max     int64 // activations allowed per period
	period  LimitPeriod
}

// periodKey names the period of instant t: "2026-11-21", "2026-W47",
// "2026-11" or "all" for the campaign's whole period. Days, weeks (ISO,
// Monday to Sunday) and months are those of the sale's own location.
func periodKey(period LimitPeriod, c *promo.Cart) string {
	t := c.Time
	switch period {
	case PeriodDay:
		return br.DateOf(t).String()
	case PeriodWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
	}
	return "all"
}

// key returns the History.Counters key of the limit for a cart; false when
// the limit is per customer and the sale is anonymous.
func (l limit) key(campaignID string, c *promo.Cart) (string, bool) {
	who := "all"
	if !l.general {
		if c.Customer == nil {
			return "", false
		}
		who = "customer/" + c.Customer.ID
	}
	unit := "sales"
	if l.items {
		unit = "items"
	}
	return "limit/" + campaignID + "/" + who + "/" + periodKey(l.period, c) + "/" + unit, true
}

func (l limit) describe() (pt, en string) {
	scopePT, scopeEN := "por cliente", "per customer"
	if l.general {
		scopePT, scopeEN = "no total", "in total"
	}
	unitPT, unitEN := "vendas", "sales"
	if l.items {
		unitPT, unitEN = "itens", "items"
	}
	perPT := map[string]string{"day": "por dia", "week": "por semana", "month": "por mês", "campaign": "na campanha"}[string(l.period)]
	perEN := map[string]string{"day": "per day", "week": "per week", "month": "per month", "campaign": "in the campaign"}[string(l.period)]
	return fmt.Sprintf("%d %s %s %s", l.max, unitPT, scopePT, perPT), fmt.Sprintf("%d %s %s %s", l.max, unitEN, scopeEN, perEN)
}

// checkLimits returns how many units the item limits still allow (0: no
// item limit) or why the campaign cannot apply.
func checkLimits(id string, limits []limit, c *promo.Cart) (maxUnits int64, why *promo.Reason) {
	for _, l := range limits {
		key, ok := l.key(id, c)
		if !ok {
			return 0, &promo.Reason{Code: ReasonLimitNeedsCustomer,
				PT: "limite por cliente: a venda precisa de um cliente identificado",
				EN: "per-customer limit: the sale needs an identified customer"}
		}
		used := c.History.Counters[key]
		left := decimal.NewFromInt(l.max).Sub(used).Floor().IntPart()
		if left <= 0 {
			pt, en := l.describe()
			return 0, &promo.Reason{Code: ReasonLimitReached,
				PT: "limite de ativações atingido: " + pt,
				EN: "activation limit reached: " + en}
		}
		if l.items && (maxUnits == 0 || left < maxUnits) {
			maxUnits = left
		}
	}
	return maxUnits, nil
}

// countersFor returns what an application adds to each limit counter.
func countersFor(id string, limits []limit, c *promo.Cart, units int64) []promo.CounterDelta {
	var out []promo.CounterDelta
	for _, l := range limits {
		key, _ := l.key(id, c)
		add := decimal.NewFromInt(1)
		if l.items {
			add = decimal.NewFromInt(units)
		}
		out = append(out, promo.CounterDelta{Key: key, Add: add})
	}
	return out
}

func (c *compiler) limits(p string, defs []Limit, onItems bool) []limit {
	var out []limit
	seen := map[Limit]int{}
	for i, d := range defs {
		lp := fmt.Sprintf("%s[%d]", p, i)
		same := Limit{Scope: d.Scope, Count: d.Count, Period: d.Period}
		if j, dup := seen[same]; dup {
			c.fail(lp, "limits[%d] has the same scope, count and period: keep one", j)
		}
		seen[same] = i
		var l limit
		switch d.Scope {
		case ScopeGeneral:
			l.general = true
		case ScopeCustomer:
		default:
			c.fail(lp+".scope", "want general or customer, got %q", d.Scope)
		}
		switch d.Count {
		case CountSale:
		case CountItem:
			l.items = true
			if !onItems {
				c.fail(lp+".count", "item limits need an item benefit (benefit.on: items)")
			}
		default:
			c.fail(lp+".count", "want sale or item, got %q", d.Count)
		}
		if d.Max < 1 {
			c.fail(lp+".max", "must be at least 1")
		}
		switch d.Period {
		case PeriodDay, PeriodWeek, PeriodMonth, PeriodCampaign:
		default:
			c.fail(lp+".period", "want day, week, month or campaign, got %q", d.Period)
		}
		l.max, l.period = d.Max, d.Period
		out = append(out, l)
	}
	return out
}
