package promogen

import (
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Returns generates a plan that gives back everything a sale sold, in one
// to three successive returns (devoluções): each line's quantity is split
// among them — whole units of a counted line, any part of a weighed one
// down to its last decimal place. Every return of the plan holds at least
// one line; shrinking goes to one return of everything.
func Returns(sale promo.Result) *rapid.Generator[[][]refund.Returned] {
	return rapid.Custom(func(t *rapid.T) [][]refund.Returned {
		steps := rapid.IntRange(1, 3).Draw(t, "returns")
		plan := make([][]refund.Returned, steps)
		for _, l := range sale.Lines {
			scale := int32(0)
			if l.Weighed || !l.Quantity.IsInteger() {
				scale = max(0, -l.Quantity.Exponent())
			}
			left := l.Quantity.Shift(scale).IntPart()
			for s := range steps {
				part := left
				if s < steps-1 {
					part = rapid.Int64Range(0, left).Draw(t, "returned")
				}
				if part > 0 {
					plan[s] = append(plan[s], refund.Returned{Line: l.ID, Quantity: decimal.New(part, -scale)})
				}
				left -= part
			}
		}
		out := plan[:0]
		for _, step := range plan {
			if len(step) > 0 {
				out = append(out, step)
			}
		}
		return out
	})
}
