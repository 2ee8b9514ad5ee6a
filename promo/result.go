package promo

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// AdjustmentKind says what an adjustment is.
type AdjustmentKind uint8

const (
	// ItemDiscount is a discount computed on the item itself (percent, amount
	// off, final price, highest or lowest item).
	ItemDiscount AdjustmentKind = iota
	// FreeUnits is the price of units given for free ("leve 3 pague 2").
	FreeUnits
	// SaleDiscount is the line's share of a sale-level discount.
	SaleDiscount
	// Markdown is a new unit price (remarcação): the difference to what the
	// line cost before it.
	Markdown
	// GiftUnits zeroes a gift (brinde) already in the cart.
	GiftUnits
)

// String returns "item_discount", "free_units", "sale_discount", "markdown"
// or "gift".
func (k AdjustmentKind) String() string {
	switch k {
	case ItemDiscount:
		return "item_discount"
	case FreeUnits:
		return "free_units"
	case SaleDiscount:
		return "sale_discount"
	case Markdown:
		return "markdown"
	case GiftUnits:
		return "gift"
	}
	return fmt.Sprintf("AdjustmentKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k AdjustmentKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// FunderRetailer is the funder of adjustments whose campaign names none.
const FunderRetailer = "retailer"

// Adjustment is one campaign's discount on one line, in cents. A line's
// adjustments add up to its NFC-e vDesc.
type Adjustment struct {
	Campaign string          `json:"campaign"`
	Kind     AdjustmentKind  `json:"kind"`
	Amount   decimal.Decimal `json:"amount"`
	// FundedBy is who pays for the discount: FunderRetailer unless the
	// campaign names another funder.
	FundedBy string `json:"funded_by"`
}

// LineResult is one line of the cart after promotions.
type LineResult struct {
	ID        string          `json:"id"`
	Quantity  decimal.Decimal `json:"quantity"`
	UnitPrice decimal.Decimal `json:"unit_price"`
	// Gross is quantity × unit price, rounded to cents (NFC-e vProd).
	Gross decimal.Decimal `json:"gross"`
	// Adjustments are in the order they were applied; a line with no
	// discount has none.
	Adjustments []Adjustment `json:"adjustments,omitempty"`
	// Discount is the sum of the adjustments (NFC-e vDesc).
	Discount decimal.Decimal `json:"discount"`
	// Net is Gross minus Discount; never below zero.
	Net decimal.Decimal `json:"net"`
}

// Totals sums the lines.
type Totals struct {
	Gross    decimal.Decimal `json:"gross"`
	Discount decimal.Decimal `json:"discount"`
	Net      decimal.Decimal `json:"net"`
}

// Application is one promotion that applied and what it gave.
type Application struct {
	Campaign string          `json:"campaign"`
	Name     string          `json:"name"`
	Phase    Phase           `json:"phase"`
	Amount   decimal.Decimal `json:"amount"`
	// Occurrences is how many times it applied in the sale (groups of
	// "leve 3 pague 2", repetitions); at least 1.
	Occurrences int `json:"occurrences"`
}

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
)

// String returns the kind's name: "activation", "code_redeemed",
// "code_issued" or "points".
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

// Event is a side effect the host must persist. Its ID is derived from the
// cart id and what produced it, so a retried sale gives the same ids.
type Event struct {
	ID       string    `json:"id"`
	Kind     EventKind `json:"kind"`
	Campaign string    `json:"campaign"`
	// Customer is the customer's opaque token, empty for an anonymous sale.
	Customer string          `json:"customer,omitempty"`
	Amount   decimal.Decimal `json:"amount"`
	// Occurrences is how many activations the event counts.
	Occurrences int `json:"occurrences"`
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
}

// Gift is a gift (brinde) a campaign grants: Quantity units of one of the
// Options, chosen by the operator. Units already in the cart are zeroed by
// Gift adjustments on their lines (InCart); ToAdd units are still to be
// added to the cart, and evaluating it again with them prices them at zero.
type Gift struct {
	Campaign string `json:"campaign"`
	// Options are the product codes the operator may choose from.
	Options  []string `json:"options"`
	Quantity int64    `json:"quantity"`
	// InCart lists the line ids of the gifts already in the cart.
	InCart []string `json:"in_cart,omitempty"`
	// ToAdd is how many units are still to be added.
	ToAdd int64 `json:"to_add"`
}

// Offer is an optional campaign (campanha opcional) whose conditions hold
// but that the operator has not accepted yet. Listing its id in the cart's
// AcceptedOffers and evaluating again applies it.
type Offer struct {
	Campaign    string `json:"campaign"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Amount is what the campaign would give, computed on the cart alone
	// (without the other campaigns).
	Amount decimal.Decimal `json:"amount"`
}

// Result is what Evaluate says of a cart.
type Result struct {
	CartID string `json:"cart_id"`
	// Lines are in the cart's order.
	Lines  []LineResult `json:"lines"`
	Totals Totals       `json:"totals"`
	// Applied lists the promotions that applied, in the order they ran.
	Applied []Application `json:"applied,omitempty"`
	// Offers lists the optional campaigns the operator may accept.
	Offers []Offer `json:"offers,omitempty"`
	// Gifts lists the gifts granted, in the order their campaigns ran.
	Gifts []Gift `json:"gifts,omitempty"`
	// Events are the side effects to persist, in the order they arose.
	Events []Event `json:"events,omitempty"`
	// Trace has an entry for every promotion looked at, in pipeline order.
	Trace []TraceEntry `json:"trace"`
}

// TraceFor returns the trace entry of a campaign and whether there is one.
func (r *Result) TraceFor(campaign string) (TraceEntry, bool) {
	for _, t := range r.Trace {
		if t.Campaign == campaign {
			return t, true
		}
	}
	return TraceEntry{}, false
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *AdjustmentKind) UnmarshalText(b []byte) error {
	for c := ItemDiscount; c <= GiftUnits; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("unknown adjustment kind %q", b)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *EventKind) UnmarshalText(b []byte) error {
	for c := EventActivation; c <= EventPoints; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("unknown event kind %q", b)
}
