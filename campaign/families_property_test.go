package campaign_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/funding"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// Properties of issue 5 (Desconto Pack, combo bonifications, industry
// promotions), on random definitions and carts:
//
//   - a budget of promoted units is never exceeded, over a run of sales in
//     which the host lowers the budget by what each activation counted;
//   - a per-customer limit is never exceeded: a Desconto Pack's uses per
//     customer, and the units a purchase block lets an identified customer
//     buy (the host adds every counter delta it gets to its history);
//   - funded shares add up exactly to the adjustment, the funder's part
//     being the adjustment times its share rounded once with the ruleset's
//     mode, and funding.Records add up to the funded adjustments;
//   - no unit takes part in two kits of the same combo: a kit combo's
//     participants never count more units of a line than it has, and the
//     bonus units discounted are exactly the occurrences times the bonus
//     quantity, the occurrences being the whole kits the cart holds.
//
// Lines come from promogen.Cart, and every evaluation also keeps the
// engine's promises (promocheck.Promises).

// famLines draws 1 to 5 lines of the given products (promogen.Cart's),
// whole quantities 1 to 6 at R$ 1,00 to R$ 20,00, now and then a weighed
// line.
func famLines(t *rapid.T, products []string) []promo.Line {
	var ps []promogen.Product
	for _, p := range products {
		ps = append(ps, promogen.Product{Code: p})
	}
	return promogen.Cart(promogen.WithOnlyProducts(ps...), promogen.WithLines(1, 5), promogen.WithCustomer(nil),
		promogen.WithPrices(decimal.NewFromInt(1), decimal.NewFromInt(20))).Draw(t, "cart").Lines
}

// famUnits returns how many units of price an amount is, and whether it
// is a whole number of them.
func famUnits(amount, price decimal.Decimal) (int64, bool) {
	q, r := amount.QuoRem(price, 0)
	return q.IntPart(), r.IsZero()
}

func famCompile(t *rapid.T, def campaign.Ruleset) *promo.Ruleset {
	def.Version = campaign.Version
	rs := promotest.Compile(t, def)
	return rs
}

// famEvaluate evaluates and checks that the result keeps the engine's
// promises (promocheck.Promises).
func famEvaluate(t *rapid.T, c promo.Cart, rs *promo.Ruleset) promo.Result {
	return promotest.EvaluateChecked(t, c, rs)
}

// famAdded sums, over the result's events, what they add to key.
func famAdded(res promo.Result, key string) decimal.Decimal {
	sum := decimal.Zero
	for _, e := range res.Events {
		for _, d := range e.Counters {
			if d.Key == key {
				sum = sum.Add(d.Add)
			}
		}
	}
	return sum
}

func famApplied(res promo.Result, id string) (promo.Application, bool) {
	for _, a := range res.Applied {
		if a.Campaign == id {
			return a, true
		}
	}
	return promo.Application{}, false
}

// famDiscountOf sums a campaign's adjustments on line i.
func famDiscountOf(res promo.Result, i int, id string) decimal.Decimal {
	sum := decimal.Zero
	for _, a := range res.Lines[i].Adjustments {
		if a.Campaign == id {
			sum = sum.Add(a.Amount)
		}
	}
	return sum
}

var famProducts = []string{"P1", "P2", "P3", "P4"}

func TestFamiliesPropertyBudgetNeverExceeded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := campaign.IndustryPromotion{General: campaign.General{ID: "ind", Name: "Indústria", Start: "2026-11-01"}, FundedBy: "Fab", Budgeted: true,
			Products: rapid.SliceOfNDistinct(rapid.SampledFrom(famProducts[:3]), 1, 3, rapid.ID[string]).Draw(t, "products")}
		freeUnits := rapid.Bool().Draw(t, "free_units")
		maxPct := decimal.Zero
		if freeUnits {
			buy := rapid.IntRange(2, 4).Draw(t, "buy")
			def.FreeUnits = &campaign.FreeUnits{Buy: int64(buy), Pay: int64(rapid.IntRange(1, buy-1).Draw(t, "pay"))}
		} else {
			for _, q := range rapid.SliceOfNDistinct(rapid.IntRange(1, 6), 1, 3, rapid.ID[int]).Draw(t, "tiers") {
				p := decimal.NewFromInt(int64(rapid.IntRange(1, 50).Draw(t, "tier_percent")))
				def.VolumeTiers = append(def.VolumeTiers, campaign.VolumeTier{MinQuantity: int64(q), Percent: p})
				maxPct = decimal.Max(maxPct, p)
			}
		}
		rs := famCompile(t, campaign.Ruleset{IndustryPromotions: []campaign.IndustryPromotion{def}})
		initial := int64(rapid.IntRange(0, 8).Draw(t, "budget"))
		budget := initial
		sales := rapid.IntRange(1, 4).Draw(t, "sales")
		for s := 0; s < sales; s++ {
			c := promo.Cart{ID: fmt.Sprintf("sale-%d", s), Time: testkit.At(2026, time.November, 21, 10, s, 0), Store: promo.Store{ID: "loja-1"},
				Lines:   famLines(t, famProducts),
				History: promo.History{Budgets: map[string]decimal.Decimal{"ind": decimal.NewFromInt(budget)}}}
			res := famEvaluate(t, c, rs)
			used := famAdded(res, campaign.BudgetKey("ind"))
			if !used.IsInteger() || used.Sign() < 0 || used.GreaterThan(decimal.NewFromInt(budget)) {
				t.Fatalf("sale %d: %s units counted against a budget of %d", s, used, budget)
			}
			app, applied := famApplied(res, "ind")
			if budget == 0 && applied {
				t.Fatalf("sale %d: applied with the budget used up", s)
			}
			if applied && app.Units != used.IntPart() {
				t.Fatalf("sale %d: application counts %d units, the budget counter %s", s, app.Units, used)
			}
			// Count the promoted units from the discounts themselves.
			var promoted int64
			bound := decimal.Zero // for tiers: the most the promoted units can get
			var prices []decimal.Decimal
			for i, l := range c.Lines {
				d := famDiscountOf(res, i, "ind")
				if !slices.Contains(def.Products, l.ProductCode) {
					if d.Sign() != 0 { // other products get nothing
						t.Fatalf("sale %d: line %s (%s) got %s", s, l.ID, l.ProductCode, d)
					}
					continue
				}
				if !l.Countable() {
					// A weighed line takes part through its value only while
					// the budget does not bind, and counts as one unit.
					// Its whole value is its "unit" (it may take part even
					// when its share rounds to nothing): a looser bound.
					prices = append(prices, l.Quantity.Mul(l.UnitPrice))
					if d.Sign() != 0 {
						promoted++
					}
					continue
				}
				for range l.Quantity.IntPart() {
					prices = append(prices, l.UnitPrice)
				}
				if freeUnits {
					// Free units: each costs exactly its price.
					k, whole := famUnits(d, l.UnitPrice)
					if !whole {
						t.Fatalf("sale %d: line %s free units discount %s is not a whole number of units of %s", s, l.ID, d, l.UnitPrice)
					}
					promoted += k
				}
			}
			if freeUnits && promoted != used.IntPart() {
				t.Fatalf("sale %d: %d free units discounted, %s counted", s, promoted, used)
			}
			if !freeUnits && used.Sign() > 0 {
				slices.SortFunc(prices, func(a, b decimal.Decimal) int { return b.Cmp(a) })
				for _, p := range prices[:used.IntPart()] {
					bound = bound.Add(p.Mul(maxPct).Shift(-2))
				}
				total := decimal.Zero
				for i := range c.Lines {
					total = total.Add(famDiscountOf(res, i, "ind"))
				}
				if total.GreaterThan(bound.Add(testkit.Cents(len(c.Lines)))) {
					t.Fatalf("sale %d: tier discount %s is more than %s%% of the %s dearest units (%s)", s, total, maxPct, used, bound)
				}
			}
			budget -= used.IntPart()
		}
		if budget < 0 || budget > initial {
			t.Fatalf("budget went from %d to %d", initial, budget)
		}
	})
}

func TestFamiliesPropertyPerCustomerLimitNeverExceeded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		limit := int64(rapid.IntRange(1, 3).Draw(t, "limit_per_customer"))
		minQ := rapid.IntRange(1, 3).Draw(t, "min_quantity")
		maxBonus := rapid.IntRange(minQ, minQ+3).Draw(t, "max_bonus_quantity")
		block := rapid.IntRange(minQ, 6).Draw(t, "block_quantity")
		check := rapid.SampledFrom([]string{"sale_day", "promotion_period"}).Draw(t, "block_check")
		fromMin := rapid.Bool().Draw(t, "from_minimum")
		def := campaign.Ruleset{
			DiscountPacks: []campaign.DiscountPack{{General: campaign.General{ID: "pk", Name: "10% por cliente", Start: "2026-11-01"}, Owner: "store",
				Stores: []campaign.PackStore{{ID: "loja-1", Kind: "own"}}, MinSaleValue: new(decimal.Zero), Coupon: "PACK", Key: "K",
				Prize:           campaign.PackPrize{Sale: &campaign.PackSalePrize{Percent: new(decimal.NewFromInt(10))}},
				RequireCustomer: true, LimitPerCustomer: limit}},
			Combos: []campaign.Combo{{General: campaign.General{ID: "qtd", Name: "Q por quantidade", Start: "2026-11-01"}, Kind: "quantity", Product: "Q",
				MinQuantity: int64(minQ), MaxBonusQuantity: int64(maxBonus), FromMinimum: fromMin, UnitValue: new(decimal.NewFromInt(1)),
				BlockQuantity: int64(block), BlockCheck: campaign.BlockCheck(check)}},
		}
		rs := famCompile(t, def)
		counters := map[string]decimal.Decimal{}
		packKey := "limit/pk/customer/c-1/all/sales"
		sales := rapid.IntRange(1, 6).Draw(t, "sales")
		for s := 0; s < sales; s++ {
			day := rapid.IntRange(21, 22).Draw(t, "day")
			n := int64(rapid.IntRange(1, 6).Draw(t, "q_units"))
			c := promo.Cart{ID: fmt.Sprintf("sale-%d", s), Time: testkit.At(2026, time.November, day, 10, s, 0), Store: promo.Store{ID: "loja-1"},
				Customer: &promo.Customer{ID: "c-1"},
				Lines: []promo.Line{
					{ID: "1", ProductCode: "Q", Quantity: decimal.NewFromInt(n), UnitPrice: decimal.NewFromInt(3)},
					{ID: "2", ProductCode: "X", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(10)},
				},
				History: promo.History{Counters: map[string]decimal.Decimal{}}}
			if rapid.IntRange(0, 3).Draw(t, "coupon_die") > 0 {
				c.PromoCodes = []string{"PACK"}
			}
			for k, v := range counters {
				c.History.Counters[k] = v
			}
			blockKey := "block/qtd/customer/c-1/all/units"
			if check == "sale_day" {
				blockKey = fmt.Sprintf("block/qtd/customer/c-1/2026-11-%02d/units", day)
			}
			priorUses, priorUnits := counters[packKey], counters[blockKey].IntPart()
			res := famEvaluate(t, c, rs)

			// The pack: never more uses than the limit.
			if _, applied := famApplied(res, "pk"); applied && !priorUses.LessThan(decimal.NewFromInt(limit)) {
				t.Fatalf("sale %d: pk applied with %s of %d uses already made", s, priorUses, limit)
			}
			// The block: the units allowed, the block reported and the
			// units bonified stay within what is left.
			allowed := max(0, min(n, int64(block)-priorUnits))
			var blocks []promo.Block
			for _, b := range res.Blocks {
				if b.Campaign == "qtd" {
					blocks = append(blocks, b)
				}
			}
			switch {
			case n > allowed && (len(blocks) != 1 || blocks[0].Line != "1" || !blocks[0].Allowed.Equal(decimal.NewFromInt(allowed))):
				t.Fatalf("sale %d: %d units with %d allowed, blocks %+v", s, n, allowed, blocks)
			case n <= allowed && len(blocks) != 0:
				t.Fatalf("sale %d: %d units with %d allowed, yet blocks %+v", s, n, allowed, blocks)
			}
			first := int64(minQ)
			if !fromMin {
				first++
			}
			most := max(0, min(allowed, int64(maxBonus))-first+1)
			if allowed < int64(minQ) {
				most = 0
			}
			// Each bonified unit costs 3.00 - 1.00 = 2.00 less.
			bonified, whole := famUnits(famDiscountOf(res, 0, "qtd"), decimal.NewFromInt(2))
			if !whole || bonified != most {
				t.Fatalf("sale %d: %d units bonified, want %d (n %d, allowed %d)", s, bonified, most, n, allowed)
			}
			for _, e := range res.Events {
				for _, d := range e.Counters {
					counters[d.Key] = counters[d.Key].Add(d.Add)
				}
			}
			if counters[packKey].GreaterThan(decimal.NewFromInt(limit)) {
				t.Fatalf("sale %d: pk used %s times, limit %d", s, counters[packKey], limit)
			}
			if got := counters[blockKey]; got.GreaterThan(decimal.NewFromInt(int64(max(block, int(priorUnits))))) {
				t.Fatalf("sale %d: %s units counted against a block of %d", s, got, block)
			}
		}
	})
}

// famRound rounds a positive amount to cents the way the named mode says:
// half to even (ABNT NBR 5891), half up, or truncated.
func famRound(mode string, d decimal.Decimal) decimal.Decimal {
	switch mode {
	case "half_up":
		return d.Round(2)
	case "truncate":
		return d.Truncate(2)
	}
	return d.RoundBank(2)
}

func TestFamiliesPropertyFundedSharesAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		mode := rapid.SampledFrom([]string{"half_even", "half_up", "truncate"}).Draw(t, "rounding")
		def := campaign.Ruleset{Settings: campaign.Settings{Rounding: campaign.Rounding(mode)}}
		type funderShare struct {
			funder string
			pct    decimal.Decimal // 100 when the funder pays it all
		}
		funders := map[string]funderShare{}
		share := func(name string) *decimal.Decimal {
			if rapid.IntRange(0, 3).Draw(t, name+"_all_die") == 0 {
				return nil
			}
			return new(testkit.Cents(rapid.IntRange(1, 10000).Draw(t, name+"_hundredths")))
		}
		pctOf := func(p *decimal.Decimal) decimal.Decimal {
			if p == nil {
				return decimal.NewFromInt(100)
			}
			return *p
		}
		for k := range rapid.IntRange(1, 3).Draw(t, "industry_promotions") {
			d := campaign.IndustryPromotion{General: campaign.General{ID: fmt.Sprintf("ind-%d", k), Name: "Indústria", Priority: rapid.IntRange(0, 2).Draw(t, "priority"), Start: "2026-11-01"}, FundedBy: rapid.SampledFrom([]string{"Nestle", "Unilever"}).Draw(t, "funder"), FunderShare: share("industry"),
				Products: rapid.SliceOfNDistinct(rapid.SampledFrom(famProducts), 1, 2, rapid.ID[string]).Draw(t, "products")}
			if rapid.Bool().Draw(t, "free_units") {
				buy := rapid.IntRange(2, 4).Draw(t, "buy")
				d.FreeUnits = &campaign.FreeUnits{Buy: int64(buy), Pay: int64(rapid.IntRange(1, buy-1).Draw(t, "pay"))}
			} else {
				d.VolumeTiers = []campaign.VolumeTier{{MinQuantity: int64(rapid.IntRange(1, 4).Draw(t, "tier_min")),
					Percent: testkit.Cents(rapid.IntRange(1, 5000).Draw(t, "tier_hundredths"))}}
			}
			def.IndustryPromotions = append(def.IndustryPromotions, d)
			funders[d.ID] = funderShare{d.FundedBy, pctOf(d.FunderShare)}
		}
		if rapid.Bool().Draw(t, "kit") {
			sh := share("kit")
			def.Combos = append(def.Combos, campaign.Combo{General: campaign.General{ID: "kit", Name: "Kit", Start: "2026-11-01"}, Kind: "kit",
				FundedBy: "Mfr", FunderShare: sh,
				Buy:   []campaign.ComboItem{{Product: rapid.SampledFrom(famProducts).Draw(t, "kit_buy"), Quantity: 1}},
				Bonus: []campaign.ComboBonus{{Product: rapid.SampledFrom(famProducts).Draw(t, "kit_bonus"), Quantity: 1, Percent: new(testkit.Cents(rapid.IntRange(1, 10000).Draw(t, "kit_hundredths")))}}})
			// A combo's share left out means the funder pays it all.
			funders["kit"] = funderShare{"Mfr", pctOf(sh)}
		}
		if rapid.Bool().Draw(t, "reshop") {
			def.Campaigns = append(def.Campaigns, campaign.Campaign{General: campaign.General{ID: "rede", Name: "Rede", Start: "2026-11-01"}, FundedBy: "Rede",
				NoActivationRules: true, Benefit: campaign.Benefit{On: "sale", Percent: new(testkit.Cents(rapid.IntRange(1, 3000).Draw(t, "sale_hundredths")))}})
			funders["rede"] = funderShare{"Rede", decimal.NewFromInt(100)}
		}
		if rapid.Bool().Draw(t, "retailer") {
			def.Campaigns = append(def.Campaigns, campaign.Campaign{General: campaign.General{ID: "loja", Name: "Loja", Start: "2026-11-01"}, NoActivationRules: true, Benefit: campaign.Benefit{On: "sale", Amount: new(testkit.Cents(rapid.IntRange(1, 1000).Draw(t, "loja_cents")))}})
		}
		rs := famCompile(t, def)
		c := promo.Cart{ID: "sale-f", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: famLines(t, famProducts)}
		res := famEvaluate(t, c, rs)

		hundred := decimal.NewFromInt(100)
		funded := map[string]decimal.Decimal{} // campaign -> funder's part
		total := map[string]decimal.Decimal{}  // campaign -> all its adjustments
		for _, l := range res.Lines {
			for _, a := range l.Adjustments {
				total[a.Campaign] = total[a.Campaign].Add(a.Amount)
				f, ok := funders[a.Campaign]
				if !ok {
					if a.FundedBy != promo.FunderRetailer || len(a.Shares) != 0 {
						t.Fatalf("line %s: %s is the retailer's, got funded_by %q, shares %+v", l.ID, a.Campaign, a.FundedBy, a.Shares)
					}
					continue
				}
				if a.FundedBy != f.funder {
					t.Fatalf("line %s: %s funded by %q, want %q", l.ID, a.Campaign, a.FundedBy, f.funder)
				}
				if f.pct.Equal(hundred) {
					if len(a.Shares) != 0 {
						t.Fatalf("line %s: %s is all %s's, got shares %+v", l.ID, a.Campaign, f.funder, a.Shares)
					}
					funded[a.Campaign] = funded[a.Campaign].Add(a.Amount)
					continue
				}
				want := famRound(mode, a.Amount.Mul(f.pct).DivRound(hundred, 16))
				if len(a.Shares) != 2 || a.Shares[0].Funder != f.funder || a.Shares[1].Funder != promo.FunderRetailer ||
					!a.Shares[0].Amount.Equal(want) || !a.Shares[1].Amount.Equal(a.Amount.Sub(want)) ||
					a.Shares[1].Amount.Sign() < 0 || !a.Shares[0].Amount.Add(a.Shares[1].Amount).Equal(a.Amount) {
					t.Fatalf("line %s: %s amount %s at %s%% (%s): shares %+v, want %s for %s and the rest for the retailer",
						l.ID, a.Campaign, a.Amount, f.pct, mode, a.Shares, want, f.funder)
				}
				funded[a.Campaign] = funded[a.Campaign].Add(want)
			}
		}
		recs := funding.Records(c, res)
		var got []string
		for _, r := range recs {
			got = append(got, r.Campaign)
			if !r.FunderAmount.Add(r.RetailerAmount).Equal(r.Amount) || !r.Amount.Equal(total[r.Campaign]) || !r.FunderAmount.Equal(funded[r.Campaign]) {
				t.Fatalf("record %+v: want amount %s, funder %s, parts adding up", r, total[r.Campaign], funded[r.Campaign])
			}
			if r.Funder != funders[r.Campaign].funder || r.Sale != c.ID || r.Store != "loja-1" || !r.Instant.Equal(c.Time) {
				t.Fatalf("record %+v: wrong funder or sale", r)
			}
		}
		var want []string
		for _, a := range res.Applied {
			if _, ok := funders[a.Campaign]; ok && a.Amount.Sign() > 0 {
				want = append(want, a.Campaign)
			}
		}
		if !slices.Equal(want, got) {
			t.Fatalf("records for %v, want %v", got, want)
		}
	})
}

func TestFamiliesPropertyNoUnitInTwoKits(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		products := []string{"A", "B", "C"}
		// Bonus at 100%: each discounted unit's discount is its price, so
		// the discounted units can be counted from the amounts.
		var buy []campaign.ComboItem
		for _, p := range rapid.SliceOfNDistinct(rapid.SampledFrom(products), 1, 2, rapid.ID[string]).Draw(t, "buy_products") {
			buy = append(buy, campaign.ComboItem{Product: p, Quantity: int64(rapid.IntRange(1, 3).Draw(t, "buy_quantity"))})
		}
		var bonus []campaign.ComboBonus
		for _, p := range rapid.SliceOfNDistinct(rapid.SampledFrom(products), 1, 2, rapid.ID[string]).Draw(t, "bonus_products") {
			bonus = append(bonus, campaign.ComboBonus{Product: p, Quantity: int64(rapid.IntRange(1, 2).Draw(t, "bonus_quantity")),
				Percent: new(decimal.NewFromInt(100))})
		}
		kind := rapid.SampledFrom([]string{"kit", "customer_type"}).Draw(t, "kind")
		cb := campaign.Combo{General: campaign.General{ID: "kit", Name: "Kit", Start: "2026-11-01"}, Kind: campaign.ComboKind(kind), Buy: buy, Bonus: bonus}
		if kind == "customer_type" {
			cb.CustomerTypes = []string{"atacado"}
		}
		rs := famCompile(t, campaign.Ruleset{Combos: []campaign.Combo{cb}})
		c := promo.Cart{ID: "sale-k", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"}, Lines: famLines(t, products),
			Customer: &promo.Customer{ID: "c-1", Tier: "atacado"}}
		res := famEvaluate(t, c, rs)

		// The whole kits the cart holds: each needs every buy and bonus
		// quantity (a product in both lists needs both), whole units of
		// countable lines only.
		need := map[string]int64{}
		for _, b := range buy {
			need[b.Product] += b.Quantity
		}
		for _, b := range bonus {
			need[b.Product] += b.Quantity
		}
		have := map[string]int64{}
		for _, l := range c.Lines {
			if l.Countable() {
				have[l.ProductCode] += l.Quantity.IntPart()
			}
		}
		occ := int64(-1)
		for p, q := range need {
			if k := have[p] / q; occ < 0 || k < occ {
				occ = k
			}
		}
		app, applied := famApplied(res, "kit")
		if applied != (occ > 0) {
			t.Fatalf("%d kits in the cart, applied %v", occ, applied)
		}
		if applied && int64(app.Occurrences) != occ {
			t.Fatalf("occurrences %d, want %d", app.Occurrences, occ)
		}
		// No line takes part with more units than it has.
		parts := map[string]decimal.Decimal{}
		for _, p := range app.Participants {
			parts[p.Line] = parts[p.Line].Add(p.Units)
		}
		for _, l := range c.Lines {
			if parts[l.ID].GreaterThan(l.Quantity) {
				t.Fatalf("line %s takes part with %s units, it has %s", l.ID, parts[l.ID], l.Quantity)
			}
		}
		// The bonus units discounted: exactly occurrences x bonus quantity
		// of each bonus product, never a weighed line.
		bonusUnits := map[string]int64{}
		for i, l := range c.Lines {
			d := famDiscountOf(res, i, "kit")
			if !l.Countable() {
				if d.Sign() != 0 {
					t.Fatalf("weighed line %s discounted %s", l.ID, d)
				}
				continue
			}
			k, whole := famUnits(d, l.UnitPrice)
			if !whole || k > l.Quantity.IntPart() {
				t.Fatalf("line %s: discount %s is not a whole number of its units of %s", l.ID, d, l.UnitPrice)
			}
			bonusUnits[l.ProductCode] += k
		}
		for _, p := range products {
			var want int64
			for _, b := range bonus {
				if b.Product == p {
					want += max(occ, 0) * b.Quantity
				}
			}
			if bonusUnits[p] != want {
				t.Fatalf("product %s: %d bonus units discounted, want %d (%d kits)", p, bonusUnits[p], want, occ)
			}
		}
	})
}
