package campaign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Filter selects campaigns in Ruleset.Search (pesquisa de campanhas). Every
// field left at its zero value does not filter; the fields set must all
// hold. Date bounds are inclusive and compare instants, the campaign's dates
// being read as StatusAt reads them.
type Filter struct {
	// Type keeps the campaigns whose Campaign.Type is this (one of the Type
	// constants; any other string is an error).
	Type string
	// Category keeps the campaigns whose category id is this, exactly.
	Category string
	// Status keeps the campaigns with this status at At; it requires At.
	Status *Status
	// At is the instant Status is judged at; on its own it filters nothing.
	At time.Time
	// StartsFrom and StartsUntil bound the campaign's start.
	StartsFrom, StartsUntil time.Time
	// EndsFrom and EndsUntil bound the campaign's end. A campaign with no
	// end never ends: it passes EndsFrom and fails EndsUntil.
	EndsFrom, EndsUntil time.Time
	// Text keeps the campaigns whose id, name or description contains it,
	// ignoring case (Unicode lower case; accents are compared as written).
	Text string
}

// Search returns the campaigns that pass f, ordered by priority (lower
// first), then id, then their position in r: the same ruleset and filter
// always give the same list. The campaigns returned are deep copies: changing
// them does not change r. A campaign's dates are read only when f filters by
// status or date; one that does not parse then makes Search fail, naming the
// campaign. Status without At, an unknown Status value or an unknown Type is
// an error.
func (r Ruleset) Search(f Filter) ([]Campaign, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	dated := f.Status != nil || !f.StartsFrom.IsZero() || !f.StartsUntil.IsZero() ||
		!f.EndsFrom.IsZero() || !f.EndsUntil.IsZero()
	var loc *time.Location
	if dated {
		var err error
		if loc, err = r.Location(); err != nil {
			return nil, err
		}
	}
	text := strings.ToLower(f.Text)
	type hit struct {
		c   *Campaign
		pos int
	}
	var hits []hit
	for i := range r.Campaigns {
		c := &r.Campaigns[i]
		if !f.describes(c, text) {
			continue
		}
		if dated {
			in, err := f.dates(c, loc)
			if err != nil {
				return nil, err
			}
			if !in {
				continue
			}
		}
		hits = append(hits, hit{c, i})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.c.Priority, b.c.Priority), strings.Compare(a.c.ID, b.c.ID), cmp.Compare(a.pos, b.pos))
	})
	out := make([]Campaign, len(hits))
	for i, h := range hits {
		out[i] = deepCopy(*h.c)
	}
	return out, nil
}

// check refuses an unknown Type or Status, and Status without At.
func (f Filter) check() error {
	if f.Type != "" && !slices.Contains(campaignTypes(), f.Type) {
		return fmt.Errorf("filter: unknown campaign type %q (want one of %s)", f.Type, strings.Join(campaignTypes(), ", "))
	}
	if f.Status != nil {
		if *f.Status > StatusEnded {
			return fmt.Errorf("filter: unknown campaign status %d", *f.Status)
		}
		if f.At.IsZero() {
			return fmt.Errorf("filter: status %s needs the instant At to judge it at", *f.Status)
		}
	}
	return nil
}

// describes reports whether campaign c passes the filter's type, category
// and text (lower case).
func (f Filter) describes(c *Campaign, text string) bool {
	if f.Type != "" && c.Type() != f.Type {
		return false
	}
	if f.Category != "" && c.Category != f.Category {
		return false
	}
	return text == "" || strings.Contains(strings.ToLower(c.ID), text) ||
		strings.Contains(strings.ToLower(c.Name), text) ||
		strings.Contains(strings.ToLower(c.Description), text)
}

// dates reports whether campaign c, its dates read in loc, passes the
// filter's status and date bounds.
func (f Filter) dates(c *Campaign, loc *time.Location) (bool, error) {
	start, end, err := campaignPeriod(c, loc)
	if err != nil {
		return false, err
	}
	if f.Status != nil && statusOf(start, end, f.At) != *f.Status {
		return false, nil
	}
	if (!f.StartsFrom.IsZero() && start.Before(f.StartsFrom)) ||
		(!f.StartsUntil.IsZero() && start.After(f.StartsUntil)) {
		return false, nil
	}
	// A zero end is no end: after every EndsFrom, never before an
	// EndsUntil.
	endsTooSoon := !f.EndsFrom.IsZero() && !end.IsZero() && end.Before(f.EndsFrom)
	endsTooLate := !f.EndsUntil.IsZero() && (end.IsZero() || end.After(f.EndsUntil))
	return !endsTooSoon && !endsTooLate, nil
}
