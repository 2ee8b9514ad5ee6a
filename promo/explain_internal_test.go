package promo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
)

// TestShortfallNothingMissing: View.Shortfall is nil when nothing is
// missing (no amount, no units, or less than none) or no line can stand
// for it; otherwise it is like the cheapest line by unit price, ties by
// line-id order (the view's ranks), the first line included.
func TestShortfallNothingMissing(t *testing.T) {
	line := func(id, price string) Line {
		return Line{ID: id, Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString(price)}
	}
	cart := Cart{Lines: []Line{line("a", "5.00"), line("b", "7.00"), line("c", "5.00")}}
	inOrder := &View{cart: &cart, rank: []int{0, 1, 2}}
	reversed := &View{cart: &cart, rank: []int{2, 1, 0}} // "c" before "a" in line-id order
	all := []int{0, 1, 2}
	one := decimal.RequireFromString("1.00")
	for _, c := range []struct {
		name     string
		v        *View
		lines    []int
		amount   decimal.Decimal
		quantity int64
		want     *Shortfall
	}{
		{"nothing missing", inOrder, all, decimal.Zero, 0, nil},
		{"less than nothing", inOrder, all, one.Neg(), -1, nil},
		{"no line", inOrder, nil, one, 0, nil},
		{"an amount, like the first line", inOrder, all, one, 0, &Shortfall{Amount: one, Like: "a"}},
		{"units, the tie broken by rank", reversed, all, decimal.Zero, 2, &Shortfall{Quantity: 2, Like: "c"}},
	} {
		if diff := cmp.Diff(c.want, c.v.Shortfall(c.lines, c.amount, c.quantity), testkit.EquateDecimals()); diff != "" {
			t.Errorf("%s: Shortfall (-want +got):\n%s", c.name, diff)
		}
	}
}
