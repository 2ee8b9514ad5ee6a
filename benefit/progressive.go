package benefit

import (
	"fmt"
	"slices"
	"sort"

	"github.com/shopspring/decimal"

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
// lines by value. onSale runs it in the sale phase (desconto na venda);
// otherwise in the item phase.
func Progressive(onSale bool, tiers ...Tier) Benefit {
	ts := slices.Clone(tiers)
	sort.SliceStable(ts, func(a, b int) bool { return ts[a].MinQuantity < ts[b].MinQuantity })
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
	limited := s.MaxUnits > 0 && units > s.MaxUnits
	if limited {
		units = s.MaxUnits // only the units an item limit still allows count
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
			PT: fmt.Sprintf("a primeira faixa pede %d unidades: faltam %d", first, first-units),
			EN: fmt.Sprintf("the first tier needs %d units: %d missing", first, first-units)})
	}
	kind := promo.ItemDiscount
	if b.onSale {
		kind = promo.SaleDiscount
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1, Units: units}
	if limited {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonLimitUnits,
			PT: fmt.Sprintf("limite de ativações: a faixa considera só %d unidades", units),
			EN: fmt.Sprintf("activation limit: the tier counts only %d units", units)})
	}
	t := b.tiers[k]
	if limited {
		// Only the units the limit allows (the dearest) take the discount.
		sel := selectUnits(v, lines, plan{group: 1, pick: 1, fromTop: true, maxUnits: s.MaxUnits})
		worth := make([]decimal.Decimal, v.Len())
		var picked []int
		for _, u := range sel.picked {
			worth[u.line] = v.ValueOf(u.line, decimal.NewFromInt(u.units))
			picked = append(picked, u.line)
		}
		v = v.Rebased(worth)
		lines = picked
	}
	if t.IsPercent {
		spreadPercent(&p, v, lines, t.Percent, kind)
	} else {
		spreadAmount(&p, v, lines, t.Amount, kind)
	}
	return p
}
