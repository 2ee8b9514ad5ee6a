package campaign

import (
	"slices"
	"strings"

	"github.com/promokit/promokit/internal/strictjson"
	"github.com/promokit/promokit/promo"
)

// MaxRulesetBytes is the size of the largest ruleset document Decode and
// Load read: a larger one is refused before it is read.
const MaxRulesetBytes = 64 << 20

// decodeLimits are the strict decoder's limits for a ruleset: its size,
// and every text bounded by the ceiling of settings.limits (Compile holds
// each to the ruleset's own limit).
func decodeLimits() strictjson.Limits {
	return strictjson.Limits{MaxBytes: MaxRulesetBytes, MaxString: promo.CeilingLimits().MaxTextLength}
}

// Decode reads a ruleset document strictly: malformed JSON, unknown fields,
// repeated keys, wrong types, text that is not UTF-8 and numbers over 40
// characters are all reported at once in a *promo.ValidationError, each
// with its JSON path. A document over MaxRulesetBytes is refused before it
// is read. Decode checks the form only; Compile checks the meaning. On
// error the returned Ruleset holds what could be decoded (a value of the
// wrong type is left zero).
func Decode(data []byte) (Ruleset, error) {
	r, ps := decode(data)
	if len(ps) > 0 {
		return r, &promo.ValidationError{What: "ruleset", Problems: problems(ps)}
	}
	return r, nil
}

func decode(data []byte) (Ruleset, []strictjson.Problem) {
	var r Ruleset
	ps := strictjson.DecodeLimits(data, &r, decodeLimits())
	return r, ps
}

func problems(ps []strictjson.Problem) []promo.Problem {
	out := make([]promo.Problem, len(ps))
	for i, p := range ps {
		out[i] = promo.Problem{Path: p.Path, Reason: p.Reason}
	}
	return out
}

// Load decodes and compiles a ruleset document. Every problem is reported at
// once: the form problems Decode finds first, then the meaning problems
// Compile finds in what could be decoded, leaving out those at or below a
// path that already has a form problem, and those of an object one of
// whose values could not be decoded (a percent that is not a number does
// not also leave its benefit without a kind). A field under its former
// name (a renamed field) counts as such a value, and the meaning problems
// at or below its new name are left out too (an old "funder" is not also
// a missing funded_by).
func Load(data []byte) (*promo.Ruleset, error) {
	def, ps := decode(data)
	if len(ps) == 0 {
		return Compile(def)
	}
	form := &promo.ValidationError{What: "ruleset", Problems: problems(ps)}
	if len(ps) == 1 && ps[0].Kind == strictjson.Document {
		return nil, form // not a ruleset document at all: nothing to compile
	}
	parents := map[string]bool{}
	var renamed []string
	for _, p := range ps {
		if p.Kind == strictjson.BadValue || p.Renamed != "" {
			parents[parent(p.Path)] = true
		}
		if p.Renamed != "" {
			renamed = append(renamed, strings.TrimPrefix(parent(p.Path)+"."+p.Renamed, "."))
		}
	}
	if _, cerr := Compile(def); cerr != nil {
		if meaning, ok := cerr.(*promo.ValidationError); ok {
			kept := meaning.Problems[:0:0]
			for _, p := range meaning.Problems {
				if !parents[p.Path] && !slices.ContainsFunc(renamed, func(r string) bool { return within(p.Path, r) }) {
					kept = append(kept, p)
				}
			}
			form.Problems = promo.MergeProblems(form.Problems, kept)
		}
	}
	return nil, form
}

// parent returns the path of the object or array holding the value at
// path: "a.b[2]" for "a.b[2].c", "a.b" for "a.b[2]".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// within reports whether path is at or below the value at path r.
func within(path, r string) bool {
	rest, ok := strings.CutPrefix(path, r)
	return ok && (rest == "" || rest[0] == '.' || rest[0] == '[')
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
