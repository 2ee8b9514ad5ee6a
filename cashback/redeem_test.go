package cashback_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// redeemSale is the instant of the sales in these tests.
var redeemSale = testkit.SaleTime()

// credit is a wallet credit available since 2026-11-01 09:00, earned then,
// with no expiry and no terms unless changed.
func credit(id, remaining string) promo.Credit {
	t := testkit.At(2026, 11, 1, 9, 0, 0)
	return promo.Credit{ID: id, Campaign: "cb", Remaining: testkit.Dec(remaining), EarnedAt: t, AvailableFrom: t}
}

func (rt redeemTest) evaluate(t *testing.T) promo.Result {
	t.Helper()
	rs := promotest.NewRuleset(t, promo.Settings{}, cashback.NewRedeemer(rt.mode))
	cart := saleCart("venda", redeemSale, rt.prices...)
	cart.Wallet = rt.wallet
	cart.Exchanges = rt.exchanges
	res := promotest.Evaluate(t, cart, rs)
	return res
}

type redeemTest struct {
	mode      cashback.Mode
	prices    []string
	wallet    []promo.Credit
	exchanges []promo.ExchangeItem
}

// taken is one credit touched, as "id=amount".
func taken(res promo.Result) []string {
	var out []string
	for _, e := range res.Events {
		if e.Kind == promo.EventCashbackRedeemed {
			out = append(out, e.Credit+"="+e.Amount.StringFixed(2))
		}
	}
	return out
}

func TestRedeemerInfo(t *testing.T) {
	r := cashback.NewRedeemer(cashback.AsDiscount)
	in := r.Info()
	if cashback.RedeemerID != "cashback/redemption" {
		t.Errorf("RedeemerID = %q", cashback.RedeemerID)
	}
	if in.ID != cashback.RedeemerID || in.Phase != promo.PhaseRedemption || !in.Program || in.Exclusive {
		t.Errorf("Info = %+v", in)
	}
	if !r.Keys().CartWide {
		t.Error("the redeemer must look at every cart")
	}
}

func TestParseMode(t *testing.T) {
	for _, tt := range []struct {
		text string
		mode cashback.Mode
		name string
	}{{"", cashback.AsDiscount, "discount"}, {"discount", cashback.AsDiscount, "discount"}, {"tender", cashback.AsTender, "tender"}} {
		got, err := cashback.ParseMode(tt.text)
		if err != nil || got != tt.mode {
			t.Errorf("ParseMode(%q) = %v, %v; want %v", tt.text, got, err, tt.mode)
		}
		if got.String() != tt.name {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), tt.name)
		}
	}
	for _, bad := range []string{"desconto", "Tender", "payment", " discount"} {
		if _, err := cashback.ParseMode(bad); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", bad)) {
			t.Errorf("ParseMode(%q) error = %v, want one naming the value", bad, err)
		}
	}
}

// Credits are used soonest expiry first (no expiry last), then earned
// first, then by id, whatever their order in the wallet.
func TestRedeemOrder(t *testing.T) {
	exp := func(c promo.Credit, e time.Time) promo.Credit { c.ExpiresAt = e; return c }
	earnedAt := func(c promo.Credit, e time.Time) promo.Credit { c.EarnedAt, c.AvailableFrom = e, e; return c }
	dec01, dec10 := testkit.At(2026, 12, 1, 23, 59, 59), testkit.At(2026, 12, 10, 23, 59, 59)
	wallet := []promo.Credit{
		earnedAt(credit("a-sem-validade-nova", "6.00"), testkit.At(2026, 11, 10, 9, 0, 0)),
		exp(credit("y-dez10", "4.00"), dec10),
		earnedAt(credit("z-sem-validade-antiga", "5.00"), testkit.At(2026, 10, 1, 9, 0, 0)),
		exp(earnedAt(credit("x-dez01-b", "3.00"), testkit.At(2026, 11, 3, 9, 0, 0)), dec01),
		exp(earnedAt(credit("w-dez01-a", "2.00"), testkit.At(2026, 11, 3, 9, 0, 0)), dec01),
		exp(earnedAt(credit("v-dez01-cedo", "1.00"), testkit.At(2026, 11, 1, 9, 0, 0)), dec01),
	}
	want := []string{"v-dez01-cedo=1.00", "w-dez01-a=2.00", "x-dez01-b=3.00", "y-dez10=4.00",
		"z-sem-validade-antiga=5.00", "a-sem-validade-nova=6.00"}
	for _, rot := range []int{0, 1, 2, 3, 4, 5} {
		w := append(append([]promo.Credit(nil), wallet[rot:]...), wallet[:rot]...)
		res := redeemTest{prices: []string{"1000.00"}, wallet: w}.evaluate(t)
		if diff := cmp.Diff(want, taken(res)); diff != "" {
			t.Errorf("rotation %d: credits taken (-want +got):\n%s", rot, diff)
		}
	}
}

// Each condition a credit needs, at its boundary: the sale is at
// 2026-11-21 10:15:00 and costs 100.00. When nothing is redeemed, the
// note says why for each credit with a balance (none for a credit with
// nothing left).
func TestRedeemConditions(t *testing.T) {
	const none = "nenhum crédito utilizável"
	tests := []struct {
		name   string
		change func(*promo.Credit)
		want   string // "" = nothing redeemed
		why    string // the note when nothing is redeemed
	}{
		{"available at the sale instant", func(c *promo.Credit) { c.AvailableFrom = redeemSale }, "10.00", ""},
		{"available a second later", func(c *promo.Credit) { c.AvailableFrom = redeemSale.Add(time.Second) }, "",
			none + ": cr: disponível a partir de 21/11/2026 10:15"},
		{"expires at the sale instant", func(c *promo.Credit) { c.ExpiresAt = redeemSale }, "10.00", ""},
		{"expired a second before", func(c *promo.Credit) { c.ExpiresAt = redeemSale.Add(-time.Second) }, "", none + ": cr: expirado"},
		{"review required, not answered", func(c *promo.Credit) { c.Terms.ReviewRequired = true }, "",
			none + ": cr: aguarda a resposta da pesquisa"},
		{"review required and answered", func(c *promo.Credit) { c.Terms.ReviewRequired, c.ReviewAnswered = true, true }, "10.00", ""},
		{"review answered, not required", func(c *promo.Credit) { c.ReviewAnswered = true }, "10.00", ""},
		{"minimum purchase reached exactly", func(c *promo.Credit) { c.Terms.MinPurchase = testkit.Dec("100.00") }, "10.00", ""},
		{"minimum purchase one cent above", func(c *promo.Credit) { c.Terms.MinPurchase = testkit.Dec("100.01") }, "",
			none + ": cr: compra mínima de R$ 100,01"},
		{"nothing left", func(c *promo.Credit) { c.Remaining = decimal.Zero }, "", none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := credit("cr", "10.00")
			tt.change(&c)
			res := redeemTest{prices: []string{"100.00"}, wallet: []promo.Credit{c}}.evaluate(t)
			var want []string
			wantNote := promo.Reason{Code: cashback.ReasonNothingToRedeem, PT: tt.why, EN: "no usable credit"}
			if tt.want != "" {
				want = []string{"cr=" + tt.want}
				wantNote = promo.Reason{Code: cashback.ReasonCashbackRedeemed,
					PT: "cashback resgatado: R$ " + strings.ReplaceAll(tt.want, ".", ","), EN: "cashback redeemed: R$ " + tt.want}
			}
			if diff := cmp.Diff(want, taken(res)); diff != "" {
				t.Errorf("credits taken (-want +got):\n%s", diff)
			}
			e, ok := res.TraceFor(cashback.RedeemerID)
			if !ok || len(e.Reasons) == 0 {
				t.Fatalf("no trace reasons for the redemption: %+v", e)
			}
			// Applied, the note follows the "applied" reason.
			if diff := cmp.Diff(wantNote, e.Reasons[len(e.Reasons)-1]); diff != "" {
				t.Errorf("the redemption's note (-want +got):\n%s", diff)
			}
		})
	}
}

// The cap (limite de resgate, % of the sale) bounds the whole sale's
// redemption when the credit that has it is used, truncated to cents.
func TestRedeemCap(t *testing.T) {
	capped := func(id, remaining, pct string) promo.Credit {
		c := credit(id, remaining)
		c.Terms.MaxRedeemPercent = testkit.Dec(pct)
		c.ExpiresAt = testkit.At(2026, 12, 31, 23, 59, 59) // before the uncapped ones below
		return c
	}
	tests := []struct {
		name   string
		prices []string
		wallet []promo.Credit
		want   []string
	}{
		// The manual: 10% of 100.00 = 10.00 of a balance of 30.00.
		{"the manual's example", []string{"100.00"}, []promo.Credit{capped("cr", "30.00", "10")}, []string{"cr=10.00"}},
		// 10% of 99.99 = 9.999 -> 9.99 (truncated, never above the cap).
		{"truncated", []string{"99.99"}, []promo.Credit{capped("cr", "30.00", "10")}, []string{"cr=9.99"}},
		// 12.5% of 9.99 = 1.24875 -> 1.24.
		{"truncated again", []string{"9.99"}, []promo.Credit{capped("cr", "30.00", "12.5")}, []string{"cr=1.24"}},
		// Below the cap: all of the credit.
		{"credit below the cap", []string{"100.00"}, []promo.Credit{capped("cr", "4.00", "10")}, []string{"cr=4.00"}},
		// An uncapped credit first (expiring sooner) takes 8.00; the capped
		// one then has 10.00 - 8.00 = 2.00 of room.
		{"earlier credits count", []string{"100.00"}, []promo.Credit{
			capped("b", "30.00", "10"), func() promo.Credit {
				c := credit("a", "8.00")
				c.ExpiresAt = testkit.At(2026, 12, 1, 0, 0, 0)
				return c
			}(),
		}, []string{"a=8.00", "b=2.00"}},
		// The first took 15.00: the 10% cap is already passed.
		{"cap already reached", []string{"100.00"}, []promo.Credit{
			capped("b", "30.00", "10"), func() promo.Credit {
				c := credit("a", "15.00")
				c.ExpiresAt = testkit.At(2026, 12, 1, 0, 0, 0)
				return c
			}(),
		}, []string{"a=15.00"}},
		// A capped credit used first bounds the sale when it is used: an
		// uncapped one after it may still take up to the sale's value
		// (100.00 - 10.00 = 90.00 >= 50.00).
		{"uncapped after capped", []string{"100.00"}, []promo.Credit{capped("a", "30.00", "10"), credit("b", "50.00")},
			[]string{"a=10.00", "b=50.00"}},
		// Never more than the sale: 120.00 of 500.00.
		{"never more than the sale", []string{"100.00", "20.00"}, []promo.Credit{credit("a", "500.00")}, []string{"a=120.00"}},
		// Two caps: 30% of 50.00 = 15.00 for the first; the second's 20%
		// = 10.00 is already passed.
		{"two caps", []string{"50.00"}, []promo.Credit{capped("a", "40.00", "30"),
			func() promo.Credit {
				c := capped("b", "40.00", "20")
				c.ExpiresAt = testkit.At(2027, 1, 1, 0, 0, 0)
				return c
			}()},
			[]string{"a=15.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := redeemTest{prices: tt.prices, wallet: tt.wallet}.evaluate(t)
			if diff := cmp.Diff(tt.want, taken(res)); diff != "" {
				t.Errorf("credits taken (-want +got):\n%s", diff)
			}
		})
	}
}

// Redeemed as a discount: each credit's amount is spread over the lines by
// value (largest remainder, ties by line id), or equally per unit when the
// credit uses the items' average price and every line can take it.
func TestRedeemAsDiscount(t *testing.T) {
	avg := func(c promo.Credit) promo.Credit { c.Terms.UseAveragePrice = true; return c }
	tests := []struct {
		name   string
		lines  []promo.Line
		wallet []promo.Credit
		want   map[string]string // line -> discount
	}{
		// 10.00 over 10.00 and 20.00: 3.333 and 6.666; floors 3.33 + 6.66,
		// the cent to the larger remainder (B).
		{"by value", []promo.Line{{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}, {ID: "B", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("20.00")}},
			[]promo.Credit{credit("cr", "10.00")}, map[string]string{"A": "3.33", "B": "6.67"}},
		// 10.00 over 5 units: 2.00 each; A 1 unit, B 4 units.
		{"average price", []promo.Line{{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("100.00")}, {ID: "B", Quantity: testkit.Dec("4"), UnitPrice: testkit.Dec("5.00")}},
			[]promo.Credit{avg(credit("cr", "10.00"))}, map[string]string{"A": "2.00", "B": "8.00"}},
		// 10.00 over 2 units would put 5.00 on B, which costs 2.00: by
		// value instead: 10 x 100/102 = 9.8039 and 10 x 2/102 = 0.1960;
		// floors 9.80 + 0.19, the cent to B's larger remainder.
		{"average price does not fit", []promo.Line{{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("100.00")}, {ID: "B", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("2.00")}},
			[]promo.Credit{avg(credit("cr", "10.00"))}, map[string]string{"A": "9.80", "B": "0.20"}},
		// 10.00 over three lines of 10.00: 3.33 each and a cent left, to
		// the lowest line id (A), though C comes first in the cart.
		{"equal remainders by line id", []promo.Line{{ID: "C", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")},
			{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}, {ID: "B", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("10.00")}},
			[]promo.Credit{credit("cr", "10.00")}, map[string]string{"A": "3.34", "B": "3.33", "C": "3.33"}},
		// A line that costs nothing takes no share and no unit: 10.00 over
		// A's 1 unit and B's 4, 2.00 each, as without Z.
		{"average price, a line at zero", []promo.Line{{ID: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("100.00")},
			{ID: "Z", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("0.00")}, {ID: "B", Quantity: testkit.Dec("4"), UnitPrice: testkit.Dec("5.00")}},
			[]promo.Credit{avg(credit("cr", "10.00"))}, map[string]string{"A": "2.00", "B": "8.00", "Z": "0.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := promotest.NewRuleset(t, promo.Settings{}, cashback.NewRedeemer(cashback.AsDiscount))
			cart := saleCart("venda", redeemSale)
			cart.Lines, cart.Wallet = tt.lines, tt.wallet
			res := promotest.Evaluate(t, cart, rs)
			got := map[string]string{}
			for _, l := range res.Lines {
				got[l.ID] = l.Discount.StringFixed(2)
				for _, a := range l.Adjustments {
					if a.Campaign != cashback.RedeemerID || a.Kind != promo.CashbackRedemption || a.Amount.Sign() <= 0 {
						t.Errorf("line %s: adjustment %+v", l.ID, a)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("discounts (-want +got):\n%s", diff)
			}
			if len(res.Tenders) != 0 || !res.Totals.Tenders.IsZero() {
				t.Errorf("tenders %+v in discount mode", res.Tenders)
			}
			if !res.Totals.Payable.Equal(res.Totals.Net) {
				t.Errorf("payable %s, want the net %s", res.Totals.Payable, res.Totals.Net)
			}
		})
	}
}

// Redeemed as a tender: no adjustment, a payment with NFC-e code 19.
func TestRedeemAsTender(t *testing.T) {
	res := redeemTest{mode: cashback.AsTender, prices: []string{"60.00", "20.00"},
		wallet: []promo.Credit{credit("a", "5.00"), credit("b", "7.50")}}.evaluate(t)
	if diff := cmp.Diff([]string{"a=5.00", "b=7.50"}, taken(res)); diff != "" {
		t.Errorf("credits taken (-want +got):\n%s", diff)
	}
	want := []promo.Tender{{Kind: "cashback", NFCeCode: "19", Amount: testkit.Dec("12.50")}}
	if diff := cmp.Diff(want, res.Tenders, testkit.EquateDecimals()); diff != "" {
		t.Errorf("tenders (-want +got):\n%s", diff)
	}
	for _, l := range res.Lines {
		if len(l.Adjustments) != 0 {
			t.Errorf("line %s adjusted: %+v", l.ID, l.Adjustments)
		}
	}
	// 80.00 - 12.50.
	wantTotals := promo.Totals{Gross: testkit.Dec("80.00"), Discount: testkit.Dec("0"), Net: testkit.Dec("80.00"), Exchange: testkit.Dec("0"), Tenders: testkit.Dec("12.50"), Payable: testkit.Dec("67.50")}
	if diff := cmp.Diff(wantTotals, res.Totals, testkit.EquateDecimals()); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
}

// Without a wallet the redemption has nothing to look at: no trace entry,
// no event.
// A customer who keeps the cashback for later (Cart.KeepCashback) redeems
// nothing, though the wallet has a usable credit; the trace says why.
func TestRedeemKept(t *testing.T) {
	rs := promotest.NewRuleset(t, promo.Settings{}, cashback.NewRedeemer(cashback.AsDiscount))
	cart := saleCart("venda", redeemSale, "50.00")
	cart.Wallet, cart.KeepCashback = []promo.Credit{credit("cr", "10.00")}, true
	res := promotest.Evaluate(t, cart, rs)
	if got := taken(res); len(got) != 0 {
		t.Errorf("credits taken %v, want none", got)
	}
	if !res.Totals.Net.Equal(testkit.Dec("50.00")) {
		t.Errorf("net %s, want 50.00", res.Totals.Net)
	}
	if e, ok := res.TraceFor(cashback.RedeemerID); !ok || e.Applied || e.Code() != cashback.ReasonCashbackKept {
		t.Errorf("trace entry %+v, want not applied with %s", e, cashback.ReasonCashbackKept)
	}
}

func TestRedeemWithoutWallet(t *testing.T) {
	res := redeemTest{prices: []string{"50.00"}}.evaluate(t)
	if e, ok := res.TraceFor(cashback.RedeemerID); ok {
		t.Errorf("trace entry %+v for a cart without wallet", e)
	}
	if len(res.Events) != 0 {
		t.Errorf("events %+v", res.Events)
	}
}

// One event per credit touched, with the customer's token, the credit and
// an id that a retried sale repeats and that differs between credits.
func TestRedeemedEvents(t *testing.T) {
	rt := redeemTest{prices: []string{"50.00"}, wallet: []promo.Credit{credit("a", "5.00"), credit("b", "5.00"), credit("c", "0")}}
	first, again := rt.evaluate(t), rt.evaluate(t)
	var ids []string
	for k, e := range first.Events {
		if e.Kind != promo.EventCashbackRedeemed || e.Customer != "tok-1" || e.Campaign != cashback.RedeemerID {
			t.Errorf("event %+v", e)
		}
		if e.ID == "" || e.ID != again.Events[k].ID {
			t.Errorf("event %d: ids %q and %q for the same sale", k, e.ID, again.Events[k].ID)
		}
		ids = append(ids, e.ID)
	}
	if len(ids) != 2 || ids[0] == ids[1] {
		t.Errorf("ids %q: want two distinct", ids)
	}
}

// What the customer still owes after an exchange credit is Net - Exchange;
// cashback redeemed beyond it would turn the wallet into money (a
// negative payable, a vale-troca paid with cashback). Sale 100.00,
// exchange 90.00, wallet 30.00: at most 10.00 can be redeemed, payable 0.
func TestRedeemNotBeyondWhatIsOwed(t *testing.T) {
	for _, mode := range []cashback.Mode{cashback.AsDiscount, cashback.AsTender} {
		t.Run(mode.String(), func(t *testing.T) {
			res := redeemTest{mode: mode, prices: []string{"100.00"}, wallet: []promo.Credit{credit("cr", "30.00")},
				exchanges: []promo.ExchangeItem{{ID: "T1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("90.00")}}}.evaluate(t)
			if diff := cmp.Diff([]string{"cr=10.00"}, taken(res)); diff != "" {
				t.Errorf("credits taken (-want +got):\n%s", diff)
			}
			if !res.Totals.Payable.IsZero() {
				t.Errorf("payable = %s, want 0.00", res.Totals.Payable)
			}
		})
	}
}

// redeemRecorder is the redeemer keeping the last proposal it made.
type redeemRecorder struct {
	*cashback.Redeemer
	got *promo.Proposal
}

func (r redeemRecorder) Apply(v *promo.View) promo.Proposal {
	p := r.Redeemer.Apply(v)
	*r.got = p
	return p
}

// Redeemed as a discount, the credit is proposed on the lines that take a
// share of it, and only those: none on a line that costs nothing.
func TestRedeemProposesOnlyShares(t *testing.T) {
	var got promo.Proposal
	rs := promotest.NewRuleset(t, promo.Settings{}, redeemRecorder{cashback.NewRedeemer(cashback.AsDiscount), &got})
	cart := saleCart("venda", redeemSale, "0.00", "100.00")
	cart.Wallet = []promo.Credit{credit("cr", "10.00")}
	promotest.Evaluate(t, cart, rs)
	want := []promo.Proposed{{Line: 1, Kind: promo.CashbackRedemption, Amount: testkit.Dec("10.00")}}
	if diff := cmp.Diff(want, got.Adjustments, testkit.EquateDecimals()); diff != "" {
		t.Errorf("adjustments (-want +got):\n%s", diff)
	}
}
