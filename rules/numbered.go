package rules

import (
	"crypto/hmac"
	"crypto/sha256"
	"hash"
	"iter"
	"strconv"
	"strings"
)

// numberChars is how many characters of a numbered code carry its number:
// 32⁴ = 1,048,576 numbers, more than a code set may hold.
const numberChars = 4

// NumberedSet is a set of generated codes that carry their number, so that
// a code is checked by its construction, without a list: code n (0 ≤ n <
// Count) is the upper-cased Prefix, n in numberChars characters of base 32
// (most significant first, alphabet ABCDEFGHJKLMNPQRSTUVWXYZ23456789), then
// Length characters of an HMAC-SHA-256 under Secret of "numbered", the
// campaign id, the upper-cased prefix and n in decimal, separated by NUL
// bytes, in the same base 32. Whatever its Count, the set holds no code in
// memory.
type NumberedSet struct {
	Campaign, Prefix, Secret string
	Count, Length            int
}

// Code returns code n of the set.
func (s NumberedSet) Code(n int) string {
	return s.code(hmac.New(sha256.New, []byte(s.Secret)), NormalizeCode(s.Prefix), n)
}

func (s NumberedSet) code(m hash.Hash, prefix string, n int) string {
	var num [numberChars]byte
	for i, k := numberChars-1, n; i >= 0; i-- {
		num[i] = codeAlphabet[k%32]
		k /= 32
	}
	return prefix + string(num[:]) + s.mac(m, prefix, n)
}

// mac is the Length characters that make code n verifiable.
func (s NumberedSet) mac(m hash.Hash, prefix string, n int) string {
	m.Reset()
	m.Write([]byte("numbered\x00" + s.Campaign + "\x00" + prefix + "\x00" + strconv.Itoa(n)))
	return codeEncoding().EncodeToString(m.Sum(nil))[:s.Length]
}

// All lists the set's codes in number order, one at a time.
func (s NumberedSet) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		m, prefix := hmac.New(sha256.New, []byte(s.Secret)), NormalizeCode(s.Prefix)
		for n := range s.Count {
			if !yield(s.code(m, prefix, n)) {
				return
			}
		}
	}
}

// Contains reports whether code, normalized (NormalizeCode), is one of the
// set's: its prefix, a number below Count and the characters that number
// gives under the secret.
func (s NumberedSet) Contains(code string) bool {
	prefix := NormalizeCode(s.Prefix)
	rest, ok := strings.CutPrefix(code, prefix)
	if !ok || len(rest) != numberChars+s.Length || s.Length <= 0 {
		return false
	}
	n := 0
	for i := range numberChars {
		k := strings.IndexByte(codeAlphabet, rest[i])
		if k < 0 {
			return false
		}
		n = n*32 + k
	}
	if n >= s.Count {
		return false
	}
	want := s.mac(hmac.New(sha256.New, []byte(s.Secret)), prefix, n)
	return hmac.Equal([]byte(rest[numberChars:]), []byte(want))
}
