package campaign_test

import (
	"fmt"
	"testing"

	"github.com/promokit/promokit/campaign"
)

// BenchmarkCompileCodes compiles a campaign whose promo-code rule
// generates 10 and 1,000,000 codes. Numbered codes are checked by their
// construction, never listed in memory, so the compile memory (B/op) of the
// two is the same (goal: at most 2×); hashed codes (the form without
// numbered) carry no number and are listed at compile.
func BenchmarkCompileCodes(b *testing.B) {
	for _, c := range []struct {
		form     string
		numbered bool
		n        int
	}{{"numbered", true, 10}, {"numbered", true, 1_000_000}, {"hashed", false, 10}, {"hashed", false, 1_000_000}} {
		n := c.n
		b.Run(fmt.Sprintf("%s/codes=%d", c.form, n), func(b *testing.B) {
			def := campaign.Ruleset{Version: campaign.Version, Campaigns: []campaign.Campaign{{
				General: campaign.General{ID: "cupom", Name: "Cupom gerado", Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: campaign.CondPromoCode, Codes: &campaign.CodeSet{
					Generate: &campaign.CodePattern{Prefix: "BF-", Count: n, Length: 8, Secret: "segredo-da-black-friday", Numbered: c.numbered}}}}},
				Benefit: campaign.Benefit{On: campaign.OnSale, Percent: campaign.Dec("10")},
			}}}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := campaign.Compile(def); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
