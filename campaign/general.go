package campaign

import "time"

// general checks the general data g of the promotion at path p, the same
// in every family: an id unique among all the ruleset's promotions (seen
// maps the ids met so far to the path of the first with each), a name, a
// priority not negative and the dates, which it returns.
func (c *compiler) general(p string, g *General, loc *time.Location, seen map[string]string) (start, end time.Time) {
	if c.checkID(p, g.ID) {
		if first, dup := seen[g.ID]; dup {
			c.fail(p+".id", "duplicate of %s.id %q", first, g.ID)
		} else {
			seen[g.ID] = p
		}
	}
	switch {
	case g.Name == "" && g.Description != "":
		// Combos and Desconto Pack tables took their title from
		// description before 0.2.0.
		c.fail(p+".name", "required: the short title (description is an optional longer text)")
	case g.Name == "":
		c.fail(p+".name", "required")
	}
	if g.Priority < 0 {
		c.fail(p+".priority", "must not be negative")
	}
	return c.dates(p, g.Start, g.End, loc)
}
