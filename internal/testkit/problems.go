package testkit

import (
	"strings"

	"github.com/google/go-cmp/cmp"
)

// Problem is a validation problem as a test expects it: its exact path
// and part of its reason. A test file may keep its own type of the same
// fields, to write its tables without field names.
type Problem struct{ Path, Contains string }

// CheckProblems compares the problems got, in order, with want, and
// reports the difference (-want +got): paths exactly, reasons by
// substring either way (a got problem holds its whole reason in
// Contains).
func CheckProblems[P ~struct{ Path, Contains string }](t TB, want, got []P) {
	Helper(t)
	conv := func(ps []P) []Problem {
		if ps == nil {
			return nil // as go-cmp tells nil from empty
		}
		out := make([]Problem, len(ps))
		for i, p := range ps {
			out[i] = Problem(p)
		}
		return out
	}
	if diff := cmp.Diff(conv(want), conv(got), cmp.Comparer(func(a, b Problem) bool {
		return a.Path == b.Path && (strings.Contains(a.Contains, b.Contains) || strings.Contains(b.Contains, a.Contains))
	})); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
