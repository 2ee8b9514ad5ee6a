package testkit

import (
	"os"
	"strings"

	"github.com/google/go-cmp/cmp"
)

// Golden compares got with the golden file at path, line by line, and
// reports the lines that differ (-want +got).
//
// With update true it rewrites the file with got instead and compares
// nothing. update is the value of the test binary's -update flag, which the
// calling package defines once (a flag can be defined only once per test
// binary), so that golden files change only on an explicit
//
//	go test ./examples/quickstart -update
func Golden(t TB, path string, got []byte, update bool) {
	Helper(t)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("%v", err)
			return
		}
		t.Logf("rewrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
		return
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}
