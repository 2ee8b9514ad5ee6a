package campaign_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
)

// General data: one walk over every family's promotions.

func TestGeneralsEveryFamilyInOrder(t *testing.T) {
	g := func(id string) campaign.General { return campaign.General{ID: id, Name: "n-" + id} }
	def := campaign.Ruleset{
		IndustryPromotions: []campaign.IndustryPromotion{{General: g("i0")}},
		Combos:             []campaign.Combo{{General: g("k0")}, {General: g("k1")}},
		DiscountPacks:      []campaign.DiscountPack{{General: g("p0")}},
		Markdowns:          []campaign.Markdown{{General: g("m0")}},
		Campaigns:          []campaign.Campaign{{General: g("c0")}, {General: g("c1")}},
	}
	type entry struct{ Path, ID, Name string }
	var got []entry
	for path, gen := range def.Generals() {
		got = append(got, entry{path, gen.ID, gen.Name})
	}
	want := []entry{
		{"campaigns[0]", "c0", "n-c0"}, {"campaigns[1]", "c1", "n-c1"},
		{"markdowns[0]", "m0", "n-m0"},
		{"discount_packs[0]", "p0", "n-p0"},
		{"combos[0]", "k0", "n-k0"}, {"combos[1]", "k1", "n-k1"},
		{"industry_promotions[0]", "i0", "n-i0"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("generals (-want +got):\n%s", diff)
	}

	// Stopping early stops the walk.
	var first []string
	for path := range def.Generals() {
		first = append(first, path)
		if len(first) == 3 {
			break
		}
	}
	if diff := cmp.Diff([]string{"campaigns[0]", "campaigns[1]", "markdowns[0]"}, first); diff != "" {
		t.Errorf("stopped walk (-want +got):\n%s", diff)
	}
}
