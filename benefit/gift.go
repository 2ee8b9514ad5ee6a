package benefit

import (
	"fmt"
	"slices"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

type gift struct {
	quantity int64
	options  []string
}

// GiftProducts grants quantity units of a gift (brinde) per occurrence, one
// of the product codes in options, chosen by the operator. Occurrences are
// formed like other item benefits: groups of the campaign's minimum
// quantity (capped by its repetitions), or one when it has none. Gift units
// already in the cart are zeroed, lines taken in line-id order; the rest
// come back in Result.Gifts as units to add.
func GiftProducts(quantity int64, options ...string) Benefit {
	return gift{quantity: quantity, options: slices.Clone(options)}
}

func (gift) sealed()            {}
func (gift) Phase() promo.Phase { return promo.PhaseItem }

// IsGiftLine reports whether line l is one of benefit b's gift options: such
// lines are the gift itself and do not count toward the campaign's rules.
func IsGiftLine(b Benefit, l *promo.Line) bool {
	g, ok := b.(gift)
	return ok && l.ProductCode != "" && slices.Contains(g.options, l.ProductCode)
}

func (b gift) Apply(v *promo.View, s Scope) promo.Proposal {
	occ := int64(1)
	if s.GroupSize > 0 {
		var units int64
		for _, i := range s.Lines {
			if l := v.Line(i); l.Countable() && !IsGiftLine(b, l) {
				units += l.Quantity.IntPart()
			}
		}
		occ = units / s.GroupSize
		if occ == 0 {
			return promo.NotEligible(promo.Reason{Code: promo.ReasonMinQuantity,
				PT: "quantidade mínima não atingida para o brinde", EN: "minimum quantity for the gift not reached"})
		}
	}
	p := promo.Proposal{Eligible: true}
	if s.MaxRepetitions > 0 && occ > int64(s.MaxRepetitions) {
		occ = int64(s.MaxRepetitions)
		p.Reasons = append(p.Reasons, capReason(s.MaxRepetitions))
	}
	need := occ * b.quantity
	if s.MaxUnits > 0 && need > s.MaxUnits {
		need = s.MaxUnits
	}
	p.Occurrences, p.Units = int(occ), need

	// Gift lines in the cart, in line-id order.
	var giftLines []int
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); IsGiftLine(b, l) && l.Countable() && v.Value(i).Sign() > 0 {
			giftLines = append(giftLines, i)
		}
	}
	sort.Slice(giftLines, func(a, c int) bool { return v.Rank(giftLines[a]) < v.Rank(giftLines[c]) })
	g := promo.Gift{Options: slices.Clone(b.options), Quantity: need}
	left := need
	for _, i := range giftLines {
		if left == 0 {
			break
		}
		k := min(left, v.Line(i).Quantity.IntPart())
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: promo.GiftUnits,
			Amount: v.ValueOf(i, decimal.NewFromInt(k))})
		g.InCart = append(g.InCart, v.Line(i).ID)
		left -= k
	}
	g.ToAdd = left
	if left > 0 {
		p.Reasons = append(p.Reasons, promo.Reason{Code: promo.ReasonGiftToAdd,
			PT: fmt.Sprintf("brinde a incluir na venda: %d %s", left, plural(int(left), "unidade", "unidades")),
			EN: fmt.Sprintf("gift to add to the sale: %d %s", left, plural(int(left), "unit", "units"))})
	}
	p.Gifts = []promo.Gift{g}
	return p
}
