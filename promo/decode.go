package promo

import (
	"github.com/promokit/promokit/internal/strictjson"
)

// DecodeCart decodes a cart from JSON strictly, under the default limits
// (DefaultLimits): unknown fields, repeated keys, wrong types, text that is
// not UTF-8, numbers too long, impossible dates and invalid CPF or CNPJ
// are all reported at once by JSON path in a *ValidationError, followed by
// the problems ValidateCart finds in the rest. A document over
// MaxCartBytes is refused before it is read. Ruleset.DecodeCart decodes
// under a ruleset's limits.
func DecodeCart(data []byte) (Cart, error) { return decodeCart(data, DefaultLimits()) }

// DecodeCart decodes a cart from JSON as the package-level DecodeCart does,
// under the ruleset's limits (settings.limits).
func (r *Ruleset) DecodeCart(data []byte) (Cart, error) { return decodeCart(data, r.settings.Limits) }

func decodeCart(data []byte, lim Limits) (Cart, error) {
	lim = lim.Resolve()
	var c Cart
	// The decoder bounds every text by the ceiling; ValidateCart then holds
	// each to its own limit, named in its problem.
	ps := strictjson.DecodeLimits(data, &c, strictjson.Limits{MaxBytes: lim.MaxCartBytes, MaxString: CeilingLimits().MaxTextLength})
	if len(ps) == 1 && ps[0].Kind == strictjson.Document {
		return Cart{}, &ValidationError{What: "cart", Problems: convert(ps)} // not JSON at all
	}
	form := convert(ps)
	var meaning []Problem
	if err := validateCart(&c, lim); err != nil {
		meaning = err.(*ValidationError).Problems
	}
	if all := MergeProblems(form, meaning); len(all) > 0 {
		return Cart{}, &ValidationError{What: "cart", Problems: all}
	}
	return c, nil
}

func convert(ps []strictjson.Problem) []Problem {
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = Problem{Path: p.Path, Reason: p.Reason}
	}
	return out
}
