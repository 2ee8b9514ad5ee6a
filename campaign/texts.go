package campaign

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// texts checks every string of a definition: valid UTF-8, and at most
// settings.limits.max_text_length bytes for names and descriptions,
// max_id_length for every other string (ids, codes, keys, dates, names of
// kinds). It walks the definition's types by reflection once per type, so
// that a field a family gains later is checked too.
func (c *compiler) texts(def *Ruleset) {
	w := &textWalker{c: c, plans: map[reflect.Type]*textPlan{}}
	w.walk(reflect.ValueOf(def).Elem(), w.plan(reflect.TypeFor[Ruleset]()))
}

// textPlan says where the strings of a type are.
type textPlan struct {
	kind   reflect.Kind
	elem   *textPlan // pointers, slices, map values
	fields []textField
	// none marks a type with no string inside (decimals, times, numbers).
	none bool
}

type textField struct {
	name  string // empty for an embedded struct, whose fields are inlined
	index int
	text  bool // a name or a description, not an id
	plan  *textPlan
}

type textWalker struct {
	c     *compiler
	plans map[reflect.Type]*textPlan
	path  []textStep
}

// textStep is a step of a JSON path: a key, or an index when key is "".
type textStep struct {
	key   string
	index int
}

func (w *textWalker) plan(t reflect.Type) *textPlan {
	if p, ok := w.plans[t]; ok {
		return p
	}
	p := &textPlan{kind: t.Kind()}
	w.plans[t] = p
	switch t.Kind() {
	case reflect.String:
	case reflect.Pointer, reflect.Slice:
		p.elem = w.plan(t.Elem())
		p.none = p.elem.none
	case reflect.Map:
		p.elem = w.plan(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			inline := f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct
			if !inline && (!f.IsExported() || name == "-" || name == "") {
				continue
			}
			fp := w.plan(f.Type)
			if !fp.none {
				p.fields = append(p.fields, textField{name: name, index: i, text: name == "name" || name == "description", plan: fp})
			}
		}
		p.none = len(p.fields) == 0
	default:
		p.none = true
	}
	return p
}

func (w *textWalker) at() string {
	var b strings.Builder
	for i, s := range w.path {
		switch {
		case s.key == "":
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case i > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

func (w *textWalker) check(s string, text bool) {
	max, setting := w.c.lim.MaxIDLength, "max_id_length"
	if text {
		max, setting = w.c.lim.MaxTextLength, "max_text_length"
	}
	if len(s) > max {
		w.c.fail(w.at(), "%d bytes: at most %d (settings.limits.%s)", len(s), max, setting)
	} else if !utf8.ValidString(s) {
		w.c.fail(w.at(), "not valid UTF-8")
	}
}

func (w *textWalker) walk(v reflect.Value, p *textPlan) {
	if p.none {
		return
	}
	switch p.kind {
	case reflect.String:
		w.check(v.String(), false)
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), p.elem)
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.path = append(w.path, textStep{index: i})
			w.walk(v.Index(i), p.elem)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			w.check(k.String(), false)
			w.path = append(w.path, textStep{key: k.String()})
			w.walk(v.MapIndex(k), p.elem)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Struct:
		for _, f := range p.fields {
			fv := v.Field(f.index)
			if f.name == "" { // an embedded struct: its fields are the struct's own
				w.walk(fv, f.plan)
				continue
			}
			w.path = append(w.path, textStep{key: f.name})
			if f.plan.kind == reflect.String {
				w.check(fv.String(), f.text)
			} else {
				w.walk(fv, f.plan)
			}
			w.path = w.path[:len(w.path)-1]
		}
	default:
		panic(fmt.Sprintf("campaign: no text walk for %s", p.kind))
	}
}
