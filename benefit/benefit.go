package benefit

import (
	"fmt"

	"github.com/promokit/promokit/promo"
)

// Selection says which eligible units get an item benefit (conceder todos,
// maior benefício, menor benefício).
type Selection uint8

const (
	// All gives the benefit to every eligible unit (conceder todos).
	All Selection = iota
	// Highest gives it to the highest-priced unit of each occurrence (maior benefício).
	Highest
	// Lowest gives it to the lowest-priced unit of each occurrence (menor benefício).
	Lowest
)

// String returns "all", "highest" or "lowest".
func (s Selection) String() string {
	switch s {
	case All:
		return "all"
	case Highest:
		return "highest"
	case Lowest:
		return "lowest"
	}
	return fmt.Sprintf("Selection(%d)", uint8(s))
}

// ParseSelection parses "all", "highest" or "lowest"; "" is All.
func ParseSelection(s string) (Selection, error) {
	switch s {
	case "", "all":
		return All, nil
	case "highest":
		return Highest, nil
	case "lowest":
		return Lowest, nil
	}
	return All, fmt.Errorf("unknown selection %q (want all, highest or lowest)", s)
}

// Scope is what a campaign hands its benefit: the lines its rules selected
// and how occurrences are formed.
type Scope struct {
	// Lines are the eligible lines (indexes into the cart).
	Lines []int
	// GroupSize is the number of units one occurrence takes (the campaign's
	// minimum quantity); 0 means no grouping.
	GroupSize int64
	// MaxRepetitions caps the occurrences per sale; 0 means no cap.
	MaxRepetitions int
	// CompleteGroups makes All give an item benefit per complete group of
	// GroupSize units, even without MaxRepetitions (group mode
	// complete_groups: 5 units in groups of 2 give it to 4). Without it,
	// All with no repetition cap gives it to every unit once GroupSize is
	// reached (all_from_minimum); with a cap it counts complete groups.
	CompleteGroups bool
	// Target and TargetQuantity make an item benefit targeted ("compre 2
	// de X, leve 1 de Y com 50 %"): each occurrence takes GroupSize
	// qualifying units of Lines and TargetQuantity units of Target, which
	// get the benefit (the cheapest with Lowest, the default; the dearest
	// with Highest); a unit belongs to one occurrence only, as a buyer or
	// as a target. TargetQuantity 0: not targeted (a campaign whose target
	// takes every unit hands the target lines as Lines).
	Target         []int
	TargetQuantity int64
	// Select says which units of an occurrence get an item benefit.
	Select Selection
	// Pick is how many units of each occurrence Highest or Lowest gives the
	// benefit to; 0 means 1. Without a group size, at most all the units.
	Pick int64
	// MaxUnits caps the whole units that get an item benefit (a budget of
	// promoted units, a maximum of items per sale); 0 means no cap. While
	// the cap does not bind, weighed lines take part (each counts as one
	// unit); when it binds, only whole units do, the dearest first.
	MaxUnits int64
	// MaxTaken caps the units taken under the promotion (what an item limit
	// still allows): the members of the occurrences of a grouped benefit
	// (a "leve 3 pague 2" takes 3 units per occurrence, paid and free),
	// else the units that get the benefit; 0 means no cap. A grouped
	// benefit forms only whole occurrences within it.
	MaxTaken int64
}

// Benefit is what a campaign gives. The set is closed: build benefits with
// the constructors of this package.
type Benefit interface {
	// Phase is the lane the benefit runs in: PhaseItem or PhaseSale.
	Phase() promo.Phase
	// Apply proposes the adjustments for the scope.
	Apply(v *promo.View, s Scope) promo.Proposal
	sealed()
}
