// Package report turns recorded sales into the campaign reports of a back
// office: the summary by period, campaign and category (Resumo), the
// statistics of each campaign (Estatísticas), the tickets a campaign
// activated at one store (Ativações), the frequency and incidence of
// activations by store (Frequência), the cashback credits with their
// balances (Cashback), and the discounts by Desconto Pack key (by period
// and store, or sale by sale with the authorization number) and by funder
// (sales report by discount key, industry reimbursement).
//
// # Index of the package
//
//   - What it reads: a [Record] per sale (a cart and its [promo.Result]),
//     [ReturnRecord] for a return; a [Filter] (dates, ticket, customer,
//     store, campaign, category) and a [Period] ([Day], [Week], [Month])
//     say what is added up and by what.
//   - Resumo: [Summarize] returns a [Summary] — one [SummaryRow] per
//     period, campaign and category, and the [SummaryTotals].
//   - Estatísticas: [CampaignStatistics], one [StatisticsRow] per campaign.
//   - Ativações: [StoreActivations], one [ActivationRow] per ticket.
//   - Frequência: [StoreFrequency] returns the [Frequency] of activations,
//     one [FrequencyRow] per store.
//   - Cashback: [CashbackCredits], one [CreditRow] per credit with each
//     [Redemption].
//   - Desconto Pack keys: [DiscountsByKey] and [DiscountsByKeyAndStore]
//     ([KeyRow]); [KeyedSales], sale by sale with the authorization
//     number ([KeyedSale]).
//   - Industry reimbursement: [DiscountsByFunder] ([FunderRow]).
//
// # Why it sits where it does
//
// A host that sells through promo.Evaluate already stores, for every sale,
// the cart it evaluated and the Result it got: the Result is what the POS
// printed, what the NFC-e declared and what the ledgers recorded. This
// package reads only those two values (a Record) and adds them up, so a
// report agrees to the cent with what Evaluate gave: every figure is a sum
// of amounts the Result carries, never a recomputation of a discount.
//
//   - It imports the kernel (promo, and br for its dates) and refund, for
//     a return's record, and nothing else of the module: the reports
//     depend on the kernel's Result, not on any family of promotions
//     (campaign, cashback, loyalty...), so a new family is reported
//     without a change here, and the kernel does not depend on the
//     reports. The only ruleset it looks at is the optional
//     *promo.Ruleset of CampaignStatistics, for a campaign's Info (type
//     and dates).
//   - Its functions are pure: they read an iterator of records (an
//     iter.Seq[Record], or a slice through slices.Values) and return typed
//     rows; no I/O, no clock (the instant a balance is computed at is an
//     argument), no global state. The host owns storage: it streams
//     records out of its database, in any order, and gets the same rows.
//   - Memory stays constant in the number of records: each report keeps one
//     aggregate per bounded key (period × campaign, store, key, funder) and
//     never keeps a record. StoreActivations and CashbackCredits list
//     tickets and credits, so their output (and only that) grows with what
//     matches; KeyedSales yields its rows as it reads the records.
//     Amounts are added as whole cents in int64 while they fit (falling
//     back to decimal arithmetic otherwise), so adding a record to the
//     aggregates allocates nothing (see BenchmarkSummary).
//
// Money is decimal.Decimal in every row; ratios (frequency, incidence) are
// decimals rounded once to four places with DivRound.
//
// Periods are those of the sale's own local date: the date of Cart.Time in
// its location (a time decoded from JSON keeps its offset, so its date is
// still the store's). Weeks are ISO weeks, Monday to Sunday, as the
// activation limits count them.
package report
