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
	// VFrete is the item's share of the freight the sale charges (valor do
	// frete): Result.Freight's Net, after its discounts, apportioned over
	// the items by vProd. A freight discount is never in vDesc: the
	// invoice shows the freight charged. Not Valid when the item has none
	// (the schema refuses 0.00).
	VFrete decimal.NullDecimal
}

// Freight returns VFrete, or zero when the item has none.
func (it Item) Freight() decimal.Decimal {
	if !it.VFrete.Valid {
		return decimal.Zero
	}
	return it.VFrete.Decimal
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
	QCom, VUnCom, VProd, VDesc, VFrete string
}

// Text returns the item's fields formatted for the XML.
func (it Item) Text() Text {
	t := Text{QCom: it.QCom.StringFixed(4), VUnCom: it.VUnCom.StringFixed(10), VProd: it.VProd.StringFixed(2)}
	if it.VDesc.Valid {
		t.VDesc = it.VDesc.Decimal.StringFixed(2)
	}
	if it.VFrete.Valid {
		t.VFrete = it.VFrete.Decimal.StringFixed(2)
	}
	return t
}

// Items maps each line of res to its NFC-e item, in the result's order.
// The freight the sale charges (Result.Freight.Net) is apportioned over the
// items by vProd, in cents, largest remainder, ties to the earlier item
// (equally when every vProd is zero), as each item's vFrete.
func Items(res promo.Result) []Item {
	out := make([]Item, len(res.Lines))
	weights := make([]decimal.Decimal, len(res.Lines))
	sum := decimal.Zero
	for i, l := range res.Lines {
		out[i] = Item{NItem: i + 1, Line: l.ID, QCom: l.Quantity, VUnCom: l.UnitPrice, VProd: l.Gross}
		if l.Discount.Sign() != 0 {
			out[i].VDesc = decimal.NullDecimal{Decimal: l.Discount, Valid: true}
		}
		weights[i], sum = l.Gross, sum.Add(l.Gross)
	}
	if f := res.Freight; f != nil && f.Net.Sign() > 0 && len(out) > 0 {
		if sum.Sign() <= 0 {
			for i := range weights {
				weights[i] = decimal.NewFromInt(1)
			}
		}
		for i, sh := range promo.Apportion(f.Net, weights) {
			if sh.Sign() > 0 {
				out[i].VFrete = decimal.NullDecimal{Decimal: sh, Valid: true}
			}
		}
	}
	return out
}

// Total is the invoice's totals group (ICMSTot) as far as the items go:
// the total gross value, the total discount and the total freight.
type Total struct {
	// VProd is the total of the products (valor total dos produtos).
	VProd decimal.Decimal
	// VDesc is the total discount (valor total do desconto).
	VDesc decimal.Decimal
	// VFrete is the total freight (valor total do frete): the freight the
	// sale charges, after its discounts.
	VFrete decimal.Decimal
}

// Totals returns the invoice totals the result states (its Totals.Gross,
// Totals.Discount and Totals.Freight): what the POS writes in ICMSTot.
// Check compares them with the sums of the items.
func Totals(res promo.Result) Total {
	return Total{VProd: res.Totals.Gross, VDesc: res.Totals.Discount, VFrete: res.Totals.Freight}
}
