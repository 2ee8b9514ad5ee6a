package campaign

import (
	"fmt"
	"strconv"
	"time"
)

// Status is where a campaign stands at an instant, judged by its dates
// alone, as Evaluate judges them: before its start it is scheduled, from its
// start to its (inclusive) end it is active, after its end it has ended.
type Status uint8

const (
	// StatusScheduled: the instant is before the campaign's start
	// (Evaluate's not_started).
	StatusScheduled Status = iota
	// StatusActive: the instant is at or after the start and at or before
	// the end (or the campaign has no end).
	StatusActive
	// StatusEnded: the instant is after the campaign's end (Evaluate's
	// ended).
	StatusEnded
)

// String returns "scheduled", "active" or "ended".
func (s Status) String() string {
	switch s {
	case StatusScheduled:
		return "scheduled"
	case StatusActive:
		return "active"
	case StatusEnded:
		return "ended"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// ParseStatus reads "scheduled", "active" or "ended" (what String writes).
func ParseStatus(s string) (Status, error) {
	for _, st := range []Status{StatusScheduled, StatusActive, StatusEnded} {
		if st.String() == s {
			return st, nil
		}
	}
	return 0, fmt.Errorf("unknown campaign status %q (want scheduled, active or ended)", s)
}

// StatusAt tells where campaign c stands at instant t. Its dates are read as
// the compiler reads them: RFC 3339 keeps its offset, local forms are read in
// the ruleset's settings.time_zone (default America/Sao_Paulo), and a
// date-only end is the last instant of that day. The start is inclusive and
// so is the end. c need not be one of r's campaigns: only r's settings are
// used. An unknown time zone, a missing start or a date that does not parse
// is an error.
func (r Ruleset) StatusAt(c Campaign, t time.Time) (Status, error) {
	loc, err := r.Location()
	if err != nil {
		return 0, err
	}
	start, end, err := campaignPeriod(&c, loc)
	if err != nil {
		return 0, err
	}
	return statusOf(start, end, t), nil
}

// statusOf mirrors Evaluate's date checks (promo/evaluate.go): before the
// start is not started, after a non-zero end is ended.
func statusOf(start, end, t time.Time) Status {
	switch {
	case t.Before(start):
		return StatusScheduled
	case !end.IsZero() && t.After(end):
		return StatusEnded
	}
	return StatusActive
}

// campaignPeriod reads a campaign's start and end; a zero end means no end.
func campaignPeriod(c *Campaign, loc *time.Location) (start, end time.Time, err error) {
	start, end, err = parsePeriod(c.Start, c.End, loc)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("campaign %q: %w", c.ID, err)
	}
	return start, end, nil
}
