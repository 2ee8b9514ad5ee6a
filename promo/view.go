package promo

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// View is what a promotion sees when it applies: the cart, and what each line
// is worth after the promotions that ran before it. Lines are addressed by
// their index in the cart. A View is valid only during the Apply call that
// received it; promotions must not modify the cart it returns.
type View struct {
	rs       *Ruleset
	cart     *Cart
	rounding RoundingMode
	gross    []decimal.Decimal
	value    []decimal.Decimal
	rank     []int
	exShare  []decimal.Decimal
	apps     *[]Application
	units    *[]lineRuns      // the runs of units of each line; nil: all alike
	freight  *decimal.Decimal // what the freight still costs; nil: none
	memo     *memo            // shared by the evaluation's views (Memo)
	subset   bool             // a Subset: its lines are not the cart's
}

// Cart returns the cart being evaluated. It must not be modified.
func (v *View) Cart() *Cart { return v.cart }

// Time returns the sale's instant.
func (v *View) Time() time.Time { return v.cart.Time }

// Len returns the number of lines.
func (v *View) Len() int { return len(v.cart.Lines) }

// Line returns line i of the cart. It must not be modified.
func (v *View) Line(i int) *Line { return &v.cart.Lines[i] }

// Gross returns line i's quantity × unit price, rounded to cents.
func (v *View) Gross(i int) decimal.Decimal { return v.gross[i] }

// Value returns what line i still costs after the promotions before this one.
func (v *View) Value(i int) decimal.Decimal { return v.value[i] }

// UnitValue returns what one unit of line i still costs, at working
// precision (not rounded to cents).
func (v *View) UnitValue(i int) decimal.Decimal {
	q := v.cart.Lines[i].Quantity
	if q.Equal(decimal.NewFromInt(1)) {
		return v.value[i]
	}
	return v.value[i].DivRound(q, workPlaces)
}

// ValueOf returns Value(i) × units / quantity, at working precision: the
// share of the line's value of a quantity of it, as if every unit cost the
// same. Promotions that take particular units look at Runs instead.
func (v *View) ValueOf(i int, units decimal.Decimal) decimal.Decimal {
	return share(v.value[i], units, v.cart.Lines[i].Quantity)
}

// Rank returns line i's position when lines are ordered by id. Promotions
// break ties with it, so that the result does not depend on the order of
// the cart's lines.
func (v *View) Rank(i int) int { return v.rank[i] }

// InOtherPromotion reports whether line i's product is named (by product
// code, SKU or category) by a promotion of a later phase that is within its
// dates: an item "in promotion", which a markdown may leave alone.
func (v *View) InOtherPromotion(i int) bool {
	return v.rs.namesLine(&v.cart.Lines[i], v.cart.Time)
}

// Freight returns what the sale's freight (frete) still costs after the
// promotions before this one: zero without freight.
func (v *View) Freight() decimal.Decimal {
	if v.freight == nil {
		return decimal.Zero
	}
	return *v.freight
}

// HasExchange reports whether the cart carries exchange items (troca).
func (v *View) HasExchange() bool { return len(v.cart.Exchanges) > 0 }

// ExchangeShare returns line i's share of the exchange credit, apportioned
// by gross value in cents (zero without exchange items).
func (v *View) ExchangeShare(i int) decimal.Decimal { return v.exShare[i] }

// Rebased returns a view whose Value(i) is values[i]: the basis a
// promotion computes on (for example the net of the exchange credit). The
// kernel still caps what the promotion proposes at what the line really
// costs.
func (v *View) Rebased(values []decimal.Decimal) *View {
	w := *v
	w.value = values
	return &w
}

// Subset returns a view of the lines keep only (indexes into the cart, in
// increasing order): its Len is len(keep), its line k is the cart's line
// keep[k], and its Cart has just those lines. A promotion that leaves
// some lines out — a campaign's exceptions (exceções) — applies on it, as
// if the cart had no other lines, and hands its answer to Lift. Ranks are
// the cart's, so ties between lines break as they do on the whole cart.
func (v *View) Subset(keep []int) *View {
	w := *v
	w.subset = true
	c := *v.cart
	c.Lines = make([]Line, len(keep))
	w.gross = make([]decimal.Decimal, len(keep))
	w.value = make([]decimal.Decimal, len(keep))
	w.rank = make([]int, len(keep))
	w.exShare = make([]decimal.Decimal, len(keep))
	for k, i := range keep {
		c.Lines[k] = v.cart.Lines[i]
		w.gross[k], w.value[k], w.rank[k], w.exShare[k] = v.gross[i], v.value[i], v.rank[i], v.exShare[i]
	}
	if v.units != nil && *v.units != nil {
		runs := make([]lineRuns, len(keep))
		for k, i := range keep {
			runs[k] = (*v.units)[i]
		}
		w.units = &runs
	}
	w.cart = &c
	return &w
}

// Lift rewrites the line indexes of a proposal made on v.Subset(keep)
// (adjustments, purchase blocks, participants, grouped units) into the
// cart's indexes. Run indexes need no rewriting: a line's runs are the
// same in the subset.
func Lift(p Proposal, keep []int) Proposal {
	p.Adjustments = slices.Clone(p.Adjustments)
	for k := range p.Adjustments {
		p.Adjustments[k].Line = keep[p.Adjustments[k].Line]
	}
	p.Blocks = slices.Clone(p.Blocks)
	for k := range p.Blocks {
		p.Blocks[k].Line = keep[p.Blocks[k].Line]
	}
	p.Participants = slices.Clone(p.Participants)
	for k := range p.Participants {
		p.Participants[k].Line = keep[p.Participants[k].Line]
	}
	p.Grouped = slices.Clone(p.Grouped)
	for k := range p.Grouped {
		p.Grouped[k].Line = keep[p.Grouped[k].Line]
	}
	return p
}

// Applied returns the application of a promotion that already applied in
// this evaluation (earlier in the pipeline).
func (v *View) Applied(id string) (Application, bool) {
	if v.apps != nil {
		for _, a := range *v.apps {
			if a.Campaign == id {
				return a, true
			}
		}
	}
	return Application{}, false
}

// Rounding returns the ruleset's rounding mode.
func (v *View) Rounding() RoundingMode { return v.rounding }

// Round rounds d to cents with the ruleset's rounding mode.
func (v *View) Round(d decimal.Decimal) decimal.Decimal { return v.rounding.Round(d) }

// Total returns the sum of the current values of the given lines.
func (v *View) Total(lines []int) decimal.Decimal {
	var t moneySum
	for _, i := range lines {
		t.add(v.value[i])
	}
	return t.total()
}

// Proposed is one adjustment a promotion proposes: an amount off a line.
// The kernel adds up a proposal's amounts of one kind on one line, rounds
// the sum to cents once and caps it at what the line still costs.
//
// With Units > 0 the amount comes off Units units of run Run of the line
// (View.Runs): within a run units are alike, and the kernel takes a
// proposal's pieces from the start of the run, in the order given. With
// Units 0 it comes off the whole line, every unit in proportion to what it
// still costs (a free unit stays at zero).
type Proposed struct {
	Line   int
	Kind   AdjustmentKind
	Amount decimal.Decimal
	Run    int
	Units  int64
}

// Proposal is a promotion's answer to Apply.
type Proposal struct {
	// Eligible reports whether the promotion's conditions hold.
	Eligible bool
	// Adjustments are the discounts proposed, when eligible.
	Adjustments []Proposed
	// Freight is the amount proposed off the sale's freight (a freight
	// discount): the kernel rounds it to cents once and caps it at what
	// the freight still costs. It is never a line's discount.
	Freight decimal.Decimal
	// Occurrences is how many times the promotion applies in the sale.
	Occurrences int
	// Units is how many whole units got the benefit (a weighed line counts
	// as one): budgets of promoted units and reports count them.
	Units int64
	// Taken is how many whole units were taken under the promotion, what
	// an item limit counts (quantidade de itens que o consumidor pode levar
	// dentro da recorrência): the members of a grouped promotion's
	// occurrences, paid and free; 0 means Units.
	Taken int64
	// Reasons say why it is not eligible (the first is the main one), or
	// carry notes when it is (a cap reached).
	Reasons []Reason
	// RecordOnly marks an eligible promotion that applies even when it
	// discounts nothing: one with no benefit whose activation is recorded
	// (não possui benefícios), or one whose benefit is its events (points,
	// cashback earned). It should say so in Reasons.
	RecordOnly bool
	// Events are further side effects (codes redeemed or issued, points);
	// the kernel fills their ID, Campaign and Customer.
	Events []Event
	// Counters are what the activation adds to limit counters.
	Counters []CounterDelta
	// Gifts are the gifts granted; the kernel fills their Campaign. A
	// proposal with gifts applies even when it discounts nothing (the gift
	// is still to be added).
	Gifts []Gift
	// Tenders are payments the promotion brings (cashback as a tender); a
	// proposal with tenders applies even when it discounts nothing.
	Tenders []Tender
	// Worth is what the proposal gives the customer beyond its
	// adjustments: the gift units still to add, at their price in the cart
	// or the campaign's reference price. The best benefit counts it when
	// non-cumulative campaigns compete.
	Worth decimal.Decimal
	// Quiet, on a program's proposal that is not eligible, leaves no trace
	// entry: the program had nothing to look at (no wallet in the cart).
	Quiet bool
	// Blocks are purchase blocks; the kernel fills their Campaign and Line
	// id. They are reported even when the promotion is not eligible, and
	// even when a non-cumulative campaign wins: a block restricts the sale,
	// it is not a benefit.
	Blocks []BlockAt
	// Tally are counters that count whatever happens to the promotion
	// (units bought toward a purchase block): they come back in a tally
	// event even when the promotion does not apply or loses.
	Tally []CounterDelta
	// Participants are the whole units that took part in the promotion's
	// occurrences (a "leve 3 pague 2" group: the paid units and the free
	// one). A return shares the promotion's discount among them.
	Participants []Participant
	// Grouped are the units of runs (View.Runs) that took part, as paid or
	// free members, in the occurrences of a grouped promotion: once it
	// applies, no other grouped occurrence may take them. Within a run the
	// kernel marks the first units, those its pieces (Proposed.Units) took
	// first.
	Grouped []RunUnits
}

// TakenUnits returns Taken, or Units when Taken is 0.
func (p Proposal) TakenUnits() int64 {
	if p.Taken > 0 {
		return p.Taken
	}
	return p.Units
}

// BlockAt is a purchase block on line Line (an index).
type BlockAt struct {
	Line    int
	Allowed decimal.Decimal
	Reason  Reason
}

// Participant is how many whole units of a line took part in a
// promotion's occurrences.
type Participant struct {
	Line  int
	Units int64
}

// NotEligible returns a Proposal that says why a promotion does not apply.
func NotEligible(why ...Reason) Proposal {
	return Proposal{Reasons: why}
}
