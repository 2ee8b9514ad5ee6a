package campaign_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promocheck"
	"github.com/promokit/promokit/rules"
)

// calendarCampaigns are campaigns whose outcome depends on the calendar
// day: a birthday of the day, a cashback whose redemption opens the next
// day and closes three days later, an issued code valid from the next day,
// and limits per day, week and month (from the generator).
func calendarCampaigns(t *rapid.T) []campaign.Campaign {
	five := campaign.Dec("5")
	return []campaign.Campaign{
		{General: campaign.General{ID: "aniver", Name: "Aniversário", Priority: rapid.IntRange(0, 3).Draw(t, "aniver_priority"), Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: "birthday", Period: "day", Relative: "current"}}},
			Benefit: campaign.Benefit{On: "items", Percent: five}},
		{General: campaign.General{ID: "cb", Name: "Cashback", Start: "2026-11-01"}, NoActivationRules: true,
			Extras: &campaign.Extras{Cashback: &campaign.Cashback{Kind: "fixed", Value: *campaign.Dec("5.00"), ApplyOn: "sale",
				DaysToStart: 1, UsageLimitDays: 3}}},
		{General: campaign.General{ID: "volte", Name: "Volte", Start: "2026-11-01"}, NoActivationRules: true,
			Extras: &campaign.Extras{IssueCode: &campaign.IssueCode{Secret: "segredo-da-loja-2026", StartsAfterDays: 1, ValidDays: 7, Unlocks: "cupom"}}},
		{General: campaign.General{ID: "cupom", Name: "Cupom", Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: "promo_code", IssuedBy: "volte"}}},
			Benefit: campaign.Benefit{On: "sale", Amount: five}},
	}
}

// TestPropertyInstantOffsetChangesNothing (rulesets and carts from
// promogen, through lpGenDefinition and lpGenCart; both results keep the
// engine's promises, promocheck.Promises): the result does not change when
// the cart's instant is written with another offset: calendar days, weeks
// and months are those of the ruleset's time zone. The results are
// compared as JSON, byte for byte (their instants included), and the
// counter keys the host must fetch are the same.
func TestPropertyInstantOffsetChangesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := lpGenDefinition(t, "c", rapid.IntRange(0, 4).Draw(t, "campaigns"), lpOptions{exclusive: true, limits: true, recordOnly: true})
		def.Campaigns = append(def.Campaigns, calendarCampaigns(t)...)
		if rapid.Bool().Draw(t, "zone_utc") {
			def.Settings.TimeZone = "UTC"
		}
		rs := promotest.Compile(t, def)
		cart := lpGenCart(t)
		cart.Time = cart.Time.Add(time.Duration(rapid.IntRange(-180, 180).Draw(t, "shift_minutes")) * time.Minute)
		cart.History.Counters = lpGenCounters(t, &def, &cart)
		if rapid.Bool().Draw(t, "code") {
			// A code volte issued to an earlier sale, 0 to 9 days before
			// this sale's day in the ruleset's zone: valid from the day
			// after its issue for 7 days.
			back := rapid.IntRange(0, 9).Draw(t, "code_days_back")
			day := br.DateOf(cart.Time.In(rs.Location()).AddDate(0, 0, -back))
			cart.PromoCodes = []string{rules.IssueCode("volte", "", "segredo-da-loja-2026", "sale-earlier", day, 8)}
		}
		other := cart
		offset := rapid.IntRange(-14*60, 14*60).Draw(t, "offset_minutes")
		other.Time = cart.Time.In(time.FixedZone("other", offset*60))

		want := promotest.Evaluate(t, cart, rs)
		got := promotest.Evaluate(t, other, rs)
		for _, v := range append(promocheck.Promises(cart, rs, want), promocheck.Promises(other, rs, got)...) {
			t.Fatalf("%v", v)
		}
		wj, err := json.MarshalIndent(want, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		gj, err := json.MarshalIndent(got, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(wj), string(gj)); diff != "" {
			t.Fatalf("the same instant written %s and %s (-want +got):\n%s", cart.Time.Format(time.RFC3339), other.Time.Format(time.RFC3339), diff)
		}
		if diff := cmp.Diff(rs.CounterKeys(&cart), rs.CounterKeys(&other)); diff != "" {
			t.Fatalf("counter keys (-want +got):\n%s", diff)
		}
	})
}
