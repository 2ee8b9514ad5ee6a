package promo

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

func (r *run) addGifts(campaign string, gs []Gift) {
	for _, g := range gs {
		g.Campaign = campaign
		r.gifts = append(r.gifts, g)
	}
}

// entryOf returns the trace entry of the promotion at pipeline index pi.
func (r *run) entryOf(pi int32) TraceEntry {
	for k, x := range r.idx {
		if x == pi {
			return r.entries[k]
		}
	}
	panic("promo: no trace entry for a promotion that was run")
}

// run is the outcome of running a list of promotions on a fresh copy of the
// cart.
type run struct {
	value   []decimal.Decimal
	adj     [][]Adjustment
	adjPool []Adjustment // first adjustments of lines still to give out (newAdjustment)
	apps    []Application
	entries []TraceEntry // one per promotion run, in order
	idx     []int32      // the pipeline index of each entry
	gifts   []Gift
	tenders []Tender
	blocks  []Block
	tallies []Event
	// restrictedBy, blockSets and tallySets record, per promotion that
	// produced any, its blocks and tallies (to keep those of losers).
	restrictedBy []int32
	blockSets    [][]Block
	tallySets    [][]Event
	quiet        []int32 // programs with nothing to look at: no trace entry
	// events, counters and worth hold, per application, what its
	// proposal added (worth: the gifts still to add, Proposal.Worth).
	events   [][]Event
	counters [][]CounterDelta
	worth    []decimal.Decimal
	// freight is what the sale's freight still costs; freightAdj its
	// discounts, in order.
	freight    decimal.Decimal
	freightAdj []Adjustment
	// units is the shape of each line in runs of alike units; nil until a
	// promotion takes particular units.
	units []lineRuns
	// view is what the run's promotions see.
	view *View
}

// touchedLine is a line a proposal took particular units of: its value
// when the promotion looked at it, and the pieces taken.
type touchedLine struct {
	line   int
	before decimal.Decimal
	pieces []piece
}

// take applies a proposal's adjustments: per line and kind, the amounts
// are added up, rounded once to cents and capped at what the line still
// costs. It returns the money given, whether a cap bound, and the lines
// whose particular units were taken (their shape changes only if the
// promotion applies).
func (r *run) take(ev *evaluation, info *Info, funder string, adjs []Proposed) (given decimal.Decimal, capped bool, touched []touchedLine) {
	var gv moneySum
	if !slices.IsSortedFunc(adjs, byLine) {
		adjs = slices.Clone(adjs)
		slices.SortStableFunc(adjs, byLine)
	}
	for k := 0; k < len(adjs); {
		line, before := adjs[k].Line, r.value[adjs[k].Line]
		end := k + 1
		for end < len(adjs) && adjs[end].Line == line {
			end++
		}
		block, rest := adjs[k:end], adjs[k:] // rest: this line's and those after
		k = end
		// Kinds in the order they first appear.
		for j, a := range block {
			if slices.ContainsFunc(block[:j], func(x Proposed) bool { return x.Kind == a.Kind }) {
				continue
			}
			var sum moneySum
			for _, x := range block[j:] {
				if x.Kind == a.Kind {
					sum.add(x.Amount)
				}
			}
			amt := ev.rs.settings.Rounding.Round(sum.total())
			if amt.GreaterThan(r.value[line]) {
				amt, capped = r.value[line], true
			}
			if amt.Sign() <= 0 {
				continue // nothing once rounded, or the line costs nothing already
			}
			for _, x := range block[j:] {
				if x.Kind != a.Kind || x.Units < 1 { // fewer than one unit: the whole line
					continue
				}
				if n := len(touched); n == 0 || touched[n-1].line != line {
					touched = append(touched, touchedLine{line: line, before: before})
				}
				t := &touched[len(touched)-1]
				t.pieces = append(t.pieces, piece{run: x.Run, units: x.Units, off: x.Amount})
			}
			r.value[line] = r.value[line].Sub(amt)
			gv.add(amt)
			if r.adj == nil {
				continue // a fork: adjustments not recorded
			}
			adj := r.adj[line]
			if n := len(adj); n > 0 && adj[n-1].Campaign == info.ID && adj[n-1].Kind == a.Kind {
				adj[n-1].Amount = adj[n-1].Amount.Add(amt)
			} else {
				r.adj[line] = r.newAdjustment(adj, len(rest), Adjustment{Campaign: info.ID, Kind: a.Kind, Amount: amt, FundedBy: funder, Key: info.Key})
			}
		}
	}
	return gv.total(), capped, touched
}

func byLine(a, b Proposed) int { return a.Line - b.Line }

// newAdjustment appends a to a line's adjustments. A line's first
// adjustment comes from a block the run allocates for up to hint lines at
// once (capacity one each, so that a later append to one line copies it
// rather than overwrite the next line's).
func (r *run) newAdjustment(adj []Adjustment, hint int, a Adjustment) []Adjustment {
	if adj != nil { // it has an adjustment already
		return append(adj, a)
	}
	if len(r.adjPool) == 0 {
		r.adjPool = make([]Adjustment, max(1, min(hint, len(r.adj))))
	}
	r.adjPool[0] = a
	adj, r.adjPool = r.adjPool[:1:1], r.adjPool[1:]
	return adj
}

// takeFreight applies a proposal's freight discount: rounded once to
// cents, capped at what the freight still costs. It returns what it took.
func (r *run) takeFreight(ev *evaluation, info *Info, funder string, amount decimal.Decimal) decimal.Decimal {
	// Nothing to take when it rounds to nothing (most proposals have no
	// freight: rounding that allocates nothing) or the freight is free.
	amt := decimal.Min(ev.rs.settings.Rounding.Round(amount), r.freight)
	if amt.Sign() <= 0 {
		return decimal.Zero
	}
	r.freight = r.freight.Sub(amt)
	r.freightAdj = append(r.freightAdj, Adjustment{Campaign: info.ID, Kind: FreightDiscount, Amount: amt, FundedBy: funder, Key: info.Key})
	return amt
}

// group reshapes the lines an applied proposal took units of, and marks
// its grouped units.
func (r *run) group(ev *evaluation, touched []touchedLine, marks []RunUnits) {
	for _, t := range touched {
		var mine []RunUnits
		for _, m := range marks {
			if m.Line == t.line {
				mine = append(mine, m)
			}
		}
		r.reshape(ev, t.line, t.before, t.pieces, mine)
	}
	for k, m := range marks {
		if slices.ContainsFunc(touched, func(t touchedLine) bool { return t.line == m.Line }) ||
			slices.ContainsFunc(marks[:k], func(x RunUnits) bool { return x.Line == m.Line }) {
			continue
		}
		var mine []RunUnits
		for _, x := range marks[k:] {
			if x.Line == m.Line {
				mine = append(mine, x)
			}
		}
		r.reshape(ev, m.Line, r.value[m.Line], nil, mine)
	}
}

// run runs the promotions of list, in order, on a fresh copy of the cart.
func (ev *evaluation) run(list []int32) *run {
	r := ev.newRun()
	// Room for what each promotion records, at most one of each.
	n := len(list)
	r.idx, r.entries = make([]int32, 0, n), make([]TraceEntry, 0, n)
	r.apps, r.worth = make([]Application, 0, n), make([]decimal.Decimal, 0, n)
	r.events, r.counters = make([][]Event, 0, n), make([][]CounterDelta, 0, n)
	for _, pi := range list {
		r.step(ev, pi)
	}
	return r
}

// newRun returns a run before any promotion: every line at its gross.
func (ev *evaluation) newRun() *run {
	r := &run{
		value: slices.Clone(ev.gross),
		adj:   make([][]Adjustment, len(ev.gross)),
	}
	if f := ev.cart.Freight; f != nil {
		r.freight = f.Amount
	}
	r.view = ev.viewOf(r)
	return r
}

// viewOf returns the view promotions see of run r.
func (ev *evaluation) viewOf(r *run) *View {
	v := &View{rs: ev.rs, cart: ev.cart, rounding: ev.rs.settings.Rounding, gross: ev.gross, value: r.value, rank: ev.rank,
		exShare: ev.exShare, apps: &r.apps, units: &r.units, memo: ev.memo}
	if ev.cart.Freight != nil {
		v.freight = &r.freight
	}
	return v
}

// step runs the promotion at pipeline index pi on the run as it stands.
func (r *run) step(ev *evaluation, pi int32) {
	view := r.view
	info := ev.rs.infos[pi]
	r.idx = append(r.idx, pi)
	prop := ev.rs.promos[pi].Apply(view)
	r.restrict(ev, pi, info.ID, prop)
	if !prop.Eligible {
		if prop.Quiet && info.Program {
			r.quiet = append(r.quiet, pi)
		}
		reasons := prop.Reasons
		if len(reasons) == 0 {
			reasons = []Reason{{Code: ReasonRuleFailed, PT: "condições não atendidas", EN: "conditions not met"}}
		}
		r.entries = append(r.entries, newEntry(info, false, reasons...))
		return
	}
	funder := info.Funder
	if funder == "" {
		funder = FunderRetailer
	}
	given, capped, touched := r.take(ev, info, funder, prop.Adjustments)
	freight := r.takeFreight(ev, info, funder, prop.Freight)
	// given and freight are never negative: nothing was given when neither
	// is positive (no decimal sum to allocate).
	nothing := given.Sign() <= 0 && freight.Sign() <= 0
	if nothing && (prop.RecordOnly || len(prop.Gifts) > 0 || len(prop.Tenders) > 0) {
		r.entries = append(r.entries, newEntry(info, true, append([]Reason{{
			Code: ReasonApplied, PT: "aplicada", EN: "applied",
		}}, prop.Reasons...)...))
		r.group(ev, touched, prop.Grouped)
		occ := max(prop.Occurrences, 1)
		r.apps = append(r.apps, Application{Campaign: info.ID, Name: info.Name, Category: info.Category, Type: info.Type, Phase: info.Phase, Amount: decimal.Zero, Occurrences: occ})
		r.events, r.counters = append(r.events, prop.Events), append(r.counters, prop.Counters)
		r.worth = append(r.worth, prop.Worth)
		r.addGifts(info.ID, prop.Gifts)
		r.tenders = append(r.tenders, prop.Tenders...)
		return
	}
	if nothing {
		reasons := append([]Reason{nothingToDiscount()}, prop.Reasons...)
		r.entries = append(r.entries, newEntry(info, false, reasons...))
		return
	}
	reasons := append([]Reason{appliedReason(given, freight)}, prop.Reasons...)
	if capped {
		reasons = append(reasons, Reason{
			Code: ReasonDiscountCapped,
			PT:   "o desconto foi limitado ao valor dos itens",
			EN:   "the discount was capped at the value of the items",
		})
	}
	r.entries = append(r.entries, newEntry(info, true, reasons...))
	r.group(ev, touched, prop.Grouped)
	app := Application{Campaign: info.ID, Name: info.Name, Category: info.Category, Type: info.Type, Phase: info.Phase, Amount: given, Occurrences: max(prop.Occurrences, 1), Units: prop.Units,
		Freight: freight}
	app.Participants = ev.participations(prop.Participants)
	r.apps = append(r.apps, app)
	r.events, r.counters = append(r.events, prop.Events), append(r.counters, prop.Counters)
	r.worth = append(r.worth, prop.Worth)
	r.addGifts(info.ID, prop.Gifts)
	r.tenders = append(r.tenders, prop.Tenders...)
}

// appliedReason says that a promotion applied, and what it gave off the
// lines and the freight: both texts written into one string that they
// share, from the cents when the amounts are whole cents (as take and
// takeFreight give them), so that no decimal is formatted.
func appliedReason(given, freight decimal.Decimal) Reason {
	b := make([]byte, 0, 128)
	b = appendApplied(b, "aplicada: desconto de R$ ", " e de R$ ", " no frete", given, freight, true)
	split := len(b)
	b = appendApplied(b, "applied: discount of R$ ", " and of R$ ", " on the freight", given, freight, false)
	s := string(b)
	return Reason{Code: ReasonApplied, PT: s[:split], EN: s[split:]}
}

// appendApplied appends one language's text of appliedReason, its amounts
// written the Brazilian way (brl) or with a point.
func appendApplied(b []byte, head, and, onFreight string, given, freight decimal.Decimal, brl bool) []byte {
	b = append(b, head...)
	switch {
	case freight.Sign() > 0 && given.Sign() > 0:
		b = append(appendAmount(b, given, brl), and...)
		return append(appendAmount(b, freight, brl), onFreight...)
	case freight.Sign() > 0:
		return append(appendAmount(b, freight, brl), onFreight...)
	}
	return appendAmount(b, given, brl)
}

// appendAmount appends d as money.Format (brl) or StringFixed(2) writes
// it, from its cents when it is whole cents.
func appendAmount(b []byte, d decimal.Decimal, brl bool) []byte {
	c, cents := centsOf(d)
	switch {
	case cents && brl:
		return money.AppendCents(b, c)
	case cents:
		return money.AppendCentsFixed(b, c)
	case brl:
		return append(b, money.Format(d)...)
	}
	return append(b, d.StringFixed(money.CentPlaces)...)
}

// participations are a proposal's participants in line-id order, one
// entry per line.
func (ev *evaluation) participations(ps []Participant) []Participation {
	parts := slices.Clone(ps)
	slices.SortStableFunc(parts, func(a, b Participant) int { return cmp.Compare(ev.rank[a.Line], ev.rank[b.Line]) })
	var out []Participation
	for k, pt := range parts {
		if k > 0 && parts[k-1].Line == pt.Line {
			last := &out[len(out)-1]
			last.Units = last.Units.Add(decimal.NewFromInt(pt.Units))
			continue
		}
		out = append(out, Participation{Line: ev.cart.Lines[pt.Line].ID, Units: decimal.NewFromInt(pt.Units)})
	}
	return out
}
