// Package loyalty computes loyalty points: the Juntos Somos Mais program
// (Juntos Somos Mais), where each store has its own points table, only
// participating brands score, and the points go to the CPF of the
// professional given at the sale (not necessarily the buyer); and the
// points a campaign grants (the Reshop manual, "Fidelidade": a fixed amount or a
// multiplier of the base points).
//
//   - program.go: Program, the earning-phase promotion of the points
//     program, and BasePoints;
//   - bonus.go: Bonus, the points a campaign grants;
//   - reassign.go: Reassign, moving a past sale's points to another CPF;
//   - ledger.go: Ledger, a simple model of the host's points ledger.
//
// Points are whole: a sale's points are rounded down once, over the sale.
// Only the program's own events carry the professional's CPF.
package loyalty
