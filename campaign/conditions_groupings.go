package campaign

import "github.com/promokit/promokit/rules"

// productGroupingCondition compiles a grouping rule: the lines' products
// are in a product grouping.
func (c *compiler) productGroupingCondition(in conditionIn) rules.Condition {
	if g := c.grouping(in.p, in.cd.Grouping, GroupingProduct); g != nil {
		return rules.ProductGroup(g.ID, in.req, g.Members...)
	}
	return nil
}

// storeGroupingCondition compiles a store_grouping rule.
func (c *compiler) storeGroupingCondition(in conditionIn) rules.Condition {
	if g := c.grouping(in.p, in.cd.Grouping, GroupingStore); g != nil {
		return rules.StoreIn(g.ID, g.Members...)
	}
	return nil
}

// customerGroupingCondition compiles a customer_grouping rule.
func (c *compiler) customerGroupingCondition(in conditionIn) rules.Condition {
	if g := c.grouping(in.p, in.cd.Grouping, GroupingCustomer); g != nil {
		return rules.CustomerGroup(g.ID, g.Members)
	}
	return nil
}
