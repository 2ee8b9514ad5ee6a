package promogen

import (
	"pgregory.net/rapid"
)

// chance draws whether something happens, percent times in a hundred.
// Shrinking makes it not happen.
func chance(t *rapid.T, percent int, label string) bool {
	if percent <= 0 {
		return false
	}
	if percent >= 100 {
		return true
	}
	return rapid.IntRange(0, 99).Draw(t, label) >= 100-percent
}

// pick draws one of the values or none (""): none is what shrinking goes
// to. Without values it draws nothing.
func pick(t *rapid.T, values []string, label string) string {
	if len(values) == 0 {
		return ""
	}
	i := rapid.IntRange(0, len(values)).Draw(t, label)
	if i == 0 {
		return ""
	}
	return values[i-1]
}

// subset draws up to n distinct values, in the order of values, each
// taken percent times in a hundred.
func subset(t *rapid.T, values []string, n, percent int, label string) []string {
	if len(values) == 0 || n <= 0 {
		return nil
	}
	var out []string
	for _, v := range values {
		if len(out) == n {
			break
		}
		if chance(t, percent, label) {
			out = append(out, v)
		}
	}
	return out
}
