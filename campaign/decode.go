package campaign

import (
	"github.com/promokit/promokit/internal/strictjson"
	"github.com/promokit/promokit/promo"
)

// Decode reads a ruleset document strictly: malformed JSON, unknown fields
// and wrong types are all reported at once in a *promo.ValidationError,
// each with its JSON path. Decode checks the form only; Compile checks the
// meaning. On error the returned Ruleset holds what could be decoded (a
// value of the wrong type is left zero).
func Decode(data []byte) (Ruleset, error) {
	var r Ruleset
	if ps := strictjson.Decode(data, &r); len(ps) > 0 {
		out := make([]promo.Problem, len(ps))
		for i, p := range ps {
			out[i] = promo.Problem{Path: p.Path, Reason: p.Reason}
		}
		return r, &promo.ValidationError{What: "ruleset", Problems: out}
	}
	return r, nil
}

// Load decodes and compiles a ruleset document. Every problem is reported at
// once: the form problems Decode finds first, then the meaning problems
// Compile finds in what could be decoded (leaving out those at or below a
// path that already has a form problem).
func Load(data []byte) (*promo.Ruleset, error) {
	def, err := Decode(data)
	if err == nil {
		return Compile(def)
	}
	form, ok := err.(*promo.ValidationError)
	if !ok || (len(form.Problems) == 1 && form.Problems[0].Path == "") {
		return nil, err // not JSON at all: nothing to compile
	}
	if _, cerr := Compile(def); cerr != nil {
		if meaning, ok := cerr.(*promo.ValidationError); ok {
			form.Problems = promo.MergeProblems(form.Problems, meaning.Problems)
		}
	}
	return nil, form
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

// MustDecode is like Decode but panics on error. It is meant for tests and
// embedded definitions known to be valid, such as a property test that
// reads the ruleset it draws carts for (promogen.CartFor).
func MustDecode(data []byte) Ruleset {
	r, err := Decode(data)
	if err != nil {
		panic(err)
	}
	return r
}
