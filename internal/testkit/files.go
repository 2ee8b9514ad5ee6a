package testkit

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// ScenarioDoc is the ruleset and the cart of one scenario file of
// testdata/scenarios, as written.
type ScenarioDoc struct {
	Name    string // the file's path
	Ruleset json.RawMessage
	Cart    json.RawMessage
}

// Scenarios reads the ruleset and the cart of every scenario file,
// root being the repository's root as seen from the test's package (such
// as ".."), failing t when a file cannot be read or decoded.
func Scenarios(t TB, root string) []ScenarioDoc {
	Helper(t)
	names, err := filepath.Glob(filepath.Join(root, "testdata", "scenarios", "*.json"))
	if err != nil {
		t.Fatalf("%v", err)
		return nil
	}
	var out []ScenarioDoc
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v", err)
			return nil
		}
		var sc struct {
			Ruleset json.RawMessage `json:"ruleset"`
			Cart    json.RawMessage `json:"cart"`
		}
		if err := json.Unmarshal(data, &sc); err != nil {
			t.Fatalf("%s: %v", name, err)
			return nil
		}
		out = append(out, ScenarioDoc{Name: name, Ruleset: sc.Ruleset, Cart: sc.Cart})
	}
	return out
}

// ReadFiles reads every file the glob pattern matches, in the order of
// their names, failing t when one cannot be read.
func ReadFiles(t TB, pattern string) [][]byte {
	Helper(t)
	names, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatalf("%v", err)
		return nil
	}
	var out [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v", err)
			return nil
		}
		out = append(out, data)
	}
	return out
}
