package campaign

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// Change is one field that differs between two versions of a campaign
// (auditoria de campanha): its path in the JSON format and its old and new
// values.
type Change struct {
	// Path is the field's JSON path: "name", "benefit.percent",
	// "rules.conditions[1].values[0]". A key that is not made of letters,
	// digits and underscores is written quoted in brackets: m["a.b"].
	Path string `json:"path"`
	// Old and New are the values as JSON decodes them (nil, bool, string,
	// json.Number, []any, map[string]any); nil when the field is absent on
	// that side (added or removed). An added or removed object or list
	// element is one Change holding the whole value.
	Old any `json:"old"`
	New any `json:"new"`
}

// String writes the change as "path: old -> new", the values in JSON
// (null when absent).
func (c Change) String() string {
	return c.Path + ": " + jsonText(c.Old) + " -> " + jsonText(c.New)
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// Diff lists the fields that differ between two versions of a campaign,
// ordered by path segment by segment (keys in byte order, list indexes in
// numeric order: [2] before [10]); no change gives an empty list.
//
// It compares the two campaigns' JSON forms, so it covers every field the
// format has or gains, under the names the format uses. Consequences, by
// design:
//   - a field the JSON form omits at its zero value (omitempty) is absent
//     there: setting priority from 0 to 3 is {priority, nil, 3}, and an
//     absent field equals a null one;
//   - decimals are compared by value: decimal.Decimal writes its canonical
//     form (no trailing zeros), so "10" and "10.00" are the same and do not
//     show as a change, while other strings compare exactly;
//   - objects are compared key by key and lists index by index: a longer
//     list shows its extra elements as added ({path[i], nil, element}), a
//     shorter one its missing elements as removed; an element inserted in
//     the middle shows as changes from there on.
//
// Diff panics if a campaign cannot be written as JSON, which the format's
// types never cause.
func Diff(before, after Campaign) []Change {
	var out []Change
	diffJSON(&out, "", jsonTree(before), jsonTree(after))
	return out
}

func jsonTree(c Campaign) any {
	b, err := json.Marshal(c)
	if err != nil {
		panic("campaign.Diff: " + err.Error())
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic("campaign.Diff: " + err.Error())
	}
	return v
}

func diffJSON(out *[]Change, path string, a, b any) {
	switch x := a.(type) {
	case map[string]any:
		if y, ok := b.(map[string]any); ok {
			keys := make([]string, 0, len(x)+len(y))
			for k := range x {
				keys = append(keys, k)
			}
			for k := range y {
				if _, dup := x[k]; !dup {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				diffJSON(out, keyPath(path, k), x[k], y[k])
			}
			return
		}
	case []any:
		if y, ok := b.([]any); ok {
			for i := range max(len(x), len(y)) {
				var xi, yi any
				if i < len(x) {
					xi = x[i]
				}
				if i < len(y) {
					yi = y[i]
				}
				diffJSON(out, path+"["+strconv.Itoa(i)+"]", xi, yi)
			}
			return
		}
	}
	if !reflect.DeepEqual(a, b) {
		*out = append(*out, Change{Path: path, Old: a, New: b})
	}
}

func keyPath(path, k string) string {
	plain := k != ""
	for _, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	switch {
	case !plain:
		return path + "[" + strconv.Quote(k) + "]"
	case path == "":
		return k
	}
	return path + "." + k
}
