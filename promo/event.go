package promo

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
)

// EventKind says what the host must record.
type EventKind uint8

const (
	// EventActivation counts one activation of a campaign (for limits and
	// reports); its Counters say what to add to the limit counters.
	EventActivation EventKind = iota
	// EventCodeRedeemed: a promotional code was used; the host marks it used
	// (and passes it in History.UsedCodes from then on).
	EventCodeRedeemed
	// EventCodeIssued: a code for a later purchase was issued to the
	// customer, valid from ValidFrom to ValidUntil, unlocking Unlocks.
	EventCodeIssued
	// EventPoints: loyalty points earned, a fixed amount (Points) or a
	// multiplier of the program's base points (Multiplier).
	EventPoints
	// EventCashbackEarned: a cashback credit of Amount, redeemable from
	// ValidFrom to ValidUntil under Terms; the host adds it to the wallet
	// with the event's ID as the credit's id.
	EventCashbackEarned
	// EventCashbackRedeemed: Amount was taken from wallet credit Credit.
	EventCashbackRedeemed
	// EventCashbackReversed: Amount of the credit earned by event Reverses
	// is taken back (a return).
	EventCashbackReversed
	// EventPointsReversed: Points of event Reverses are taken back (a
	// return, or points reassigned to another CPF).
	EventPointsReversed
	// EventScratchCards: Quantity scratch cards (rasgadinhas) to hand the
	// customer.
	EventScratchCards
	// EventCashbackRestored: Amount goes back to wallet credit Credit,
	// because goods paid with it were returned.
	EventCashbackRestored
	// EventTally: Counters to add whatever happened to the promotion
	// (units bought toward a purchase block).
	EventTally
)

// String returns the kind's name: "activation", "code_redeemed",
// "code_issued", "points", "cashback_earned", "cashback_redeemed",
// "cashback_reversed", "points_reversed", "scratch_cards",
// "cashback_restored" or "tally".
func (k EventKind) String() string {
	switch k {
	case EventActivation:
		return "activation"
	case EventCodeRedeemed:
		return "code_redeemed"
	case EventCodeIssued:
		return "code_issued"
	case EventPoints:
		return "points"
	case EventCashbackEarned:
		return "cashback_earned"
	case EventCashbackRedeemed:
		return "cashback_redeemed"
	case EventCashbackReversed:
		return "cashback_reversed"
	case EventPointsReversed:
		return "points_reversed"
	case EventScratchCards:
		return "scratch_cards"
	case EventCashbackRestored:
		return "cashback_restored"
	case EventTally:
		return "tally"
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// CounterDelta is what to add to one limit counter (see History.Counters).
type CounterDelta struct {
	Key string          `json:"key"`
	Add decimal.Decimal `json:"add"`
}

// LineWeight is how much a line counted in an earning.
type LineWeight struct {
	Line   string          `json:"line"`
	Weight decimal.Decimal `json:"weight"`
}

// Event is a side effect the host must persist. Its ID is derived from the
// cart id and what produced it, so a retried sale gives the same ids.
type Event struct {
	ID       string    `json:"id"`
	Kind     EventKind `json:"kind"`
	Campaign string    `json:"campaign"`
	// Customer is the customer's opaque token, empty for an anonymous sale.
	Customer string `json:"customer,omitempty"`
	// Amount is the money of an activation or of a cashback event; the
	// JSON has it only where the kind carries one (Event.MarshalJSON).
	Amount decimal.Decimal `json:"amount"`
	// Occurrences is how many activations the event counts (activations
	// only).
	Occurrences int `json:"occurrences,omitempty"`
	// Freight is what an activation took off the sale's freight, apart
	// from Amount (the lines' discounts).
	Freight decimal.Decimal `json:"freight,omitzero"`
	// Counters are the limit counters an activation adds to.
	Counters []CounterDelta `json:"counters,omitempty"`
	// Code is the promotional code redeemed or issued.
	Code string `json:"code,omitempty"`
	// Unlocks is the campaign an issued code activates.
	Unlocks string `json:"unlocks,omitempty"`
	// ValidFrom and ValidUntil bound an issued code's validity.
	ValidFrom  time.Time `json:"valid_from,omitzero"`
	ValidUntil time.Time `json:"valid_until,omitzero"`
	// Points is a fixed number of loyalty points; Multiplier multiplies the
	// program's base points for the sale.
	Points     decimal.Decimal `json:"points,omitzero"`
	Multiplier decimal.Decimal `json:"multiplier,omitzero"`
	// Program names the points program ("juntos_somos_mais"); Professional
	// is the CPF it scores, on that program's events only.
	Program      string   `json:"program,omitempty"`
	Professional br.TaxID `json:"professional,omitzero"`
	// Credit is the wallet credit a redemption takes from.
	Credit string `json:"credit,omitempty"`
	// Terms are an earned credit's redemption terms.
	Terms *CreditTerms `json:"terms,omitempty"`
	// Store is where a credit was earned.
	Store string `json:"store,omitempty"`
	// Reverses is the id of the event a reversal takes back.
	Reverses string `json:"reverses,omitempty"`
	// Origin is the sale's original points event that a reassigned points
	// event carries on (loyalty.Reassign); reversals of the original reach
	// whoever holds the points now.
	Origin string `json:"origin,omitempty"`
	// Move marks the reversal of a reassignment: it takes whatever of the
	// points still stands (a return may have taken some back).
	Move bool `json:"move,omitempty"`
	// Weights say which lines an earning came from and how much each
	// counted (a points program's participating lines, a cashback's base);
	// a return takes the earning back in proportion to them.
	Weights []LineWeight `json:"weights,omitempty"`
	// Quantity counts scratch cards.
	Quantity decimal.Decimal `json:"quantity,omitzero"`
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *EventKind) UnmarshalText(b []byte) error {
	for c := EventActivation; c <= EventTally; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("unknown event kind %q", b)
}
