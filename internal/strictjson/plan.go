package strictjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"
)

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

// planFor is the plan of t, made once per decode.
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
		d.structFields(p, t)
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

// structFields fills the plan of struct type t with its exported fields,
// named by their json tags, less those tagged "-".
func (d *decoder) structFields(p *plan, t reflect.Type) {
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
}
