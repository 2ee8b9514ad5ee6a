// Package br holds the Brazilian value types a cart carries: taxpayer ids
// and civil dates. They are plain values, comparable with == and usable as
// map keys, and they read and write themselves as JSON text.
//
// The index of the package:
//
//   - Taxpayer ids: [TaxID], a CPF or a CNPJ validated by its check
//     digits (the 2026 alphanumeric CNPJ included), of a [TaxIDKind]
//     ([CPF], [CNPJ], [TaxIDNone] for the zero value); [ParseTaxID] and
//     [MustParseTaxID] read one however it is punctuated, [TaxID.Format]
//     writes it punctuated; a [*TaxIDError] says what is wrong.
//   - Civil dates: [Date], a day with no time and no zone, such as a birth
//     date; [ParseDate] and [MustParseDate] read "YYYY-MM-DD",
//     [DateOf] is the day of an instant in its own location, and
//     [Date.AgeOn] the age in whole years on a day.
package br
