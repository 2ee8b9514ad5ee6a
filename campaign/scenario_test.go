package campaign_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/nfce"
	"github.com/promokit/promokit/promo"
)

// scenario is one file of testdata/scenarios: a ruleset, a cart and the
// result expected, worked out by hand (see testdata/README.md).
type scenario struct {
	Description string          `json:"description"`
	Ruleset     json.RawMessage `json:"ruleset"`
	Cart        json.RawMessage `json:"cart"`
	Want        want            `json:"want"`
}

type want struct {
	// Errors, when present, are the problems Load or DecodeCart must report.
	Errors  []wantError   `json:"errors"`
	Lines   []wantLine    `json:"lines"`
	Totals  *wantTotals   `json:"totals"`
	Applied []wantApplied `json:"applied"`
	// Trace maps every campaign the evaluation looked at to its first
	// reason code.
	Trace map[string]string `json:"trace"`
	// Offers are the optional campaigns offered, with their value.
	Offers []wantOffer `json:"offers"`
	// Events are the events expected, in order (ids and customer tokens
	// are not compared).
	Events []wantEvent `json:"events"`
	// Gifts are the gifts granted, in order.
	Gifts []promo.Gift `json:"gifts"`
	// Tenders are the tenders the result brings (cashback as a tender).
	Tenders []promo.Tender `json:"tenders"`
	// NearMisses are the near misses expected, in order.
	NearMisses []promo.NearMiss `json:"near_misses"`
	// ExchangeShares maps line ids to their share of the exchange credit.
	ExchangeShares map[string]decimal.Decimal `json:"exchange_shares"`
	// Freight is the sale's freight and its discounts.
	Freight *wantFreight `json:"freight"`
}

type wantFreight struct {
	Gross       decimal.Decimal  `json:"gross"`
	Discount    decimal.Decimal  `json:"discount"`
	Net         decimal.Decimal  `json:"net"`
	Adjustments []wantAdjustment `json:"adjustments"`
}

type wantOffer struct {
	Campaign string          `json:"campaign"`
	Amount   decimal.Decimal `json:"amount"`
}

type wantEvent struct {
	Kind       string               `json:"kind"`
	Campaign   string               `json:"campaign"`
	Amount     *decimal.Decimal     `json:"amount,omitempty"`
	Code       string               `json:"code,omitempty"`
	Unlocks    string               `json:"unlocks,omitempty"`
	ValidFrom  string               `json:"valid_from,omitempty"`
	ValidUntil string               `json:"valid_until,omitempty"`
	Points     *decimal.Decimal     `json:"points,omitempty"`
	Multiplier *decimal.Decimal     `json:"multiplier,omitempty"`
	Counters   []promo.CounterDelta `json:"counters,omitempty"`
	Credit     string               `json:"credit,omitempty"`
	Freight    *decimal.Decimal     `json:"freight,omitempty"`
	Program    string               `json:"program,omitempty"`
	// Professional is the CPF a points event scores, digits only.
	Professional string             `json:"professional,omitempty"`
	Store        string             `json:"store,omitempty"`
	Terms        *promo.CreditTerms `json:"terms,omitempty"`
}

type wantError struct {
	Path     string `json:"path"`
	Contains string `json:"contains"`
}

type wantLine struct {
	ID          string           `json:"id"`
	Discount    decimal.Decimal  `json:"discount"`
	Net         decimal.Decimal  `json:"net"`
	Adjustments []wantAdjustment `json:"adjustments"`
}

type wantAdjustment struct {
	Campaign string          `json:"campaign"`
	Kind     string          `json:"kind"`
	Amount   decimal.Decimal `json:"amount"`
}

type wantTotals struct {
	Gross    decimal.Decimal `json:"gross"`
	Discount decimal.Decimal `json:"discount"`
	Net      decimal.Decimal `json:"net"`
	// Exchange, Tenders, Freight and Payable are compared when the
	// scenario states them.
	Exchange *decimal.Decimal `json:"exchange,omitempty"`
	Freight  *decimal.Decimal `json:"freight,omitempty"`
	Tenders  *decimal.Decimal `json:"tenders,omitempty"`
	Payable  *decimal.Decimal `json:"payable,omitempty"`
}

type wantApplied struct {
	Campaign    string          `json:"campaign"`
	Amount      decimal.Decimal `json:"amount"`
	Occurrences int             `json:"occurrences"`
	// Freight is compared when the scenario states it.
	Freight *decimal.Decimal `json:"freight,omitempty"`
}

func decodeScenario(t *testing.T, path string) scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s scenario
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if s.Description == "" {
		t.Fatalf("%s: a scenario needs a description of its hand computation", path)
	}
	return s
}

func TestScenarios(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "scenarios", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Errorf("want at least 20 scenarios, found %d", len(files))
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			runScenario(t, decodeScenario(t, f))
		})
	}
}

func runScenario(t *testing.T, s scenario) {
	rs, err := campaign.Load(s.Ruleset)
	var cart promo.Cart
	if err == nil {
		cart, err = promo.DecodeCart(s.Cart)
	}
	if len(s.Want.Errors) > 0 {
		checkErrors(t, err, s.Want.Errors)
		return
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	res := promotest.Evaluate(t, cart, rs)
	if s.Want.Lines != nil {
		got := make([]wantLine, len(res.Lines))
		for i, l := range res.Lines {
			got[i] = wantLine{ID: l.ID, Discount: l.Discount, Net: l.Net}
			for _, a := range l.Adjustments {
				got[i].Adjustments = append(got[i].Adjustments, wantAdjustment{Campaign: a.Campaign, Kind: a.Kind.String(), Amount: a.Amount})
			}
		}
		if diff := cmp.Diff(s.Want.Lines, got, testkit.EquateDecimals(), cmp.Comparer(func(a, b []wantAdjustment) bool {
			return cmp.Equal(a, b, testkit.EquateDecimals()) || (len(a) == 0 && len(b) == 0)
		})); diff != "" {
			t.Errorf("lines (-want +got):\n%s", diff)
		}
	}
	if s.Want.Totals != nil {
		got := wantTotals{Gross: res.Totals.Gross, Discount: res.Totals.Discount, Net: res.Totals.Net}
		if s.Want.Totals.Exchange != nil {
			got.Exchange = &res.Totals.Exchange
		}
		if s.Want.Totals.Tenders != nil {
			got.Tenders = &res.Totals.Tenders
		}
		if s.Want.Totals.Freight != nil {
			got.Freight = &res.Totals.Freight
		}
		if s.Want.Totals.Payable != nil {
			got.Payable = &res.Totals.Payable
		}
		if diff := cmp.Diff(*s.Want.Totals, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("totals (-want +got):\n%s", diff)
		}
	}
	if s.Want.Applied != nil {
		got := []wantApplied{}
		for k, a := range res.Applied {
			g := wantApplied{Campaign: a.Campaign, Amount: a.Amount, Occurrences: a.Occurrences}
			if k < len(s.Want.Applied) && s.Want.Applied[k].Freight != nil {
				g.Freight = &a.Freight
			}
			got = append(got, g)
		}
		if diff := cmp.Diff(s.Want.Applied, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("applied (-want +got):\n%s", diff)
		}
	}
	if s.Want.Trace != nil {
		got := map[string]string{}
		for _, e := range res.Trace {
			got[e.Campaign] = string(e.Code())
		}
		if diff := cmp.Diff(s.Want.Trace, got); diff != "" {
			t.Errorf("trace codes (-want +got):\n%s", diff)
		}
	}
	if s.Want.Offers != nil {
		got := []wantOffer{}
		for _, o := range res.Offers {
			got = append(got, wantOffer{o.Campaign, o.Amount})
		}
		if diff := cmp.Diff(s.Want.Offers, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("offers (-want +got):\n%s", diff)
		}
	}
	if s.Want.Tenders != nil {
		got := res.Tenders
		if got == nil {
			got = []promo.Tender{}
		}
		if diff := cmp.Diff(s.Want.Tenders, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("tenders (-want +got):\n%s", diff)
		}
	}
	if s.Want.ExchangeShares != nil {
		got := map[string]decimal.Decimal{}
		for _, l := range res.Lines {
			got[l.ID] = l.ExchangeShare
		}
		if diff := cmp.Diff(s.Want.ExchangeShares, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("exchange shares (-want +got):\n%s", diff)
		}
	}
	if s.Want.Freight != nil {
		var got *wantFreight
		if f := res.Freight; f != nil {
			got = &wantFreight{Gross: f.Gross, Discount: f.Discount, Net: f.Net}
			for _, a := range f.Adjustments {
				got.Adjustments = append(got.Adjustments, wantAdjustment{Campaign: a.Campaign, Kind: a.Kind.String(), Amount: a.Amount})
			}
		}
		if diff := cmp.Diff(s.Want.Freight, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("freight (-want +got):\n%s", diff)
		}
	}
	if s.Want.NearMisses != nil {
		got := res.NearMisses
		if got == nil {
			got = []promo.NearMiss{}
		}
		if diff := cmp.Diff(s.Want.NearMisses, got); diff != "" {
			t.Errorf("near misses (-want +got):\n%s", diff)
		}
	}
	if s.Want.Gifts != nil {
		got := res.Gifts
		if got == nil {
			got = []promo.Gift{}
		}
		if diff := cmp.Diff(s.Want.Gifts, got); diff != "" {
			t.Errorf("gifts (-want +got):\n%s", diff)
		}
	}
	if s.Want.Events != nil {
		got := []wantEvent{}
		for k, e := range res.Events {
			g := wantEvent{Kind: e.Kind.String(), Campaign: e.Campaign, Code: e.Code, Unlocks: e.Unlocks, Counters: e.Counters,
				Credit: e.Credit, Program: e.Program, Professional: e.Professional.String(), Store: e.Store, Terms: e.Terms}
			if !e.ValidFrom.IsZero() {
				g.ValidFrom = e.ValidFrom.Format(time.RFC3339)
			}
			if !e.ValidUntil.IsZero() {
				g.ValidUntil = e.ValidUntil.Format(time.RFC3339)
			}
			// Compare the optional numbers only where the scenario states them.
			if k < len(s.Want.Events) {
				w := s.Want.Events[k]
				if w.Amount != nil {
					g.Amount = &e.Amount
				}
				if w.Points != nil {
					g.Points = &e.Points
				}
				if w.Multiplier != nil {
					g.Multiplier = &e.Multiplier
				}
				if w.Freight != nil {
					g.Freight = &e.Freight
				}
			}
			got = append(got, g)
		}
		if diff := cmp.Diff(s.Want.Events, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("events (-want +got):\n%s", diff)
		}
	}
	// Invariants every result keeps.
	sum := decimal.Zero
	for _, l := range res.Lines {
		d := decimal.Zero
		for _, a := range l.Adjustments {
			d = d.Add(a.Amount)
		}
		if !d.Equal(l.Discount) || l.Net.Sign() < 0 || !l.Gross.Sub(l.Discount).Equal(l.Net) {
			t.Errorf("line %s: adjustments %s, discount %s, gross %s, net %s do not add up", l.ID, d, l.Discount, l.Gross, l.Net)
		}
		sum = sum.Add(d)
	}
	if !sum.Equal(res.Totals.Discount) {
		t.Errorf("line discounts sum to %s, totals say %s", sum, res.Totals.Discount)
	}
	checkNFCe(t, res)
}

// checkNFCe fails the test for every rejection the result's NFC-e would
// get: 483 (an item's vDesc above its vProd), 537 (the total vDesc is not
// the sum of the items'), 629 (vProd more than a cent from qCom × vUnCom),
// and the schema's formats and 564 besides.
func checkNFCe(t *testing.T, res promo.Result) {
	t.Helper()
	for _, r := range nfce.Check(res) {
		t.Errorf("NFC-e %v", r)
	}
}

func checkErrors(t *testing.T, err error, want []wantError) {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %v", err)
	}
	var gotPaths, wantPaths []string
	for _, w := range want {
		wantPaths = append(wantPaths, w.Path)
	}
	for _, p := range ve.Problems {
		gotPaths = append(gotPaths, p.Path)
	}
	if diff := cmp.Diff(wantPaths, gotPaths); diff != "" {
		t.Fatalf("problem paths (-want +got):\n%s\nerror: %v", diff, err)
	}
	for i, w := range want {
		if !strings.Contains(ve.Problems[i].Reason, w.Contains) {
			t.Errorf("problem %s: reason %q does not contain %q", w.Path, ve.Problems[i].Reason, w.Contains)
		}
	}
}
