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
// The index of the package:
//
//   - The items: [Items] maps a [promo.Result] to one [Item] per line, in
//     the result's order (qCom, vUnCom, vProd, vDesc, vFrete); [Item.Text]
//     writes its fields as the XML does ([Text]).
//   - The totals: [Totals] returns the invoice's totals group (ICMSTot) the
//     result states, a [Total] (vProd, vDesc, vFrete).
//   - The rejections: [Check] returns each [Rejection] the invoice would
//     get, of a [RejectionCode]: [SchemaFailure] (225, a field outside the
//     schema's format), [DiscountAboveGross] (483, vDesc above vProd),
//     [TotalFreightMismatch] (535), [TotalDiscountMismatch] (537) and
//     [TotalGrossMismatch] (564), the totals against the sums of the
//     items, and [GrossNotQuantityTimesPrice] (629, vProd differs from
//     qCom × vUnCom by more than R$ 0,01).
package nfce
