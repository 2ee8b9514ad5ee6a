package promo

import (
	"cmp"
	"slices"
	"strings"
)

// keyIndex maps keys (product codes, SKUs, categories) to the values
// indexed under them (the ruleset's promotions, or the evaluation's
// lines): the pairs sorted by key, then value, in two arrays, looked up by
// binary search. A ruleset of thousands of promotions holds it in a third
// of the memory of a map of slices.
type keyIndex[T int | int32] struct {
	keys []string
	vals []T
}

// add adds a pair while the index is built.
func (x *keyIndex[T]) add(key string, v T) {
	x.keys = append(x.keys, key)
	x.vals = append(x.vals, v)
}

// seal sorts the pairs and drops repeated ones.
func (x *keyIndex[T]) seal() {
	type pair struct {
		key string
		v   T
	}
	ps := make([]pair, len(x.keys))
	for i := range ps {
		ps[i] = pair{x.keys[i], x.vals[i]}
	}
	slices.SortFunc(ps, func(a, b pair) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	ps = slices.Compact(ps)
	// Back into the arrays it was built in when they hold exactly the
	// pairs kept (as an index reserved for them does); otherwise into new ones
	// of that length, so that a long-lived index keeps no spare room.
	if cap(x.keys) != len(ps) || cap(x.vals) != len(ps) {
		x.keys, x.vals = make([]string, len(ps)), make([]T, len(ps))
	}
	x.keys, x.vals = x.keys[:len(ps)], x.vals[:len(ps)]
	for i, p := range ps {
		x.keys[i], x.vals[i] = p.key, p.v
	}
}

// reserve makes room for n pairs in an index still empty.
func (x *keyIndex[T]) reserve(n int) {
	x.keys, x.vals = make([]string, 0, n), make([]T, 0, n)
}

// get returns the values indexed under key, in order (pipeline order for
// promotions, cart order for lines). The slice must not be modified.
func (x *keyIndex[T]) get(key string) []T {
	lo, found := slices.BinarySearch(x.keys, key)
	if !found {
		return nil
	}
	hi := lo + 1
	for hi < len(x.keys) && x.keys[hi] == key {
		hi++
	}
	return x.vals[lo:hi:hi]
}
