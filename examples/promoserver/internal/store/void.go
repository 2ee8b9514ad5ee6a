package store

import (
	"encoding/json"
	"errors"
)

// ErrVoided means the sale was voided; nothing more can be done with it.
var ErrVoided = errors.New("store: the sale was voided")

// ErrHasReturns means a sale with returns cannot be voided; return what is
// left instead.
var ErrHasReturns = errors.New("store: the sale has returns")

// VoidEvent is one reversal a void wrote.
type VoidEvent struct {
	ID       string         `json:"id"`
	Kind     string         `json:"kind"`
	Campaign string         `json:"campaign,omitempty"`
	Customer string         `json:"customer,omitempty"`
	Counters []counterDelta `json:"counters,omitempty"`
	Code     string         `json:"code,omitempty"`
	Credit   string         `json:"credit,omitempty"`
	Reverses string         `json:"reverses,omitempty"`
	Amount   string         `json:"amount,omitempty"`
	Points   int64          `json:"points,omitempty"`
}

// VoidResponse is the answer to a void (estorno).
type VoidResponse struct {
	SaleID   string      `json:"sale_id"`
	Status   string      `json:"status"`
	VoidedAt string      `json:"voided_at"`
	Events   []VoidEvent `json:"events"`
	// NotRecovered is the cashback the sale earned that later sales had
	// already redeemed: the void takes back only what is left.
	NotRecovered string `json:"cashback_not_recovered"`
}

// Outcome is how an idempotent write ended.
type Outcome struct {
	// Response is the answer, the same bytes on every retry.
	Response json.RawMessage
	// Replayed: the write was done before; this is its answer.
	Replayed bool
	// Reused: the id was used before with another content; nothing done.
	Reused bool
}
