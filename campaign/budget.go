package campaign

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Budget is a campaign's money budget (verba em reais): the total discount
// it may grant across all its sales, and optionally what it may grant each
// customer. The host keeps what was granted as counters, as it keeps the
// activation limits' (Ruleset.CounterKeys lists them; the activation event
// says what to add). When a sale would pass the budget, the campaign
// grants what is left (note budget_partially_applied); with nothing left
// it does not apply (budget_exhausted). At least one is set.
type Budget struct {
	// Total is the discount the campaign may grant across all sales.
	Total *decimal.Decimal `json:"total,omitempty"`
	// PerCustomer is the discount it may grant each customer (by the
	// host's customer token): an anonymous sale gets nothing of a campaign
	// with one (limit_requires_customer).
	PerCustomer *decimal.Decimal `json:"per_customer,omitempty"`
}

// ReasonBudgetPartial notes that a campaign granted only what its money
// budget had left.
const ReasonBudgetPartial promo.ReasonCode = "budget_partially_applied"

// ReasonMaxDiscount notes that a campaign's discount was cut to its
// benefit's max_discount (desconto máximo).
const ReasonMaxDiscount promo.ReasonCode = "max_discount_reached"

// budget is a compiled Budget; a nil *budget is no budget.
type budget struct {
	total, perCustomer *decimal.Decimal
}

// BudgetAmountKey returns the counter of the discount a campaign's money
// budget has granted: every customer's (customer "") or one customer's.
func BudgetAmountKey(campaignID, customer string) string {
	if customer == "" {
		return "budget/" + campaignID + "/all/amount"
	}
	return "budget/" + campaignID + "/customer/" + customer + "/amount"
}

// keys returns the budget's counters for a cart: the total's, and the
// customer's when the sale has one.
func (b *budget) keys(id string, c *promo.Cart) []string {
	if b == nil {
		return nil
	}
	var out []string
	if b.total != nil {
		out = append(out, BudgetAmountKey(id, ""))
	}
	if b.perCustomer != nil && c.Customer != nil {
		out = append(out, BudgetAmountKey(id, c.Customer.ID))
	}
	return out
}

// left returns what the budget still allows in this sale (ok false: no
// budget), or why the campaign cannot apply.
func (b *budget) left(id string, c *promo.Cart) (left decimal.Decimal, ok bool, why *promo.Reason) {
	if b == nil {
		return decimal.Zero, false, nil
	}
	take := func(max decimal.Decimal, key string) {
		l := max.Sub(c.History.Counters[key])
		if !ok || l.LessThan(left) {
			left, ok = l, true
		}
	}
	if b.total != nil {
		take(*b.total, BudgetAmountKey(id, ""))
	}
	if b.perCustomer != nil {
		if c.Customer == nil {
			return decimal.Zero, false, &promo.Reason{Code: ReasonLimitNeedsCustomer,
				PT: "verba por cliente: a venda precisa de um cliente identificado",
				EN: "per-customer budget: the sale needs an identified customer"}
		}
		take(*b.perCustomer, BudgetAmountKey(id, c.Customer.ID))
	}
	if left.Sign() <= 0 {
		return decimal.Zero, false, &promo.Reason{Code: ReasonBudget,
			PT: "verba da campanha esgotada", EN: "the campaign's budget is used up"}
	}
	return left.Truncate(money.CentPlaces), true, nil
}

// counters returns what an application that granted amount adds to the
// budget's counters.
func (b *budget) counters(id string, c *promo.Cart, amount decimal.Decimal) []promo.CounterDelta {
	var out []promo.CounterDelta
	for _, k := range b.keys(id, c) {
		out = append(out, promo.CounterDelta{Key: k, Add: amount})
	}
	return out
}

// budget compiles a campaign's budget at path p.
func (c *compiler) budget(p string, d *Budget) *budget {
	if d == nil {
		return nil
	}
	if d.Total == nil && d.PerCustomer == nil {
		c.fail(p, "give total, per_customer or both, or leave budget out")
		return nil
	}
	if d.Total != nil {
		c.positive(p+".total", *d.Total, bounds.Money)
	}
	if d.PerCustomer != nil {
		c.positive(p+".per_customer", *d.PerCustomer, bounds.Money)
	}
	return &budget{total: d.Total, perCustomer: d.PerCustomer}
}

// given works out what the kernel will take of a proposal made on view v:
// per line and kind (in the order they first appear on the line), the
// amounts added up, rounded once and capped at what the line still costs.
// It returns each such group's amount, in the order of the groups, and the
// groups' adjustments (indexes into p.Adjustments).
func given(v *promo.View, p *promo.Proposal) (amounts []decimal.Decimal, members [][]int, lines []int) {
	order := make([]int, len(p.Adjustments))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return p.Adjustments[a].Line - p.Adjustments[b].Line })
	for k := 0; k < len(order); {
		line := p.Adjustments[order[k]].Line
		end := k + 1
		for end < len(order) && p.Adjustments[order[end]].Line == line {
			end++
		}
		left := v.Value(line)
		block := order[k:end]
		for j, a := range block {
			kind := p.Adjustments[a].Kind
			if slices.ContainsFunc(block[:j], func(x int) bool { return p.Adjustments[x].Kind == kind }) {
				continue
			}
			sum := decimal.Zero
			var mine []int
			for _, x := range block[j:] {
				if p.Adjustments[x].Kind == kind {
					sum = sum.Add(p.Adjustments[x].Amount)
					mine = append(mine, x)
				}
			}
			amt := decimal.Max(decimal.Zero, decimal.Min(v.Round(sum), left))
			left = left.Sub(amt)
			amounts, members, lines = append(amounts, amt), append(members, mine), append(lines, line)
		}
		k = end
	}
	return amounts, members, lines
}

// capTo cuts proposal p, made on view v (whose values are what the lines
// really cost), so that it gives at most max: the capped amount is
// apportioned in cents over what each line would have got (for a sale
// discount, itself in proportion to the lines' values), largest remainder,
// ties by line id, and each line's pieces keep their proportions. It returns
// what the proposal gives, in cents, and whether the cap bound.
//
// A freight discount (Proposal.Freight) takes part as one more share, after
// the lines.
func capTo(v *promo.View, p *promo.Proposal, max decimal.Decimal) (decimal.Decimal, bool) {
	amounts, members, lines := given(v, p)
	freight := decimal.Max(decimal.Zero, decimal.Min(v.Round(p.Freight), v.Freight()))
	total := freight
	for _, a := range amounts {
		total = total.Add(a)
	}
	if total.LessThanOrEqual(max) {
		return total, false
	}
	// Apportion in line-id order, so that ties do not depend on the cart.
	idx := make([]int, len(amounts))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int { return v.Rank(lines[a]) - v.Rank(lines[b]) })
	weights := make([]decimal.Decimal, len(idx), len(idx)+1)
	for k, g := range idx {
		weights[k] = amounts[g]
	}
	weights = append(weights, freight)
	shares := promo.Apportion(max, weights)
	p.Freight = shares[len(idx)]
	adjs := slices.Clone(p.Adjustments)
	for k, share := range shares[:len(idx)] {
		g := idx[k]
		sum := decimal.Zero
		for _, x := range members[g] {
			sum = sum.Add(adjs[x].Amount)
		}
		rest := share
		for j, x := range members[g] {
			switch {
			case sum.Sign() <= 0:
				adjs[x].Amount = decimal.Zero
			case j == len(members[g])-1:
				adjs[x].Amount = rest
			default:
				a := share.Mul(adjs[x].Amount).DivRound(sum, 12)
				adjs[x].Amount = a
				rest = rest.Sub(a)
			}
		}
	}
	p.Adjustments = adjs
	return max.Truncate(money.CentPlaces), true
}

// capped applies a campaign's caps to its proposal: the benefit's
// max_discount and what its money budget has left (left, when hasLeft).
// It adds the notes and the budget's counters.
func (r *reshop) capped(v *promo.View, p *promo.Proposal, left decimal.Decimal, hasLeft bool) {
	if r.maxDiscount == nil && !hasLeft {
		return
	}
	max := left
	byBudget := hasLeft
	if r.maxDiscount != nil && (!hasLeft || r.maxDiscount.LessThan(left)) {
		max, byBudget = *r.maxDiscount, false
	}
	amount, cut := capTo(v, p, max)
	if cut && byBudget {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonBudgetPartial,
			PT: fmt.Sprintf("verba da campanha: só restavam R$ %s", money.Format(max)),
			EN: fmt.Sprintf("campaign budget: only R$ %s was left", max.StringFixed(2))})
	} else if cut {
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonMaxDiscount,
			PT: fmt.Sprintf("desconto limitado ao máximo de R$ %s", money.Format(max)),
			EN: fmt.Sprintf("discount capped at the maximum of R$ %s", max.StringFixed(2))})
	}
	p.Counters = append(p.Counters, r.budget.counters(r.info.ID, v.Cart(), amount)...)
}
