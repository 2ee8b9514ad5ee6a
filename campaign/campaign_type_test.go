package campaign_test

import (
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
)

// A campaign's type, as searches filter by it, read from its benefit.

func TestCampaignType(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    campaign.Campaign
		want string
	}{
		{"sale percent", campaign.Campaign{Benefit: campaign.Benefit{On: "sale", Percent: testkit.DecPtr("10")}}, "sale_percent"},
		{"sale amount", campaign.Campaign{Benefit: campaign.Benefit{On: "sale", Amount: testkit.DecPtr("20")}}, "sale_amount"},
		{"item percent", campaign.Campaign{Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("15"), ApplyTo: "highest"}}, "item_percent"},
		{"item amount", campaign.Campaign{Benefit: campaign.Benefit{On: "items", Amount: testkit.DecPtr("5")}}, "item_amount"},
		{"final price", campaign.Campaign{Benefit: campaign.Benefit{On: "items", FinalPrice: testkit.DecPtr("25")}}, "final_price"},
		{"free units", campaign.Campaign{Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}}, "free_units"},
		{"no benefit", campaign.Campaign{NoBenefit: true}, "no_benefit"},
		{"nothing set", campaign.Campaign{Benefit: campaign.Benefit{On: "sale"}}, "other"},
		{"two kinds set", campaign.Campaign{Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("10"), Amount: testkit.DecPtr("5")}}, "other"},
		{"final price on the sale", campaign.Campaign{Benefit: campaign.Benefit{On: "sale", FinalPrice: testkit.DecPtr("25")}}, "other"},
		{"unknown target", campaign.Campaign{Benefit: campaign.Benefit{On: "cart", Percent: testkit.DecPtr("10")}}, "other"},
		{"no target", campaign.Campaign{Benefit: campaign.Benefit{Percent: testkit.DecPtr("10")}}, "other"},
	} {
		if got := tc.c.Type(); got != tc.want {
			t.Errorf("%s: Type() = %q, want %q", tc.name, got, tc.want)
		}
	}
}
