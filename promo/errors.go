package promo

import (
	"strings"
)

// Problem is one thing wrong with an input, located by its JSON path
// (for example "lines[2].quantity" or "campaigns[0].benefit.percent").
type Problem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// String returns "path: reason".
func (p Problem) String() string {
	if p.Path == "" {
		return p.Reason
	}
	return p.Path + ": " + p.Reason
}

// ValidationError lists every problem found in an input at once. Nothing is
// applied when Evaluate or a compiler returns one.
type ValidationError struct {
	// What names the input: "cart" or "ruleset".
	What     string
	Problems []Problem
}

// Error returns one line per problem.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("invalid ")
	b.WriteString(e.What)
	if len(e.Problems) == 1 {
		b.WriteString(": ")
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	b.WriteString(":")
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// MergeProblems returns first followed by the problems of then that are not
// at or below a path of first: a value that failed to decode is not
// reported again as missing or invalid.
func MergeProblems(first, then []Problem) []Problem {
	out := append([]Problem(nil), first...)
	for _, p := range then {
		covered := false
		for _, f := range first {
			if f.Path != "" && (p.Path == f.Path || strings.HasPrefix(p.Path, f.Path+".") || strings.HasPrefix(p.Path, f.Path+"[")) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, p)
		}
	}
	return out
}
