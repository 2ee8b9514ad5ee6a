package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func planted(name, file string) string {
	return filepath.Join("..", "..", "testdata", "policies", name, file)
}

func runCommand(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestPlanted: each planted violation is found (exit 1), reported in both
// languages, with a smallest cart of at most 3 lines.
func TestPlanted(t *testing.T) {
	lines := regexp.MustCompile(`Smallest cart found \((\d+) lines?\)`)
	for _, c := range []struct{ dir, pt, en string }{
		{"empilhamento-46", "desconto máximo por venda", "maximum discount per sale"},
		{"abaixo-do-custo", "preço mínimo (custo mais margem)", "floor price (cost plus margin)"},
		{"dois-brindes", "máximo de brindes por venda", "maximum gifts per sale"},
	} {
		for _, seed := range []string{"1", "2", "3"} {
			code, out, errOut := runCommand(t, "-ruleset", planted(c.dir, "ruleset.json"), "-policy", planted(c.dir, "policy.json"), "-seed", seed)
			if code != exitViolation || errOut != "" {
				t.Fatalf("%s seed %s: exit %d, stderr %q; want 1 and nothing", c.dir, seed, code, errOut)
			}
			m := lines.FindStringSubmatch(out)
			if m == nil || !strings.Contains(out, "Menor carrinho encontrado") || !strings.Contains(out, c.pt) || !strings.Contains(out, c.en) {
				t.Fatalf("%s seed %s: the report misses a part:\n%s", c.dir, seed, out)
			}
			if n, _ := strconv.Atoi(m[1]); n > 3 {
				t.Errorf("%s seed %s: %d lines, want at most 3:\n%s", c.dir, seed, n, out)
			}
		}
	}
}

// TestNoneFound: a policy the ruleset keeps (the wine week and the club
// stack to 46 %, never 50 %) exits 0 after the tries asked for.
func TestNoneFound(t *testing.T) {
	policy := filepath.Join(t.TempDir(), "policy.json")
	if err := os.WriteFile(policy, []byte(`{"version": 1, "max_sale_discount_percent": "50"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCommand(t, "-ruleset", planted("empilhamento-46", "ruleset.json"), "-policy", policy, "-tries", "200", "-lang", "en")
	if code != exitNone || errOut != "" || out != "No cart breaks the policy in 200 tries.\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestInvalid: bad flags and the problems of both files at once, each by
// its path, exit 2.
func TestInvalid(t *testing.T) {
	dir := t.TempDir()
	ruleset := filepath.Join(dir, "ruleset.json")
	policy := filepath.Join(dir, "policy.json")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(ruleset, []byte(`{"version": 1, "campaigns": [{"id": "a", "name": "A", "start": "2026-11-01",
		"no_activation_rules": true, "benefit": {"on": "sale", "percent": "140"}}]}`), 0o644))
	must(os.WriteFile(policy, []byte(`{"version": 1, "max_sale_discount_percent": "30", "color": "azul"}`), 0o644))
	code, out, errOut := runCommand(t, "-ruleset", ruleset, "-policy", policy)
	if code != exitInvalid || out != "" ||
		!strings.Contains(errOut, "campaigns[0].benefit.percent: must be between 0 and 100") ||
		!strings.Contains(errOut, "color: unknown field") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
	must(os.WriteFile(ruleset, []byte(`{"version": 1, "campaigns": []}`), 0o644))
	must(os.WriteFile(policy, []byte(`{"version": 1, "never_stack": [{"campaign": "nenhuma"}]}`), 0o644))
	if code, _, errOut := runCommand(t, "-ruleset", ruleset, "-policy", policy); code != exitInvalid ||
		!strings.Contains(errOut, `never_stack[0].campaign: no promotion "nenhuma" in the ruleset`) {
		t.Errorf("a campaign the ruleset lacks: exit %d, stderr:\n%s", code, errOut)
	}
	for _, args := range [][]string{{}, {"-ruleset", ruleset}, {"-ruleset", ruleset, "-policy", policy, "-tries", "0"},
		{"-ruleset", ruleset, "-policy", policy, "-lang", "fr"}, {"-ruleset", ruleset, "-policy", policy, "extra"},
		{"-ruleset", filepath.Join(dir, "nope.json"), "-policy", policy}} {
		if code, _, errOut := runCommand(t, args...); code != exitInvalid || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}
