package campaign_test

import (
	"testing"

	"github.com/promokit/promokit/campaign"
)

// Product, store and customer groupings (agrupamentos) and the conditions
// on them.

func TestGroupingDefinitions(t *testing.T) {
	rs := cdRuleset(false, campaign.Condition{Kind: "product_code", Values: []string{"A"}})
	rs.Groupings = []campaign.Grouping{
		{ID: "", Kind: "product", Members: []string{"A"}},
		{ID: "g1", Kind: "produto", Members: []string{"A"}},
		{ID: "g2", Kind: "store"},
		{ID: "g3", Kind: "customer", Members: []string{"tok-1", " "}},
		{ID: "g2", Kind: "store", Members: []string{"loja-1"}},
	}
	_, err := campaign.Compile(rs)
	cdCompare(t, []cdProblem{
		{"groupings[0].id", "required"},
		{"groupings[1].kind", `want product, store or customer, got "produto"`},
		{"groupings[2].members", "at least one member is required"},
		{"groupings[3].members[1]", "must not be empty"},
		{"groupings[4].id", `duplicate grouping id "g2"`},
	}, cdProblems(t, err))
}
