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
	"github.com/promokit/promokit/refund"
)

// checkTotals checks the wallet's books: what it says was earned,
// redeemed, expired and reversed, its balance, and that nothing is lost:
// earned = redeemed + expired + reversed + balance.
func checkTotals(t *testing.T, step string, w *cashback.Wallet, earned, redeemed, expired, reversed, balance string) {
	t.Helper()
	e, r, x, v := w.Totals()
	type books struct{ Earned, Redeemed, Expired, Reversed, Balance decimal.Decimal }
	want := books{testkit.Dec(earned), testkit.Dec(redeemed), testkit.Dec(expired), testkit.Dec(reversed), testkit.Dec(balance)}
	got := books{e, r, x, v, w.Balance()}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("%s: wallet (-want +got):\n%s", step, diff)
	}
	if !e.Equal(r.Add(x).Add(v).Add(w.Balance())) {
		t.Errorf("%s: earned %s != redeemed %s + expired %s + reversed %s + balance %s", step, e, r, x, v, w.Balance())
	}
}

func cashbackEvents(res promo.Result) []promo.Event {
	var out []promo.Event
	for _, e := range res.Events {
		switch e.Kind {
		case promo.EventCashbackEarned, promo.EventCashbackRedeemed, promo.EventCashbackReversed:
			out = append(out, e)
		}
	}
	return out
}

// One customer's wallet across five sales and a month: earn, wait, redeem
// partially under the cap, fall under the minimum, expire. A retried sale
// (evaluated again, or its events applied again) changes nothing.
func TestWalletAcrossSales(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "settings": {"cashback_redemption": "discount"}, "campaigns": [
	  {"id": "cb-a", "name": "10% de cashback em A", "start": "2026-11-01",
	   "rules": {"conditions": [{"kind": "product_code", "values": ["A"]}]},
	   "extras": {"cashback": {"kind": "percent", "value": "10", "apply_on": "item", "days_to_start": 3,
	     "usage_limit_days": 30, "min_purchase": "80.00", "max_redeem_percent": "10"}}}]}`))
	var w cashback.Wallet
	sale := func(id string, when time.Time, code, price string) (promo.Cart, promo.Result) {
		t.Helper()
		c := promo.Cart{ID: id, Time: when, Store: promo.Store{ID: "loja-1"}, Customer: &promo.Customer{ID: "tok-w"},
			Lines:  []promo.Line{{ID: "1", ProductCode: code, Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec(price)}},
			Wallet: w.Credits()}
		res := promotest.Evaluate(t, c, rs)
		if err := w.Apply(when, res.Events); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		return c, res
	}
	redemptionCode := func(res promo.Result) promo.ReasonCode {
		e, _ := res.TraceFor(cashback.RedeemerID)
		return e.Code()
	}

	// Sale 1, 2026-11-02 10:00: A for 200.00 earns 10% = 20.00, available
	// from the start of the 3rd day after, 2026-11-05 00:00, until the end
	// of the 30th, 2026-12-02 23:59:59, with the campaign's terms.
	t1 := testkit.At(2026, 11, 2, 10, 0, 0)
	cart1, res1 := sale("venda-1", t1, "A", "200.00")
	evs := cashbackEvents(res1)
	if len(evs) != 1 || evs[0].Kind != promo.EventCashbackEarned {
		t.Fatalf("sale 1: cashback events %+v, want one earned", evs)
	}
	wantCredit := []promo.Credit{{ID: evs[0].ID, Campaign: "cb-a", Remaining: testkit.Dec("20.00"), EarnedAt: t1, Store: "loja-1",
		AvailableFrom: testkit.At(2026, 11, 5, 0, 0, 0), ExpiresAt: testkit.At(2026, 12, 2, 23, 59, 59),
		Terms: promo.CreditTerms{MinPurchase: testkit.Dec("80.00"), MaxRedeemPercent: testkit.Dec("10")}}}
	if diff := cmp.Diff(wantCredit, w.Credits(), testkit.EquateDecimals()); diff != "" {
		t.Errorf("sale 1: credits (-want +got):\n%s", diff)
	}
	checkTotals(t, "sale 1", &w, "20.00", "0", "0", "0", "20.00")

	// Sale 1 retried (the POS did not get the answer): same event id, the
	// wallet does not earn twice.
	cart1.Wallet = nil
	retry1 := promotest.Evaluate(t, cart1, rs)
	if got := cashbackEvents(retry1); len(got) != 1 || got[0].ID != evs[0].ID {
		t.Errorf("sale 1 retried: events %+v, want the same id %s", got, evs[0].ID)
	}
	if err := w.Apply(t1, retry1.Events); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, "sale 1 retried", &w, "20.00", "0", "0", "0", "20.00")

	// Sale 2, 2026-11-04 18:00, B for 100.00: the credit is not available
	// yet (2026-11-05): nothing redeemed.
	_, res2 := sale("venda-2", testkit.At(2026, 11, 4, 18, 0, 0), "B", "100.00")
	if got := redemptionCode(res2); got != cashback.ReasonNothingToRedeem {
		t.Errorf("sale 2: redemption trace %q, want nothing_to_redeem", got)
	}
	if n := len(cashbackEvents(res2)); n != 0 || !res2.Totals.Discount.IsZero() {
		t.Errorf("sale 2: %d cashback events, discount %s", n, res2.Totals.Discount)
	}
	checkTotals(t, "sale 2", &w, "20.00", "0", "0", "0", "20.00")

	// Sale 3, 2026-11-10 12:00, B for 100.00 >= 80.00: the cap is 10% of
	// 100.00 = 10.00 of the 20.00; the line costs 90.00; 10.00 stays.
	before3 := w.Credits()
	t3 := testkit.At(2026, 11, 10, 12, 0, 0)
	cart3, res3 := sale("venda-3", t3, "B", "100.00")
	ev3 := cashbackEvents(res3)
	if len(ev3) != 1 || ev3[0].Kind != promo.EventCashbackRedeemed || ev3[0].Credit != evs[0].ID || !ev3[0].Amount.Equal(testkit.Dec("10.00")) {
		t.Fatalf("sale 3: events %+v, want 10.00 redeemed from %s", ev3, evs[0].ID)
	}
	if !res3.Lines[0].Net.Equal(testkit.Dec("90.00")) {
		t.Errorf("sale 3: line net %s, want 90.00", res3.Lines[0].Net)
	}
	checkTotals(t, "sale 3", &w, "20.00", "10.00", "0", "0", "10.00")

	// Sale 3 retried: its events applied again, and the sale evaluated
	// again with the wallet as it was before it: the same ids, no change.
	if err := w.Apply(t3, res3.Events); err != nil {
		t.Fatal(err)
	}
	cart3.Wallet = before3
	retry3 := promotest.Evaluate(t, cart3, rs)
	if diff := cmp.Diff(res3.Events, retry3.Events, testkit.EquateDecimals()); diff != "" {
		t.Errorf("sale 3 retried: events (-first +retry):\n%s", diff)
	}
	if err := w.Apply(t3, retry3.Events); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, "sale 3 retried", &w, "20.00", "10.00", "0", "0", "10.00")

	// Sale 4, 2026-11-20 12:00, B for 70.00 < the minimum of 80.00.
	_, res4 := sale("venda-4", testkit.At(2026, 11, 20, 12, 0, 0), "B", "70.00")
	if got := redemptionCode(res4); got != cashback.ReasonNothingToRedeem {
		t.Errorf("sale 4: redemption trace %q, want nothing_to_redeem", got)
	}
	checkTotals(t, "sale 4", &w, "20.00", "10.00", "0", "0", "10.00")

	// The last instant of validity: not expired yet; a second later it is.
	w.Expire(testkit.At(2026, 12, 2, 23, 59, 59))
	checkTotals(t, "expire at the last instant", &w, "20.00", "10.00", "0", "0", "10.00")
	w.Expire(testkit.At(2026, 12, 3, 0, 0, 0))
	checkTotals(t, "expire after", &w, "20.00", "10.00", "10.00", "0", "0")
	if c := w.Credits(); len(c) != 0 {
		t.Errorf("credits left after expiry: %+v", c)
	}
	w.Expire(testkit.At(2026, 12, 4, 0, 0, 0)) // expiring again counts nothing twice
	checkTotals(t, "expire again", &w, "20.00", "10.00", "10.00", "0", "0")

	// Sale 5, 2026-12-05: an empty wallet, nothing to look at.
	_, res5 := sale("venda-5", testkit.At(2026, 12, 5, 10, 0, 0), "B", "100.00")
	if _, ok := res5.TraceFor(cashback.RedeemerID); ok || len(cashbackEvents(res5)) != 0 {
		t.Errorf("sale 5: redemption with an empty wallet: %+v", res5.Events)
	}
	checkTotals(t, "sale 5", &w, "20.00", "10.00", "10.00", "0", "0")
}

func earnedEvent(id, amount string, from, until time.Time) promo.Event {
	return promo.Event{ID: id, Kind: promo.EventCashbackEarned, Campaign: "cb", Amount: testkit.Dec(amount), ValidFrom: from, ValidUntil: until,
		Store: "loja-1", Terms: &promo.CreditTerms{MinPurchase: testkit.Dec("10.00")}}
}

// Apply is all or nothing, and idempotent by event id.
func TestWalletApply(t *testing.T) {
	t0 := testkit.At(2026, 11, 1, 9, 0, 0)
	var w cashback.Wallet
	checkTotals(t, "zero value", &w, "0", "0", "0", "0", "0")
	if c := w.Credits(); len(c) != 0 {
		t.Errorf("zero wallet has credits %+v", c)
	}

	// An unknown credit in the same batch: nothing applied, not even the
	// earning before it.
	bad := []promo.Event{earnedEvent("e1", "5.00", t0, time.Time{}),
		{ID: "r1", Kind: promo.EventCashbackRedeemed, Credit: "nenhum", Amount: testkit.Dec("1.00")}}
	if err := w.Apply(t0, bad); err == nil {
		t.Error("redeeming an unknown credit: no error")
	}
	checkTotals(t, "after a refused batch", &w, "0", "0", "0", "0", "0")

	// Other kinds are ignored.
	other := []promo.Event{{ID: "a1", Kind: promo.EventActivation, Campaign: "cb", Amount: testkit.Dec("3.00")},
		{ID: "p1", Kind: promo.EventPoints, Points: testkit.Dec("10")}}
	if err := w.Apply(t0, other); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, "other kinds", &w, "0", "0", "0", "0", "0")

	if err := w.Apply(t0, []promo.Event{earnedEvent("e1", "5.00", t0, time.Time{})}); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, "earned", &w, "5.00", "0", "0", "0", "5.00")
	// More than the credit has: refused, nothing changes.
	if err := w.Apply(t0, []promo.Event{{ID: "r2", Kind: promo.EventCashbackRedeemed, Credit: "e1", Amount: testkit.Dec("5.01")}}); err == nil {
		t.Error("redeeming 5.01 of 5.00: no error")
	}
	checkTotals(t, "refused redemption", &w, "5.00", "0", "0", "0", "5.00")
	redeem := []promo.Event{{ID: "r3", Kind: promo.EventCashbackRedeemed, Credit: "e1", Amount: testkit.Dec("3.00")}}
	for range 2 { // the second time is a retry
		if err := w.Apply(t0, redeem); err != nil {
			t.Fatal(err)
		}
		checkTotals(t, "redeemed", &w, "5.00", "3.00", "0", "0", "2.00")
	}
	// A reversal of the whole 5.00 takes only the 2.00 left (3.00 was
	// spent already).
	if err := w.Apply(t0, []promo.Event{{ID: "v0", Kind: promo.EventCashbackReversed, Reverses: "desconhecido", Amount: testkit.Dec("1.00")}}); err == nil {
		t.Error("reversing an unknown credit: no error")
	}
	if err := w.Apply(t0, []promo.Event{{ID: "v1", Kind: promo.EventCashbackReversed, Reverses: "e1", Amount: testkit.Dec("5.00")}}); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, "reversed", &w, "5.00", "3.00", "0", "2.00", "0")
	if c := w.Credits(); len(c) != 0 {
		t.Errorf("a spent credit is still listed: %+v", c)
	}
}

func TestWalletCreditsAndReview(t *testing.T) {
	t0 := testkit.At(2026, 11, 1, 9, 0, 0)
	var w cashback.Wallet
	evs := []promo.Event{
		earnedEvent("e1", "5.00", t0, testkit.At(2026, 11, 30, 23, 59, 59)),
		earnedEvent("e2", "7.00", testkit.At(2026, 11, 3, 0, 0, 0), time.Time{}),
	}
	if err := w.Apply(t0, evs); err != nil {
		t.Fatal(err)
	}
	w.SetReviewAnswered("e2")
	w.SetReviewAnswered("desconhecido") // no effect
	terms := promo.CreditTerms{MinPurchase: testkit.Dec("10.00")}
	want := []promo.Credit{
		{ID: "e1", Campaign: "cb", Remaining: testkit.Dec("5.00"), EarnedAt: t0, Store: "loja-1", AvailableFrom: t0, ExpiresAt: testkit.At(2026, 11, 30, 23, 59, 59), Terms: terms},
		{ID: "e2", Campaign: "cb", Remaining: testkit.Dec("7.00"), EarnedAt: t0, Store: "loja-1", AvailableFrom: testkit.At(2026, 11, 3, 0, 0, 0), ReviewAnswered: true, Terms: terms},
	}
	if diff := cmp.Diff(want, w.Credits(), testkit.EquateDecimals()); diff != "" {
		t.Errorf("credits (-want +got):\n%s", diff)
	}
	// Only e1 expires; e2 has no expiry.
	w.Expire(testkit.At(2030, 1, 1, 0, 0, 0))
	checkTotals(t, "expired", &w, "12.00", "0", "5.00", "0", "7.00")
}

// Refund takes the cashback back in proportion to what returns, rounded
// down, the last return taking what is left: the reversals add up exactly
// to the cashback earned, and the wallet ends where it started.
func TestRefundReversesCashback(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [{"id": "cb-fixo", "name": "R$ 7,78 de cashback",
	  "start": "2026-11-01", "no_activation_rules": true, "extras": {"cashback": {"kind": "fixed", "value": "7.78"}}}]}`))
	t0 := testkit.At(2026, 11, 21, 10, 0, 0)
	cart := promo.Cart{ID: "venda-r", Time: t0, Store: promo.Store{ID: "loja-1"}, Customer: &promo.Customer{ID: "tok-r"},
		Lines: []promo.Line{{ID: "1", ProductCode: "A", Quantity: testkit.Dec("3"), UnitPrice: testkit.Dec("10.00")}}}
	sale := promotest.Evaluate(t, cart, rs)
	earnedEvs := cashbackEvents(sale)
	if len(earnedEvs) != 1 || !earnedEvs[0].Amount.Equal(testkit.Dec("7.78")) {
		t.Fatalf("earned %+v, want 7.78", earnedEvs)
	}
	earnedID := earnedEvs[0].ID
	ret := func(q string) []refund.Returned { return []refund.Returned{{Line: "1", Quantity: testkit.Dec(q)}} }

	// One unit at a time: 7.78 x 10/30 = 2.5933 -> 2.59; two units:
	// 7.78 x 20/30 = 5.1866 -> 5.18, so 5.18 - 2.59 = 2.59; the last takes
	// 7.78 - 5.18 = 2.60. Each unit refunds 10.00.
	steps := []struct {
		earlier, now []refund.Returned
		refund, back string
	}{
		{nil, ret("1"), "10.00", "2.59"},
		{ret("1"), ret("1"), "10.00", "2.59"},
		{ret("2"), ret("1"), "10.00", "2.60"},
	}
	var w cashback.Wallet
	if err := w.Apply(t0, sale.Events); err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	ids := map[string]bool{}
	for k, st := range steps {
		r, err := refund.Of(sale, st.earlier, st.now)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Total.Equal(testkit.Dec(st.refund)) {
			t.Errorf("return %d: refund %s, want %s", k+1, r.Total, st.refund)
		}
		if len(r.Events) != 1 {
			t.Fatalf("return %d: events %+v, want one reversal", k+1, r.Events)
		}
		e := r.Events[0]
		if e.Kind != promo.EventCashbackReversed || e.Reverses != earnedID || e.Campaign != "cb-fixo" || !e.Amount.Equal(testkit.Dec(st.back)) {
			t.Errorf("return %d: event %+v, want %s of %s reversed", k+1, e, st.back, earnedID)
		}
		if ids[e.ID] {
			t.Errorf("return %d: id %s already used by an earlier return", k+1, e.ID)
		}
		ids[e.ID] = true
		again, _ := refund.Of(sale, st.earlier, st.now)
		if len(again.Events) != 1 || again.Events[0].ID != e.ID {
			t.Errorf("return %d retried: events %+v, want id %s", k+1, again.Events, e.ID)
		}
		for range 2 { // applied twice: the retry changes nothing
			if err := w.Apply(t0, r.Events); err != nil {
				t.Fatal(err)
			}
		}
		sum = sum.Add(e.Amount)
	}
	if !sum.Equal(testkit.Dec("7.78")) {
		t.Errorf("reversals sum to %s, want the 7.78 earned", sum)
	}
	checkTotals(t, "after the returns", &w, "7.78", "0", "0", "7.78", "0")

	// Returned in two goes instead: 2.59, then the rest 7.78 - 2.59 = 5.19.
	var parts []string
	for _, st := range []struct{ earlier, now []refund.Returned }{{nil, ret("1")}, {ret("1"), ret("2")}} {
		r, err := refund.Of(sale, st.earlier, st.now)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Events {
			parts = append(parts, e.Amount.StringFixed(2))
		}
	}
	if diff := cmp.Diff([]string{"2.59", "5.19"}, parts); diff != "" {
		t.Errorf("reversals in two returns (-want +got):\n%s", diff)
	}

	// Spent before the return: 5.00 redeemed in a later sale, then all
	// returned. The reversal asks for 7.78; the wallet can take only the
	// 2.78 left, and the books still balance.
	var spent cashback.Wallet
	if err := spent.Apply(t0, sale.Events); err != nil {
		t.Fatal(err)
	}
	if err := spent.Apply(t0.Add(time.Hour), []promo.Event{{ID: "r-later", Kind: promo.EventCashbackRedeemed, Credit: earnedID, Amount: testkit.Dec("5.00")}}); err != nil {
		t.Fatal(err)
	}
	all, err := refund.Of(sale, nil, ret("3"))
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Events) != 1 || !all.Events[0].Amount.Equal(testkit.Dec("7.78")) {
		t.Fatalf("full return: events %+v, want 7.78 reversed", all.Events)
	}
	if err := spent.Apply(t0.Add(2*time.Hour), all.Events); err != nil {
		t.Fatal(err)
	}
	checkTotals(t, "spent, then returned", &spent, "7.78", "5.00", "0", "2.78", "0")
}
