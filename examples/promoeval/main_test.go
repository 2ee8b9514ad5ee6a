package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
)

// A small ruleset and cart: "acima de R$ 100 ganhe 10%" on a cart of
// 2 × 40,00 + 1 × 25,50 = 105,50 >= 100. Discount 10 % of 105,50 = 10,55,
// apportioned by value over 1055 cents: line a 1055×8000/10550 = 800 exactly,
// line b 1055×2550/10550 = 255 exactly. Nets 72,00 and 22,95; total 94,95.
const validRuleset = `{
  "version": 1,
  "campaigns": [{
    "id": "acima-100", "name": "Acima de R$ 100 ganhe 10%",
    "start": "2026-11-01", "end": "2026-11-30",
    "no_activation_rules": true, "min_value": "100",
    "benefit": {"on": "sale", "percent": "10"}
  }]
}`

const validCart = `{
  "id": "t-1", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "s"},
  "lines": [
    {"id": "a", "product_code": "A", "quantity": "2", "unit_price": "40.00"},
    {"id": "b", "product_code": "B", "quantity": "1", "unit_price": "25.50"}
  ]
}`

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// output is the part of the result JSON the tests look at.
type output struct {
	CartID string `json:"cart_id"`
	Lines  []struct {
		ID       string          `json:"id"`
		Discount decimal.Decimal `json:"discount"`
		Net      decimal.Decimal `json:"net"`
	} `json:"lines"`
	Totals struct {
		Gross    decimal.Decimal `json:"gross"`
		Discount decimal.Decimal `json:"discount"`
		Net      decimal.Decimal `json:"net"`
	} `json:"totals"`
	Trace []struct {
		Campaign string `json:"campaign"`
		Reasons  []struct {
			Code string `json:"code"`
		} `json:"reasons"`
	} `json:"trace"`
}

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestValidRun(t *testing.T) {
	rs := write(t, "ruleset.json", validRuleset)
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"files", "", []string{"-ruleset", rs, "-cart", write(t, "cart.json", validCart)}},
		{"cart on stdin", validCart, []string{"-ruleset", rs, "-cart", "-"}},
		{"ruleset on stdin", validRuleset, []string{"-cart", write(t, "cart.json", validCart), "-ruleset", "-"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tc.stdin, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr not empty: %s", stderr)
			}
			if !strings.Contains(stdout, "\n  \"lines\"") {
				t.Errorf("output is not indented JSON:\n%s", stdout)
			}
			var got output
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, stdout)
			}
			if got.CartID != "t-1" {
				t.Errorf("cart_id = %q, want t-1", got.CartID)
			}
			d := decimal.RequireFromString
			wantTotals := []decimal.Decimal{d("105.50"), d("10.55"), d("94.95")}
			gotTotals := []decimal.Decimal{got.Totals.Gross, got.Totals.Discount, got.Totals.Net}
			if diff := cmp.Diff(wantTotals, gotTotals, testkit.EquateDecimals()); diff != "" {
				t.Errorf("totals gross, discount, net (-want +got):\n%s", diff)
			}
			if len(got.Lines) != 2 {
				t.Fatalf("got %d lines, want 2", len(got.Lines))
			}
			wantLines := []decimal.Decimal{d("8.00"), d("72.00"), d("2.55"), d("22.95")}
			gotLines := []decimal.Decimal{got.Lines[0].Discount, got.Lines[0].Net, got.Lines[1].Discount, got.Lines[1].Net}
			if diff := cmp.Diff(wantLines, gotLines, testkit.EquateDecimals()); diff != "" {
				t.Errorf("line a discount, net, line b discount, net (-want +got):\n%s", diff)
			}
			if len(got.Trace) != 1 || got.Trace[0].Campaign != "acima-100" || len(got.Trace[0].Reasons) == 0 || got.Trace[0].Reasons[0].Code != "applied" {
				t.Errorf("trace = %+v, want acima-100 applied", got.Trace)
			}
		})
	}
}

// TestQuickstartSample evaluates the quickstart's sample files: the totals
// worked out by hand in examples/quickstart/main_test.go.
func TestQuickstartSample(t *testing.T) {
	dir := filepath.Join("..", "quickstart")
	code, stdout, stderr := runCmd(t, "", "-ruleset", filepath.Join(dir, "ruleset.json"), "-cart", filepath.Join(dir, "cart.json"))
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var got output
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	want := []decimal.Decimal{d("283.00"), d("60.59"), d("222.41")}
	if diff := cmp.Diff(want, []decimal.Decimal{got.Totals.Gross, got.Totals.Discount, got.Totals.Net}, testkit.EquateDecimals()); diff != "" {
		t.Errorf("totals gross, discount, net (-want +got):\n%s", diff)
	}
}

func TestInvalidInput(t *testing.T) {
	cart := write(t, "cart.json", validCart)
	rs := write(t, "ruleset.json", validRuleset)
	badRuleset := write(t, "bad-ruleset.json", strings.Replace(validRuleset, `"percent": "10"`, `"percent": "150"`, 1))
	badCart := write(t, "bad-cart.json", strings.Replace(validCart, `"quantity": "1"`, `"quantity": "-1"`, 1))
	unknownField := write(t, "unknown-field.json", strings.Replace(validCart, `"store": {"id": "s"}`, `"store": {"id": "s"}, "colour": "blue"`, 1))
	// A problem of form and one of meaning, reported together.
	twoProblems := write(t, "two-problems.json", strings.Replace(
		strings.Replace(validCart, `"quantity": "1"`, `"quantity": "-1"`, 1),
		`"store": {"id": "s"}`, `"store": {"id": "s"}, "colour": "blue"`, 1))
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		// want are substrings stderr must hold, each on its own line.
		want []string
	}{
		{"invalid ruleset", "", []string{"-ruleset", badRuleset, "-cart", cart},
			[]string{"campaigns[0].benefit.percent: must be between 0 and 100"}},
		{"invalid ruleset on stdin", strings.Replace(validRuleset, `"version": 1`, `"version": 1, "extra": true`, 1),
			[]string{"-ruleset", "-", "-cart", cart}, []string{"standard input", "extra"}},
		{"invalid cart", "", []string{"-ruleset", rs, "-cart", badCart},
			[]string{"lines[1].quantity: must be greater than zero"}},
		{"unknown cart field", "", []string{"-ruleset", rs, "-cart", unknownField},
			[]string{"colour: unknown field"}},
		{"form and meaning problems", "", []string{"-ruleset", rs, "-cart", twoProblems},
			[]string{"colour: unknown field", "lines[1].quantity: must be greater than zero"}},
		{"both invalid", "", []string{"-ruleset", badRuleset, "-cart", badCart},
			[]string{"campaigns[0].benefit.percent", "lines[1].quantity"}},
		{"not JSON", "{", []string{"-ruleset", rs, "-cart", "-"}, []string{"invalid JSON"}},
		{"missing flags", "", nil, []string{"-ruleset and -cart are required"}},
		{"missing cart", "", []string{"-ruleset", rs}, []string{"-cart is required"}},
		{"missing ruleset", "", []string{"-cart", cart}, []string{"-ruleset is required"}},
		{"both stdin", validCart, []string{"-ruleset", "-", "-cart", "-"}, []string{"cannot both be -"}},
		{"unknown flag", "", []string{"-rules", rs}, []string{"flag provided but not defined"}},
		{"extra argument", "", []string{"-ruleset", rs, "-cart", cart, "more"}, []string{"unexpected arguments"}},
		{"unreadable file", "", []string{"-ruleset", filepath.Join(t.TempDir(), "missing.json"), "-cart", cart},
			[]string{"missing.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tc.stdin, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty:\n%s", stdout)
			}
			lines := strings.Split(stderr, "\n")
			for _, w := range tc.want {
				found := false
				for _, l := range lines {
					if strings.Contains(l, w) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("stderr has no line containing %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestProblemsOnePerLine checks that several problems of one input come out
// one per line.
func TestProblemsOnePerLine(t *testing.T) {
	bad := strings.Replace(strings.Replace(validRuleset, `"percent": "10"`, `"percent": "-1"`, 1),
		`"min_value": "100"`, `"min_value": "-5"`, 1)
	code, _, stderr := runCmd(t, bad, "-ruleset", "-", "-cart", write(t, "cart.json", validCart))
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	var paths []string
	for _, l := range strings.Split(stderr, "\n") {
		for _, p := range []string{"campaigns[0].min_value", "campaigns[0].benefit.percent"} {
			if strings.Contains(l, p) {
				paths = append(paths, p)
			}
		}
	}
	want := []string{"campaigns[0].min_value", "campaigns[0].benefit.percent"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("problem lines (-want +got):\n%s\nstderr:\n%s", diff, stderr)
	}
}

// TestHelp checks that -h explains every flag and points at schema files
// that exist.
func TestHelp(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "-h")
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if stdout != "" || !strings.Contains(stderr, "usage: promoeval") {
		t.Errorf("want usage on stderr; stdout %q, stderr %q", stdout, stderr)
	}
	for _, flag := range []string{"-ruleset FILE", "-cart FILE", "-format text", "-format json", "docs/format.md"} {
		if !strings.Contains(stderr, flag) {
			t.Errorf("-h does not explain %s:\n%s", flag, stderr)
		}
	}
	schemas := regexp.MustCompile(`schema/[a-z]+\.schema\.json`).FindAllString(stderr, -1)
	if len(schemas) != 3 {
		t.Errorf("-h names %d schema files, want the ruleset's, the cart's and the result's: %v", len(schemas), schemas)
	}
	for _, s := range append(schemas, "docs/format.md") {
		if _, err := os.Stat(filepath.Join("..", "..", s)); err != nil {
			t.Errorf("-h points at %s: %v", s, err)
		}
	}
}

// TestJSONProblems checks -format json: the problems of both inputs on
// standard output as one JSON document, with the paths the text format
// gives, and nothing on standard error.
func TestJSONProblems(t *testing.T) {
	badRuleset := write(t, "bad-ruleset.json", strings.Replace(validRuleset, `"percent": "10"`, `"percent": "150"`, 1))
	badCart := write(t, "bad-cart.json", strings.Replace(
		strings.Replace(validCart, `"quantity": "1"`, `"quantity": "-1"`, 1),
		`"store": {"id": "s"}`, `"store": {"id": "s"}, "colour": "blue"`, 1))
	type problem struct {
		Input, File, Path, Reason string
	}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  []problem
	}{
		{"both inputs", "", []string{"-format", "json", "-ruleset", badRuleset, "-cart", badCart}, []problem{
			{"ruleset", badRuleset, "campaigns[0].benefit.percent", "must be between 0 and 100"},
			{"cart", badCart, "colour", "unknown field"},
			{"cart", badCart, "lines[1].quantity", "must be greater than zero"},
		}},
		{"not JSON on stdin", "{", []string{"-format", "json", "-ruleset", "-", "-cart", badCart}, nil},
		{"a missing flag", "", []string{"-format", "json", "-ruleset", badRuleset}, []problem{
			{"command", "", "", "-cart is required"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tc.stdin, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if stderr != "" {
				t.Errorf("stderr not empty: %s", stderr)
			}
			var got struct{ Problems []problem }
			dec := json.NewDecoder(strings.NewReader(stdout))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("stdout is not the problems document: %v\n%s", err, stdout)
			}
			if tc.want == nil { // not JSON: one problem of the whole ruleset, then the cart's
				if len(got.Problems) == 0 || got.Problems[0].Input != "ruleset" || got.Problems[0].File != "standard input" ||
					got.Problems[0].Path != "" || !strings.Contains(got.Problems[0].Reason, "invalid JSON") {
					t.Errorf("problems = %+v, want the ruleset's invalid JSON first", got.Problems)
				}
				return
			}
			// A reason is compared by its start ("unknown field" goes on
			// with the known fields).
			for i := range min(len(got.Problems), len(tc.want)) {
				if strings.HasPrefix(got.Problems[i].Reason, tc.want[i].Reason) {
					got.Problems[i].Reason = tc.want[i].Reason
				}
			}
			if diff := cmp.Diff(tc.want, got.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			// The text format gives the same paths.
			args := slices.Clone(tc.args)
			args[1] = "text"
			_, _, text := runCmd(t, tc.stdin, args...)
			for _, p := range tc.want {
				if !strings.Contains(text, p.Path+": "+p.Reason) {
					t.Errorf("the text format has no %s: %s:\n%s", p.Path, p.Reason, text)
				}
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "-format", "xml", "-ruleset", "r.json", "-cart", "c.json")
	if code != 2 || stdout != "" || !strings.Contains(stderr, `-format is text or json, not "xml"`) {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and the format refused on stderr", code, stdout, stderr)
	}
}
