package promo

import (
	"promokit/internal/strictjson"
)

// DecodeCart decodes a cart from JSON strictly: unknown fields, wrong types,
// impossible dates and invalid CPF or CNPJ are all reported at once by JSON
// path in a *ValidationError, and so are the problems ValidateCart finds.
func DecodeCart(data []byte) (Cart, error) {
	var c Cart
	if ps := strictjson.Decode(data, &c); len(ps) > 0 {
		return Cart{}, &ValidationError{What: "cart", Problems: convert(ps)}
	}
	if err := ValidateCart(&c); err != nil {
		return Cart{}, err
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
