package exchange_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/exchange"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// Expected values below are worked out by hand from the Reshop manual's rule
// ("Vendas com troca"): the exchange credit is apportioned over the
// lines by gross value, in cents, largest remainder, ties by line id.

// probe records, when it applies, the basis exchange.Basis gives a mode:
// the values by line id, or the reason it does not apply. It proposes
// nothing.
type probe struct {
	mode   exchange.Mode
	values map[string]decimal.Decimal
	reason *promo.Reason
	calls  int
}

func (p *probe) Info() promo.Info {
	return promo.Info{ID: "probe", Name: "probe", Phase: promo.PhaseSale}
}
func (p *probe) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (p *probe) Apply(v *promo.View) promo.Proposal {
	p.calls++
	b, why := exchange.Basis(v, p.mode)
	p.values, p.reason = nil, why
	if b != nil {
		p.values = map[string]decimal.Decimal{}
		for i := range b.Len() {
			p.values[b.Line(i).ID] = b.Value(i)
		}
	}
	return promo.NotEligible(promo.Reason{Code: "probe", PT: "sonda", EN: "probe"})
}

// markdown takes a fixed amount off line "A" in the item phase, so that
// the probe sees a value already lowered by a discount.
type markdown struct{ amount decimal.Decimal }

func (m markdown) Info() promo.Info {
	return promo.Info{ID: "menos-a", Name: "menos A", Phase: promo.PhaseItem}
}
func (m markdown) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (m markdown) Apply(v *promo.View) promo.Proposal {
	for i := range v.Len() {
		if v.Line(i).ID == "A" {
			return promo.Proposal{Eligible: true, Occurrences: 1,
				Adjustments: []promo.Proposed{{Line: i, Kind: promo.ItemDiscount, Amount: m.amount}}}
		}
	}
	return promo.NotEligible()
}

// seedCart is the Reshop manual's cart: A 100.00, B 50.00, C 50.00 and 20.00 of
// exchange; A and B carry original prices 120.00 and 60.00, C none.
func seedCart(t testing.TB) promo.Cart {
	return promo.Cart{
		ID: "troca", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("100.00"), OriginalPrice: decimal.NewNullDecimal(testkit.Dec("120.00"))},
			{ID: "B", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("50.00"), OriginalPrice: decimal.NewNullDecimal(testkit.Dec("60.00"))},
			{ID: "C", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("50.00")},
		},
		Exchanges: []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("20.00")}},
	}
}

func runProbe(t *testing.T, cart promo.Cart, mode exchange.Mode, before ...promo.Promotion) *probe {
	t.Helper()
	p := &probe{mode: mode}
	rs := promotest.NewRuleset(t, promo.Settings{}, append(before, p)...)
	if _, err := promo.Evaluate(cart, rs); err != nil {
		t.Fatal(err)
	}
	if p.calls == 0 {
		t.Fatal("the probe was never applied")
	}
	return p
}

func TestBasisPerMode(t *testing.T) {
	vals := func(a, b, c string) map[string]decimal.Decimal {
		return map[string]decimal.Decimal{"A": testkit.Dec(a), "B": testkit.Dec(b), "C": testkit.Dec(c)}
	}
	tests := []struct {
		mode   exchange.Mode
		want   map[string]decimal.Decimal
		reason promo.ReasonCode
	}{
		// Shares 10/5/5 taken off: 90, 45, 45 (the manual's numbers).
		{mode: exchange.Net, want: vals("90.00", "45.00", "45.00")},
		// The initial values.
		{mode: exchange.Gross, want: vals("100.00", "50.00", "50.00")},
		// 1 x 120.00, 1 x 60.00; C has no original price: its value.
		{mode: exchange.Original, want: vals("120.00", "60.00", "50.00")},
		{mode: exchange.NoActivation, reason: exchange.ReasonExchange},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			p := runProbe(t, seedCart(t), tt.mode)
			if diff := cmp.Diff(tt.want, p.values, testkit.EquateDecimals()); diff != "" {
				t.Errorf("basis (-want +got):\n%s", diff)
			}
			var got promo.ReasonCode
			if p.reason != nil {
				got = p.reason.Code
				if p.reason.PT == "" || p.reason.EN == "" {
					t.Errorf("reason %s without its messages: %+v", got, *p.reason)
				}
			}
			if got != tt.reason {
				t.Errorf("reason = %q, want %q", got, tt.reason)
			}
		})
	}
}

// Without exchange items every mode, no_activation included, computes on
// the current values.
func TestBasisWithoutExchange(t *testing.T) {
	for _, m := range []exchange.Mode{exchange.Net, exchange.NoActivation, exchange.Original, exchange.Gross} {
		t.Run(m.String(), func(t *testing.T) {
			cart := seedCart(t)
			cart.Exchanges = nil
			// 100.00 - 30.00 of a discount before: A costs 70.00.
			p := runProbe(t, cart, m, markdown{testkit.Dec("30.00")})
			want := map[string]decimal.Decimal{"A": testkit.Dec("70.00"), "B": testkit.Dec("50.00"), "C": testkit.Dec("50.00")}
			if diff := cmp.Diff(want, p.values, testkit.EquateDecimals()); diff != "" {
				t.Errorf("basis (-want +got):\n%s", diff)
			}
			if p.reason != nil {
				t.Errorf("reason %v, want none", *p.reason)
			}
		})
	}
}

// Net takes each line's share off what it costs now, never below zero;
// Gross keeps what it costs now (after earlier discounts, not its gross);
// Original ignores earlier discounts: it is the original price.
func TestBasisAfterAnEarlierDiscount(t *testing.T) {
	tests := []struct {
		mode exchange.Mode
		off  string
		a    string
	}{
		{exchange.Net, "30.00", "60.00"}, // 100 - 30 - 10
		{exchange.Net, "95.00", "0"},     // 100 - 95 = 5 < its share 10: 0, not -5
		{exchange.Gross, "30.00", "70.00"},
		{exchange.Original, "30.00", "120.00"},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String()+"-"+tt.off, func(t *testing.T) {
			p := runProbe(t, seedCart(t), tt.mode, markdown{testkit.Dec(tt.off)})
			want := map[string]decimal.Decimal{"A": testkit.Dec(tt.a)}
			got := map[string]decimal.Decimal{"A": p.values["A"]}
			if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("basis of A (-want +got):\n%s", diff)
			}
		})
	}
}

// The original value of a weighed line is its quantity times the original
// price, rounded once to cents with the ruleset's rounding.
func TestBasisOriginalWeighed(t *testing.T) {
	cart := seedCart(t)
	// 0.735 kg x 19.99 = 14.69265 -> 14.69 (half_even); x 20.00 = 14.70.
	cart.Lines = []promo.Line{{ID: "A", Quantity: testkit.Dec("0.735"), UnitPrice: testkit.Dec("20.00"), OriginalPrice: decimal.NewNullDecimal(testkit.Dec("19.99"))}}
	p := runProbe(t, cart, exchange.Original)
	if diff := cmp.Diff(map[string]decimal.Decimal{"A": testkit.Dec("14.69")}, p.values, testkit.EquateDecimals()); diff != "" {
		t.Errorf("basis (-want +got):\n%s", diff)
	}
}

func TestModeStringParse(t *testing.T) {
	for _, tt := range []struct {
		text string
		mode exchange.Mode
	}{
		{"net", exchange.Net}, {"no_activation", exchange.NoActivation}, {"original", exchange.Original}, {"gross", exchange.Gross},
	} {
		got, err := exchange.ParseMode(tt.text)
		if err != nil || got != tt.mode {
			t.Errorf("ParseMode(%q) = %v, %v; want %v", tt.text, got, err, tt.mode)
		}
		if s := tt.mode.String(); s != tt.text {
			t.Errorf("%v.String() = %q, want %q", tt.mode, s, tt.text)
		}
	}
	if got, err := exchange.ParseMode(""); err != nil || got != exchange.Net {
		t.Errorf(`ParseMode("") = %v, %v; want net (the default)`, got, err)
	}
	if _, err := exchange.ParseMode("liquido"); err == nil || !strings.Contains(err.Error(), "liquido") {
		t.Errorf(`ParseMode("liquido") error = %v, want one naming the value`, err)
	}
	if _, err := exchange.ParseMode("Net"); err == nil {
		t.Error(`ParseMode("Net") accepted: names are lower case`)
	}
	if s := exchange.Mode(9).String(); s != "Mode(9)" {
		t.Errorf("Mode(9).String() = %q", s)
	}
}

// A campaign computing on original prices far above what the line costs
// now proposes more than the line is worth: the kernel caps it.
func TestOriginalCappedAtTheLine(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [
	  {"id": "metade", "name": "50% (troca: original)", "start": "2026-11-01", "no_activation_rules": true,
	   "exchange_mode": "original", "benefit": {"on": "items", "percent": "50"}}]}`))
	cart := seedCart(t)
	// A now costs 10.00 (originally 100.00): 50% of the original is 50.00,
	// capped at 10.00. B: 50% of 1 x 60.00 = 30.00 <= 50.00. C: 25.00.
	cart.Lines = []promo.Line{
		{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00"), OriginalPrice: decimal.NewNullDecimal(testkit.Dec("100.00"))},
		{ID: "B", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("50.00"), OriginalPrice: decimal.NewNullDecimal(testkit.Dec("60.00"))},
		{ID: "C", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("50.00")},
	}
	res := promotest.Evaluate(t, cart, rs)
	got := map[string]decimal.Decimal{}
	for _, l := range res.Lines {
		got[l.ID] = l.Discount
	}
	want := map[string]decimal.Decimal{"A": testkit.Dec("10.00"), "B": testkit.Dec("30.00"), "C": testkit.Dec("25.00")}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("discounts (-want +got):\n%s", diff)
	}
	e, _ := res.TraceFor("metade")
	var codes []promo.ReasonCode
	for _, r := range e.Reasons {
		codes = append(codes, r.Code)
	}
	if diff := cmp.Diff([]promo.ReasonCode{promo.ReasonApplied, promo.ReasonDiscountCapped}, codes); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
	// Gross 110.00 - discount 65.00 = net 45.00; payable 45.00 - 20.00.
	if !res.Totals.Payable.Equal(testkit.Dec("25.00")) {
		t.Errorf("payable = %s, want 25.00", res.Totals.Payable)
	}
}

// Shares follow the lines' ids, not the receipt order: the same lines in
// any order get the same shares; the cent left over goes to the first id.
func TestSharesIndependentOfLineOrder(t *testing.T) {
	rs := promotest.NewRuleset(t, promo.Settings{})
	lines := []promo.Line{
		{ID: "x1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")},
		{ID: "x2", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")},
		{ID: "x3", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")},
	}
	// 10.00 over three equal lines: 3.33 each and the cent to x1.
	want := map[string]decimal.Decimal{"x1": testkit.Dec("3.34"), "x2": testkit.Dec("3.33"), "x3": testkit.Dec("3.33")}
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		cart := seedCart(t)
		cart.Exchanges = []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("5.00")}}
		cart.Lines = nil
		for _, i := range order {
			cart.Lines = append(cart.Lines, lines[i])
		}
		res := promotest.Evaluate(t, cart, rs)
		got := map[string]decimal.Decimal{}
		for _, l := range res.Lines {
			got[l.ID] = l.ExchangeShare
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("order %v: shares (-want +got):\n%s", order, diff)
		}
	}
}

// The exchange value is quantity x unit price rounded with the ruleset's
// rounding: 3 x 3.335 = 10.005 -> 10.00 (half_even), 10.01 (half_up).
func TestExchangeValueRounding(t *testing.T) {
	for _, tt := range []struct{ rounding, want string }{{"half_even", "10.00"}, {"half_up", "10.01"}, {"truncate", "10.00"}} {
		rs := campaign.MustLoad([]byte(fmt.Sprintf(`{"version": 1, "settings": {"rounding": %q}, "campaigns": []}`, tt.rounding)))
		cart := seedCart(t)
		cart.Exchanges = []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("3"), UnitPrice: testkit.Dec("3.335")}}
		res := promotest.Evaluate(t, cart, rs)
		if !res.Totals.Exchange.Equal(testkit.Dec(tt.want)) {
			t.Errorf("%s: exchange = %s, want %s", tt.rounding, res.Totals.Exchange, tt.want)
		}
	}
}

// Property: for any cart (promogen.Cart) and exchange, the result keeps the
// engine's promises (promocheck.Promises), the shares add up exactly to the
// smaller of the exchange value and the sale's gross, no line's share
// exceeds its gross, and Payable = Net - Exchange - Tenders.
func TestSharesProperty(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [
	  {"id": "dez", "name": "10%", "start": "2026-11-01", "no_activation_rules": true, "benefit": {"on": "sale", "percent": "10"}}]}`))
	carts := promogen.Cart(promogen.WithLines(1, 6), promogen.WithWeighedLines(40), promogen.WithPrices(decimal.New(1, -2), decimal.NewFromInt(500)),
		promogen.WithInstant(testkit.At(2026, 11, 21, 10, 0, 0)))
	rapid.Check(t, func(t *rapid.T) {
		cart := carts.Draw(t, "cart")
		gross := decimal.Zero
		for _, l := range cart.Lines {
			gross = gross.Add(l.Quantity.Mul(l.UnitPrice).RoundBank(2))
		}
		ex := decimal.Zero
		for i := range rapid.IntRange(0, 3).Draw(t, "exchanges") {
			p := decimal.New(rapid.Int64Range(0, 80000).Draw(t, "exPrice"), -2)
			cart.Exchanges = append(cart.Exchanges, promo.ExchangeItem{ID: fmt.Sprintf("T%d", i), Quantity: testkit.Dec("1"), UnitPrice: p})
			ex = ex.Add(p)
		}
		res := promotest.EvaluateChecked(t, cart, rs)
		sum := decimal.Zero
		for _, l := range res.Lines {
			if l.ExchangeShare.Sign() < 0 || l.ExchangeShare.GreaterThan(l.Gross) {
				t.Fatalf("line %s: share %s outside [0, %s]", l.ID, l.ExchangeShare, l.Gross)
			}
			sum = sum.Add(l.ExchangeShare)
		}
		if want := decimal.Min(ex, gross); !sum.Equal(want) {
			t.Fatalf("shares sum to %s, want min(%s, %s) = %s", sum, ex, gross, want)
		}
		if !res.Totals.Exchange.Equal(ex) {
			t.Fatalf("exchange = %s, want %s", res.Totals.Exchange, ex)
		}
		if want := res.Totals.Net.Sub(res.Totals.Exchange).Sub(res.Totals.Tenders); !res.Totals.Payable.Equal(want) {
			t.Fatalf("payable = %s, want %s", res.Totals.Payable, want)
		}
	})
}
