package campaign

import (
	"fmt"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// attributeRequirement is a requirement on the lines whose attribute is
// code: a line's or a manufacturer's lines must reach a minimum value, a
// family's or a product's a minimum quantity, a minimum value or both.
type attributeRequirement struct {
	attr PackAttribute
	code string
	// what names the requirement in its reasons ("line L1").
	what string
	// minimums are the quantity, then the value, the lines must reach.
	minimums []rules.Threshold
}

// newAttributeRequirement compiles a checked requirement.
func newAttributeRequirement(rq PackRequirement) *attributeRequirement {
	r := &attributeRequirement{attr: rq.Attribute, code: rq.Code, what: fmt.Sprintf("%s %s", rq.Attribute, rq.Code)}
	if rq.MinQuantity > 0 {
		r.minimums = append(r.minimums, rules.MinQuantity(rq.MinQuantity))
	}
	if rq.MinValue != nil {
		r.minimums = append(r.minimums, rules.MinValue(*rq.MinValue))
	}
	return r
}

func (r *attributeRequirement) check(v *promo.View) *promo.Reason {
	var lines []int
	for i := 0; i < v.Len(); i++ {
		if attrOf(v.Line(i), r.attr) == r.code {
			lines = append(lines, i)
		}
	}
	for _, m := range r.minimums {
		if ok, why := m.Check(v, lines); !ok {
			return &promo.Reason{Code: ReasonPackRequirement, PT: r.what + ": " + why.PT, EN: r.what + ": " + why.EN, Missing: why.Missing}
		}
	}
	return nil
}
