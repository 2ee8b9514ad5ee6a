package cashback_test

import (
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// A state-machine test of the wallet: sales that earn, sales that redeem,
// retries, the clock moving on (expiry), review answers and returns, run
// against the engine and the Wallet on one side and a plain model of the
// Reshop manual's rules on the other. After every step: no credit is negative, the
// balances agree, and nothing is lost (earned = redeemed + expired +
// reversed + balance).

// smCredit is the model's view of one credit.
type smCredit struct {
	id                     string
	remaining              decimal.Decimal
	earnedAt, from, until  time.Time
	reviewReq, answered    bool
	minPurchase, maxRedeem decimal.Decimal
}

// smSale is a sale that earned, kept for returns.
type smSale struct {
	res      promo.Result
	earned   map[string]decimal.Decimal // earned event id -> amount
	reversed map[string]decimal.Decimal // earned event id -> reversed so far
	restored decimal.Decimal            // cashback given back to the wallet so far
	returned map[string]decimal.Decimal // line -> units returned so far
}

// smStep is the last step done, for a retry.
type smStep struct {
	t      time.Time
	events []promo.Event
	// again reproduces the step (the sale evaluated again, the return
	// computed again).
	again func() ([]promo.Event, error)
}

// smProgram is one earning campaign's cashback, as drawn: campaign cb<k>
// earns on the whole sale when it has a line of product EARN<k>.
type smProgram struct {
	id, code              string
	percent               bool
	value                 decimal.Decimal
	daysToStart, usageLim int
	minPurchase, maxPct   decimal.Decimal
	review, average       bool
}

// machine holds the engine's side (ruleset, Wallet) and the model's
// (credits and totals), and the clock.
type machine struct {
	rs     *promo.Ruleset
	progs  []*smProgram // in id order: the order they earn in
	tender bool

	wallet cashback.Wallet
	now    time.Time
	n      int
	last   *smStep
	sales  []*smSale

	credits                             []*smCredit
	earned, redeemed, expired, reversed decimal.Decimal
}

func drawProgram(t *rapid.T, k int) *smProgram {
	p := &smProgram{id: fmt.Sprintf("cb%d", k), code: fmt.Sprintf("EARN%d", k)}
	p.percent = rapid.Bool().Draw(t, "percent")
	if p.percent {
		p.value = decimal.New(rapid.Int64Range(1, 300).Draw(t, "percentTenths"), -1) // 0.1% .. 30.0%
	} else {
		p.value = decimal.New(rapid.Int64Range(1, 5000).Draw(t, "fixedCents"), -2)
	}
	p.daysToStart = rapid.IntRange(0, 3).Draw(t, "daysToStart")
	if rapid.Bool().Draw(t, "hasUsageLimit") {
		// At least the days to start (otherwise the window is empty; see
		// TestDaysToStartBeyondUsageLimit).
		p.usageLim = max(p.daysToStart, 1) + rapid.IntRange(0, 10).Draw(t, "usageLimitExtra")
	}
	p.minPurchase = decimal.New(rapid.SampledFrom([]int64{0, 0, 1000, 5000, 15000}).Draw(t, "minPurchaseCents"), -2)
	p.maxPct = decimal.New(rapid.SampledFrom([]int64{0, 0, 100, 125, 500, 1000, 10000}).Draw(t, "maxRedeemCentiPct"), -2)
	p.review = rapid.Bool().Draw(t, "reviewRequired")
	p.average = rapid.Bool().Draw(t, "useAveragePrice")
	return p
}

func newMachine(t *rapid.T) *machine {
	m := &machine{now: testkit.At(2026, 11, 2, 9, 0, 0), earned: decimal.Zero, redeemed: decimal.Zero, expired: decimal.Zero, reversed: decimal.Zero}
	m.tender = rapid.Bool().Draw(t, "tender")
	mode := "discount"
	if m.tender {
		mode = "tender"
	}
	def := campaign.Ruleset{Version: 1, Settings: campaign.Settings{CashbackRedemption: campaign.CashbackRedemption(mode)}}
	for k := range 2 {
		p := drawProgram(t, k)
		m.progs = append(m.progs, p)
		kind := "fixed"
		if p.percent {
			kind = "percent"
		}
		def.Campaigns = append(def.Campaigns, campaign.Campaign{
			General: campaign.General{ID: p.id, Name: "cashback " + p.id, Start: "2026-11-01"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: "product_code", Values: []string{p.code}}}},
			Extras: &campaign.Extras{Cashback: &campaign.Cashback{Kind: campaign.CashbackKind(kind), Value: p.value, DaysToStart: p.daysToStart,
				UsageLimitDays: p.usageLim, MinPurchase: p.minPurchase, MaxRedeemPercent: p.maxPct,
				ReviewRequired: p.review, UseAveragePrice: p.average}},
		})
	}
	rs := promotest.Compile(t, def)
	m.rs = rs
	return m
}

// earners draws which programs a sale has products of (none when
// allowNone), with their lines.
func (m *machine) earners(t *rapid.T, allowNone bool) ([]*smProgram, []promo.Line, decimal.Decimal) {
	lo := 1
	if allowNone {
		lo = 0
	}
	var progs []*smProgram
	var lines []promo.Line
	total := decimal.Zero
	switch rapid.IntRange(lo, 3).Draw(t, "earners") { // 0 none, 1 cb0, 2 cb1, 3 both
	case 1:
		progs = m.progs[:1]
	case 2:
		progs = m.progs[1:]
	case 3:
		progs = m.progs
	}
	for _, p := range progs {
		ls, tot := m.lines(t, p.code, 20000)
		lines, total = append(lines, ls...), total.Add(tot)
	}
	return progs, lines, total
}

// lines draws 1 to 3 lines of product code, whole quantities.
func (m *machine) lines(t *rapid.T, code string, maxCents int64) ([]promo.Line, decimal.Decimal) {
	var out []promo.Line
	total := decimal.Zero
	for i := range rapid.IntRange(1, 3).Draw(t, code+"Lines") {
		q := decimal.NewFromInt(rapid.Int64Range(1, 4).Draw(t, "qty"))
		p := decimal.New(rapid.Int64Range(1, maxCents).Draw(t, "priceCents"), -2)
		out = append(out, promo.Line{ID: fmt.Sprintf("%s-%d", code, i), ProductCode: code, Quantity: q, UnitPrice: p})
		total = total.Add(q.Mul(p))
	}
	return out, total
}

func (m *machine) cart(lines []promo.Line, wallet []promo.Credit) promo.Cart {
	m.n++
	return promo.Cart{ID: fmt.Sprintf("venda-%d", m.n), Time: m.now, Store: promo.Store{ID: "loja-1"},
		Customer: &promo.Customer{ID: "tok-sm"}, Lines: lines, Wallet: wallet}
}

func (m *machine) evaluate(t *rapid.T, cart promo.Cart) promo.Result {
	res, err := promo.Evaluate(cart, m.rs)
	if err != nil {
		t.Fatalf("evaluate %s: %v", cart.ID, err)
	}
	return res
}

// expectedEarn is the credit the manual's rules give on base: fixed value,
// or the percent rounded once (half_even); its window from the sale.
func (m *machine) expectedEarn(p *smProgram, base decimal.Decimal) (decimal.Decimal, time.Time, time.Time) {
	amount := p.value
	if p.percent {
		amount = base.Mul(p.value).Shift(-2).RoundBank(2)
	}
	y, mo, dd := m.now.Date()
	from := m.now
	if p.daysToStart > 0 {
		from = testkit.At(y, mo, dd+p.daysToStart, 0, 0, 0)
	}
	var until time.Time
	if p.usageLim > 0 {
		until = testkit.At(y, mo, dd+p.usageLim, 23, 59, 59)
	}
	return amount, from, until
}

// checkEarned checks the sale's cashback_earned events against the model
// (each program in progs earning on base, in id order) and adds the credits
// to the model.
func (m *machine) checkEarned(t *rapid.T, res promo.Result, base decimal.Decimal, progs []*smProgram) *smSale {
	var got []promo.Event
	for _, e := range res.Events {
		if e.Kind == promo.EventCashbackEarned {
			got = append(got, e)
		}
	}
	type credit struct {
		p           *smProgram
		amount      decimal.Decimal
		from, until time.Time
	}
	var want []credit
	for _, p := range progs {
		if amount, from, until := m.expectedEarn(p, base); amount.Sign() > 0 {
			want = append(want, credit{p, amount, from, until})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("earned %d credits on a base of %s, want %d", len(got), base, len(want))
	}
	if len(want) == 0 {
		return nil
	}
	s := &smSale{res: res, earned: map[string]decimal.Decimal{}, returned: map[string]decimal.Decimal{}, reversed: map[string]decimal.Decimal{}}
	for k, w := range want {
		e, p := got[k], w.p
		if !e.Amount.Equal(w.amount) || !e.ValidFrom.Equal(w.from) || !e.ValidUntil.Equal(w.until) || e.Campaign != p.id || e.Store != "loja-1" {
			t.Fatalf("earned %s from %v until %v (campaign %q, store %q); want %s from %v until %v (campaign %q)",
				e.Amount, e.ValidFrom, e.ValidUntil, e.Campaign, e.Store, w.amount, w.from, w.until, p.id)
		}
		wantTerms := promo.CreditTerms{MinPurchase: p.minPurchase, MaxRedeemPercent: p.maxPct, ReviewRequired: p.review, UseAveragePrice: p.average}
		if e.Terms == nil || !cmp.Equal(wantTerms, *e.Terms, testkit.EquateDecimals()) {
			t.Fatalf("terms %+v, want %+v", e.Terms, wantTerms)
		}
		m.credits = append(m.credits, &smCredit{id: e.ID, remaining: w.amount, earnedAt: m.now, from: w.from, until: w.until,
			reviewReq: p.review, minPurchase: p.minPurchase, maxRedeem: p.maxPct})
		m.earned = m.earned.Add(w.amount)
		s.earned[e.ID] = w.amount
		s.reversed[e.ID] = decimal.Zero
	}
	return s
}

// apply applies a step's events to the wallet and remembers the step for
// a retry.
func (m *machine) apply(t *rapid.T, step *smStep) {
	if err := m.wallet.Apply(step.t, step.events); err != nil {
		t.Fatalf("apply: %v", err)
	}
	m.last = step
	m.now = m.now.Add(time.Minute)
}

// earn: a sale of products of one or both programs, no wallet passed.
func (m *machine) earn(t *rapid.T) {
	progs, lines, total := m.earners(t, false)
	cart := m.cart(lines, nil)
	res := m.evaluate(t, cart)
	if s := m.checkEarned(t, res, total, progs); s != nil {
		m.sales = append(m.sales, s)
	}
	m.apply(t, &smStep{t: m.now, events: res.Events, again: func() ([]promo.Event, error) {
		r, err := promo.Evaluate(cart, m.rs)
		return r.Events, err
	}})
}

// redeem: a sale with the wallet's credits, sometimes with products of
// the programs too (which then earn on what the sale costs after the
// redemption: less the redemption as a discount, the same with a tender).
func (m *machine) redeem(t *rapid.T) {
	lines, sale := m.lines(t, "BUY", 10000)
	progs, more, extra := m.earners(t, true)
	lines, sale = append(lines, more...), sale.Add(extra)
	cart := m.cart(lines, m.wallet.Credits())
	res := m.evaluate(t, cart)

	// The model's redemption: soonest expiry first (none last), earned
	// first, id; each credit usable now, its review answered if required,
	// the sale reaching its minimum; its cap (truncated to cents) bounding
	// the sale's whole redemption; never more than the sale.
	order := slices.Clone(m.credits)
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := order[a], order[b]
		if ca.until.IsZero() != cb.until.IsZero() {
			return !ca.until.IsZero()
		}
		if !ca.until.Equal(cb.until) {
			return ca.until.Before(cb.until)
		}
		if !ca.earnedAt.Equal(cb.earnedAt) {
			return ca.earnedAt.Before(cb.earnedAt)
		}
		return ca.id < cb.id
	})
	red := decimal.Zero
	var want []string
	take := map[string]decimal.Decimal{}
	for _, c := range order {
		if c.remaining.Sign() <= 0 || m.now.Before(c.from) || (!c.until.IsZero() && m.now.After(c.until)) ||
			(c.reviewReq && !c.answered) || sale.LessThan(c.minPurchase) {
			continue
		}
		room := sale.Sub(red)
		if c.maxRedeem.Sign() > 0 {
			room = decimal.Min(room, sale.Mul(c.maxRedeem).Shift(-2).Truncate(2).Sub(red))
		}
		amount := decimal.Min(room, c.remaining)
		if amount.Sign() <= 0 {
			continue
		}
		red = red.Add(amount)
		take[c.id] = amount
		want = append(want, c.id+"="+amount.StringFixed(2))
	}
	if diff := cmp.Diff(want, taken(res)); diff != "" {
		t.Fatalf("sale of %s: credits taken (-model +engine):\n%s", sale, diff)
	}
	// The invariants, stated on the engine's events alone: what the sale
	// redeemed never exceeds its value, nor, when a credit is used, that
	// credit's cap.
	caps := map[string]decimal.Decimal{}
	for _, c := range m.credits {
		caps[c.id] = c.maxRedeem
	}
	got := decimal.Zero
	for _, e := range res.Events {
		if e.Kind != promo.EventCashbackRedeemed {
			continue
		}
		got = got.Add(e.Amount)
		if pct := caps[e.Credit]; pct.Sign() > 0 && got.GreaterThan(sale.Mul(pct).Shift(-2)) {
			t.Fatalf("credit %s: the sale's redemption reaches %s, over its cap of %s%% of %s", e.Credit, got, pct, sale)
		}
	}
	if got.GreaterThan(sale) {
		t.Fatalf("redeemed %s of a %s sale", got, sale)
	}
	// How it enters the sale.
	if m.tender {
		if !res.Totals.Tenders.Equal(red) || !res.Totals.Discount.IsZero() {
			t.Fatalf("tender mode: tenders %s, discount %s; want %s and 0", res.Totals.Tenders, res.Totals.Discount, red)
		}
	} else if !res.Totals.Discount.Equal(red) || !res.Totals.Tenders.IsZero() {
		t.Fatalf("discount mode: discount %s, tenders %s; want %s and 0", res.Totals.Discount, res.Totals.Tenders, red)
	}
	if want := sale.Sub(red); !res.Totals.Payable.Equal(want) {
		t.Fatalf("payable %s, want %s", res.Totals.Payable, want)
	}
	base := sale
	if !m.tender {
		base = sale.Sub(red) // earned after the redemption as a discount
	}
	if s := m.checkEarned(t, res, base, progs); s != nil {
		m.sales = append(m.sales, s)
	}
	for id, a := range take {
		for _, c := range m.credits {
			if c.id == id {
				c.remaining = c.remaining.Sub(a)
			}
		}
	}
	m.redeemed = m.redeemed.Add(red)
	m.apply(t, &smStep{t: m.now, events: res.Events, again: func() ([]promo.Event, error) {
		r, err := promo.Evaluate(cart, m.rs)
		return r.Events, err
	}})
}

// retry: the last step's events applied again, and the step done again
// (same events, same ids): nothing changes.
func (m *machine) retry(t *rapid.T) {
	if m.last == nil {
		t.Skip("nothing to retry")
	}
	balance := m.wallet.Balance()
	credits := m.wallet.Credits()
	again, err := m.last.again()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.last.events, again, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("the step done again gives other events (-first +again):\n%s", diff)
	}
	for _, evs := range [][]promo.Event{m.last.events, again} {
		if err := m.wallet.Apply(m.last.t, evs); err != nil {
			t.Fatal(err)
		}
	}
	if !m.wallet.Balance().Equal(balance) || !cmp.Equal(credits, m.wallet.Credits(), testkit.EquateDecimals()) {
		t.Fatalf("a retry changed the wallet: balance %s -> %s", balance, m.wallet.Balance())
	}
}

// advance: the clock moves on, expired credits are written off.
func (m *machine) advance(t *rapid.T) {
	m.now = m.now.Add(time.Duration(rapid.IntRange(1, 4*24*60).Draw(t, "minutes")) * time.Minute)
	m.wallet.Expire(m.now)
	for _, c := range m.credits {
		if !c.until.IsZero() && m.now.After(c.until) && c.remaining.Sign() > 0 {
			m.expired = m.expired.Add(c.remaining)
			c.remaining = decimal.Zero
		}
	}
}

// answerReview: the customer answers the review survey of a credit.
func (m *machine) answerReview(t *rapid.T) {
	var open []*smCredit
	for _, c := range m.credits {
		if c.reviewReq && !c.answered && c.remaining.Sign() > 0 {
			open = append(open, c)
		}
	}
	if len(open) == 0 {
		t.Skip("no review to answer")
	}
	c := open[rapid.IntRange(0, len(open)-1).Draw(t, "reviewed")]
	c.answered = true
	m.wallet.SetReviewAnswered(c.id)
}

// giveBack: some units of a sale that earned come back; the cashback
// reversed never exceeds what is left of what it earned, and once every
// unit is back the reversals add up to what it earned.
func (m *machine) giveBack(t *rapid.T) {
	var open []*smSale
	for _, s := range m.sales {
		for _, l := range s.res.Lines {
			if s.returned[l.ID].LessThan(l.Quantity) {
				open = append(open, s)
				break
			}
		}
	}
	if len(open) == 0 {
		t.Skip("nothing to return")
	}
	s := open[rapid.IntRange(0, len(open)-1).Draw(t, "sale")]
	var earlier, now []refund.Returned
	for _, l := range s.res.Lines {
		if q := s.returned[l.ID]; q.Sign() > 0 {
			earlier = append(earlier, refund.Returned{Line: l.ID, Quantity: q})
		}
	}
	for _, l := range s.res.Lines {
		left := l.Quantity.Sub(s.returned[l.ID]).IntPart()
		if left <= 0 {
			continue
		}
		if k := rapid.Int64Range(0, left).Draw(t, "units"); k > 0 {
			now = append(now, refund.Returned{Line: l.ID, Quantity: decimal.NewFromInt(k)})
		}
	}
	if len(now) == 0 {
		t.Skip("nothing drawn to return")
	}
	refundNow := func() (refund.Result, error) { return refund.Of(s.res, earlier, now) }
	r, err := refundNow()
	if err != nil {
		t.Fatal(err)
	}
	for _, rt := range now {
		s.returned[rt.Line] = s.returned[rt.Line].Add(rt.Quantity)
	}
	back := map[string]decimal.Decimal{}
	for _, e := range r.Events {
		if e.Kind != promo.EventCashbackReversed {
			continue
		}
		if _, ok := s.earned[e.Reverses]; !ok || e.Amount.Sign() <= 0 || back[e.Reverses].Sign() != 0 {
			t.Fatalf("reversal %+v: not one positive reversal of a credit the sale earned (%v)", e, s.earned)
		}
		back[e.Reverses] = e.Amount
	}
	all := true
	for _, l := range s.res.Lines {
		all = all && s.returned[l.ID].Equal(l.Quantity)
	}
	for id, earned := range s.earned {
		s.reversed[id] = s.reversed[id].Add(back[id])
		if s.reversed[id].GreaterThan(earned) {
			t.Fatalf("credit %s: reversed %s of %s earned", id, s.reversed[id], earned)
		}
		if all && !s.reversed[id].Equal(earned) {
			t.Fatalf("everything returned: credit %s has %s reversed of %s earned", id, s.reversed[id], earned)
		}
	}
	// The wallet takes back what is left of each credit, at most.
	for _, c := range m.credits {
		if b, ok := back[c.id]; ok {
			tk := decimal.Min(b, c.remaining)
			c.remaining = c.remaining.Sub(tk)
			m.reversed = m.reversed.Add(tk)
		}
	}
	// Cashback that paid for returned goods goes back to the credits it
	// came from (after the reversals, in the order of the events), never
	// more than the sale redeemed.
	restored, redeemedHere := decimal.Zero, decimal.Zero
	for _, e := range s.res.Events {
		if e.Kind == promo.EventCashbackRedeemed {
			redeemedHere = redeemedHere.Add(e.Amount)
		}
	}
	for _, e := range r.Events {
		if e.Kind != promo.EventCashbackRestored {
			continue
		}
		restored = restored.Add(e.Amount)
		for _, c := range m.credits {
			if c.id == e.Credit {
				c.remaining = c.remaining.Add(e.Amount)
				m.redeemed = m.redeemed.Sub(e.Amount)
			}
		}
	}
	s.restored = s.restored.Add(restored)
	if s.restored.GreaterThan(redeemedHere) {
		t.Fatalf("restored %s of the %s the sale redeemed", s.restored, redeemedHere)
	}
	m.apply(t, &smStep{t: m.now, events: r.Events, again: func() ([]promo.Event, error) {
		r, err := refundNow()
		return r.Events, err
	}})
}

// check: the invariants after every step.
func (m *machine) check(t *rapid.T) {
	bal := decimal.Zero
	want := map[string]decimal.Decimal{}
	for _, c := range m.credits {
		if c.remaining.Sign() < 0 {
			t.Fatalf("model credit %s negative: %s", c.id, c.remaining)
		}
		bal = bal.Add(c.remaining)
		if c.remaining.Sign() > 0 {
			want[c.id] = c.remaining
		}
	}
	got := map[string]decimal.Decimal{}
	for _, c := range m.wallet.Credits() {
		if c.Remaining.Sign() <= 0 {
			t.Fatalf("wallet lists credit %s with %s", c.ID, c.Remaining)
		}
		got[c.ID] = c.Remaining
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("credits (-model +wallet):\n%s", diff)
	}
	if !m.wallet.Balance().Equal(bal) {
		t.Fatalf("balance %s, model %s", m.wallet.Balance(), bal)
	}
	e, r, x, v := m.wallet.Totals()
	type books struct{ Earned, Redeemed, Expired, Reversed decimal.Decimal }
	if diff := cmp.Diff(books{m.earned, m.redeemed, m.expired, m.reversed}, books{e, r, x, v}, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("totals (-model +wallet):\n%s", diff)
	}
	if !e.Equal(r.Add(x).Add(v).Add(m.wallet.Balance())) {
		t.Fatalf("earned %s != redeemed %s + expired %s + reversed %s + balance %s", e, r, x, v, m.wallet.Balance())
	}
}

func TestWalletStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := newMachine(t)
		t.Repeat(map[string]func(*rapid.T){
			"earn":   m.earn,
			"redeem": m.redeem,
			"retry":  m.retry,
			"expire": m.advance,
			"review": m.answerReview,
			"return": m.giveBack,
			"":       m.check,
		})
	})
}
