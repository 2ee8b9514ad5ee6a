package promo

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// money marshals an amount with exactly two decimals ("16.00"), as an NFC-e
// writes it; decimal's own encoding would drop the trailing zeros.
type money decimal.Decimal

func (m money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + decimal.Decimal(m).StringFixed(CentPlaces) + `"`), nil
}

// MarshalJSON writes the amount with two decimals.
func (a Adjustment) MarshalJSON() ([]byte, error) {
	type plain Adjustment
	return json.Marshal(struct {
		plain
		Amount money `json:"amount"`
	}{plain(a), money(a.Amount)})
}

// price marshals a unit price with at least two decimals ("59.90"), more
// when it has them (fuel is priced to the tenth of a cent).
type price decimal.Decimal

func (p price) MarshalJSON() ([]byte, error) {
	d := decimal.Decimal(p)
	places := -d.Exponent()
	if places < CentPlaces {
		places = CentPlaces
	}
	return []byte(`"` + d.StringFixed(places) + `"`), nil
}

// MarshalJSON writes the amounts with two decimals and the unit price with
// at least two.
func (l LineResult) MarshalJSON() ([]byte, error) {
	type plain LineResult
	return json.Marshal(struct {
		plain
		UnitPrice price `json:"unit_price"`
		Gross     money `json:"gross"`
		Discount  money `json:"discount"`
		Net       money `json:"net"`
	}{plain(l), price(l.UnitPrice), money(l.Gross), money(l.Discount), money(l.Net)})
}

// MarshalJSON writes the amounts with two decimals; the freight only when
// the sale charges one.
func (t Totals) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Gross    money  `json:"gross"`
		Discount money  `json:"discount"`
		Net      money  `json:"net"`
		Exchange money  `json:"exchange"`
		Tenders  money  `json:"tenders"`
		Freight  *money `json:"freight,omitempty"`
		Payable  money  `json:"payable"`
	}{money(t.Gross), money(t.Discount), money(t.Net), money(t.Exchange), money(t.Tenders), optionalMoney(t.Freight), money(t.Payable)})
}

// optionalMoney is an amount written with two decimals, left out when zero.
func optionalMoney(d decimal.Decimal) *money {
	if d.IsZero() {
		return nil
	}
	m := money(d)
	return &m
}

// MarshalJSON writes the amounts with two decimals.
func (f FreightResult) MarshalJSON() ([]byte, error) {
	type plain FreightResult
	return json.Marshal(struct {
		plain
		Gross    money `json:"gross"`
		Discount money `json:"discount"`
		Net      money `json:"net"`
	}{plain(f), money(f.Gross), money(f.Discount), money(f.Net)})
}

// MarshalJSON writes the amount with two decimals.
func (t Tender) MarshalJSON() ([]byte, error) {
	type plain Tender
	return json.Marshal(struct {
		plain
		Amount money `json:"amount"`
	}{plain(t), money(t.Amount)})
}

// MarshalJSON writes the amounts with two decimals; the freight only when
// the promotion took something off it.
func (a Application) MarshalJSON() ([]byte, error) {
	type plain Application
	return json.Marshal(struct {
		plain
		Amount  money  `json:"amount"`
		Freight *money `json:"freight,omitempty"`
	}{plain(a), money(a.Amount), optionalMoney(a.Freight)})
}

// MarshalJSON writes the amount with two decimals, and only where the
// event's kind carries one: always on an activation (0.00 is what a
// campaign that gives no money gave), on the others when it is not zero
// (cashback earned, redeemed, restored or reversed). A code, points,
// scratch-card or tally event has no amount.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	out := struct {
		plain
		Amount  *money `json:"amount,omitempty"`
		Freight *money `json:"freight,omitempty"`
	}{plain: plain(e), Freight: optionalMoney(e.Freight)}
	if e.Kind == EventActivation || !e.Amount.IsZero() {
		m := money(e.Amount)
		out.Amount = &m
	}
	return json.Marshal(out)
}

// MarshalJSON writes the amount with two decimals.
func (o Offer) MarshalJSON() ([]byte, error) {
	type plain Offer
	return json.Marshal(struct {
		plain
		Amount money `json:"amount"`
	}{plain(o), money(o.Amount)})
}

// MarshalJSON writes the amount with two decimals.
func (f FundingShare) MarshalJSON() ([]byte, error) {
	type plain FundingShare
	return json.Marshal(struct {
		plain
		Amount money `json:"amount"`
	}{plain(f), money(f.Amount)})
}
