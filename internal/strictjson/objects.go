package strictjson

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// Objects and arrays: struct fields, unknown fields and keys repeated in
// an object, maps, slices and values of any type.

// member reads the key of an object's next member and its colon, and
// steps into the key on the path; false, with the member's value skipped,
// when the key cannot be read.
func (d *decoder) member() ([]byte, bool) {
	key, ok := d.key()
	d.colon()
	if !ok {
		d.skip()
		return nil, false
	}
	d.path = append(d.path, seg{key: key})
	return key, true
}

// leave steps out of the last key or index of the path.
func (d *decoder) leave() { d.path = d.path[:len(d.path)-1] }

// object decodes an object into the struct v: each key once, each a field.
func (d *decoder) object(p *plan, v reflect.Value) {
	d.open()
	var seen uint64
	var seenMore []bool
	if len(p.fields) > 64 {
		seenMore = make([]bool, len(p.fields))
	}
	var unknown map[string]bool
	for first := true; d.nextKey(first); first = false {
		key, ok := d.member()
		if !ok {
			continue
		}
		i, known := p.byName[string(key)]
		switch {
		case !known && unknown[string(key)]:
			d.duplicate()
		case !known:
			if unknown == nil {
				unknown = map[string]bool{}
			}
			unknown[string(key)] = true
			if now, ok := p.renamed[string(key)]; ok {
				d.add(located{reason: fmt.Sprintf("unknown field; renamed to %q", now), kind: UnknownField, renamed: now})
			} else {
				d.fail(UnknownField, "unknown field (known: %s)", p.known)
			}
			d.skip()
		case i < 64 && seen&(1<<i) != 0, i >= 64 && seenMore[i]:
			d.duplicate()
		default:
			if i < 64 {
				seen |= 1 << i
			} else {
				seenMore[i] = true
			}
			f := &p.fields[i]
			d.value(f.plan, v.FieldByIndex(f.index))
		}
		d.leave()
	}
}

// mapValue decodes an object, starting with c, into a map with string
// keys.
func (d *decoder) mapValue(p *plan, v reflect.Value, c byte) {
	if !d.starts(c, '{', "want an object") {
		return
	}
	if p.badMapKey {
		d.fail(BadValue, "unsupported map key type %s", p.typ.Key())
		d.skip()
		return
	}
	d.open()
	m := reflect.MakeMap(p.typ)
	kt := p.typ.Key()
	for first := true; d.nextKey(first); first = false {
		key, ok := d.member()
		if !ok {
			continue
		}
		k := reflect.ValueOf(string(key)).Convert(kt)
		if m.MapIndex(k).IsValid() {
			d.duplicate()
		} else {
			e := reflect.New(p.elem.typ).Elem()
			d.value(p.elem, e)
			m.SetMapIndex(k, e)
		}
		d.leave()
	}
	v.Set(m)
}

// array decodes an array into the slice v.
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
		d.leave()
		n++
	}
	v.Set(s)
}

// anyValue decodes a value into map[string]any, []any, json.Number,
// string, bool or nil.
func (d *decoder) anyValue() (any, bool) {
	switch c := d.peek(); {
	case c == '{':
		return d.anyObject()
	case c == '[':
		d.open()
		s := []any{}
		ok := true
		for d.nextElement(len(s) == 0) {
			d.path = append(d.path, seg{index: len(s)})
			x, xok := d.anyValue()
			s = append(s, x)
			ok = ok && xok
			d.leave()
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
		if !d.numberFits(len(lit)) {
			return nil, false
		}
		return json.Number(lit), true
	}
}

// anyObject decodes an object into a map[string]any.
func (d *decoder) anyObject() (any, bool) {
	d.open()
	m := map[string]any{}
	ok := true
	for first := true; d.nextKey(first); first = false {
		key, kok := d.member()
		if !kok {
			ok = false
			continue
		}
		if _, dup := m[string(key)]; dup {
			d.duplicate()
			ok = false
		} else {
			x, xok := d.anyValue()
			m[string(key)] = x
			ok = ok && xok
		}
		d.leave()
	}
	return m, ok
}
