package cashback_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// Helpers shared by the package's tests (earn, redeem, wallet, state
// machine). Every expected value is worked out by hand from the rules of
// the Reshop manual ("Benefícios e Cashback"), as stated in the comments.

// stub is a campaign that applies (or not) with a given number of
// occurrences, optionally taking an amount off its first line (item phase).
type stub struct {
	id      string
	occ     int
	off     decimal.Decimal
	applies bool
}

func (s stub) Info() promo.Info {
	return promo.Info{ID: s.id, Name: s.id, Phase: promo.PhaseItem}
}
func (s stub) Keys() promo.Keys { return promo.Keys{CartWide: true} }
func (s stub) Apply(_ *promo.View) promo.Proposal {
	if !s.applies {
		return promo.NotEligible(promo.Reason{Code: promo.ReasonRuleFailed, PT: "não", EN: "no"})
	}
	p := promo.Proposal{Eligible: true, Occurrences: s.occ, RecordOnly: true}
	if s.off.Sign() > 0 {
		p.Adjustments = []promo.Proposed{{Line: 0, Kind: promo.ItemDiscount, Amount: s.off}}
	}
	return p
}

// allLines selects every line (the campaign's eligible lines, for OnItems).
func allLines(v *promo.View) []int {
	out := make([]int, v.Len())
	for i := range out {
		out[i] = i
	}
	return out
}

// firstLine selects line 0 only.
func firstLine(*promo.View) []int { return []int{0} }

func saleCart(id string, t time.Time, prices ...string) promo.Cart {
	c := promo.Cart{ID: id, Time: t, Store: promo.Store{ID: "loja-1"}, Customer: &promo.Customer{ID: "tok-1"}}
	for i, p := range prices {
		c.Lines = append(c.Lines, promo.Line{ID: string(rune('A' + i)), ProductCode: "P", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec(p)})
	}
	return c
}

// earned evaluates cart under the stub campaign c and an earner with s, and
// returns the result and its cashback_earned events.
func earned(t *testing.T, settings promo.Settings, c stub, s cashback.Settings, lines func(*promo.View) []int, cart promo.Cart) (promo.Result, []promo.Event) {
	t.Helper()
	e := cashback.NewEarner(c.Info(), c.Keys(), s, lines)
	rs := promotest.NewRuleset(t, settings, c, e)
	res := promotest.Evaluate(t, cart, rs)
	var out []promo.Event
	for _, ev := range res.Events {
		if ev.Kind == promo.EventCashbackEarned {
			out = append(out, ev)
		}
	}
	return res, out
}

func TestEarnerInfo(t *testing.T) {
	start := testkit.At(2026, 11, 1, 0, 0, 0)
	keys := promo.Keys{ProductCodes: []string{"A"}}
	e := cashback.NewEarner(promo.Info{ID: "cb", Name: "Cashback 5%", Category: "fidelidade", Phase: promo.PhaseSale, Priority: 7,
		Start: start, End: testkit.At(2026, 11, 30, 23, 59, 59)}, keys, cashback.Settings{}, allLines)
	type info struct {
		ID, Name, Category, PartOf string
		Phase                      promo.Phase
		Priority                   int
		Start, End                 time.Time
		Program, Exclusive         bool
	}
	// It runs in the earning phase as a part of the campaign, within the
	// campaign's dates (so that an ended campaign's part names no product
	// "in promotion" for a markdown), never exclusive.
	want := info{ID: "cb/cashback", Name: "Cashback 5% (cashback)", Category: "fidelidade", PartOf: "cb",
		Phase: promo.PhaseEarning, Priority: 7, Start: start, End: testkit.At(2026, 11, 30, 23, 59, 59), Program: true}
	gi := e.Info()
	got := info{ID: gi.ID, Name: gi.Name, Category: gi.Category, PartOf: gi.PartOf, Phase: gi.Phase, Priority: gi.Priority,
		Start: gi.Start, End: gi.End, Program: gi.Program, Exclusive: gi.Exclusive}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Info (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(keys, e.Keys()); diff != "" {
		t.Errorf("Keys (-want +got):\n%s", diff)
	}
	if cashback.Fixed.String() != "fixed" || cashback.Percent.String() != "percent" {
		t.Errorf("Kind strings: %q, %q", cashback.Fixed, cashback.Percent)
	}
}

// The credit window: from the sale instant, or the start of the day
// DaysToStart days later, not before Start; until the end of the day
// UsageLimitDays later, not after End (zero: no expiry).
func TestEarnerWindows(t *testing.T) {
	sale := testkit.SaleTime()
	tests := []struct {
		name        string
		sale        time.Time
		s           cashback.Settings
		from, until time.Time
	}{
		{name: "at once, no expiry", sale: sale, from: sale},
		{name: "next day from midnight", sale: testkit.At(2026, 11, 21, 23, 50, 0), s: cashback.Settings{DaysToStart: 1},
			from: testkit.At(2026, 11, 22, 0, 0, 0)},
		{name: "days to start across the month", sale: testkit.At(2026, 11, 29, 8, 0, 0), s: cashback.Settings{DaysToStart: 3},
			from: testkit.At(2026, 12, 2, 0, 0, 0)},
		{name: "across the year", sale: testkit.At(2026, 12, 30, 18, 0, 0), s: cashback.Settings{DaysToStart: 3, UsageLimitDays: 5},
			from: testkit.At(2027, 1, 2, 0, 0, 0), until: testkit.At(2027, 1, 4, 23, 59, 59)},
		{name: "usage limit of one day", sale: sale, s: cashback.Settings{UsageLimitDays: 1},
			from: sale, until: testkit.At(2026, 11, 22, 23, 59, 59)},
		{name: "usage limit 40 days, end first", sale: sale,
			s:    cashback.Settings{UsageLimitDays: 40, End: testkit.At(2026, 12, 15, 23, 59, 59)},
			from: sale, until: testkit.At(2026, 12, 15, 23, 59, 59)}, // 21/11 + 40 = 31/12, after the end
		{name: "usage limit 10 days before the end", sale: sale,
			s:    cashback.Settings{UsageLimitDays: 10, End: testkit.At(2026, 12, 31, 23, 59, 59)},
			from: sale, until: testkit.At(2026, 12, 1, 23, 59, 59)},
		{name: "end without usage limit", sale: sale, s: cashback.Settings{End: testkit.At(2026, 12, 31, 23, 59, 59)},
			from: sale, until: testkit.At(2026, 12, 31, 23, 59, 59)},
		{name: "start after the days to start", sale: sale, s: cashback.Settings{DaysToStart: 2, Start: testkit.At(2026, 12, 1, 0, 0, 0)},
			from: testkit.At(2026, 12, 1, 0, 0, 0)},
		{name: "start before the days to start", sale: sale, s: cashback.Settings{DaysToStart: 2, Start: testkit.At(2026, 11, 1, 0, 0, 0)},
			from: testkit.At(2026, 11, 23, 0, 0, 0)},
		{name: "start before the sale", sale: sale, s: cashback.Settings{Start: testkit.At(2026, 11, 1, 0, 0, 0)}, from: sale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.s.Kind, tt.s.Value = cashback.Fixed, testkit.Dec("5.00")
			_, evs := earned(t, promo.Settings{}, stub{id: "cb", occ: 1, applies: true}, tt.s, allLines, saleCart("s", tt.sale, "50.00"))
			if len(evs) != 1 {
				t.Fatalf("want 1 cashback_earned event, got %d", len(evs))
			}
			if !evs[0].ValidFrom.Equal(tt.from) || !evs[0].ValidUntil.Equal(tt.until) {
				t.Errorf("window = %v .. %v, want %v .. %v", evs[0].ValidFrom, evs[0].ValidUntil, tt.from, tt.until)
			}
		})
	}
}

func TestEarnerAmount(t *testing.T) {
	sale := testkit.SaleTime()
	tests := []struct {
		name     string
		rounding promo.RoundingMode
		c        stub
		s        cashback.Settings
		lines    func(*promo.View) []int
		prices   []string
		want     string // "" = no credit
	}{
		{name: "fixed once per sale", c: stub{occ: 3}, s: cashback.Settings{Kind: cashback.Fixed, Value: testkit.Dec("5.00")},
			prices: []string{"60.00"}, want: "5.00"},
		{name: "fixed accumulated per occurrence", c: stub{occ: 3},
			s: cashback.Settings{Kind: cashback.Fixed, Value: testkit.Dec("5.00"), Accumulate: true}, prices: []string{"60.00"}, want: "15.00"},
		// A percent is of the purchase: accumulating does not multiply it.
		{name: "percent not multiplied", c: stub{occ: 3},
			s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10"), Accumulate: true}, prices: []string{"60.00"}, want: "6.00"},
		// 10% of (100.00 - 19.00 + 30.00) = 11.10: after the discount.
		{name: "percent after discounts", c: stub{occ: 1, off: testkit.Dec("19.00")},
			s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10")}, prices: []string{"100.00", "30.00"}, want: "11.10"},
		// On item: only line A, after its discount: 10% of 81.00.
		{name: "percent on the campaign's lines", c: stub{occ: 1, off: testkit.Dec("19.00")},
			s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10"), OnItems: true}, lines: firstLine,
			prices: []string{"100.00", "30.00"}, want: "8.10"},
		// On the sale but its exceptions: SaleLines keeps line A only, 10%
		// of 100.00 (B's 30.00 is an exception).
		{name: "percent on the sale's lines", c: stub{occ: 1},
			s:      cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10"), SaleLines: firstLine},
			prices: []string{"100.00", "30.00"}, want: "10.00"},
		// 2.5% of 81.00 = 2.025, rounded once with the ruleset's mode.
		{name: "half_even", c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("2.5")},
			prices: []string{"81.00"}, want: "2.02"},
		{name: "half_up", rounding: promo.HalfUp, c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("2.5")},
			prices: []string{"81.00"}, want: "2.03"},
		{name: "truncate", rounding: promo.Truncate, c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("2.5")},
			prices: []string{"81.00"}, want: "2.02"},
		// Rounded once on the total, not per line: 1% of 0.40 + 0.40 =
		// 0.008 -> 0.01 (per line: 0.004 -> 0.00 twice).
		{name: "rounded once", c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("1")},
			prices: []string{"0.40", "0.40"}, want: "0.01"},
		// 1% of 0.40 = 0.004 -> 0.00: nothing to credit.
		{name: "zero credit", c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("1")},
			prices: []string{"0.40"}},
		// Everything discounted: 10% of 0.
		{name: "sale fully discounted", c: stub{occ: 1, off: testkit.Dec("50.00")}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10")},
			prices: []string{"50.00"}},
		// The maximum per sale (valor máximo a ser acumulado): 10% of
		// 200.00 = 20.00, capped at 15.00; 3 × 5.00 = 15.00 capped at
		// 12.00; 10% of 100.00 = 10.00 is under 15.00.
		{name: "percent capped per sale", c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10"), MaxAmount: testkit.Dec("15.00")},
			prices: []string{"200.00"}, want: "15.00"},
		{name: "fixed accumulated, capped per sale", c: stub{occ: 3},
			s: cashback.Settings{Kind: cashback.Fixed, Value: testkit.Dec("5.00"), Accumulate: true, MaxAmount: testkit.Dec("12.00")}, prices: []string{"60.00"}, want: "12.00"},
		{name: "under the cap", c: stub{occ: 1}, s: cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10"), MaxAmount: testkit.Dec("15.00")},
			prices: []string{"100.00"}, want: "10.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.id, tt.c.applies = "cb", true
			lines := tt.lines
			if lines == nil {
				lines = allLines
			}
			res, evs := earned(t, promo.Settings{Rounding: tt.rounding}, tt.c, tt.s, lines, saleCart("s", sale, tt.prices...))
			var got []string
			for _, e := range evs {
				got = append(got, e.Amount.StringFixed(2))
			}
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("credits (-want +got):\n%s", diff)
			}
			// The campaign applied either way; the earner has no trace
			// entry of its own.
			if e, ok := res.TraceFor("cb"); !ok || !e.Applied {
				t.Errorf("campaign trace = %+v, want applied", e)
			}
			if _, ok := res.TraceFor("cb/cashback"); ok {
				t.Error("the earner has a trace entry of its own")
			}
			// A cap that binds is noted on the campaign's entry.
			e, _ := res.TraceFor("cb")
			noted := false
			for _, r := range e.Reasons {
				noted = noted || r.Code == cashback.ReasonCashbackCapped
			}
			binds := tt.s.MaxAmount.Sign() > 0 && tt.want == tt.s.MaxAmount.StringFixed(2)
			if noted != binds {
				t.Errorf("cashback_capped noted: %v, want %v (reasons %+v)", noted, binds, e.Reasons)
			}
		})
	}
}

// No credit when the campaign did not apply.
func TestEarnerNeedsTheCampaign(t *testing.T) {
	res, evs := earned(t, promo.Settings{}, stub{id: "cb", applies: false},
		cashback.Settings{Kind: cashback.Fixed, Value: testkit.Dec("5.00")}, allLines, saleCart("s", testkit.At(2026, 11, 21, 10, 0, 0), "50.00"))
	if len(evs) != 0 {
		t.Errorf("credits %+v from a campaign that did not apply", evs)
	}
	if e, _ := res.TraceFor("cb"); e.Code() != promo.ReasonRuleFailed {
		t.Errorf("campaign trace code = %q, want rule_failed", e.Code())
	}
}

// The event carries the campaign, the store, the customer's token and a
// copy of the terms; its id depends on the cart id only, so a retried sale
// gets the same id and another sale another.
func TestEarnedEvent(t *testing.T) {
	terms := promo.CreditTerms{MinPurchase: testkit.Dec("50.00"), MaxRedeemPercent: testkit.Dec("20"), ReviewRequired: true, UseAveragePrice: true}
	s := cashback.Settings{Kind: cashback.Fixed, Value: testkit.Dec("10.00"), Terms: terms}
	c := stub{id: "cb", occ: 1, applies: true}
	cart := saleCart("venda-1", testkit.At(2026, 11, 21, 10, 0, 0), "50.00")
	cart.Store.ID = "loja-9"
	_, first := earned(t, promo.Settings{}, c, s, allLines, cart)
	_, again := earned(t, promo.Settings{}, c, s, allLines, cart)
	other := cart
	other.ID = "venda-2"
	_, second := earned(t, promo.Settings{}, c, s, allLines, other)
	if len(first) != 1 || len(again) != 1 || len(second) != 1 {
		t.Fatalf("events: %d, %d, %d; want one each", len(first), len(again), len(second))
	}
	e := first[0]
	if e.Campaign != "cb" || e.Store != "loja-9" || e.Customer != "tok-1" || !e.Amount.Equal(testkit.Dec("10.00")) {
		t.Errorf("event = %+v", e)
	}
	if e.Terms == nil {
		t.Fatal("no terms on the event")
	}
	if diff := cmp.Diff(terms, *e.Terms, testkit.EquateDecimals()); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
	if e.ID == "" || e.ID != again[0].ID {
		t.Errorf("ids of a retried sale: %q, %q", e.ID, again[0].ID)
	}
	if e.ID == second[0].ID {
		t.Errorf("two sales share the event id %q", e.ID)
	}
}

// A credit must be redeemable some day: the host stores it and passes it
// back in the next cart, which ValidateCart rejects when its expiry comes
// before its availability. A sale after the cashback's end (the campaign
// itself still running) must not earn a credit whose window is inverted.
func TestEarnedWindowNotInverted(t *testing.T) {
	s := cashback.Settings{Kind: cashback.Fixed, Value: testkit.Dec("5.00"), End: testkit.At(2026, 12, 31, 23, 59, 59)}
	sale := testkit.At(2027, 1, 5, 10, 0, 0)
	_, evs := earned(t, promo.Settings{}, stub{id: "cb", occ: 1, applies: true}, s, allLines, saleCart("s", sale, "50.00"))
	checkWindows(t, sale, evs)
}

// Same with days_to_start beyond usage_limit_days, as a ruleset: either
// the definition is refused or the credits it earns have a valid window.
func TestDaysToStartBeyondUsageLimit(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [{"id": "cb", "name": "cb", "start": "2026-11-01",
	  "no_activation_rules": true, "extras": {"cashback": {"kind": "fixed", "value": "5.00", "days_to_start": 10, "usage_limit_days": 5}}}]}`))
	if err != nil {
		return // refused at compile time: fine
	}
	sale := testkit.At(2026, 11, 21, 10, 0, 0)
	res := promotest.Evaluate(t, saleCart("s", sale, "50.00"), rs)
	checkWindows(t, sale, res.Events)
}

// checkWindows checks that every credit earned can be put back in a cart.
func checkWindows(t *testing.T, sale time.Time, evs []promo.Event) {
	t.Helper()
	var w cashback.Wallet
	if err := w.Apply(sale, evs); err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Kind == promo.EventCashbackEarned && !e.ValidUntil.IsZero() && e.ValidUntil.Before(e.ValidFrom) {
			t.Errorf("credit of %s available from %v but expiring at %v: it can never be redeemed", e.Amount, e.ValidFrom, e.ValidUntil)
		}
	}
	next := saleCart("next", sale.Add(time.Hour), "50.00")
	next.Wallet = w.Credits()
	if err := promo.ValidateCart(&next); err != nil {
		t.Errorf("the next cart with the wallet is invalid: %v", err)
	}
}

// Cashback is one of the campaign's benefits: under the default exchange
// mode (net) it is computed, like the discount, on the values net of the
// exchange credit (the Reshop manual: "a campanha fornecerá o desconto com base nos
// valores após o abatimento da troca"); with no_activation there is none.
// The manual's cart: 100 + 50 + 50, 20.00 of exchange, 10% off the sale =
// 18.00 (on 180.00); the customer pays 200 - 18 - 20 = 162.00, and 10%
// cashback of that is 16.20 (not 18.20, 10% of the 182.00 net before the
// exchange credit).
func TestEarnedNetOfExchange(t *testing.T) {
	for _, tt := range []struct{ mode, want string }{{"net", "16.20"}, {"no_activation", ""}} {
		t.Run(tt.mode, func(t *testing.T) {
			rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [{"id": "cb", "name": "10% e 10% de cashback",
			  "start": "2026-11-01", "no_activation_rules": true, "exchange_mode": "` + tt.mode + `",
			  "benefit": {"on": "sale", "percent": "10"}, "extras": {"cashback": {"kind": "percent", "value": "10"}}}]}`))
			cart := saleCart("troca", testkit.SaleTime(), "100.00", "50.00", "50.00")
			cart.Exchanges = []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("20.00")}}
			res := promotest.Evaluate(t, cart, rs)
			var got []string
			for _, e := range res.Events {
				if e.Kind == promo.EventCashbackEarned {
					got = append(got, e.Amount.StringFixed(2))
				}
			}
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("cashback earned (-want +got):\n%s", diff)
			}
		})
	}
}

// The credit records the lines it was earned on, with what each cost, so
// that a return takes back its share: in line-id order whatever the cart's
// order, and only the lines that cost something.
func TestEarnedWeights(t *testing.T) {
	s := cashback.Settings{Kind: cashback.Percent, Value: testkit.Dec("10")}
	cart := saleCart("pesos", testkit.SaleTime())
	cart.Lines = []promo.Line{promotest.Line("c", "1", "30.00"), promotest.Line("a", "2", "5.00"),
		promotest.Line("z", "1", "0.00"), promotest.Line("b", "1", "20.00")}
	_, evs := earned(t, promo.Settings{}, stub{id: "cb", occ: 1, applies: true}, s, allLines, cart)
	if len(evs) != 1 {
		t.Fatalf("%d credits earned, want 1", len(evs))
	}
	// 10 % of 30.00 + 10.00 + 0.00 + 20.00 = 6.00, on a, b and c (z costs
	// nothing).
	want := []promo.LineWeight{{Line: "a", Weight: testkit.Dec("10.00")}, {Line: "b", Weight: testkit.Dec("20.00")},
		{Line: "c", Weight: testkit.Dec("30.00")}}
	if diff := cmp.Diff(want, evs[0].Weights, testkit.EquateDecimals()); diff != "" {
		t.Errorf("weights (-want +got):\n%s", diff)
	}
	if !evs[0].Amount.Equal(testkit.Dec("6.00")) {
		t.Errorf("amount = %s, want 6.00", evs[0].Amount)
	}
}
