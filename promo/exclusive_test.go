package promo_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Exclusive (non-cumulative) promotions: which one applies when several
// could, and what the others are told.

func TestEvaluateExclusive(t *testing.T) {
	off := func(a string) func(v *promo.View) promo.Proposal { return evFixedOff(map[int]string{0: a}) }
	excl := func(id string, prio int, apply func(v *promo.View) promo.Proposal) evFakePromo {
		return evFake(id, apply).with(func(in *promo.Info) { in.Exclusive, in.Priority = true, prio })
	}
	notEligible := func(*promo.View) promo.Proposal {
		return promo.NotEligible(promo.Reason{Code: promo.ReasonRuleFailed, EN: "no"})
	}
	tests := []struct {
		name    string
		promos  []promo.Promotion
		applied []string
		trace   []string
		winner  string // named in the lost_to_exclusive messages
	}{
		{
			name: "the one giving most wins alone",
			promos: []promo.Promotion{
				excl("ex-small", 0, off("10.00")),
				excl("ex-big", 0, off("15.00")),
				evFake("cum", off("5.00")),
				excl("ex-none", 0, notEligible),
				excl("ex-zero", 0, func(*promo.View) promo.Proposal { return promo.Proposal{Eligible: true} }),
			},
			applied: []string{"ex-big 15.00 x1"},
			trace: []string{"cum: lost_to_exclusive", "ex-big: applied", "ex-none: rule_failed",
				"ex-small: lost_to_exclusive", "ex-zero: nothing_to_discount"},
			winner: "ex-big",
		},
		{
			name: "tie: lower priority wins",
			promos: []promo.Promotion{
				excl("ex-a", 2, off("10.00")),
				excl("ex-b", 1, off("10.00")),
			},
			applied: []string{"ex-b 10.00 x1"},
			trace:   []string{"ex-b: applied", "ex-a: lost_to_exclusive"},
			winner:  "ex-b",
		},
		{
			name: "tie: priority decides before phase",
			promos: []promo.Promotion{
				excl("ex-item", 5, off("10.00")),
				excl("ex-sale", 1, off("10.00")).with(func(in *promo.Info) { in.Phase = promo.PhaseSale }),
			},
			applied: []string{"ex-sale 10.00 x1"},
			trace:   []string{"ex-sale: applied", "ex-item: lost_to_exclusive"}, // the trace in pipeline order: priority first
			winner:  "ex-sale",
		},
		{
			name: "tie at the same priority: lower id wins",
			promos: []promo.Promotion{
				excl("ex-b", 0, off("10.00")),
				excl("ex-a", 0, off("10.00")),
			},
			applied: []string{"ex-a 10.00 x1"},
			trace:   []string{"ex-a: applied", "ex-b: lost_to_exclusive"},
			winner:  "ex-a",
		},
		{
			name: "the exclusive runs alone on the gross values",
			promos: []promo.Promotion{
				evFake("cum", off("50.00")),
				excl("ex", 1, evPercentOff(10, promo.ItemDiscount)), // 10 % of 100.00, not of 50.00
			},
			applied: []string{"ex 10.00 x1"},
			trace:   []string{"cum: lost_to_exclusive", "ex: applied"},
			winner:  "ex",
		},
		{
			name: "no exclusive gives anything: the cumulative ones apply",
			promos: []promo.Promotion{
				excl("ex-zero", 0, off("0.001")),
				excl("ex-none", 0, notEligible),
				evFake("cum-1", off("5.00")).with(func(in *promo.Info) { in.Priority = 1 }),
				evFake("cum-2", off("2.00")).with(func(in *promo.Info) { in.Priority = 2 }),
			},
			applied: []string{"cum-1 5.00 x1", "cum-2 2.00 x1"},
			trace:   []string{"ex-none: rule_failed", "ex-zero: nothing_to_discount", "cum-1: applied", "cum-2: applied"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, tt.promos...)
			res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "100.00")), rs)
			if diff := cmp.Diff(tt.applied, evApplied(res)); diff != "" {
				t.Errorf("applied (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.trace, evTrace(res)); diff != "" {
				t.Errorf("trace (-want +got):\n%s", diff)
			}
			// Only the winner's adjustments are on the line.
			var camps []string
			for _, a := range res.Lines[0].Adjustments {
				camps = append(camps, a.Campaign)
			}
			var wantCamps []string
			for _, a := range tt.applied {
				wantCamps = append(wantCamps, strings.Fields(a)[0])
			}
			if diff := cmp.Diff(wantCamps, camps); diff != "" {
				t.Errorf("adjustments of line 1 (-want +got):\n%s", diff)
			}
			for _, e := range res.Trace {
				if e.Code() != promo.ReasonLostToExclusive {
					continue
				}
				wantEN := "lost to non-cumulative campaign " + tt.winner + " (Promo " + tt.winner + ")"
				wantPT := "perdeu para a campanha não cumulativa " + tt.winner + " (Promo " + tt.winner + ")"
				if e.Reasons[0].EN != wantEN || e.Reasons[0].PT != wantPT || e.Applied {
					t.Errorf("%s: lost reason (-want +got):\n-%s / %s\n+%s / %s", e.Campaign, wantEN, wantPT, e.Reasons[0].EN, e.Reasons[0].PT)
				}
			}
		})
	}
}

// A non-cumulative campaign is worth what its parts earn too: its
// cashback, at the value the ruleset gives it, counts with its discount.
func TestEvaluateExclusiveCountsItsCashback(t *testing.T) {
	res := promotest.EvaluateJSON(t, `{"version":1,"settings":{"cashback_value":"0.50"},"campaigns":[
	 {"id":"ex-disc","name":"10 off","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,"benefit":{"on":"sale","amount":"10"}},
	 {"id":"ex-cb","name":"5 off and 20 cashback","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,"benefit":{"on":"sale","amount":"5"},
	  "extras":{"cashback":{"kind":"fixed","value":"20.00"}}}]}`,
		`{"id":"ex-1","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"100.00"}]}`)
	// ex-disc is worth 10.00; ex-cb 5.00 + 20.00 × 0.50 = 15.00: ex-cb wins.
	if diff := cmp.Diff([]string{"ex-cb 5.00 x1"}, evApplied(res)); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
	if e, _ := res.TraceFor("ex-disc"); e.Code() != promo.ReasonLostToExclusive {
		t.Errorf("ex-disc: %s, want lost_to_exclusive", e.Code())
	}
}

// The winner's final run has the phases after the competition: its own
// cashback (not valued by the ruleset, so not in its trial) is earned.
func TestEvaluateExclusiveWinnerEarnsAfterwards(t *testing.T) {
	res := promotest.EvaluateJSON(t, `{"version":1,"campaigns":[
	 {"id":"ex-10","name":"10 off and 20 cashback","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,"benefit":{"on":"sale","amount":"10"},
	  "extras":{"cashback":{"kind":"fixed","value":"20.00"}}},
	 {"id":"ex-5","name":"5 off","start":"2026-01-01","non_cumulative":true,"no_activation_rules":true,"benefit":{"on":"sale","amount":"5"}}]}`,
		`{"id":"ex-2","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[{"id":"1","product_code":"A","quantity":"1","unit_price":"100.00"}]}`)
	// ex-10 (10.00) beats ex-5 (5.00), then earns its fixed 20.00 of cashback.
	if diff := cmp.Diff([]string{"ex-10 10.00 x1"}, evApplied(res)); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
	var earned []string
	for _, e := range res.Events {
		if e.Kind == promo.EventCashbackEarned {
			earned = append(earned, e.Amount.StringFixed(2))
		}
	}
	if diff := cmp.Diff([]string{"20.00"}, earned); diff != "" {
		t.Errorf("cashback earned (-want +got):\n%s", diff)
	}
}
