// Package promo is the kernel of the promotion engine: the cart, the result,
// the Promotion interface every family implements, the phase pipeline,
// stacking and exclusivity, apportionment and rounding, and Evaluate.
//
// One pure call does the work:
//
//	result, err := promo.Evaluate(cart, ruleset)
//
// Evaluate reads no clock (the cart carries its instant), no files, no
// environment and no randomness; the same inputs give the same Result, and a
// compiled Ruleset is immutable and safe to share between goroutines.
//
// The package speaks to two audiences: hosts, which evaluate carts and
// record what comes back, and authors of families of promotions (the
// rules, benefit, cashback, loyalty and exchange packages, the campaign
// format, or a host's own promotion). What is not the engine lives
// elsewhere: returns in package refund, funding records in package
// funding, taxpayer ids and civil dates in package br, how amounts are
// written in package money.
//
// # For hosts
//
//   - The input: a [Cart] — one [Line] per item, the [Store], the
//     [Customer], each [Payment], each [ExchangeItem], each wallet
//     [Credit] (with its [CreditTerms]), the [Freight] and the [History]
//     the host keeps across sales. [DecodeCart] reads one strictly from
//     JSON and [ValidateCart] checks one built in Go; both answer with a
//     [*ValidationError], each [Problem] naming a JSON path.
//   - The ruleset: a [Ruleset], built by the campaign package or by
//     [NewRuleset] from [Settings] (time zone, [RoundingMode],
//     associations, [Limits]) and each [Promotion].
//     [Ruleset.CounterKeys] says which [History] counters a cart may read;
//     [Ruleset.Only] keeps some promotions.
//   - The evaluation: [Evaluate] returns a [Result] — a [LineResult] per
//     line with each [Adjustment] (of an [AdjustmentKind], split by
//     [FundingShare]), the [Totals], an [Application] per promotion that
//     applied (with each [Participation]), each [Gift], optional [Offer],
//     [Tender] and purchase [Block], and each [Event] the host records (of
//     an [EventKind], with its [CounterDelta] and [LineWeight] values; ids
//     from [EventID], [AuthorizationNumber] for keyed discounts).
//   - Why: every promotion looked at has a [TraceEntry], each [Reason] of a
//     stable [ReasonCode]; [Explain] tells what a cart is missing for some
//     promotions ([Explanation], [NearMiss], [Shortfall]).
//   - Associations between promotions: [Association] and its [Criterion]
//     ([ParseCriterion]).
//
// # For family authors
//
//   - What a family implements: [Promotion] — its [Info] (id, [Phase],
//     priority, funding, exclusivity), its [Keys] (the product codes, SKUs
//     or categories that index it, or cart-wide) and Apply; optionally
//     [Counted] for activation counters, [Restricting] to say it can never
//     block purchases, and [InfoRef] for an Info held once.
//   - What Apply sees: a [View] of the cart as earlier phases left it — a
//     line's value and rank, its runs of units ([UnitRun], [RunUnits]),
//     [View.Subset] and [Lift] for a promotion over some lines,
//     [View.Memo] for what a family works out once per evaluation.
//   - What Apply answers: a [Proposal] — each [Proposed] adjustment,
//     purchase block ([BlockAt]) and grouped unit ([Participant]) — or
//     [NotEligible] with its reasons.
//   - Money: [Apportion] spreads an amount over weights in exact cents by
//     largest remainder; [RoundingMode] rounds to cents.
//
// Rounding happens at these points only, always to cents with the ruleset's
// RoundingMode: the gross value of a line (quantity × unit price), each
// adjustment a promotion proposes for a line, and the total of a sale-level
// discount before Apportion spreads it in exact cents.
package promo
