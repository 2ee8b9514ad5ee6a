package promo

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

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
	return newEntry(loser, false, lostReason(w))
}

// lostReason says that a campaign lost to non-cumulative campaign w.
func lostReason(w *Info) Reason {
	return Reason{
		Code: ReasonLostToExclusive,
		PT:   "perdeu para a campanha não cumulativa " + w.ID + " (" + w.Name + ")",
		EN:   "lost to non-cumulative campaign " + w.ID + " (" + w.Name + ")",
	}
}

// lessPriorityID reports whether a comes before b: lower priority first,
// then lower id (ids are unique, so two promotions are never tied).
func lessPriorityID(a, b *Info) bool {
	return cmp.Or(cmp.Compare(a.Priority, b.Priority), strings.Compare(a.ID, b.ID)) == -1
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

// trial is the run of an exclusive candidate alone.
type trial struct {
	ci int32
	r  *run
}

// exclusiveWinner runs every exclusive (non-cumulative) candidate alone
// after the price phases; the one worth most to the customer wins (ties:
// lower priority, then id). It returns the winner's trial (its run nil
// when none applies) and every trial; the others are traced in ph.lost.
func (ev *evaluation) exclusiveWinner(ph phased) (win trial, trials []trial) {
	rs, lost := ev.rs, ph.lost
	var best decimal.Decimal
	for _, ci := range ph.active {
		if !rs.infos[ci].Exclusive {
			continue
		}
		r := ev.run(ev.alone(ph.pre, ci))
		trials = append(trials, trial{ci, r})
		amount, applied := ev.worthOf(r, ci)
		if !applied {
			lost[ci] = r.entryOf(ci)
			continue
		}
		if win.r == nil || amount.GreaterThan(best) ||
			(amount.Equal(best) && lessPriorityID(rs.infos[ci], rs.infos[win.ci])) {
			if win.r != nil {
				lost[win.ci] = lostTo(rs.infos[win.ci], rs.infos[ci])
			}
			win, best = trial{ci, r}, amount
		} else {
			lost[ci] = lostTo(rs.infos[ci], rs.infos[win.ci])
		}
	}
	return win, trials
}

// exclusiveRun is the final run when exclusive candidate winner applies
// (win is its trial run): the winner alone with the post phases. The
// campaigns that lost still restrict the sale and count what was bought:
// their blocks and tallies stand; every other active one lost to it.
func (ev *evaluation) exclusiveRun(ph phased, winner int32, win *run) *run {
	rs, pre, lost := ev.rs, ph.pre, ph.lost
	final := win // its trial run is pre + winner (its parts are post)
	if len(ph.post) != 0 {
		final = ev.run(append(with(pre, winner), ph.post...))
	}
	var losers []int32
	restricts := false
	for _, ci := range ph.active {
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
	var why Reason // the same for every loser: its texts written once
	for _, ci := range ph.active {
		if _, done := lost[ci]; !done && ci != winner {
			if why.Code == "" {
				why = lostReason(rs.infos[winner])
			}
			lost[ci] = newEntry(rs.infos[ci], false, why)
		}
	}
	return final
}
