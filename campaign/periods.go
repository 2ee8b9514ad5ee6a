package campaign

import (
	"errors"
	"fmt"
	"time"
)

// Period is when one promotion of a ruleset is in force, as Evaluate reads
// its dates: from Start to End, both inclusive; a zero End means no end.
type Period struct {
	// ID is the promotion's id; Path locates its definition in the
	// document ("campaigns[2]", "markdowns[0]", "combos[1]").
	ID, Path   string
	Start, End time.Time
}

// Location returns the zone the ruleset's local dates are read in:
// settings.time_zone, or DefaultTimeZone when it is empty.
func (r Ruleset) Location() (*time.Location, error) {
	tz := r.Settings.TimeZone
	if tz == "" {
		tz = DefaultTimeZone
	}
	loc, err := loadZone(tz)
	if err != nil {
		return nil, fmt.Errorf("settings.time_zone: %v", err)
	}
	return loc, nil
}

// Periods returns the period of every promotion of the ruleset that has
// dates — campaigns, markdowns, Desconto Pack tables, combos and industry
// promotions, in that order and in the order of the document — read as the
// compiler reads them (see StatusAt). Dates that do not parse are reported
// together, each with its promotion's path; the periods that parse are
// returned all the same.
func (r Ruleset) Periods() ([]Period, error) {
	loc, err := r.Location()
	if err != nil {
		return nil, err
	}
	var out []Period
	var errs []error
	for path, g := range r.Generals() {
		s, e, err := parsePeriod(g.Start, g.End, loc)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, err))
			continue
		}
		out = append(out, Period{ID: g.ID, Path: path, Start: s, End: e})
	}
	return out, errors.Join(errs...)
}

// parsePeriod reads a start and an optional end with the compiler's rules.
func parsePeriod(startText, endText string, loc *time.Location) (start, end time.Time, err error) {
	if startText == "" {
		return time.Time{}, time.Time{}, fmt.Errorf("start: required")
	}
	if start, err = parseInstant(startText, loc, false); err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("start: %w", err)
	}
	if endText != "" {
		if end, err = parseInstant(endText, loc, true); err != nil {
			return time.Time{}, time.Time{}, fmt.Errorf("end: %w", err)
		}
	}
	return start, end, nil
}
