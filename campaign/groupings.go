package campaign

import (
	"fmt"
	"strings"
)

// checkGroupings checks the ruleset's groupings and indexes them by id for
// the conditions that name them.
func (c *compiler) checkGroupings(defs []Grouping) {
	c.groupings = map[string]*Grouping{}
	for i := range defs {
		g := &defs[i]
		p := fmt.Sprintf("groupings[%d]", i)
		switch {
		case g.ID == "":
			c.fail(p+".id", "required")
		case c.groupings[g.ID] != nil:
			c.fail(p+".id", "duplicate grouping id %q", g.ID)
		default:
			c.groupings[g.ID] = g
		}
		if g.Kind != GroupingProduct && g.Kind != GroupingStore && g.Kind != GroupingCustomer {
			c.fail(p+".kind", "want product, store or customer, got %q", g.Kind)
		}
		if len(g.Members) == 0 {
			c.fail(p+".members", "at least one member is required")
		}
		for j, m := range g.Members {
			if strings.TrimSpace(m) == "" {
				c.fail(fmt.Sprintf("%s.members[%d]", p, j), "must not be empty")
			}
		}
	}
}

// grouping resolves a grouping reference of the wanted kind.
func (c *compiler) grouping(p, id string, kind GroupingKind) *Grouping {
	if id == "" {
		c.fail(p+".grouping", "required: the id of a %s grouping", kind)
		return nil
	}
	g, ok := c.groupings[id]
	if !ok {
		c.fail(p+".grouping", "unknown grouping %q (not in groupings)", id)
		return nil
	}
	if g.Kind != kind {
		c.fail(p+".grouping", "grouping %q is a %s grouping, want a %s grouping", id, g.Kind, kind)
		return nil
	}
	return g
}
