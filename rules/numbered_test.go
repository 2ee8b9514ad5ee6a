package rules_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/rules"
)

// nbGolden are numbered codes computed outside Go, with Python's hmac and
// base64 modules, from the construction NumberedSet documents: the
// upper-cased prefix, the number in 4 characters of base 32 with the
// alphabet ABCDEFGHJKLMNPQRSTUVWXYZ23456789 (most significant first), then
// the first length characters, in that base 32, of the HMAC-SHA-256 under
// the secret of "numbered\x00" + campaign id + "\x00" + prefix + "\x00" +
// the number in decimal.
var nbGolden = []struct {
	set     rules.NumberedSet
	numbers []int
	want    []string
}{
	{rules.NumberedSet{Campaign: "bf-2026", Prefix: " bf-", Secret: "segredo-de-teste-123", Count: 3, Length: 8}, []int{0, 1, 2},
		[]string{"BF-AAAAXKRQFZG8", "BF-AAAB6BEQBDG6", "BF-AAACU4R4GHVK"}},
	{rules.NumberedSet{Campaign: "natal", Prefix: "NAT", Secret: "segredo-de-teste-123", Count: 1_000_000, Length: 10}, []int{0, 999_999},
		[]string{"NATAAAAY4V67CJBMK", "NAT8ST9KJ7EPBS2V7"}},
}

func TestNumberedSetGolden(t *testing.T) {
	for _, g := range nbGolden {
		var got []string
		for _, n := range g.numbers {
			got = append(got, g.set.Code(n))
		}
		if diff := cmp.Diff(g.want, got); diff != "" {
			t.Errorf("%s codes %v (-want +got):\n%s", g.set.Campaign, g.numbers, diff)
		}
		for _, c := range g.want {
			if !g.set.Contains(c) {
				t.Errorf("%s: Contains(%q) = false, want true", g.set.Campaign, c)
			}
		}
	}
	// All lists the codes in number order.
	if diff := cmp.Diff(nbGolden[0].want, slices.Collect(nbGolden[0].set.All())); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
}

func TestNumberedSetContains(t *testing.T) {
	const secret = "um-segredo-bem-longo"
	set := rules.NumberedSet{Campaign: "camp-1", Prefix: "x-", Secret: secret, Count: 5, Length: 8}
	beyond := set
	beyond.Count = 6
	valid := set.Code(4)
	tests := []struct {
		name string
		code string
		want bool
	}{
		{"last code", valid, true},
		{"first code", set.Code(0), true},
		{"code beyond the count", beyond.Code(5), false},
		{"another number, same characters", valid[:2] + "AAAD" + valid[6:], false},
		{"one character changed", valid[:len(valid)-1] + other(valid[len(valid)-1]), false},
		{"without its prefix", strings.TrimPrefix(valid, "X-"), false},
		{"one character short", valid[:len(valid)-1], false},
		{"one character more", valid + "A", false},
		{"number outside the alphabet", valid[:2] + "AAA0" + valid[6:], false},
		{"another campaign", rules.NumberedSet{Campaign: "camp-2", Prefix: "x-", Secret: secret, Count: 5, Length: 8}.Code(4), false},
		{"another secret", rules.NumberedSet{Campaign: "camp-1", Prefix: "x-", Secret: secret + "!", Count: 5, Length: 8}.Code(4), false},
		{"the hashed code of the same number", rules.GenerateCodes("camp-1", "x-", secret, 5, 8)[4], false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := set.Contains(tt.code); got != tt.want {
			t.Errorf("%s: Contains(%q) = %t, want %t", tt.name, tt.code, got, tt.want)
		}
	}
	// Every listed code is recognised, none twice.
	seen := map[string]bool{}
	for c := range set.All() {
		if !set.Contains(c) || seen[c] {
			t.Errorf("listed code %q: recognised %t, repeated %t", c, set.Contains(c), seen[c])
		}
		seen[c] = true
	}
	if len(seen) != 5 {
		t.Errorf("All listed %d codes, want 5", len(seen))
	}
}

// A set without check characters would be guessed number by number: it
// holds no code, not even the ones it writes.
func TestNumberedSetWithoutCheckCharacters(t *testing.T) {
	set := rules.NumberedSet{Campaign: "camp-1", Prefix: "x-", Secret: "um-segredo-bem-longo", Count: 5}
	for n := range 5 {
		if c := set.Code(n); set.Contains(c) {
			t.Errorf("Contains(%q) = true for a set of Length 0", c)
		}
	}
}

// other returns a character of the codes' alphabet other than c.
func other(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

func TestPromoCodeInNumbered(t *testing.T) {
	set := rules.NumberedSet{Campaign: "c", Prefix: "bf-", Secret: "segredo-da-black-friday", Count: 3, Length: 8}
	cond := rules.PromoCodeIn([]string{"VIP-1"}, set)
	rxRun(t, []rxCase{
		{"numbered code, lower case", cond, rxCoded([]string{strings.ToLower(set.Code(2))}, nil), rxPass},
		{"listed code", cond, rxCoded([]string{"vip-1"}, nil), rxPass},
		{"used numbered code", cond, rxCoded([]string{set.Code(1)}, []string{set.Code(1)}), rxNotValid},
		{"numbered code beyond the count", cond, rxCoded([]string{rules.NumberedSet{Campaign: "c", Prefix: "bf-", Secret: "segredo-da-black-friday", Count: 4, Length: 8}.Code(3)}, nil), rxNotValid},
	})
}
