package promo

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestResultJSONWritesCents(t *testing.T) {
	r := Result{
		CartID: "c",
		Lines: []LineResult{{
			ID: "1", Quantity: decimal.RequireFromString("0.735"), UnitPrice: decimal.RequireFromString("39.9"),
			Gross:       decimal.RequireFromString("29.33"),
			Adjustments: []Adjustment{{Campaign: "x", Kind: SaleDiscount, Amount: decimal.RequireFromString("2.9"), FundedBy: FunderRetailer}},
			Discount:    decimal.RequireFromString("2.9"), Net: decimal.RequireFromString("26.43"),
		}},
		Totals:  Totals{Gross: decimal.RequireFromString("29.33"), Discount: decimal.RequireFromString("2.9"), Net: decimal.RequireFromString("26.43")},
		Applied: []Application{{Campaign: "x", Name: "X", Phase: PhaseSale, Amount: decimal.NewFromInt(3), Occurrences: 1}},
		Events:  []Event{{ID: "e", Kind: EventActivation, Campaign: "x", Amount: decimal.NewFromInt(3), Occurrences: 1}},
		Trace:   []TraceEntry{},
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"cart_id":"c","lines":[{"id":"1","quantity":"0.735","adjustments":[{"campaign":"x","kind":"sale_discount","funded_by":"retailer","amount":"2.90"}],"unit_price":"39.90","gross":"29.33","discount":"2.90","net":"26.43"}],` +
		`"totals":{"gross":"29.33","discount":"2.90","net":"26.43","exchange":"0.00","tenders":"0.00","payable":"0.00"},` +
		`"applied":[{"campaign":"x","name":"X","phase":"sale","occurrences":1,"amount":"3.00"}],` +
		`"events":[{"id":"e","kind":"activation","campaign":"x","occurrences":1,"amount":"3.00"}],"trace":[]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Lines[0].Adjustments[0].Amount.Equal(decimal.RequireFromString("2.90")) || !back.Totals.Net.Equal(r.Totals.Net) {
		t.Errorf("round trip lost amounts: %+v", back)
	}
}

// TestEventJSONWritesWhatTheKindCarries: an activation always has its
// amount (0.00 for a campaign that gave no money) and its occurrences; a
// cashback event its amount; a code, points, scratch-card or tally event
// neither.
func TestEventJSONWritesWhatTheKindCarries(t *testing.T) {
	d := decimal.RequireFromString
	for _, tc := range []struct {
		e    Event
		want string
	}{
		{Event{ID: "a", Kind: EventActivation, Campaign: "x", Occurrences: 1},
			`{"id":"a","kind":"activation","campaign":"x","occurrences":1,"amount":"0.00"}`},
		{Event{ID: "b", Kind: EventActivation, Campaign: "x", Amount: d("3"), Occurrences: 2},
			`{"id":"b","kind":"activation","campaign":"x","occurrences":2,"amount":"3.00"}`},
		{Event{ID: "c", Kind: EventCodeRedeemed, Campaign: "x", Code: "NATAL"},
			`{"id":"c","kind":"code_redeemed","campaign":"x","code":"NATAL"}`},
		{Event{ID: "d", Kind: EventPoints, Campaign: "x", Points: d("10")},
			`{"id":"d","kind":"points","campaign":"x","points":"10"}`},
		{Event{ID: "e", Kind: EventCashbackEarned, Campaign: "x", Amount: d("1.5")},
			`{"id":"e","kind":"cashback_earned","campaign":"x","amount":"1.50"}`},
		{Event{ID: "f", Kind: EventTally, Campaign: "x", Counters: []CounterDelta{{Key: "k", Add: d("2")}}},
			`{"id":"f","kind":"tally","campaign":"x","counters":[{"key":"k","add":"2"}]}`},
	} {
		b, err := json.Marshal(tc.e)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, string(b)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.e.Kind, diff)
		}
		var back Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !back.Amount.Equal(tc.e.Amount) || back.Occurrences != tc.e.Occurrences || back.Kind != tc.e.Kind {
			t.Errorf("%s: round trip gave %+v", tc.e.Kind, back)
		}
	}
}

// TestLineJSONUnitPricePlaces: a unit price keeps its own decimals beyond
// two (fuel priced to the tenth of a cent) and gets two when it has fewer.
func TestLineJSONUnitPricePlaces(t *testing.T) {
	for _, tc := range []struct{ price, want string }{
		{"5.999", `"5.999"`}, {"6.1234", `"6.1234"`}, {"39.9", `"39.90"`}, {"7", `"7.00"`}, {"0.01", `"0.01"`},
	} {
		b, err := json.Marshal(LineResult{ID: "1", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString(tc.price)})
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			UnitPrice json.RawMessage `json:"unit_price"`
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, string(got.UnitPrice)); diff != "" {
			t.Errorf("unit price %s (-want +got):\n%s", tc.price, diff)
		}
	}
}
