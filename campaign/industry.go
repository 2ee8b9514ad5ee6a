package campaign

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
)

// IndustryPromotion is a promotion a manufacturer configures and funds
// (Scanntech): applied automatically at the POS on its products,
// "compre N, leve M" or progressive volume tiers, within a budget of
// promoted units the host passes in.
type IndustryPromotion struct {
	// General is the promotion's id, name, description, priority and
	// dates.
	General
	// FundedBy is the manufacturer; FunderShare the percent of each
	// discount it pays (100 when empty); the retailer pays the rest.
	FundedBy    string           `json:"funded_by" was:"funder"`
	FunderShare *decimal.Decimal `json:"funder_share,omitempty"`
	// Products are the promoted product codes.
	Products []string `json:"products"`
	// FreeUnits is "leve Buy, pague Pay" ("Compre 2, Leve 3": buy 3, pay
	// 2), as a campaign's benefit; VolumeTiers are progressive volume
	// discounts. Exactly one is set.
	FreeUnits   *FreeUnits   `json:"free_units,omitempty" was:"take_pay"`
	VolumeTiers []VolumeTier `json:"volume_tiers,omitempty"`
	// Budgeted caps the promoted units at history.budgets[id], the stock
	// the manufacturer planned still left; a missing budget is zero.
	Budgeted bool `json:"budgeted,omitempty"`
}

// VolumeTier gives Percent off every promoted unit from MinQuantity units.
type VolumeTier struct {
	MinQuantity int64           `json:"min_quantity"`
	Percent     decimal.Decimal `json:"percent"`
}

// ReasonBudget means the promotion's budget of promoted units is used up.
const ReasonBudget promo.ReasonCode = "budget_exhausted"

// industry is a compiled IndustryPromotion.
type industry struct {
	def   *IndustryPromotion
	info  promo.Info
	free  benefit.Benefit // free units, or nil
	tiers []VolumeTier    // by min quantity, descending
}

func (x *industry) Info() promo.Info { return x.info }

// InfoRef lends the ruleset the promotion's own Info (promo.InfoRef).
func (x *industry) InfoRef() *promo.Info { return &x.info }
func (x *industry) Keys() promo.Keys     { return promo.Keys{ProductCodes: x.def.Products} }

// Restricts reports false: an industry promotion never blocks purchases
// (promo.Restricting).
func (x *industry) Restricts() bool { return false }

// BudgetKey is the counter an industry promotion's activations add their
// promoted units to, so the host can lower the budget it passes in.
func BudgetKey(id string) string { return "budget/" + id + "/units" }

func (x *industry) Apply(v *promo.View) promo.Proposal {
	var lines []int
	var units int64
	for i := 0; i < v.Len(); i++ {
		l := v.Line(i)
		for _, p := range x.def.Products {
			if l.ProductCode == p {
				lines = append(lines, i)
				if l.Countable() {
					units += l.Quantity.IntPart()
				}
				break
			}
		}
	}
	if len(lines) == 0 {
		return notEligible(promo.ReasonNoEligibleItems, "nenhum produto da promoção", "no promoted product")
	}
	var budget int64
	if x.def.Budgeted {
		budget = v.Cart().History.Budgets[x.def.ID].Floor().IntPart()
		if budget <= 0 {
			return notEligible(ReasonBudget, "verba de unidades da promoção esgotada", "the promotion's budget of units is used up")
		}
	}
	var p promo.Proposal
	if x.free != nil {
		p = x.free.Apply(v, benefit.Scope{Lines: lines, MaxUnits: budget})
	} else {
		counted := units
		if budget > 0 {
			counted = min(units, budget)
		}
		tier := -1
		for k, t := range x.tiers {
			if counted >= t.MinQuantity {
				tier = k
				break
			}
		}
		if tier < 0 {
			first := x.tiers[len(x.tiers)-1].MinQuantity
			return short(notEligible(promo.ReasonMinQuantity, fmt.Sprintf("a primeira faixa pede %d unidades: há %d", first, counted),
				fmt.Sprintf("the first tier needs %d units: there are %d", first, counted)), v.Shortfall(lines, decimal.Zero, first-counted))
		}
		s := benefit.Scope{Lines: lines, MaxUnits: budget}
		if budget > 0 && units > budget {
			s.Select = benefit.Highest // budgeted units: the dearest first
			s.Pick = budget
		}
		p = benefit.ItemPercent(x.tiers[tier].Percent).Apply(v, s)
	}
	if p.Eligible && x.def.Budgeted {
		p.Counters = append(p.Counters, promo.CounterDelta{Key: BudgetKey(x.def.ID), Add: decimal.NewFromInt(p.Units)})
	}
	return p
}

// industries compiles the industry promotions.
func (c *compiler) industries(def Ruleset, loc *time.Location, seen map[string]string) []promo.Promotion {
	var out []promo.Promotion
	for i := range def.IndustryPromotions {
		d := &def.IndustryPromotions[i]
		p := fmt.Sprintf("industry_promotions[%d]", i)
		before := len(c.problems)
		start, end := c.general(p, &d.General, loc, seen)
		if d.FundedBy == "" {
			c.fail(p+".funded_by", "required: the manufacturer that funds it")
		}
		share := decimal.NewFromInt(100)
		if d.FunderShare != nil {
			share = *d.FunderShare
			c.positive(p+".funder_share", share, bounds.Percent)
		}
		if len(d.Products) == 0 {
			c.fail(p+".products", "at least one product is required")
		}
		for j, pr := range d.Products {
			if pr == "" {
				c.fail(fmt.Sprintf("%s.products[%d]", p, j), "must not be empty")
			}
		}
		x := &industry{def: d}
		switch {
		case (d.FreeUnits == nil) == (len(d.VolumeTiers) == 0):
			c.fail(p, "exactly one of free_units and volume_tiers must be set")
		case d.FreeUnits != nil:
			c.freeUnits(p+".free_units", d.FreeUnits)
			x.free = d.FreeUnits.benefit()
		default:
			seen := map[int64]bool{}
			for j, t := range d.VolumeTiers {
				tp := fmt.Sprintf("%s.volume_tiers[%d]", p, j)
				c.tierMinimum(tp, t.MinQuantity, seen)
				c.positive(tp+".percent", t.Percent, bounds.Percent)
				x.tiers = append(x.tiers, t)
			}
			slices.SortFunc(x.tiers, func(a, b VolumeTier) int { return cmp.Compare(b.MinQuantity, a.MinQuantity) })
		}
		if len(c.problems) > before {
			continue
		}
		x.info = promo.Info{ID: d.ID, Name: d.Name, Type: "industry", Phase: promo.PhaseItem, Priority: d.Priority,
			Start: start, End: end, Funder: d.FundedBy, FunderShare: share}
		out = append(out, x)
	}
	return out
}
