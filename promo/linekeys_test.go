package promo_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// keyLookup is what a view answered to one LinesWith*/LinesInCategory call.
type keyLookup struct {
	Lines []int
	OK    bool
}

// lineKeysProbe is a cart-wide promotion that asks its view, and a subset
// of it, for the lines of some product codes, SKUs and categories, and
// records the answers by "kind:value" (a subset's under "subset ").
type lineKeysProbe struct {
	got map[string]keyLookup
}

func (p lineKeysProbe) Info() promo.Info {
	return promo.Info{ID: "probe", Name: "probe", Phase: promo.PhaseItem}
}
func (p lineKeysProbe) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p lineKeysProbe) Apply(v *promo.View) promo.Proposal {
	ask(p.got, "", v)
	ask(p.got, "subset ", v.Subset([]int{0, 1}))
	return promo.NotEligible()
}

// ask records v's answers under prefix.
func ask(got map[string]keyLookup, prefix string, v *promo.View) {
	for _, code := range []string{"A", "B", "Z", ""} {
		l, ok := v.LinesWithCode(code)
		got[prefix+"code:"+code] = keyLookup{l, ok}
	}
	for _, sku := range []string{"S1", "S9", ""} {
		l, ok := v.LinesWithSKU(sku)
		got[prefix+"sku:"+sku] = keyLookup{l, ok}
	}
	for _, cat := range []string{"bebidas", "bebidas/cervejas", "a", "a/b", "b", "cervejas"} {
		l, ok := v.LinesInCategory(cat)
		got[prefix+"cat:"+cat] = keyLookup{l, ok}
	}
}

// TestLinesByKey: a view the kernel made answers which lines carry a
// product code or SKU, or are in a category or below it (leading and
// trailing slashes aside), in cart order; a subset, or a view the kernel
// did not make, cannot tell (false), and the caller looks at every line.
func TestLinesByKey(t *testing.T) {
	line := func(id, code, sku, cat string) promo.Line {
		return promo.Line{ID: id, ProductCode: code, SKU: sku, Category: cat, Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(10)}
	}
	cart := promo.Cart{ID: "k-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "l"}, Lines: []promo.Line{
		line("1", "A", "S1", "bebidas/cervejas"),
		line("2", "B", "S2", "/bebidas/"),
		line("3", "A", "", "a/b"),
		line("4", "", "S1", ""),
	}}
	probe := lineKeysProbe{got: map[string]keyLookup{}}
	rs := promotest.NewRuleset(t, promo.Settings{}, probe)
	if _, err := promo.Evaluate(cart, rs); err != nil {
		t.Fatal(err)
	}
	yes := func(lines ...int) keyLookup { return keyLookup{lines, true} }
	cannot := keyLookup{}
	want := map[string]keyLookup{
		"code:A": yes(0, 2), "code:B": yes(1), "code:Z": yes(), "code:": yes(),
		"sku:S1": yes(0, 3), "sku:S9": yes(), "sku:": yes(),
		"cat:bebidas": yes(0, 1), "cat:bebidas/cervejas": yes(0), "cat:a": yes(2), "cat:a/b": yes(2),
		"cat:b": yes(), "cat:cervejas": yes(),
	}
	for _, k := range slices.Collect(maps.Keys(want)) {
		want["subset "+k] = cannot
	}
	if diff := cmp.Diff(want, probe.got, cmp.Comparer(func(a, b keyLookup) bool {
		return a.OK == b.OK && len(a.Lines) == len(b.Lines) && (len(a.Lines) == 0 || cmp.Equal(a.Lines, b.Lines))
	})); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}

	// A view the kernel did not make.
	got := map[string]keyLookup{}
	ask(got, "", &promo.View{})
	for k, l := range got {
		if l.OK || l.Lines != nil {
			t.Errorf("a zero View: %s = %v, want nil, false", k, l)
		}
	}
}
