package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A corpus of bad inputs, checked both ways against the schemas and the
// library's own reading (campaign.Load for a ruleset, promo.DecodeCart for
// a cart):
//
//   - whatever the schema refuses, the library refuses too, so that a host
//     that validates with the schema never refuses a document the library
//     would take;
//   - what the library refuses and the schema cannot express is listed in
//     schemaGaps, and checked to stay so (docs/format.md lists them).

// mutation is a bad (or possibly bad) variant of a valid document.
type mutation struct {
	what string        // the change, with its JSON path
	data func() []byte // the variant, made on demand
}

// mutate returns variants of doc, each with one change at one place:
// an unknown property added to each object; each property removed; each
// value replaced by a value of another JSON type; each string replaced by
// one no enumeration has; each number replaced by -1.
func mutate(t *testing.T, doc any) []mutation {
	t.Helper()
	var out []mutation
	add := func(what string, variant func() any) {
		out = append(out, mutation{what, func() []byte {
			data, err := json.Marshal(variant())
			if err != nil {
				t.Fatal(err)
			}
			return data
		}})
	}
	// paths lists every value's location as a series of keys and indexes.
	type loc []any
	var locs []loc
	var walk func(v any, at loc)
	walk = func(v any, at loc) {
		locs = append(locs, slices.Clone(at))
		switch v := v.(type) {
		case map[string]any:
			for _, k := range sortedKeys(v) {
				walk(v[k], append(at, k))
			}
		case []any:
			for i, e := range v {
				walk(e, append(at, i))
			}
		}
	}
	walk(doc, nil)
	for _, at := range locs {
		where := pathString(at)
		v := get(doc, at)
		switch v.(type) {
		case map[string]any:
			if len(at) > 0 && mapProperties[fmt.Sprint(at[len(at)-1])] {
				break // a map: any key is allowed
			}
			add(where+": unknown property zz_unknown", func() any { return set(doc, append(slices.Clone(at), "zz_unknown"), json.Number("1")) })
		case string:
			add(where+": a string no enumeration has", func() any { return set(doc, at, "no_such_value") })
		case json.Number:
			add(where+": -1", func() any { return set(doc, at, json.Number("-1")) })
		}
		if len(at) == 0 {
			continue
		}
		if _, isKey := at[len(at)-1].(string); isKey {
			add(where+": removed", func() any { return remove(doc, at) })
		}
		switch v.(type) {
		case map[string]any, []any:
			add(where+": a string instead", func() any { return set(doc, at, "x") })
		default:
			add(where+": an object instead", func() any { return set(doc, at, map[string]any{}) })
		}
	}
	return out
}

// indexes matches the array indexes of a JSON path.
var indexes = regexp.MustCompile(`\[[0-9]+\]`)

// mapProperties are the properties whose value is a map, where any key is
// allowed: counters and budgets, a points table's brands, a line's
// attributes, a customer's captured fields.
var mapProperties = map[string]bool{"counters": true, "budgets": true, "brands": true, "attributes": true, "captured": true}

func pathString(at []any) string {
	var b strings.Builder
	for _, p := range at {
		switch p := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(p)
		case int:
			fmt.Fprintf(&b, "[%d]", p)
		}
	}
	if b.Len() == 0 {
		return "(root)"
	}
	return b.String()
}

func get(v any, at []any) any {
	for _, p := range at {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	return v
}

// clone copies a decoded JSON value deeply.
func clone(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = clone(e)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = clone(e)
		}
		return s
	}
	return v
}

// set returns a copy of root with the value at at replaced by (or, in an
// object, set to) val.
func set(root any, at []any, val any) any {
	if len(at) == 0 {
		return val
	}
	out := clone(root)
	parent := get(out, at[:len(at)-1])
	switch p := at[len(at)-1].(type) {
	case string:
		parent.(map[string]any)[p] = val
	case int:
		parent.([]any)[p] = val
	}
	return out
}

// remove returns a copy of root without the property at at.
func remove(root any, at []any) any {
	out := clone(root)
	delete(get(out, at[:len(at)-1]).(map[string]any), at[len(at)-1].(string))
	return out
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func decodeAny(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBadInputsSchemaRefusalsAreLibraryRefusals mutates the complete
// example ruleset, the examples' rulesets and every valid cart of the
// scenarios at every place (see mutate; a change at a place that differs
// from one already tried only by array indexes is left out; under -race one
// change in eight is tried, and .ci/run runs it whole), and checks that every variant the
// schema refuses, the library refuses too; an unknown property is refused
// by both.
func TestBadInputsSchemaRefusalsAreLibraryRefusals(t *testing.T) {
	s := loadSchemas(t)
	var bases []document
	for _, d := range documents(t) {
		if decoderAccepts(d.kind, d.data) != nil {
			continue
		}
		if d.kind == "cart" || !strings.Contains(d.name, ".json ruleset") { // every cart; the rulesets outside the scenarios
			bases = append(bases, d)
		}
	}
	full := filepath.Join(repo, "testdata", "examples", "full-ruleset.json")
	if !slices.ContainsFunc(bases, func(d document) bool { return d.name == full }) {
		t.Fatalf("the complete example %s is not among the documents", full)
	}
	counts := map[string]int{}
	tried := map[string]bool{} // a change at a place, indexes left out: once is enough
	for _, base := range bases {
		for _, m := range mutate(t, decodeAny(t, base.data)) {
			key := base.kind + " " + indexes.ReplaceAllString(m.what, "[]")
			if tried[key] {
				continue
			}
			tried[key] = true
			if raceDetector && len(tried)%8 != 0 {
				continue // sampled under -race: one change in eight
			}
			data := m.data()
			schemaErr := s.of(base.kind).Validate(instance(t, data))
			libErr := decoderAccepts(base.kind, data)
			switch {
			case schemaErr != nil && libErr == nil:
				t.Errorf("%s, %s: the schema refuses it, the library accepts it:\n%s", base.name, m.what, short(schemaErr))
			case strings.HasSuffix(m.what, "zz_unknown") && (schemaErr == nil || libErr == nil):
				t.Errorf("%s, %s: an unknown property must be refused by both (schema: %v; library: %v)", base.name, m.what, schemaErr, libErr)
			}
			switch {
			case schemaErr != nil:
				counts["refused by both"]++
			case libErr != nil:
				counts["refused by the library only"]++
				if testing.Verbose() {
					t.Logf("refused by the library only: %s, %s", base.name, m.what)
				}
			default:
				counts["accepted by both"]++
			}
		}
	}
	t.Logf("%d base documents; mutations: %v", len(bases), counts)
	least := 500
	if raceDetector {
		least /= 8
	}
	if counts["refused by both"] < least {
		t.Errorf("only %d mutations refused by both: the corpus lost its documents", counts["refused by both"])
	}
}

// schemaGap is a bad input the library refuses and the schema cannot
// express: checks that need the meaning of the document (references
// between ids, dates in order, CPF check digits) or JSON beyond a schema
// (duplicate keys).
type schemaGap struct {
	what  string
	kind  string // ruleset or cart
	apply func(t *testing.T) []byte
}

// schemaGaps is the list docs/format.md gives, case by case.
func schemaGaps(t *testing.T) []schemaGap {
	t.Helper()
	full, err := os.ReadFile(filepath.Join(repo, "testdata", "examples", "full-ruleset.json"))
	if err != nil {
		t.Fatal(err)
	}
	cart, err := os.ReadFile(filepath.Join(repo, "testdata", "scenarios", "80-troca-preco-liquido-exemplo-do-manual.json"))
	if err != nil {
		t.Fatal(err)
	}
	cartDoc := decodeAny(t, cart).(map[string]any)["cart"]
	rs := func(at []any, val any) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			data, err := json.Marshal(set(decodeAny(t, full), at, val))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	ct := func(at []any, val any) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			data, err := json.Marshal(set(cartDoc, at, val))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	raw := func(s string) func(t *testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }
	firstCondition := []any{"campaigns", 2, "rules", "conditions", 0}
	return []schemaGap{
		{"a category no category defines", "ruleset", rs([]any{"campaigns", 0, "category"}, "no-such-category")},
		{"a grouping no grouping defines", "ruleset", rs(append(slices.Clone(firstCondition), "grouping"), "no-such-grouping")},
		{"two campaigns with one id", "ruleset", rs([]any{"campaigns", 1, "id"}, "acima-200")},
		{"an end before the start", "ruleset", rs([]any{"campaigns", 0, "end"}, "2026-10-01")},
		{"a day that does not exist", "ruleset", rs([]any{"campaigns", 0, "start"}, "2026-02-30")},
		{"two benefit kinds at once", "ruleset", rs([]any{"campaigns", 0, "benefit", "amount"}, "5.00")},
		{"a field the condition's kind does not use", "ruleset", rs(append(slices.Clone(firstCondition), "tolerance_days"), json.Number("3"))},
		{"a percent above 100 written as a string", "ruleset", rs([]any{"campaigns", 0, "benefit", "percent"}, "150")},
		{"a time zone that does not exist", "ruleset", rs([]any{"settings", "time_zone"}, "America/Nowhere")},
		{"a whole number written as a decimal", "ruleset", rs([]any{"campaigns", 0, "priority"}, json.Number("10.0"))},
		{"a duplicate JSON key", "ruleset", raw(`{"version": 1, "version": 1, "campaigns": []}`)},
		{"a CPF with a wrong check digit", "cart", ct([]any{"customer"}, map[string]any{"id": "c-1", "tax_id": "529.982.247-24"})},
		{"two lines with one id", "cart", ct([]any{"lines", 1, "id"}, "A")},
		{"a quantity of zero", "cart", ct([]any{"lines", 0, "quantity"}, "0")},
		{"a quantity with five decimal places", "cart", ct([]any{"lines", 0, "quantity"}, "1.00001")},
		{"a birth date after the sale", "cart", ct([]any{"customer"}, map[string]any{"id": "c-1", "birth_date": "2030-01-01"})},
		{"a wallet without a customer", "cart", ct([]any{"wallet"}, []any{map[string]any{"id": "cr-1", "remaining": "5.00", "available_from": "2026-11-01T00:00:00-03:00"}})},
		{"a professional's CNPJ instead of a CPF", "cart", ct([]any{"professional"}, "11.222.333/0001-81")},
		{"an id longer than settings.limits allows", "cart", ct([]any{"id"}, strings.Repeat("x", 129))},
	}
}

// TestBadInputsTheSchemaCannotExpress checks every case of schemaGaps:
// the schema accepts it and the library refuses it. When the schema
// learns to refuse one, move it out of the list (and out of
// docs/format.md).
func TestBadInputsTheSchemaCannotExpress(t *testing.T) {
	s := loadSchemas(t)
	for _, g := range schemaGaps(t) {
		t.Run(g.what, func(t *testing.T) {
			data := g.apply(t)
			if err := s.of(g.kind).Validate(instance(t, data)); err != nil {
				t.Errorf("the %s schema refuses it (remove it from the gaps and docs/format.md):\n%s", g.kind, short(err))
			}
			if err := decoderAccepts(g.kind, data); err == nil {
				t.Errorf("the library accepts it: not a bad input\n%s", data)
			}
		})
	}
}
