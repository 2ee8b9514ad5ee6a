package campaign_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// The tests of this file reproduce what probing the ruleset decoder with
// hostile input found: each input is answered with a clear problem at its
// path, before any expensive work.

// hoRuleset is a valid ruleset document with one campaign whose benefit
// (and other fields) the tests replace.
func hoRuleset(campaignFields, rest string) string {
	if rest != "" {
		rest = ", " + rest
	}
	return `{"version": 1, "campaigns": [{"id": "c", "name": "C", "start": "2026-11-01", "no_activation_rules": true` +
		campaignFields + `}]` + rest + `}`
}

func TestHostileRulesetNumbers(t *testing.T) {
	tests := []struct {
		name, fields, rest string
		want               []wantError
	}{
		{"a huge sale amount", `, "benefit": {"on": "sale", "amount": 1e10000}`, "",
			[]wantError{{"campaigns[0].benefit.amount", "must be less than 100000000000"}}},
		{"a sale amount in fractions of a cent", `, "benefit": {"on": "sale", "amount": "0.001"}`, "",
			[]wantError{{"campaigns[0].benefit.amount", "at most 2 decimal places"}}},
		{"an item amount is a unit price: 10 places", `, "benefit": {"on": "items", "amount": "0.0000000001"}`, "", nil},
		{"a huge final price", `, "benefit": {"on": "items", "final_price": 9999999999999999999999999999e999}`, "",
			[]wantError{{"campaigns[0].benefit.final_price", "must be less than 100000000000"}}},
		{"a tiny percent", `, "benefit": {"on": "items", "percent": 1e-10000}`, "",
			[]wantError{{"campaigns[0].benefit.percent", "at most 4 decimal places"}}},
		{"a huge threshold", `, "min_value": 1e10000, "benefit": {"on": "sale", "percent": 10}`, "",
			[]wantError{{"campaigns[0].min_value", "must be less than 100000000000"}}},
		{"a huge progressive tier", `, "benefit": {"on": "sale", "progressive": {"tiers": [{"min_quantity": 1, "amount": 1e10000}]}}`, "",
			[]wantError{{"campaigns[0].benefit.progressive.tiers[0].amount", "must be less than 100000000000"}}},
		{"a huge cashback", `, "benefit": {"on": "sale", "percent": 1}, "extras": {"cashback": {"kind": "fixed", "value": 1e10000, "min_purchase": 1e-10000}}`, "",
			[]wantError{
				{"campaigns[0].extras.cashback.value", "must be less than 100000000000"},
				{"campaigns[0].extras.cashback.min_purchase", "at most 2 decimal places"},
			}},
		{"huge points", `, "benefit": {"on": "sale", "percent": 1}, "extras": {"points": {"fixed": 1e10000}}`, "",
			[]wantError{{"campaigns[0].extras.points.fixed", "must be at most 1000000"}}},
		{"a huge markdown price", `, "benefit": {"on": "sale", "percent": 1}`,
			`"markdowns": [{"id": "m", "name": "M", "start": "2026-11-01", "by": "code", "items": [{"key": "A", "price": 1e10000}]}]`,
			[]wantError{{"markdowns[0].items[0].price", "must be less than 100000000000"}}},
		{"a number of a million digits", `, "benefit": {"on": "sale", "amount": ` + strings.Repeat("9", 1_000_000) + `}`, "",
			[]wantError{{"campaigns[0].benefit.amount", "a number of 1000000 characters: at most 40"}}},
		{"an exponent out of range", `, "benefit": {"on": "sale", "amount": 0e999999999}`, "",
			[]wantError{{"campaigns[0].benefit.amount", "exponent"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := campaign.Load([]byte(hoRuleset(tt.fields, tt.rest)))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			checkErrors(t, err, tt.want)
		})
	}
}

func TestHostilePathsNameTheField(t *testing.T) {
	// A negative bonus value is reported at its field, not at the bonus.
	doc := `{"version": 1, "campaigns": [], "combos": [{"id": "k", "name": "Kit", "start": "2026-11-01", "kind": "kit",
	  "buy": [{"product": "A", "quantity": 1}],
	  "bonus": [{"product": "B", "quantity": 1, "percent": -5}, {"product": "C", "quantity": 1, "amount": -1}, {"product": "D", "quantity": 1, "unit_price": -1}]}]}`
	_, err := campaign.Load([]byte(doc))
	checkErrors(t, err, []wantError{
		{"combos[0].bonus[0].percent", "must be between 0 and 100"},
		{"combos[0].bonus[1].amount", "must not be negative"},
		{"combos[0].bonus[2].unit_price", "must not be negative"},
	})

	// A percent that does not decode is one problem: the benefit does not
	// also lack its kind.
	_, err = campaign.Load([]byte(hoRuleset(`, "benefit": {"on": "sale", "percent": "ten"}`, "")))
	checkErrors(t, err, []wantError{{"campaigns[0].benefit.percent", "want a decimal number"}})
	_, err = campaign.Load([]byte(hoRuleset(`, "benefit": {"on": "sale", "progressive": {"tiers": [{"min_quantity": 2, "percent": true}]}}`, "")))
	checkErrors(t, err, []wantError{{"campaigns[0].benefit.progressive.tiers[0].percent", "want a number"}})

	// An unknown field is no value of the benefit's: the benefit still
	// lacks its kind.
	_, err = campaign.Load([]byte(hoRuleset(`, "benefit": {"on": "sale", "discount": 10}`, "")))
	checkErrors(t, err, []wantError{
		{"campaigns[0].benefit.discount", "unknown field"},
		{"campaigns[0].benefit", "exactly one of"},
	})
}

func TestHostileRulesetSizeLimits(t *testing.T) {
	long := strings.Repeat("x", 129)
	tests := []struct {
		name string
		doc  string
		want []wantError
	}{
		{"a long campaign id", `{"version": 1, "campaigns": [{"id": "` + long + `", "name": "C", "start": "2026-11-01", "no_activation_rules": true,
		  "benefit": {"on": "sale", "percent": 1}}]}`,
			[]wantError{{"campaigns[0].id", "129 bytes: at most 128 (settings.limits.max_id_length)"}}},
		{"a raised id length", `{"version": 1, "settings": {"limits": {"max_id_length": 200}}, "campaigns": [{"id": "` + long + `", "name": "C",
		  "start": "2026-11-01", "no_activation_rules": true, "benefit": {"on": "sale", "percent": 1}}]}`, nil},
		{"a long product code", hoRuleset(`, "benefit": {"on": "sale", "percent": 1}`, "")[:0] +
			`{"version": 1, "campaigns": [{"id": "c", "name": "C", "start": "2026-11-01", "rules": {"conditions": [{"kind": "product_code", "values": ["` + long + `"]}]},
		  "benefit": {"on": "sale", "percent": 1}}]}`,
			[]wantError{{"campaigns[0].rules.conditions[0].values[0]", "129 bytes: at most 128"}}},
		{"a long name", hoRuleset(`, "description": "`+strings.Repeat("d", 1001)+`", "benefit": {"on": "sale", "percent": 1}`, ""),
			[]wantError{{"campaigns[0].description", "1001 bytes: at most 1000 (settings.limits.max_text_length)"}}},
		{"invalid UTF-8 in a name", hoRuleset(`, "benefit": {"on": "sale", "percent": 1}`, "")[:0] +
			`{"version": 1, "campaigns": [{"id": "c", "name": "` + "\xff" + `", "start": "2026-11-01", "no_activation_rules": true, "benefit": {"on": "sale", "percent": 1}}]}`,
			[]wantError{{"campaigns[0].name", "not valid UTF-8"}}},
		{"limits above their ceilings", `{"version": 1, "settings": {"limits": {"max_lines": 10001, "max_exchanges": 1001, "max_payments": 101,
		  "max_codes": 1001, "max_credits": 1001, "max_history": 100001, "max_id_length": 1025, "max_text_length": 65537, "max_cart_bytes": 16777217}},
		  "campaigns": []}`,
			[]wantError{
				{"settings.limits.max_lines", "at most 10000"},
				{"settings.limits.max_exchanges", "at most 1000"},
				{"settings.limits.max_payments", "at most 100"},
				{"settings.limits.max_codes", "at most 1000"},
				{"settings.limits.max_credits", "at most 1000"},
				{"settings.limits.max_history", "at most 100000"},
				{"settings.limits.max_id_length", "at most 1024"},
				{"settings.limits.max_text_length", "at most 65536"},
				{"settings.limits.max_cart_bytes", "at most 16777216"},
			}},
		{"negative limits", `{"version": 1, "settings": {"limits": {"max_lines": -1}}, "campaigns": []}`,
			[]wantError{{"settings.limits.max_lines", "must not be negative"}}},
		{"deep nesting", `{"version": 1, "campaigns": [{"id": "c", "name": "C", "start": "2026-11-01", "rules": {"conditions": [` +
			strings.Repeat(`{"kind": "all", "conditions": [`, 100) + `{"kind": "product_code", "values": ["A"]}` + strings.Repeat(`]}`, 100) +
			`]}, "benefit": {"on": "sale", "percent": 1}}]}`,
			[]wantError{{"", "nested deeper than 64"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := campaign.Load([]byte(tt.doc))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			checkErrors(t, err, tt.want)
		})
	}

	// A document over the size limit is refused before it is read.
	big := make([]byte, campaign.MaxRulesetBytes+1)
	for i := range big {
		big[i] = ' '
	}
	_, err := campaign.Load(big)
	checkErrors(t, err, []wantError{{"", fmt.Sprintf("a document of %d bytes: at most %d", len(big), campaign.MaxRulesetBytes)}})
}

// hoLeaf is one scalar of a JSON document and its path.
type hoLeaf struct {
	path  string
	value any // string or json.Number
}

// hoLeaves lists the scalars of a decoded JSON value, in a stable order.
func hoLeaves(path string, v any, out *[]hoLeaf) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			hoLeaves(p, x[k], out)
		}
	case []any:
		for i, e := range x {
			hoLeaves(fmt.Sprintf("%s[%d]", path, i), e, out)
		}
	case string, json.Number:
		*out = append(*out, hoLeaf{path, x})
	}
}

// hoReplace returns a copy of the document with the scalar at path replaced
// by the raw JSON text raw.
func hoReplace(t *testing.T, v any, path, raw string) []byte {
	t.Helper()
	var walk func(p string, v any) any
	walk = func(p string, v any) any {
		if p == path {
			return json.RawMessage(raw)
		}
		switch x := v.(type) {
		case map[string]any:
			m := make(map[string]any, len(x))
			for k, e := range x {
				kp := k
				if p != "" {
					kp = p + "." + k
				}
				m[k] = walk(kp, e)
			}
			return m
		case []any:
			s := make([]any, len(x))
			for i, e := range x {
				s[i] = walk(fmt.Sprintf("%s[%d]", p, i), e)
			}
			return s
		}
		return v
	}
	data, err := json.Marshal(walk("", v))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHostileEveryLeafIsBounded replaces, one at a time, every scalar of
// the complete example ruleset (it uses every field of the format) with
// hostile values: every number with one too large, one with too many
// decimal places and one with an exponent out of range, every string with
// invalid UTF-8 and with a text over every length limit (a number in a
// string field is refused as a number, a string in a number field as a
// string: no hostile value goes through). Each must be
// refused with a problem at exactly that path.
func TestHostileEveryLeafIsBounded(t *testing.T) {
	data, err := os.ReadFile(fullRuleset)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var leaves []hoLeaf
	hoLeaves("", doc, &leaves)
	if len(leaves) < 100 {
		t.Fatalf("only %d scalars in the complete example", len(leaves))
	}
	numeric := func(l hoLeaf) bool {
		switch x := l.value.(type) {
		case json.Number:
			return true
		case string:
			_, err := json.Number(x).Float64()
			return err == nil && x != ""
		}
		return false
	}
	// The version and the limits of the settings are not the document's
	// contents: they are checked on their own.
	skip := func(path string) bool { return path == "version" }
	hostile := []string{`1e10000`, `1e-10000`, `0e999999999`, strings.Repeat("9", 41)}
	checked := 0
	for _, l := range leaves {
		if skip(l.path) {
			continue
		}
		var tries []string
		if numeric(l) {
			tries = append(tries, hostile...)
		}
		if _, ok := l.value.(string); ok {
			tries = append(tries, `"`+"a\xffb"+`"`, `"`+strings.Repeat("x", 65537)+`"`)
		}
		for _, raw := range tries {
			_, err := campaign.Load(hoReplace(t, doc, l.path, raw))
			var ve *promo.ValidationError
			found := false
			if e, ok := err.(*promo.ValidationError); ok {
				ve = e
				for _, p := range ve.Problems {
					if p.Path == l.path {
						found = true
					}
				}
			}
			if !found {
				shown := raw
				if len(shown) > 50 {
					shown = shown[:50] + "…"
				}
				t.Errorf("%s = %s: no problem at its path; got %v", l.path, shown, err)
			}
			checked++
		}
	}
	t.Logf("%d scalars, %d hostile documents", len(leaves), checked)
}
