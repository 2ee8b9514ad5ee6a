package campaign

import (
	"fmt"

	"github.com/promokit/promokit/promo"
)

// associations checks the associations against the campaigns (by their
// index in def, ids) and converts them.
func (c *compiler) associations(def Ruleset, ids map[string]int) []promo.Association {
	var out []promo.Association
	owner := map[string]string{}
	seen := map[string]bool{}
	for i, a := range def.Associations {
		p := fmt.Sprintf("associations[%d]", i)
		if a.ID == "" {
			c.fail(p+".id", "required")
		} else if seen[a.ID] {
			c.fail(p+".id", "duplicate association id %q", a.ID)
		}
		seen[a.ID] = true
		crit, err := promo.ParseCriterion(string(a.Criterion))
		if err != nil {
			c.fail(p+".criterion", "%v", err)
		}
		if len(a.Campaigns) < 2 {
			c.fail(p+".campaigns", "an association needs at least two campaigns")
		}
		for j, id := range a.Campaigns {
			mp := fmt.Sprintf("%s.campaigns[%d]", p, j)
			k, ok := ids[id]
			switch {
			case !ok:
				c.fail(mp, "unknown campaign %q", id)
			case owner[id] != "":
				c.fail(mp, "campaign %q is already in association %q", id, owner[id])
			case def.Campaigns[k].NonCumulative || def.Campaigns[k].Optional:
				c.fail(mp, "campaign %q is non-cumulative or optional: associations hold cumulative campaigns", id)
			default:
				owner[id] = a.ID
			}
		}
		out = append(out, promo.Association{ID: a.ID, Name: a.Name, Criterion: crit, Members: append([]string(nil), a.Campaigns...)})
	}
	return out
}
