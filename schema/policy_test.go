package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/promokit/promokit/promocheck"
)

func loadPolicySchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile("policy.schema.json")
	if err != nil {
		t.Fatalf("policy.schema.json does not compile: %v", err)
	}
	return sch
}

// policies are the policy files of the repository: the planted
// violations' and the one of docs/pricing-safety.md.
func policies(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	files, err := filepath.Glob(filepath.Join(repo, "testdata", "policies", "*", "policy.json"))
	if err != nil || len(files) < 3 {
		t.Fatalf("policy files %v: %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	doc, err := os.ReadFile(filepath.Join(repo, "docs", "pricing-safety.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile("(?s)```json\n(.*?)```").FindAllSubmatch(doc, -1) {
		out["docs/pricing-safety.md"] = m[1]
	}
	return out
}

// TestPolicySchemaAcceptsThePolicies: every policy of the repository is
// valid for the schema and for DecodePolicy.
func TestPolicySchemaAcceptsThePolicies(t *testing.T) {
	sch := loadPolicySchema(t)
	for name, data := range policies(t) {
		if err := sch.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: the schema refuses it: %v", name, err)
		}
		if _, err := promocheck.DecodePolicy(data); err != nil {
			t.Errorf("%s: DecodePolicy refuses it: %v", name, err)
		}
	}
}

// TestPolicySchemaRefusalsAreTheDecoders: every variant of the policies
// that the schema refuses (mutate: unknown properties, missing ones, values
// of other types, strings out of enumerations, -1 for numbers),
// DecodePolicy refuses too.
func TestPolicySchemaRefusalsAreTheDecoders(t *testing.T) {
	sch := loadPolicySchema(t)
	refused := 0
	for name, data := range policies(t) {
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, m := range mutate(t, doc) {
			variant := m.data()
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(variant))
			if err != nil {
				t.Fatal(err)
			}
			if sch.Validate(v) == nil {
				continue
			}
			refused++
			if _, err := promocheck.DecodePolicy(variant); err == nil {
				t.Errorf("%s, %s: the schema refuses it, DecodePolicy takes it:\n%s", name, m.what, variant)
			}
		}
	}
	t.Logf("%d variants refused by the schema, all by DecodePolicy", refused)
	if refused < 50 {
		t.Errorf("only %d variants refused by the schema: the corpus is too small", refused)
	}
}
