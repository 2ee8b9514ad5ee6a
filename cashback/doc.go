// Package cashback earns and redeems cashback (the Reshop manual,
// "Benefícios e Cashback" and the "Cashback" report) against a wallet the
// host keeps and passes in the cart. The library never changes the wallet:
// it returns events (cashback_earned, cashback_redeemed, cashback_reversed)
// that the host applies, keyed by their deterministic ids.
//
// The index of the package:
//
//   - Earning: [Earner] ([NewEarner]), the earning-phase promotion of a
//     campaign's cashback, from its [Settings]: a [Kind] ([Fixed] or
//     [Percent]) and the terms its credits carry.
//   - Redeeming: [Redeemer] ([NewRedeemer], [RedeemerID]), the
//     redemption-phase promotion of the customer's wallet, as a discount or
//     a tender ([Mode]: [AsDiscount], [AsTender]; [ParseMode]).
//   - The wallet: [Wallet], a simple model of what the host does with the
//     events (used by tests and by hosts that keep the wallet in memory).
//   - Why: [ReasonCashbackEarned], [ReasonCashbackCapped],
//     [ReasonCashbackOver], [ReasonCampaignNotApplied],
//     [ReasonCashbackRedeemed], [ReasonNothingToRedeem],
//     [ReasonCashbackKept].
//
// A credit carries its own redemption terms (minimum purchase, cap as a
// percent of the sale, review required, average price), copied from the
// campaign that earned it, so it stays redeemable under the same terms
// even when that campaign is gone from the ruleset. Returns take back what
// a sale earned and give back what it redeemed (package refund).
package cashback
