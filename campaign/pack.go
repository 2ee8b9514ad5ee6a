package campaign

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// covers reports whether the prize is on line l: its attribute is the
// prize's code, or one of its grid's codes.
func (it *PackItemsPrize) covers(l *promo.Line) bool {
	a := attrOf(l, it.Attribute)
	if len(it.Grid) == 0 {
		return a == it.Code
	}
	return a != "" && slices.ContainsFunc(it.Grid, func(r PackGridRow) bool { return r.Code == a })
}

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
	prize  benefit.Benefit
	scope  benefit.Scope
	exc    *exclusion // nil: no exceptions
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
	all := make([]int, v.Len())
	for i := range all {
		all[i] = i
	}
	if d.MinSaleValue != nil {
		if ok, why := rules.MinValue(*d.MinSaleValue).Check(v, all); !ok {
			return 0, &why
		}
	}
	for _, rq := range d.Requirements {
		var lines []int
		for i := 0; i < v.Len(); i++ {
			if attrOf(v.Line(i), rq.Attribute) == rq.Code {
				lines = append(lines, i)
			}
		}
		what := fmt.Sprintf("%s %s", rq.Attribute, rq.Code)
		if rq.MinQuantity > 0 {
			if ok, why := rules.MinQuantity(rq.MinQuantity).Check(v, lines); !ok {
				return 0, &promo.Reason{Code: ReasonPackRequirement, PT: what + ": " + why.PT, EN: what + ": " + why.EN, Missing: why.Missing}
			}
		}
		if rq.MinValue != nil {
			if ok, why := rules.MinValue(*rq.MinValue).Check(v, lines); !ok {
				return 0, &promo.Reason{Code: ReasonPackRequirement, PT: what + ": " + why.PT, EN: what + ": " + why.EN, Missing: why.Missing}
			}
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
	s := p.scope
	s.MaxUnits = min64(s.MaxUnits, maxUnits)
	it := p.def.Prize.Items
	if it == nil {
		s.Lines = make([]int, v.Len())
		for i := range s.Lines {
			s.Lines[i] = i
		}
	} else {
		taken := 0
		for i := 0; i < v.Len(); i++ {
			l := v.Line(i)
			if !it.covers(l) {
				continue
			}
			if p.def.NearExpiryOnly && !(p.set.company.NearExpiry && matchMask(p.set.company.NearExpiryMask, l.EAN)) {
				continue
			}
			ci := i
			if keep != nil {
				ci = keep[i]
			}
			// Another live table on an attribute of higher precedence
			// covers the line.
			if sale.preceded(p, ci) {
				taken++
				continue
			}
			s.Lines = append(s.Lines, i)
		}
		if len(s.Lines) == 0 && taken > 0 {
			return promo.NotEligible(promo.Reason{Code: ReasonPackPrecedence,
				PT: "os itens ficaram com uma tabela de atributo prioritário", EN: "the items went to a table on a higher-precedence attribute"})
		}
		// The prize's quantity is also the minimum to buy (quantidade:
		// número mínimo de unidades).
		if it.Quantity > 0 {
			if ok, why := rules.MinQuantity(it.Quantity).Check(v, s.Lines); !ok {
				return promo.NotEligible(why)
			}
		}
	}
	pr := p.prize.Apply(v, s)
	if pr.Eligible {
		pr.Counters = countersFor(p.info.ID, p.limits, v.Cart(), pr.TakenUnits())
	}
	return pr
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

// min64 is the smaller of two limits, where 0 means no limit.
func min64(a, b int64) int64 {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	}
	return min(a, b)
}
