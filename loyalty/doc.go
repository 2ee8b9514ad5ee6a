// Package loyalty computes loyalty points: the Juntos Somos Mais program,
// where each store has its own points table, only participating brands
// score, and the points go to the CPF of the professional given at the
// sale (not necessarily the buyer); and the points a campaign grants (the
// Reshop manual, "Fidelidade": a fixed amount or a multiplier of the base
// points).
//
// The index of the package:
//
//   - The program: [Program] ([NewProgram], [ProgramID], named
//     [JuntosSomosMais] in events), the earning-phase promotion of the
//     points program, with one [Table] per store that scores by [Scoring]
//     ([PerReal] or [PerUnit]).
//   - A campaign's points: [Bonus] ([NewBonus]).
//   - After the sale: [Reassign] moves a past sale's points to another
//     CPF; [AddProfessional] scores a past sale that named no
//     professional.
//   - The ledger: [Ledger], a simple model of the host's points ledger,
//     following points by origin.
//   - Why: [ReasonPointsEarned], [ReasonNoProfessional], [ReasonNoTable],
//     [ReasonNoPoints], [ReasonPointsBonus], [ReasonCampaignNotApplied].
//
// Points are whole: a sale's points are rounded down once, over the sale.
// Only the program's own events carry the professional's CPF.
package loyalty
