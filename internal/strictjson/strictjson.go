// Package strictjson decodes JSON into Go values strictly and reports every
// problem at once, each located by its JSON path (for example
// "campaigns[2].benefit.percent"): unknown fields, keys repeated in an
// object, wrong types, values a type's UnmarshalText rejects, text that is
// not valid UTF-8, and input over its limits. It understands json struct
// tags, decimal.Decimal and decimal.NullDecimal (from a number or a
// string), and encoding.TextUnmarshaler types (from a string).
//
// The input is read once, left to right, straight into the target: the
// size of the document, the nesting, the length of every number (before it
// is parsed) and of every string are bounded by Limits, so that hostile
// input costs time linear in its size and is refused early.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shopspring/decimal"
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
	def := DefaultLimits()
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = def.MaxBytes
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = def.MaxDepth
	}
	if lim.MaxNumber <= 0 {
		lim.MaxNumber = def.MaxNumber
	}
	if lim.MaxString <= 0 {
		lim.MaxString = def.MaxString
	}
	if lim.MaxProblems <= 0 {
		lim.MaxProblems = def.MaxProblems
	}
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

// documentError unwinds the decoder when the document cannot be read on.
type documentError string

// seg is one step of a path: a key, or an index when key is nil.
type seg struct {
	key   []byte
	index int
}

// located is a problem with its path as steps, for sorting.
type located struct {
	segs   []seg
	reason string
	kind   Kind
}

type decoder struct {
	data  []byte
	pos   int
	lim   Limits
	depth int
	path  []seg
	found []located
	count int // problems found, including those over MaxProblems
	plans map[reflect.Type]*plan
	// decimals are the values read, by their text (decimalText).
	decimals map[string]decimal.Decimal
	buf      []byte // unescaped text of the last string read
}

func (d *decoder) fail(kind Kind, format string, args ...any) {
	d.count++
	if len(d.found) >= d.lim.MaxProblems {
		return
	}
	d.found = append(d.found, located{segs: slices.Clone(d.path), reason: fmt.Sprintf(format, args...), kind: kind})
}

func (d *decoder) result() []Problem {
	slices.SortStableFunc(d.found, func(a, b located) int { return compareSegs(a.segs, b.segs) })
	out := make([]Problem, 0, len(d.found)+1)
	for _, f := range d.found {
		out = append(out, Problem{Path: render(f.segs), Reason: f.reason, Kind: f.kind})
	}
	if d.count > len(d.found) {
		out = append(out, Problem{Reason: fmt.Sprintf("%d more problems not listed (at most %d are)", d.count-len(d.found), d.lim.MaxProblems), Kind: BadValue})
	}
	return out
}

func compareSegs(a, b []seg) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		switch {
		case x.key == nil && y.key == nil:
			if c := x.index - y.index; c != 0 {
				return c
			}
		case x.key == nil:
			return -1
		case y.key == nil:
			return 1
		default:
			if c := bytes.Compare(x.key, y.key); c != 0 {
				return c
			}
		}
	}
	return len(a) - len(b)
}

func render(segs []seg) string {
	var b strings.Builder
	for i, s := range segs {
		if s.key == nil {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.Write(s.key)
	}
	return b.String()
}

// The plan of a type says how to decode into it.

type planKind uint8

const (
	pDecimal planKind = iota
	pNullDecimal
	pText
	pPointer
	pStruct
	pSlice
	pMap
	pString
	pBool
	pInt
	pInterface
	pUnsupported
)

type plan struct {
	kind   planKind
	typ    reflect.Type
	elem   *plan // pointer, slice and map elements
	fields []field
	byName map[string]int
	known  string // the known field names, for unknown-field problems
	bits   int
	// object reports, for a pointer, that its element decodes from an
	// object: a pointer to a partly decoded object is kept; for a text
	// type, that it reads JSON itself (json.Unmarshaler).
	object bool
	// badMapKey is set for maps whose key is not a string.
	badMapKey bool
}

// field is one JSON-visible field of a struct.
type field struct {
	name  string
	index int
	plan  *plan
}

func (d *decoder) planFor(t reflect.Type) *plan {
	if p, ok := d.plans[t]; ok {
		return p
	}
	p := &plan{typ: t}
	d.plans[t] = p // before the elements: types may be recursive
	switch {
	case t == reflect.TypeFor[decimal.Decimal]():
		p.kind = pDecimal
		return p
	case t == reflect.TypeFor[decimal.NullDecimal]():
		p.kind = pNullDecimal
		return p
	case t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()):
		p.kind = pText
		// A type that also reads JSON itself (time.Time) is given the
		// string as written, quotes and escapes included, as encoding/json
		// gives it.
		p.object = reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]())
		return p
	}
	switch t.Kind() {
	case reflect.Pointer:
		p.kind = pPointer
		p.elem = d.planFor(t.Elem())
		p.object = p.elem.kind == pStruct
	case reflect.Struct:
		p.kind = pStruct
		p.byName = map[string]int{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			p.byName[name] = len(p.fields)
			p.fields = append(p.fields, field{name: name, index: i})
			names = append(names, name)
		}
		p.known = strings.Join(names, ", ")
		for i := range p.fields {
			p.fields[i].plan = d.planFor(t.Field(p.fields[i].index).Type)
		}
	case reflect.Slice:
		p.kind = pSlice
		p.elem = d.planFor(t.Elem())
	case reflect.Map:
		p.kind = pMap
		p.badMapKey = t.Key().Kind() != reflect.String
		p.elem = d.planFor(t.Elem())
	case reflect.String:
		p.kind = pString
	case reflect.Bool:
		p.kind = pBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = pInt
		p.bits = t.Bits()
	case reflect.Interface:
		p.kind = pInterface
	default:
		p.kind = pUnsupported
	}
	return p
}

// value decodes the next JSON value into v according to p.
func (d *decoder) value(p *plan, v reflect.Value) {
	c := d.peek()
	if c == 'n' && p.kind != pUnsupported {
		d.literal("null")
		return // null leaves the zero value
	}
	switch p.kind {
	case pDecimal, pNullDecimal:
		var dv decimal.Decimal
		var ok bool
		switch {
		case c == '"':
			raw, escaped, valid := d.rawString()
			switch {
			case !valid:
				d.fail(BadValue, "want a decimal number such as 12.34, got text that is not valid UTF-8")
			case len(raw) > d.lim.MaxNumber:
				d.fail(BadValue, "a number of %d characters: at most %d", len(raw), d.lim.MaxNumber)
			case escaped:
				d.fail(BadValue, "want a decimal number such as 12.34, got %q", raw)
			default:
				dv, ok = d.decimalText(raw)
			}
		case c == '-' || (c >= '0' && c <= '9'):
			lit, _ := d.number()
			if len(lit) > d.lim.MaxNumber {
				d.fail(BadValue, "a number of %d characters: at most %d", len(lit), d.lim.MaxNumber)
			} else {
				dv, ok = d.decimalText(lit)
			}
		default:
			d.wrong("want a number", c)
		}
		if !ok {
			return
		}
		if p.kind == pDecimal {
			v.Set(reflect.ValueOf(dv))
		} else {
			v.Set(reflect.ValueOf(decimal.NullDecimal{Decimal: dv, Valid: true}))
		}
	case pText:
		if c != '"' {
			d.wrong("want a string", c)
			return
		}
		start := d.pos
		text, ok := d.text()
		if !ok {
			return
		}
		var err error
		if p.object {
			err = v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.data[start:d.pos])
		} else {
			err = v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text)
		}
		if err != nil {
			d.fail(BadValue, "%v", err)
		}
	case pString:
		if c != '"' {
			d.wrong("want a string", c)
			return
		}
		if text, ok := d.text(); ok {
			v.SetString(string(text))
		}
	case pBool:
		switch c {
		case 't':
			d.literal("true")
			v.SetBool(true)
		case 'f':
			d.literal("false")
		default:
			d.wrong("want true or false", c)
		}
	case pInt:
		if c != '-' && (c < '0' || c > '9') {
			d.wrong("want a whole number", c)
			return
		}
		lit, whole := d.number()
		if len(lit) > d.lim.MaxNumber {
			d.fail(BadValue, "a number of %d characters: at most %d", len(lit), d.lim.MaxNumber)
			return
		}
		i, ok := parseInt(lit, whole, p.bits)
		if !ok {
			d.fail(BadValue, "want a whole number, got %s", lit)
			return
		}
		v.SetInt(i)
	case pPointer:
		nv := reflect.New(p.elem.typ)
		before := d.count
		d.value(p.elem, nv.Elem())
		// A wrong value leaves the pointer nil; an object keeps what could
		// be decoded of it.
		if d.count == before || (c == '{' && p.object) {
			v.Set(nv)
		}
	case pStruct:
		if c != '{' {
			d.wrong("want an object", c)
			return
		}
		d.object(p, v)
	case pSlice:
		if c != '[' {
			d.wrong("want an array", c)
			return
		}
		d.array(p, v)
	case pMap:
		if c != '{' {
			d.wrong("want an object", c)
			return
		}
		if p.badMapKey {
			d.fail(BadValue, "unsupported map key type %s", p.typ.Key())
			d.skip()
			return
		}
		d.mapObject(p, v)
	case pInterface:
		if x, ok := d.anyValue(); ok && x != nil {
			v.Set(reflect.ValueOf(x))
		}
	default:
		d.fail(BadValue, "unsupported type %s", p.typ)
		d.skip()
	}
}

// wrong reports a value of the wrong JSON type, starting with c, and skips it.
func (d *decoder) wrong(want string, c byte) {
	kind := BadValue
	if len(d.path) == 0 {
		kind = Document // the document is not what it should be at all
	}
	d.fail(kind, "%s, got %s", want, kindOf(c))
	d.skip()
}

func kindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func (d *decoder) object(p *plan, v reflect.Value) {
	d.open()
	var seen uint64
	var seenMore []bool
	if len(p.fields) > 64 {
		seenMore = make([]bool, len(p.fields))
	}
	var unknown map[string]bool
	for first := true; d.nextKey(first); first = false {
		key, ok := d.key()
		d.colon()
		if !ok {
			d.skip()
			continue
		}
		d.path = append(d.path, seg{key: key})
		i, known := p.byName[string(key)]
		switch {
		case !known && unknown[string(key)]:
			d.fail(DuplicateKey, "duplicate key: each key once per object")
			d.skip()
		case !known:
			if unknown == nil {
				unknown = map[string]bool{}
			}
			unknown[string(key)] = true
			d.fail(UnknownField, "unknown field (known: %s)", p.known)
			d.skip()
		case i < 64 && seen&(1<<i) != 0, i >= 64 && seenMore[i]:
			d.fail(DuplicateKey, "duplicate key: each key once per object")
			d.skip()
		default:
			if i < 64 {
				seen |= 1 << i
			} else {
				seenMore[i] = true
			}
			f := &p.fields[i]
			d.value(f.plan, v.Field(f.index))
		}
		d.path = d.path[:len(d.path)-1]
	}
}

func (d *decoder) mapObject(p *plan, v reflect.Value) {
	d.open()
	m := reflect.MakeMap(p.typ)
	kt := p.typ.Key()
	for first := true; d.nextKey(first); first = false {
		key, ok := d.key()
		d.colon()
		if !ok {
			d.skip()
			continue
		}
		d.path = append(d.path, seg{key: key})
		k := reflect.ValueOf(string(key)).Convert(kt)
		if m.MapIndex(k).IsValid() {
			d.fail(DuplicateKey, "duplicate key: each key once per object")
			d.skip()
		} else {
			e := reflect.New(p.elem.typ).Elem()
			d.value(p.elem, e)
			m.SetMapIndex(k, e)
		}
		d.path = d.path[:len(d.path)-1]
	}
	v.Set(m)
}

func (d *decoder) array(p *plan, v reflect.Value) {
	d.open()
	s := reflect.MakeSlice(p.typ, 0, 0)
	n := 0
	for d.nextElement(n == 0) {
		if n == s.Cap() {
			ns := reflect.MakeSlice(p.typ, n, max(4, 2*n))
			reflect.Copy(ns, s)
			s = ns
		}
		s = s.Slice(0, n+1)
		d.path = append(d.path, seg{index: n})
		d.value(p.elem, s.Index(n))
		d.path = d.path[:len(d.path)-1]
		n++
	}
	v.Set(s)
}

// anyValue decodes a value into map[string]any, []any, json.Number,
// string, bool or nil.
func (d *decoder) anyValue() (any, bool) {
	switch c := d.peek(); {
	case c == '{':
		d.open()
		m := map[string]any{}
		ok := true
		for first := true; d.nextKey(first); first = false {
			key, kok := d.key()
			d.colon()
			if !kok {
				d.skip()
				ok = false
				continue
			}
			d.path = append(d.path, seg{key: key})
			if _, dup := m[string(key)]; dup {
				d.fail(DuplicateKey, "duplicate key: each key once per object")
				d.skip()
				ok = false
			} else {
				x, xok := d.anyValue()
				m[string(key)] = x
				ok = ok && xok
			}
			d.path = d.path[:len(d.path)-1]
		}
		return m, ok
	case c == '[':
		d.open()
		s := []any{}
		ok := true
		for d.nextElement(len(s) == 0) {
			d.path = append(d.path, seg{index: len(s)})
			x, xok := d.anyValue()
			s = append(s, x)
			ok = ok && xok
			d.path = d.path[:len(d.path)-1]
		}
		return s, ok
	case c == '"':
		text, ok := d.text()
		return string(text), ok
	case c == 't':
		d.literal("true")
		return true, true
	case c == 'f':
		d.literal("false")
		return false, true
	case c == 'n':
		d.literal("null")
		return nil, true
	default:
		lit, _ := d.number()
		if len(lit) > d.lim.MaxNumber {
			d.fail(BadValue, "a number of %d characters: at most %d", len(lit), d.lim.MaxNumber)
			return nil, false
		}
		return json.Number(lit), true
	}
}

// parseInt parses a JSON number written as a whole number into an int of
// the given bits.
func parseInt(lit []byte, whole bool, bits int) (int64, bool) {
	if !whole {
		return 0, false
	}
	if len(lit) > 18 {
		i, err := strconv.ParseInt(string(lit), 10, bits)
		return i, err == nil
	}
	neg := lit[0] == '-'
	if neg {
		lit = lit[1:]
	}
	var n int64
	for _, c := range lit {
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	if bits < 64 && (n < -1<<(bits-1) || n > 1<<(bits-1)-1) {
		return 0, false
	}
	return n, true
}

// decimalText parses a decimal from its text, as decimal.NewFromString
// does, reporting a problem when it cannot.
// A decimal is immutable: the same text read again is the same value, and
// the document's decimals share it (a ruleset of thousands of campaigns
// repeats its percents and amounts).
func (d *decoder) decimalText(text []byte) (decimal.Decimal, bool) {
	if dv, ok := d.decimals[string(text)]; ok {
		return dv, true
	}
	dv, err := parseDecimal(text)
	if err != "" {
		d.fail(BadValue, "%s", err)
		return decimal.Decimal{}, false
	}
	if d.decimals == nil {
		d.decimals = map[string]decimal.Decimal{}
	}
	d.decimals[string(text)] = dv
	return dv, true
}

// parseDecimal reads text of at most a few dozen characters: an optional
// sign, digits with at most one point, an optional exponent. What it
// accepts, decimal.NewFromString accepts too, with the same value (not the
// other way round: NewFromString also takes a Unicode minus sign).
func parseDecimal(text []byte) (decimal.Decimal, string) {
	bad := func() (decimal.Decimal, string) {
		return decimal.Decimal{}, fmt.Sprintf("want a decimal number such as 12.34, got %q", text)
	}
	s := text
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var exp int64
	if i := bytes.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.ParseInt(string(s[i+1:]), 10, 32)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return decimal.Decimal{}, fmt.Sprintf("the exponent of %s is out of range: at most %d either way", text, MaxExponent)
			}
			return bad()
		}
		exp = e
		s = s[:i]
	}
	var digits []byte
	if i := bytes.IndexByte(s, '.'); i >= 0 {
		frac := s[i+1:]
		if bytes.IndexByte(frac, '.') >= 0 {
			return bad()
		}
		exp -= int64(len(frac))
		digits = append(append(make([]byte, 0, len(s)), s[:i]...), frac...)
	} else {
		digits = s
	}
	if len(digits) == 0 {
		return bad()
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return bad()
		}
	}
	if exp > MaxExponent || exp < -MaxExponent {
		return decimal.Decimal{}, fmt.Sprintf("the exponent of %s is out of range: at most %d either way", text, MaxExponent)
	}
	if len(digits) <= 18 {
		var n int64
		for _, c := range digits {
			n = n*10 + int64(c-'0')
		}
		if neg {
			n = -n
		}
		return decimal.New(n, int32(exp)), ""
	}
	b, ok := new(big.Int).SetString(string(digits), 10)
	if !ok {
		return bad()
	}
	if neg {
		b.Neg(b)
	}
	return decimal.NewFromBigInt(b, int32(exp)), ""
}

// The scanner.

func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the next byte that is not space.
func (d *decoder) peek() byte {
	d.skipSpace()
	if d.pos >= len(d.data) {
		panic(documentError("invalid JSON: unexpected end of input"))
	}
	return d.data[d.pos]
}

func (d *decoder) syntax(context string) {
	if d.pos >= len(d.data) {
		panic(documentError("invalid JSON: unexpected end of input"))
	}
	line, col := 1, 1
	for _, b := range d.data[:d.pos] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	panic(documentError(fmt.Sprintf("invalid JSON at line %d, column %d: invalid character %s %s", line, col, quoteChar(d.data[d.pos]), context)))
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	if c >= utf8.RuneSelf {
		s = fmt.Sprintf(`"\x%02x"`, c)
	}
	return "'" + s[1:len(s)-1] + "'"
}

func (d *decoder) literal(word string) {
	for i := 0; i < len(word); i++ {
		if d.pos >= len(d.data) {
			panic(documentError("invalid JSON: unexpected end of input"))
		}
		if d.data[d.pos] != word[i] {
			d.syntax("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
		}
		d.pos++
	}
}

// open consumes the '{' or '[' of a container one level deeper.
func (d *decoder) open() {
	d.depth++
	if d.depth > d.lim.MaxDepth {
		line, col := 1, 1
		for _, b := range d.data[:d.pos] {
			if b == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		panic(documentError(fmt.Sprintf("invalid JSON at line %d, column %d: nested deeper than %d levels", line, col, d.lim.MaxDepth)))
	}
	d.pos++
}

// nextKey moves to the next key of an object (the first one when first),
// or past the object's end and returns false.
func (d *decoder) nextKey(first bool) bool {
	c := d.peek()
	if c == '}' && first {
		d.pos++
		d.depth--
		return false
	}
	if !first {
		switch c {
		case ',':
			d.pos++
			c = d.peek()
		case '}':
			d.pos++
			d.depth--
			return false
		default:
			d.syntax("after object key:value pair")
		}
	}
	if c != '"' {
		d.syntax("looking for beginning of object key string")
	}
	return true
}

// nextElement moves to the next element of an array (the first one when
// first), or past the array's end and returns false.
func (d *decoder) nextElement(first bool) bool {
	c := d.peek()
	if c == ']' && first {
		d.pos++
		d.depth--
		return false
	}
	if !first {
		switch c {
		case ',':
			d.pos++
			d.peek()
		case ']':
			d.pos++
			d.depth--
			return false
		default:
			d.syntax("after array element")
		}
	}
	return true
}

// key reads an object key; false (with a problem at the object's path)
// when it is not valid UTF-8.
func (d *decoder) key() ([]byte, bool) {
	raw, escaped, valid, why := d.scanString()
	if !valid {
		d.fail(BadValue, "a key that is not valid UTF-8%s", why)
		return nil, false
	}
	if len(raw) > d.lim.MaxString {
		d.fail(BadValue, "a key of %d bytes: at most %d", len(raw), d.lim.MaxString)
		return nil, false
	}
	if escaped {
		return slices.Clone(d.buf), true
	}
	return raw, true
}

func (d *decoder) colon() {
	if d.peek() != ':' {
		d.syntax("after object key")
	}
	d.pos++
}

// text reads a string value; false, with a problem, when it is not valid
// UTF-8 or too long. The bytes are valid until the next string is read.
func (d *decoder) text() ([]byte, bool) {
	raw, escaped, valid, why := d.scanString()
	if !valid {
		d.fail(BadValue, "not valid UTF-8%s", why)
		return nil, false
	}
	if escaped {
		raw = d.buf
	}
	if len(raw) > d.lim.MaxString {
		d.fail(BadValue, "a text of %d bytes: at most %d", len(raw), d.lim.MaxString)
		return nil, false
	}
	return raw, true
}

// rawString reads a string without decoding its escapes: the bytes
// between the quotes.
func (d *decoder) rawString() (raw []byte, escaped, valid bool) {
	start := d.pos + 1
	_, escaped, valid, _ = d.scanString()
	return d.data[start : d.pos-1], escaped, valid
}

// scanString reads the string at pos. Without escapes, raw is the bytes
// between the quotes; with escapes, the decoded text is in d.buf. valid is
// false, with why, for bytes that are not UTF-8 or a lone surrogate.
func (d *decoder) scanString() (raw []byte, escaped, valid bool, why string) {
	d.pos++ // the opening quote
	start := d.pos
	valid = true
	data := d.data
	for {
		// The plain run.
		run := d.pos
		for d.pos < len(data) {
			c := data[d.pos]
			if c < utf8.RuneSelf {
				if c == '"' || c == '\\' || c < 0x20 {
					break
				}
				d.pos++
				continue
			}
			r, size := utf8.DecodeRune(data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				if valid {
					valid, why = false, fmt.Sprintf(" (byte 0x%02x at offset %d of the text)", c, d.pos-start)
				}
			}
			d.pos += size
		}
		if escaped {
			d.buf = append(d.buf, data[run:d.pos]...)
		}
		if d.pos >= len(data) {
			panic(documentError("invalid JSON: unexpected end of input"))
		}
		c := data[d.pos]
		switch {
		case c == '"':
			d.pos++
			if escaped {
				return nil, true, valid, why
			}
			return data[start : d.pos-1], false, valid, why
		case c < 0x20:
			d.syntax("in string literal")
		}
		// An escape.
		if !escaped {
			escaped = true
			d.buf = append(d.buf[:0], data[start:d.pos]...)
		}
		d.pos++
		if d.pos >= len(data) {
			panic(documentError("invalid JSON: unexpected end of input"))
		}
		switch e := data[d.pos]; e {
		case '"', '\\', '/':
			d.buf = append(d.buf, e)
			d.pos++
		case 'b':
			d.buf = append(d.buf, '\b')
			d.pos++
		case 'f':
			d.buf = append(d.buf, '\f')
			d.pos++
		case 'n':
			d.buf = append(d.buf, '\n')
			d.pos++
		case 'r':
			d.buf = append(d.buf, '\r')
			d.pos++
		case 't':
			d.buf = append(d.buf, '\t')
			d.pos++
		case 'u':
			d.pos++
			r := d.hex4()
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if d.pos+1 < len(data) && data[d.pos] == '\\' && data[d.pos+1] == 'u' {
					save := d.pos
					d.pos += 2
					r2 = d.hex4()
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						d.buf = utf8.AppendRune(d.buf, dec)
						continue
					}
					d.pos = save
				}
				if valid {
					valid, why = false, fmt.Sprintf(": lone surrogate \\u%04x", r)
				}
				continue
			}
			d.buf = utf8.AppendRune(d.buf, r)
		default:
			d.syntax("in string escape code")
		}
	}
}

func (d *decoder) hex4() rune {
	if d.pos+4 > len(d.data) {
		d.pos = len(d.data)
		panic(documentError("invalid JSON: unexpected end of input"))
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := d.data[d.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			d.syntax("in \\u hexadecimal character escape")
		}
		d.pos++
	}
	return r
}

// number reads a JSON number and returns its text, and whether it is
// written as a whole number (no fraction, no exponent). Its length is
// counted as it is read; nothing is parsed.
func (d *decoder) number() (lit []byte, whole bool) {
	data := d.data
	start := d.pos
	whole = true
	if data[d.pos] == '-' {
		d.pos++
	}
	digits := func() int {
		n := 0
		for d.pos < len(data) && data[d.pos] >= '0' && data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.pos >= len(data) {
		panic(documentError("invalid JSON: unexpected end of input"))
	}
	switch c := data[d.pos]; {
	case c == '0':
		d.pos++
	case c >= '1' && c <= '9':
		digits()
	default:
		d.syntax("in numeric literal")
	}
	if d.pos < len(data) && data[d.pos] == '.' {
		whole = false
		d.pos++
		if digits() == 0 {
			d.syntax("after decimal point in numeric literal")
		}
	}
	if d.pos < len(data) && (data[d.pos] == 'e' || data[d.pos] == 'E') {
		whole = false
		d.pos++
		if d.pos < len(data) && (data[d.pos] == '+' || data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			d.syntax("in exponent of numeric literal")
		}
	}
	return data[start:d.pos], whole
}

// skip reads past the next value, checking its syntax and depth only.
func (d *decoder) skip() {
	switch c := d.peek(); {
	case c == '{':
		d.open()
		for first := true; d.nextKey(first); first = false {
			d.scanString()
			d.colon()
			d.skip()
		}
	case c == '[':
		d.open()
		for first := true; d.nextElement(first); first = false {
			d.skip()
		}
	case c == '"':
		d.scanString()
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		d.number()
	default:
		d.syntax("looking for beginning of value")
	}
}
