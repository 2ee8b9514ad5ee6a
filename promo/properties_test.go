package promo_test

import (
	"fmt"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promocheck"
	"github.com/promokit/promokit/promogen"
)

// Property-based tests of the promises of docs/design.md, on the public
// generators of promogen and the checks of promocheck: every evaluation
// keeps the engine's promises (promocheck.Promises: the lines are the
// cart's, 0 <= discount <= gross with adjustments in cents that add up,
// totals, NFC-e, determinism, refunds); Apportion distributes exact cents;
// the result does not depend on the order of the lines or of the
// campaigns; Evaluate is deterministic and safe to call concurrently; a
// non-cumulative campaign applies alone; the values of a condition act as
// a set, and one condition over several values equals one-value
// conditions combined with match any/all.
//
// Carts are promogen.Cart of up to 30 lines of the default catalog (six
// product codes, two SKUs each, supermarket categories), at one instant;
// rulesets are promogen.Ruleset with its default campaigns (sale and item
// percents and amounts, final prices, free units, non-cumulative ones,
// dates around the instant, funders), whose rules name the catalog's
// codes, SKUs and categories and some no cart has.

// ppTiedPrices are drawn often so that units and lines tie on price.
var ppTiedPrices = []int{100, 999, 1000, 1990, 4999}

// ppGenCart draws an anonymous cart of 1 to 30 lines of up to 10 units
// (a fifth weighed) at the fixed instant; line ids "1", "2", ... sort as
// strings in another order than the cart's from line 10 on.
func ppGenCart(t *rapid.T) promo.Cart {
	return promogen.Cart(promogen.WithLines(1, 30), promogen.WithMaxQuantity(10), promogen.WithInstant(testkit.SaleTime()),
		promogen.WithCustomer(nil)).Draw(t, "cart")
}

// ppGenDefinition draws a valid ruleset definition of 1 to 8 campaigns
// with ids c00, c01, ... in file order, dated around the cart's instant.
func ppGenDefinition(t *rapid.T) campaign.Ruleset {
	return promogen.Ruleset(promogen.WithInstant(testkit.SaleTime())).Draw(t, "ruleset")
}

// ppCheckResult checks the engine's promises (promocheck.Promises), and
// that every application, with these rulesets' campaigns, has one event.
func ppCheckResult(t *rapid.T, c promo.Cart, rs *promo.Ruleset, res promo.Result) {
	for _, v := range promocheck.Promises(c, rs, res) {
		t.Errorf("%v", v)
	}
	if len(res.Events) != len(res.Applied) {
		t.Errorf("%d events for %d applications", len(res.Events), len(res.Applied))
	}
}

func TestPropertyLineInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		rs := promotest.Compile(t, ppGenDefinition(t))
		ppCheckResult(t, c, rs, promotest.Evaluate(t, c, rs))
	})
}

func TestPropertyApportion(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ws := rapid.SliceOfN(rapid.OneOf(rapid.IntRange(0, 100000), rapid.SampledFrom(ppTiedPrices)), 1, 20).Draw(t, "weight_cents")
		weights := make([]decimal.Decimal, len(ws))
		sum := 0
		for i, w := range ws {
			weights[i] = testkit.Cents(w)
			sum += w
		}
		// Mostly at most the weights; sometimes more; sometimes with a
		// fraction of a cent, which is dropped.
		amountCents := rapid.IntRange(0, sum+rapid.SampledFrom([]int{0, 0, 0, 5000}).Draw(t, "over")).Draw(t, "amount_cents")
		mills := rapid.IntRange(0, 9).Draw(t, "extra_mills")
		amount := decimal.New(int64(amountCents*10+mills), -3)

		shares := promo.Apportion(amount, weights)
		if len(shares) != len(weights) {
			t.Fatalf("%d shares for %d weights", len(shares), len(weights))
		}
		total := testkit.Cents(sum)
		want := testkit.Cents(amountCents)
		if sum == 0 {
			want = decimal.Zero
		}
		got := decimal.Zero
		for i, s := range shares {
			got = got.Add(s)
			if s.Sign() < 0 {
				t.Errorf("share %d is %s, negative", i, s)
			}
			if !s.Equal(s.Truncate(2)) {
				t.Errorf("share %d is %s, not whole cents", i, s)
			}
			if amountCents <= sum && s.GreaterThan(weights[i]) {
				t.Errorf("share %d is %s, above its weight %s (amount %s <= total %s)", i, s, weights[i], amount, total)
			}
			// |share - amount × w / total| < 0.01, without dividing.
			if sum > 0 {
				off := s.Mul(total).Sub(want.Mul(weights[i])).Abs()
				if !off.LessThan(total.Mul(testkit.Cents(1))) {
					t.Errorf("share %d is %s, a cent or more from the exact %s × %s / %s", i, s, want, weights[i], total)
				}
			}
		}
		if !got.Equal(want) {
			t.Errorf("shares %v sum to %s, want %s", shares, got, want)
		}
		if sum == 0 {
			return
		}
		// Largest remainder, in whole cents: share i is the floor q of
		// amount × w / total, plus one cent when its remainder r is among
		// the largest (ties to the lower position).
		a, total64 := int64(amountCents), int64(sum)
		up := make([]bool, len(ws))
		rem := make([]int64, len(ws))
		for i, w := range ws {
			q := a * int64(w) / total64
			rem[i] = a * int64(w) % total64
			switch extra := shares[i].Shift(2).IntPart() - q; extra {
			case 0:
			case 1:
				up[i] = true
			default:
				t.Fatalf("share %d is %s: %d cents above the floor %d of the exact part", i, shares[i], extra, q)
			}
		}
		for i := range ws {
			for j := range ws {
				if up[i] && !up[j] && (rem[i] < rem[j] || (rem[i] == rem[j] && j < i)) {
					t.Errorf("share %d (remainder %d/%d) got a leftover cent, share %d (remainder %d/%d) did not",
						i, rem[i], total64, j, rem[j], total64)
				}
			}
		}
	})
}

// ppWithoutLines returns res with its lines taken out, to compare the rest.
func ppWithoutLines(res promo.Result) promo.Result {
	res.Lines = nil
	return res
}

func ppLinesByID(res promo.Result) map[string]promo.LineResult {
	m := make(map[string]promo.LineResult, len(res.Lines))
	for _, l := range res.Lines {
		m[l.ID] = l
	}
	return m
}

func TestPropertyLineOrderDoesNotMatter(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		rs := promotest.Compile(t, def)
		want := promotest.Evaluate(t, c, rs)
		shuffled := c
		shuffled.Lines = rapid.Permutation(c.Lines).Draw(t, "shuffled_lines")
		got := promotest.Evaluate(t, shuffled, rs)
		if diff := cmp.Diff(ppLinesByID(want), ppLinesByID(got), testkit.EquateDecimals()); diff != "" {
			t.Errorf("lines by id after shuffling the lines (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(ppWithoutLines(want), ppWithoutLines(got), testkit.EquateDecimals()); diff != "" {
			t.Errorf("result after shuffling the lines (-want +got):\n%s", diff)
		}
	})
}

func TestPropertyCampaignOrderDoesNotMatter(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		want := promotest.Evaluate(t, c, promotest.Compile(t, def))
		shuffled := def
		shuffled.Campaigns = rapid.Permutation(def.Campaigns).Draw(t, "shuffled_campaigns")
		got := promotest.Evaluate(t, c, promotest.Compile(t, shuffled))
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("result after shuffling the campaigns (-want +got):\n%s", diff)
		}
	})
}

func TestPropertyConcurrentEvaluateIsDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		rs := promotest.Compile(t, ppGenDefinition(t))
		want := promotest.Evaluate(t, c, rs)
		const workers = 8
		results := make([]promo.Result, workers)
		errs := make([]error, workers)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for g := range workers {
			wg.Go(func() {
				<-start
				results[g], errs[g] = promo.Evaluate(c, rs)
			})
		}
		close(start)
		wg.Wait()
		for g := range workers {
			if errs[g] != nil {
				t.Fatalf("goroutine %d: Evaluate: %v", g, errs[g])
			}
			if diff := cmp.Diff(want, results[g], testkit.EquateDecimals()); diff != "" {
				t.Fatalf("goroutine %d vs sequential (-want +got):\n%s", g, diff)
			}
		}
	})
}

// TestPropertyNonCumulative checks exclusivity against its definition:
// each non-cumulative campaign alone is evaluated with a ruleset holding
// only it; the one worth most (ties: lower priority, then id) must be the
// only application. When none is worth anything, the result must be that
// of the ruleset without the non-cumulative campaigns.
func TestPropertyNonCumulative(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		// Make non-cumulative campaigns common enough to compete.
		for i := range def.Campaigns {
			if rapid.IntRange(0, 2).Draw(t, "extra_non_cumulative_die") == 0 {
				def.Campaigns[i].NonCumulative = true
			}
		}
		// And ties on the money: twins of a campaign under other ids and
		// priorities.
		for k := range rapid.IntRange(0, 2).Draw(t, "twins") {
			twin := rapid.SampledFrom(def.Campaigns).Draw(t, "twin_of")
			twin.ID = fmt.Sprintf("t%02d", k)
			twin.Priority = rapid.IntRange(0, 3).Draw(t, "twin_priority")
			twin.NonCumulative = true
			def.Campaigns = append(def.Campaigns, twin)
		}
		rs := promotest.Compile(t, def)
		res := promotest.Evaluate(t, c, rs)
		ppCheckResult(t, c, rs, res)

		exclusive := map[string]bool{}
		type solo struct {
			id       string
			priority int
			amount   decimal.Decimal
		}
		var solos []solo
		cumulative := def
		cumulative.Campaigns = nil
		for _, cp := range def.Campaigns {
			if !cp.NonCumulative {
				cumulative.Campaigns = append(cumulative.Campaigns, cp)
				continue
			}
			exclusive[cp.ID] = true
			alone := def
			alone.Campaigns = []campaign.Campaign{cp}
			r := promotest.Evaluate(t, c, promotest.Compile(t, alone))
			if r.Totals.Discount.Sign() > 0 {
				solos = append(solos, solo{cp.ID, cp.Priority, r.Totals.Discount})
			}
		}
		n := 0
		for _, a := range res.Applied {
			if exclusive[a.Campaign] {
				n++
			}
		}
		if n > 1 || (n == 1 && len(res.Applied) != 1) {
			t.Fatalf("%d non-cumulative campaigns applied among %d applications: %v", n, len(res.Applied), res.Applied)
		}
		if len(solos) > 0 {
			sort.Slice(solos, func(a, b int) bool {
				x, y := solos[a], solos[b]
				if !x.amount.Equal(y.amount) {
					return x.amount.GreaterThan(y.amount)
				}
				if x.priority != y.priority {
					return x.priority < y.priority
				}
				return x.id < y.id
			})
			w := solos[0]
			got := []string{}
			for _, a := range res.Applied {
				got = append(got, a.Campaign+" "+a.Amount.StringFixed(2))
			}
			if diff := cmp.Diff([]string{w.id + " " + w.amount.StringFixed(2)}, got); diff != "" {
				var worth []string
				for _, s := range solos {
					worth = append(worth, fmt.Sprintf("%s (priority %d): %s", s.id, s.priority, s.amount.StringFixed(2)))
				}
				t.Fatalf("applications; non-cumulative campaigns alone are worth %v (-want +got):\n%s", worth, diff)
			}
			for _, e := range res.Trace {
				if e.Campaign != w.id && e.Applied {
					t.Errorf("trace: %s applied beside the non-cumulative winner %s", e.Campaign, w.id)
				}
			}
			return
		}
		if n != 0 {
			t.Fatalf("a non-cumulative campaign applied although none is worth anything alone: %v", res.Applied)
		}
		if len(cumulative.Campaigns) == 0 {
			return
		}
		want := promotest.Evaluate(t, c, promotest.Compile(t, cumulative))
		if diff := cmp.Diff(want.Lines, res.Lines, testkit.EquateDecimals()); diff != "" {
			t.Errorf("lines vs the ruleset without its non-cumulative campaigns (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want.Applied, res.Applied, testkit.EquateDecimals()); diff != "" {
			t.Errorf("applications vs the ruleset without its non-cumulative campaigns (-want +got):\n%s", diff)
		}
	})
}

// TestSaleApportionTiesByRank is the smallest case of the line-order
// property: R$ 0,01 off the sale over two lines worth R$ 10,00 each. The
// exact shares are 0,005 and 0,005; the remainders tie, and ties go by line
// rank (position by line id), so line "a" gets the cent whatever the order
// of the lines in the cart.
func TestSaleApportionTiesByRank(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [{
		"id": "um-centavo", "name": "Um centavo", "start": "2026-11-01T00:00:00-03:00",
		"no_activation_rules": true, "benefit": {"on": "sale", "amount": "0.01"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	a := promo.Line{ID: "a", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: testkit.Cents(1000)}
	b := promo.Line{ID: "b", ProductCode: "B", Quantity: decimal.NewFromInt(1), UnitPrice: testkit.Cents(1000)}
	want := map[string]decimal.Decimal{"a": testkit.Cents(1), "b": decimal.Zero}
	for _, order := range [][]promo.Line{{a, b}, {b, a}} {
		c := promo.Cart{ID: "sale-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: order}
		res := promotest.Evaluate(t, c, rs)
		got := map[string]decimal.Decimal{}
		for _, l := range res.Lines {
			got[l.ID] = l.Discount
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("cart order %s,%s: discounts by line (-want +got):\n%s", order[0].ID, order[1].ID, diff)
		}
	}
}

// TestPropertyConditionValuesAreASet checks that a condition's values act
// as a set: listing a value twice, or in another order, or the conditions
// of a rule in another order, prices the cart the same way and gives every
// campaign the same reason code (the texts may name the rules in another
// order).
func TestPropertyConditionValuesAreASet(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		want := promotest.Evaluate(t, c, promotest.Compile(t, def))

		same := def
		same.Campaigns = make([]campaign.Campaign, len(def.Campaigns))
		for i, cp := range def.Campaigns {
			if cp.Rules != nil {
				r := *cp.Rules
				r.Conditions = rapid.Permutation(cp.Rules.Conditions).Draw(t, "conditions_order")
				for j, cd := range r.Conditions {
					vals := append([]string(nil), cd.Values...)
					for range rapid.IntRange(0, 2).Draw(t, "repeats") {
						vals = append(vals, rapid.SampledFrom(cd.Values).Draw(t, "repeated_value"))
					}
					r.Conditions[j].Values = rapid.Permutation(vals).Draw(t, "values_order")
				}
				cp.Rules = &r
			}
			same.Campaigns[i] = cp
		}
		got := promotest.Evaluate(t, c, promotest.Compile(t, same))

		if diff := cmp.Diff(want.Lines, got.Lines, testkit.EquateDecimals()); diff != "" {
			t.Errorf("lines with values repeated or reordered (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want.Applied, got.Applied, testkit.EquateDecimals()); diff != "" {
			t.Errorf("applications with values repeated or reordered (-want +got):\n%s", diff)
		}
		codes := func(r promo.Result) map[string]promo.ReasonCode {
			m := map[string]promo.ReasonCode{}
			for _, e := range r.Trace {
				m[e.Campaign] = e.Code()
			}
			return m
		}
		if diff := cmp.Diff(codes(want), codes(got)); diff != "" {
			t.Errorf("trace codes with values repeated or reordered (-want +got):\n%s", diff)
		}
	})
}

// TestRequireAllWithRepeatedValue is the smallest case found by
// TestPropertyConditionValuesAreASet: "require all" over ["P1", "P1"] is
// met by a cart holding P1, like "require all" over ["P1"]. Line 1 is
// 2 × 10,00 = 20,00 gross; 10 % off gives 2,00 and a net of 18,00.
func TestRequireAllWithRepeatedValue(t *testing.T) {
	for _, kind := range []string{"product_code", "sku", "category"} {
		t.Run(kind, func(t *testing.T) {
			value := map[string]string{"product_code": "P1", "sku": "P1-A", "category": "mercearia"}[kind]
			rs, err := campaign.Load([]byte(fmt.Sprintf(`{"version": 1, "campaigns": [{
				"id": "dez", "name": "Dez por cento", "start": "2026-11-01T00:00:00-03:00",
				"rules": {"conditions": [{"kind": %q, "values": [%q, %q], "require": "all"}]},
				"benefit": {"on": "items", "percent": "10"}}]}`, kind, value, value)))
			if err != nil {
				t.Fatal(err)
			}
			c := promo.Cart{ID: "sale-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: []promo.Line{
				{ID: "1", ProductCode: "P1", SKU: "P1-A", Category: "mercearia/graos", Quantity: decimal.NewFromInt(2), UnitPrice: testkit.Cents(1000)},
			}}
			res := promotest.Evaluate(t, c, rs)
			type line struct{ Discount, Net decimal.Decimal }
			want := []line{{testkit.Cents(200), testkit.Cents(1800)}}
			var got []line
			for _, l := range res.Lines {
				got = append(got, line{l.Discount, l.Net})
			}
			if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("lines (-want +got):\n%s\ntrace: %+v", diff, res.Trace)
			}
		})
	}
}

// TestPropertyConditionSplit checks the rules' algebra: a lone condition
// over several values with require any (all) prices the cart as the same
// values in one-value conditions combined with match any (all): both hold
// when one (every) value is in the cart and select the lines carrying any
// of the values.
func TestPropertyConditionSplit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		want := promotest.Evaluate(t, c, promotest.Compile(t, def))

		split := def
		split.Campaigns = make([]campaign.Campaign, len(def.Campaigns))
		for i, cp := range def.Campaigns {
			if cp.Rules != nil && len(cp.Rules.Conditions) == 1 {
				cd := cp.Rules.Conditions[0]
				r := &campaign.Rules{Match: "any"}
				if cd.Require == "all" {
					r.Match = "all"
				}
				for _, v := range cd.Values {
					r.Conditions = append(r.Conditions, campaign.Condition{Kind: cd.Kind, Values: []string{v}})
				}
				cp.Rules = r
			}
			split.Campaigns[i] = cp
		}
		got := promotest.Evaluate(t, c, promotest.Compile(t, split))
		if diff := cmp.Diff(want.Lines, got.Lines, testkit.EquateDecimals()); diff != "" {
			t.Errorf("lines with conditions split by value (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want.Applied, got.Applied, testkit.EquateDecimals()); diff != "" {
			t.Errorf("applications with conditions split by value (-want +got):\n%s", diff)
		}
	})
}
