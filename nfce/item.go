package nfce

import (
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Item is the commercial part of one NFC-e item (grupo det/prod) for one
// line of a result. The zero value is an item of nothing.
type Item struct {
	// NItem is the item number (nItem), from 1 in the result's line order.
	NItem int
	// Line is the id of the result's line.
	Line string
	// QCom is the commercial quantity (quantidade comercial): the line's
	// quantity.
	QCom decimal.Decimal
	// VUnCom is the commercial unit price (valor unitário de
	// comercialização): the line's unit price before promotions.
	VUnCom decimal.Decimal
	// VProd is the gross value (valor total bruto): the line's gross.
	VProd decimal.Decimal
	// VDesc is the discount (valor do desconto): the line's discount, the
	// sum of its adjustments. It is not Valid when the line has no
	// discount, since the schema refuses 0.00: the invoice leaves it out.
	VDesc decimal.NullDecimal
}

// Discount returns VDesc, or zero when the item has none.
func (it Item) Discount() decimal.Decimal {
	if !it.VDesc.Valid {
		return decimal.Zero
	}
	return it.VDesc.Decimal
}

// Text is an item's fields as the invoice's XML writes them: qCom with 4
// decimal places, vUnCom with 10, vProd and vDesc with 2; VDesc is empty
// when the item has no discount (the element is left out).
type Text struct {
	QCom, VUnCom, VProd, VDesc string
}

// Text returns the item's fields formatted for the XML.
func (it Item) Text() Text {
	t := Text{QCom: it.QCom.StringFixed(4), VUnCom: it.VUnCom.StringFixed(10), VProd: it.VProd.StringFixed(2)}
	if it.VDesc.Valid {
		t.VDesc = it.VDesc.Decimal.StringFixed(2)
	}
	return t
}

// Items maps each line of res to its NFC-e item, in the result's order.
func Items(res promo.Result) []Item {
	out := make([]Item, len(res.Lines))
	for i, l := range res.Lines {
		out[i] = Item{NItem: i + 1, Line: l.ID, QCom: l.Quantity, VUnCom: l.UnitPrice, VProd: l.Gross}
		if l.Discount.Sign() != 0 {
			out[i].VDesc = decimal.NullDecimal{Decimal: l.Discount, Valid: true}
		}
	}
	return out
}

// Total is the invoice's totals group (ICMSTot) as far as the items go:
// the total gross value and the total discount.
type Total struct {
	// VProd is the total of the products (valor total dos produtos).
	VProd decimal.Decimal
	// VDesc is the total discount (valor total do desconto).
	VDesc decimal.Decimal
}

// Totals returns the invoice totals the result states (its Totals.Gross and
// Totals.Discount): what the POS writes in ICMSTot. Check compares them
// with the sums of the items.
func Totals(res promo.Result) Total {
	return Total{VProd: res.Totals.Gross, VDesc: res.Totals.Discount}
}
