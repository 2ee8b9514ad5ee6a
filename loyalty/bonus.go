package loyalty

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Bonus is the earning-phase promotion of the points a campaign grants
// (benefício fidelidade): a fixed amount per occurrence, or a multiplier of
// the program's base points ("o dobro de pontos" is 2: the bonus is the
// base once more, base × (multiplier − 1)). Without a points program in
// the ruleset, a multiplier bonus is reported with its multiplier only, for
// the host's own program to compute.
type Bonus struct {
	info       promo.Info
	keys       promo.Keys
	campaign   string
	fixed      decimal.Decimal
	multiplier decimal.Decimal
	program    *Program // may be nil
}

// NewBonus returns the bonus of a campaign (id "<campaign>/points"). Exactly
// one of fixed and multiplier is non-zero; program may be nil.
func NewBonus(campaign promo.Info, keys promo.Keys, fixed, multiplier decimal.Decimal, program *Program) *Bonus {
	return &Bonus{
		info: promo.Info{ID: campaign.ID + "/points", Name: campaign.Name + " (pontos)", Category: campaign.Category, Type: "points",
			Phase: promo.PhaseEarning, Priority: campaign.Priority, Start: campaign.Start, End: campaign.End, Program: true, PartOf: campaign.ID},
		keys: keys, campaign: campaign.ID, fixed: fixed, multiplier: multiplier, program: program,
	}
}

// Info describes the bonus.
func (b *Bonus) Info() promo.Info { return b.info }

// Keys are the campaign's keys.
func (b *Bonus) Keys() promo.Keys { return b.keys }

// ReasonPointsBonus notes the bonus points a campaign granted.
const ReasonPointsBonus promo.ReasonCode = "points_bonus"

// ReasonCampaignNotApplied means a campaign's bonus points are granted only when
// the campaign applied.
const ReasonCampaignNotApplied promo.ReasonCode = "campaign_not_applied"

// Apply grants the bonus when the campaign applied.
func (b *Bonus) Apply(v *promo.View) promo.Proposal {
	app, ok := v.Applied(b.campaign)
	if !ok {
		return promo.NotEligible(promo.Reason{Code: ReasonCampaignNotApplied,
			PT: "a campanha " + b.campaign + " não foi aplicada", EN: "campaign " + b.campaign + " did not apply"})
	}
	e := promo.Event{Kind: promo.EventPoints, Campaign: b.campaign}
	if !b.fixed.IsZero() {
		e.Points = b.fixed.Mul(decimal.NewFromInt(int64(max(app.Occurrences, 1))))
	} else {
		e.Multiplier = b.multiplier
		if b.program != nil && !v.Cart().Professional.IsZero() {
			if base, weights, ok := b.program.basePoints(v); ok {
				e.Program, e.Professional, e.Weights = JuntosSomosMais, v.Cart().Professional, weights
				e.Points = base.Mul(b.multiplier.Sub(decimal.NewFromInt(1))).Floor()
			}
		}
	}
	return promo.Proposal{Eligible: true, Occurrences: 1, RecordOnly: true, Events: []promo.Event{e},
		Reasons: []promo.Reason{{Code: ReasonPointsBonus,
			PT: fmt.Sprintf("bônus de pontos da campanha %s", b.campaign),
			EN: fmt.Sprintf("bonus points of campaign %s", b.campaign)}}}
}
