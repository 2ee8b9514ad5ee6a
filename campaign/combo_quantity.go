package campaign

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// quantityCombo is the quantity bonification (quantity, bonificação por
// quantidade): from the minimum quantity on, the units up to the maximum
// bonus quantity sell at the unit value, with one of some tenders when it
// names them; an identified customer may not buy more than the block
// quantity (checked per sale day, per promotion period, or in this sale).
type quantityCombo struct {
	id          string
	minQuantity int64
	// first is the 1-based position of the first discounted unit: the
	// minimum's own, or with from_minimum false the one after it.
	first    int64
	maxBonus int64
	// units is the product at the unit value (measured against the price
	// type).
	units   comboBonus
	tenders []string
	// blockQuantity is the most an identified customer may buy (0: no
	// block), blockCheck what it counts against.
	blockQuantity int64
	blockCheck    BlockCheck
}

func newQuantityCombo(d *Combo) *quantityCombo {
	q := &quantityCombo{id: d.ID, minQuantity: d.MinQuantity, first: d.MinQuantity, maxBonus: d.MaxBonusQuantity,
		units:         comboBonus{product: d.Product, off: priceAt{price: *d.UnitValue, original: d.PriceType == PriceOriginal}},
		tenders:       d.Tenders,
		blockQuantity: d.BlockQuantity, blockCheck: d.BlockCheck}
	if !d.FromMinimum {
		q.first++
	}
	return q
}

// counted reports whether the block counts what the customer bought in
// earlier sales, in a counter (per sale day or per promotion period).
func (q *quantityCombo) counted() bool {
	return q.blockQuantity > 0 && (q.blockCheck == BlockSaleDay || q.blockCheck == BlockPromotionPeriod)
}

func (q *quantityCombo) keys() promo.Keys { return promo.Keys{ProductCodes: []string{q.units.product}} }

func (q *quantityCombo) apply(v *promo.View) promo.Proposal {
	cart := v.Cart()
	var p promo.Proposal
	allowed := q.block(v, &p)
	if len(q.tenders) > 0 && !slices.ContainsFunc(cart.Payments, func(pm promo.Payment) bool { return slices.Contains(q.tenders, pm.Tender) }) {
		p.Reasons = []promo.Reason{{Code: ReasonComboTender, PT: "finalizadora não participa: " + strings.Join(q.tenders, ", "),
			EN: "tender not in the bonification: " + strings.Join(q.tenders, ", ")}}
		return p
	}
	last := min(allowed, q.maxBonus)
	if allowed < q.minQuantity || last < q.first {
		p.Reasons = []promo.Reason{{Code: promo.ReasonMinQuantity,
			PT: fmt.Sprintf("bonificação a partir de %d unidades: há %d", q.minQuantity, allowed),
			EN: fmt.Sprintf("bonification from %d units: there are %d", q.minQuantity, allowed)}}
		return p
	}
	p.Eligible, p.Occurrences = true, 1
	discountUnits(v, &p, q.units, q.first-1, last-q.first+1, false)
	return p
}

// block applies the purchase block to an identified customer: it blocks
// the lines beyond what the customer may still buy and counts what they
// buy, and returns the units the bonification may look at.
func (q *quantityCombo) block(v *promo.View, p *promo.Proposal) (allowed int64) {
	cart := v.Cart()
	lines, n := unitsOfProduct(v, q.units.product)
	if q.blockQuantity <= 0 || cart.Customer == nil {
		return n
	}
	key, prior := q.blockKey(cart), int64(0)
	if key != "" {
		prior = cart.History.Counters[key].Floor().IntPart()
	}
	allowed = max(0, min(n, q.blockQuantity-prior))
	// The allowance goes to the lines in line-id order; every line that
	// holds more than its part is blocked at that part.
	left := allowed
	for _, i := range lines {
		have := v.Line(i).Quantity.IntPart()
		take := min(have, left)
		left -= take
		if take < have {
			p.Blocks = append(p.Blocks, promo.BlockAt{Line: i, Allowed: decimal.NewFromInt(take),
				Reason: promo.Reason{Code: ReasonPurchaseBlock,
					PT: fmt.Sprintf("cliente pode levar no máximo %d unidades de %s (já levou %d)", q.blockQuantity, q.units.product, prior),
					EN: fmt.Sprintf("the customer may buy at most %d units of %s (already bought %d)", q.blockQuantity, q.units.product, prior)}})
		}
	}
	// What is bought counts toward the block whatever the bonification
	// gives (below the minimum, another tender, a campaign that wins).
	if key != "" && allowed > 0 {
		p.Tally = []promo.CounterDelta{{Key: key, Add: decimal.NewFromInt(allowed)}}
	}
	return allowed
}

// blockKey is the counter of units an identified customer bought, per the
// block check; "" for none (this sale only).
func (q *quantityCombo) blockKey(cart *promo.Cart) string {
	base := "block/" + q.id + "/customer/" + cart.Customer.ID + "/"
	switch q.blockCheck {
	case BlockSaleDay:
		return base + br.DateOf(cart.Time).String() + "/units"
	case BlockPromotionPeriod:
		return base + "all/units"
	}
	return ""
}
