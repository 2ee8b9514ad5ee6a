package campaign

import (
	"fmt"
	"strings"

	"github.com/promokit/promokit/rules"
)

// cardBINCondition compiles a card_bin rule: its values are prefixes of
// digits.
func (c *compiler) cardBINCondition(in conditionIn) rules.Condition {
	c.needValues(in)
	for j, v := range in.cd.Values {
		if strings.Trim(v, "0123456789") != "" {
			c.fail(fmt.Sprintf("%s.values[%d]", in.p, j), "a BIN prefix has digits only")
		}
	}
	return rules.CardBIN(in.cd.Values...)
}
