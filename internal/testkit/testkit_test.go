package testkit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
)

// recorder is a TB that records what a helper reports instead of failing.
type recorder struct {
	errors, fatals, logs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}

func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

func TestSaoPauloIsUTCMinusThree(t *testing.T) {
	loc := testkit.SaoPaulo()
	if loc.String() != "America/Sao_Paulo" {
		t.Errorf("location %s, want America/Sao_Paulo", loc)
	}
	// No daylight saving time since 2019: -03:00 in January and in July.
	for _, m := range []time.Month{time.January, time.July} {
		if _, off := time.Date(2026, m, 1, 12, 0, 0, 0, loc).Zone(); off != -3*3600 {
			t.Errorf("%s offset in %s: %d s, want -10800", loc, m, off)
		}
	}
}

func TestAtAndSaleTime(t *testing.T) {
	got := testkit.At(2026, time.November, 20, 23, 59, 59)
	if want := time.Date(2026, time.November, 21, 2, 59, 59, 0, time.UTC); !got.Equal(want) {
		t.Errorf("At = %s, want %s", got, want)
	}
	sale := testkit.SaleTime()
	if want := time.Date(2026, time.November, 21, 13, 15, 0, 0, time.UTC); !sale.Equal(want) || sale.Location().String() != testkit.Zone {
		t.Errorf("SaleTime = %s (%s), want %s in %s", sale, sale.Location(), want, testkit.Zone)
	}
}

func TestDecimals(t *testing.T) {
	if got := testkit.Dec("19.90"); got.String() != "19.9" || got.Exponent() != -2 {
		t.Errorf("Dec(19.90) = %s (exponent %d), want 19.90 with exponent -2", got, got.Exponent())
	}
	if p := testkit.DecPtr("0.5"); p == nil || !p.Equal(decimal.New(5, -1)) {
		t.Errorf("DecPtr(0.5) = %v", p)
	}
	if got := testkit.Cents(-1990); !got.Equal(decimal.New(-199, -1)) {
		t.Errorf("Cents(-1990) = %s, want -19.90", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Dec(19,90) did not panic")
		}
	}()
	testkit.Dec("19,90")
}

func TestEquateDecimalsAndTimes(t *testing.T) {
	type sale struct {
		At     time.Time
		Amount decimal.Decimal
	}
	at := testkit.SaleTime()
	a := sale{at, testkit.Dec("1.5")}
	if diff := cmp.Diff(a, sale{at.UTC(), testkit.Dec("1.50")}, testkit.EquateDecimals(), testkit.EquateTimes()); diff != "" {
		t.Errorf("equal values differ (-want +got):\n%s", diff)
	}
	if cmp.Equal(a, sale{at, testkit.Dec("1.51")}, testkit.EquateDecimals(), testkit.EquateTimes()) {
		t.Error("1.5 and 1.51 compare equal")
	}
	if cmp.Equal(a, sale{at.Add(time.Second), testkit.Dec("1.5")}, testkit.EquateDecimals(), testkit.EquateTimes()) {
		t.Error("instants a second apart compare equal")
	}
}

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")

	// Missing file, no update: a failure that says how to create it.
	var r recorder
	testkit.Golden(&r, path, []byte("a\nb\n"), false)
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "-update") {
		t.Errorf("missing golden file: fatals %q, want one naming -update", r.fatals)
	}

	// Update writes the file and compares nothing.
	r = recorder{}
	testkit.Golden(&r, path, []byte("a\nb\n"), true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("after update: %q, %v", b, err)
	}
	if len(r.errors)+len(r.fatals) != 0 || len(r.logs) != 1 {
		t.Errorf("update: errors %q, fatals %q, logs %q; want one log", r.errors, r.fatals, r.logs)
	}

	// Same output: nothing reported.
	r = recorder{}
	testkit.Golden(&r, path, []byte("a\nb\n"), false)
	if len(r.errors)+len(r.fatals) != 0 {
		t.Errorf("same output: errors %q, fatals %q", r.errors, r.fatals)
	}

	// A changed line: one error with the line, and the file left alone.
	r = recorder{}
	testkit.Golden(&r, path, []byte("a\nc\n"), false)
	// go-cmp spaces its report with U+00A0 at random, so that no one
	// relies on its exact text: read them as spaces.
	var report string
	if len(r.errors) == 1 {
		report = strings.ReplaceAll(r.errors[0], "\u00a0", " ")
	}
	if !strings.Contains(report, "-want +got") ||
		!strings.Contains(report, "- \t\"b\",") || !strings.Contains(report, "+ \t\"c\",") {
		t.Errorf("changed output: errors %q, want one diff of b to c", r.errors)
	}
	if b, _ := os.ReadFile(path); string(b) != "a\nb\n" {
		t.Errorf("a comparison rewrote the golden file: %q", b)
	}
}

func TestCheckProblems(t *testing.T) {
	type problem struct{ Path, Contains string }
	got := []problem{{"lines[0].quantity", "must not be negative"}, {"id", "required"}}
	for _, tc := range []struct {
		name  string
		want  []problem
		fails bool
	}{
		{"same, reasons by part", []problem{{"lines[0].quantity", "negative"}, {"id", "required"}}, false},
		{"other path", []problem{{"lines[1].quantity", "negative"}, {"id", "required"}}, true},
		{"other reason", []problem{{"lines[0].quantity", "positive"}, {"id", "required"}}, true},
		{"other order", []problem{{"id", "required"}, {"lines[0].quantity", "negative"}}, true},
		{"one missing", []problem{{"id", "required"}}, true},
		{"nil", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r recorder
			testkit.CheckProblems(&r, tc.want, got)
			if fails := len(r.errors) > 0; fails != tc.fails {
				t.Errorf("reported %q, want a failure: %v", r.errors, tc.fails)
			}
		})
	}
}

func TestScenariosAndReadFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "testdata", "scenarios")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{
		"b.json": `{"description": "b", "ruleset": {"version": 1}, "cart": {"id": "b"}}`,
		"a.json": `{"ruleset": {"version": 2}, "cart": {"id": "a"}, "want": {}}`,
		"c.txt":  `not a scenario`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var r recorder
	got := testkit.Scenarios(&r, root)
	want := []testkit.ScenarioDoc{
		{Name: filepath.Join(dir, "a.json"), Ruleset: []byte(`{"version": 2}`), Cart: []byte(`{"id": "a"}`)},
		{Name: filepath.Join(dir, "b.json"), Ruleset: []byte(`{"version": 1}`), Cart: []byte(`{"id": "b"}`)},
	}
	if diff := cmp.Diff(want, got); diff != "" || len(r.fatals) != 0 {
		t.Errorf("Scenarios (-want +got):\n%s\nfatals %q", diff, r.fatals)
	}
	if diff := cmp.Diff([][]byte{[]byte("not a scenario")}, testkit.ReadFiles(&r, filepath.Join(dir, "*.txt"))); diff != "" {
		t.Errorf("ReadFiles (-want +got):\n%s", diff)
	}

	// A file that is not JSON fails the test, naming the file.
	if err := os.WriteFile(filepath.Join(dir, "d.json"), []byte(`{`), 0o644); err != nil {
		t.Fatal(err)
	}
	r = recorder{}
	testkit.Scenarios(&r, root)
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "d.json") {
		t.Errorf("fatals %q, want one naming d.json", r.fatals)
	}
}
