package benefit

import "github.com/promokit/promokit/promo"

type none struct{}

// None gives nothing: the campaign's activation is recorded and nothing
// else (não possui benefícios), for example to enrich the customer base.
func None() Benefit { return none{} }

func (none) sealed()            {}
func (none) Phase() promo.Phase { return promo.PhaseSale }

func (none) Apply(_ *promo.View, _ Scope) promo.Proposal {
	return promo.Proposal{Eligible: true, Occurrences: 1, RecordOnly: true, Reasons: []promo.Reason{{
		Code: promo.ReasonRecordOnly,
		PT:   "campanha sem desconto: a ativação é registrada",
		EN:   "campaign with no discount: the activation is recorded",
	}}}
}
