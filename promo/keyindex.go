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
//
// A large index also keeps a filter of its keys (a Bloom filter of two
// bits per key in a byte per key): most keys asked for are in no
// campaign, and the filter turns them away without searching.
type keyIndex[T int | int32] struct {
	keys   []string
	vals   []T
	filter []uint64 // nil below filterMin keys
}

// filterMin is the number of pairs from which seal adds the filter.
const filterMin = 256

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
	x.buildFilter()
}

// buildFilter sets the filter's two bits of every key, in at least eight
// bits per key (about one key in twenty that is not there passes).
func (x *keyIndex[T]) buildFilter() {
	x.filter = nil
	if len(x.keys) < filterMin {
		return
	}
	bits := 64
	for bits < 8*len(x.keys) {
		bits *= 2
	}
	x.filter = make([]uint64, bits/64)
	for _, k := range x.keys {
		a, b := x.filterBits(k)
		x.filter[a/64] |= 1 << (a % 64)
		x.filter[b/64] |= 1 << (b % 64)
	}
}

// filterBits returns the positions of key's two bits in the filter.
func (x *keyIndex[T]) filterBits(key string) (a, b uint64) {
	// FNV-1a, 64 bits.
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	mask := uint64(len(x.filter)*64 - 1)
	return h & mask, (h >> 32) & mask
}

// mayHold is false when key is surely not in the index.
func (x *keyIndex[T]) mayHold(key string) bool {
	if x.filter == nil {
		return true
	}
	a, b := x.filterBits(key)
	return x.filter[a/64]&(1<<(a%64)) != 0 && x.filter[b/64]&(1<<(b%64)) != 0
}

// reserve makes room for n pairs in an index still empty.
func (x *keyIndex[T]) reserve(n int) {
	x.keys, x.vals = make([]string, 0, n), make([]T, 0, n)
}

// get returns the values indexed under key, in order (pipeline order for
// promotions, cart order for lines). The slice must not be modified.
func (x *keyIndex[T]) get(key string) []T {
	if !x.mayHold(key) {
		return nil
	}
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
