package promo_test

import (
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// Property-based tests of the promises of DESIGN.md: every line keeps
// 0 <= discount <= gross with adjustments in cents that add up; Apportion
// distributes exact cents; the result does not depend on the order of the
// lines or of the campaigns; Evaluate is deterministic and safe to call
// concurrently; a non-cumulative campaign applies alone; the values of a
// condition act as a set, and one condition over several values equals
// one-value conditions combined with match any/all.
//
// Carts and rulesets are random, built from small pools of product codes,
// SKUs and categories so that the campaigns' conditions often hold.

var ppDecimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// ppSaleInstant is the fixed instant of every generated cart.
func ppSaleInstant(t interface{ Fatalf(string, ...any) }) time.Time {
	loc, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		t.Fatalf("load location: %v", err)
	}
	return time.Date(2026, time.November, 21, 10, 15, 0, 0, loc)
}

var (
	// ppLineCodes are the product codes carts are made of; ppRuleCodes add
	// codes no cart has.
	ppLineCodes = []string{"P1", "P2", "P3", "P4", "P5", "P6"}
	ppRuleCodes = []string{"P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"}
	// ppSkuVariants are appended to a product code to make its SKU.
	ppSkuVariants = []string{"-A", "-B"}
	ppRuleSKUs    = []string{"P1-A", "P1-B", "P2-A", "P3-B", "P4-A", "P5-A", "P6-B", "P9-A"}
	// ppLineCategories are category paths of lines ("" is a line with none);
	// ppRuleCategories are condition values, some above the lines' levels,
	// some in no cart, one with slashes around it.
	ppLineCategories = []string{
		"mercearia/graos/arroz", "mercearia/graos/feijao", "mercearia/massas",
		"bebidas/cervejas", "bebidas/refrigerantes", "hortifruti/frutas", "hortifruti",
		"vestuario/meias", "",
	}
	ppRuleCategories = []string{
		"mercearia", "mercearia/graos", "bebidas", "bebidas/cervejas", "hortifruti",
		"hortifruti/frutas", "vestuario/meias", "limpeza", "/bebidas/",
	}
	// ppTiedPrices are drawn often so that units and lines tie on price.
	ppTiedPrices = []int{100, 999, 1000, 1990, 4999}
)

// ppCents returns n cents as a decimal.
func ppCents(n int) decimal.Decimal { return decimal.New(int64(n), -2) }

func ppGenLine(t *rapid.T, id string) promo.Line {
	code := rapid.SampledFrom(ppLineCodes).Draw(t, "code")
	l := promo.Line{
		ID:          id,
		ProductCode: code,
		SKU:         code + rapid.SampledFrom(ppSkuVariants).Draw(t, "sku_variant"),
		Category:    rapid.SampledFrom(ppLineCategories).Draw(t, "category"),
	}
	if rapid.IntRange(0, 4).Draw(t, "weighed_die") == 0 {
		l.Weighed = true
		l.Quantity = decimal.New(int64(rapid.IntRange(1, 9999).Draw(t, "grams")), -3)
	} else {
		l.Quantity = decimal.NewFromInt(int64(rapid.IntRange(1, 10).Draw(t, "quantity")))
	}
	price := rapid.OneOf(rapid.IntRange(1, 99999), rapid.SampledFrom(ppTiedPrices)).Draw(t, "price_cents")
	l.UnitPrice = ppCents(price)
	return l
}

// ppGenCart draws a cart of 1 to 30 lines with unique ids, in an order that
// differs from the order of the ids.
func ppGenCart(t *rapid.T) promo.Cart {
	n := rapid.IntRange(1, 30).Draw(t, "lines")
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("L%02d", i+1)
	}
	ids = rapid.Permutation(ids).Draw(t, "line_ids")
	c := promo.Cart{ID: "sale-1", Time: ppSaleInstant(t), Store: promo.Store{ID: "loja-1"}}
	for _, id := range ids {
		c.Lines = append(c.Lines, ppGenLine(t, id))
	}
	return c
}

// ppDateWindows are valid (start, end) pairs as seen from the cart's instant
// 2026-11-21 10:15 -03:00: most are open, some not started, some ended.
var ppDateWindows = [][2]string{
	{"2026-11-01T00:00:00-03:00", ""},
	{"2026-11-01T00:00:00-03:00", ""},
	{"2026-11-01", "2026-11-21"},                      // date-only end: open until the end of the day
	{"2026-11-21T10:15", "2026-11-21T10:15:00-03:00"}, // both ends inclusive
	{"2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z"},
	{"2026-11-01", "2026-11-21T10:14:59"}, // ended a second before
	{"2026-11-01", "2026-11-20"},          // ended
	{"2026-11-21T10:15:01", ""},           // starts a second after
	{"2026-12-01", "2026-12-31"},          // not started
}

func ppDecPtr(d decimal.Decimal) *decimal.Decimal { return &d }

func ppGenRules(t *rapid.T) *campaign.Rules {
	r := &campaign.Rules{Match: campaign.Match(rapid.SampledFrom([]string{"", "all", "any"}).Draw(t, "match"))}
	n := rapid.IntRange(1, 3).Draw(t, "conditions")
	for range n {
		kind := rapid.SampledFrom([]string{"product_code", "sku", "category"}).Draw(t, "kind")
		pool := map[string][]string{"product_code": ppRuleCodes, "sku": ppRuleSKUs, "category": ppRuleCategories}[kind]
		vals := rapid.SliceOfNDistinct(rapid.SampledFrom(pool), 1, 3, rapid.ID[string]).Draw(t, "values")
		r.Conditions = append(r.Conditions, campaign.Condition{
			Kind: campaign.ConditionKind(kind), Values: vals,
			Require: campaign.Require(rapid.SampledFrom([]string{"", "any", "all"}).Draw(t, "require")),
		})
	}
	return r
}

func ppGenBenefit(t *rapid.T, c *campaign.Campaign) {
	percent := func() *decimal.Decimal {
		return ppDecPtr(ppCents(rapid.IntRange(0, 10000).Draw(t, "percent_hundredths")))
	}
	if rapid.IntRange(0, 2).Draw(t, "sale_die") == 0 {
		c.Benefit.On = "sale"
		if rapid.Bool().Draw(t, "sale_percent") {
			c.Benefit.Percent = percent()
		} else {
			c.Benefit.Amount = ppDecPtr(ppCents(rapid.IntRange(1, 30000).Draw(t, "sale_amount_cents")))
		}
		return
	}
	c.Benefit.On = "items"
	switch rapid.IntRange(0, 3).Draw(t, "item_kind") {
	case 0:
		c.Benefit.Percent = percent()
	case 1:
		// Sometimes with a fraction of a cent per unit.
		c.Benefit.Amount = ppDecPtr(decimal.New(int64(rapid.IntRange(1, 50000).Draw(t, "item_amount_mills")), -3))
	case 2:
		c.Benefit.FinalPrice = ppDecPtr(ppCents(rapid.IntRange(0, 20000).Draw(t, "final_price_cents")))
	default:
		buy := rapid.IntRange(2, 5).Draw(t, "buy")
		c.Benefit.FreeUnits = &campaign.FreeUnits{Buy: int64(buy), Pay: int64(rapid.IntRange(1, buy-1).Draw(t, "pay"))}
	}
	c.Benefit.ApplyTo = campaign.ApplyTo(rapid.SampledFrom([]string{"", "all", "highest", "lowest"}).Draw(t, "apply_to"))
	if rapid.Bool().Draw(t, "has_max_repetitions") {
		c.MaxRepetitions = rapid.IntRange(1, 3).Draw(t, "max_repetitions")
	}
}

func ppGenCampaign(t *rapid.T, id string) campaign.Campaign {
	w := rapid.SampledFrom(ppDateWindows).Draw(t, "dates")
	c := campaign.Campaign{
		ID:            id,
		Name:          "Campanha " + id,
		Priority:      rapid.IntRange(0, 3).Draw(t, "priority"),
		Start:         w[0],
		End:           w[1],
		NonCumulative: rapid.IntRange(0, 3).Draw(t, "non_cumulative_die") == 0,
	}
	if rapid.IntRange(0, 3).Draw(t, "no_rules_die") == 0 {
		c.NoActivationRules = true
	} else {
		c.Rules = ppGenRules(t)
	}
	if rapid.Bool().Draw(t, "has_min_quantity") {
		c.MinQuantity = int64(rapid.IntRange(1, 6).Draw(t, "min_quantity"))
	}
	if rapid.IntRange(0, 3).Draw(t, "min_value_die") == 0 {
		c.MinValue = ppDecPtr(ppCents(rapid.IntRange(0, 50000).Draw(t, "min_value_cents")))
	}
	if rapid.IntRange(0, 4).Draw(t, "funder_die") == 0 {
		c.FundedBy = "fornecedor-x"
	}
	ppGenBenefit(t, &c)
	return c
}

// ppGenDefinition draws a valid ruleset definition of 1 to 8 campaigns with
// ids c00, c01, ... in file order.
func ppGenDefinition(t *rapid.T) campaign.Ruleset {
	def := campaign.Ruleset{
		Version:  campaign.Version,
		Settings: campaign.Settings{Rounding: campaign.Rounding(rapid.SampledFrom([]string{"", "half_even", "half_up", "truncate"}).Draw(t, "rounding"))},
	}
	n := rapid.IntRange(1, 8).Draw(t, "campaigns")
	for i := range n {
		def.Campaigns = append(def.Campaigns, ppGenCampaign(t, fmt.Sprintf("c%02d", i)))
	}
	return def
}

func ppMustCompile(t *rapid.T, def campaign.Ruleset) *promo.Ruleset {
	rs, err := campaign.Compile(def)
	if err != nil {
		t.Fatalf("Compile of a generated (valid) definition: %v", err)
	}
	return rs
}

func ppMustEvaluate(t *rapid.T, c promo.Cart, rs *promo.Ruleset) promo.Result {
	res, err := promo.Evaluate(c, rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

// ppRoundGross is quantity × unit price rounded to cents with the ruleset's
// rounding, as the brief defines the gross of a line.
func ppRoundGross(mode string, l promo.Line) decimal.Decimal {
	x := l.Quantity.Mul(l.UnitPrice)
	switch mode {
	case "half_up":
		return x.Round(2)
	case "truncate":
		return x.Truncate(2)
	}
	return x.RoundBank(2)
}

// ppCheckResult checks the invariants every result keeps.
func ppCheckResult(t *rapid.T, c promo.Cart, mode string, res promo.Result) {
	if len(res.Lines) != len(c.Lines) {
		t.Fatalf("got %d result lines for %d cart lines", len(res.Lines), len(c.Lines))
	}
	byCampaign := map[string]decimal.Decimal{}
	tg, td, tn := decimal.Zero, decimal.Zero, decimal.Zero
	for i, lr := range res.Lines {
		l := c.Lines[i]
		if lr.ID != l.ID {
			t.Fatalf("result line %d has id %q, cart line has %q", i, lr.ID, l.ID)
		}
		if want := ppRoundGross(mode, l); !lr.Gross.Equal(want) {
			t.Errorf("line %s: gross %s, want %s × %s rounded (%q) = %s", l.ID, lr.Gross, l.Quantity, l.UnitPrice, mode, want)
		}
		if lr.Discount.Sign() < 0 || lr.Discount.GreaterThan(lr.Gross) {
			t.Errorf("line %s: discount %s not within [0, gross %s]", l.ID, lr.Discount, lr.Gross)
		}
		if !lr.Net.Equal(lr.Gross.Sub(lr.Discount)) {
			t.Errorf("line %s: net %s != gross %s - discount %s", l.ID, lr.Net, lr.Gross, lr.Discount)
		}
		sum := decimal.Zero
		for _, a := range lr.Adjustments {
			if a.Amount.Sign() <= 0 {
				t.Errorf("line %s: adjustment of %s is %s, want > 0", l.ID, a.Campaign, a.Amount)
			}
			if !a.Amount.Equal(a.Amount.Truncate(2)) {
				t.Errorf("line %s: adjustment of %s is %s, more than 2 decimals", l.ID, a.Campaign, a.Amount)
			}
			if a.FundedBy == "" {
				t.Errorf("line %s: adjustment of %s has no funder", l.ID, a.Campaign)
			}
			sum = sum.Add(a.Amount)
			byCampaign[a.Campaign] = byCampaign[a.Campaign].Add(a.Amount)
		}
		if !sum.Equal(lr.Discount) {
			t.Errorf("line %s: adjustments sum to %s, discount is %s", l.ID, sum, lr.Discount)
		}
		tg, td, tn = tg.Add(lr.Gross), td.Add(lr.Discount), tn.Add(lr.Net)
	}
	want := promo.Totals{Gross: tg, Discount: td, Net: tn, Payable: tn} // no exchange, no tenders
	if diff := cmp.Diff(want, res.Totals, ppDecimalEqual); diff != "" {
		t.Errorf("totals are not the sums of the lines (-want +got):\n%s", diff)
	}
	// Every application gives what its adjustments add up to; every
	// applied trace entry has an application and an event.
	applied := map[string]decimal.Decimal{}
	for _, a := range res.Applied {
		applied[a.Campaign] = a.Amount
		if a.Occurrences < 1 {
			t.Errorf("application %s: %d occurrences, want >= 1", a.Campaign, a.Occurrences)
		}
	}
	if diff := cmp.Diff(byCampaign, applied, ppDecimalEqual); diff != "" {
		t.Errorf("adjustments by campaign vs applications (-want +got):\n%s", diff)
	}
	if len(res.Events) != len(res.Applied) {
		t.Errorf("%d events for %d applications", len(res.Events), len(res.Applied))
	}
	for _, e := range res.Trace {
		if _, ok := applied[e.Campaign]; ok != e.Applied {
			t.Errorf("trace %s: applied=%v, but in Applied: %v", e.Campaign, e.Applied, ok)
		}
		if e.Applied != (e.Code() == promo.ReasonApplied) {
			t.Errorf("trace %s: applied=%v with first code %q", e.Campaign, e.Applied, e.Code())
		}
	}
}

func TestPropertyLineInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		res := ppMustEvaluate(t, c, ppMustCompile(t, def))
		ppCheckResult(t, c, string(def.Settings.Rounding), res)
	})
}

func TestPropertyApportion(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ws := rapid.SliceOfN(rapid.OneOf(rapid.IntRange(0, 100000), rapid.SampledFrom(ppTiedPrices)), 1, 20).Draw(t, "weight_cents")
		weights := make([]decimal.Decimal, len(ws))
		sum := 0
		for i, w := range ws {
			weights[i] = ppCents(w)
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
		total := ppCents(sum)
		want := ppCents(amountCents)
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
				if !off.LessThan(total.Mul(ppCents(1))) {
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
		rs := ppMustCompile(t, def)
		want := ppMustEvaluate(t, c, rs)
		shuffled := c
		shuffled.Lines = rapid.Permutation(c.Lines).Draw(t, "shuffled_lines")
		got := ppMustEvaluate(t, shuffled, rs)
		if diff := cmp.Diff(ppLinesByID(want), ppLinesByID(got), ppDecimalEqual); diff != "" {
			t.Errorf("lines by id after shuffling the lines (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(ppWithoutLines(want), ppWithoutLines(got), ppDecimalEqual); diff != "" {
			t.Errorf("result after shuffling the lines (-want +got):\n%s", diff)
		}
	})
}

func TestPropertyCampaignOrderDoesNotMatter(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		def := ppGenDefinition(t)
		want := ppMustEvaluate(t, c, ppMustCompile(t, def))
		shuffled := def
		shuffled.Campaigns = rapid.Permutation(def.Campaigns).Draw(t, "shuffled_campaigns")
		got := ppMustEvaluate(t, c, ppMustCompile(t, shuffled))
		if diff := cmp.Diff(want, got, ppDecimalEqual); diff != "" {
			t.Errorf("result after shuffling the campaigns (-want +got):\n%s", diff)
		}
	})
}

func TestPropertyConcurrentEvaluateIsDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ppGenCart(t)
		rs := ppMustCompile(t, ppGenDefinition(t))
		want := ppMustEvaluate(t, c, rs)
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
			if diff := cmp.Diff(want, results[g], ppDecimalEqual); diff != "" {
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
		res := ppMustEvaluate(t, c, ppMustCompile(t, def))
		ppCheckResult(t, c, string(def.Settings.Rounding), res)

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
			r := ppMustEvaluate(t, c, ppMustCompile(t, alone))
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
		want := ppMustEvaluate(t, c, ppMustCompile(t, cumulative))
		if diff := cmp.Diff(want.Lines, res.Lines, ppDecimalEqual); diff != "" {
			t.Errorf("lines vs the ruleset without its non-cumulative campaigns (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want.Applied, res.Applied, ppDecimalEqual); diff != "" {
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
	a := promo.Line{ID: "a", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: ppCents(1000)}
	b := promo.Line{ID: "b", ProductCode: "B", Quantity: decimal.NewFromInt(1), UnitPrice: ppCents(1000)}
	want := map[string]decimal.Decimal{"a": ppCents(1), "b": decimal.Zero}
	for _, order := range [][]promo.Line{{a, b}, {b, a}} {
		c := promo.Cart{ID: "sale-1", Time: ppSaleInstant(t), Store: promo.Store{ID: "loja-1"}, Lines: order}
		res, err := promo.Evaluate(c, rs)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]decimal.Decimal{}
		for _, l := range res.Lines {
			got[l.ID] = l.Discount
		}
		if diff := cmp.Diff(want, got, ppDecimalEqual); diff != "" {
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
		want := ppMustEvaluate(t, c, ppMustCompile(t, def))

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
		got := ppMustEvaluate(t, c, ppMustCompile(t, same))

		if diff := cmp.Diff(want.Lines, got.Lines, ppDecimalEqual); diff != "" {
			t.Errorf("lines with values repeated or reordered (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want.Applied, got.Applied, ppDecimalEqual); diff != "" {
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
			c := promo.Cart{ID: "sale-1", Time: ppSaleInstant(t), Store: promo.Store{ID: "loja-1"}, Lines: []promo.Line{
				{ID: "1", ProductCode: "P1", SKU: "P1-A", Category: "mercearia/graos", Quantity: decimal.NewFromInt(2), UnitPrice: ppCents(1000)},
			}}
			res, err := promo.Evaluate(c, rs)
			if err != nil {
				t.Fatal(err)
			}
			type line struct{ Discount, Net decimal.Decimal }
			want := []line{{ppCents(200), ppCents(1800)}}
			var got []line
			for _, l := range res.Lines {
				got = append(got, line{l.Discount, l.Net})
			}
			if diff := cmp.Diff(want, got, ppDecimalEqual); diff != "" {
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
		want := ppMustEvaluate(t, c, ppMustCompile(t, def))

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
		got := ppMustEvaluate(t, c, ppMustCompile(t, split))
		if diff := cmp.Diff(want.Lines, got.Lines, ppDecimalEqual); diff != "" {
			t.Errorf("lines with conditions split by value (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want.Applied, got.Applied, ppDecimalEqual); diff != "" {
			t.Errorf("applications with conditions split by value (-want +got):\n%s", diff)
		}
	})
}
