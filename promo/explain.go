package promo

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

// ReasonNoMatchingItem says that no line of the cart carries a product code, SKU or
// category the campaign names, so the ruleset's index set it aside and
// Evaluate did not look at it (Explain and Simulate still answer for it).
const ReasonNoMatchingItem ReasonCode = "no_matching_item"

// ReasonNothingToLookAt says that a program had nothing in the cart to look at (no
// wallet, no professional's CPF), so Evaluate left it out of the trace
// (Explain still answers for it).
const ReasonNothingToLookAt ReasonCode = "nothing_to_look_at"

// NearMiss is a campaign that did not apply but would with a small change
// of the cart: a little more value or a few more units of the lines it
// looks at (within Settings.NearMissAmount and NearMissQuantity).
type NearMiss struct {
	Campaign string `json:"campaign"`
	Name     string `json:"name"`
	// Missing is what the cart lacks: an amount or a number of whole
	// units, and the line they would be like; Missing.Unlocks is Gain.
	Missing Shortfall `json:"missing"`
	// Gain is what the customer would get: the campaign's value, as the
	// best benefit counts it (discount, gifts, cashback and points),
	// computed by running it alone after the markdowns on the cart with
	// the missing part added (a copy of the line Missing.Like names).
	Gain decimal.Decimal `json:"gain"`
	// PT and EN say it to the customer: "faltam R$ 12,30 para ganhar
	// R$ 20,00", "R$ 12.30 more to get R$ 20.00".
	PT string `json:"pt"`
	EN string `json:"en"`
}

// Explanation answers, for the campaigns a POS names, why each applied or
// did not.
type Explanation struct {
	// Result is the evaluation of the cart under the whole ruleset.
	Result Result `json:"result"`
	// Entries has one trace entry per id asked, in the order asked: the
	// campaign's entry in Result.Trace, no_matching_item for one the
	// index set aside, nothing_to_look_at for a program with nothing to
	// look at. A first reason that says what the cart lacks (Missing)
	// carries what it would unlock (Missing.Unlocks), whatever the near
	// miss thresholds.
	Entries []TraceEntry `json:"entries"`
}

// Explain evaluates the cart and answers, for every campaign named by ids,
// why it applied or did not: "why didn't campaign X apply?". A part of a
// campaign (its "<id>/cashback" or "<id>/points") is answered by its
// campaign's entry. An unknown id is an error (every one is named, by its
// position in ids); so is a bad cart.
//
// Explain costs an evaluation, plus one run of each named campaign that
// fell short of a minimum, to work out what it would unlock.
func Explain(cart Cart, rs *Ruleset, ids ...string) (Explanation, error) {
	if rs == nil {
		return Explanation{}, fmt.Errorf("promo: Explain with a nil ruleset")
	}
	var problems []Problem
	for k, id := range ids {
		if _, ok := rs.byID[id]; !ok {
			problems = append(problems, Problem{Path: fmt.Sprintf("ids[%d]", k), Reason: fmt.Sprintf("unknown promotion %q", id)})
		}
	}
	if len(problems) > 0 {
		return Explanation{}, &ValidationError{What: "selection", Problems: problems}
	}
	res, ev, pre, err := evaluate(cart, rs)
	if err != nil {
		return Explanation{}, err
	}
	res.NearMisses = ev.nearMisses(&res, pre)
	cands := rs.candidates(ev.cart)
	out := Explanation{Result: res}
	for _, id := range ids {
		pi := rs.byID[id]
		if parent := rs.infos[pi].PartOf; parent != "" {
			pi = rs.byID[parent]
		}
		info := rs.infos[pi]
		if e, ok := res.TraceFor(info.ID); ok {
			e.Reasons = slices.Clone(e.Reasons)
			if m := e.Reasons[0].Missing; m != nil && m.Unlocks.IsZero() {
				if gain, ok := ev.whatIf(pre, pi, *m); ok {
					mm := *m
					mm.Unlocks = gain
					e.Reasons[0].Missing = &mm
				}
			}
			out.Entries = append(out.Entries, e)
			continue
		}
		out.Entries = append(out.Entries, setAside(info, slices.Contains(cands, pi)))
	}
	return out, nil
}

// setAside is the trace entry of a promotion Evaluate did not trace: one
// the index set aside, or a program that had nothing to look at.
func setAside(info *Info, candidate bool) TraceEntry {
	if candidate {
		return newEntry(info, false, Reason{Code: ReasonNothingToLookAt,
			PT: "o programa não tinha nada a ver nesta venda",
			EN: "the program had nothing to look at in this sale"})
	}
	return newEntry(info, false, Reason{Code: ReasonNoMatchingItem,
		PT: "nenhum item do carrinho tem o produto, SKU ou categoria que a campanha nomeia",
		EN: "no line of the cart has a product, SKU or category the campaign names"})
}

// SetAsideEntries returns trace entries for the promotions named by ids
// that res has none for: no_matching_item for those the index set aside
// on cart c, nothing_to_look_at for the others (programs with nothing to
// look at). Parts and unknown ids are skipped. Simulate uses it to answer
// for every campaign it was asked about.
func (r *Ruleset) SetAsideEntries(c *Cart, res *Result, ids ...string) []TraceEntry {
	local := *c
	local.Time = c.Time.In(r.loc)
	cands := r.candidates(&local)
	var out []TraceEntry
	for _, id := range ids {
		pi, ok := r.byID[id]
		if !ok || r.infos[pi].PartOf != "" {
			continue
		}
		if _, traced := res.TraceFor(id); traced {
			continue
		}
		out = append(out, setAside(r.infos[pi], slices.Contains(cands, pi)))
	}
	return out
}

// nearMisses returns the candidates that did not apply for lack of value
// or units within the ruleset's thresholds and would apply with them,
// ranked by what the customer would gain (then by what is missing, then
// in pipeline order); their trace entries get Missing.Unlocks.
func (ev *evaluation) nearMisses(res *Result, pre []int32) []NearMiss {
	s := ev.rs.settings
	type ranked struct {
		nm NearMiss
		pi int32
	}
	var out []ranked
	for k := range res.Trace {
		e := &res.Trace[k]
		if e.Applied || len(e.Reasons) == 0 || e.Reasons[0].Missing == nil {
			continue
		}
		m := *e.Reasons[0].Missing
		// A zero threshold turns its kind off: no shortfall is within it.
		within := (m.Amount.Sign() > 0 && m.Amount.LessThanOrEqual(s.NearMissAmount)) ||
			(m.Quantity > 0 && m.Quantity <= s.NearMissQuantity)
		if !within {
			continue
		}
		pi := ev.rs.byID[e.Campaign]
		gain, ok := ev.whatIf(pre, pi, m)
		if !ok {
			continue
		}
		m.Unlocks = gain
		e.Reasons = slices.Clone(e.Reasons)
		e.Reasons[0].Missing = &m
		nm := NearMiss{Campaign: e.Campaign, Name: e.Name, Missing: m, Gain: gain}
		if m.Amount.Sign() > 0 {
			nm.PT = fmt.Sprintf("faltam R$ %s para ganhar R$ %s", money.Format(m.Amount), money.Format(gain))
			nm.EN = fmt.Sprintf("R$ %s more to get R$ %s", m.Amount.StringFixed(money.CentPlaces), gain.StringFixed(money.CentPlaces))
		} else {
			nm.PT = fmt.Sprintf("%s %d %s para ganhar R$ %s", pluralPT(m.Quantity, "falta", "faltam"), m.Quantity,
				pluralPT(m.Quantity, "unidade", "unidades"), money.Format(gain))
			nm.EN = fmt.Sprintf("%d more %s to get R$ %s", m.Quantity, pluralPT(m.Quantity, "unit", "units"), gain.StringFixed(money.CentPlaces))
		}
		out = append(out, ranked{nm, pi})
	}
	slices.SortFunc(out, func(a, b ranked) int {
		return cmp.Or(b.nm.Gain.Cmp(a.nm.Gain), a.nm.Missing.Amount.Cmp(b.nm.Missing.Amount),
			cmp.Compare(a.nm.Missing.Quantity, b.nm.Missing.Quantity), cmp.Compare(a.pi, b.pi))
	})
	var nms []NearMiss
	for _, r := range out {
		nms = append(nms, r.nm)
	}
	return nms
}

func pluralPT(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// whatIf runs promotion pi alone after the price phases on the cart with
// the missing part added — a copy of the line m.Like of m.Quantity units
// at its unit price, or of one unit at m.Amount — and returns what it
// gives the customer, as the best benefit counts it, when it applies.
func (ev *evaluation) whatIf(pre []int32, pi int32, m Shortfall) (decimal.Decimal, bool) {
	like := slices.IndexFunc(ev.cart.Lines, func(l Line) bool { return l.ID == m.Like })
	if like == -1 || (m.Amount.Sign() <= 0 && m.Quantity <= 0) {
		return decimal.Zero, false
	}
	c := *ev.cart
	l := c.Lines[like]
	for id := l.ID + "+"; ; id += "+" {
		if !slices.ContainsFunc(c.Lines, func(x Line) bool { return x.ID == id }) {
			l.ID = id
			break
		}
	}
	l.OriginalPrice = decimal.NullDecimal{}
	if m.Quantity > 0 {
		l.Quantity, l.Weighed = decimal.NewFromInt(m.Quantity), false
	} else {
		l.Quantity, l.UnitPrice = decimal.NewFromInt(1), m.Amount
	}
	c.Lines = append(slices.Clone(c.Lines), l)
	w := newEvaluation(&c, ev.rs)
	r := w.run(w.alone(pre, pi))
	gain, applied := w.worthOf(r, pi)
	return gain, applied && gain.IsPositive()
}

// Shortfall returns what the lines lack, amount (a minimum value) or
// quantity whole units (a minimum quantity), with the line they would be
// like: the cheapest of the lines by unit price (ties by line id),
// countable for a quantity. Nil when nothing is missing or no line can
// stand for it.
func (v *View) Shortfall(lines []int, amount decimal.Decimal, quantity int64) *Shortfall {
	if amount.Sign() <= 0 && quantity <= 0 {
		return nil
	}
	like := -1
	for _, i := range lines {
		l := &v.cart.Lines[i]
		if quantity > 0 && !l.Countable() {
			continue
		}
		// Cheaper, or as cheap and before it in line-id order.
		if like == -1 || cmp.Or(l.UnitPrice.Cmp(v.cart.Lines[like].UnitPrice), cmp.Compare(v.rank[i], v.rank[like])) == -1 {
			like = i
		}
	}
	if like == -1 {
		return nil
	}
	s := &Shortfall{Like: v.cart.Lines[like].ID}
	if quantity > 0 {
		s.Quantity = quantity
	} else {
		s.Amount = amount
	}
	return s
}
