// Package cashback earns and redeems cashback (the Reshop manual, "Benefícios e
// Cashback" and the "Cashback" report) against a wallet the host keeps and
// passes in the cart. The library never changes the wallet: it returns
// events (cashback_earned, cashback_redeemed, cashback_reversed) that the
// host applies, keyed by their deterministic ids.
//
//   - earn.go: Earner, the earning-phase promotion of a campaign's cashback;
//   - redeem.go: Redeemer, the redemption-phase promotion of the wallet;
//   - wallet.go: Wallet, a simple model of what the host does with the
//     events (used by tests and by hosts that keep the wallet in memory).
//
// A credit carries its own redemption terms (minimum purchase, cap as a
// percent of the sale, review required, average price), copied from the
// campaign that earned it, so it stays redeemable under the same terms
// even when that campaign is gone from the ruleset.
package cashback
