package campaign_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
)

// Periods: the instants each definition's dates stand for.

func TestPeriods(t *testing.T) {
	def := campaign.Ruleset{
		Settings:  campaign.Settings{TimeZone: "America/Manaus"},
		Campaigns: []campaign.Campaign{{General: campaign.General{ID: "a", Start: "2026-11-01", End: "2026-11-30"}}, {General: campaign.General{ID: "b", Start: "amanhã"}}},
		Markdowns: []campaign.Markdown{{General: campaign.General{ID: "m", Start: "2026-11-01T08:00:00-03:00"}}},
		Combos:    []campaign.Combo{{General: campaign.General{ID: "k", Start: "2026-11-02T09:30", End: "2026-11-02T18:00"}}},
	}
	manaus, err := time.LoadLocation("America/Manaus")
	if err != nil {
		t.Fatal(err)
	}
	got, err := def.Periods()
	if err == nil || !strings.Contains(err.Error(), "campaigns[1]: start:") {
		t.Errorf("error %v: want the bad start of campaigns[1]", err)
	}
	// Local dates are read in Manaus (-04:00); a date-only end is the last
	// instant of the day; an end to the minute covers the minute.
	want := []campaign.Period{
		{ID: "a", Path: "campaigns[0]", Start: time.Date(2026, 11, 1, 0, 0, 0, 0, manaus), End: time.Date(2026, 11, 30, 23, 59, 59, 999999999, manaus)},
		{ID: "m", Path: "markdowns[0]", Start: time.Date(2026, 11, 1, 11, 0, 0, 0, time.UTC)},
		{ID: "k", Path: "combos[0]", Start: time.Date(2026, 11, 2, 9, 30, 0, 0, manaus), End: time.Date(2026, 11, 2, 18, 0, 59, 999999999, manaus)},
	}
	if diff := cmp.Diff(want, got, testkit.EquateTimes()); diff != "" {
		t.Errorf("periods (-want +got):\n%s", diff)
	}
	if loc, err := def.Location(); err != nil || loc.String() != "America/Manaus" {
		t.Errorf("Location() = %v, %v; want America/Manaus", loc, err)
	}
}
