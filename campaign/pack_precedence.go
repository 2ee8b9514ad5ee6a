package campaign

import (
	"slices"

	"github.com/promokit/promokit/promo"
)

// packKey is an attribute's code that an items prize covers.
type packKey struct {
	attr PackAttribute
	code string
}

// index lists, once the tables are in id order, the franchisors' tables by
// coupon and the items prizes by the codes they cover, so that a sale
// looks at the tables that can concern it only.
func (s *packSet) index() {
	s.franchisors = map[string][]int{}
	s.covering = map[packKey][]int{}
	for k, p := range s.packs {
		if p.def.Owner == OwnerFranchisor {
			s.franchisors[p.coupon] = append(s.franchisors[p.coupon], k)
		}
		attr, codes := p.prize.covered()
		for _, code := range codes {
			key := packKey{attr, code}
			s.covering[key] = append(s.covering[key], k)
		}
	}
}

// packSale is the precedence between the tables for one sale, judged on
// the sale as rung up (each table without its own exceptions), so that one
// table's discount never decides whether another applies. It is worked out
// once per sale (promo.View.Memo) and lazily: a table's standing the first
// time a precedence asks for it, the precedence of every line the first
// time a table asks for one.
type packSale struct {
	set  *packSet
	rung *promo.View
	// live is each table's standing on the rung-up sale: 0 not judged
	// yet, 1 live (in force, every check but precedence passed), 2 not.
	live []int8
	// first is, for each line, the rank of the best live items prize that
	// covers it and does not exclude it (the number of attributes when
	// none); nil until asked.
	first []int
}

// sale returns the precedence between the tables for the sale v shows.
func (s *packSet) sale(v *promo.View) *packSale {
	return v.Memo(s, func() any {
		return &packSale{set: s, rung: asRungUp(v), live: make([]int8, len(s.packs))}
	}).(*packSale)
}

// isLive reports whether table k is live on the rung-up sale.
func (ps *packSale) isLive(k int) bool {
	if ps.live[k] == 0 {
		ps.live[k] = 2
		o := ps.set.packs[k]
		if o.inForce(ps.rung.Time()) {
			if _, no := o.live(ps.rung); no == nil {
				ps.live[k] = 1
			}
		}
	}
	return ps.live[k] == 1
}

// franchisor returns the live franchisor's table whose coupon prevails
// over store table p's (the first in id order), or nil.
func (ps *packSale) franchisor(p *pack) *pack {
	for _, k := range ps.set.franchisors[p.coupon] {
		if o := ps.set.packs[k]; o != p && ps.isLive(k) {
			return o
		}
	}
	return nil
}

// preceded reports whether a live table whose items prize is on an
// attribute of higher precedence than rank covers cart line i.
func (ps *packSale) preceded(rank, i int) bool {
	if ps.first == nil {
		ps.first = make([]int, ps.rung.Len())
		for j := range ps.first {
			ps.first[j] = ps.firstRank(j)
		}
	}
	return ps.first[i] < rank
}

// firstRank is the rank of the best live items prize covering line i.
func (ps *packSale) firstRank(i int) int {
	l := ps.rung.Line(i)
	best := len(ps.set.order)
	for r, attr := range ps.set.order {
		a := attrOf(l, attr)
		if r >= best || a == "" {
			continue
		}
		if slices.ContainsFunc(ps.set.covering[packKey{attr, a}], func(k int) bool {
			return ps.isLive(k) && !ps.set.packs[k].exc.excludes(l)
		}) {
			best = r
		}
	}
	return best
}
