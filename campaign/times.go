package campaign

import (
	"fmt"
	"time"
)

// parseInstant reads a campaign date. RFC 3339 keeps its offset; the local
// forms are read in loc. A date alone is its first instant, or its last when
// endOfDay is set.
func parseInstant(s string, loc *time.Location, endOfDay bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05", s, loc); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", s, loc); err == nil {
		if endOfDay {
			return t.Add(time.Minute - time.Nanosecond), nil // an end to the minute covers it
		}
		return t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		if endOfDay {
			return t.AddDate(0, 0, 1).Add(-time.Nanosecond), nil
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("not a valid date and time %q: want RFC 3339 (2026-11-01T00:00:00-03:00), YYYY-MM-DDTHH:MM or YYYY-MM-DD, a day that exists", s)
}
