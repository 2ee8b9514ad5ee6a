package benefit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Tier is one step of a progressive discount: from MinQuantity eligible
// whole units, Amount off (or Percent off, when IsPercent) the eligible
// lines' total.
type Tier struct {
	MinQuantity int64
	Amount      decimal.Decimal
	Percent     decimal.Decimal
	IsPercent   bool
}

type progressive struct {
	onSale bool
	tiers  []Tier // by MinQuantity, ascending
}

// Progressive is a discount that grows with the quantity bought
// (progressivo): "2 itens R$ 20, 3 itens R$ 30". The highest tier the
// eligible whole units reach applies, once, apportioned to the eligible
// lines by value; of tiers with the same minimum, the last given. onSale
// runs it in the sale phase (desconto na venda); otherwise in the item
// phase.
func Progressive(onSale bool, tiers ...Tier) Benefit {
	ts := slices.Clone(tiers)
	slices.SortStableFunc(ts, func(a, b Tier) int { return cmp.Compare(a.MinQuantity, b.MinQuantity) })
	return progressive{onSale: onSale, tiers: ts}
}

func (progressive) sealed() {}

func (b progressive) Phase() promo.Phase {
	if b.onSale {
		return promo.PhaseSale
	}
	return promo.PhaseItem
}

func (b progressive) Apply(v *promo.View, s Scope) promo.Proposal {
	lines := valued(v, s.Lines)
	if len(lines) == 0 {
		return promo.NotEligible(noEligible())
	}
	var units int64
	for _, i := range lines {
		if l := v.Line(i); l.Countable() {
			units += l.Quantity.IntPart()
		}
	}
	limit := capOf(s)
	limited := limit > 0 && units > limit
	if limited {
		units = limit // only the units an item limit still allows count
	}
	k := -1
	for j, t := range b.tiers {
		if units >= t.MinQuantity {
			k = j
		}
	}
	if k < 0 {
		first := b.tiers[0].MinQuantity
		return promo.NotEligible(promo.Reason{Code: promo.ReasonMinQuantity,
			PT:      fmt.Sprintf("a primeira faixa pede %d unidades: faltam %d", first, first-units),
			EN:      fmt.Sprintf("the first tier needs %d units: %d missing", first, first-units),
			Missing: shortOf(v, lines, first-units)})
	}
	kind := promo.ItemDiscount
	if b.onSale {
		kind = promo.SaleDiscount
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1, Units: units}
	t := b.tiers[k]
	switch {
	case limited:
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonLimitUnits,
			PT: fmt.Sprintf("limite de ativações: a faixa considera só %d unidades", units),
			EN: fmt.Sprintf("activation limit: the tier counts only %d units", units)})
		// Only the units the limit allows (the dearest) take the discount,
		// each in proportion to what it costs.
		sel := selectUnits(v, lines, plan{group: 1, pick: 1, fromTop: true, maxUnits: limit})
		spreadPicked(&p, v, sel.picked, t.off(&p, v, sel.picked), kind)
	case t.IsPercent:
		spreadPercent(&p, v, lines, t.Percent, kind)
	default:
		spreadAmount(&p, v, lines, t.Amount, kind)
	}
	return p
}

// off is what tier t takes off the picked units: its percent of what they
// cost, or its amount capped at it (with a note on p).
func (t Tier) off(p *promo.Proposal, v *promo.View, units []picked) decimal.Decimal {
	worth := decimal.Zero
	for _, u := range units {
		worth = worth.Add(u.each.Mul(decimal.NewFromInt(u.units)))
	}
	amount := t.Amount
	if t.IsPercent {
		amount = v.Round(worth.Mul(t.Percent).DivRound(decimal.NewFromInt(100), 12))
	} else if amount.GreaterThan(worth) {
		p.Reasons = append(p.Reasons, promo.Reason{Code: promo.ReasonDiscountCapped,
			PT: "o desconto de R$ " + money.Format(amount) + " foi limitado ao total de R$ " + money.Format(worth),
			EN: "the discount of R$ " + amount.StringFixed(2) + " was capped at the total of R$ " + worth.StringFixed(2)})
		amount = worth
	}
	return amount
}

// spreadPicked apportions amount to the lines of the picked units by what
// those units cost (largest remainder, in line-id order), then within a
// line to its runs.
func spreadPicked(p *promo.Proposal, v *promo.View, units []picked, amount decimal.Decimal, kind promo.AdjustmentKind) {
	var order []int
	lineWorth := map[int]decimal.Decimal{}
	for _, u := range units {
		if _, ok := lineWorth[u.line]; !ok {
			order = append(order, u.line)
			lineWorth[u.line] = decimal.Zero
		}
		lineWorth[u.line] = lineWorth[u.line].Add(u.each.Mul(decimal.NewFromInt(u.units)))
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(v.Rank(a), v.Rank(b)) })
	weights := make([]decimal.Decimal, len(order))
	for k, i := range order {
		weights[k] = lineWorth[i]
	}
	for k, sh := range promo.Apportion(v.Round(amount), weights) {
		i := order[k]
		if sh.Sign() <= 0 || weights[k].Sign() <= 0 {
			continue
		}
		var runs []picked
		var rw []decimal.Decimal
		for _, u := range units {
			if u.line == i {
				runs = append(runs, u)
				rw = append(rw, u.each.Mul(decimal.NewFromInt(u.units)))
			}
		}
		for j, c := range promo.Apportion(sh, rw) {
			if c.Sign() > 0 {
				p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: kind, Run: runs[j].run, Units: runs[j].units, Amount: c})
			}
		}
	}
}
