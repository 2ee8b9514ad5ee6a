package promo

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sealedIndex builds an index of the pairs, in the order given, and seals
// it.
func sealedIndex(pairs ...struct {
	k string
	v int
}) *keyIndex[int] {
	var x keyIndex[int]
	for _, p := range pairs {
		x.add(p.k, p.v)
	}
	x.seal()
	return &x
}

// TestKeyIndexGet: get returns a key's values sorted and without repeats,
// whatever the order they were added in, and nil for a key not there (the
// first key, the last and one between them included).
func TestKeyIndexGet(t *testing.T) {
	type pair = struct {
		k string
		v int
	}
	x := sealedIndex(pair{"m", 3}, pair{"z", 9}, pair{"a", 2}, pair{"m", 1}, pair{"z", 4}, pair{"m", 3}, pair{"a", 2})
	for _, c := range []struct {
		key  string
		want []int
	}{
		{"a", []int{2}},
		{"m", []int{1, 3}},
		{"z", []int{4, 9}}, // the last key: the scan for its end stops at the end
		{"", nil},
		{"b", nil},
		{"zz", nil},
	} {
		if diff := cmp.Diff(c.want, x.get(c.key)); diff != "" {
			t.Errorf("get(%q) (-want +got):\n%s", c.key, diff)
		}
	}
	if diff := cmp.Diff([]string{"a", "m", "m", "z", "z"}, x.keys); diff != "" {
		t.Errorf("keys after seal (-want +got):\n%s", diff)
	}
}

// TestKeyIndexSealKeepsNoSpareRoom: an index reserved for exactly the
// pairs it keeps is sorted in place; otherwise seal moves the pairs to new
// arrays of their number, so that a long-lived index holds no spare room.
func TestKeyIndexSealKeepsNoSpareRoom(t *testing.T) {
	var exact keyIndex[int]
	exact.reserve(3)
	exact.add("c", 1)
	exact.add("a", 2)
	exact.add("b", 3)
	k0, v0 := &exact.keys[0], &exact.vals[0]
	exact.seal()
	if &exact.keys[0] != k0 || &exact.vals[0] != v0 {
		t.Errorf("an index reserved for exactly its pairs was moved to new arrays")
	}

	var repeats keyIndex[int]
	repeats.reserve(3)
	repeats.add("a", 1)
	repeats.add("a", 1)
	repeats.add("b", 2)
	repeats.seal() // two pairs kept out of three reserved
	if cap(repeats.keys) != 2 || cap(repeats.vals) != 2 {
		t.Errorf("after dropping a repeat: capacities %d, %d; want 2, 2", cap(repeats.keys), cap(repeats.vals))
	}

	var grown keyIndex[int]
	for i := range 5 {
		grown.add(fmt.Sprint(i), i) // append leaves spare room
	}
	grown.seal()
	if cap(grown.keys) != 5 || cap(grown.vals) != 5 {
		t.Errorf("an index grown by append: capacities %d, %d; want 5, 5", cap(grown.keys), cap(grown.vals))
	}
	if diff := cmp.Diff([]int{3}, grown.get("3")); diff != "" {
		t.Errorf("get(3) (-want +got):\n%s", diff)
	}
}

// TestKeyIndexFilter: from filterMin pairs the index keeps a filter of at
// least eight bits per key, a power of two of them (256 keys: 2048 bits,
// 32 words; 257: 4096 bits, 64 words); below, none. Every key in the index
// passes it, and most keys not in it are turned away (about one in
// twenty passes: 512 bits set of 2048).
func TestKeyIndexFilter(t *testing.T) {
	build := func(n int) *keyIndex[int] {
		var x keyIndex[int]
		for i := range n {
			x.add(fmt.Sprintf("k%d", i), i)
		}
		x.seal()
		return &x
	}
	for _, c := range []struct {
		keys, words int
	}{
		{filterMin - 1, 0},
		{filterMin, 32},
		{filterMin + 1, 64},
	} {
		x := build(c.keys)
		if len(x.filter) != c.words || (c.words == 0) != (x.filter == nil) {
			t.Errorf("%d keys: filter of %d words (nil %v), want %d", c.keys, len(x.filter), x.filter == nil, c.words)
		}
		for i := range c.keys {
			k := fmt.Sprintf("k%d", i)
			if got := x.get(k); len(got) != 1 || got[0] != i {
				t.Fatalf("%d keys: get(%s) = %v, want [%d]", c.keys, k, got, i)
			}
		}
		passed := 0
		for i := range 1000 {
			k := fmt.Sprintf("absent%d", i)
			if x.mayHold(k) {
				passed++
			}
			if got := x.get(k); got != nil {
				t.Fatalf("%d keys: get(%s) = %v, want nil", c.keys, k, got)
			}
		}
		if c.words > 0 && passed > 150 {
			t.Errorf("%d keys: %d of 1000 absent keys pass the filter, want about 50", c.keys, passed)
		}
		if c.words == 0 && passed != 1000 {
			t.Errorf("%d keys, no filter: %d of 1000 absent keys may be held, want all", c.keys, passed)
		}
	}
}
