package loyalty

import (
	"fmt"
	"maps"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// Ledger is a simple in-memory model of a host's points ledger: balances
// by professional CPF (or customer token when the event names no CPF),
// each event applied once by id. Points are followed by origin — the
// sale's original points event — so that a return reaches whoever holds
// the sale's points after reassignments, and nothing is taken twice.
// Nothing is lost: the sum of balances is earned − reversed. The zero
// value is an empty ledger.
type Ledger struct {
	balance          map[string]decimal.Decimal
	seen             map[string]bool
	origin           map[string]string // event id -> its origin's id
	holding          map[string]holding
	moved            map[string]decimal.Decimal // origin -> points a Move reversal took, to carry on
	earned, reversed decimal.Decimal
}

// holding is who holds an origin's points and how many still stand.
type holding struct {
	owner    string // "" once removed
	standing decimal.Decimal
}

func owner(e promo.Event) string {
	if !e.Professional.IsZero() {
		return "cpf:" + e.Professional.String()
	}
	return "customer:" + e.Customer
}

// Apply applies points and points_reversed events; others are ignored, and
// an event already applied is skipped. A reversal reaches whoever holds the
// points of the event it names; a Move reversal (a reassignment) takes
// whatever still stands and the points event that follows carries exactly
// that on; a return's reversal may not take back more than still stands
// (nothing, once the points were removed). On error nothing is applied.
func (l *Ledger) Apply(events []promo.Event) error {
	next := l.clone()
	for _, e := range events {
		if next.seen[e.ID] {
			continue
		}
		switch e.Kind {
		case promo.EventPoints:
			if e.Points.Sign() < 0 {
				return fmt.Errorf("loyalty: event %s has negative points", e.ID)
			}
			pts, o := e.Points, e.ID
			if e.Origin != "" {
				o = e.Origin
				moved, ok := next.moved[o]
				if !ok {
					return fmt.Errorf("loyalty: event %s carries on points of %q that no reassignment moved", e.ID, o)
				}
				pts = moved
				delete(next.moved, o)
			}
			next.origin[e.ID] = o
			next.holding[o] = holding{owner: owner(e), standing: pts}
			next.balance[owner(e)] = next.balance[owner(e)].Add(pts)
			next.earned = next.earned.Add(pts)
		case promo.EventPointsReversed:
			o, ok := next.origin[e.Reverses]
			if !ok {
				return fmt.Errorf("loyalty: event %s reverses unknown points event %q", e.ID, e.Reverses)
			}
			h := next.holding[o]
			take := e.Points
			switch {
			case e.Move:
				take = h.standing
				next.moved[o] = take
			case h.owner == "":
				take = decimal.Zero // removed: nothing left to take back
			case take.GreaterThan(h.standing):
				return fmt.Errorf("loyalty: event %s takes back %s points, %s still stand", e.ID, take, h.standing)
			}
			if h.owner != "" {
				next.balance[h.owner] = next.balance[h.owner].Sub(take)
			}
			h.standing = h.standing.Sub(take)
			if e.Move {
				h.owner = ""
			}
			next.holding[o] = h
			next.reversed = next.reversed.Add(take)
		default:
			continue
		}
		next.seen[e.ID] = true
	}
	*l = *next
	return nil
}

// Standing returns the points of a sale's original points event that still
// stand, and who holds them ("" once removed).
func (l *Ledger) Standing(origin string) (points decimal.Decimal, holder string) {
	h := l.holding[origin]
	return h.standing, h.owner
}

// Balance returns the points of a professional CPF.
func (l *Ledger) Balance(cpf br.TaxID) decimal.Decimal {
	return l.balance["cpf:"+cpf.String()]
}

// Totals returns the points earned and reversed so far.
func (l *Ledger) Totals() (earned, reversed decimal.Decimal) { return l.earned, l.reversed }

// Sum returns the sum of every balance.
func (l *Ledger) Sum() decimal.Decimal {
	s := decimal.Zero
	for _, b := range l.balance { // a sum: the order does not matter
		s = s.Add(b)
	}
	return s
}

func (l *Ledger) clone() *Ledger {
	c := *l
	c.balance = maps.Clone(l.balance)
	c.seen = maps.Clone(l.seen)
	c.origin = maps.Clone(l.origin)
	c.holding = maps.Clone(l.holding)
	c.moved = maps.Clone(l.moved)
	if c.balance == nil {
		c.balance, c.seen, c.origin = map[string]decimal.Decimal{}, map[string]bool{}, map[string]string{}
		c.holding, c.moved = map[string]holding{}, map[string]decimal.Decimal{}
	}
	return &c
}
