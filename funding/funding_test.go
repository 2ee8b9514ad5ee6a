package funding_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/funding"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// funding.Records (Scanntech: the promotion data a manufacturer needs for
// reimbursement) on evaluations of hand-written promotions, so that the
// amounts are known before the kernel splits and exports them.

// frPromo proposes fixed amounts off lines (by index), with a unit count.
type frPromo struct {
	info    promo.Info
	amounts map[int]string
	units   int64
}

func (p frPromo) Info() promo.Info { return p.info }
func (p frPromo) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p frPromo) Apply(v *promo.View) promo.Proposal {
	prop := promo.Proposal{Eligible: true, Units: p.units}
	for i := 0; i < v.Len(); i++ {
		if a, ok := p.amounts[i]; ok {
			prop.Adjustments = append(prop.Adjustments, promo.Proposed{Line: i, Kind: promo.ItemDiscount, Amount: decimal.RequireFromString(a)})
		}
	}
	return prop
}

func frCart(t *testing.T) promo.Cart {
	line := func(id, price string) promo.Line {
		return promo.Line{ID: id, ProductCode: "P" + id, Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString(price)}
	}
	return promo.Cart{ID: "sale-1", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{line("1", "10.00"), line("2", "10.00"), line("3", "10.00"), line("4", "5.00")}}
}

func frEvaluate(t *testing.T, c promo.Cart, ps ...promo.Promotion) promo.Result {
	t.Helper()
	return promotest.Evaluate(t, c, promotest.NewRuleset(t, promo.Settings{}, ps...))
}

func TestFundingRecordsJSON(t *testing.T) {
	// Three item promotions, run in id order:
	//   a-unilever, funded 60% by Unilever, 2 units: 4.99 off line 1 and
	//   2.55 off line 2. Unilever 4.99 x 60% = 2.994 -> 2.99 and 2.55 x
	//   60% = 1.53 (half_even): 4.52; the retailer 2.00 + 1.02 = 3.02;
	//   amount 7.54.
	//   b-retailer, not funded: 1.00 off line 3: no record.
	//   c-nestle, funded by Nestle with no share given (all of it), 1
	//   unit: 3.00 off line 3: Nestle 3.00, retailer 0.00.
	// The JSON shape is stable: amounts with two decimals, the instant in
	// RFC 3339 with the sale's offset.
	res := frEvaluate(t, frCart(t),
		frPromo{info: promo.Info{ID: "a-unilever", Name: "Unilever", Phase: promo.PhaseItem, Funder: "Unilever", FunderShare: decimal.NewFromInt(60)},
			amounts: map[int]string{0: "4.99", 1: "2.55"}, units: 2},
		frPromo{info: promo.Info{ID: "b-retailer", Name: "Loja", Phase: promo.PhaseItem}, amounts: map[int]string{2: "1.00"}, units: 1},
		frPromo{info: promo.Info{ID: "c-nestle", Name: "Nestle", Phase: promo.PhaseItem, Funder: "Nestle"}, amounts: map[int]string{2: "3.00"}, units: 1},
	)
	b, err := json.Marshal(funding.Records(frCart(t), res))
	if err != nil {
		t.Fatal(err)
	}
	want := `[` +
		`{"sale":"sale-1","store":"loja-1","instant":"2026-11-21T10:15:00-03:00","campaign":"a-unilever","funder":"Unilever","units":2,` +
		`"amount":"7.54","funder_amount":"4.52","retailer_amount":"3.02"},` +
		`{"sale":"sale-1","store":"loja-1","instant":"2026-11-21T10:15:00-03:00","campaign":"c-nestle","funder":"Nestle","units":1,` +
		`"amount":"3.00","funder_amount":"3.00","retailer_amount":"0.00"}` +
		`]`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("FundingRecords JSON (-want +got):\n%s", diff)
	}
}

func TestFundingRecordsCappedAdjustment(t *testing.T) {
	// A funded proposal larger than the line: 8.00 off line 4, which costs
	// 5.00, is capped at 5.00; the split is of what was given: 60% = 3.00
	// for Fab, 2.00 for the retailer, and the record says the same.
	res := frEvaluate(t, frCart(t),
		frPromo{info: promo.Info{ID: "fab", Name: "Fab", Phase: promo.PhaseItem, Funder: "Fab", FunderShare: decimal.NewFromInt(60)},
			amounts: map[int]string{3: "8.00"}, units: 1})
	wantShares := []promo.FundingShare{{Funder: "Fab", Amount: decimal.RequireFromString("3.00")}, {Funder: "retailer", Amount: decimal.RequireFromString("2.00")}}
	if diff := cmp.Diff(wantShares, res.Lines[3].Adjustments[0].Shares, testkit.EquateDecimals()); diff != "" {
		t.Errorf("shares (-want +got):\n%s", diff)
	}
	want := []funding.Record{{Sale: "sale-1", Store: "loja-1", Instant: testkit.SaleTime(), Campaign: "fab", Funder: "Fab", Units: 1,
		Amount: decimal.RequireFromString("5.00"), FunderAmount: decimal.RequireFromString("3.00"), RetailerAmount: decimal.RequireFromString("2.00")}}
	if diff := cmp.Diff(want, funding.Records(frCart(t), res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("FundingRecords (-want +got):\n%s", diff)
	}
}

func TestFundingRecordsNoneWithoutFunder(t *testing.T) {
	// Only the retailer's discounts: nothing to send upstream.
	res := frEvaluate(t, frCart(t),
		frPromo{info: promo.Info{ID: "loja", Name: "Loja", Phase: promo.PhaseItem}, amounts: map[int]string{0: "1.00"}, units: 1})
	if got := funding.Records(frCart(t), res); len(got) != 0 {
		t.Errorf("FundingRecords = %+v, want none", got)
	}
}

func TestFundingRecordsFromAResult(t *testing.T) {
	// FundingRecords reads the result alone: a hand-built result with one
	// funded application, whose adjustments on two lines are 1.50 (split
	// 0.90 / 0.60) and 0.25 (split 0.15 / 0.10), and a retailer's one on
	// the same line: amount 1.75, funder 1.05, retailer 0.70.
	d := decimal.RequireFromString
	c := promo.Cart{ID: "t-9", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-9"}}
	res := promo.Result{CartID: "t-9",
		Applied: []promo.Application{{Campaign: "x", Units: 3}, {Campaign: "y", Units: 1}},
		Lines: []promo.LineResult{
			{ID: "1", Adjustments: []promo.Adjustment{
				{Campaign: "x", Amount: d("1.50"), FundedBy: "Fab", Shares: []promo.FundingShare{{Funder: "Fab", Amount: d("0.90")}, {Funder: "retailer", Amount: d("0.60")}}},
				{Campaign: "y", Amount: d("2.00"), FundedBy: "retailer"}}},
			{ID: "2", Adjustments: []promo.Adjustment{
				{Campaign: "x", Amount: d("0.25"), FundedBy: "Fab", Shares: []promo.FundingShare{{Funder: "Fab", Amount: d("0.15")}, {Funder: "retailer", Amount: d("0.10")}}}}},
		}}
	want := []funding.Record{{Sale: "t-9", Store: "loja-9", Instant: testkit.SaleTime(), Campaign: "x", Funder: "Fab", Units: 3,
		Amount: d("1.75"), FunderAmount: d("1.05"), RetailerAmount: d("0.70")}}
	if diff := cmp.Diff(want, funding.Records(c, res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("FundingRecords (-want +got):\n%s", diff)
	}
}
