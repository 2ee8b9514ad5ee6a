package campaign_test

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// Properties of units (issue 11, item 1), against a simple model that
// keeps one record per unit: each unit's cost and whether a grouped
// occurrence took it. The engine keeps runs of alike units instead; on
// random carts and random stacks of grouped and per-unit campaigns both
// must give every line the same discount, a unit must never take part in
// two grouped occurrences (the participants of the grouped campaigns never
// add up to more units than a line holds) and never go below zero.
//
// Carts come from promogen.Cart and every evaluation also keeps the
// engine's promises (promocheck.Promises).
//
// Prices are whole even cents and the benefits are free units, 50 % off
// the cheapest or dearest unit of each group and whole cents off each
// unit, so every unit's cost stays a whole number of cents and the model
// is exact.

// upCampaign is a generated campaign and what the model needs of it.
type upCampaign struct {
	def campaign.Campaign
	// kind is "free" (leve buy pague pay), "half" (50 % off the pick
	// unit of each group of group units) or "off" (cents off each unit).
	kind      string
	group     int64 // units per occurrence (buy for free)
	free      int64 // units free per group
	lowest    bool  // half: the cheapest unit of the group, else the dearest
	maxReps   int
	offCents  int64
	products  []string
	priority  int
	grouped   bool
	campaignN int
}

var upProducts = []string{"A", "B", "C"}

func upGenCampaign(t *rapid.T, n int) upCampaign {
	start := "2026-11-01"
	c := upCampaign{campaignN: n, priority: rapid.IntRange(0, 3).Draw(t, "priority")}
	c.products = rapid.SliceOfNDistinct(rapid.SampledFrom(upProducts), 1, 3, rapid.ID[string]).Draw(t, "products")
	sort.Strings(c.products)
	c.def = campaign.Campaign{General: campaign.General{ID: fmt.Sprintf("u%d", n), Name: fmt.Sprintf("Campanha %d", n), Priority: c.priority, Start: start}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: "product_code", Values: c.products}}}}
	if rapid.Bool().Draw(t, "max_reps_die") {
		c.maxReps = rapid.IntRange(1, 4).Draw(t, "max_reps")
		c.def.MaxRepetitions = c.maxReps
	}
	switch c.kind = rapid.SampledFrom([]string{"free", "half", "off"}).Draw(t, "kind"); c.kind {
	case "free":
		c.group = int64(rapid.IntRange(2, 5).Draw(t, "buy"))
		pay := int64(rapid.IntRange(1, int(c.group)-1).Draw(t, "pay"))
		c.free = c.group - pay
		c.grouped = true
		c.def.Benefit = campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: c.group, Pay: pay}}
	case "half":
		c.group = int64(rapid.IntRange(2, 4).Draw(t, "group"))
		c.lowest = rapid.Bool().Draw(t, "lowest")
		c.grouped = true
		c.def.MinQuantity = c.group
		apply := campaign.ApplyToHighest
		if c.lowest {
			apply = campaign.ApplyToLowest
		}
		fifty := decimal.NewFromInt(50)
		c.def.Benefit = campaign.Benefit{On: "items", Percent: &fifty, ApplyTo: apply}
	default:
		c.offCents = 2 * int64(rapid.IntRange(1, 150).Draw(t, "half_off_cents")) // even: a later 50 % stays in cents
		off := decimal.New(c.offCents, -2)
		c.def.MaxRepetitions = 0
		c.maxReps = 0
		c.def.Benefit = campaign.Benefit{On: "items", Amount: &off}
	}
	return c
}

// upUnit is the model's record of one unit.
type upUnit struct {
	line    int
	cents   int64
	grouped bool
}

// upModel prices the cart unit by unit: the campaigns in priority then id
// order (all are item campaigns), each on what the units still cost.
// It returns, per campaign, the discount per line in cents.
func upModel(cart promo.Cart, camps []upCampaign) map[string]map[int]int64 {
	var units []upUnit
	rank := make([]int, len(cart.Lines))
	order := make([]int, len(cart.Lines))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return cart.Lines[order[a]].ID < cart.Lines[order[b]].ID })
	for pos, i := range order {
		rank[i] = pos
	}
	for i, l := range cart.Lines {
		for range l.Quantity.IntPart() {
			units = append(units, upUnit{line: i, cents: l.UnitPrice.Shift(2).IntPart()})
		}
	}
	camps = slices.Clone(camps)
	sort.SliceStable(camps, func(a, b int) bool {
		if camps[a].priority != camps[b].priority {
			return camps[a].priority < camps[b].priority
		}
		return camps[a].def.ID < camps[b].def.ID
	})
	out := map[string]map[int]int64{}
	for _, c := range camps {
		got := map[int]int64{}
		eligible := func(u *upUnit) bool { return slices.Contains(c.products, cart.Lines[u.line].ProductCode) }
		if c.kind == "off" {
			for k := range units {
				u := &units[k]
				if eligible(u) && u.cents > 0 {
					off := min(c.offCents, u.cents)
					u.cents -= off
					got[u.line] += off
				}
			}
			out[c.def.ID] = got
			continue
		}
		// The campaign's own minimum quantity: whole eligible units, taken
		// or not.
		var all int64
		var cand []int
		for k := range units {
			u := &units[k]
			if !eligible(u) {
				continue
			}
			all++
			if u.cents > 0 && !u.grouped {
				cand = append(cand, k)
			}
		}
		if c.kind == "half" && all < c.group {
			continue
		}
		sort.SliceStable(cand, func(a, b int) bool {
			ua, ub := units[cand[a]], units[cand[b]]
			if ua.cents != ub.cents {
				return ua.cents > ub.cents
			}
			return rank[ua.line] < rank[ub.line]
		})
		groups := int64(len(cand)) / c.group
		if c.maxReps > 0 && groups > int64(c.maxReps) {
			groups = int64(c.maxReps)
		}
		if groups == 0 {
			continue
		}
		for g := range groups {
			members := cand[g*c.group : (g+1)*c.group]
			for _, k := range members {
				units[k].grouped = true
			}
			switch c.kind {
			case "free":
				for _, k := range members[c.group-c.free:] {
					got[units[k].line] += units[k].cents
					units[k].cents = 0
				}
			case "half":
				k := members[0]
				if c.lowest {
					k = members[len(members)-1]
				}
				off := units[k].cents / 2
				got[units[k].line] += off
				units[k].cents -= off
			}
		}
		out[c.def.ID] = got
	}
	return out
}

// upGenCart draws 1 to 5 lines of the products, counted, 1 to 12 units
// each (promogen.Cart), then doubles every price: whole even cents from
// R$ 0,02 to R$ 50,00.
func upGenCart(t *rapid.T) promo.Cart {
	var ps []promogen.Product
	for _, code := range upProducts {
		ps = append(ps, promogen.Product{Code: code, Measure: promogen.ByUnit})
	}
	c := promogen.Cart(promogen.WithOnlyProducts(ps...), promogen.WithLines(1, 5), promogen.WithMaxQuantity(12),
		promogen.WithPrices(decimal.New(1, -2), decimal.NewFromInt(25)), promogen.WithInstant(promogen.DefaultInstants()[0]),
		promogen.WithCustomer(nil)).Draw(t, "cart")
	for i := range c.Lines {
		c.Lines[i].UnitPrice = c.Lines[i].UnitPrice.Mul(decimal.NewFromInt(2))
	}
	return c
}

func TestPropertyUnitsTakePartInOneGroupedOccurrence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 4).Draw(t, "campaigns")
		var camps []upCampaign
		def := campaign.Ruleset{Version: campaign.Version}
		for i := range n {
			c := upGenCampaign(t, i)
			camps = append(camps, c)
			def.Campaigns = append(def.Campaigns, c.def)
		}
		cart := upGenCart(t)
		rs := promotest.Compile(t, def)
		res := promotest.EvaluateChecked(t, cart, rs)
		want := upModel(cart, camps)
		got := map[string]map[int]int64{}
		for _, a := range res.Applied {
			got[a.Campaign] = map[int]int64{}
		}
		for i, l := range res.Lines {
			if l.Net.Sign() < 0 {
				t.Fatalf("line %s goes below zero: net %s", l.ID, l.Net)
			}
			for _, a := range l.Adjustments {
				got[a.Campaign][i] += a.Amount.Shift(2).IntPart()
			}
		}
		for _, m := range want { // the model leaves out campaigns that gave nothing
			for i, c := range m {
				if c == 0 {
					delete(m, i)
				}
			}
		}
		for id, m := range want {
			if len(m) == 0 {
				delete(want, id)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("discount in cents per campaign and line, model (-want) and engine (+got):\n%s", diff)
		}
		// A unit takes part in one grouped occurrence at most.
		taken := map[string]decimal.Decimal{}
		for _, a := range res.Applied {
			if !slices.ContainsFunc(camps, func(c upCampaign) bool { return c.def.ID == a.Campaign && c.grouped }) {
				continue
			}
			for _, p := range a.Participants {
				taken[p.Line] = taken[p.Line].Add(p.Units)
			}
		}
		for _, l := range res.Lines {
			if taken[l.ID].GreaterThan(l.Quantity) {
				t.Fatalf("line %s: grouped occurrences took %s units of %s", l.ID, taken[l.ID], l.Quantity)
			}
		}
	})
}
