package campaign_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"promokit/campaign"
)

// The documentation of the ruleset format must not drift from the code:
// the complete example ruleset and every ruleset block of
// testdata/README.md must load.

const fullRuleset = "../testdata/examples/full-ruleset.json"

// TestDocsFullRulesetLoads loads testdata/examples/full-ruleset.json, the
// example testdata/README.md annotates, and fails on any problem.
func TestDocsFullRulesetLoads(t *testing.T) {
	data, err := os.ReadFile(fullRuleset)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := campaign.Load(data); err != nil {
		t.Fatalf("%s does not load:\n%v", fullRuleset, err)
	}
}

// TestDocsFullRulesetCoversTheFormat checks that the complete example uses
// every value of the format's enumerations, so that it stays complete when
// it is edited. The lists are those of testdata/README.md; a kind the
// format gains must be added here and to the example.
func TestDocsFullRulesetCoversTheFormat(t *testing.T) {
	data, err := os.ReadFile(fullRuleset)
	if err != nil {
		t.Fatal(err)
	}
	def, err := campaign.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]map[string]bool{}
	mark := func(what, v string) {
		if seen[what] == nil {
			seen[what] = map[string]bool{}
		}
		seen[what][v] = true
	}
	var walk func(cs []campaign.Condition)
	walk = func(cs []campaign.Condition) {
		for _, c := range cs {
			mark("condition kind", c.Kind)
			if c.Require != "" {
				mark("require", c.Require)
			}
			if c.Period != "" {
				mark("birthday period", c.Period)
			}
			if c.Codes != nil && len(c.Codes.List) > 0 {
				mark("promo code source", "list")
			}
			if c.Codes != nil && c.Codes.Generate != nil {
				mark("promo code source", "generate")
			}
			if c.IssuedBy != "" {
				mark("promo code source", "issued_by")
			}
			walk(c.Conditions)
		}
	}
	for _, g := range def.Groupings {
		mark("grouping kind", g.Kind)
	}
	for _, c := range def.Campaigns {
		flags := map[string]bool{
			"description": c.Description != "", "priority": c.Priority != 0, "end": c.End != "",
			"category": c.Category != "", "non_cumulative": c.NonCumulative,
			"no_activation_rules": c.NoActivationRules, "no_benefit": c.NoBenefit,
			"require_lgpd_consent": c.RequireLGPDConsent, "optional": c.Optional,
			"min_quantity": c.MinQuantity != 0, "min_value": c.MinValue != nil,
			"max_repetitions": c.MaxRepetitions != 0, "funded_by": c.FundedBy != "",
			"limits": len(c.Limits) > 0, "extras": c.Extras != nil,
		}
		for f, set := range flags {
			if set {
				mark("campaign field", f)
			}
		}
		if c.Rules != nil {
			mark("match", orDefault(c.Rules.Match, "all"))
			walk(c.Rules.Conditions)
		}
		b := c.Benefit
		for kind, set := range map[string]bool{
			"percent": b.Percent != nil, "amount": b.Amount != nil, "final_price": b.FinalPrice != nil,
			"free_units": b.FreeUnits != nil, "gift": b.Gift != nil, "progressive": b.Progressive != nil,
			"age_percent": b.AgePercent != nil,
		} {
			if set {
				mark("benefit kind", kind)
				mark("benefit on "+b.On, kind)
			}
		}
		if b.ApplyTo != "" {
			mark("apply_to", b.ApplyTo)
		}
		if b.Progressive != nil {
			for _, tier := range b.Progressive.Tiers {
				if tier.Amount != nil {
					mark("progressive tier", "amount")
				}
				if tier.Percent != nil {
					mark("progressive tier", "percent")
				}
			}
		}
		mark("exchange_mode", orDefault(c.ExchangeMode, "net"))
		for _, l := range c.Limits {
			mark("limit scope", l.Scope)
			mark("limit count", l.Count)
			mark("limit period", l.Period)
		}
		if x := c.Extras; x != nil {
			if x.IssueCode != nil {
				mark("extra", "issue_code")
			}
			if x.Points != nil && x.Points.Fixed != nil {
				mark("extra", "points.fixed")
			}
			if x.Points != nil && x.Points.Multiplier != nil {
				mark("extra", "points.multiplier")
			}
			if x.Cashback != nil {
				mark("extra", "cashback")
			}
		}
	}
	if def.Settings.CashbackRedemption != "" {
		mark("setting", "cashback_redemption")
	}
	if def.Loyalty != nil && def.Loyalty.JuntosSomosMais != nil {
		mark("loyalty program", "juntos_somos_mais")
		for _, tb := range def.Loyalty.JuntosSomosMais.Tables {
			if tb.Store == "*" {
				mark("points table", "*")
			}
			if len(tb.Brands) > 0 {
				mark("points table", "brands")
			}
		}
	}
	for _, a := range def.Associations {
		mark("criterion", a.Criterion)
	}
	for _, m := range def.Markdowns {
		mark("markdown by", m.By)
		mark("markdown audience", orDefault(m.Audience, "all"))
		switch {
		case m.StoreGrouping != "":
			mark("markdown stores", "store_grouping")
		case m.Stores != nil:
			mark("markdown stores", "stores")
		default:
			mark("markdown stores", "every store")
		}
		if m.AlsoInPromotions {
			mark("markdown field", "also_in_promotions")
		}
	}
	want := map[string][]string{
		"condition kind": {"product_code", "sku", "ncm", "category", "grouping", "customer_tax_id",
			"customer_age", "customer_sex", "customer_tier", "customer_grouping", "birthday",
			"captured_field", "tender", "card_bin", "promo_code", "sale_category", "store",
			"store_grouping", "first_purchase", "conecta_agenda", "all", "any"},
		"require":           {"any", "all"},
		"match":             {"all", "any"},
		"birthday period":   {"week"},
		"promo code source": {"list", "generate", "issued_by"},
		"grouping kind":     {"product", "store", "customer"},
		"campaign field": {"description", "priority", "end", "category", "non_cumulative",
			"no_activation_rules", "no_benefit", "require_lgpd_consent", "optional", "min_quantity",
			"min_value", "max_repetitions", "funded_by", "limits", "extras"},
		"benefit kind":      {"percent", "amount", "final_price", "free_units", "gift", "progressive", "age_percent"},
		"benefit on sale":   {"percent", "amount", "progressive", "age_percent"},
		"benefit on items":  {"percent", "amount", "final_price", "free_units", "gift", "progressive"},
		"apply_to":          {"all", "highest", "lowest"},
		"progressive tier":  {"amount", "percent"},
		"limit scope":       {"general", "customer"},
		"limit count":       {"sale", "item"},
		"limit period":      {"day", "week", "month", "campaign"},
		"extra":             {"issue_code", "points.fixed", "points.multiplier", "cashback"},
		"criterion":         {"least_benefit", "most_benefit", "registration_order", "grant_all"},
		"markdown by":       {"code", "sku", "reference", "all"},
		"markdown audience": {"all", "registered", "loyal"},
		"markdown stores":   {"stores", "store_grouping", "every store"},
		"markdown field":    {"also_in_promotions"},
		"exchange_mode":     {"net", "no_activation", "original", "gross"},
		"setting":           {"cashback_redemption"},
		"loyalty program":   {"juntos_somos_mais"},
		"points table":      {"*", "brands"},
	}
	for what, values := range want {
		var missing []string
		for _, v := range values {
			if !seen[what][v] {
				missing = append(missing, v)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s: no %s %s in the example", fullRuleset, what, strings.Join(missing, ", "))
		}
	}
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// docBlock is a fenced code block of a Markdown file.
type docBlock struct {
	line int // of the opening fence, 1-based
	text string
}

// rulesetBlocks returns the blocks of a Markdown file opened with the fence
// info string want ("json ruleset" or "jsonc ruleset").
func rulesetBlocks(t *testing.T, path, want string) []docBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []docBlock
	var cur *docBlock
	var body strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		fence := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(fence, "```") && strings.Join(strings.Fields(strings.TrimPrefix(fence, "```")), " ") == want:
			cur = &docBlock{line: n}
			body.Reset()
		case cur != nil && fence == "```":
			cur.text = body.String()
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			body.WriteString(line)
			body.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Fatalf("%s:%d: the %s block is not closed", path, cur.line, want)
	}
	return out
}

// TestDocsReadmeRulesetsLoad loads every ```json ruleset block of
// testdata/README.md, and every ```jsonc ruleset block with its // comments
// removed.
func TestDocsReadmeRulesetsLoad(t *testing.T) {
	readme := filepath.Join("..", "testdata", "README.md")
	plain := rulesetBlocks(t, readme, "json ruleset")
	annotated := rulesetBlocks(t, readme, "jsonc ruleset")
	// The README documents each part of the format with a ruleset that
	// loads; losing the marker must not silently turn the check off.
	if len(plain) < 5 {
		t.Errorf("%s: found %d ```json ruleset blocks, want at least 5", readme, len(plain))
	}
	if len(annotated) < 1 {
		t.Errorf("%s: found no ```jsonc ruleset block", readme)
	}
	for _, b := range plain {
		if _, err := campaign.Load([]byte(b.text)); err != nil {
			t.Errorf("%s:%d: the ruleset does not load:\n%v", readme, b.line, err)
		}
	}
	for _, b := range annotated {
		if _, err := campaign.Load([]byte(stripComments(b.text))); err != nil {
			t.Errorf("%s:%d: the annotated ruleset, without its comments, does not load:\n%v", readme, b.line, err)
		}
	}
}

// stripComments removes // comments that are outside JSON strings.
func stripComments(s string) string {
	var out strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			if i < len(s) {
				out.WriteByte('\n')
			}
			continue
		}
		out.WriteByte(c)
	}
	return out.String()
}

func TestDocsStripComments(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{\"a\": 1} // note\n", "{\"a\": 1} \n"},
		{"{\"u\": \"http://x\"}\n", "{\"u\": \"http://x\"}\n"},
		{"{\"q\": \"a\\\"//b\"} // c", "{\"q\": \"a\\\"//b\"} "},
		{"// only\n{}", "\n{}"},
	} {
		if diff := cmp.Diff(tc.want, stripComments(tc.in)); diff != "" {
			t.Errorf("stripComments(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}
