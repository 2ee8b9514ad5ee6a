// Package strictjson decodes JSON into Go values strictly and reports every
// problem at once, each located by its JSON path (for example
// "campaigns[2].benefit.percent"): unknown fields, keys repeated in an
// object, wrong types, values a type's UnmarshalText rejects, text that is
// not valid UTF-8, and input over its limits. It understands json struct
// tags, embedded structs (their fields inlined, as encoding/json does),
// decimal.Decimal and decimal.NullDecimal (from a number or a string), and
// encoding.TextUnmarshaler types (from a string).
//
// A field's was tag lists the names it had before, comma-separated
// (`json:"funded_by" was:"funder"`): a key spelled so is still refused as
// an unknown field, and its problem says what the field is called now.
//
// The input is read once, left to right, straight into the target: the
// size of the document, the nesting, the length of every number (before it
// is parsed) and of every string are bounded by Limits, so that hostile
// input costs time linear in its size and is refused early.
package strictjson

import (
	"fmt"
	"reflect"
)

// Kind says what a problem is about.
type Kind uint8

const (
	// Document is a problem with the document as a whole (not JSON, empty,
	// too large, nested too deep, not of the target's type): nothing is
	// decoded, and it is the only problem reported. Its path is empty.
	Document Kind = iota
	// UnknownField is a key the target struct has no field for.
	UnknownField
	// DuplicateKey is a key repeated within one object.
	DuplicateKey
	// BadValue is a value of a known field that could not be decoded: the
	// wrong type, a value the type refuses, text that is not UTF-8, a
	// number or string over its limit. The target keeps its zero value.
	BadValue
)

// Problem is one thing wrong with the input, at a JSON path.
type Problem struct {
	Path   string
	Reason string
	Kind   Kind
	// Renamed is, for an unknown field that a was tag names, what the
	// field is called now.
	Renamed string
}

// Limits bound what Decode reads. A zero field takes its default from
// DefaultLimits.
type Limits struct {
	// MaxBytes is the size of the document.
	MaxBytes int
	// MaxDepth is how deep arrays and objects may nest.
	MaxDepth int
	// MaxNumber is the length in characters of a number, as a JSON number
	// or as a string decoded into a decimal; it is checked before the
	// number is parsed.
	MaxNumber int
	// MaxString is the length in bytes of a string, escapes decoded.
	MaxString int
	// MaxProblems is how many problems are reported; the rest are counted
	// in a last problem.
	MaxProblems int
}

// DefaultLimits are the limits of Decode: a document of 64 MiB, 64 levels
// of nesting, numbers of 40 characters, strings of 64 KiB, 100 problems.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 64 << 20, MaxDepth: 64, MaxNumber: 40, MaxString: 64 << 10, MaxProblems: 100}
}

// withDefaults is lim with each zero or negative field taken from
// DefaultLimits.
func (lim Limits) withDefaults() Limits {
	def := DefaultLimits()
	orDefault := func(n *int, d int) {
		if *n <= 0 {
			*n = d
		}
	}
	orDefault(&lim.MaxBytes, def.MaxBytes)
	orDefault(&lim.MaxDepth, def.MaxDepth)
	orDefault(&lim.MaxNumber, def.MaxNumber)
	orDefault(&lim.MaxString, def.MaxString)
	orDefault(&lim.MaxProblems, def.MaxProblems)
	return lim
}

// MaxExponent bounds the exponent of a decimal (1e10000 is the largest
// power of ten read), as decimal.NewFromString does: past it, arithmetic
// on the value would take time and memory that grow with the exponent.
const MaxExponent = 10000

// Decode decodes data into v (a non-nil pointer) under DefaultLimits and
// returns every problem found.
func Decode(data []byte, v any) []Problem { return DecodeLimits(data, v, Limits{}) }

// DecodeLimits decodes data into v (a non-nil pointer) and returns every
// problem found, sorted by path (the keys of an object in byte order, the
// elements of an array in index order). Where a value is wrong the target
// keeps its zero value and decoding goes on with the rest; a problem of
// Kind Document is reported alone.
func DecodeLimits(data []byte, v any, lim Limits) (problems []Problem) {
	lim = lim.withDefaults()
	if len(data) > lim.MaxBytes {
		return []Problem{{Reason: fmt.Sprintf("a document of %d bytes: at most %d", len(data), lim.MaxBytes), Kind: Document}}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	d := &decoder{data: data, lim: lim, plans: map[reflect.Type]*plan{}}
	defer func() {
		if r := recover(); r != nil {
			de, ok := r.(documentError)
			if !ok {
				panic(r)
			}
			problems = []Problem{{Reason: string(de), Kind: Document}}
		}
	}()
	d.skipSpace()
	if d.pos == len(d.data) {
		return []Problem{{Reason: "empty input", Kind: Document}}
	}
	d.value(d.planFor(rv.Type().Elem()), rv.Elem())
	d.skipSpace()
	if d.pos < len(d.data) {
		return []Problem{{Reason: "unexpected data after the top-level value", Kind: Document}}
	}
	return d.result()
}
