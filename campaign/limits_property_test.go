package campaign_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// Properties of issue 3 (Reshop campaigns), on random rulesets and carts:
//
//   - activation limits are never exceeded: what an evaluation adds to the
//     limit counters never takes a counter above its max, the counters are
//     the documented keys (and among Ruleset.CounterKeys), and an
//     item-limited campaign never benefits more units than the limit still
//     allows;
//   - an optional campaign never applies unless the cart lists it in
//     accepted_offers, and when it is the only campaign its offer is worth
//     what it gives once accepted;
//   - an association never grants more than its criterion allows: with
//     least_benefit, most_benefit or registration_order (by priority, then
//     as listed) at most one member applies, and it is the one the
//     criterion picks among the members that
//     would apply alone in the same context (the same ruleset with that
//     member as the only member present); grant_all is the same as no
//     association.
//
// Rulesets and carts come from promogen (Campaign and Cart) over small
// pools of product codes and instants, so that rules, limits and counters
// often meet; every evaluation also keeps the engine's promises
// (promocheck.Promises).

// lpCatalog is what carts are made of: the products rules name and two
// more that gifts may also name, sold by the unit or by weight, at
// R$ 10,00 to R$ 99,99 (see WithPrices in lpGenCart).
func lpCatalog() []promogen.Product {
	var out []promogen.Product
	for _, code := range []string{"P1", "P2", "P3", "P4", "G1", "G2"} {
		out = append(out, promogen.Product{Code: code})
	}
	return out
}

// lpOptions says which campaign features a generator may draw.
type lpOptions struct {
	optional   bool // optional campaigns (campanha opcional)
	exclusive  bool // non-cumulative campaigns
	limits     bool // activation limits
	recordOnly bool // no_benefit campaigns and campaigns whose only benefit is points
}

// generators are the promogen options of lpOptions: rules on product
// codes, every benefit kind but final prices, the features asked for.
func (o lpOptions) generators() []promogen.Option {
	var f promogen.Features
	if o.optional {
		f |= promogen.Optional
	}
	if o.exclusive {
		f |= promogen.NonCumulative
	}
	if o.limits {
		f |= promogen.Limits
	}
	kinds := []promogen.BenefitKind{promogen.SalePercent, promogen.SaleAmount, promogen.ItemPercent, promogen.ItemAmount,
		promogen.FreeUnits, promogen.GiftProducts, promogen.ProgressiveItems, promogen.ProgressiveSale, promogen.AgeSale, promogen.AgeItems}
	if o.recordOnly {
		kinds = append(kinds, promogen.NoBenefit, promogen.PointsOnly)
	}
	return []promogen.Option{promogen.WithOnlyProducts(lpCatalog()...), promogen.WithFeatures(f), promogen.WithBenefits(kinds...),
		promogen.WithConditions(campaign.CondProductCode)}
}

// lpGenCampaign draws a valid campaign (promogen.Campaign). Item campaigns
// with an amount off per unit then get priority 0 and R$ 0,01 to R$ 1,00
// off, every other campaign a priority of 1 to 3, so that those run first
// in the item phase: with prices of at least R$ 10,00, each unit they
// select is discounted by exactly the amount, and the units that got the
// benefit can be counted from the adjustments.
func lpGenCampaign(t *rapid.T, id string, o lpOptions) campaign.Campaign {
	c := promogen.Campaign(id, o.generators()...).Draw(t, "campaign")
	if c.Benefit.On == campaign.OnItems && c.Benefit.Amount != nil {
		c.Priority = 0
		c.Benefit.Amount = campaign.Ptr(testkit.Cents(rapid.IntRange(1, 100).Draw(t, "item_amount_cents")))
	} else {
		c.Priority = rapid.IntRange(1, 3).Draw(t, "priority")
	}
	return c
}

// lpGenDefinition draws a valid ruleset of n campaigns with ids prefix0,
// prefix1, ...
func lpGenDefinition(t *rapid.T, prefix string, n int, o lpOptions) campaign.Ruleset {
	def := campaign.Ruleset{Version: campaign.Version}
	for i := range n {
		def.Campaigns = append(def.Campaigns, lpGenCampaign(t, fmt.Sprintf("%s%d", prefix, i), o))
	}
	return def
}

// lpGenCart draws a cart of 1 to 8 lines of the catalog (promogen.Cart),
// at one of promogen's default instants (a Saturday of 2026-W47, a Sunday
// night that is already Monday in UTC, the last minute of a month and the
// first of the next, a day of 2026-W53), anonymous or with a customer.
// Unit prices are R$ 10,00 to R$ 99,99.
func lpGenCart(t *rapid.T) promo.Cart {
	return promogen.Cart(promogen.WithOnlyProducts(lpCatalog()...), promogen.WithPrices(decimal.NewFromInt(10), testkit.Cents(9999))).Draw(t, "cart")
}

// lpKey is the History.Counters key of limit l of campaign id for cart c,
// as documented: limit/{campaign}/{all|customer/{token}}/{period}/{sales|
// items}, the period named by the sale's local date ("2026-11-21",
// "2026-W47", "2026-11", or "all" for the campaign's period). False for a
// per-customer limit on an anonymous sale.
func lpKey(id string, l campaign.Limit, c *promo.Cart) (string, bool) {
	who := "all"
	if l.Scope == "customer" {
		if c.Customer == nil {
			return "", false
		}
		who = "customer/" + c.Customer.ID
	}
	period := "all"
	switch l.Period {
	case "day":
		period = c.Time.Format("2006-01-02")
	case "week":
		y, w := c.Time.ISOWeek()
		period = fmt.Sprintf("%04d-W%02d", y, w)
	case "month":
		period = c.Time.Format("2006-01")
	}
	unit := "sales"
	if l.Count == "item" {
		unit = "items"
	}
	return "limit/" + id + "/" + who + "/" + period + "/" + unit, true
}

// lpMaxByKey returns, for each counter key campaign cp's limits use on cart
// c, the smallest max of the limits that use it.
func lpMaxByKey(cp *campaign.Campaign, c *promo.Cart) map[string]int64 {
	out := map[string]int64{}
	for _, l := range cp.Limits {
		k, ok := lpKey(cp.ID, l, c)
		if !ok {
			continue
		}
		if m, seen := out[k]; !seen || l.Max < m {
			out[k] = l.Max
		}
	}
	return out
}

// lpGenCounters draws the counters of the cart's history: for each limit
// key, absent or a count from 0 to max+1 (beyond max: a limit already
// exceeded by earlier sales), and some counters of other customers and
// periods that must not be read.
func lpGenCounters(t *rapid.T, def *campaign.Ruleset, c *promo.Cart) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	for i := range def.Campaigns {
		cp := &def.Campaigns[i]
		for _, l := range cp.Limits {
			if k, ok := lpKey(cp.ID, l, c); ok && rapid.IntRange(0, 3).Draw(t, "counter_absent_die") != 0 {
				out[k] = decimal.NewFromInt(int64(rapid.IntRange(0, int(l.Max)+1).Draw(t, "counter")))
			}
		}
		if len(cp.Limits) > 0 && rapid.Bool().Draw(t, "noise") {
			out["limit/"+cp.ID+"/customer/tok-9/"+c.Time.Format("2006-01")+"/sales"] = decimal.NewFromInt(99)
			out["limit/"+cp.ID+"/all/2025-01-01/sales"] = decimal.NewFromInt(99)
		}
	}
	return out
}

// lpEvaluate compiles and evaluates, and checks that the result keeps
// the engine's promises (promocheck.Promises).
func lpEvaluate(t *rapid.T, def campaign.Ruleset, c promo.Cart) (*promo.Ruleset, promo.Result) {
	rs := promotest.Compile(t, def)
	return rs, promotest.EvaluateChecked(t, c, rs)
}

// lpApplied returns what campaign id gave in res and whether it applied.
func lpApplied(res *promo.Result, id string) (decimal.Decimal, bool) {
	for _, a := range res.Applied {
		if a.Campaign == id {
			return a.Amount, true
		}
	}
	return decimal.Zero, false
}

func lpApplication(res *promo.Result, id string) (promo.Application, bool) {
	for _, a := range res.Applied {
		if a.Campaign == id {
			return a, true
		}
	}
	return promo.Application{}, false
}

func lpSortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestPropertyLimitsNeverExceeded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := lpGenDefinition(t, "c", rapid.IntRange(1, 5).Draw(t, "campaigns"), lpOptions{exclusive: true, limits: true})
		cart := lpGenCart(t)
		cart.History.Counters = lpGenCounters(t, &def, &cart)
		rs, res := lpEvaluate(t, def, cart)

		readable := map[string]bool{}
		for _, k := range rs.CounterKeys(&cart) {
			readable[k] = true
		}
		byID := map[string]*campaign.Campaign{}
		for i := range def.Campaigns {
			byID[def.Campaigns[i].ID] = &def.Campaigns[i]
		}
		activation := map[string]promo.Event{}
		for _, e := range res.Events {
			if e.Kind != promo.EventActivation {
				if len(e.Counters) > 0 {
					t.Fatalf("a %s event of %s carries counters %v: only activations count", e.Kind, e.Campaign, e.Counters)
				}
				continue
			}
			activation[e.Campaign] = e
			cp := byID[e.Campaign]
			if cp == nil { // not one of the campaigns (a markdown, a program)
				if len(e.Counters) > 0 {
					t.Fatalf("activation of %s carries counters %v but it has no limits", e.Campaign, e.Counters)
				}
				continue
			}
			maxes := lpMaxByKey(cp, &cart)
			sum := map[string]decimal.Decimal{}
			for _, d := range e.Counters {
				if !readable[d.Key] {
					t.Fatalf("%s adds to counter %q, which Ruleset.CounterKeys %v does not list", cp.ID, d.Key, rs.CounterKeys(&cart))
				}
				if d.Add.Sign() <= 0 {
					t.Fatalf("%s adds %s to counter %q: an activation adds at least 1", cp.ID, d.Add, d.Key)
				}
				sum[d.Key] = sum[d.Key].Add(d.Add)
			}
			if diff := cmp.Diff(lpSortedKeys(maxes), lpSortedKeys(sum)); diff != "" {
				t.Fatalf("counter keys of %s's activation (-want +got):\n%s\nlimits %+v", cp.ID, diff, cp.Limits)
			}
			for _, k := range lpSortedKeys(sum) {
				used := cart.History.Counters[k]
				if after := used.Add(sum[k]); after.GreaterThan(decimal.NewFromInt(maxes[k])) {
					t.Fatalf("%s takes counter %q from %s to %s, above its max %d (deltas %v, limits %+v)",
						cp.ID, k, used, after, maxes[k], e.Counters, cp.Limits)
				}
			}
		}

		for i := range def.Campaigns {
			cp := &def.Campaigns[i]
			if _, applied := lpApplied(&res, cp.ID); !applied {
				continue
			}
			// allowance is what the item limits still allow; -1: no item limit.
			allowance := int64(-1)
			for _, l := range cp.Limits {
				k, ok := lpKey(cp.ID, l, &cart)
				if !ok {
					t.Fatalf("%s applied to an anonymous sale despite its per-customer limit %+v", cp.ID, l)
				}
				left := l.Max - cart.History.Counters[k].Floor().IntPart()
				if left < 1 {
					t.Fatalf("%s applied with its limit %+v exhausted (counter %q = %s)", cp.ID, l, k, cart.History.Counters[k])
				}
				if l.Count == "item" && (allowance < 0 || left < allowance) {
					allowance = left
				}
			}
			if allowance < 0 {
				continue
			}
			// The units that got the benefit, as the item counters say.
			units := int64(-1)
			for _, d := range activation[cp.ID].Counters {
				if strings.HasSuffix(d.Key, "/items") {
					if units >= 0 && !d.Add.Equal(decimal.NewFromInt(units)) {
						t.Fatalf("%s adds different unit counts to its item counters: %v", cp.ID, activation[cp.ID].Counters)
					}
					units = d.Add.IntPart()
				}
			}
			if units > allowance {
				t.Fatalf("%s counts %d units, the item limits allow %d", cp.ID, units, allowance)
			}
			// The units that got the benefit, counted from the result itself.
			switch {
			case cp.Benefit.Amount != nil:
				var got int64
				for li, l := range res.Lines {
					for _, a := range l.Adjustments {
						if a.Campaign != cp.ID {
							continue
						}
						if !cart.Lines[li].Countable() {
							// A weighed line takes part (through its value)
							// only when the limit does not bind, and counts
							// as one unit.
							got++
							continue
						}
						q, r := a.Amount.QuoRem(*cp.Benefit.Amount, 0)
						if !r.IsZero() {
							t.Fatalf("%s (R$ %s per unit, item limit) gave %s on line %s (quantity %s): not a whole number of units",
								cp.ID, cp.Benefit.Amount, a.Amount, l.ID, l.Quantity)
						}
						got += q.IntPart()
					}
				}
				if got > allowance {
					t.Fatalf("%s discounted %d units, the item limits allow %d", cp.ID, got, allowance)
				}
				// An item limit counts the units taken under the promotion:
				// every member of a grouped occurrence (groups of
				// min_quantity units, for highest/lowest or with
				// repetitions), else the units discounted.
				grouped := cp.MinQuantity >= 2 && ((cp.Benefit.ApplyTo != "" && cp.Benefit.ApplyTo != "all") || cp.MaxRepetitions > 0)
				a, _ := lpApplication(&res, cp.ID)
				switch {
				case grouped && units != int64(a.Occurrences)*cp.MinQuantity:
					t.Fatalf("%s formed %d groups of %d units but adds %d to its item counters", cp.ID, a.Occurrences, cp.MinQuantity, units)
				case grouped && got > units:
					t.Fatalf("%s discounted %d units, more than the %d it took", cp.ID, got, units)
				case !grouped && got != units:
					t.Fatalf("%s discounted %d units but adds %d to its item counters", cp.ID, got, units)
				}
			case cp.Benefit.Gift != nil:
				for _, g := range res.Gifts {
					if g.Campaign == cp.ID && g.Quantity > allowance {
						t.Fatalf("%s grants %d gift units, the item limits allow %d", cp.ID, g.Quantity, allowance)
					}
				}
			}
		}
	})
}

// TestPropertyLimitWithRoomChangesNothing: limits that still have room
// for the whole sale change nothing but the counters the activations add.
// Carts have whole units only: under an item limit weighed lines do not
// take part (benefit.Scope.MaxUnits), by design.
func TestPropertyLimitWithRoomChangesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := lpGenDefinition(t, "c", rapid.IntRange(1, 4).Draw(t, "campaigns"), lpOptions{exclusive: true, recordOnly: true})
		cart := lpGenCart(t)
		for i := range cart.Lines {
			if l := &cart.Lines[i]; l.Weighed {
				l.Weighed, l.Quantity = false, decimal.NewFromInt(1)
			}
		}
		limited := def
		limited.Campaigns = slices.Clone(def.Campaigns)
		for i := range limited.Campaigns {
			cp := &limited.Campaigns[i]
			// At most 8 lines of 6 units: 1000 is never reached.
			cp.Limits = []campaign.Limit{{Scope: "general", Count: "sale", Max: 1000, Period: "day"}}
			if cp.Benefit.On == "items" {
				cp.Limits = append(cp.Limits, campaign.Limit{Scope: "general", Count: "item", Max: 1000, Period: "month"})
			}
		}
		_, want := lpEvaluate(t, def, cart)
		_, got := lpEvaluate(t, limited, cart)
		for i := range got.Events {
			got.Events[i].Counters = nil
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Fatalf("no limits vs limits with room (-want +got):\n%s", diff)
		}
	})
}

func TestPropertyOptionalAppliesOnlyWhenAccepted(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := lpGenDefinition(t, "c", rapid.IntRange(1, 5).Draw(t, "campaigns"),
			lpOptions{optional: true, exclusive: true, limits: true, recordOnly: true})
		cart := lpGenCart(t)
		ids := []string{"nao-existe"}
		for _, cp := range def.Campaigns {
			ids = append(ids, cp.ID)
		}
		cart.AcceptedOffers = rapid.SliceOfDistinct(rapid.SampledFrom(ids), rapid.ID[string]).Draw(t, "accepted")
		_, res := lpEvaluate(t, def, cart)

		pending := map[string]bool{} // optional and not accepted
		for _, cp := range def.Campaigns {
			if cp.Optional && !slices.Contains(cart.AcceptedOffers, cp.ID) {
				pending[cp.ID] = true
			}
		}
		for _, a := range res.Applied {
			if pending[a.Campaign] {
				t.Fatalf("optional campaign %s applied (R$ %s) without being accepted (accepted %v)", a.Campaign, a.Amount, cart.AcceptedOffers)
			}
		}
		for _, l := range res.Lines {
			for _, a := range l.Adjustments {
				if pending[a.Campaign] {
					t.Fatalf("line %s has an adjustment of optional campaign %s, not accepted", l.ID, a.Campaign)
				}
			}
		}
		for _, e := range res.Events {
			if pending[e.Campaign] {
				t.Fatalf("optional campaign %s, not accepted, has a %s event", e.Campaign, e.Kind)
			}
		}
		for _, g := range res.Gifts {
			if pending[g.Campaign] {
				t.Fatalf("optional campaign %s, not accepted, grants a gift", g.Campaign)
			}
		}
		for _, e := range res.Trace {
			if pending[e.Campaign] && e.Applied {
				t.Fatalf("optional campaign %s, not accepted, is traced as applied: %+v", e.Campaign, e)
			}
		}
		for _, o := range res.Offers {
			if !pending[o.Campaign] {
				t.Fatalf("campaign %s is offered but is not an optional campaign waiting for acceptance", o.Campaign)
			}
		}
	})
}

func TestPropertyOptionalOfferIsWhatAcceptanceGives(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cp := lpGenCampaign(t, "opcional", lpOptions{exclusive: true, limits: true, recordOnly: true})
		cp.Optional = true
		def := campaign.Ruleset{Version: campaign.Version, Campaigns: []campaign.Campaign{cp}}
		cart := lpGenCart(t)
		cart.History.Counters = lpGenCounters(t, &def, &cart)
		_, before := lpEvaluate(t, def, cart)
		accepted := cart
		accepted.AcceptedOffers = []string{cp.ID}
		_, after := lpEvaluate(t, def, accepted)

		if _, applied := lpApplied(&before, cp.ID); applied {
			t.Fatalf("%s applied before it was accepted", cp.ID)
		}
		if len(after.Offers) > 0 {
			t.Fatalf("%s is still offered once accepted: %+v", cp.ID, after.Offers)
		}
		type outcome struct {
			Given  bool
			Amount decimal.Decimal
		}
		var offer outcome
		for _, o := range before.Offers {
			if o.Campaign == cp.ID {
				offer = outcome{true, o.Amount}
			}
		}
		var got outcome
		got.Amount, got.Given = lpApplied(&after, cp.ID)
		if diff := cmp.Diff(offer, got, testkit.EquateDecimals()); diff != "" {
			entry, _ := after.TraceFor(cp.ID)
			t.Fatalf("offer before acceptance vs application after (-want +got):\n%s\ncampaign %+v benefit %+v\ntrace after: %+v", diff, cp, cp.Benefit, entry)
		}
	})
}

var lpCriteria = []string{"least_benefit", "most_benefit", "registration_order", "grant_all"}

func TestPropertyAssociationCriterion(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		members := lpGenDefinition(t, "m", rapid.IntRange(2, 4).Draw(t, "members"), lpOptions{recordOnly: true}).Campaigns
		others := lpGenDefinition(t, "o", rapid.IntRange(0, 3).Draw(t, "others"), lpOptions{recordOnly: true}).Campaigns
		var ids []string
		for _, m := range members {
			ids = append(ids, m.ID)
		}
		order := rapid.Permutation(ids).Draw(t, "registration_order")
		crit := rapid.SampledFrom(lpCriteria).Draw(t, "criterion")
		def := campaign.Ruleset{
			Version:      campaign.Version,
			Campaigns:    append(slices.Clone(members), others...),
			Associations: []campaign.Association{{ID: "assoc", Criterion: campaign.Criterion(crit), Campaigns: order}},
		}
		cart := lpGenCart(t)
		_, full := lpEvaluate(t, def, cart)

		if crit == "grant_all" {
			plain := def
			plain.Associations = nil
			_, want := lpEvaluate(t, plain, cart)
			if diff := cmp.Diff(want, full, testkit.EquateDecimals()); diff != "" {
				t.Fatalf("grant_all vs no association (-want +got):\n%s", diff)
			}
			return
		}

		byID := map[string]campaign.Campaign{}
		for _, m := range members {
			byID[m.ID] = m
		}
		// What each member gives as the only member present, in the same
		// context (the other campaigns, the same cart).
		type alone struct {
			id     string
			amount decimal.Decimal
		}
		// Registration order goes "com base em sua prioridade": by
		// priority, then as the association lists them.
		byPriority := slices.Clone(order)
		slices.SortStableFunc(byPriority, func(a, b string) int { return byID[a].Priority - byID[b].Priority })
		var candidates []alone // by priority, then in registration order
		for _, id := range byPriority {
			d := campaign.Ruleset{Version: campaign.Version, Campaigns: append([]campaign.Campaign{byID[id]}, others...)}
			_, r := lpEvaluate(t, d, cart)
			if amount, ok := lpApplied(&r, id); ok {
				candidates = append(candidates, alone{id, amount})
			}
		}
		var got []alone
		for _, id := range order {
			if amount, ok := lpApplied(&full, id); ok {
				got = append(got, alone{id, amount})
			}
		}
		var want []alone
		if len(candidates) > 0 {
			w := candidates[0]
			for _, c := range candidates[1:] {
				better := false
				switch crit {
				case "least_benefit":
					better = c.amount.LessThan(w.amount)
				case "most_benefit":
					better = c.amount.GreaterThan(w.amount)
				}
				if crit != "registration_order" && c.amount.Equal(w.amount) {
					pc, pw := byID[c.id].Priority, byID[w.id].Priority
					better = pc < pw || (pc == pw && c.id < w.id)
				}
				if better {
					w = c
				}
			}
			want = []alone{w}
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals(), cmp.AllowUnexported(alone{})); diff != "" {
			t.Fatalf("association %s over %v: members applied (-want +got):\n%s\neach alone: %+v", crit, order, diff, candidates)
		}
	})
}
