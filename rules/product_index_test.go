package rules_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
	"pgregory.net/rapid"
)

// TestProductIndexMatchesScan checks that a product rule looked up through
// the view's index of lines (product codes, SKUs, categories) selects what
// a scan of every line selects: the same rule on a Subset of every line,
// which has no index, is the scan.
func TestProductIndexMatchesScan(t *testing.T) {
	keys := []string{"", "A", "B", "bebidas", "bebidas/cervejas", "/bebidas/", "bebidas//x", "bebidasx", "b/c/d", "b"}
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 8).Draw(rt, "lines")
		lines := make([]promo.Line, n)
		for i := range lines {
			lines[i] = rlProduct(fmt.Sprint(i+1), rapid.SampledFrom(keys).Draw(rt, "code"),
				rapid.SampledFrom(keys).Draw(rt, "sku"), rapid.SampledFrom(keys).Draw(rt, "category"))
		}
		req := rapid.SampledFrom([]rules.Require{rules.RequireAny, rules.RequireAll}).Draw(rt, "require")
		values := rapid.SliceOfN(rapid.SampledFrom(keys), 1, 4).Draw(rt, "values")
		conds := []rules.Condition{rules.ProductCode(req, values...), rules.SKU(req, values...), rules.Category(req, values...)}
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		for _, c := range conds {
			var indexed, scanned rules.Outcome
			rlView(t, lines, nil, func(v *promo.View) {
				indexed, scanned = c.Check(v), c.Check(v.Subset(all))
			})
			if diff := cmp.Diff(scanned, indexed); diff != "" {
				rt.Fatalf("%T %v on %+v: the index disagrees with the scan (-want +got):\n%s", c, values, lines, diff)
			}
		}
	})
}
