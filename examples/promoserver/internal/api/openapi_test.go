package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

type openAPIDoc struct {
	OpenAPI    string                           `json:"openapi"`
	Paths      map[string]map[string]openAPIOp  `json:"paths"`
	Components struct{ Schemas map[string]any } `json:"components"`
}

type openAPIOp struct {
	OperationID string `json:"operationId"`
	Responses   map[string]struct {
		Content map[string]struct {
			Schema any `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

func readDoc(t *testing.T) openAPIDoc {
	t.Helper()
	var d openAPIDoc
	if err := json.Unmarshal(api.OpenAPI, &d); err != nil {
		t.Fatal(err)
	}
	if d.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q, want 3.1.0", d.OpenAPI)
	}
	return d
}

// The document's operations are exactly the handlers' routes, with the
// same operation ids, both ways.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	d := readDoc(t)
	doc := map[string]string{}
	for path, ops := range d.Paths {
		for method, op := range ops {
			doc[strings.ToUpper(method)+" "+path] = op.OperationID
		}
	}
	routes := map[string]string{}
	for _, r := range api.Routes() {
		routes[r.Method+" "+r.Pattern] = r.OperationID
	}
	for k, id := range doc {
		if routes[k] != id {
			t.Errorf("the document's %s (%s) has no handler with that operation id (handler: %q)", k, id, routes[k])
		}
	}
	for k, id := range routes {
		if doc[k] != id {
			t.Errorf("handler %s (%s) is not in the document", k, id)
		}
	}
}

// Every operation is called on a real server, and each answer's status is
// one the document lists for it, with a body its schema accepts; every
// operation is exercised.
func TestOpenAPIDescribesAnswers(t *testing.T) {
	d := readDoc(t)
	s := start(t, "sqlite", store.Options{})
	s.load(t, string(sample.Ruleset))
	ctx := context.Background()
	ops := map[string]openAPIOp{}
	patterns := map[string]*regexp.Regexp{}
	for path, byMethod := range d.Paths {
		for method, op := range byMethod {
			ops[strings.ToUpper(method)+" "+path] = op
		}
		wild := regexp.MustCompile(`\{[^}]+\}`).ReplaceAllString(path, "WILDCARD")
		patterns[path] = regexp.MustCompile("^" + strings.ReplaceAll(regexp.QuoteMeta(wild), "WILDCARD", "[^/]+") + "$")
	}
	seen := map[string]map[int]bool{}
	call := func(method, path string, body any) []byte {
		t.Helper()
		status, out, err := s.admin.Do(ctx, method, path, body)
		if err != nil {
			t.Fatal(err)
		}
		clean := strings.SplitN(path, "?", 2)[0]
		var key string
		for p, re := range patterns {
			if re.MatchString(clean) && (key == "" || !strings.Contains(p, "{")) {
				if _, ok := ops[method+" "+p]; ok {
					key = method + " " + p
				}
			}
		}
		op, ok := ops[key]
		if !ok {
			t.Fatalf("%s %s is not in the document", method, path)
		}
		if seen[key] == nil {
			seen[key] = map[int]bool{}
		}
		seen[key][status] = true
		resp, ok := op.Responses[strconv.Itoa(status)]
		if !ok {
			t.Errorf("%s %s answered %d, which the document does not list: %s", method, path, status, out)
			return out
		}
		for ctype, c := range resp.Content {
			var v any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Errorf("%s %s: %d body is not JSON (%s): %s", method, path, status, ctype, out)
				continue
			}
			for _, p := range validate(d.Components.Schemas, c.Schema, v, "") {
				t.Errorf("%s %s %d: %s", method, path, status, p)
			}
		}
		return out
	}
	c := cart("openapi-001", 60, "cli-openapi", "VALE", "1", "1.00", "CAFE-500", "2", "18.90", "NESCAU-400", "3", "12.49", "AZEITE-500", "3", "42.90", "FEIJAO-1", "2", "8.79")
	c.PromoCodes = []string{"BEMVINDO-01"}
	call("GET", "/openapi.json", nil)
	call("GET", "/healthz", nil)
	var ev store.Evaluation
	if err := json.Unmarshal(call("POST", "/v1/evaluate", c), &ev); err != nil {
		t.Fatal(err)
	}
	call("POST", "/v1/evaluate", []byte(`{"id": 3, "lines": [{"quantity": "-1"}]}`))
	call("POST", "/v1/simulate", map[string]any{"cart": c, "campaigns": []string{"cafe-9-90"}})
	call("POST", "/v1/simulate", map[string]any{"cart": c, "campaigns": []string{"nope"}})
	cartJSON, _ := json.Marshal(c)
	call("POST", "/v1/sales", api.CommitRequest{Cart: cartJSON, Fingerprint: "stale"})
	call("POST", "/v1/sales", api.CommitRequest{Cart: cartJSON, Fingerprint: ev.Fingerprint})
	call("POST", "/v1/sales", api.CommitRequest{Cart: cartJSON, Fingerprint: ev.Fingerprint})
	call("POST", "/v1/sales", map[string]any{"cart": c})
	call("GET", "/v1/sales/openapi-001", nil)
	call("GET", "/v1/sales/none", nil)
	call("POST", "/v1/sales/openapi-001/returns", map[string]any{"id": "r1", "time": c.Time, "store": "loja-1", "lines": []map[string]string{{"line": "2", "quantity": "1"}}})
	call("POST", "/v1/sales/openapi-001/returns", map[string]any{"id": "r1", "time": c.Time, "store": "loja-1", "lines": []map[string]string{{"line": "2", "quantity": "1"}}})
	call("POST", "/v1/sales/openapi-001/returns", map[string]any{"id": "r2", "time": c.Time, "store": "loja-1", "lines": []map[string]string{{"line": "9", "quantity": "1"}}})
	call("POST", "/v1/sales/none/returns", map[string]any{"id": "r3", "time": c.Time, "store": "loja-1", "lines": []map[string]string{{"line": "1", "quantity": "1"}}})
	call("POST", "/v1/sales/openapi-001/void", nil)
	call("POST", "/v1/sales/none/void", nil)
	c2 := cart("openapi-002", 70, "cli-openapi", "ARROZ-5", "1", "27.90")
	ev2, err := s.admin.Evaluate(ctx, c2)
	if err != nil {
		t.Fatal(err)
	}
	if a, err := s.admin.Commit(ctx, c2, ev2.Fingerprint); err != nil || a.Status != http.StatusCreated {
		t.Fatalf("commit: %d %s %v", a.Status, a.Body, err)
	}
	call("POST", "/v1/sales/openapi-002/void", nil)
	call("POST", "/v1/sales/openapi-002/void", nil)
	call("GET", "/v1/campaigns?status=active&at=2026-11-21T10:00:00-03:00", nil)
	call("GET", "/v1/campaigns?status=sometimes", nil)
	call("GET", "/v1/rulesets", nil)
	call("POST", "/v1/rulesets", []byte(`{"version": 2}`))
	call("POST", "/v1/rulesets", []byte(strings.Replace(string(sample.Ruleset), `"max": 5,`, `"max": 6,`, 1)))
	call("GET", "/v1/rulesets/current", nil)
	call("GET", "/v1/rulesets/1", nil)
	call("GET", "/v1/rulesets/99", nil)
	call("GET", "/v1/rulesets/x", nil)
	var diff struct {
		Changes []store.PromotionDiff
	}
	if err := json.Unmarshal(call("GET", "/v1/rulesets/current/diff", nil), &diff); err != nil || len(diff.Changes) != 1 || diff.Changes[0].ID != "cafe-9-90" {
		t.Errorf("diff of the limit change: %+v %v", diff, err)
	}
	call("GET", "/v1/rulesets/2/diff?from=0", nil)
	call("GET", "/v1/rulesets/7/diff", nil)
	call("GET", "/v1/rulesets/x/diff", nil)
	call("PUT", "/v1/budgets/"+sample.BudgetedPromotion, map[string]int{"units": 100})
	call("PUT", "/v1/budgets/"+sample.BudgetedPromotion, map[string]int{"units": -1})
	call("GET", "/v1/budgets", nil)
	call("GET", "/v1/counters?prefix=limit/", nil)
	var money struct{ Counters []store.Counter }
	if err := json.Unmarshal(call("GET", "/v1/counters?prefix=budget/", nil), &money); err != nil || len(money.Counters) == 0 || money.Counters[0].MaxAmount == "" {
		t.Errorf("the money budgets' counters: %+v %v", money, err)
	}
	var w store.Wallet
	if err := json.Unmarshal(call("GET", "/v1/customers/cli-openapi/wallet", nil), &w); err != nil {
		t.Fatal(err)
	}
	call("GET", "/v1/customers/cli-openapi/wallet?at=yesterday", nil)
	call("POST", "/v1/credits/"+w.Credits[0].ID+"/review", nil)
	call("POST", "/v1/credits/none/review", nil)
	call("GET", "/v1/audit", nil)
	call("GET", "/v1/audit?at=now", nil)
	for _, r := range []string{"summary", "statistics", "frequency", "cashback", "discounts-by-key", "discounts-by-funder"} {
		call("GET", "/v1/reports/"+r+"?period=week", nil)
		call("GET", "/v1/reports/"+r+"?source=stream", nil)
	}
	call("GET", "/v1/reports/activations?store=loja-1", nil)
	call("GET", "/v1/reports/activations", nil)
	call("GET", "/v1/reports/nothing", nil)
	for _, k := range slices.Sorted(maps.Keys(ops)) {
		if len(seen[k]) == 0 {
			t.Errorf("operation %s was never exercised", k)
		}
	}
}

// validate checks a decoded JSON value against the subset of JSON Schema
// the document uses: $ref, type, required, properties,
// additionalProperties false, items, enum, pattern, minItems.
func validate(defs map[string]any, schema, v any, path string) []string {
	s, ok := schema.(map[string]any)
	if !ok {
		return nil
	}
	if ref, ok := s["$ref"].(string); ok {
		return validate(defs, defs[strings.TrimPrefix(ref, "#/components/schemas/")], v, path)
	}
	var out []string
	fail := func(format string, args ...any) {
		out = append(out, strings.TrimPrefix(path, ".")+": "+fmt.Sprintf(format, args...))
	}
	if t, ok := s["type"]; ok {
		types := []string{}
		switch t := t.(type) {
		case string:
			types = append(types, t)
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		if !slices.Contains(types, jsonType(v)) && !(jsonType(v) == "integer" && slices.Contains(types, "number")) {
			fail("is %s, want %v", jsonType(v), types)
			return out
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		fail("%v is not one of %v", v, enum)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, ok := v.(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := v[r]; !ok {
				fail("required property %q missing", r)
			}
		}
		for k, x := range v {
			if ps, ok := props[k]; ok {
				out = append(out, validate(defs, ps, x, path+"."+k)...)
			} else if s["additionalProperties"] == false {
				fail("property %q is not in the schema", k)
			}
		}
	case []any:
		if n, ok := s["minItems"].(float64); ok && len(v) < int(n) {
			fail("%d items, want at least %v", len(v), n)
		}
		for i, x := range v {
			out = append(out, validate(defs, s["items"], x, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return out
}

func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	}
	return "object"
}

func asStrings(v any) []string {
	var out []string
	if xs, ok := v.([]any); ok {
		for _, x := range xs {
			out = append(out, x.(string))
		}
	}
	return out
}
