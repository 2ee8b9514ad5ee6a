package strictjson_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/strictjson"
)

// sjColor is a TextUnmarshaler: "red" or "blue".
type sjColor int

func (c *sjColor) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 1
	case "blue":
		*c = 2
	default:
		return fmt.Errorf("unknown color %q", b)
	}
	return nil
}

type sjInner struct {
	Name string   `json:"name"`
	N    int      `json:"n"`
	Tags []string `json:"tags,omitempty"`
}

type sjDoc struct {
	Inner  sjInner             `json:"inner"`
	Ptr    *sjInner            `json:"ptr"`
	List   []sjInner           `json:"list"`
	Map    map[string]sjInner  `json:"map"`
	Price  decimal.Decimal     `json:"price"`
	Maybe  decimal.NullDecimal `json:"maybe"`
	PPrice *decimal.Decimal    `json:"pprice"`
	Color  sjColor             `json:"color"`
	PColor *sjColor            `json:"pcolor"`
	Flag   bool                `json:"flag"`
	Small  int8                `json:"small"`
	Big    int64               `json:"big"`
	Grid   [][]int             `json:"grid"`
	Counts map[string]int      `json:"counts"`
	Any    any                 `json:"any"`
	When   time.Time           `json:"when"`
	Skip   string              `json:"-"`
	NoTag  string
}

var sjOpts = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
}

func sjDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sjProblem is an expected problem: its exact path and part of its reason.
type sjProblem struct{ Path, Contains string }

func sjCheck(t *testing.T, got []strictjson.Problem, want []sjProblem) {
	t.Helper()
	g := make([]sjProblem, len(got))
	for i, p := range got {
		g[i] = sjProblem{p.Path, p.Reason}
	}
	if diff := cmp.Diff(want, g, cmp.Comparer(func(a, b sjProblem) bool {
		return a.Path == b.Path && (strings.Contains(a.Contains, b.Contains) || strings.Contains(b.Contains, a.Contains))
	})); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestDecodeValid(t *testing.T) {
	doc := `{
	  "inner": {"name": "x", "n": 3, "tags": ["a", "b"]},
	  "ptr": {"name": "p"},
	  "list": [{"n": 1}, {"n": 2}],
	  "map": {"k": {"name": "m"}},
	  "price": 12.34,
	  "maybe": "0.50",
	  "pprice": "7",
	  "color": "red",
	  "pcolor": "blue",
	  "flag": true,
	  "small": -128,
	  "big": 9007199254740993,
	  "grid": [[1, 2], []],
	  "counts": {"a": 1},
	  "any": {"x": [1, "s", null]},
	  "when": "2026-11-21T10:15:00-03:00",
	  "NoTag": "nt"
	}`
	var got sjDoc
	if ps := strictjson.Decode([]byte(doc), &got); len(ps) != 0 {
		t.Fatalf("Decode: unexpected problems %v", ps)
	}
	seven := sjDec("7")
	blue := sjColor(2)
	want := sjDoc{
		Inner:  sjInner{Name: "x", N: 3, Tags: []string{"a", "b"}},
		Ptr:    &sjInner{Name: "p"},
		List:   []sjInner{{N: 1}, {N: 2}},
		Map:    map[string]sjInner{"k": {Name: "m"}},
		Price:  sjDec("12.34"),
		Maybe:  decimal.NewNullDecimal(sjDec("0.5")),
		PPrice: &seven,
		Color:  1,
		PColor: &blue,
		Flag:   true,
		Small:  -128,
		Big:    9007199254740993, // 2^53 + 1: no detour through float64
		Grid:   [][]int{{1, 2}, {}},
		Counts: map[string]int{"a": 1},
		Any:    map[string]any{"x": []any{json.Number("1"), "s", nil}},
		When:   time.Date(2026, 11, 21, 13, 15, 0, 0, time.UTC),
		NoTag:  "nt",
	}
	if diff := cmp.Diff(want, got, sjOpts); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}
}

func TestDecodeDecimals(t *testing.T) {
	tests := []struct {
		doc     string
		want    string
		problem string
	}{
		{doc: `{"price": 12.34}`, want: "12.34"},
		{doc: `{"price": "12.340"}`, want: "12.34"},
		{doc: `{"price": 0.1}`, want: "0.1"}, // exact, not the float64 0.1000000000000000055...
		{doc: `{"price": "-3"}`, want: "-3"},
		{doc: `{"price": 1e2}`, want: "100"},
		{doc: `{"price": 123456789012345678901234567890.01}`, want: "123456789012345678901234567890.01"},
		{doc: `{"price": "1,50"}`, problem: `want a decimal number such as 12.34, got "1,50"`},
		{doc: `{"price": ""}`, problem: `want a decimal number such as 12.34, got ""`},
		{doc: `{"price": true}`, problem: "want a number, got a boolean"},
		{doc: `{"price": {}}`, problem: "want a number, got an object"},
	}
	for _, tt := range tests {
		var got sjDoc
		ps := strictjson.Decode([]byte(tt.doc), &got)
		if tt.problem != "" {
			sjCheck(t, ps, []sjProblem{{"price", tt.problem}})
			if !got.Price.IsZero() {
				t.Errorf("%s: price %s kept with its problem, want zero", tt.doc, got.Price)
			}
			continue
		}
		if len(ps) != 0 {
			t.Errorf("%s: unexpected problems %v", tt.doc, ps)
			continue
		}
		if !got.Price.Equal(sjDec(tt.want)) {
			t.Errorf("%s (-want +got):\n-%s\n+%s", tt.doc, tt.want, got.Price)
		}
	}

	// NullDecimal: absent and null are not valid; a value is.
	for _, tt := range []struct {
		doc   string
		valid bool
		want  string
	}{
		{`{}`, false, "0"},
		{`{"maybe": null}`, false, "0"},
		{`{"maybe": 0}`, true, "0"},
		{`{"maybe": "2.5"}`, true, "2.5"},
	} {
		var got sjDoc
		if ps := strictjson.Decode([]byte(tt.doc), &got); len(ps) != 0 {
			t.Errorf("%s: unexpected problems %v", tt.doc, ps)
		}
		if got.Maybe.Valid != tt.valid || !got.Maybe.Decimal.Equal(sjDec(tt.want)) {
			t.Errorf("%s: maybe = %+v, want valid %v, %s", tt.doc, got.Maybe, tt.valid, tt.want)
		}
	}
}

func TestDecodeUnknownFields(t *testing.T) {
	doc := `{
	  "inner": {"nam": "x"},
	  "ptr": {"y": 1},
	  "list": [{}, {"z": 1}],
	  "map": {"k": {"w": 1}},
	  "Skip": "s",
	  "noTag": "x"
	}`
	var got sjDoc
	ps := strictjson.Decode([]byte(doc), &got)
	// Keys are visited in sorted (byte) order: "Skip" before "inner". A
	// field tagged "-" is not known; names are case-sensitive.
	sjCheck(t, ps, []sjProblem{
		{"Skip", "unknown field"},
		{"inner.nam", "unknown field (known: name, n, tags)"},
		{"list[1].z", "unknown field (known: name, n, tags)"},
		{"map.k.w", "unknown field (known: name, n, tags)"},
		{"noTag", "unknown field"},
		{"ptr.y", "unknown field (known: name, n, tags)"},
	})
	if len(ps) > 0 && strings.Contains(ps[0].Reason, "Skip") {
		t.Errorf("the known fields name the field tagged \"-\": %s", ps[0].Reason)
	}
	if !strings.Contains(ps[0].Reason, "NoTag") {
		t.Errorf("the known fields do not name the untagged field NoTag: %s", ps[0].Reason)
	}
}

func TestDecodeWrongTypes(t *testing.T) {
	doc := `{
	  "inner": "s", "list": {}, "map": [], "price": true, "maybe": [1],
	  "flag": "yes", "small": 300, "big": 1.5, "color": 3, "pcolor": "green",
	  "grid": [[1, "x"]], "counts": {"a": "1"}, "when": "yesterday", "NoTag": 1, "ptr": 5
	}`
	var got sjDoc
	sjCheck(t, strictjson.Decode([]byte(doc), &got), []sjProblem{
		{"NoTag", "want a string, got a number"},
		{"big", "want a whole number, got 1.5"},
		{"color", "want a string, got a number"},
		{"counts.a", "want a whole number, got a string"},
		{"flag", "want true or false, got a string"},
		{"grid[0][1]", "want a whole number, got a string"},
		{"inner", "want an object, got a string"},
		{"list", "want an array, got an object"},
		{"map", "want an object, got an array"},
		{"maybe", "want a number, got an array"},
		{"pcolor", `unknown color "green"`},
		{"price", "want a number, got a boolean"},
		{"ptr", "want an object, got a number"},
		{"small", "want a whole number, got 300"}, // does not fit an int8
		{"when", `parsing time "yesterday"`},
	})
}

func TestDecodeGoesOn(t *testing.T) {
	// A wrong value leaves its target zero; the rest is decoded.
	var got sjDoc
	ps := strictjson.Decode([]byte(`{"inner": {"name": 5, "n": 2}, "list": [{"n": "x"}, {"n": 4}], "flag": true}`), &got)
	sjCheck(t, ps, []sjProblem{
		{"inner.name", "want a string, got a number"},
		{"list[0].n", "want a whole number, got a string"},
	})
	want := sjDoc{Inner: sjInner{N: 2}, List: []sjInner{{}, {N: 4}}, Flag: true}
	if diff := cmp.Diff(want, got, sjOpts); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
}

func TestDecodeNulls(t *testing.T) {
	doc := `{"inner": null, "ptr": null, "list": null, "map": null, "price": null, "maybe": null, "pprice": null,
	  "color": null, "pcolor": null, "flag": null, "small": null, "grid": null, "any": null, "when": null, "NoTag": null}`
	var got sjDoc
	if ps := strictjson.Decode([]byte(doc), &got); len(ps) != 0 {
		t.Errorf("unexpected problems %v", ps)
	}
	if diff := cmp.Diff(sjDoc{}, got, sjOpts); diff != "" {
		t.Errorf("null values (-want +got):\n%s", diff)
	}
}

func TestDecodePointers(t *testing.T) {
	var got sjDoc
	if ps := strictjson.Decode([]byte(`{"ptr": {}}`), &got); len(ps) != 0 || got.Ptr == nil {
		t.Errorf("ptr {} = %v, %v; want a pointer to a zero value", got.Ptr, ps)
	}
	// A pointer whose value is wrong keeps its zero value, nil.
	got = sjDoc{}
	ps := strictjson.Decode([]byte(`{"pprice": "abc", "ptr": "x", "pcolor": "green"}`), &got)
	sjCheck(t, ps, []sjProblem{
		{"pcolor", `unknown color "green"`},
		{"pprice", `want a decimal number such as 12.34, got "abc"`},
		{"ptr", "want an object, got a string"},
	})
	if got.PPrice != nil || got.Ptr != nil || got.PColor != nil {
		t.Errorf("pointers set from wrong values: pprice %v, ptr %v, pcolor %v; want nil", got.PPrice, got.Ptr, got.PColor)
	}
}

func TestDecodeTopLevel(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []sjProblem
	}{
		{"trailing value", `{} {}`, []sjProblem{{"", "unexpected data after the top-level value"}}},
		{"trailing garbage", `{}x`, []sjProblem{{"", "unexpected data after the top-level value"}}},
		{"trailing space is fine", "{} \n\t", nil},
		{"not an object", `"str"`, []sjProblem{{"", "want an object, got a string"}}},
		{"empty", ``, []sjProblem{{"", "empty input"}}},
		{"only space", " \n ", []sjProblem{{"", "empty input"}}},
		{"truncated", `{"list": [1, 2`, []sjProblem{{"", "invalid JSON: unexpected end of input"}}},
		// The column is that of the offending character.
		{"bad character", `x`, []sjProblem{{"", "invalid JSON at line 1, column 1: invalid character 'x'"}}},
		{"missing colon", "{\n  \"a\": 1,\n  \"b\" 2\n}", []sjProblem{{"", "invalid JSON at line 3, column 7: invalid character '2' after object key"}}},
		{"trailing comma", `{"inner": {"name": "x",}}`, []sjProblem{{"", "invalid JSON at line 1, column 24: invalid character '}'"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sjDoc
			ps := strictjson.Decode([]byte(tt.doc), &got)
			if tt.want == nil {
				if len(ps) != 0 {
					t.Errorf("unexpected problems %v", ps)
				}
				return
			}
			sjCheck(t, ps, tt.want)
		})
	}
}

func TestDecodeOtherTargets(t *testing.T) {
	// A slice at the top: paths start with the index.
	var xs []int
	sjCheck(t, strictjson.Decode([]byte(`[1, "a", 3]`), &xs), []sjProblem{{"[1]", "want a whole number, got a string"}})
	if diff := cmp.Diff([]int{1, 0, 3}, xs); diff != "" {
		t.Errorf("slice (-want +got):\n%s", diff)
	}

	// Money is never float64: the type is refused whatever the value.
	var f struct {
		F float64 `json:"f"`
	}
	sjCheck(t, strictjson.Decode([]byte(`{"f": 1.5}`), &f), []sjProblem{{"f", "unsupported type float64"}})

	var m struct {
		M map[int]string `json:"m"`
	}
	sjCheck(t, strictjson.Decode([]byte(`{"m": {"1": "a"}}`), &m), []sjProblem{{"m", "unsupported map key type int"}})

	// A TextUnmarshaler at the top level takes a string.
	var c sjColor
	if ps := strictjson.Decode([]byte(`"blue"`), &c); len(ps) != 0 || c != 2 {
		t.Errorf("color = %v, %v; want blue", c, ps)
	}
	sjCheck(t, strictjson.Decode([]byte(`"pink"`), &c), []sjProblem{{"", `unknown color "pink"`}})
}

func TestDecodeDuplicateKeys(t *testing.T) {
	type inner struct {
		A string `json:"a"`
	}
	var doc struct {
		X     string  `json:"x"`
		Items []inner `json:"items"`
		In    inner   `json:"in"`
	}
	ps := strictjson.Decode([]byte(`{"x": "1", "items": [{"a": "p"}, {"a": "q", "a": "r"}], "in": {"a": "s"}, "x": "2"}`), &doc)
	var got []string
	for _, p := range ps {
		got = append(got, p.Path+": "+p.Reason)
	}
	want := []string{
		"items[1].a: duplicate key: each key once per object",
		"x: duplicate key: each key once per object",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
