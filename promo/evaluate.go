package promo

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/shopspring/decimal"
)

// Evaluate prices a cart under a ruleset. It is pure: it reads nothing but
// its arguments, and the same arguments give the same Result. The cart's
// instant is read in the ruleset's time zone (Settings.Location): the same
// instant written with another offset gives the same Result.
//
// The pipeline:
//  1. the cart is validated; a bad cart gives a *ValidationError naming
//     every problem by JSON path, and nothing is applied;
//  2. the ruleset's index picks the promotions that can match the cart, and
//     those outside their dates are set aside (trace: not_started, ended);
//     optional campaigns not accepted become Offers;
//  3. the price phases (exchange, markdown) always run first and the post
//     phases (cashback redemption, earning) always run last;
//  4. in between, every non-cumulative (exclusive) candidate is run alone;
//     the one worth most to the customer wins (ties: lower priority, then
//     id) and alone applies, every other candidate is traced as
//     lost_to_exclusive (their purchase blocks and tallies still stand);
//  5. otherwise associations pick their members, and the cumulative
//     candidates run in phase, priority, id order, each on what the lines
//     still cost after the ones before it.
//
// "Not eligible" is not an error: it is a TraceEntry.
func Evaluate(cart Cart, rs *Ruleset) (Result, error) {
	res, ev, pre, err := evaluate(cart, rs)
	if err != nil {
		return Result{}, err
	}
	if s := rs.settings; s.NearMissAmount.Sign() > 0 || s.NearMissQuantity > 0 {
		res.NearMisses = ev.nearMisses(&res, pre)
	}
	return res, nil
}

// evaluate is Evaluate without near misses; it also returns the
// evaluation and the price phases' promotions, for what-if runs.
func evaluate(cart Cart, rs *Ruleset) (Result, *evaluation, []int32, error) {
	if rs == nil {
		return Result{}, nil, nil, errors.New("promo: Evaluate with a nil ruleset")
	}
	// Calendar days are those of the ruleset's time zone, whatever offset
	// the cart writes its instant with.
	cart.Time = cart.Time.In(rs.loc)
	if err := validateCart(&cart, rs.settings.Limits); err != nil {
		return Result{}, nil, nil, err
	}
	ev := newEvaluation(&cart, rs)
	cands := rs.candidates(&cart)

	// pre are the price phases (exchange, markdown): they always run first;
	// post are redemption and earning: they always run last. Neither takes
	// part in exclusivity or associations. The others compete.
	var pre, active, post []int32
	lost := map[int32]TraceEntry{} // pipeline index -> why it did not run
	var offers []Offer
	for _, ci := range cands {
		info := rs.infos[ci]
		if r, out := outsideDates(info, &cart); out {
			lost[ci] = newEntry(info, false, r)
			continue
		}
		if info.Phase <= PhaseMarkdown {
			pre = append(pre, ci)
			continue
		}
		if info.Phase >= PhaseRedemption {
			post = append(post, ci)
			continue
		}
		if info.Optional && !slices.Contains(cart.AcceptedOffers, info.ID) {
			// Offered with the value it would give alone; not applied.
			alone := ev.run(with(pre, ci))
			amount, applied := alone.amountOf(info.ID)
			if !applied {
				lost[ci] = alone.entryOf(ci)
				continue
			}
			offers = append(offers, Offer{Campaign: info.ID, Name: info.Name, Description: info.Description, Amount: amount})
			lost[ci] = newEntry(info, false, Reason{
				Code: ReasonOptionalNotAccepted,
				PT:   "campanha opcional oferecida ao operador: R$ " + brl(amount),
				EN:   "optional campaign offered to the operator: R$ " + amount.StringFixed(CentPlaces),
			})
			continue
		}
		active = append(active, ci)
	}

	// Exclusive candidates, each alone after the price phases.
	type trial struct {
		ci int32
		r  *run
	}
	var trials []trial
	winner := int32(-1)
	var win *run
	var best decimal.Decimal
	for _, ci := range active {
		if !rs.infos[ci].Exclusive {
			continue
		}
		r := ev.run(ev.alone(pre, ci))
		trials = append(trials, trial{ci, r})
		amount, applied := ev.worthOf(r, ci)
		if !applied {
			lost[ci] = r.entryOf(ci)
			continue
		}
		if win == nil || amount.GreaterThan(best) ||
			(amount.Equal(best) && lessPriorityID(rs.infos[ci], rs.infos[winner])) {
			if win != nil {
				lost[winner] = lostTo(rs.infos[winner], rs.infos[ci])
			}
			winner, win, best = ci, r, amount
		} else {
			lost[ci] = lostTo(rs.infos[ci], rs.infos[winner])
		}
	}

	var final *run
	if win != nil {
		final = win // its trial run is pre + winner (its parts are post)
		if len(post) > 0 {
			final = ev.run(append(with(pre, winner), post...))
		}
		// The campaigns that lost still restrict the sale and count what
		// was bought: their blocks and tallies stand.
		var losers []int32
		restricts := false
		for _, ci := range active {
			if ci != winner {
				losers = append(losers, ci)
				_, may := slices.BinarySearch(rs.restricts, ci)
				restricts = restricts || may
			}
		}
		if restricts {
			trial := ev.run(append(slices.Clone(pre), losers...))
			for k, pi := range trial.restrictedBy {
				if !slices.Contains(pre, pi) {
					final.blocks = append(final.blocks, trial.blockSets[k]...)
					final.tallies = append(final.tallies, trial.tallySets[k]...)
				}
			}
		}
		for _, ci := range active {
			if _, done := lost[ci]; !done && ci != winner {
				lost[ci] = lostTo(rs.infos[ci], rs.infos[winner])
			}
		}
	} else {
		var cum []int32
		for _, ci := range active {
			if !rs.infos[ci].Exclusive {
				cum = append(cum, ci)
			}
		}
		cum, gone := ev.decideAssociations(append(slices.Clone(pre), cum...))
		for ci, e := range gone {
			lost[ci] = e
		}
		final = ev.run(append(cum, post...))
		// The exclusive candidates that did not apply still restrict the
		// sale: their blocks and tallies stand.
		for _, tr := range trials {
			final.keepRestrictions(tr.r, tr.ci)
		}
	}
	entries := make([]TraceEntry, 0, len(cands))
	for _, ci := range cands {
		if e, ok := lost[ci]; ok {
			entries = append(entries, e)
		} else if !slices.Contains(final.quiet, ci) {
			entries = append(entries, final.entryOf(ci))
		}
	}
	res := ev.result(final, foldParts(entries, rs))
	res.Offers = offers
	return res, ev, pre, nil
}

// with returns pre followed by ci, in a new slice.
func with(pre []int32, ci int32) []int32 {
	return append(slices.Clone(pre), ci)
}

// alone returns the run of campaign ci alone after the price phases, with
// its parts (its cashback and points) when the ruleset values them.
func (ev *evaluation) alone(pre []int32, ci int32) []int32 {
	list := with(pre, ci)
	if s := ev.rs.settings; !s.CashbackValue.IsZero() || !s.PointValue.IsZero() {
		list = append(list, ev.rs.parts[ci]...)
	}
	return list
}

// worthOf returns what campaign ci gave the customer in run r, as the best
// benefit counts it (o melhor benefício para o cliente): its discount (on
// the lines and the freight), the gifts still to add (at their price in
// the cart or the campaign's reference price), and the cashback and points
// it and its parts earned at the values the ruleset states; and whether
// it applied.
func (ev *evaluation) worthOf(r *run, ci int32) (decimal.Decimal, bool) {
	id := ev.rs.infos[ci].ID
	total, applied := decimal.Zero, false
	s := ev.rs.settings
	for k, a := range r.apps {
		in := ev.rs.infos[ev.rs.byID[a.Campaign]]
		if a.Campaign != id && in.PartOf != id {
			continue
		}
		if a.Campaign == id {
			applied = true
			total = total.Add(a.Amount).Add(a.Freight).Add(r.worth[k])
		}
		for _, e := range r.events[k] {
			switch e.Kind {
			case EventCashbackEarned:
				total = total.Add(e.Amount.Mul(s.CashbackValue))
			case EventPoints:
				total = total.Add(e.Points.Mul(s.PointValue))
			}
		}
	}
	return total, applied
}

func lostTo(loser, w *Info) TraceEntry {
	return newEntry(loser, false, Reason{
		Code: ReasonLostToExclusive,
		PT:   fmt.Sprintf("perdeu para a campanha não cumulativa %s (%s)", w.ID, w.Name),
		EN:   fmt.Sprintf("lost to non-cumulative campaign %s (%s)", w.ID, w.Name),
	})
}

func lessPriorityID(a, b *Info) bool {
	if a.Priority != b.Priority {
		return a.Priority < b.Priority
	}
	return a.ID < b.ID
}

func newEntry(info *Info, applied bool, reasons ...Reason) TraceEntry {
	return TraceEntry{Campaign: info.ID, Name: info.Name, Phase: info.Phase, Applied: applied, Reasons: reasons}
}

func outsideDates(info *Info, c *Cart) (Reason, bool) {
	loc := c.Time.Location()
	if !info.Start.IsZero() && c.Time.Before(info.Start) {
		s := info.Start.In(loc)
		return Reason{
			Code: ReasonNotStarted,
			PT:   "a campanha começa em " + s.Format("02/01/2006 15:04"),
			EN:   "the campaign starts at " + s.Format("2006-01-02 15:04"),
		}, true
	}
	if !info.End.IsZero() && c.Time.After(info.End) {
		e := info.End.In(loc)
		return Reason{
			Code: ReasonEnded,
			PT:   "a campanha terminou em " + e.Format("02/01/2006 15:04"),
			EN:   "the campaign ended at " + e.Format("2006-01-02 15:04"),
		}, true
	}
	return Reason{}, false
}

// evaluation holds what every run of one Evaluate shares.
type evaluation struct {
	cart    *Cart
	rs      *Ruleset
	gross   []decimal.Decimal
	rank    []int
	exTotal decimal.Decimal   // value of the exchange items
	exShare []decimal.Decimal // its apportionment over the lines
	memo    *memo             // what the families work out once (View.Memo)
}

func newEvaluation(c *Cart, rs *Ruleset) *evaluation {
	ev := &evaluation{cart: c, rs: rs, gross: make([]decimal.Decimal, len(c.Lines)), rank: make([]int, len(c.Lines)), memo: &memo{}}
	order := make([]int, len(c.Lines))
	for i := range c.Lines {
		l := &c.Lines[i]
		ev.gross[i] = rs.settings.Rounding.Round(l.Quantity.Mul(l.UnitPrice))
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return c.Lines[order[a]].ID < c.Lines[order[b]].ID })
	for pos, i := range order {
		ev.rank[i] = pos
	}
	// Exchange credit (troca): apportioned over the lines by gross value in
	// line-id order, never more than the sale's gross.
	ev.exTotal = decimal.Zero
	for _, x := range c.Exchanges {
		ev.exTotal = ev.exTotal.Add(rs.settings.Rounding.Round(x.Quantity.Mul(x.UnitPrice)))
	}
	ev.exShare = make([]decimal.Decimal, len(c.Lines))
	if len(c.Exchanges) == 0 {
		for i := range ev.exShare {
			ev.exShare[i] = decimal.Zero
		}
		return ev
	}
	weights := make([]decimal.Decimal, len(order))
	grossTotal := decimal.Zero
	for k, i := range order {
		weights[k] = ev.gross[i]
		grossTotal = grossTotal.Add(ev.gross[i])
	}
	for k, sh := range Apportion(decimal.Min(ev.exTotal, grossTotal), weights) {
		ev.exShare[order[k]] = sh
	}
	return ev
}

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
	total   decimal.Decimal
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
		block := adjs[k:end]
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
			if amt.Sign() <= 0 {
				continue
			}
			if amt.GreaterThan(r.value[line]) {
				amt, capped = r.value[line], true
			}
			if amt.Sign() <= 0 {
				continue
			}
			for _, x := range block[j:] {
				if x.Kind != a.Kind || x.Units <= 0 {
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
				r.adj[line] = r.newAdjustment(adj, len(adjs)-k+1, Adjustment{Campaign: info.ID, Kind: a.Kind, Amount: amt, FundedBy: funder, Key: info.Key})
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
	if len(adj) > 0 {
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
		total: decimal.Zero,
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
	if given.Add(freight).Sign() <= 0 && (prop.RecordOnly || len(prop.Gifts) > 0 || len(prop.Tenders) > 0) {
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
	if given.Add(freight).Sign() <= 0 {
		reasons := append([]Reason{nothingToDiscount()}, prop.Reasons...)
		r.entries = append(r.entries, newEntry(info, false, reasons...))
		return
	}
	applied := Reason{
		Code: ReasonApplied,
		PT:   "aplicada: desconto de R$ " + brl(given),
		EN:   "applied: discount of R$ " + given.StringFixed(CentPlaces),
	}
	switch {
	case freight.Sign() > 0 && given.Sign() > 0:
		applied.PT += " e de R$ " + brl(freight) + " no frete"
		applied.EN += " and of R$ " + freight.StringFixed(CentPlaces) + " on the freight"
	case freight.Sign() > 0:
		applied.PT = "aplicada: desconto de R$ " + brl(freight) + " no frete"
		applied.EN = "applied: discount of R$ " + freight.StringFixed(CentPlaces) + " on the freight"
	}
	reasons := append([]Reason{applied}, prop.Reasons...)
	if capped {
		reasons = append(reasons, Reason{
			Code: ReasonDiscountCapped,
			PT:   "o desconto foi limitado ao valor dos itens",
			EN:   "the discount was capped at the value of the items",
		})
	}
	r.entries = append(r.entries, newEntry(info, true, reasons...))
	r.group(ev, touched, prop.Grouped)
	occ := prop.Occurrences
	if occ < 1 {
		occ = 1
	}
	app := Application{Campaign: info.ID, Name: info.Name, Category: info.Category, Type: info.Type, Phase: info.Phase, Amount: given, Occurrences: occ, Units: prop.Units,
		Freight: freight}
	parts := slices.Clone(prop.Participants)
	sort.SliceStable(parts, func(a, b int) bool { return ev.rank[parts[a].Line] < ev.rank[parts[b].Line] })
	for k, pt := range parts { // in line-id order, one entry per line
		if k > 0 && parts[k-1].Line == pt.Line {
			last := &app.Participants[len(app.Participants)-1]
			last.Units = last.Units.Add(decimal.NewFromInt(pt.Units))
			continue
		}
		app.Participants = append(app.Participants, Participation{Line: ev.cart.Lines[pt.Line].ID, Units: decimal.NewFromInt(pt.Units)})
	}
	r.apps = append(r.apps, app)
	r.events, r.counters = append(r.events, prop.Events), append(r.counters, prop.Counters)
	r.worth = append(r.worth, prop.Worth)
	r.addGifts(info.ID, prop.Gifts)
	r.tenders = append(r.tenders, prop.Tenders...)
	r.total = r.total.Add(given)
}

func (ev *evaluation) result(r *run, entries []TraceEntry) Result {
	c := ev.cart
	res := Result{CartID: c.ID, Lines: make([]LineResult, len(c.Lines)), Gifts: r.gifts, Trace: entries}
	for _, a := range r.apps {
		if !ev.rs.infos[ev.rs.byID[a.Campaign]].Program {
			res.Applied = append(res.Applied, a)
		}
	}
	var tg, td moneySum
	for i := range c.Lines {
		l := &c.Lines[i]
		var d moneySum
		for k, a := range r.adj[i] {
			d.add(a.Amount)
			r.adj[i][k].Shares = ev.shares(a)
			if a.Key != "" {
				r.adj[i][k].Authorization = AuthorizationNumber(c.ID, a.Campaign)
			}
		}
		// What the line still costs in the run is its gross less the
		// adjustments: take subtracts from it every amount it records.
		net := ev.gross[i]
		if len(r.adj[i]) > 0 {
			net = r.value[i]
		}
		res.Lines[i] = LineResult{
			ID: l.ID, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
			Gross: ev.gross[i], Adjustments: r.adj[i], Discount: d.total(), Net: net,
			ExchangeShare: ev.exShare[i], Weighed: !l.Countable(),
		}
		tg.add(ev.gross[i])
		td.add(res.Lines[i].Discount)
	}
	var tt moneySum
	for _, t := range r.tenders {
		tt.add(t.Amount)
	}
	res.Tenders = r.tenders
	res.Blocks = r.blocks
	gross, discount, tenders := tg.total(), td.total(), tt.total()
	net := gross.Sub(discount)
	freight := decimal.Zero
	if f := c.Freight; f != nil {
		fr := &FreightResult{Method: f.Method, Gross: f.Amount, Adjustments: r.freightAdj, Discount: decimal.Zero}
		for k, a := range fr.Adjustments {
			fr.Discount = fr.Discount.Add(a.Amount)
			fr.Adjustments[k].Shares = ev.shares(a)
			if a.Key != "" {
				fr.Adjustments[k].Authorization = AuthorizationNumber(c.ID, a.Campaign)
			}
		}
		fr.Net = f.Amount.Sub(fr.Discount)
		res.Freight, freight = fr, fr.Net
	}
	var payable moneySum
	payable.add(net)
	payable.add(freight)
	payable.sub(ev.exTotal)
	payable.sub(tenders)
	res.Totals = Totals{Gross: gross, Discount: discount, Net: net, Exchange: ev.exTotal, Tenders: tenders, Freight: freight,
		Payable: payable.total()}
	customer := ""
	if c.Customer != nil {
		customer = c.Customer.ID
	}
	for k, a := range r.apps {
		if !ev.rs.infos[ev.rs.byID[a.Campaign]].Program {
			res.Events = append(res.Events, Event{
				ID:   EventID(c.ID, EventActivation.String(), a.Campaign),
				Kind: EventActivation, Campaign: a.Campaign, Customer: customer,
				Amount: a.Amount, Freight: a.Freight, Occurrences: a.Occurrences, Counters: r.counters[k],
			})
		}
		for j, e := range r.events[k] {
			if e.Campaign == "" {
				e.Campaign = a.Campaign
			}
			e.Customer = customer
			parts := []string{e.Kind.String(), e.Campaign, e.Code}
			if e.Credit != "" {
				parts = append(parts, e.Credit)
			}
			e.ID = EventID(c.ID, append(parts, fmt.Sprint(j))...)
			res.Events = append(res.Events, e)
		}
	}
	for _, e := range r.tallies {
		e.Customer = customer
		e.ID = EventID(c.ID, e.Kind.String(), e.Campaign)
		res.Events = append(res.Events, e)
	}
	return res
}

// AuthorizationNumber is the authorization number of a discount with an
// identification key in a sale (NrAutDescVenda, the Desconto Pack
// manual's sales report): 16 decimal digits derived from the sale's id and
// the promotion's, so that a retried sale gets the same number and the
// host can recompute it. Every adjustment of the promotion in the sale
// carries it (Adjustment.Authorization).
func AuthorizationNumber(cartID, promotion string) string {
	h := sha256.New()
	h.Write([]byte("github.com/promokit/promokit/v1/authorization\x00"))
	h.Write([]byte(cartID))
	h.Write([]byte{0})
	h.Write([]byte(promotion))
	sum := h.Sum(nil)
	n := binary.BigEndian.Uint64(sum[:8]) % 1e16
	return fmt.Sprintf("%016d", n)
}

// EventID derives an event id from the cart id and the parts that tell the
// event apart (kind, campaign, ...): a retried sale gets the same ids.
func EventID(cartID string, parts ...string) string {
	h := sha256.New()
	h.Write([]byte("github.com/promokit/promokit/v1\x00"))
	h.Write([]byte(cartID))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// brl formats an amount the Brazilian way: 1234.5 -> "1.234,50".
func brl(d decimal.Decimal) string {
	s := d.StringFixed(CentPlaces)
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	intPart, frac := s[:len(s)-3], s[len(s)-2:]
	var out []byte
	for i := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, intPart[i])
	}
	res := string(out) + "," + frac
	if neg {
		res = "-" + res
	}
	return res
}

// FormatBRL formats an amount the Brazilian way, without the currency
// symbol: 1234.5 gives "1.234,50".
func FormatBRL(d decimal.Decimal) string { return brl(d) }

func nothingToDiscount() Reason {
	return Reason{
		Code: ReasonNothingToDiscount,
		PT:   "as condições foram atendidas, mas não há desconto a conceder neste carrinho",
		EN:   "the conditions hold but there is no discount to give on this cart",
	}
}

// foldParts removes the trace entries of promotions that are part of a
// campaign, adding the notes of those that applied to the campaign's entry.
func foldParts(entries []TraceEntry, rs *Ruleset) []TraceEntry {
	out := entries[:0:0]
	for _, e := range entries {
		if rs.infos[rs.byID[e.Campaign]].PartOf == "" {
			out = append(out, e)
		}
	}
	for _, e := range entries {
		parent := rs.infos[rs.byID[e.Campaign]].PartOf
		if parent == "" {
			continue
		}
		for k := range out {
			if out[k].Campaign != parent {
				continue
			}
			switch {
			case e.Applied:
				out[k].Reasons = append(slices.Clone(out[k].Reasons), e.Reasons[1:]...)
			case out[k].Applied:
				// The campaign applied but its part did not (no cashback
				// after the redemption period): say why.
				out[k].Reasons = append(slices.Clone(out[k].Reasons), e.Reasons...)
			}
		}
	}
	return out
}

// shares splits an adjustment between a funder that pays part of it and the
// retailer: the funder's part rounded with the ruleset's mode, the
// retailer's the rest, so the parts add up exactly.
func (ev *evaluation) shares(a Adjustment) []FundingShare {
	info := ev.rs.infos[ev.rs.byID[a.Campaign]]
	pct := info.FunderShare
	if info.Funder == "" || pct.Sign() <= 0 || pct.GreaterThanOrEqual(decimal.NewFromInt(100)) {
		return nil
	}
	f := ev.rs.settings.Rounding.Round(a.Amount.Mul(pct).DivRound(decimal.NewFromInt(100), workPlaces))
	return []FundingShare{{Funder: info.Funder, Amount: f}, {Funder: FunderRetailer, Amount: a.Amount.Sub(f)}}
}

// restrict records a proposal's purchase blocks and tallies, whatever its
// eligibility.
func (r *run) restrict(ev *evaluation, pi int32, id string, prop Proposal) {
	if len(prop.Blocks) == 0 && len(prop.Tally) == 0 {
		return
	}
	var bs []Block
	for _, b := range prop.Blocks {
		bs = append(bs, Block{Campaign: id, Line: ev.cart.Lines[b.Line].ID, Allowed: b.Allowed, Reason: b.Reason})
	}
	var ts []Event
	if len(prop.Tally) > 0 {
		ts = append(ts, Event{Kind: EventTally, Campaign: id, Counters: slices.Clone(prop.Tally)})
	}
	r.blocks = append(r.blocks, bs...)
	r.tallies = append(r.tallies, ts...)
	r.restrictedBy = append(r.restrictedBy, pi)
	r.blockSets = append(r.blockSets, bs)
	r.tallySets = append(r.tallySets, ts)
}

// keepRestrictions adds to r the blocks and tallies promotion pi produced
// in another run.
func (r *run) keepRestrictions(other *run, pi int32) {
	for k, x := range other.restrictedBy {
		if x == pi {
			r.blocks = append(r.blocks, other.blockSets[k]...)
			r.tallies = append(r.tallies, other.tallySets[k]...)
		}
	}
}
