package promo

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
)

// Returned is a quantity of one line of a past sale that comes back.
type Returned struct {
	Line     string          `json:"line"`
	Quantity decimal.Decimal `json:"quantity"`
}

// RefundLine is what the units returned of one line are worth.
type RefundLine struct {
	Line     string          `json:"line"`
	Quantity decimal.Decimal `json:"quantity"`
	Amount   decimal.Decimal `json:"amount"`
}

// RefundResult is the refund of a return: the value of each returned
// quantity, consistent with the discounts its units received, and the
// reversal events of the cashback and points the sale earned.
type RefundResult struct {
	Lines []RefundLine `json:"lines"`
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
	Events   []Event         `json:"events,omitempty"`
}

// Refund values a return against the sale's Result. earlier are the
// quantities already returned from the same sale (nothing is refunded
// twice); now are those coming back.
//
// What a unit is worth: each line's net, with the discount of a promotion
// that forms groups of units ("leve 3 pague 2") shared among every unit of
// its groups by gross value (the free unit's price belongs to the group,
// so returning the paid units while keeping the free one refunds only what
// they are worth in the group); then split over the line's units in
// cents, largest remainder, returned units taken in order. Refunds of all
// returns of a sale add up exactly to what the customer paid for the
// lines.
//
// The cashback earned and the points scored are taken back from the lines
// they came from: in proportion to the returned part of those lines (the
// earning's weights: Σ weight × returned / sold over Σ weight), or, for an
// earning without weights, to the refunded share of the sale's net; exact
// rationals, truncated once (cents, whole points), the last return taking
// what is left: one cashback_reversed or points_reversed event per earning
// event, with ids derived from the original event and the quantities
// returned so far. Cashback that paid for the returned goods goes back to
// the wallet (cashback_restored).
func Refund(sale Result, earlier, now []Returned) (RefundResult, error) {
	index := map[string]int{}
	for i, l := range sale.Lines {
		index[l.ID] = i
	}
	var problems []Problem
	// Each returned quantity is checked, then added to its line's total
	// (earlier ones first); a line's problem is reported at the entry
	// where its total goes wrong.
	total := make([]decimal.Decimal, len(sale.Lines))
	reported := make([]bool, len(sale.Lines))
	count := func(rs []Returned, what string) []decimal.Decimal {
		q := make([]decimal.Decimal, len(sale.Lines))
		for k, r := range rs {
			i, ok := index[r.Line]
			path := fmt.Sprintf("%s[%d]", what, k)
			if !ok {
				problems = append(problems, Problem{Path: path + ".line", Reason: fmt.Sprintf("no line %q in the sale", truncate(r.Line))})
				continue
			}
			if why := bounds.Quantity.Check(r.Quantity); why != "" {
				problems = append(problems, Problem{Path: path + ".quantity", Reason: why})
				continue
			}
			q[i] = q[i].Add(r.Quantity)
			total[i] = total[i].Add(r.Quantity)
			l := &sale.Lines[i]
			switch {
			case reported[i]:
			case total[i].GreaterThan(l.Quantity):
				reported[i] = true
				problems = append(problems, Problem{Path: path + ".quantity", Reason: fmt.Sprintf("line %q: %s returned of %s sold", truncate(l.ID), total[i], l.Quantity)})
			case !l.Weighed && l.Quantity.IsInteger() && !r.Quantity.IsInteger():
				reported[i] = true
				problems = append(problems, Problem{Path: path + ".quantity", Reason: fmt.Sprintf("line %q sells whole units", truncate(l.ID))})
			}
		}
		return q
	}
	before, after := count(earlier, "earlier"), count(now, "now")
	for i := range sale.Lines {
		after[i] = after[i].Add(before[i])
	}
	if len(problems) > 0 {
		return RefundResult{}, &ValidationError{What: "return", Problems: problems}
	}
	nets := effectiveNets(sale)
	res := RefundResult{Total: decimal.Zero}
	refBefore, refAfter := decimal.Zero, decimal.Zero
	for i, l := range sale.Lines {
		b, a := worth(nets[i], l.Quantity, before[i], l.Weighed), worth(nets[i], l.Quantity, after[i], l.Weighed)
		refBefore, refAfter = refBefore.Add(b), refAfter.Add(a)
		if q := after[i].Sub(before[i]); q.Sign() > 0 {
			res.Lines = append(res.Lines, RefundLine{Line: l.ID, Quantity: q, Amount: a.Sub(b)})
			res.Total = res.Total.Add(a.Sub(b))
		}
	}
	res.Events = reversals(sale, refBefore, refAfter, after, before)
	// Cashback that paid for the returned goods goes back to the wallet:
	// as a discount, the lines' cashback adjustments in proportion to the
	// units returned; as a tender, the tender in proportion to the refund.
	restore := func(q []decimal.Decimal, refunded decimal.Decimal) decimal.Decimal {
		r := decimal.Zero
		for i, l := range sale.Lines {
			for _, a := range l.Adjustments {
				if a.Kind == CashbackRedemption {
					r = r.Add(worth(a.Amount, l.Quantity, q[i], l.Weighed))
				}
			}
		}
		for _, t := range sale.Tenders {
			if t.Kind == "cashback" && sale.Totals.Net.Sign() > 0 {
				r = r.Add(t.Amount.Mul(refunded).DivRound(sale.Totals.Net, workPlaces).Truncate(CentPlaces))
			}
		}
		return r
	}
	res.Restored = restore(after, refAfter).Sub(restore(before, refBefore))
	res.Money = res.Total
	if len(sale.Tenders) > 0 {
		res.Money = res.Total.Sub(res.Restored) // the tender part was not paid in money
	}
	res.Events = append(res.Events, restoreEvents(sale, restore(before, refBefore), restore(after, refAfter), after)...)
	return res, nil
}

// restoreEvents spreads what returns give back over the credits the sale
// redeemed, in proportion to what each gave: the cumulative amount after
// this return and the one before it are each spread, and each credit gets
// the difference, so successive returns never give a credit more than it
// gave.
func restoreEvents(sale Result, before, after decimal.Decimal, returned []decimal.Decimal) []Event {
	if after.Sub(before).Sign() <= 0 {
		return nil
	}
	var used []Event
	var weights []decimal.Decimal
	for _, e := range sale.Events {
		if e.Kind == EventCashbackRedeemed {
			used = append(used, e)
			weights = append(weights, e.Amount)
		}
	}
	tag := ""
	for i, l := range sale.Lines {
		tag += l.ID + "=" + returned[i].String() + ";"
	}
	var out []Event
	was, will := Apportion(before, weights), Apportion(after, weights)
	deltas := make([]decimal.Decimal, len(will))
	monotone := true
	for k := range will {
		deltas[k] = will[k].Sub(was[k])
		monotone = monotone && deltas[k].Sign() >= 0
	}
	if !monotone {
		// Largest remainder is not monotone in the total: spread this
		// return's part over what each credit can still get back instead.
		room := make([]decimal.Decimal, len(weights))
		for k := range room {
			room[k] = weights[k].Sub(was[k])
		}
		deltas = Apportion(after.Sub(before), room)
	}
	for k, sh := range deltas {
		if sh.Sign() > 0 {
			e := used[k]
			out = append(out, Event{ID: EventID(sale.CartID, EventCashbackRestored.String(), e.ID, tag),
				Kind: EventCashbackRestored, Campaign: e.Campaign, Customer: e.Customer, Credit: e.Credit, Amount: sh, Reverses: e.ID})
		}
	}
	return out
}

// worth returns what the first k of q units of a line with net n are
// worth: whole units split n in cents by largest remainder (the first
// units take the extra cents); a weighed line is prorated and rounded down,
// all of it when everything returns.
func worth(n, q, k decimal.Decimal, weighed bool) decimal.Decimal {
	switch {
	case k.Sign() <= 0:
		return decimal.Zero
	case k.Equal(q):
		return n
	case weighed || !q.IsInteger():
		return n.Mul(k).DivRound(q, workPlaces).Truncate(CentPlaces)
	}
	// Largest remainder over equal weights, in closed form: every unit gets
	// the floor of n / q in cents, the first n mod q units a cent more.
	cents := n.Shift(CentPlaces).IntPart()
	units, first := q.IntPart(), k.IntPart()
	each, extra := cents/units, cents%units
	return decimal.New(first*each+min(first, extra), -CentPlaces)
}

// effectiveNets returns each line's net with the discounts of grouped
// promotions shared among their participants by gross value.
func effectiveNets(sale Result) []decimal.Decimal {
	index := map[string]int{}
	disc := make([]decimal.Decimal, len(sale.Lines))
	for i, l := range sale.Lines {
		index[l.ID] = i
		disc[i] = l.Discount
	}
	for _, app := range sale.Applied {
		if len(app.Participants) == 0 {
			continue
		}
		next := append([]decimal.Decimal(nil), disc...)
		total := decimal.Zero
		var lines []int
		var weights []decimal.Decimal
		for _, pt := range app.Participants {
			i, ok := index[pt.Line]
			if !ok {
				continue
			}
			l := sale.Lines[i]
			for _, a := range l.Adjustments {
				if a.Campaign == app.Campaign {
					total = total.Add(a.Amount)
					next[i] = next[i].Sub(a.Amount)
				}
			}
			lines = append(lines, i)
			weights = append(weights, share(l.Gross, pt.Units, l.Quantity))
		}
		ok := true
		for k, sh := range Apportion(total, weights) {
			i := lines[k]
			next[i] = next[i].Add(sh)
			ok = ok && next[i].LessThanOrEqual(sale.Lines[i].Gross)
		}
		if ok { // otherwise the discount stays where it landed
			disc = next
		}
	}
	nets := make([]decimal.Decimal, len(sale.Lines))
	for i, l := range sale.Lines {
		nets[i] = l.Gross.Sub(disc[i])
	}
	return nets
}

// reversals takes back cashback and points. An earning with weights is
// taken back in proportion to the returned part of the lines it came from
// (quantity returned over quantity sold, weighted); one without, in
// proportion to the refunded share of the sale's net. Amounts are
// truncated (cents, whole points); when everything it came from is back,
// the rest is taken.
func reversals(sale Result, refBefore, refAfter decimal.Decimal, returned, earlier []decimal.Decimal) []Event {
	index := map[string]int{}
	for i, l := range sale.Lines {
		index[l.ID] = i
	}
	tag := ""
	for i, l := range sale.Lines {
		tag += l.ID + "=" + returned[i].String() + ";"
	}
	// fraction returns, as an exact rational, the share of an earning that
	// the returned quantities q take back, and whether that is all of it.
	fraction := func(e Event, q []decimal.Decimal, refunded decimal.Decimal) (*big.Rat, bool) {
		if len(e.Weights) == 0 {
			all := true
			for i, l := range sale.Lines {
				all = all && q[i].Equal(l.Quantity)
			}
			if sale.Totals.Net.Sign() <= 0 {
				return new(big.Rat), all
			}
			return new(big.Rat).Quo(refunded.Rat(), sale.Totals.Net.Rat()), all
		}
		num, den, all := new(big.Rat), new(big.Rat), true
		for _, w := range e.Weights {
			i, ok := index[w.Line]
			if !ok {
				continue
			}
			l := sale.Lines[i]
			den.Add(den, w.Weight.Rat())
			part := new(big.Rat).Mul(w.Weight.Rat(), q[i].Rat())
			num.Add(num, part.Quo(part, l.Quantity.Rat()))
			all = all && q[i].Equal(l.Quantity)
		}
		if den.Sign() <= 0 {
			return new(big.Rat), all
		}
		return num.Quo(num, den), all
	}
	// part truncates total × f to places, exactly.
	part := func(total decimal.Decimal, f *big.Rat, places int32) decimal.Decimal {
		x := new(big.Rat).Mul(total.Rat(), f)
		scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
		n := new(big.Int).Mul(x.Num(), scale)
		n.Quo(n, x.Denom()) // non-negative: truncation is the floor
		return decimal.NewFromBigInt(n, -places)
	}
	var out []Event
	for _, e := range sale.Events {
		var kind EventKind
		var total decimal.Decimal
		var places int32
		switch e.Kind {
		case EventCashbackEarned:
			kind, total, places = EventCashbackReversed, e.Amount, CentPlaces
		case EventPoints:
			kind, total, places = EventPointsReversed, e.Points, 0
		default:
			continue
		}
		if total.Sign() <= 0 {
			continue
		}
		fb, allBefore := fraction(e, earlier, refBefore)
		fa, allAfter := fraction(e, returned, refAfter)
		took := part(total, fb, places)
		if allBefore {
			took = total
		}
		takes := part(total, fa, places)
		if allAfter {
			takes = total
		}
		back := takes.Sub(took)
		if back.Sign() <= 0 {
			continue
		}
		rev := Event{
			ID:   EventID(sale.CartID, kind.String(), e.ID, tag),
			Kind: kind, Campaign: e.Campaign, Customer: e.Customer,
			Program: e.Program, Professional: e.Professional, Reverses: e.ID,
		}
		if kind == EventCashbackReversed {
			rev.Amount = back
		} else {
			rev.Points = back
		}
		out = append(out, rev)
	}
	return out
}

// MarshalJSON writes the amount with two decimals.
func (l RefundLine) MarshalJSON() ([]byte, error) {
	type plain RefundLine
	return jsonMarshal(struct {
		plain
		Amount money `json:"amount"`
	}{plain(l), money(l.Amount)})
}

// MarshalJSON writes the amounts with two decimals.
func (r RefundResult) MarshalJSON() ([]byte, error) {
	type plain RefundResult
	return jsonMarshal(struct {
		plain
		Total    money `json:"total"`
		Restored money `json:"restored"`
		Money    money `json:"money"`
	}{plain(r), money(r.Total), money(r.Restored), money(r.Money)})
}

// truncate shortens an id quoted in a problem to 64 bytes.
func truncate(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:64] + "…"
}
