package loyalty

import (
	"fmt"

	"github.com/shopspring/decimal"

	"promokit/promo"
)

// Ledger is a simple in-memory model of a host's points ledger: balances
// by professional CPF (or customer token when the event names no CPF),
// each event applied once by id. Nothing is lost: the sum of balances is
// earned − reversed. The zero value is an empty ledger.
type Ledger struct {
	balance          map[string]decimal.Decimal
	events           map[string]promo.Event
	earned, reversed decimal.Decimal
}

func owner(e promo.Event) string {
	if !e.Professional.IsZero() {
		return "cpf:" + e.Professional.String()
	}
	return "customer:" + e.Customer
}

// Apply applies points and points_reversed events; others are ignored, and
// an event already applied is skipped. A reversal must name an applied
// points event and may not take back more than it gave. On error nothing is
// applied.
func (l *Ledger) Apply(events []promo.Event) error {
	next := l.clone()
	for _, e := range events {
		if _, done := next.events[e.ID]; done {
			continue
		}
		switch e.Kind {
		case promo.EventPoints:
			if e.Points.Sign() < 0 {
				return fmt.Errorf("loyalty: event %s has negative points", e.ID)
			}
			next.balance[owner(e)] = next.balance[owner(e)].Add(e.Points)
			next.earned = next.earned.Add(e.Points)
		case promo.EventPointsReversed:
			orig, ok := next.events[e.Reverses]
			if !ok || orig.Kind != promo.EventPoints {
				return fmt.Errorf("loyalty: event %s reverses unknown points event %q", e.ID, e.Reverses)
			}
			if e.Points.GreaterThan(next.balance[owner(orig)]) {
				return fmt.Errorf("loyalty: event %s takes back %s points, the balance has less", e.ID, e.Points)
			}
			next.balance[owner(orig)] = next.balance[owner(orig)].Sub(e.Points)
			next.reversed = next.reversed.Add(e.Points)
		default:
			continue
		}
		next.events[e.ID] = e
	}
	*l = *next
	return nil
}

// Balance returns the points of a professional CPF.
func (l *Ledger) Balance(cpf promo.TaxID) decimal.Decimal {
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
	c := &Ledger{balance: map[string]decimal.Decimal{}, events: map[string]promo.Event{}, earned: l.earned, reversed: l.reversed}
	for k, v := range l.balance {
		c.balance[k] = v
	}
	for k, v := range l.events {
		c.events[k] = v
	}
	return c
}
