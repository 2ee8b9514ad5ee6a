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
	// renamed maps a struct's former field names to the current ones.
	renamed map[string]string
	bits    int
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
	index []int // reflect.Value.FieldByIndex: more than one for an embedded struct's
	plan  *plan
	was   []string // the names the field had before (its was tag)
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
// named by their json tags, less those tagged "-"; the fields of an
// embedded struct without a json name are inlined in its place, as
// encoding/json does, t's own field of a name hiding an embedded one. A
// field's was tag lists its former names, renamed maps them to it.
func (d *decoder) structFields(p *plan, t reflect.Type) {
	p.byName = map[string]int{}
	var names []string
	for _, f := range fieldsOf(t) {
		if _, taken := p.byName[f.name]; taken {
			continue
		}
		p.byName[f.name] = len(p.fields)
		p.fields = append(p.fields, f)
		names = append(names, f.name)
		for _, old := range f.was {
			if p.renamed == nil {
				p.renamed = map[string]string{}
			}
			p.renamed[old] = f.name
		}
	}
	for old := range p.renamed {
		if _, known := p.byName[old]; known {
			delete(p.renamed, old) // a name in use again is no longer a rename
		}
	}
	p.known = strings.Join(names, ", ")
	for i := range p.fields {
		p.fields[i].plan = d.planFor(t.FieldByIndex(p.fields[i].index).Type)
	}
}

// fieldsOf lists the JSON-visible fields of struct type t in the order
// declared, those of an embedded struct without a json name in its place;
// an embedded field that t has a field of the same name for is left out.
func fieldsOf(t reflect.Type) []field {
	var all []field
	direct := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case tag == "-":
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			for _, e := range fieldsOf(f.Type) {
				e.index = append([]int{i}, e.index...)
				all = append(all, e)
			}
		case f.IsExported():
			if name == "" {
				name = f.Name
			}
			var was []string
			if w := f.Tag.Get("was"); w != "" {
				was = strings.Split(w, ",")
			}
			direct[name] = true
			all = append(all, field{name: name, index: []int{i}, was: was})
		}
	}
	out := all[:0:0]
	for _, f := range all {
		if len(f.index) == 1 || !direct[f.name] {
			out = append(out, f)
		}
	}
	return out
}
