package campaign_test

import (
	"strings"
	"testing"
	"time"

	"github.com/promokit/promokit/campaign"
)

// A campaign's status (scheduled, active, ended) at an instant.
// Every expectation below is worked out from the dates and fields written in
// the test, not copied from output.

// rfc3339 reads an RFC 3339 instant (with nanoseconds if any).
func rfc3339(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func TestStatusString(t *testing.T) {
	for _, tc := range []struct {
		s    campaign.Status
		want string
	}{
		{campaign.StatusScheduled, "scheduled"},
		{campaign.StatusActive, "active"},
		{campaign.StatusEnded, "ended"},
		{campaign.Status(7), "Status(7)"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("Status(%d).String() = %q, want %q", uint8(tc.s), got, tc.want)
		}
		back, err := campaign.ParseStatus(tc.want)
		if tc.s > campaign.StatusEnded {
			if err == nil {
				t.Errorf("ParseStatus(%q) = %v, want an error", tc.want, back)
			}
			continue
		}
		if err != nil || back != tc.s {
			t.Errorf("ParseStatus(%q) = %v, %v, want %v", tc.want, back, err, tc.s)
		}
	}
}

func TestStatusAt(t *testing.T) {
	// Sao Paulo has been UTC-3 all year since 2019; Manaus is UTC-4.
	for _, tc := range []struct {
		name       string
		zone       string
		start, end string
		at         string
		want       campaign.Status
	}{
		{"one minute before a local start", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T07:59:00-03:00", campaign.StatusScheduled},
		{"one nanosecond before a local start", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T07:59:59.999999999-03:00", campaign.StatusScheduled},
		{"at a local start", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T08:00:00-03:00", campaign.StatusActive},
		{"at a local start, written in UTC", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T11:00:00Z", campaign.StatusActive},
		{"date-only end: last nanosecond of the day", "", "2026-11-01T08:00", "2026-11-30", "2026-11-30T23:59:59.999999999-03:00", campaign.StatusActive},
		{"date-only end: next day", "", "2026-11-01T08:00", "2026-11-30", "2026-12-01T00:00:00-03:00", campaign.StatusEnded},
		{"date-only end: still that day in Sao Paulo, next day in UTC", "", "2026-11-01T08:00", "2026-11-30", "2026-12-01T02:59:59Z", campaign.StatusActive},
		{"RFC 3339 end: at it", "", "2026-11-01T00:00:00-03:00", "2026-11-21T10:15:00-03:00", "2026-11-21T10:15:00-03:00", campaign.StatusActive},
		{"RFC 3339 end: one nanosecond after", "", "2026-11-01T00:00:00-03:00", "2026-11-21T10:15:00-03:00", "2026-11-21T10:15:00.000000001-03:00", campaign.StatusEnded},
		{"local end with seconds: one second after", "", "2026-11-01", "2026-11-20T23:59:30", "2026-11-20T23:59:31-03:00", campaign.StatusEnded},
		{"no end, years later", "", "2026-11-01", "", "2040-01-01T00:00:00-03:00", campaign.StatusActive},
		{"no end, before start", "", "2026-11-01", "", "2026-10-31T23:59:59-03:00", campaign.StatusScheduled},
		{"start and end the same day", "", "2026-11-20", "2026-11-20", "2026-11-20T12:00:00-03:00", campaign.StatusActive},
		// 2026-11-01 in Manaus starts at 04:00Z, an hour after Sao Paulo's.
		{"date-only start read in the ruleset's zone", "America/Manaus", "2026-11-01", "", "2026-11-01T00:30:00-03:00", campaign.StatusScheduled},
		{"same instant in the default zone", "", "2026-11-01", "", "2026-11-01T00:30:00-03:00", campaign.StatusActive},
		{"date-only end read in the ruleset's zone", "America/Manaus", "2026-11-01", "2026-11-30", "2026-12-01T00:30:00-03:00", campaign.StatusActive},
		{"date-only end in UTC", "UTC", "2026-11-01", "2026-11-30", "2026-12-01T00:30:00-03:00", campaign.StatusEnded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := campaign.Ruleset{Version: 1, Settings: campaign.Settings{TimeZone: tc.zone}}
			c := campaign.Campaign{General: campaign.General{ID: "c", Name: "C", Start: tc.start, End: tc.end}}
			got, err := r.StatusAt(c, rfc3339(t, tc.at))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("StatusAt(start %q, end %q, zone %q, at %s) = %v, want %v", tc.start, tc.end, tc.zone, tc.at, got, tc.want)
			}
		})
	}
}

func TestStatusAtErrors(t *testing.T) {
	at := rfc3339(t, "2026-11-10T12:00:00-03:00")
	for _, tc := range []struct {
		name       string
		zone       string
		start, end string
		wantErr    string
	}{
		{"missing start", "", "", "2026-11-30", "start: required"},
		{"a day that does not exist", "", "2026-02-30", "", "start: not a valid date"},
		{"bad end", "", "2026-11-01", "30/11/2026", "end: not a valid date"},
		{"unknown zone", "Mars/Olympus", "2026-11-01", "", "unknown time zone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := campaign.Ruleset{Version: 1, Settings: campaign.Settings{TimeZone: tc.zone}}
			_, err := r.StatusAt(campaign.Campaign{General: campaign.General{ID: "c", Name: "C", Start: tc.start, End: tc.end}}, at)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("StatusAt error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}
