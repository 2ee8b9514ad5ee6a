// Package nfce maps a promo.Result to the item fields of the Brazilian
// electronic consumer invoice (NFC-e, modelo 65) and checks them against the
// rejections the tax authority (SEFAZ) gives when the discounts do not add
// up.
//
// Each line of the result is one NFC-e item (det/prod): its quantity is
// qCom, its unit price vUnCom, its gross value vProd and its discount vDesc.
// The schema refuses a vDesc of 0.00, so an item without discount has none.
// The freight the sale charges (Result.Freight, after its discounts) is
// apportioned over the items by vProd as their vFrete; a freight discount
// never enters vDesc (the invoice shows the lower freight). The POS still
// writes the transport group (modFrete) itself.
//
// Index of the package, one concept per file:
//
//   - item.go: Item, Items and Total — the fields, in the result's line
//     order, and the invoice's totals (ICMSTot vProd and vDesc);
//   - rejection.go: Rejection, RejectionCode and Check — the rejections
//     225 (a field outside the schema's format), 483 (vDesc above vProd),
//     535 (the total vFrete differs from the sum of the items'), 537 (the
//     total vDesc differs from the sum of the items'), 564 (the
//     total vProd differs from the sum of the items') and 629 (vProd
//     differs from qCom × vUnCom by more than R$ 0,01).
package nfce
