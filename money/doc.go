// Package money holds how the library writes amounts of money (BRL).
// Amounts themselves are [decimal.Decimal] values, rounded to cents at the
// points the promo package documents.
//
// The index of the package:
//
//   - [CentPlaces], the decimal places of the currency.
//   - [Format], an amount written the Brazilian way ("1.234,50"), as the
//     reasons and receipts show it; [AppendCents] and [AppendCentsFixed]
//     write a number of cents the same ways without a decimal.
//   - [Fixed], an amount written to JSON with exactly two decimals, as
//     results, refunds and funding records write theirs.
package money
