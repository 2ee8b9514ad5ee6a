package promo

import (
	"fmt"

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
	// CashbackRedemption is the line's share of cashback redeemed as a
	// discount (when the ruleset redeems cashback as a discount).
	CashbackRedemption
	// FreightDiscount is a discount on the sale's freight (frete): it is
	// in Result.Freight, never on a line.
	FreightDiscount
)

// String returns "item_discount", "free_units", "sale_discount", "markdown",
// "gift", "cashback_redemption" or "freight_discount".
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
	case CashbackRedemption:
		return "cashback_redemption"
	case FreightDiscount:
		return "freight_discount"
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
	// Shares split the amount between the funder and the retailer when
	// the funder pays only part of it; they add up exactly to Amount.
	Shares []FundingShare `json:"shares,omitempty"`
	// Key is the campaign's identification key, for reports (Desconto Pack:
	// chave identificadora do desconto).
	Key string `json:"key,omitempty"`
	// Authorization is the authorization number of the keyed discount in
	// this sale (NrAutDescVenda): set with Key, the same on every
	// adjustment of the promotion in the sale (AuthorizationNumber).
	Authorization string `json:"authorization,omitempty"`
}

// FundingShare is what one party pays of an adjustment.
type FundingShare struct {
	Funder string          `json:"funder"`
	Amount decimal.Decimal `json:"amount"`
}

// Block tells the POS to stop the sale of a line beyond a quantity (a
// purchase block for an identified customer). Evaluate never fails
// because of it: the POS decides.
type Block struct {
	Campaign string `json:"campaign"`
	Line     string `json:"line"`
	// Allowed is the quantity the customer may still buy in this sale.
	Allowed decimal.Decimal `json:"allowed"`
	Reason  Reason          `json:"reason"`
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
	// Weighed marks a line sold by weight (or with a fractional quantity):
	// returns may take any part of it.
	Weighed bool `json:"weighed,omitempty"`
	// ExchangeShare is the line's share of the exchange credit (troca),
	// apportioned by gross value; it is a credit, not a discount.
	ExchangeShare decimal.Decimal `json:"exchange_share,omitzero"`
}

// Totals sums the lines.
type Totals struct {
	Gross    decimal.Decimal `json:"gross"`
	Discount decimal.Decimal `json:"discount"`
	Net      decimal.Decimal `json:"net"`
	// Exchange is the value of the exchange items credited (troca).
	Exchange decimal.Decimal `json:"exchange"`
	// Tenders is the sum of the tenders the result adds (cashback redeemed
	// as a payment).
	Tenders decimal.Decimal `json:"tenders"`
	// Freight is the freight the sale charges after its discounts
	// (Result.Freight's Net): zero without freight.
	Freight decimal.Decimal `json:"freight,omitzero"`
	// Payable is Net plus Freight minus Exchange minus Tenders: what the
	// customer still pays. Negative when the exchange credit exceeds the
	// sale (the store owes the difference, as a vale-troca).
	Payable decimal.Decimal `json:"payable"`
}

// FreightResult is the sale's freight (frete) after promotions: what it
// cost, its discounts and what it costs now. Freight discounts are
// reported here, apart from the lines': they are never in a line's
// discount (NFC-e vDesc).
type FreightResult struct {
	// Method is the cart's delivery method.
	Method string `json:"method,omitempty"`
	// Gross is the cart's freight amount.
	Gross decimal.Decimal `json:"gross"`
	// Adjustments are the freight discounts, in the order they were
	// applied (kind freight_discount).
	Adjustments []Adjustment `json:"adjustments,omitempty"`
	// Discount is the sum of the adjustments; Net is Gross minus Discount,
	// never below zero: the freight charged (NFC-e vFrete).
	Discount decimal.Decimal `json:"discount"`
	Net      decimal.Decimal `json:"net"`
}

// Tender is a payment the result itself brings: cashback redeemed as a
// tender, NFC-e payment code 19 (programa de fidelidade, cashback).
type Tender struct {
	// Kind is "cashback".
	Kind string `json:"kind"`
	// NFCeCode is the NFC-e tPag code: "19".
	NFCeCode string          `json:"nfce_code"`
	Amount   decimal.Decimal `json:"amount"`
}

// Application is one promotion that applied and what it gave.
type Application struct {
	Campaign string `json:"campaign"`
	Name     string `json:"name"`
	// Category and Type are the promotion's, for reports.
	Category string          `json:"category,omitempty"`
	Type     string          `json:"type,omitempty"`
	Phase    Phase           `json:"phase"`
	Amount   decimal.Decimal `json:"amount"`
	// Occurrences is how many times it applied in the sale (groups of
	// "leve 3 pague 2", repetitions); at least 1.
	Occurrences int `json:"occurrences"`
	// Participants are the units that took part in its occurrences, when it
	// forms groups of units: the discount belongs to all of them, which is
	// how a return shares it (Refund).
	Participants []Participation `json:"participants,omitempty"`
	// Units is how many whole units got the benefit (a weighed line
	// counts as one).
	Units int64 `json:"units,omitempty"`
	// Freight is what it took off the sale's freight (frete), apart from
	// Amount, which is what it took off the lines.
	Freight decimal.Decimal `json:"freight,omitzero"`
}

// Participation is how many units of a line took part in an application.
type Participation struct {
	Line  string          `json:"line"`
	Units decimal.Decimal `json:"units"`
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
	// UnitPrice is what each unit costs the customer: zero for a gift
	// (brinde), the bonus value for an item sold with a bonification.
	UnitPrice decimal.Decimal `json:"unit_price,omitzero"`
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
	// Freight is the sale's freight and its discounts; nil when the cart
	// has no freight.
	Freight *FreightResult `json:"freight,omitempty"`
	// Applied lists the campaigns that applied, in the order they ran.
	// Programs (the cashback wallet, points programs, a campaign's earning
	// of cashback or points) are not listed; their events and trace are.
	Applied []Application `json:"applied,omitempty"`
	// Offers lists the optional campaigns the operator may accept.
	Offers []Offer `json:"offers,omitempty"`
	// NearMisses lists the campaigns that did not apply but would with a
	// little more value or a few more units (within the ruleset's near
	// miss thresholds), ranked by what the customer would gain; none when
	// the ruleset sets no threshold.
	NearMisses []NearMiss `json:"near_misses,omitempty"`
	// Gifts lists the gifts granted, in the order their campaigns ran.
	Gifts []Gift `json:"gifts,omitempty"`
	// Tenders are payments the result brings (cashback as a tender).
	Tenders []Tender `json:"tenders,omitempty"`
	// Blocks are purchase blocks the POS must enforce.
	Blocks []Block `json:"blocks,omitempty"`
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
	for c := ItemDiscount; c <= FreightDiscount; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("unknown adjustment kind %q", b)
}
