package promo

import "github.com/shopspring/decimal"

// ReasonCode is a stable identifier (snake_case) for why a promotion applied
// or not. Codes never change; their messages may.
type ReasonCode string

// The reason codes of the kernel and of the first families. Families may add
// their own codes, in snake_case, documented where they are produced.
const (
	// ReasonApplied: the promotion applied.
	ReasonApplied ReasonCode = "applied"
	// ReasonNotStarted: the sale is before the promotion's start.
	ReasonNotStarted ReasonCode = "not_started"
	// ReasonEnded: the sale is after the promotion's end.
	ReasonEnded ReasonCode = "ended"
	// ReasonRuleFailed: an activation rule is not met; the message names it.
	ReasonRuleFailed ReasonCode = "rule_failed"
	// ReasonMinQuantity: the minimum quantity is not reached; the message says
	// how many units are missing.
	ReasonMinQuantity ReasonCode = "min_quantity_not_reached"
	// ReasonMinValue: the minimum value is not reached; the message says how
	// much is missing.
	ReasonMinValue ReasonCode = "min_value_not_reached"
	// ReasonNoEligibleItems: no line of the cart can take the benefit.
	ReasonNoEligibleItems ReasonCode = "no_eligible_items"
	// ReasonNothingToDiscount: the promotion matched but is worth nothing on
	// this cart (for example a final price above the current price).
	ReasonNothingToDiscount ReasonCode = "nothing_to_discount"
	// ReasonLostToExclusive: a non-cumulative promotion applied instead; the
	// message names it.
	ReasonLostToExclusive ReasonCode = "lost_to_exclusive"
	// ReasonRepetitionCap: the promotion applied, but the cap on repetitions
	// per sale left some units out.
	ReasonRepetitionCap ReasonCode = "repetition_cap_reached"
	// ReasonDiscountCapped: the promotion applied, but its discount was larger
	// than what it applies to and was reduced to that value.
	ReasonDiscountCapped ReasonCode = "discount_capped"
	// ReasonOptionalNotAccepted: an optional campaign the operator has not
	// accepted; the Result lists it among the Offers with its value.
	ReasonOptionalNotAccepted ReasonCode = "optional_not_accepted"
	// ReasonRecordOnly: the campaign gives no benefit; its activation is
	// recorded (não possui benefícios). Follows ReasonApplied.
	ReasonRecordOnly ReasonCode = "activation_recorded"
	// ReasonGiftToAdd: the campaign applied; its gift is not in the cart
	// yet (Result.Gifts says what to add). Follows ReasonApplied.
	ReasonGiftToAdd ReasonCode = "gift_to_add"
)

// Reason is a reason code with its message in Brazilian Portuguese and in
// English, and, when the cart falls short of a minimum, what it lacks.
type Reason struct {
	Code ReasonCode `json:"code"`
	PT   string     `json:"pt"`
	EN   string     `json:"en"`
	// Missing is what the cart lacks for the promotion to apply (a minimum
	// value or quantity not reached); nil otherwise.
	Missing *Shortfall `json:"missing,omitempty"`
}

// Shortfall is what a cart lacks for a promotion to apply: an amount or a
// number of whole units more of the lines the promotion looks at.
type Shortfall struct {
	// Amount is the value missing (a minimum value not reached).
	Amount decimal.Decimal `json:"amount,omitzero"`
	// Quantity is the number of whole units missing (a minimum quantity not
	// reached).
	Quantity int64 `json:"quantity,omitempty"`
	// Like is the id of a line of the cart the missing part would be like
	// (one the promotion looks at): the kernel adds a copy of it, of the
	// missing amount or quantity, to work out what the promotion would
	// give. Empty when no line can stand for it.
	Like string `json:"like,omitempty"`
	// Unlocks is what the customer would get once the missing part is
	// added, valued as the best benefit values it (money, gifts, cashback,
	// points); zero when the kernel did not work it out or the promotion
	// would still not apply.
	Unlocks decimal.Decimal `json:"unlocks,omitzero"`
}

// TraceEntry records what happened to one promotion the evaluation looked at.
// The first reason says whether it applied (ReasonApplied) or why not; more
// reasons may follow with notes (caps reached).
type TraceEntry struct {
	Campaign string   `json:"campaign"`
	Name     string   `json:"name"`
	Phase    Phase    `json:"phase"`
	Applied  bool     `json:"applied"`
	Reasons  []Reason `json:"reasons"`
}

// Code returns the first reason's code.
func (t TraceEntry) Code() ReasonCode {
	if len(t.Reasons) == 0 {
		return ""
	}
	return t.Reasons[0].Code
}
