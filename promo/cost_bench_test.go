package promo_test

import (
	"fmt"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// The cost benchmarks check that Evaluate's work grows linearly with what
// it looks at (docs/cost.md). Each comes as a pair of sizes, side by side
// in one run, whose ratio (ns/op of the big over the small) is the claim:
//
//	BenchmarkCostAssociations     pairs=500 / pairs=10         at most 75× (linear: 50×)
//	BenchmarkCostAssociation      members=1000 / members=10    at most 150× (linear: 100×)
//	BenchmarkCostNonCumulative    campaigns=1000 / campaigns=10 at most 120× (linear: 100×)
//	BenchmarkCostLines            lines=10000 / lines=1000     at most 12× (linear: 10×)

const costStart = "2026-11-01T00:00:00-03:00"

func costOnCode(code string) *campaign.Rules {
	return &campaign.Rules{Conditions: []campaign.Condition{{Kind: "product_code", Values: []string{code}}}}
}

// costPercent is a cumulative campaign of pct% off the lines of code.
func costPercent(id, code, pct string) campaign.Campaign {
	return campaign.Campaign{General: campaign.General{ID: id, Name: "Desconto " + id, Start: costStart}, Rules: costOnCode(code),
		Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr(pct)}}
}

// costRun compiles def, checks the cart against want and times Evaluate.
func costRun(b *testing.B, def campaign.Ruleset, cart promo.Cart, want func(promo.Result) error) {
	b.Helper()
	rs, err := campaign.Compile(def)
	if err != nil {
		b.Fatal(err)
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		b.Fatal(err)
	}
	if err := want(res); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := promo.Evaluate(cart, rs); err != nil {
			b.Fatal(err)
		}
	}
}

// applied counts the campaigns applied.
func wantApplied(n int) func(promo.Result) error {
	return func(res promo.Result) error {
		if len(res.Applied) != n {
			return fmt.Errorf("want %d campaigns applied, got %d", n, len(res.Applied))
		}
		return nil
	}
}

// BenchmarkCostAssociations: pairs associations of two campaigns each (most
// benefit, least benefit and registration order in turn), both on one line
// of a 20-line cart; one member of each applies.
func BenchmarkCostAssociations(b *testing.B) {
	criteria := []campaign.Criterion{campaign.CriterionMostBenefit, campaign.CriterionLeastBenefit, campaign.CriterionRegistrationOrder}
	for _, pairs := range []int{10, 500} {
		b.Run(fmt.Sprintf("pairs=%d", pairs), func(b *testing.B) {
			def := campaign.Ruleset{Version: campaign.Version}
			for i := range pairs {
				code := fmt.Sprintf("P%04d", i%20)
				x, y := fmt.Sprintf("a%04d-x", i), fmt.Sprintf("a%04d-y", i)
				def.Campaigns = append(def.Campaigns, costPercent(x, code, "1"), costPercent(y, code, "2"))
				def.Associations = append(def.Associations, campaign.Association{
					ID: fmt.Sprintf("assoc-%04d", i), Criterion: criteria[i%len(criteria)], Campaigns: []string{x, y}})
			}
			costRun(b, def, benchCart(b, 20), wantApplied(pairs))
		})
	}
}

// BenchmarkCostAssociation: one association (most benefit) of members
// campaigns on the lines of a 20-line cart; one applies.
func BenchmarkCostAssociation(b *testing.B) {
	for _, members := range []int{10, 1000} {
		b.Run(fmt.Sprintf("members=%d", members), func(b *testing.B) {
			def := campaign.Ruleset{Version: campaign.Version}
			a := campaign.Association{ID: "assoc", Criterion: campaign.CriterionMostBenefit}
			for i := range members {
				id := fmt.Sprintf("m%04d", i)
				def.Campaigns = append(def.Campaigns, costPercent(id, fmt.Sprintf("P%04d", i%20), fmt.Sprintf("%d", 1+i%37)))
				a.Campaigns = append(a.Campaigns, id)
			}
			def.Associations = []campaign.Association{a}
			costRun(b, def, benchCart(b, 20), wantApplied(1))
		})
	}
}

// BenchmarkCostNonCumulative: campaigns non-cumulative campaigns, each on a
// line of a 20-line cart, all of which apply alone; one wins.
func BenchmarkCostNonCumulative(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("campaigns=%d", n), func(b *testing.B) {
			def := campaign.Ruleset{Version: campaign.Version}
			for i := range n {
				c := costPercent(fmt.Sprintf("nc%04d", i), fmt.Sprintf("P%04d", i%20), fmt.Sprintf("%d", 1+i%37))
				c.NonCumulative = true
				def.Campaigns = append(def.Campaigns, c)
			}
			costRun(b, def, benchCart(b, 20), wantApplied(1))
		})
	}
}

// BenchmarkCostLines: 1,000 campaigns each on one distinct line of carts of
// 1,000 and 10,000 lines; every campaign applies.
func BenchmarkCostLines(b *testing.B) {
	def := campaign.Ruleset{Version: campaign.Version}
	def.Settings.Limits.MaxLines = 10_000
	for i := range 1000 {
		def.Campaigns = append(def.Campaigns, costPercent(fmt.Sprintf("c%04d", i), fmt.Sprintf("P%04d", i), "10"))
	}
	for _, lines := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			cart := benchCart(b, lines)
			for i := range cart.Lines {
				if i >= 1000 {
					cart.Lines[i].ProductCode = fmt.Sprintf("Q%05d", i)
				}
			}
			costRun(b, def, cart, wantApplied(1000))
		})
	}
}
