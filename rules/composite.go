package rules

import (
	"fmt"
	"strings"

	"github.com/promokit/promokit/promo"
)

// composite is the AND (all) or OR (any) of conditions.
type composite struct {
	all   bool
	conds []Condition
}

// All holds when every condition holds (operador E). The lines it selects are
// those selected by any of its conditions.
func All(conds ...Condition) Condition {
	return composite{all: true, conds: append([]Condition(nil), conds...)}
}

// Any holds when at least one condition holds (operador OU). The lines it
// selects are those selected by the conditions that hold.
func Any(conds ...Condition) Condition {
	return composite{all: false, conds: append([]Condition(nil), conds...)}
}

func (composite) sealed() {}

func (c composite) Keys() promo.Keys {
	var k promo.Keys
	for _, s := range c.conds {
		sk := s.Keys()
		if sk.CartWide && !c.all {
			// an OR with a cart-wide member can match any cart
			return promo.Keys{CartWide: true}
		}
		k.ProductCodes = append(k.ProductCodes, sk.ProductCodes...)
		k.SKUs = append(k.SKUs, sk.SKUs...)
		k.Categories = append(k.Categories, sk.Categories...)
	}
	if len(k.ProductCodes)+len(k.SKUs)+len(k.Categories) == 0 {
		return promo.Keys{CartWide: true}
	}
	return k
}

func (c composite) Describe() (pt, en string) {
	pts, ens := make([]string, len(c.conds)), make([]string, len(c.conds))
	for i, s := range c.conds {
		pts[i], ens[i] = s.Describe()
	}
	if c.all {
		return "(" + strings.Join(pts, " E ") + ")", "(" + strings.Join(ens, " AND ") + ")"
	}
	return "(" + strings.Join(pts, " OU ") + ")", "(" + strings.Join(ens, " OR ") + ")"
}

func (c composite) Check(v *promo.View) Outcome {
	var out Outcome
	// The lines of the first condition that selects; mark, once a
	// second one selects, the union of them all.
	var first []int
	var mark []bool
	failed := 0
	var firstFail promo.Reason
	for i, s := range c.conds {
		o := s.Check(v)
		if !o.OK {
			failed++
			spt, sen := s.Describe()
			code := o.Reason.Code
			if code == "" {
				code = promo.ReasonRuleFailed
			}
			r := promo.Reason{Code: code,
				PT: fmt.Sprintf("regra %d (%s) não atendida: %s", i+1, spt, o.Reason.PT),
				EN: fmt.Sprintf("rule %d (%s) not met: %s", i+1, sen, o.Reason.EN)}
			if code == ReasonPromoCode {
				// one opaque reason: never tell whether a code exists
				r = o.Reason
			}
			if c.all {
				out.Reason = r
				return out
			}
			if failed == 1 {
				firstFail = r
			}
			continue
		}
		if !o.Selects {
			continue
		}
		if !out.Selects {
			out.Selects, first = true, o.Lines
			continue
		}
		if mark == nil {
			mark = make([]bool, v.Len())
			for _, l := range first {
				mark[l] = true
			}
		}
		for _, l := range o.Lines {
			mark[l] = true
		}
	}
	if !c.all && failed == len(c.conds) {
		if len(c.conds) == 1 {
			out.Reason = firstFail
		} else {
			out.Reason = promo.Reason{Code: firstFail.Code,
				PT: "nenhuma das regras atendida; " + firstFail.PT,
				EN: "none of the rules met; " + firstFail.EN}
		}
		return out
	}
	if mark == nil {
		// At most one condition selects: its lines, in cart order (a
		// product rule that holds finds at least one).
		out.Lines = first
	} else {
		for i, m := range mark {
			if m {
				out.Lines = append(out.Lines, i)
			}
		}
	}
	out.OK = true
	return out
}
