package campaign_test

import (
	"fmt"
	"testing"

	"github.com/promokit/promokit/campaign"
)

// BenchmarkCompileCodes compiles a campaign whose promo-code rule
// generates 10 and 1,000,000 codes: generated codes are checked by their
// construction, never listed in memory, so the compile memory (B/op) of the
// two is the same (goal: at most 2×).
func BenchmarkCompileCodes(b *testing.B) {
	for _, n := range []int{10, 1_000_000} {
		b.Run(fmt.Sprintf("codes=%d", n), func(b *testing.B) {
			def := campaign.Ruleset{Version: campaign.Version, Campaigns: []campaign.Campaign{{
				ID: "cupom", Name: "Cupom gerado", Start: "2026-11-01",
				Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: campaign.CondPromoCode, Codes: &campaign.CodeSet{
					Generate: &campaign.CodePattern{Prefix: "BF-", Count: n, Length: 8, Secret: "segredo-da-black-friday"}}}}},
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
