package promocheck_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/promokit/promokit/promocheck"
)

// TestPricingSafetyDoc keeps docs/pricing-safety.md from drifting: its
// policy file decodes, and its property test is the code of
// Example_propertyTest, line for line, within 20 lines.
func TestPricingSafetyDoc(t *testing.T) {
	doc, err := os.ReadFile("../docs/pricing-safety.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```(json|go)\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	var policies, tests int
	for _, b := range blocks {
		switch b[1] {
		case "json":
			policies++
			if _, err := promocheck.DecodePolicy([]byte(b[2])); err != nil {
				t.Errorf("the policy of the doc: %v", err)
			}
		case "go":
			tests++
			lines := strings.Split(strings.TrimRight(b[2], "\n"), "\n")
			if len(lines) >= 20 {
				t.Errorf("the property test takes %d lines, want under 20", len(lines))
			}
			example, err := os.ReadFile("example_test.go")
			if err != nil {
				t.Fatal(err)
			}
			src := string(example)
			body := src[strings.Index(src, "func Example_propertyTest() {"):]
			for _, l := range lines[1 : len(lines)-1] {
				if !strings.Contains(body, l+"\n") {
					t.Errorf("line %q of the doc's test is not in Example_propertyTest", l)
				}
			}
		}
	}
	if policies != 1 || tests != 1 {
		t.Errorf("%d policy files and %d tests in the doc, want 1 and 1", policies, tests)
	}
}
