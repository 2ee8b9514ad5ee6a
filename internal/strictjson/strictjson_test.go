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
	"github.com/promokit/promokit/internal/testkit"
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
	testkit.EquateDecimals(),
	testkit.EquateTimes(),
}

// sjProblem is an expected problem: its exact path and part of its reason.
type sjProblem struct{ Path, Contains string }

func sjCheck(t *testing.T, got []strictjson.Problem, want []sjProblem) {
	t.Helper()
	g := make([]sjProblem, len(got))
	for i, p := range got {
		g[i] = sjProblem{p.Path, p.Reason}
	}
	testkit.CheckProblems(t, want, g)
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
	seven := testkit.Dec("7")
	blue := sjColor(2)
	want := sjDoc{
		Inner:  sjInner{Name: "x", N: 3, Tags: []string{"a", "b"}},
		Ptr:    &sjInner{Name: "p"},
		List:   []sjInner{{N: 1}, {N: 2}},
		Map:    map[string]sjInner{"k": {Name: "m"}},
		Price:  testkit.Dec("12.34"),
		Maybe:  decimal.NewNullDecimal(testkit.Dec("0.5")),
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
		if !got.Price.Equal(testkit.Dec(tt.want)) {
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
		if got.Maybe.Valid != tt.valid || !got.Maybe.Decimal.Equal(testkit.Dec(tt.want)) {
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

func TestDecodeDuplicateKeysAroundAnEmptyKey(t *testing.T) {
	// The empty key is a key like any other: it neither hides a duplicate
	// nor makes one, in a map, in a struct or in a generic value.
	var doc struct {
		M   map[string]string `json:"m"`
		Any any               `json:"any"`
	}
	if ps := strictjson.Decode([]byte(`{"m": {"": "a", "b": "a"}, "any": {"": 1, "b": 1}}`), &doc); len(ps) != 0 {
		t.Fatalf("unexpected problems %v", ps)
	}
	if diff := cmp.Diff(map[string]string{"": "a", "b": "a"}, doc.M); diff != "" {
		t.Errorf("m (-want +got):\n%s", diff)
	}
	sjCheck(t, strictjson.Decode([]byte(`{"m": {"": "x", "y": "1", "y": "2"}, "any": {"": 0, "k": 1, "k": 0}}`), &doc), []sjProblem{
		{"any.k", "duplicate key"},
		{"m.y", "duplicate key"},
	})
	var empty struct {
		E string `json:""`
	}
	sjCheck(t, strictjson.Decode([]byte(`{"": "x"}`), &empty), []sjProblem{{"", "unknown field"}})
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []sjProblem
		got  string
	}{
		{name: "escapes", doc: `{"inner": {"name": "a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac"}}`, got: "a\"b\\c/d\b\f\n\r\té€"},
		{name: "a surrogate pair", doc: `{"inner": {"name": "\ud83d\ude00"}}`, got: "\U0001F600"},
		{name: "UTF-8 as is", doc: `{"inner": {"name": "ação"}}`, got: "ação"},
		{name: "raw invalid bytes", doc: "{\"inner\": {\"name\": \"ok\xff\xfe\"}}", want: []sjProblem{{"inner.name", "not valid UTF-8 (byte 0xff at offset 2"}}},
		{name: "a truncated sequence", doc: "{\"inner\": {\"name\": \"\xc3\"}}", want: []sjProblem{{"inner.name", "not valid UTF-8"}}},
		{name: "an overlong encoding", doc: "{\"inner\": {\"name\": \"\xc0\xaf\"}}", want: []sjProblem{{"inner.name", "not valid UTF-8"}}},
		{name: "a lone high surrogate", doc: `{"inner": {"name": "\ud800"}}`, want: []sjProblem{{"inner.name", `lone surrogate \ud800`}}},
		{name: "a lone low surrogate", doc: `{"inner": {"name": "x\udc00y"}}`, want: []sjProblem{{"inner.name", `lone surrogate \udc00`}}},
		{name: "a high surrogate before a letter", doc: `{"inner": {"name": "\ud800\u0041"}}`, want: []sjProblem{{"inner.name", `lone surrogate \ud800`}}},
		{name: "invalid UTF-8 in a text type", doc: "{\"color\": \"r\xffd\"}", want: []sjProblem{{"color", "not valid UTF-8"}}},
		{name: "invalid UTF-8 in a map key", doc: "{\"counts\": {\"a\xff\": 1}}", want: []sjProblem{{"counts", "a key that is not valid UTF-8"}}},
		{name: "invalid UTF-8 in a field name", doc: "{\"inner\": {\"n\xffme\": 1}}", want: []sjProblem{{"inner", "a key that is not valid UTF-8"}}},
		{name: "a decimal with an escape", doc: `{"price": "\u0031"}`, want: []sjProblem{{"price", `want a decimal number such as 12.34, got "\\u0031"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sjDoc
			ps := strictjson.Decode([]byte(tt.doc), &got)
			if tt.want != nil {
				sjCheck(t, ps, tt.want)
				if got.Inner.Name != "" {
					t.Errorf("a refused text was kept: %q", got.Inner.Name)
				}
				return
			}
			if len(ps) != 0 {
				t.Fatalf("unexpected problems %v", ps)
			}
			if got.Inner.Name != tt.got {
				t.Errorf("name (-want +got):\n-%q\n+%q", tt.got, got.Inner.Name)
			}
		})
	}
}

func TestDecodeLimits(t *testing.T) {
	lim := strictjson.Limits{MaxBytes: 200, MaxDepth: 3, MaxNumber: 10, MaxString: 8, MaxProblems: 3}
	tests := []struct {
		name string
		doc  string
		want []sjProblem
	}{
		{"a document over its size", `{"inner": {"name": "` + strings.Repeat("x", 200) + `"}}`, []sjProblem{{"", "a document of 223 bytes: at most 200"}}},
		{"a number over its length", `{"price": 12345678.901, "big": 12345678901, "maybe": "123456789.01"}`, []sjProblem{
			{"big", "a number of 11 characters: at most 10"},
			{"maybe", "a number of 12 characters: at most 10"},
			{"price", "a number of 12 characters: at most 10"},
		}},
		{"numbers at their length", `{"price": 1234567.89, "big": 1234567890, "maybe": "1234567.89"}`, nil},
		{"a string over its length", `{"inner": {"name": "123456789"}, "color": "123456789", "counts": {"123456789": 1}}`, []sjProblem{
			{"color", "a text of 9 bytes: at most 8"},
			{"counts", "a key of 9 bytes: at most 8"},
			{"inner.name", "a text of 9 bytes: at most 8"},
		}},
		{"an escaped string is counted decoded", `{"inner": {"name": "\u00e9\u00e9\u00e9\u00e9"}}`, nil},
		{"too deep", `{"grid": [[[1]]]}`, []sjProblem{{"", "invalid JSON at line 1, column 12: nested deeper than 3 levels"}}},
		{"too deep in a skipped value", `{"zz": {"a": {"b": {}}}}`, []sjProblem{{"", "nested deeper than 3 levels"}}},
		{"deep enough", `{"grid": [[1]]}`, nil},
		{"problems over their number", `{"flag": 1, "small": "a", "big": "b", "price": true, "inner": 1}`, []sjProblem{
			{"big", "want a whole number"},
			{"flag", "want true or false"},
			{"small", "want a whole number"},
			{"", "2 more problems not listed (at most 3 are)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sjDoc
			ps := strictjson.DecodeLimits([]byte(tt.doc), &got, lim)
			if tt.want == nil {
				if len(ps) != 0 {
					t.Errorf("unexpected problems %v", ps)
				}
				return
			}
			sjCheck(t, ps, tt.want)
		})
	}

	// The default limits.
	def := strictjson.DefaultLimits()
	if diff := cmp.Diff(strictjson.Limits{MaxBytes: 64 << 20, MaxDepth: 64, MaxNumber: 40, MaxString: 64 << 10, MaxProblems: 100}, def); diff != "" {
		t.Errorf("DefaultLimits (-want +got):\n%s", diff)
	}
	var got sjDoc
	sjCheck(t, strictjson.Decode([]byte(`{"price": `+strings.Repeat("9", 41)+`}`), &got), []sjProblem{{"price", "a number of 41 characters: at most 40"}})
	sjCheck(t, strictjson.Decode([]byte(`{"price": 1e10001, "big": 1e1}`), &got), []sjProblem{
		{"big", "want a whole number, got 1e1"},
		{"price", "the exponent of 1e10001 is out of range: at most 10000 either way"},
	})
	if ps := strictjson.Decode([]byte(`{"price": 1e10000, "maybe": "-1e-10000"}`), &got); len(ps) != 0 {
		t.Errorf("exponents at the limit: %v", ps)
	}
}

func TestDecodeKinds(t *testing.T) {
	var got sjDoc
	ps := strictjson.Decode([]byte(`{"inner": {"name": 1, "zz": 2, "n": 1, "n": 2}}`), &got)
	var kinds []strictjson.Kind
	for _, p := range ps {
		kinds = append(kinds, p.Kind)
	}
	// inner.n (the duplicate), inner.name, inner.zz
	if diff := cmp.Diff([]strictjson.Kind{strictjson.DuplicateKey, strictjson.BadValue, strictjson.UnknownField}, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s\n%v", diff, ps)
	}
	ps = strictjson.Decode([]byte(`{`), &got)
	if len(ps) != 1 || ps[0].Kind != strictjson.Document {
		t.Errorf("a syntax error: %v, want one problem of kind Document", ps)
	}
}

func TestDecodeSyntax(t *testing.T) {
	// Every malformed document is one problem, at the offending character.
	tests := []struct{ doc, want string }{
		{`{"inner": {"name": "x"}`, "invalid JSON: unexpected end of input"},
		{`{"inner" {}}`, "line 1, column 10: invalid character '{' after object key"},
		{`{"inner": {} "x": 1}`, "invalid character '\"' after object key:value pair"},
		{`{"list": [{} {}]}`, "invalid character '{' after array element"},
		{`{"list": [1,]}`, "invalid character ']' looking for beginning of value"},
		{`{"price": 01}`, "invalid character '1' after object key:value pair"},
		{`{"price": 1.}`, "invalid character '}' after decimal point in numeric literal"},
		{`{"price": 1e}`, "invalid character '}' in exponent of numeric literal"},
		{`{"price": -}`, "invalid character '}' in numeric literal"},
		{`{"price": .5}`, "invalid character '.' looking for beginning of value"},
		{`{"flag": tru}`, "invalid character '}' in literal true (expecting 'e')"},
		{`{"flag": nul}`, "invalid character '}' in literal null (expecting 'l')"},
		{"{\"inner\": {\"name\": \"a\nb\"}}", "invalid character '\\n' in string literal"},
		{`{"inner": {"name": "\x"}}`, "invalid character 'x' in string escape code"},
		{`{"inner": {"name": "\u12G4"}}`, "invalid character 'G' in \\u hexadecimal character escape"},
		{`{"inner": {"name": "\u12`, "invalid JSON: unexpected end of input"},
		{`{1: 2}`, "invalid character '1' looking for beginning of object key string"},
		{"\xef\xbb\xbf{}", "invalid character '\\xef' looking for beginning of value"},
	}
	for _, tt := range tests {
		var got sjDoc
		sjCheck(t, strictjson.Decode([]byte(tt.doc), &got), []sjProblem{{"", tt.want}})
		// encoding/json refuses them too.
		var v any
		if err := json.Unmarshal([]byte(tt.doc), &v); err == nil {
			t.Errorf("%s: encoding/json accepts it", tt.doc)
		}
	}
}
