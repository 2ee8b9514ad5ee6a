// Package funding exports the discounts that manufacturers fund, for their
// reimbursement (Scanntech: the sales and promotion data sent upstream).
//
// The index of the package:
//
//   - [Records] reads a cart and its [promo.Result] and returns one
//     [Record] per applied promotion that someone other than the retailer
//     funds: its units, its whole discount and the exact split between
//     the funder and the retailer, taken from each adjustment's shares
//     ([promo.FundingShare]).
//   - A [Record]'s JSON shape is stable: amounts with two decimals, the
//     instant in RFC 3339 with the sale's offset.
//
// Who funds what is said by the ruleset: a family's funded_by and, for
// combos and industry promotions, funder_share (see docs/format.md).
package funding
