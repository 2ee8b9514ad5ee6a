package cashback

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Kind is how a cashback is valued: a fixed amount or a percent of the
// purchase (tipo do cashback).
type Kind uint8

const (
	// Fixed is an amount in reais.
	Fixed Kind = iota
	// Percent is a percent of the purchase.
	Percent
)

// String returns "fixed" or "percent".
func (k Kind) String() string {
	if k == Percent {
		return "percent"
	}
	return "fixed"
}

// Settings are a campaign's cashback settings, compiled.
type Settings struct {
	Kind  Kind
	Value decimal.Decimal
	// MaxAmount caps what one sale earns (valor máximo a ser acumulado);
	// zero means no cap.
	MaxAmount decimal.Decimal
	// OnItems computes a percent on the campaign's eligible lines instead of
	// the whole sale (aplicar benefício cashback em: item / venda).
	OnItems bool
	// Accumulate earns once per occurrence of the campaign (acumular a cada
	// atingimento das regras); otherwise once per sale.
	Accumulate bool
	// DaysToStart delays redemption by whole days after the sale (dias para
	// iniciar o resgate); 0 makes the credit available at once.
	DaysToStart int
	// UsageLimitDays is how many days after the sale the credit can still be
	// redeemed (limite de uso); 0 means no limit.
	UsageLimitDays int
	// Start and End bound redemption (data inicial, data final); zero means
	// unbounded.
	Start, End time.Time
	// Terms are copied to every credit earned.
	Terms promo.CreditTerms
	// Basis, when set, returns the view whose values the credit is
	// computed on (for example net of the exchange credit); nil means the
	// lines' values.
	Basis func(v *promo.View) *promo.View
	// SaleLines, when set, returns the lines a cashback on the sale is
	// computed on (every line but the campaign's exceptions); nil means
	// every line.
	SaleLines func(v *promo.View) []int
}

// ReasonCashbackOver means the sale is after the cashback's redemption period:
// a credit would never be usable, so none is earned.
const ReasonCashbackOver promo.ReasonCode = "cashback_period_over"

// ReasonCampaignNotApplied means a campaign's cashback is earned only when the
// campaign applied.
const ReasonCampaignNotApplied promo.ReasonCode = "campaign_not_applied"

// ReasonCashbackEarned notes the credit earned.
const ReasonCashbackEarned promo.ReasonCode = "cashback_earned"

// ReasonCashbackCapped notes that the credit earned was cut to the
// campaign's maximum per sale (valor máximo a ser acumulado).
const ReasonCashbackCapped promo.ReasonCode = "cashback_capped"

// Earner is the earning-phase promotion of a campaign's cashback: when the
// campaign applied, it earns a credit on what the customer pays.
type Earner struct {
	info     promo.Info
	keys     promo.Keys
	campaign string
	settings Settings
	lines    func(v *promo.View) []int
}

// NewEarner returns the earner of campaign (its id and keys), with id
// "<campaign>/cashback". lines returns the campaign's eligible lines, for
// OnItems. Settings.Basis, when set, gives the values the credit is
// computed on (the campaign's exchange mode: net of the exchange credit).
func NewEarner(campaign promo.Info, keys promo.Keys, s Settings, lines func(v *promo.View) []int) *Earner {
	return &Earner{
		info: promo.Info{ID: campaign.ID + "/cashback", Name: campaign.Name + " (cashback)", Category: campaign.Category, Type: "cashback",
			Phase: promo.PhaseEarning, Priority: campaign.Priority, Start: campaign.Start, End: campaign.End, Program: true, PartOf: campaign.ID},
		keys: keys, campaign: campaign.ID, settings: s, lines: lines,
	}
}

// Info describes the earner.
func (e *Earner) Info() promo.Info { return e.info }

// Keys are the campaign's keys.
func (e *Earner) Keys() promo.Keys { return e.keys }

// Apply earns the credit. Its base is what the lines cost at the earning
// phase: after every discount, and after cashback redeemed as a discount.
func (e *Earner) Apply(v *promo.View) promo.Proposal {
	app, ok := v.Applied(e.campaign)
	if !ok {
		return promo.NotEligible(promo.Reason{Code: ReasonCampaignNotApplied,
			PT: "a campanha " + e.campaign + " não foi aplicada", EN: "campaign " + e.campaign + " did not apply"})
	}
	s := e.settings
	if s.Basis != nil {
		if b := s.Basis(v); b != nil {
			v = b
		}
	}
	from, until := s.window(v.Time())
	if !until.IsZero() && until.Before(from) {
		return promo.NotEligible(promo.Reason{Code: ReasonCashbackOver,
			PT: "o período de resgate do cashback já terminou: nenhum crédito", EN: "the cashback's redemption period is over: no credit"})
	}
	times := decimal.NewFromInt(1)
	if s.Accumulate {
		times = decimal.NewFromInt(int64(max(app.Occurrences, 1)))
	}
	var lines []int
	switch {
	case s.OnItems:
		lines = e.lines(v)
	case s.SaleLines != nil:
		lines = s.SaleLines(v)
	default:
		lines = make([]int, v.Len())
		for i := range lines {
			lines[i] = i
		}
	}
	var amount decimal.Decimal
	if s.Kind == Fixed {
		amount = s.Value.Mul(times)
	} else {
		amount = v.Round(v.Total(lines).Mul(s.Value).DivRound(decimal.NewFromInt(100), 12))
	}
	// A return takes the credit back in proportion to these lines (in
	// line-id order, so that the cart's order does not matter).
	var weights []promo.LineWeight
	lines = slices.Clone(lines)
	slices.SortFunc(lines, func(a, b int) int { return cmp.Compare(v.Rank(a), v.Rank(b)) })
	for _, i := range lines {
		if v.Value(i).Sign() > 0 {
			weights = append(weights, promo.LineWeight{Line: v.Line(i).ID, Weight: v.Value(i)})
		}
	}
	if amount.Sign() <= 0 {
		return promo.NotEligible(promo.Reason{Code: promo.ReasonNothingToDiscount,
			PT: "cashback de R$ 0,00: nada a creditar", EN: "cashback of R$ 0.00: nothing to credit"})
	}
	reasons := []promo.Reason{{Code: ReasonCashbackEarned,
		PT: fmt.Sprintf("cashback de R$ %s a partir de %s", money.Format(amount), from.Format("02/01/2006")),
		EN: fmt.Sprintf("cashback of R$ %s from %s", amount.StringFixed(2), from.Format("2006-01-02"))}}
	if s.MaxAmount.Sign() > 0 && amount.GreaterThan(s.MaxAmount) {
		reasons[0].PT = fmt.Sprintf("cashback de R$ %s a partir de %s", money.Format(s.MaxAmount), from.Format("02/01/2006"))
		reasons[0].EN = fmt.Sprintf("cashback of R$ %s from %s", s.MaxAmount.StringFixed(2), from.Format("2006-01-02"))
		reasons = append(reasons, promo.Reason{Code: ReasonCashbackCapped,
			PT: fmt.Sprintf("R$ %s limitado ao máximo de R$ %s por venda", money.Format(amount), money.Format(s.MaxAmount)),
			EN: fmt.Sprintf("R$ %s capped at the maximum of R$ %s per sale", amount.StringFixed(2), s.MaxAmount.StringFixed(2))})
		amount = s.MaxAmount
	}
	terms := s.Terms
	return promo.Proposal{Eligible: true, Occurrences: 1, RecordOnly: true,
		Reasons: reasons,
		Events: []promo.Event{{Kind: promo.EventCashbackEarned, Campaign: e.campaign, Amount: amount, ValidFrom: from, ValidUntil: until,
			Terms: &terms, Store: v.Cart().Store.ID, Weights: weights}},
	}
}

// window returns when a credit earned at t can be redeemed: from the start
// of the day DaysToStart days later (or t itself when 0), not before Start;
// until the end of the day UsageLimitDays later, not after End. The days
// are those of t's location.
func (s Settings) window(t time.Time) (from, until time.Time) {
	from = t
	if s.DaysToStart > 0 {
		y, m, d := t.Date()
		from = time.Date(y, m, d+s.DaysToStart, 0, 0, 0, 0, t.Location())
	}
	if !s.Start.IsZero() && from.Before(s.Start) {
		from = s.Start
	}
	if s.UsageLimitDays > 0 {
		y, m, d := t.Date()
		until = time.Date(y, m, d+s.UsageLimitDays, 23, 59, 59, 0, t.Location())
	}
	if !s.End.IsZero() && (until.IsZero() || s.End.Before(until)) {
		until = s.End
	}
	return from, until
}
