package promo

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

// MarshalJSON writes the amount with two decimals.
func (a Adjustment) MarshalJSON() ([]byte, error) {
	type plain Adjustment
	return json.Marshal(struct {
		plain
		Amount money.Fixed `json:"amount"`
	}{plain(a), money.Fixed(a.Amount)})
}

// price marshals a unit price with at least two decimals ("59.90"), more
// when it has them (fuel is priced to the tenth of a cent).
type price decimal.Decimal

func (p price) MarshalJSON() ([]byte, error) {
	d := decimal.Decimal(p)
	places := max(-d.Exponent(), money.CentPlaces)
	return []byte(`"` + d.StringFixed(places) + `"`), nil
}

// MarshalJSON writes the amounts with two decimals and the unit price with
// at least two.
func (l LineResult) MarshalJSON() ([]byte, error) {
	type plain LineResult
	return json.Marshal(struct {
		plain
		UnitPrice price       `json:"unit_price"`
		Gross     money.Fixed `json:"gross"`
		Discount  money.Fixed `json:"discount"`
		Net       money.Fixed `json:"net"`
	}{plain(l), price(l.UnitPrice), money.Fixed(l.Gross), money.Fixed(l.Discount), money.Fixed(l.Net)})
}

// MarshalJSON writes the amounts with two decimals; the freight only when
// the sale charges one.
func (t Totals) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Gross    money.Fixed  `json:"gross"`
		Discount money.Fixed  `json:"discount"`
		Net      money.Fixed  `json:"net"`
		Exchange money.Fixed  `json:"exchange"`
		Tenders  money.Fixed  `json:"tenders"`
		Freight  *money.Fixed `json:"freight,omitempty"`
		Payable  money.Fixed  `json:"payable"`
	}{money.Fixed(t.Gross), money.Fixed(t.Discount), money.Fixed(t.Net), money.Fixed(t.Exchange), money.Fixed(t.Tenders), optionalMoney(t.Freight), money.Fixed(t.Payable)})
}

// optionalMoney is an amount written with two decimals, left out when zero.
func optionalMoney(d decimal.Decimal) *money.Fixed {
	if d.IsZero() {
		return nil
	}
	m := money.Fixed(d)
	return &m
}

// MarshalJSON writes the amounts with two decimals.
func (f FreightResult) MarshalJSON() ([]byte, error) {
	type plain FreightResult
	return json.Marshal(struct {
		plain
		Gross    money.Fixed `json:"gross"`
		Discount money.Fixed `json:"discount"`
		Net      money.Fixed `json:"net"`
	}{plain(f), money.Fixed(f.Gross), money.Fixed(f.Discount), money.Fixed(f.Net)})
}

// MarshalJSON writes the amount with two decimals.
func (t Tender) MarshalJSON() ([]byte, error) {
	type plain Tender
	return json.Marshal(struct {
		plain
		Amount money.Fixed `json:"amount"`
	}{plain(t), money.Fixed(t.Amount)})
}

// MarshalJSON writes the amounts with two decimals; the freight only when
// the promotion took something off it.
func (a Application) MarshalJSON() ([]byte, error) {
	type plain Application
	return json.Marshal(struct {
		plain
		Amount  money.Fixed  `json:"amount"`
		Freight *money.Fixed `json:"freight,omitempty"`
	}{plain(a), money.Fixed(a.Amount), optionalMoney(a.Freight)})
}

// MarshalJSON writes the amount with two decimals, and only where the
// event's kind carries one: always on an activation (0.00 is what a
// campaign that gives no money.Fixed gave), on the others when it is not zero
// (cashback earned, redeemed, restored or reversed). A code, points,
// scratch-card or tally event has no amount.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	out := struct {
		plain
		Amount  *money.Fixed `json:"amount,omitempty"`
		Freight *money.Fixed `json:"freight,omitempty"`
	}{plain: plain(e), Freight: optionalMoney(e.Freight)}
	if e.Kind == EventActivation || !e.Amount.IsZero() {
		m := money.Fixed(e.Amount)
		out.Amount = &m
	}
	return json.Marshal(out)
}

// MarshalJSON writes the amount with two decimals.
func (o Offer) MarshalJSON() ([]byte, error) {
	type plain Offer
	return json.Marshal(struct {
		plain
		Amount money.Fixed `json:"amount"`
	}{plain(o), money.Fixed(o.Amount)})
}

// MarshalJSON writes the amount with two decimals.
func (f FundingShare) MarshalJSON() ([]byte, error) {
	type plain FundingShare
	return json.Marshal(struct {
		plain
		Amount money.Fixed `json:"amount"`
	}{plain(f), money.Fixed(f.Amount)})
}
