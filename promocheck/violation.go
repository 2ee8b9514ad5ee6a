package promocheck

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Kind says which promise or policy a Violation breaks.
type Kind string

// The kinds of violation: first the engine's promises, then the policies a
// retailer states.
const (
	// KindLines: the result's lines are not the cart's, in its order, or a
	// line's gross is not its quantity × unit price rounded to cents with
	// the ruleset's mode.
	KindLines Kind = "lines"
	// KindBounds: a line's discount is negative or above its gross, its
	// net is not gross − discount, or it is below zero.
	KindBounds Kind = "bounds"
	// KindSums: an adjustment is not a positive whole number of cents or
	// has no funder, a line's adjustments do not add up to its discount,
	// funding shares do not add up to their adjustment, a campaign's
	// adjustments do not add up to what its application says, or the
	// trace disagrees with the applications.
	KindSums Kind = "sums"
	// KindTotals: the totals are not the sums of the lines, or payable is
	// not net − exchange − tenders.
	KindTotals Kind = "totals"
	// KindNFCe: the NFC-e of the result would be rejected (483, 537, 564,
	// 629, or a field outside the schema's format, 225).
	KindNFCe Kind = "nfce"
	// KindDeterminism: a second evaluation of the same cart gives another
	// result.
	KindDeterminism Kind = "determinism"
	// KindRefund: returning what was sold does not give back exactly what
	// was paid, or does not take back exactly what was earned.
	KindRefund Kind = "refund"
	// KindMaxLineDiscount: a line gets more than the policy's maximum
	// discount, as a percent of its gross.
	KindMaxLineDiscount Kind = "max_line_discount"
	// KindMaxSaleDiscount: the sale gets more than the policy's maximum
	// discount, as a percent of its gross.
	KindMaxSaleDiscount Kind = "max_sale_discount"
	// KindFloorPrice: a product is sold below its floor (cost plus the
	// minimum margin) once the promotions applied.
	KindFloorPrice Kind = "floor_price"
	// KindMaxGifts: the sale gets more gifts (brindes) than the policy
	// allows.
	KindMaxGifts Kind = "max_gifts"
	// KindNeverStack: a campaign applied together with one it must never
	// stack with.
	KindNeverStack Kind = "never_stack"
)

// Violation is one broken promise or policy: what failed, where, which
// campaigns were involved and the amounts, in pt-BR and English.
type Violation struct {
	Kind Kind
	// Line is the id of the line it is about; empty for the whole sale.
	Line string
	// Campaigns are the ids of the promotions involved, in the order they
	// ran.
	Campaigns []string
	// Amount is what was found (a discount, a percent, a count) and Limit
	// the bound it broke, when the kind has them; zero otherwise.
	Amount, Limit decimal.Decimal
	// PT and EN say what is wrong.
	PT, EN string
}

// String returns the violation in English: its kind, where, and what.
func (v Violation) String() string {
	where := "sale"
	if v.Line != "" {
		where = fmt.Sprintf("line %q", v.Line)
	}
	s := fmt.Sprintf("%s (%s): %s", v.Kind, where, v.EN)
	if len(v.Campaigns) > 0 {
		s += " [" + strings.Join(v.Campaigns, ", ") + "]"
	}
	return s
}
