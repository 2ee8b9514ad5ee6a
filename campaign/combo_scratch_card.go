package campaign

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// scratchCardCombo hands out scratch cards (scratch_card, rasgadinha): one
// for each every reais of the sale, from min_value on, at most max_cards.
// It discounts nothing: an event tells the POS how many to hand out.
type scratchCardCombo struct {
	minValue *decimal.Decimal // nil: no minimum
	every    decimal.Decimal
	maxCards int64 // 0: no maximum
}

func (*scratchCardCombo) keys() promo.Keys { return promo.Keys{CartWide: true} }

func (s *scratchCardCombo) apply(v *promo.View) promo.Proposal {
	all := make([]int, v.Len())
	for i := range all {
		all[i] = i
	}
	total := v.Total(all)
	if s.minValue != nil && total.LessThan(*s.minValue) {
		miss := s.minValue.Sub(total)
		return short(notEligible(promo.ReasonMinValue, "valor mínimo para rasgadinha não atingido: faltam R$ "+money.Format(miss),
			"minimum value for scratch cards not reached: R$ "+miss.StringFixed(2)+" missing"), v.Shortfall(all, miss, 0))
	}
	q, _ := total.QuoRem(s.every, 0)
	cards := q.IntPart()
	if s.maxCards > 0 {
		cards = min(cards, s.maxCards)
	}
	if cards <= 0 {
		return notEligible(promo.ReasonMinValue, "valor insuficiente para uma rasgadinha", "not enough for a scratch card")
	}
	return promo.Proposal{Eligible: true, Occurrences: 1, RecordOnly: true,
		Reasons: []promo.Reason{{Code: ReasonScratchCards, PT: fmt.Sprintf("%d rasgadinha(s) a entregar", cards), EN: fmt.Sprintf("%d scratch card(s) to hand out", cards)}},
		Events:  []promo.Event{{Kind: promo.EventScratchCards, Quantity: decimal.NewFromInt(cards)}}}
}
