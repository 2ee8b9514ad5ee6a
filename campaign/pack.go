package campaign

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// Desconto Pack reason codes.
const (
	ReasonPackStatus      promo.ReasonCode = "pack_status_not_current"
	ReasonPackStore       promo.ReasonCode = "store_not_included"
	ReasonPackCoupon      promo.ReasonCode = "coupon_not_presented"
	ReasonPackFranchisor  promo.ReasonCode = "coupon_taken_by_franchisor"
	ReasonPackCustomer    promo.ReasonCode = "customer_required"
	ReasonPackPrecedence  promo.ReasonCode = "items_taken_by_precedence"
	ReasonPackRequirement promo.ReasonCode = "requirement_not_met"
)

// attrOf returns a line's value of a Desconto Pack attribute.
func attrOf(l *promo.Line, attr PackAttribute) string {
	switch attr {
	case AttributeLine:
		return l.ProductLine
	case AttributeManufacturer:
		return l.Manufacturer
	case AttributeFamily:
		return l.Family
	case AttributeRole:
		return l.Role
	}
	return l.ProductCode
}

// matchMask reports whether a barcode matches a near-expiry mask.
func matchMask(mask, ean string) bool {
	if mask == "" || ean == "" {
		return false
	}
	for i := 0; i < len(mask); i++ {
		if mask[i] == '*' && i == len(mask)-1 {
			return true
		}
		if i >= len(ean) {
			return false
		}
		if mask[i] != 'X' && mask[i] != '?' && mask[i] != ean[i] {
			return false
		}
	}
	return len(ean) == len(mask)
}

// packSet is what every compiled pack of a ruleset shares: the others, for
// the franchisor's precedence and the attribute precedence, and their
// indexes (index).
type packSet struct {
	packs   []*pack // in id order
	company Company
	// order is the prize attributes from the highest precedence down.
	order []PackAttribute
	// franchisors are the franchisors' tables by coupon, covering the
	// items prizes by the codes they cover: indexes into packs.
	franchisors map[string][]int
	covering    map[packKey][]int
}

// rank orders prize attributes: a prize on an attribute of lower rank
// takes a line before one of higher rank.
func (s *packSet) rank(attr PackAttribute) int {
	return slices.Index(s.order, attr)
}

// pack is a compiled Desconto Pack table.
type pack struct {
	def    *DiscountPack
	info   promo.Info
	set    *packSet
	coupon string
	limits []limit
	// requirements are the sale's minimum value, then the requirements
	// per attribute, in the definition's order.
	requirements []packRequirement
	prize        packPrize
	exc          *exclusion // nil: no exceptions
}

// packPrize is one prize kind compiled, a value of its own type
// (salePrize, itemsPrize, gridPrize) holding its benefit and scope, chosen
// when the table is compiled. Its unexported methods seal it: only this
// package's prize kinds are prizes.
type packPrize interface {
	// apply gives the prize on v, the sale without table p's exceptions
	// (line k of v is the cart's line keep[k], k itself when keep is nil),
	// once p is live; maxUnits is the allowance of p's limits (0: none).
	apply(p *pack, v *promo.View, sale *packSale, keep []int, maxUnits int64) promo.Proposal
	// covered returns the attribute and the codes of the items the prize
	// is on, for the precedence between tables; no codes for a prize on
	// the whole sale.
	covered() (PackAttribute, []string)
	// phase is when the prize runs: on the items, or on the sale.
	phase() promo.Phase
}

// packRequirement is one requirement kind compiled (saleValue,
// attributeRequirement). Its unexported method seals it.
type packRequirement interface {
	// check returns why the sale v, without the table's exceptions, does
	// not meet the requirement, or nil when it does.
	check(v *promo.View) *promo.Reason
}

func (p *pack) Info() promo.Info { return p.info }

// InfoRef lends the ruleset the promotion's own Info (promo.InfoRef).
func (p *pack) InfoRef() *promo.Info { return &p.info }
func (p *pack) Keys() promo.Keys     { return promo.Keys{CartWide: true} }

// live checks everything but the precedence between packs: status, store,
// coupon, customer, requirements and limits. It returns the item-limit
// allowance (0: none) or why not.
func (p *pack) live(v *promo.View) (int64, *promo.Reason) {
	v, _ = p.exc.view(v)
	c := v.Cart()
	d := p.def
	if d.Status == PackPending || d.Status == PackFinished {
		return 0, &promo.Reason{Code: ReasonPackStatus, PT: "tabela com situação " + string(d.Status), EN: "table status is " + string(d.Status)}
	}
	in := slices.ContainsFunc(d.Stores, func(s PackStore) bool { return s.ID == c.Store.ID && string(s.Kind) == c.Store.Kind.String() })
	if !in {
		return 0, &promo.Reason{Code: ReasonPackStore, PT: "a loja " + c.Store.ID + " não participa da tabela", EN: "store " + c.Store.ID + " is not in the table"}
	}
	if !slices.ContainsFunc(c.PromoCodes, func(k string) bool { return rules.NormalizeCode(k) == p.coupon }) {
		return 0, &promo.Reason{Code: ReasonPackCoupon, PT: "cupom " + d.Coupon + " não informado", EN: "coupon " + d.Coupon + " not presented"}
	}
	if d.RequireCustomer && c.Customer == nil {
		return 0, &promo.Reason{Code: ReasonPackCustomer, PT: "a tabela exige cliente identificado", EN: "the table requires an identified customer"}
	}
	for _, rq := range p.requirements {
		if why := rq.check(v); why != nil {
			return 0, why
		}
	}
	return checkLimits(p.info.ID, p.limits, c)
}

// inForce reports whether the pack is within its dates at the sale.
func (p *pack) inForce(t time.Time) bool {
	return (p.info.Start.IsZero() || !t.Before(p.info.Start)) && (p.info.End.IsZero() || !t.After(p.info.End))
}

// Apply applies the table on the sale without its exceptions. The
// precedence between tables is judged on the whole sale as rung up, each
// table without its own exceptions, once per sale (packSale).
func (p *pack) Apply(v *promo.View) promo.Proposal {
	sale := p.set.sale(v)
	keep, all := p.exc.kept(v)
	if all {
		return p.apply(v, sale, nil)
	}
	return promo.Lift(p.apply(v.Subset(keep), sale, keep), keep)
}

// apply applies the table on v, the sale without the table's exceptions:
// line k of v is the cart's line keep[k] (k itself when keep is nil).
func (p *pack) apply(v *promo.View, sale *packSale, keep []int) promo.Proposal {
	maxUnits, why := p.live(v)
	if why != nil {
		return promo.NotEligible(*why)
	}
	// A franchisor's coupon with the same description wins over a store's.
	// The precedence between tables is judged on the sale as rung up, so
	// that one table's discount does not decide whether another applies.
	if p.def.Owner == OwnerStore {
		if o := sale.franchisor(p); o != nil {
			return promo.NotEligible(promo.Reason{Code: ReasonPackFranchisor,
				PT: "o cupom " + p.def.Coupon + " da franqueadora (" + o.info.ID + ") prevalece",
				EN: "the franchisor's coupon " + p.def.Coupon + " (" + o.info.ID + ") prevails"})
		}
	}
	return p.prize.apply(p, v, sale, keep, maxUnits)
}

// award applies benefit b on scope s, within maxUnits, the allowance of
// the table's limits (0: none), and counts the units it takes against
// them.
func (p *pack) award(v *promo.View, b benefit.Benefit, s benefit.Scope, maxUnits int64) promo.Proposal {
	pr := b.Apply(v, s.CapUnits(maxUnits))
	if pr.Eligible {
		pr.Counters = countersFor(p.info.ID, p.limits, v.Cart(), pr.TakenUnits())
	}
	return pr
}

// allLines returns every line of v, in order.
func allLines(v *promo.View) []int {
	lines := make([]int, v.Len())
	for i := range lines {
		lines[i] = i
	}
	return lines
}

// asRungUp returns the view with every line at its gross value.
func asRungUp(v *promo.View) *promo.View {
	values := make([]decimal.Decimal, v.Len())
	for i := range values {
		values[i] = v.Gross(i)
	}
	return v.Rebased(values)
}

// CounterKeys returns the per-customer limit counter the table reads.
func (p *pack) CounterKeys(c *promo.Cart) []string {
	var keys []string
	for _, l := range p.limits {
		if k, ok := l.key(p.info.ID, c); ok {
			keys = append(keys, k)
		}
	}
	return keys
}
