// Package strictjson decodes JSON into Go values strictly and reports every
// problem at once, each located by its JSON path (for example
// "campaigns[2].benefit.percent"): unknown fields, wrong types, values a
// type's UnmarshalText rejects. It understands json struct tags,
// decimal.Decimal and decimal.NullDecimal (from a number or a string), and
// encoding.TextUnmarshaler types (from a string).
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Problem is one thing wrong with the input, at a JSON path.
type Problem struct {
	Path   string
	Reason string
}

// Decode decodes data into v (a non-nil pointer) and returns every problem
// found. Where a value is wrong the target keeps its zero value and
// decoding goes on with the rest.
func Decode(data []byte, v any) []Problem {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return []Problem{{Reason: syntaxReason(data, err)}}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return []Problem{{Reason: "unexpected data after the top-level value"}}
	}
	d := &decoder{problems: duplicateKeys(data)}
	d.assign("", raw, reflect.ValueOf(v).Elem())
	return d.problems
}

func syntaxReason(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return fmt.Sprintf("invalid JSON at line %d, column %d: %v", line, col, se)
	}
	if errors.Is(err, io.EOF) {
		return "empty input"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "invalid JSON: unexpected end of input"
	}
	return "invalid JSON: " + err.Error()
}

func position(data []byte, off int64) (line, col int) {
	line, col = 1, 1
	// Offset counts the bytes read, the offending one included.
	for i := int64(0); i < off-1 && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

type decoder struct{ problems []Problem }

func (d *decoder) fail(path, format string, args ...any) {
	d.problems = append(d.problems, Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
}

func decimalType() reflect.Type     { return reflect.TypeFor[decimal.Decimal]() }
func nullDecimalType() reflect.Type { return reflect.TypeFor[decimal.NullDecimal]() }
func textType() reflect.Type        { return reflect.TypeFor[encoding.TextUnmarshaler]() }

func kindOf(raw any) string {
	switch raw.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", raw)
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func (d *decoder) assign(path string, raw any, v reflect.Value) {
	t := v.Type()
	switch t {
	case decimalType():
		if raw == nil {
			return
		}
		if dv, ok := d.decimal(path, raw); ok {
			v.Set(reflect.ValueOf(dv))
		}
		return
	case nullDecimalType():
		if raw == nil {
			return
		}
		if dv, ok := d.decimal(path, raw); ok {
			v.Set(reflect.ValueOf(decimal.NullDecimal{Decimal: dv, Valid: true}))
		}
		return
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textType()) {
		if raw == nil {
			return
		}
		s, ok := raw.(string)
		if !ok {
			d.fail(path, "want a string, got %s", kindOf(raw))
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.fail(path, "%v", err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if raw == nil {
			return
		}
		p := reflect.New(t.Elem())
		before := len(d.problems)
		d.assign(path, raw, p.Elem())
		// A wrong value leaves the pointer nil; an object keeps what
		// could be decoded of it.
		_, isObject := raw.(map[string]any)
		if len(d.problems) == before || isObject && t.Elem().Kind() == reflect.Struct && !isScalar(t.Elem()) {
			v.Set(p)
		}
	case reflect.Struct:
		d.object(path, raw, v)
	case reflect.Slice:
		if raw == nil {
			return
		}
		arr, ok := raw.([]any)
		if !ok {
			d.fail(path, "want an array, got %s", kindOf(raw))
			return
		}
		s := reflect.MakeSlice(t, len(arr), len(arr))
		for i, e := range arr {
			d.assign(fmt.Sprintf("%s[%d]", path, i), e, s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		if raw == nil {
			return
		}
		obj, ok := raw.(map[string]any)
		if !ok {
			d.fail(path, "want an object, got %s", kindOf(raw))
			return
		}
		if t.Key().Kind() != reflect.String {
			d.fail(path, "unsupported map key type %s", t.Key())
			return
		}
		m := reflect.MakeMapWithSize(t, len(obj))
		for _, k := range sortedKeys(obj) {
			e := reflect.New(t.Elem()).Elem()
			d.assign(join(path, k), obj[k], e)
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			if raw != nil {
				d.fail(path, "want a string, got %s", kindOf(raw))
			}
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			if raw != nil {
				d.fail(path, "want true or false, got %s", kindOf(raw))
			}
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := raw.(json.Number)
		if !ok {
			if raw != nil {
				d.fail(path, "want a whole number, got %s", kindOf(raw))
			}
			return
		}
		i, err := strconv.ParseInt(string(n), 10, t.Bits())
		if err != nil {
			d.fail(path, "want a whole number, got %s", n)
			return
		}
		v.SetInt(i)
	case reflect.Interface:
		if raw != nil {
			v.Set(reflect.ValueOf(raw))
		}
	default:
		d.fail(path, "unsupported type %s", t)
	}
}

// isScalar reports whether t decodes from a single JSON value rather than
// an object (decimals, TextUnmarshaler types such as time.Time).
func isScalar(t reflect.Type) bool {
	return t == decimalType() || t == nullDecimalType() || reflect.PointerTo(t).Implements(textType())
}

func (d *decoder) decimal(path string, raw any) (decimal.Decimal, bool) {
	var s string
	switch x := raw.(type) {
	case json.Number:
		s = string(x)
	case string:
		s = x
	default:
		d.fail(path, "want a number, got %s", kindOf(raw))
		return decimal.Decimal{}, false
	}
	dv, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		d.fail(path, "want a decimal number such as 12.34, got %q", s)
		return decimal.Decimal{}, false
	}
	return dv, true
}

// field is one JSON-visible field of a struct.
type field struct {
	name  string
	index []int
}

func fields(t reflect.Type) []field {
	var out []field
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
		out = append(out, field{name: name, index: f.Index})
	}
	return out
}

func (d *decoder) object(path string, raw any, v reflect.Value) {
	if raw == nil {
		return
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		d.fail(path, "want an object, got %s", kindOf(raw))
		return
	}
	fs := fields(v.Type())
	for _, k := range sortedKeys(obj) {
		var f *field
		for i := range fs {
			if fs[i].name == k {
				f = &fs[i]
				break
			}
		}
		if f == nil {
			names := make([]string, len(fs))
			for i := range fs {
				names[i] = fs[i].name
			}
			d.fail(join(path, k), "unknown field (known: %s)", strings.Join(names, ", "))
			continue
		}
		d.assign(join(path, k), obj[k], v.FieldByIndex(f.index))
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// duplicateKeys reports every key repeated within one object: encoding/json
// would keep the last one silently. data is valid JSON.
func duplicateKeys(data []byte) []Problem {
	type frame struct {
		object bool
		path   string
		keys   map[string]bool
		key    string // the object's current key, once read
		index  int    // the array's next index
	}
	var out []Problem
	var stack []*frame
	// child returns the path of the value about to be read.
	child := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.object {
			return join(f.path, f.key)
		}
		p := fmt.Sprintf("%s[%d]", f.path, f.index)
		f.index++
		return p
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if len(stack) > 0 {
			if f := stack[len(stack)-1]; f.object && f.key == "" {
				if k, ok := tok.(string); ok {
					if f.keys[k] {
						out = append(out, Problem{Path: join(f.path, k), Reason: "duplicate key: each key once per object"})
					}
					f.keys[k], f.key = true, k
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, path: child(), keys: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{path: child()})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			child() // a scalar value: advance the array index
		}
		// A value ended: the enclosing object waits for its next key.
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = ""
		}
	}
}
