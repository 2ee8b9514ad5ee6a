package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// repo is the repository's root, seen from this module.
const repo = ".."

// schemas compiles the three schemas of this directory.
type schemas struct {
	ruleset, cart, result *jsonschema.Schema
	// docs are the schema documents, to compare with the Go types.
	docs map[string]map[string]any
}

func loadSchemas(t testing.TB) *schemas {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := &schemas{docs: map[string]map[string]any{}}
	for _, name := range []string{"ruleset", "cart", "result"} {
		file := name + ".schema.json"
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		m := doc.(map[string]any)
		if m["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %v, want draft 2020-12", file, m["$schema"])
		}
		id, _ := m["$id"].(string)
		if err := c.AddResource(id, doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out.docs[name] = m
	}
	var err error
	for name, dst := range map[string]**jsonschema.Schema{"ruleset": &out.ruleset, "cart": &out.cart, "result": &out.result} {
		if *dst, err = c.Compile(out.docs[name]["$id"].(string)); err != nil {
			t.Fatalf("%s.schema.json does not compile: %v", name, err)
		}
	}
	return out
}

// instance reads JSON as the validator wants it (numbers as json.Number).
func instance(t testing.TB, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return v
}

// document is a JSON document of the repository and what it is.
type document struct {
	name string // where it comes from, for messages
	kind string // "ruleset" or "cart"
	data []byte
}

// documents collects every ruleset and cart of the repository: the
// scenarios' (testdata/scenarios/*.json), the complete example, the
// examples' JSON files and the ruleset blocks of docs/format.md.
func documents(t *testing.T) []document {
	t.Helper()
	var out []document
	files, err := filepath.Glob(filepath.Join(repo, "testdata", "scenarios", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found %d scenario files, want the repository's", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var sc struct {
			Ruleset json.RawMessage `json:"ruleset"`
			Cart    json.RawMessage `json:"cart"`
		}
		if err := json.Unmarshal(data, &sc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		base := filepath.Base(f)
		out = append(out, document{base + " ruleset", "ruleset", sc.Ruleset}, document{base + " cart", "cart", sc.Cart})
	}
	for _, pat := range []string{"testdata/examples/*.json", "examples/*/*.json"} {
		files, err := filepath.Glob(filepath.Join(repo, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			switch base := filepath.Base(f); {
			case strings.Contains(base, "ruleset"):
				out = append(out, document{f, "ruleset", data})
			case strings.Contains(base, "cart"):
				out = append(out, document{f, "cart", data})
			}
		}
	}
	for _, b := range markdownBlocks(t, filepath.Join(repo, "docs", "format.md")) {
		out = append(out, document{fmt.Sprintf("docs/format.md:%d", b.line), "ruleset", []byte(b.text)})
	}
	return out
}

// mdBlock is a ruleset block of a Markdown file.
type mdBlock struct {
	line int
	text string
}

// markdownBlocks returns the ```json ruleset blocks of a Markdown file, and
// the ```jsonc ruleset blocks without their // comments.
func markdownBlocks(t *testing.T, path string) []mdBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []mdBlock
	var cur *mdBlock
	var body strings.Builder
	jsonc := false
	for n, line := range strings.Split(string(data), "\n") {
		fence := strings.Join(strings.Fields(line), " ")
		switch {
		case cur == nil && (fence == "```json ruleset" || fence == "```jsonc ruleset"):
			cur, jsonc = &mdBlock{line: n + 1}, fence == "```jsonc ruleset"
			body.Reset()
		case cur != nil && fence == "```":
			cur.text = body.String()
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			if jsonc {
				line = stripComment(line)
			}
			body.WriteString(line + "\n")
		}
	}
	if len(out) < 5 {
		t.Fatalf("%s: found %d ruleset blocks, want the format reference's", path, len(out))
	}
	return out
}

// stripComment removes a // comment outside JSON strings from one line.
func stripComment(line string) string {
	in, esc := false, false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case in && esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case !in && c == '/' && i+1 < len(line) && line[i+1] == '/':
			return line[:i]
		}
	}
	return line
}

// decoderAccepts runs the library's own reading of a document: Load for a
// ruleset (decoding and compiling), DecodeCart for a cart (decoding and
// validating).
func decoderAccepts(kind string, data []byte) error {
	if kind == "ruleset" {
		_, err := campaign.Load(data)
		return err
	}
	_, err := promo.DecodeCart(data)
	return err
}

func (s *schemas) of(kind string) *jsonschema.Schema {
	if kind == "ruleset" {
		return s.ruleset
	}
	return s.cart
}

// TestSchemasAcceptEveryValidDocument validates every ruleset and cart of
// the repository that the library accepts, and the Result JSON Evaluate
// gives for every scenario, against the schemas. A document the library
// refuses (a scenario that expects errors) is a bad input: if the schema
// refuses it too, fine; the test only requires that the schema never
// refuses what the library accepts.
func TestSchemasAcceptEveryValidDocument(t *testing.T) {
	s := loadSchemas(t)
	docs := documents(t)
	valid := map[string]int{}
	for _, d := range docs {
		if err := decoderAccepts(d.kind, d.data); err != nil {
			continue
		}
		valid[d.kind]++
		if err := s.of(d.kind).Validate(instance(t, d.data)); err != nil {
			t.Errorf("%s: the library accepts it, the %s schema does not:\n%s", d.name, d.kind, short(err))
		}
	}
	if valid["ruleset"] < 100 || valid["cart"] < 100 {
		t.Errorf("validated %d rulesets and %d carts, want every scenario's", valid["ruleset"], valid["cart"])
	}

	// The results: every scenario whose ruleset and cart are valid.
	results := 0
	for i := 0; i+1 < len(docs); i++ {
		rd, cd := docs[i], docs[i+1]
		if rd.kind != "ruleset" || cd.kind != "cart" || strings.TrimSuffix(rd.name, " ruleset") != strings.TrimSuffix(cd.name, " cart") {
			continue
		}
		rs, err := campaign.Load(rd.data)
		if err != nil {
			continue
		}
		cart, err := promo.DecodeCart(cd.data)
		if err != nil {
			continue
		}
		res, err := promo.Evaluate(cart, rs)
		if err != nil {
			continue
		}
		out, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		results++
		if err := s.result.Validate(instance(t, out)); err != nil {
			t.Errorf("%s: the result does not validate:\n%s", strings.TrimSuffix(rd.name, " ruleset"), short(err))
		}
	}
	if results < 100 {
		t.Errorf("validated %d results, want every scenario's", results)
	}
}

// TestSchemasMatchTheGoTypes walks the Go types the formats decode into
// (campaign.Ruleset, promo.Cart) and encode from (promo.Result) next to the
// schemas: every struct is an object with additionalProperties false and
// exactly the JSON fields of the struct, named in $defs after its Go type;
// every typed enumeration has exactly its constants. A field or a constant
// added to the Go definitions without the schema fails here.
func TestSchemasMatchTheGoTypes(t *testing.T) {
	s := loadSchemas(t)
	consts := enumConstants(t)
	for _, tc := range []struct {
		name string
		typ  reflect.Type
	}{
		{"ruleset", reflect.TypeFor[campaign.Ruleset]()},
		{"cart", reflect.TypeFor[promo.Cart]()},
		{"result", reflect.TypeFor[promo.Result]()},
	} {
		w := &walker{t: t, doc: s.docs[tc.name], file: tc.name + ".schema.json", consts: consts, seen: map[reflect.Type]bool{}}
		w.object(tc.typ, s.docs[tc.name], "")
	}
}

// TestSchemaLimitsAreTheCeilings checks that the maximum of each
// settings.limits field in the ruleset schema is its ceiling
// (promo.CeilingLimits).
func TestSchemaLimitsAreTheCeilings(t *testing.T) {
	s := loadSchemas(t)
	props := s.docs["ruleset"]["$defs"].(map[string]any)["Limits"].(map[string]any)["properties"].(map[string]any)
	ceil := reflect.ValueOf(promo.CeilingLimits())
	for i := range ceil.NumField() {
		name, _, _ := strings.Cut(ceil.Type().Field(i).Tag.Get("json"), ",")
		p, ok := props[name].(map[string]any)
		if !ok {
			t.Errorf("no settings.limits.%s in the schema", name)
			continue
		}
		if got, want := fmt.Sprint(p["maximum"]), fmt.Sprint(ceil.Field(i).Int()); got != want {
			t.Errorf("settings.limits.%s: maximum %s, want the ceiling %s", name, got, want)
		}
	}
}

// walker compares Go types with one schema document.
type walker struct {
	t      *testing.T
	doc    map[string]any
	file   string
	consts map[string][]string
	seen   map[reflect.Type]bool
}

// resolve follows a $ref, and the anyOf of an optional property (the
// schema and null), to the schema that describes the value.
func (w *walker) resolve(node map[string]any, where string) (map[string]any, string) {
	for {
		if alts, ok := node["anyOf"].([]any); ok {
			var other []map[string]any
			for _, a := range alts {
				if m := a.(map[string]any); m["type"] != "null" {
					other = append(other, m)
				}
			}
			if len(other) != 1 {
				w.t.Errorf("%s %s: anyOf is only for optional values (a schema or null)", w.file, where)
				return node, ""
			}
			node = other[0]
			continue
		}
		ref, ok := node["$ref"].(string)
		if !ok {
			return node, ""
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			w.t.Errorf("%s %s: $ref %s outside $defs", w.file, where, ref)
			return node, ""
		}
		def, ok := w.doc["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			w.t.Errorf("%s %s: no $defs %s", w.file, where, name)
			return node, ""
		}
		if _, nested := def["$ref"]; !nested {
			return def, name
		}
		node = def
	}
}

var (
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
	timeType        = reflect.TypeFor[time.Time]()
	textMarshaler   = reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
)

// value checks the schema of one value of Go type typ.
func (w *walker) value(typ reflect.Type, node map[string]any, where string) {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	node, name := w.resolve(node, where)
	switch {
	case typ == decimalType || typ == nullDecimalType || typ == timeType:
		if hasType(node, "object") || hasType(node, "array") {
			w.t.Errorf("%s %s: a %s is a scalar, the schema says %v", w.file, where, typ, node["type"])
		}
		return
	case typ.Kind() == reflect.Slice:
		if !hasType(node, "array") {
			w.t.Errorf("%s %s: want an array", w.file, where)
			return
		}
		w.value(typ.Elem(), node["items"].(map[string]any), where+"[]")
		return
	case typ.Kind() == reflect.Map:
		if !hasType(node, "object") {
			w.t.Errorf("%s %s: want an object (a map)", w.file, where)
			return
		}
		vals, ok := node["additionalProperties"].(map[string]any)
		if !ok {
			w.t.Errorf("%s %s: a map's values need a schema in additionalProperties", w.file, where)
			return
		}
		w.value(typ.Elem(), vals, where+".*")
		return
	case typ.Kind() == reflect.Struct && !typ.Implements(textMarshaler):
		if name != typ.Name() {
			w.t.Errorf("%s %s: the schema of %s should be $defs/%s, got %q", w.file, where, typ, typ.Name(), name)
		}
		w.object(typ, node, where)
		return
	}
	// A scalar. Enumerations: the campaign package's typed strings and the
	// promo types that marshal to a closed set of texts.
	if values, ok := w.enumOf(typ); ok {
		got := map[string]bool{}
		for _, v := range node["enum"].([]any) {
			if s, ok := v.(string); ok && s != "" {
				got[s] = true
			}
		}
		want := map[string]bool{}
		for _, v := range values {
			want[v] = true
		}
		if !reflect.DeepEqual(got, want) {
			w.t.Errorf("%s %s: enum %v, want the constants of %s: %v", w.file, where, keys(got), typ, values)
		}
		if typ.PkgPath() == reflect.TypeFor[campaign.Ruleset]().PkgPath() && name != typ.Name() {
			w.t.Errorf("%s %s: the enumeration %s should be $defs/%s, got %q", w.file, where, typ, typ.Name(), name)
		}
	}
}

// enumOf returns the values of an enumerated type, if typ is one.
func (w *walker) enumOf(typ reflect.Type) ([]string, bool) {
	if typ.Kind() == reflect.String && typ.PkgPath() == reflect.TypeFor[campaign.Ruleset]().PkgPath() {
		vs, ok := w.consts[typ.Name()]
		if !ok {
			w.t.Errorf("%s: no constants of %s in campaign/enums*.go", w.file, typ)
		}
		return vs, true
	}
	if typ.Kind() == reflect.Uint8 && typ.Implements(textMarshaler) {
		var out []string
		for i := range 256 {
			v := reflect.New(typ).Elem()
			v.SetUint(uint64(i))
			s := v.Interface().(fmt.Stringer).String()
			if strings.Contains(s, "(") {
				break
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out, true
	}
	return nil, false
}

// object checks a struct against an object schema.
func (w *walker) object(typ reflect.Type, node map[string]any, where string) {
	if w.seen[typ] {
		return
	}
	w.seen[typ] = true
	if node["type"] != "object" || node["additionalProperties"] != false {
		w.t.Errorf("%s %s (%s): want an object with additionalProperties false", w.file, where, typ)
	}
	props, _ := node["properties"].(map[string]any)
	var fields []string
	for _, f := range jsonFields(typ) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		fields = append(fields, name)
		p, ok := props[name].(map[string]any)
		if !ok {
			w.t.Errorf("%s: %s has field %q (%s.%s), the schema does not", w.file, typ, name, typ.Name(), f.Name)
			continue
		}
		w.value(f.Type, p, join(where, name))
	}
	for name := range props {
		if !slices.Contains(fields, name) {
			w.t.Errorf("%s: the schema of %s has property %q, the Go type does not", w.file, typ, name)
		}
	}
	req, _ := node["required"].([]any)
	for _, r := range req {
		if !slices.Contains(fields, r.(string)) {
			w.t.Errorf("%s: the schema of %s requires %q, the Go type has no such field", w.file, typ, r)
		}
	}
}

// jsonFields lists the fields of struct type typ that encoding/json
// writes, those of an embedded struct without a json name inlined (the
// families' general data).
func jsonFields(typ reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			out = append(out, jsonFields(f.Type)...)
		case f.IsExported() && name != "-":
			out = append(out, f)
		}
	}
	return out
}

// hasType reports whether a schema's type is, or includes, typ.
func hasType(node map[string]any, typ string) bool {
	switch v := node["type"].(type) {
	case string:
		return v == typ
	case []any:
		return slices.Contains(v, any(typ))
	}
	return false
}

// short returns the first lines of a validation error: enough to find
// the place, without the whole tree of alternatives.
func short(err error) string {
	lines := strings.Split(err.Error(), "\n")
	if len(lines) > 8 {
		lines = append(lines[:8], fmt.Sprintf("... (%d more lines)", len(lines)-8))
	}
	return strings.Join(lines, "\n")
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// enumConstants reads campaign/enums*.go and returns, per typed string, the
// values of its constants.
func enumConstants(t *testing.T) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(repo, "campaign", "enums*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var decls []ast.Decl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, f.Decls...)
	}
	out := map[string][]string{}
	for _, decl := range decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			id, ok := vs.Type.(*ast.Ident)
			if !ok || len(vs.Values) != 1 {
				continue
			}
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			v, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			out[id.Name] = append(out[id.Name], v)
		}
	}
	if len(out) < 20 {
		t.Fatalf("found the constants of %d types in campaign/enums*.go, want every enumeration", len(out))
	}
	return out
}
