package promo

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Phase is a lane of the pipeline. The price phases (exchange, markdown)
// run first and the post phases (redemption, earning) last, each in the
// order of their values and within a phase by priority (lower first) then
// id; the item and sale phases run between them together, by priority,
// then phase (items before the sale), then id.
type Phase uint8

const (
	// PhaseExchange nets exchange items (troca) against the sale.
	PhaseExchange Phase = iota
	// PhaseMarkdown sets new unit prices (remarcação).
	PhaseMarkdown
	// PhaseItem holds item-level promotions: kits, multi-buy, product discounts.
	PhaseItem
	// PhaseSale holds sale-level promotions, apportioned to lines.
	PhaseSale
	// PhaseRedemption redeems cashback from the wallet.
	PhaseRedemption
	// PhaseEarning earns cashback, points, coupons.
	PhaseEarning
)

// String returns the phase's name.
func (p Phase) String() string {
	switch p {
	case PhaseExchange:
		return "exchange"
	case PhaseMarkdown:
		return "markdown"
	case PhaseItem:
		return "item"
	case PhaseSale:
		return "sale"
	case PhaseRedemption:
		return "redemption"
	case PhaseEarning:
		return "earning"
	}
	return fmt.Sprintf("Phase(%d)", uint8(p))
}

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Info is what the kernel needs to know of a promotion to order it, check its
// dates and report on it.
type Info struct {
	// ID identifies the promotion within the ruleset; ids are unique.
	ID string
	// Name is the name shown on receipts and reports.
	Name string
	// Description is shown to the operator (for an optional campaign, in the
	// offer).
	Description string
	// Category is the campaign category, for reports and search.
	Category string
	// Type names the promotion's family and kind, for reports: for example
	// "reshop:sale_percent", "desconto_pack", "combo:kit", "industry",
	// "markdown".
	Type string
	// Phase is the lane it runs in.
	Phase Phase
	// Priority orders promotions: lower first. Item and sale promotions
	// are ordered by it across both phases; markdowns among markdowns.
	Priority int
	// Exclusive marks a non-cumulative campaign (campanha não cumulativa):
	// when it applies, it alone applies.
	Exclusive bool
	// Start is the first instant the promotion is valid; zero means always.
	Start time.Time
	// End is the last instant the promotion is valid (inclusive); zero means
	// no end.
	End time.Time
	// Funder is who pays for the discounts; empty means the retailer.
	Funder string
	// FunderShare is the percent of each discount the funder pays; the
	// retailer pays the rest. Zero with a Funder means all of it.
	FunderShare decimal.Decimal
	// Key is an identification key copied into every adjustment the
	// promotion causes, for reports (chave identificadora do desconto).
	Key string
	// Optional marks a campaign the operator must accept (campanha
	// opcional): until the cart lists it in AcceptedOffers it is returned
	// as an Offer and not applied.
	Optional bool
	// Program marks a program rather than a campaign (the cashback wallet,
	// a points program): its applications produce no activation event and
	// are not listed in Result.Applied.
	Program bool
	// PartOf names the campaign this promotion is a part of (its cashback
	// or bonus points, earned after every discount). It has no trace entry
	// of its own: when it applies, its notes join the campaign's entry.
	PartOf string
}

// InfoRef may be implemented by a promotion that keeps its Info: NewRuleset
// then holds the pointer InfoRef returns instead of a copy of Info(), so
// that a ruleset of many promotions holds their descriptions once. The
// Info it points to equals Info() and never changes.
type InfoRef interface {
	InfoRef() *Info
}

// Keys tells the ruleset's index which carts a promotion can match. A
// promotion is looked at only when a line matches one of its keys, or when
// it is CartWide.
type Keys struct {
	// CartWide promotions are looked at for every cart.
	CartWide bool
	// ProductCodes, SKUs and Categories are the line values that can make the
	// promotion match. A category matches the lines of every level below it.
	ProductCodes []string
	SKUs         []string
	Categories   []string
}

// Restricting may be implemented by a promotion that knows, once
// compiled, whether it can ever give purchase blocks or tallies
// (Proposal.Blocks, Proposal.Tally): when a non-cumulative campaign wins
// and none of those that lost can, the kernel does not run them again to
// collect their restrictions. A promotion that does not implement it is
// taken to be able to.
type Restricting interface {
	Restricts() bool
}

// Promotion is one compiled promotion of any family. Implementations must be
// immutable and safe for concurrent use: Apply is called from many goroutines
// and more than once per Evaluate (to compare exclusive candidates).
type Promotion interface {
	// Info describes the promotion.
	Info() Info
	// Keys are the index keys of the promotion.
	Keys() Keys
	// Apply looks at the sale as it stands after the promotions before this
	// one and proposes adjustments, or says why it does not apply.
	Apply(v *View) Proposal
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Phase) UnmarshalText(b []byte) error {
	for c := PhaseExchange; c <= PhaseEarning; c++ {
		if c.String() == string(b) {
			*p = c
			return nil
		}
	}
	return fmt.Errorf("unknown phase %q", b)
}
