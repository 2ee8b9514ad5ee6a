package promo

import (
	"github.com/promokit/promokit/internal/strictjson"
)

// DecodeCart decodes a cart from JSON strictly: unknown fields, wrong types,
// impossible dates and invalid CPF or CNPJ are all reported at once by JSON
// path in a *ValidationError, followed by the problems ValidateCart finds
// in the rest.
func DecodeCart(data []byte) (Cart, error) {
	var c Cart
	ps := strictjson.Decode(data, &c)
	if len(ps) == 1 && ps[0].Path == "" {
		return Cart{}, &ValidationError{What: "cart", Problems: convert(ps)} // not JSON at all
	}
	form := convert(ps)
	var meaning []Problem
	if err := ValidateCart(&c); err != nil {
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
