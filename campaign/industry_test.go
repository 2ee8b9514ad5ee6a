package campaign_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/funding"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Industry-funded promotions (Scanntech) behaviour the scenario runner
// cannot show: who funds each adjustment and the split between funder and
// retailer, budgets, funding.Records and compile problems.

func TestIndustryFundingShares(t *testing.T) {
	// Scenario 143: take 3 pay 2 on IB and IC funded 60% by Unilever.
	// Line 1 IB 4 x 4.99: one free IB, 4.99; Unilever 4.99 x 60% = 2.994
	// -> 2.99, retailer 2.00. Line 2 IC 2 x 2.55: one free IC, 2.55;
	// Unilever 1.53, retailer 1.02.
	res := promotest.EvaluateJSON(t, `{"version": 1, "campaigns": [], "industry_promotions": [
	  {"id": "ind-60", "name": "Unilever 3x2", "start": "2026-11-01", "funded_by": "Unilever", "funder_share": "60",
	   "products": ["IB", "IC"], "free_units": {"buy": 3, "pay": 2}}]}`,
		`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "lines": [
		  {"id": "1", "product_code": "IB", "quantity": "4", "unit_price": "4.99"},
		  {"id": "2", "product_code": "IC", "quantity": "2", "unit_price": "2.55"}]}`)
	want := [][]promo.Adjustment{
		{{Campaign: "ind-60", Kind: promo.FreeUnits, Amount: testkit.Dec("4.99"), FundedBy: "Unilever",
			Shares: []promo.FundingShare{{Funder: "Unilever", Amount: testkit.Dec("2.99")}, {Funder: "retailer", Amount: testkit.Dec("2.00")}}}},
		{{Campaign: "ind-60", Kind: promo.FreeUnits, Amount: testkit.Dec("2.55"), FundedBy: "Unilever",
			Shares: []promo.FundingShare{{Funder: "Unilever", Amount: testkit.Dec("1.53")}, {Funder: "retailer", Amount: testkit.Dec("1.02")}}}},
	}
	got := [][]promo.Adjustment{res.Lines[0].Adjustments, res.Lines[1].Adjustments}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("adjustments (-want +got):\n%s", diff)
	}
}

func TestIndustryFullyFundedHasNoSplit(t *testing.T) {
	// funder_share left out: the manufacturer pays all of it, the
	// adjustment says so and carries no shares. IA 3 x 5.00: 5.00 free.
	res := promotest.EvaluateJSON(t, `{"version": 1, "campaigns": [], "industry_promotions": [
	  {"id": "ind", "name": "Nestlé 3x2", "start": "2026-11-01", "funded_by": "Nestle", "products": ["IA"], "free_units": {"buy": 3, "pay": 2}}]}`,
		`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "lines": [
		  {"id": "1", "product_code": "IA", "quantity": "3", "unit_price": "5.00"}]}`)
	want := []promo.Adjustment{{Campaign: "ind", Kind: promo.FreeUnits, Amount: testkit.Dec("5.00"), FundedBy: "Nestle"}}
	if diff := cmp.Diff(want, res.Lines[0].Adjustments, testkit.EquateDecimals()); diff != "" {
		t.Errorf("adjustments (-want +got):\n%s", diff)
	}
}

func TestIndustrySharesFollowTheRounding(t *testing.T) {
	// 50% funded, one free unit of 4.97: the funder's part is 2.485,
	// rounded once with the ruleset's mode; the retailer pays the rest.
	// half_even: 2.48 (8 is even) / 2.49; half_up: 2.49 / 2.48; truncate:
	// 2.48 / 2.49.
	for _, tc := range []struct{ mode, funder, retailer string }{
		{"half_even", "2.48", "2.49"},
		{"half_up", "2.49", "2.48"},
		{"truncate", "2.48", "2.49"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			res := promotest.EvaluateJSON(t, fmt.Sprintf(`{"version": 1, "settings": {"rounding": %q}, "campaigns": [], "industry_promotions": [
			  {"id": "ind", "name": "3x2 meio a meio", "start": "2026-11-01", "funded_by": "Fab", "funder_share": "50",
			   "products": ["P"], "free_units": {"buy": 3, "pay": 2}}]}`, tc.mode),
				`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "lines": [
				  {"id": "1", "product_code": "P", "quantity": "3", "unit_price": "4.97"}]}`)
			want := []promo.FundingShare{{Funder: "Fab", Amount: testkit.Dec(tc.funder)}, {Funder: "retailer", Amount: testkit.Dec(tc.retailer)}}
			if len(res.Lines[0].Adjustments) != 1 {
				t.Fatalf("adjustments %+v, want one", res.Lines[0].Adjustments)
			}
			if diff := cmp.Diff(want, res.Lines[0].Adjustments[0].Shares, testkit.EquateDecimals()); diff != "" {
				t.Errorf("shares (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIndustryBudgetAcrossSales(t *testing.T) {
	// A budget of 3 promoted units, take 3 pay 2 on P (1 free unit per 3).
	// The host lowers the budget by what each sale's activation adds to
	// budget/ind/units. Sale 1: 6 units, 2 free (budget 3 -> 1). Sale 2: 6
	// units, only 1 free (budget 1 -> 0). Sale 3: budget_exhausted.
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [], "industry_promotions": [
	  {"id": "ind", "name": "P 3x2", "start": "2026-11-01", "funded_by": "Fab", "products": ["P"], "free_units": {"buy": 3, "pay": 2}, "budgeted": true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	budget := decimal.NewFromInt(3)
	for k, want := range []struct {
		discount, used string
		code           string
	}{{"4.00", "2", "applied"}, {"2.00", "1", "applied"}, {"0", "0", "budget_exhausted"}} {
		c := promo.Cart{ID: fmt.Sprintf("sale-%d", k+1), Time: testkit.At(2026, 11, 21, 10, 15+k, 0), Store: promo.Store{ID: "loja-1"},
			Lines:   []promo.Line{{ID: "1", ProductCode: "P", Quantity: decimal.NewFromInt(6), UnitPrice: testkit.Dec("2.00")}},
			History: promo.History{Budgets: map[string]decimal.Decimal{"ind": budget}}}
		res := promotest.Evaluate(t, c, rs)
		if got := pkCodes(res)["ind"]; got != want.code {
			t.Errorf("sale %d: trace code %q, want %q", k+1, got, want.code)
		}
		if !res.Totals.Discount.Equal(testkit.Dec(want.discount)) {
			t.Errorf("sale %d: discount %s, want %s", k+1, res.Totals.Discount, want.discount)
		}
		used := decimal.Zero
		for _, e := range res.Events {
			for _, d := range e.Counters {
				if d.Key != campaign.BudgetKey("ind") {
					t.Errorf("sale %d: counter %q, want only %q", k+1, d.Key, campaign.BudgetKey("ind"))
				}
				used = used.Add(d.Add)
			}
		}
		if !used.Equal(testkit.Dec(want.used)) {
			t.Errorf("sale %d: budget used %s, want %s", k+1, used, want.used)
		}
		budget = budget.Sub(used)
	}
	if !budget.IsZero() {
		t.Errorf("budget left %s, want 0", budget)
	}
}

func TestIndustryFundingRecords(t *testing.T) {
	// Scenario 148's ruleset: of the five promotions that apply, only the
	// industry one is funded by someone other than the retailer. One
	// record: ind, funder Fab, 1 unit (the free B), 10.00, all of it
	// Fab's. The combo and the Reshop and pack discounts are the
	// retailer's and give no record.
	ruleset := `{"version": 1,
	  "campaigns": [
	    {"id": "r-item", "name": "10% em A", "priority": 2, "start": "2026-11-01", "rules": {"conditions": [{"kind": "product_code", "values": ["A"]}]}, "benefit": {"on": "items", "percent": "10"}},
	    {"id": "r-sale", "name": "5% acima de R$ 100", "priority": 1, "start": "2026-11-01", "no_activation_rules": true, "min_value": "100.00", "benefit": {"on": "sale", "percent": "5"}}],
	  "discount_packs": [{"id": "pk", "name": "Pack R$ 10", "priority": 2, "start": "2026-11-01", "owner": "franchisor",
	    "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "50.00", "coupon": "PACK10", "key": "K-10", "prize": {"sale": {"amount": "10.00"}}}],
	  "combos": [{"id": "kit", "name": "A + C", "priority": 3, "start": "2026-11-01", "kind": "kit",
	    "buy": [{"product": "A", "quantity": 1}], "bonus": [{"product": "C", "quantity": 1, "percent": "50"}]}],
	  "industry_promotions": [{"id": "ind", "name": "B 3x2", "priority": 1, "start": "2026-11-01", "funded_by": "Fab", "products": ["B"], "free_units": {"buy": 3, "pay": 2}}]}`
	rs := promotest.Load(t, ruleset)
	c, err := promo.DecodeCart([]byte(`{"id": "sale-148", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "promo_codes": ["PACK10"],
	  "lines": [
	    {"id": "1", "product_code": "A", "quantity": "2", "unit_price": "40.00"},
	    {"id": "2", "product_code": "B", "quantity": "3", "unit_price": "10.00"},
	    {"id": "3", "product_code": "C", "quantity": "1", "unit_price": "20.00"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	res := promotest.Evaluate(t, c, rs)
	want := []funding.Record{{Sale: "sale-148", Store: "loja-1", Instant: c.Time, Campaign: "ind", Funder: "Fab", Units: 1,
		Amount: testkit.Dec("10.00"), FunderAmount: testkit.Dec("10.00"), RetailerAmount: decimal.Zero}}
	got := funding.Records(c, res)
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("funding.Records (-want +got):\n%s", diff)
	}
}

func TestIndustryCompileProblems(t *testing.T) {
	doc := `{"version": 1, "campaigns": [], "industry_promotions": [
	  {"id": "i0", "name": "sem fabricante", "start": "2026-11-01", "funder_share": "0", "products": [],
	   "free_units": {"buy": 3, "pay": 3}, "volume_tiers": [{"min_quantity": 2, "percent": "5"}]},
	  {"id": "i1", "name": "faixas", "start": "2026-11-01", "funded_by": "Fab", "funder_share": "101", "products": ["P", ""],
	   "volume_tiers": [{"min_quantity": 2, "percent": "5"}, {"min_quantity": 2, "percent": "0"}, {"min_quantity": 0, "percent": "10"}]},
	  {"id": "i2", "name": "leve e pague", "start": "2026-11-01", "funded_by": "Fab", "products": ["P"], "free_units": {"buy": 1, "pay": 0}}
	]}`
	want := []wantError{
		{"industry_promotions[0].funded_by", "required"},
		{"industry_promotions[0].funder_share", "greater than 0 and at most 100"},
		{"industry_promotions[0].products", "at least one product"},
		{"industry_promotions[0]", "exactly one of free_units and volume_tiers"},
		{"industry_promotions[1].funder_share", "greater than 0 and at most 100"},
		{"industry_promotions[1].products[1]", "must not be empty"},
		{"industry_promotions[1].volume_tiers[1].min_quantity", "another tier has min_quantity 2"},
		{"industry_promotions[1].volume_tiers[1].percent", "greater than 0"},
		{"industry_promotions[1].volume_tiers[2].min_quantity", "at least 1"},
		{"industry_promotions[2].free_units.buy", "at least 2"},
		{"industry_promotions[2].free_units.pay", "at least 1 and less than buy"},
	}
	_, err := campaign.Load([]byte(doc))
	checkErrors(t, err, want) // checked like a scenario's errors
}
