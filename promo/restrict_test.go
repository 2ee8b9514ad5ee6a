package promo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// blocker is a promotion that never applies but blocks line 0 at one unit
// and tallies what was bought.
type blocker struct {
	id        string
	exclusive bool
	noBlock   bool // only the tally
	noTally   bool // only the block
}

func (b blocker) Info() promo.Info {
	return promo.Info{ID: b.id, Name: b.id, Phase: promo.PhaseItem, Exclusive: b.exclusive}
}
func (b blocker) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (b blocker) Apply(v *promo.View) promo.Proposal {
	p := promo.NotEligible(promo.Reason{Code: "below_minimum", PT: "abaixo do mínimo", EN: "below the minimum"})
	if !b.noBlock {
		p.Blocks = []promo.BlockAt{{Line: 0, Allowed: decimal.NewFromInt(1), Reason: promo.Reason{Code: "purchase_blocked"}}}
	}
	if !b.noTally {
		p.Tally = []promo.CounterDelta{{Key: "block/" + b.id, Add: v.Line(0).Quantity}}
	}
	return p
}

// A purchase block and a tally stand whatever happens to the promotion:
// not eligible, cumulative or non-cumulative, with or without a winner.
func TestBlocksAndTalliesStand(t *testing.T) {
	cart := promo.Cart{ID: "b-1", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "l"},
		Lines: []promo.Line{{ID: "1", Quantity: decimal.NewFromInt(3), UnitPrice: decimal.NewFromInt(10)}}}
	block := []promo.Block{{Campaign: "q", Line: "1", Allowed: decimal.NewFromInt(1), Reason: promo.Reason{Code: "purchase_blocked"}}}
	tally := []string{"q block/q 3"}
	for _, tt := range []struct {
		name    string
		promos  []promo.Promotion
		blocks  []promo.Block
		tallies []string
	}{
		{"cumulative", []promo.Promotion{blocker{id: "q"}}, block, tally},
		{"non-cumulative, no winner", []promo.Promotion{blocker{id: "q", exclusive: true}}, block, tally},
		{"cumulative, another campaign wins", []promo.Promotion{blocker{id: "q"}, winner{}}, block, tally},
		{"only a tally", []promo.Promotion{blocker{id: "q", noBlock: true}}, nil, tally},
		{"only a block: no tally event", []promo.Promotion{blocker{id: "q", noTally: true}}, block, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, tt.promos...)
			res := promotest.Evaluate(t, cart, rs)
			if diff := cmp.Diff(tt.blocks, res.Blocks, testkit.EquateDecimals()); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			var tallies []string
			for _, e := range res.Events {
				if e.Kind == promo.EventTally {
					tallies = append(tallies, e.Campaign) // an event with no counter still shows
					for _, c := range e.Counters {
						tallies[len(tallies)-1] += " " + c.Key + " " + c.Add.String()
					}
				}
			}
			if diff := cmp.Diff(tt.tallies, tallies); diff != "" {
				t.Errorf("tallies (-want +got):\n%s", diff)
			}
		})
	}
}

// winner is a non-cumulative promotion that gives 1.00 off line 0.
type winner struct{}

func (winner) Info() promo.Info {
	return promo.Info{ID: "w", Name: "w", Phase: promo.PhaseItem, Exclusive: true}
}
func (winner) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (winner) Apply(v *promo.View) promo.Proposal {
	return promo.Proposal{Eligible: true, Adjustments: []promo.Proposed{{Line: 0, Amount: decimal.NewFromInt(1)}}}
}
