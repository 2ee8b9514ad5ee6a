package campaign

import (
	"promokit/internal/strictjson"
	"promokit/promo"
)

// Decode reads a ruleset document strictly: malformed JSON, unknown fields
// and wrong types are all reported at once in a *promo.ValidationError,
// each with its JSON path. Decode checks the form only; Compile checks the
// meaning.
func Decode(data []byte) (Ruleset, error) {
	var r Ruleset
	if ps := strictjson.Decode(data, &r); len(ps) > 0 {
		out := make([]promo.Problem, len(ps))
		for i, p := range ps {
			out[i] = promo.Problem{Path: p.Path, Reason: p.Reason}
		}
		return Ruleset{}, &promo.ValidationError{What: "ruleset", Problems: out}
	}
	return r, nil
}

// Load decodes and compiles a ruleset document.
func Load(data []byte) (*promo.Ruleset, error) {
	def, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return Compile(def)
}

// MustLoad is like Load but panics on error. It is meant for tests and
// embedded rulesets known to be valid.
func MustLoad(data []byte) *promo.Ruleset {
	rs, err := Load(data)
	if err != nil {
		panic(err)
	}
	return rs
}
