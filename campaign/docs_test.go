package campaign_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
)

// The documentation of the ruleset format must not drift from the code:
// the complete example ruleset and every ruleset block of
// docs/format.md must load.

const fullRuleset = "../testdata/examples/full-ruleset.json"

// TestDocsFullRulesetLoads loads testdata/examples/full-ruleset.json, the
// example docs/format.md annotates, and fails on any problem.
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
// every value of the format's enumerations, and every family (Reshop
// campaigns, markdowns, associations, the points program, Desconto Pack
// tables, combo bonifications, industry promotions) with its options, so
// that it stays complete when it is edited. The lists are those of
// docs/format.md; a kind the format gains must be added here and to
// the example.
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
	mark := func(what string, v any) {
		if seen[what] == nil {
			seen[what] = map[string]bool{}
		}
		seen[what][fmt.Sprint(v)] = true
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
	exceptions := func(owner string, x *campaign.Exceptions) {
		if x == nil {
			return
		}
		mark("exceptions on", owner)
		for list, set := range map[string]bool{
			"product_codes": len(x.ProductCodes) > 0, "skus": len(x.SKUs) > 0, "categories": len(x.Categories) > 0,
			"brands": len(x.Brands) > 0, "groupings": len(x.Groupings) > 0,
		} {
			if set {
				mark("exception list", list)
			}
		}
	}
	for _, c := range def.Campaigns {
		flags := map[string]bool{
			"description": c.Description != "", "priority": c.Priority != 0, "end": c.End != "",
			"category": c.Category != "", "non_cumulative": c.NonCumulative,
			"no_activation_rules": c.NoActivationRules, "no_benefit": c.NoBenefit,
			"require_lgpd_consent": c.RequireLGPDConsent, "optional": c.Optional,
			"min_quantity": c.MinQuantity != 0, "min_value": c.MinValue != nil,
			"max_repetitions": c.MaxRepetitions != 0, "funded_by": c.FundedBy != "",
			"limits": len(c.Limits) > 0, "extras": c.Extras != nil, "exceptions": c.Exceptions != nil,
			"budget": c.Budget != nil, "target": c.Target != nil,
		}
		for f, set := range flags {
			if set {
				mark("campaign field", f)
			}
		}
		exceptions("campaign", c.Exceptions)
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
				mark("benefit on "+string(b.On), kind)
			}
		}
		if b.ApplyTo != "" {
			mark("apply_to", b.ApplyTo)
		}
		if b.MaxDiscount != nil {
			mark("max_discount on", b.On)
		}
		if c.GroupMode != "" {
			mark("group_mode", c.GroupMode)
		}
		if tg := c.Target; tg != nil {
			switch {
			case tg.AllLines:
				mark("target", "all_lines")
			default:
				mark("target", "conditions")
			}
			if tg.Quantity > 0 {
				mark("target", "quantity")
			}
		}
		if bd := c.Budget; bd != nil {
			if bd.Total != nil {
				mark("budget", "total")
			}
			if bd.PerCustomer != nil {
				mark("budget", "per_customer")
			}
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
				if x.Cashback.MaxAmount.Sign() > 0 {
					mark("extra", "cashback.max_amount")
				}
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
			if tb.PointsPerUnit != nil {
				mark("points table", "points_per_unit")
			}
		}
	}
	for _, a := range def.Associations {
		mark("criterion", a.Criterion)
	}
	if co := def.Company; co != nil {
		if co.LineBeforeRole {
			mark("company setting", "line_before_role")
		}
		if co.NearExpiry && co.NearExpiryMask != "" {
			mark("company setting", "near_expiry")
		}
	}
	for _, pk := range def.DiscountPacks {
		exceptions("discount_pack", pk.Exceptions)
		mark("pack status", orDefault(pk.Status, "current"))
		mark("pack owner", pk.Owner)
		for _, st := range pk.Stores {
			mark("pack store kind", st.Kind)
		}
		for _, rq := range pk.Requirements {
			mark("pack requirement", rq.Attribute)
			if rq.MinQuantity > 0 {
				mark("pack requirement bound", string(rq.Attribute)+".min_quantity")
			}
			if rq.MinValue != nil {
				mark("pack requirement bound", string(rq.Attribute)+".min_value")
			}
		}
		if s := pk.Prize.Sale; s != nil {
			if s.Percent != nil {
				mark("pack prize", "sale.percent")
			}
			if s.Amount != nil {
				mark("pack prize", "sale.amount")
			}
		}
		if it := pk.Prize.Items; it != nil {
			mark("pack prize", "items")
			if len(it.Grid) > 0 {
				mark("pack prize", "items.grid")
			}
			mark("pack items attribute", it.Attribute)
			if it.Quantity > 0 {
				mark("pack items rule", orDefault(it.Rule, "highest"))
			}
		}
		for f, set := range map[string]bool{
			"priority": pk.Priority != 0, "end": pk.End != "", "min_sale_value": pk.MinSaleValue != nil,
			"requirements": len(pk.Requirements) > 0, "max_items": pk.MaxItems != 0,
			"require_customer": pk.RequireCustomer, "limit_per_customer": pk.LimitPerCustomer != 0,
			"near_expiry_only": pk.NearExpiryOnly,
		} {
			if set {
				mark("pack field", f)
			}
		}
	}
	for _, cb := range def.Combos {
		exceptions("combo", cb.Exceptions)
		mark("combo kind", cb.Kind)
		for _, b := range cb.Bonus {
			for kind, set := range map[string]bool{
				"percent": b.Percent != nil, "amount": b.Amount != nil, "unit_price": b.UnitPrice != nil, "brand": b.Brand != "",
			} {
				if set {
					mark("combo bonus", kind)
				}
			}
		}
		if cb.Kind == "quantity" {
			mark("combo price_type", orDefault(cb.PriceType, "current"))
			if cb.BlockQuantity > 0 {
				mark("combo block_check", orDefault(cb.BlockCheck, "none"))
			}
		}
		maxPerSale := false
		for _, it := range cb.Items {
			maxPerSale = maxPerSale || it.MaxPerSale > 0
		}
		for f, set := range map[string]bool{
			"priority": cb.Priority != 0, "end": cb.End != "", "active": cb.Active != nil,
			"require_all_bonus": cb.RequireAllBonus, "from_minimum": cb.FromMinimum, "tenders": len(cb.Tenders) > 0,
			"block_quantity": cb.BlockQuantity != 0, "code": cb.Code != "", "max_per_sale": maxPerSale,
			"max_cards": cb.MaxCards != 0, "funded_by": cb.FundedBy != "", "funder_share": cb.FunderShare != nil,
		} {
			if set {
				mark("combo field", f)
			}
		}
	}
	for _, ip := range def.IndustryPromotions {
		if ip.FreeUnits != nil {
			mark("industry benefit", "free_units")
		}
		if len(ip.VolumeTiers) > 0 {
			mark("industry benefit", "volume_tiers")
		}
		for f, set := range map[string]bool{
			"priority": ip.Priority != 0, "end": ip.End != "", "funder_share": ip.FunderShare != nil, "budgeted": ip.Budgeted,
		} {
			if set {
				mark("industry field", f)
			}
		}
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
		for f, set := range map[string]bool{
			"also_in_promotions": m.AlsoInPromotions, "min_price": m.MinPrice != nil, "max_price": m.MaxPrice != nil,
			"min_quantity": m.MinQuantity != 0, "min_value": m.MinValue != nil,
			"extras.gift": m.Extras != nil && m.Extras.Gift != nil, "extras.cashback": m.Extras != nil && m.Extras.Cashback != nil,
		} {
			if set {
				mark("markdown field", f)
			}
		}
		for _, it := range m.Items {
			if it.ExtraPercent != nil {
				mark("markdown field", "items.extra_percent")
			}
		}
	}
	want := map[string][]string{
		"condition kind": {"product_code", "sku", "ncm", "category", "grouping", "brand", "manufacturer",
			"line", "family", "role", "customer_tax_id",
			"customer_age", "customer_sex", "customer_tier", "customer_grouping", "birthday",
			"captured_field", "tender", "card_bin", "promo_code", "sale_category", "store",
			"store_grouping", "delivery_method", "first_purchase", "conecta_agenda", "all", "any"},
		"require":           {"any", "all"},
		"match":             {"all", "any"},
		"birthday period":   {"week"},
		"promo code source": {"list", "generate", "issued_by"},
		"grouping kind":     {"product", "store", "customer"},
		"campaign field": {"description", "priority", "end", "category", "non_cumulative",
			"no_activation_rules", "no_benefit", "require_lgpd_consent", "optional", "min_quantity",
			"min_value", "max_repetitions", "funded_by", "limits", "extras", "exceptions", "budget", "target"},
		"group_mode":         {"all_from_minimum", "complete_groups"},
		"target":             {"conditions", "all_lines", "quantity"},
		"max_discount on":    {"sale", "items"},
		"budget":             {"total", "per_customer"},
		"exceptions on":      {"campaign", "discount_pack", "combo"},
		"exception list":     {"product_codes", "skus", "categories", "brands", "groupings"},
		"benefit kind":       {"percent", "amount", "final_price", "free_units", "gift", "progressive", "age_percent"},
		"benefit on sale":    {"percent", "amount", "progressive", "age_percent"},
		"benefit on items":   {"percent", "amount", "final_price", "free_units", "gift", "progressive"},
		"benefit on freight": {"percent", "amount", "final_price"},
		"apply_to":           {"all", "highest", "lowest"},
		"progressive tier":   {"amount", "percent"},
		"limit scope":        {"general", "customer"},
		"limit count":        {"sale", "item"},
		"limit period":       {"day", "week", "month", "campaign"},
		"extra":              {"issue_code", "points.fixed", "points.multiplier", "cashback", "cashback.max_amount"},
		"criterion":          {"least_benefit", "most_benefit", "registration_order", "grant_all"},
		"markdown by":        {"code", "sku", "reference", "all"},
		"markdown audience":  {"all", "registered", "loyal"},
		"markdown stores":    {"stores", "store_grouping", "every store"},
		"markdown field": {"also_in_promotions", "min_price", "max_price", "min_quantity", "min_value",
			"extras.gift", "extras.cashback", "items.extra_percent"},
		"exchange_mode":    {"net", "no_activation", "original", "gross"},
		"setting":          {"cashback_redemption"},
		"loyalty program":  {"juntos_somos_mais"},
		"points table":     {"*", "brands", "points_per_unit"},
		"company setting":  {"line_before_role", "near_expiry"},
		"pack status":      {"current", "pending", "finished"},
		"pack owner":       {"franchisor", "store"},
		"pack store kind":  {"own", "franchise"},
		"pack requirement": {"line", "manufacturer", "family", "product"},
		"pack requirement bound": {"line.min_value", "manufacturer.min_value", "family.min_quantity",
			"family.min_value", "product.min_quantity"},
		"pack prize":           {"sale.percent", "sale.amount", "items", "items.grid"},
		"pack items attribute": {"line", "manufacturer", "family", "product", "role"},
		"pack items rule":      {"highest", "lowest"},
		"pack field": {"priority", "end", "min_sale_value", "requirements", "max_items", "require_customer",
			"limit_per_customer", "near_expiry_only"},
		"combo kind": {"kit", "inverse_kit", "brand", "quantity", "flavor", "customer_type", "value", "combo",
			"flyer", "scratch_card"},
		"combo bonus":       {"percent", "amount", "unit_price", "brand"},
		"combo price_type":  {"current", "original"},
		"combo block_check": {"none", "sale_day", "promotion_period"},
		"combo field": {"priority", "end", "active", "require_all_bonus", "from_minimum", "tenders",
			"block_quantity", "code", "max_per_sale", "max_cards", "funded_by", "funder_share"},
		"industry benefit": {"free_units", "volume_tiers"},
		"industry field":   {"priority", "end", "funder_share", "budgeted"},
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
func orDefault[S ~string](s, def S) string {
	if s == "" {
		return string(def)
	}
	return string(s)
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

// TestDocsFormatRulesetsLoad loads every ```json ruleset block of
// docs/format.md, and every ```jsonc ruleset block with its // comments
// removed, and checks that the blocks show every part of the format
// (markdowns, associations, exchange modes, cashback, the points program,
// Desconto Pack, combos, industry promotions).
func TestDocsFormatRulesetsLoad(t *testing.T) {
	readme := filepath.Join("..", "docs", "format.md")
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
	documented := map[string]bool{}
	for _, b := range plain {
		if _, err := campaign.Load([]byte(b.text)); err != nil {
			t.Errorf("%s:%d: the ruleset does not load:\n%v", readme, b.line, err)
			continue
		}
		def, err := campaign.Decode([]byte(b.text))
		if err != nil {
			t.Errorf("%s:%d: %v", readme, b.line, err)
			continue
		}
		documented["markdowns"] = documented["markdowns"] || len(def.Markdowns) > 0
		documented["associations"] = documented["associations"] || len(def.Associations) > 0
		documented["loyalty"] = documented["loyalty"] || def.Loyalty != nil
		documented["company"] = documented["company"] || def.Company != nil
		documented["discount_packs"] = documented["discount_packs"] || len(def.DiscountPacks) > 0
		documented["combos"] = documented["combos"] || len(def.Combos) > 0
		documented["industry_promotions"] = documented["industry_promotions"] || len(def.IndustryPromotions) > 0
		for _, c := range def.Campaigns {
			documented["exchange_mode"] = documented["exchange_mode"] || c.ExchangeMode != ""
			documented["extras.cashback"] = documented["extras.cashback"] || (c.Extras != nil && c.Extras.Cashback != nil)
		}
	}
	// Each part of the format has a ruleset that shows it, so that a
	// family's section cannot lose its example unnoticed.
	for _, part := range []string{"markdowns", "associations", "loyalty", "company", "discount_packs", "combos",
		"industry_promotions", "exchange_mode", "extras.cashback"} {
		if !documented[part] {
			t.Errorf("%s: no ```json ruleset block uses %s", readme, part)
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
