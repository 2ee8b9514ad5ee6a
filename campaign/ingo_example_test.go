package campaign_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// Three campaigns and a cart written in Go, without JSON: the typed
// constants spell the enumerated fields, campaign.Dec the amounts.
//
// Worked out by hand: socks 3 × 19.90 = 59.70, one free: 39.80; coffee
// 2 × 24.00 = 48.00, 15 % off: 7.20, 40.80; rice 27.90. After the items the
// sale is worth 108.50 >= 100, so R$ 10.00 off the sale is apportioned by
// value: 1000 cents × 39.80/108.50 = 366.8, × 40.80/108.50 = 376.04,
// × 27.90/108.50 = 257.14; the floors add up to 999 and the last cent goes
// to the largest remainder (socks): 3.67, 3.76, 2.57.
func Example_inGo() {
	rs, err := campaign.Compile(campaign.Ruleset{Version: campaign.Version, Campaigns: []campaign.Campaign{
		{General: campaign.General{ID: "meias-3x2", Name: "Meias: leve 3 pague 2", Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: campaign.CondCategory, Values: []string{"vestuario/meias"}}}},
			Benefit: campaign.Benefit{On: campaign.OnItems, FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}},
		{General: campaign.General{ID: "cafe-15", Name: "Café: 15% off", Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: campaign.CondProductCode, Values: []string{"CAFE"}}}},
			Benefit: campaign.Benefit{On: campaign.OnItems, Percent: campaign.Dec("15")}},
		{General: campaign.General{ID: "acima-100", Name: "Acima de R$ 100: R$ 10 off", Start: "2026-11-01"}, NoActivationRules: true,
			MinValue: campaign.Dec("100"), Benefit: campaign.Benefit{On: campaign.OnSale, Amount: campaign.Dec("10")}},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := decimal.RequireFromString
	res, err := promo.Evaluate(promo.Cart{ID: "pdv-1-0001", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, time.FixedZone("BRT", -3*60*60)),
		Lines: []promo.Line{
			{ID: "1", Category: "vestuario/meias", Quantity: d("3"), UnitPrice: d("19.90")},
			{ID: "2", ProductCode: "CAFE", Quantity: d("2"), UnitPrice: d("24.00")},
			{ID: "3", ProductCode: "ARROZ", Quantity: d("1"), UnitPrice: d("27.90")}}}, rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Lines {
		fmt.Printf("line %s: %s - %s = %s\n", l.ID, l.Gross.StringFixed(2), l.Discount.StringFixed(2), l.Net.StringFixed(2))
	}
	// Output:
	// line 1: 59.70 - 23.57 = 36.13
	// line 2: 48.00 - 10.96 = 37.04
	// line 3: 27.90 - 2.57 = 25.33
}

// staffDiscount is a promotion of the host's own, which the JSON format
// does not express: 5 % off every line of a sale to an employee, told by
// a customer tier the host sets. It runs after the JSON-defined item
// campaigns (priority 100, sale phase) on what the lines still cost.
type staffDiscount struct{}

func (staffDiscount) Info() promo.Info {
	return promo.Info{ID: "host-staff-5", Name: "Funcionário: 5%", Phase: promo.PhaseSale, Priority: 100}
}

func (staffDiscount) Keys() promo.Keys { return promo.Keys{CartWide: true} }

func (staffDiscount) Apply(v *promo.View) promo.Proposal {
	if c := v.Cart().Customer; c == nil || c.Tier != "staff" {
		return promo.NotEligible(promo.Reason{Code: promo.ReasonRuleFailed, PT: "só para funcionários", EN: "staff only"})
	}
	p := promo.Proposal{Eligible: true}
	for i := range v.Len() {
		off := v.Value(i).Mul(decimal.NewFromInt(5)).DivRound(decimal.NewFromInt(100), 12)
		p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: promo.SaleDiscount, Amount: off})
	}
	return p
}

// A host adds its own promo.Promotion next to the JSON-defined campaigns:
// it compiles the definitions, then builds one ruleset with their
// promotions and its own, under the same settings.
//
// By hand: socks 3 × 19.90 = 59.70, one free: 39.80 left; 5 % of 39.80 =
// 1.99, so the line's discount is 19.90 + 1.99 = 21.89.
func Example_hostPromotion() {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [{"id": "meias-3x2", "name": "Meias: leve 3 pague 2",
	  "start": "2026-11-01", "rules": {"conditions": [{"kind": "category", "values": ["vestuario/meias"]}]},
	  "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	all, err := promo.NewRuleset(rs.Settings(), append(rs.Promotions(), staffDiscount{})...)
	if err != nil {
		fmt.Println(err) // an id used twice, for one
		return
	}
	res, err := promo.Evaluate(promo.Cart{ID: "pdv-1-0002", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, time.FixedZone("BRT", -3*60*60)),
		Customer: &promo.Customer{ID: "tok-7", Tier: "staff"},
		Lines:    []promo.Line{{ID: "1", Category: "vestuario/meias", Quantity: decimal.NewFromInt(3), UnitPrice: decimal.RequireFromString("19.90")}}}, all)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range res.Applied {
		fmt.Printf("%s: %s\n", a.Campaign, a.Amount.StringFixed(2))
	}
	fmt.Println("discount", res.Lines[0].Discount.StringFixed(2))
	// Output:
	// meias-3x2: 19.90
	// host-staff-5: 1.99
	// discount 21.89
}

// TestExampleInGoIsShort keeps Example_inGo, three campaigns and a cart
// written in Go and evaluated, within 30 lines (from its func line to its
// Output comment), as the README promises.
func TestExampleInGoIsShort(t *testing.T) {
	data, err := os.ReadFile("ingo_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(data), "\nfunc Example_inGo() {\n")
	if !ok {
		t.Fatal("no func Example_inGo")
	}
	body, _, ok = strings.Cut(body, "\t// Output:\n")
	if !ok {
		t.Fatal("Example_inGo has no Output comment")
	}
	if n := 1 + strings.Count(body, "\n"); n > 30 {
		t.Errorf("Example_inGo takes %d lines, want at most 30", n)
	}
}
