package campaign

import (
	"fmt"
	"iter"
	"time"
)

// Generals yields the general data of every promotion of r with its JSON
// path ("campaigns[0]", "combos[2]"…): campaigns, markdowns, Desconto Pack
// tables, combos and industry promotions, in that order and in the order of
// the document. The values are copies; changing them does not change r.
func (r Ruleset) Generals() iter.Seq2[string, General] {
	return func(yield func(string, General) bool) {
		families := []struct {
			name string
			n    int
			at   func(int) General
		}{
			{"campaigns", len(r.Campaigns), func(i int) General { return r.Campaigns[i].General }},
			{"markdowns", len(r.Markdowns), func(i int) General { return r.Markdowns[i].General }},
			{"discount_packs", len(r.DiscountPacks), func(i int) General { return r.DiscountPacks[i].General }},
			{"combos", len(r.Combos), func(i int) General { return r.Combos[i].General }},
			{"industry_promotions", len(r.IndustryPromotions), func(i int) General { return r.IndustryPromotions[i].General }},
		}
		for _, f := range families {
			for i := range f.n {
				if !yield(fmt.Sprintf("%s[%d]", f.name, i), f.at(i)) {
					return
				}
			}
		}
	}
}

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
