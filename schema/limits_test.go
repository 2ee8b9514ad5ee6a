package schema_test

import (
	"fmt"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// TestSchemaSizesAreTheCeilings checks that the ruleset and cart schemas
// state every size the library bounds and JSON Schema can express, at the
// library's ceiling (the library holds a document to the ruleset's own
// settings.limits, at most the ceilings): every string a maxLength (a
// decimal 40 characters, a name or a description max_text_length's
// ceiling, any other string max_id_length's), every map its key length,
// and the lists of a cart their counts.
func TestSchemaSizesAreTheCeilings(t *testing.T) {
	s := loadSchemas(t)
	ceil := promo.CeilingLimits()
	lengths := map[string]bool{fmt.Sprint(ceil.MaxIDLength): true, fmt.Sprint(ceil.MaxTextLength): true, "40": true}
	var walk func(file, at string, v any)
	walk = func(file, at string, v any) {
		switch n := v.(type) {
		case []any:
			for i, e := range n {
				walk(file, fmt.Sprintf("%s[%d]", at, i), e)
			}
		case map[string]any:
			types := fmt.Sprint(n["type"])
			if _, enum := n["enum"]; !enum && (n["type"] == "string" || types == "[string null]") {
				if got := fmt.Sprint(n["maxLength"]); !lengths[got] {
					t.Errorf("%s %s: a string with maxLength %s, want a ceiling", file, at, got)
				}
			}
			if _, isMap := n["additionalProperties"].(map[string]any); isMap {
				if _, ok := n["propertyNames"]; !ok {
					t.Errorf("%s %s: a map without propertyNames (the length of its keys)", file, at)
				}
			}
			for k, e := range n {
				walk(file, at+"/"+k, e)
			}
		}
	}
	for _, name := range []string{"ruleset", "cart"} {
		walk(name, "", s.docs[name])
	}
	props := s.docs["cart"]["properties"].(map[string]any)
	for name, want := range map[string]int{"lines": ceil.MaxLines, "exchanges": ceil.MaxExchanges, "payments": ceil.MaxPayments,
		"promo_codes": ceil.MaxCodes, "accepted_offers": ceil.MaxCodes, "wallet": ceil.MaxCredits} {
		if got := fmt.Sprint(props[name].(map[string]any)["maxItems"]); got != fmt.Sprint(want) {
			t.Errorf("cart %s: maxItems %s, want the ceiling %d", name, got, want)
		}
	}
	rprops := s.docs["ruleset"]["properties"].(map[string]any)
	for _, name := range []string{"campaigns", "markdowns", "discount_packs", "combos", "industry_promotions"} {
		if got := fmt.Sprint(rprops[name].(map[string]any)["maxItems"]); got != fmt.Sprint(campaign.MaxPromotions) {
			t.Errorf("ruleset %s: maxItems %s, want campaign.MaxPromotions %d", name, got, campaign.MaxPromotions)
		}
	}
}
