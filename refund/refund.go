package refund

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Returned is a quantity of one line of a past sale that comes back.
type Returned struct {
	Line     string          `json:"line"`
	Quantity decimal.Decimal `json:"quantity"`
}

// Line is what the units returned of one line are worth.
type Line struct {
	Line     string          `json:"line"`
	Quantity decimal.Decimal `json:"quantity"`
	Amount   decimal.Decimal `json:"amount"`
}

// Result is the refund of a return: the value of each returned quantity,
// consistent with the discounts its units received, and the reversal
// events of the cashback and points the sale earned.
type Result struct {
	Lines []Line `json:"lines"`
	// Total is what the returned goods are worth: what the customer paid
	// for them, by any tender.
	Total decimal.Decimal `json:"total"`
	// Restored is the cashback that paid for them and goes back to the
	// wallet (cashback_restored events); Money is what goes back to the
	// customer otherwise. With cashback redeemed as a tender, Restored is
	// part of Total and Money is the rest; redeemed as a discount, the
	// lines' nets already exclude it, so Money equals Total.
	Restored decimal.Decimal `json:"restored"`
	Money    decimal.Decimal `json:"money"`
	Events   []promo.Event   `json:"events,omitempty"`
}

// Of values a return against the sale's [promo.Result]. earlier are the
// quantities already returned from the same sale (nothing is refunded
// twice); now are those coming back.
//
// What a unit is worth: each line's net, with the discount of a promotion
// that forms groups of units ("leve 3 pague 2") shared among every unit of
// its groups by gross value (the free unit's price belongs to the group,
// so returning the paid units while keeping the free one refunds only what
// they are worth in the group); then split over the line's units in
// money.Fixed, largest remainder, returned units taken in order. Refunds of all
// returns of a sale add up exactly to what the customer paid for the
// lines.
//
// The cashback earned and the points scored are taken back from the lines
// they came from: in proportion to the returned part of those lines (the
// earning's weights: Σ weight × returned / sold over Σ weight), or, for an
// earning without weights, to the refunded share of the sale's net; exact
// rationals, truncated once (money.Fixed, whole points), the last return taking
// what is left: one cashback_reversed or points_reversed event per earning
// event, with ids derived from the original event and the quantities
// returned so far. Cashback that paid for the returned goods goes back to
// the wallet (cashback_restored).
//
// Quantities that name no line of the sale, are out of bounds, return more
// than was sold or a fraction of a line sold in whole units give a
// [*promo.ValidationError] naming each (earlier[k] or now[k]).
func Of(sale promo.Result, earlier, now []Returned) (Result, error) {
	before, after, err := quantities(sale, earlier, now)
	if err != nil {
		return Result{}, err
	}
	nets := effectiveNets(sale)
	res := Result{Total: decimal.Zero}
	refBefore, refAfter := decimal.Zero, decimal.Zero
	for i, l := range sale.Lines {
		b, a := worth(nets[i], l.Quantity, before[i], l.Weighed), worth(nets[i], l.Quantity, after[i], l.Weighed)
		refBefore, refAfter = refBefore.Add(b), refAfter.Add(a)
		if q := after[i].Sub(before[i]); q.Sign() > 0 {
			res.Lines = append(res.Lines, Line{Line: l.ID, Quantity: q, Amount: a.Sub(b)})
			res.Total = res.Total.Add(a.Sub(b))
		}
	}
	res.Events = reversals(sale, refBefore, refAfter, after, before)
	was, is := restored(sale, before, refBefore), restored(sale, after, refAfter)
	res.Restored = is.Sub(was)
	res.Money = res.Total
	if len(sale.Tenders) > 0 {
		res.Money = res.Total.Sub(res.Restored) // the tender part was not paid in money
	}
	res.Events = append(res.Events, restoreEvents(sale, was, is, after)...)
	return res, nil
}

// quantities returns, per line of the sale, the quantity returned before
// this return and with it, or the problems of the returned quantities.
func quantities(sale promo.Result, earlier, now []Returned) (before, after []decimal.Decimal, err error) {
	c := counter{sale: &sale, index: lineIndex(sale),
		total: make([]decimal.Decimal, len(sale.Lines)), reported: make([]bool, len(sale.Lines))}
	before, after = c.count(earlier, "earlier"), c.count(now, "now")
	for i := range sale.Lines {
		after[i] = after[i].Add(before[i])
	}
	if len(c.problems) > 0 {
		return nil, nil, &promo.ValidationError{What: "return", Problems: c.problems}
	}
	return before, after, nil
}

// counter checks returned quantities and adds each to its line's total
// (earlier ones first); a line's problem is reported at the entry where
// its total goes wrong.
type counter struct {
	sale     *promo.Result
	index    map[string]int
	total    []decimal.Decimal
	reported []bool
	problems []promo.Problem
}

// count adds the quantities of rs (named what in problems) and returns
// them per line.
func (c *counter) count(rs []Returned, what string) []decimal.Decimal {
	q := make([]decimal.Decimal, len(c.sale.Lines))
	for k, r := range rs {
		i, ok := c.index[r.Line]
		path := fmt.Sprintf("%s[%d]", what, k)
		if !ok {
			c.problem(path+".line", fmt.Sprintf("no line %q in the sale", truncate(r.Line)))
			continue
		}
		if why := bounds.Quantity.Check(r.Quantity); why != "" {
			c.problem(path+".quantity", why)
			continue
		}
		q[i] = q[i].Add(r.Quantity)
		c.total[i] = c.total[i].Add(r.Quantity)
		l := &c.sale.Lines[i]
		switch {
		case c.reported[i]:
		case c.total[i].GreaterThan(l.Quantity):
			c.reported[i] = true
			c.problem(path+".quantity", fmt.Sprintf("line %q: %s returned of %s sold", truncate(l.ID), c.total[i], l.Quantity))
		case !l.Weighed && l.Quantity.IsInteger() && !r.Quantity.IsInteger():
			c.reported[i] = true
			c.problem(path+".quantity", fmt.Sprintf("line %q sells whole units", truncate(l.ID)))
		}
	}
	return q
}

func (c *counter) problem(path, reason string) {
	c.problems = append(c.problems, promo.Problem{Path: path, Reason: reason})
}

// lineIndex maps each line id of the sale to its position.
func lineIndex(sale promo.Result) map[string]int {
	index := make(map[string]int, len(sale.Lines))
	for i, l := range sale.Lines {
		index[l.ID] = i
	}
	return index
}

// returnTag names the quantities returned so far, for event ids.
func returnTag(sale promo.Result, returned []decimal.Decimal) string {
	tag := ""
	for i, l := range sale.Lines {
		tag += l.ID + "=" + returned[i].String() + ";"
	}
	return tag
}

// truncate shortens an id quoted in a problem to 64 bytes.
func truncate(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:64] + "…"
}

// MarshalJSON writes the amount with two decimals.
func (l Line) MarshalJSON() ([]byte, error) {
	type plain Line
	return json.Marshal(struct {
		plain
		Amount money.Fixed `json:"amount"`
	}{plain(l), money.Fixed(l.Amount)})
}

// MarshalJSON writes the amounts with two decimals.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result
	return json.Marshal(struct {
		plain
		Total    money.Fixed `json:"total"`
		Restored money.Fixed `json:"restored"`
		Money    money.Fixed `json:"money"`
	}{plain(r), money.Fixed(r.Total), money.Fixed(r.Restored), money.Fixed(r.Money)})
}
