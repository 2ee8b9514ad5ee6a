package loyalty_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// The points ledger against a simple model. The model keeps, per sale and
// per points event of the sale, who holds the points now and how many of
// them still stand, and the balance of every holder. Actions: score a sale
// (promo.Evaluate), reassign a sale's program points to another
// professional or remove them (Reassign), return part of a sale
// (refund.Of) and retry any of these with the same inputs. After every
// action the Ledger must agree with the model: the same balance for every
// professional, no balance below zero, the sum of balances equal to earned
// minus reversed, what stands of every sale's event and who holds it, and
// every event applied once (a retry changes nothing).
//
// What the model says, worked out from the rules rather than from the
// code:
//   - scoring: each participating line weighs its value at the earning
//     phase times its store's rate; the program's points are the sum
//     rounded down; the multiplier bonus is the base times (multiplier −
//     1), rounded down, with the same weights; the fixed bonus has none;
//   - a return takes back, from an event with weights, its points times
//     Σ weight × returned/sold over Σ weight (cumulative over the sale's
//     returns), truncated, the whole rest once every weighted line is
//     back; from an event without weights, its points times the refunded
//     share of the sale's net, truncated, the rest once everything is
//     back; each return takes the difference to the returns before it;
//   - the points a return takes come out of whoever holds the sale's
//     points when the goods come back (nobody, once they were removed);
//   - a reassignment moves the points that still stand, whatever the
//     events' nominal Points say.

// smHolding is one points event of a sale as the model sees it.
type smHolding struct {
	orig     promo.Event        // the sale's event
	weights  []promo.LineWeight // the weights the model expects it to carry
	current  promo.Event        // the event that holds the points now
	owner    string             // the holder's key; "" once removed
	holder   string             // the holder's CPF digits or token; "" once removed
	standing decimal.Decimal    // what still stands
}

type smSale struct {
	cart     promo.Cart
	res      promo.Result
	earlier  []refund.Returned
	left     []int64 // units of each line not yet returned
	refunded decimal.Decimal
	holdings []*smHolding
}

type smMachine struct {
	rs      *promo.Ruleset
	ledger  loyalty.Ledger
	sales   []*smSale
	balance map[string]decimal.Decimal
	earned  decimal.Decimal
	revd    decimal.Decimal
	// replays recompute the events of an action already taken, from the
	// same inputs: retrying them must change nothing.
	replays []func() ([]promo.Event, error)
	log     []string
}

var smPros = []br.TaxID{lyProA, lyProB, lyProC}

// smOwner is who an event's points belong to: the professional's CPF, or
// the customer's token for a campaign's own points; and the id alone.
func smOwner(e promo.Event) (key, id string) {
	if !e.Professional.IsZero() {
		return "cpf:" + e.Professional.String(), e.Professional.String()
	}
	return "customer:" + e.Customer, e.Customer
}

// smRate is the rate of a brand in a store under lyProgram, and whether
// the brand scores at all.
func smRate(store, brand string) (decimal.Decimal, bool) {
	if brand != "Tigre" && brand != "Amanco" && brand != "Quartzolit" {
		return decimal.Zero, false
	}
	switch {
	case store == "loja-centro" && brand == "Quartzolit":
		return testkit.Dec("2"), true
	case store == "loja-centro":
		return testkit.Dec("1"), true
	case store == "loja-sul" && brand == "Tigre":
		return testkit.Dec("3"), true
	case store == "loja-sul":
		return testkit.Dec("2"), true
	}
	return testkit.Dec("0.5"), true // the * table
}

// smExpected is the points events the model expects of a sale, by
// campaign, without ids: the program's, "camp"'s fixed 10 and "dobro"'s
// multiplier of 1.5.
func smExpected(c promo.Cart) map[string]promo.Event {
	var weights []promo.LineWeight
	sum := decimal.Zero
	for i, l := range c.Lines { // the ids "1", "2", "3" are in line-id order
		value := l.Quantity.Mul(l.UnitPrice)
		if i == 0 {
			value = value.Sub(testkit.Dec("1.00")) // "camp" takes 1.00 off the first line
		}
		rate, ok := smRate(c.Store.ID, l.Brand)
		if w := value.Mul(rate); ok && w.Sign() > 0 {
			weights = append(weights, promo.LineWeight{Line: l.ID, Weight: w})
			sum = sum.Add(w)
		}
	}
	base := sum.Floor()
	out := map[string]promo.Event{
		"camp":  {Kind: promo.EventPoints, Campaign: "camp", Customer: c.Customer.ID, Points: testkit.Dec("10")},
		"dobro": {Kind: promo.EventPoints, Campaign: "dobro", Customer: c.Customer.ID, Multiplier: testkit.Dec("1.5")},
	}
	if c.Professional.IsZero() {
		return out
	}
	d := out["dobro"]
	d.Program, d.Professional, d.Weights = loyalty.JuntosSomosMais, c.Professional, weights
	d.Points = base.Mul(testkit.Dec("0.5")).Floor()
	out["dobro"] = d
	if base.Sign() > 0 {
		out[loyalty.ProgramID] = promo.Event{Kind: promo.EventPoints, Campaign: loyalty.ProgramID, Customer: c.Customer.ID,
			Points: base, Program: loyalty.JuntosSomosMais, Professional: c.Professional, Weights: weights}
	}
	return out
}

// takes is what a return takes back of h in all, by the returned units
// of each line (cumulative) and the refunded amount, worked out exactly:
// floor(points × Σ w × q/sold / Σ w) as floor(points × Σ w × q × (L/sold)
// / (Σ w × L)), L the product of the quantities sold.
func (s *smSale) takes(h *smHolding, returned []int64, refunded decimal.Decimal) decimal.Decimal {
	p := h.orig.Points
	sold := func(i int) int64 { return s.cart.Lines[i].Quantity.IntPart() }
	index := map[string]int{}
	for i, l := range s.cart.Lines {
		index[l.ID] = i
	}
	if len(h.weights) == 0 {
		all := true
		for i := range s.cart.Lines {
			all = all && returned[i] == sold(i)
		}
		net := s.res.Totals.Net
		switch {
		case all:
			return p
		case net.Sign() <= 0:
			return decimal.Zero
		}
		q, _ := p.Mul(refunded).QuoRem(net, 0) // truncated: points are whole
		return q
	}
	all, prod := true, int64(1)
	for _, w := range h.weights {
		i := index[w.Line]
		all = all && returned[i] == sold(i)
		prod *= sold(i)
	}
	if all {
		return p
	}
	num, den := decimal.Zero, decimal.Zero
	for _, w := range h.weights {
		i := index[w.Line]
		num = num.Add(w.Weight.Mul(decimal.NewFromInt(returned[i] * (prod / sold(i)))))
		den = den.Add(w.Weight)
	}
	q, _ := p.Mul(num).QuoRem(den.Mul(decimal.NewFromInt(prod)), 0)
	return q
}

func (m *smMachine) apply(t *rapid.T, what string, es []promo.Event) {
	m.log = append(m.log, what)
	if err := m.ledger.Apply(es); err != nil {
		var brief []string
		for _, e := range es {
			brief = append(brief, fmt.Sprintf("%s %s of %q (reverses %q, origin %q, move %v)", e.Kind, e.Points, e.Professional, e.Reverses, e.Origin, e.Move))
		}
		t.Fatalf("%s: Apply: %v\nevents: %v\nsteps:\n%s", what, err, strings.Join(brief, "\n"), strings.Join(m.log, "\n"))
	}
}

func (m *smMachine) score(t *rapid.T) {
	n := len(m.sales)
	lines := rapid.IntRange(1, 3).Draw(t, "lines")
	c := promo.Cart{ID: fmt.Sprintf("sale-%d", n), Time: testkit.SaleTime(),
		Store:    promo.Store{ID: rapid.SampledFrom([]string{"loja-centro", "loja-sul", "loja-norte"}).Draw(t, "store")},
		Customer: &promo.Customer{ID: fmt.Sprintf("tok-%d", rapid.IntRange(1, 3).Draw(t, "customer"))}}
	if k := rapid.IntRange(0, len(smPros)).Draw(t, "professional"); k < len(smPros) {
		c.Professional = smPros[k]
	}
	for i := range lines {
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprint(i + 1), ProductCode: fmt.Sprint("P", i),
			Brand:     rapid.SampledFrom([]string{"Tigre", "Amanco", "Quartzolit", "Votoran"}).Draw(t, "brand"),
			Quantity:  decimal.NewFromInt(int64(rapid.IntRange(1, 3).Draw(t, "qty"))),
			UnitPrice: decimal.New(int64(rapid.IntRange(100, 3000).Draw(t, "cents")), -2)})
	}
	res, err := promo.Evaluate(c, m.rs)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	want := smExpected(c)
	got := map[string]promo.Event{}
	for _, e := range lyPoints(res) {
		e.ID = ""
		got[e.Campaign] = e
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("score %s: points events (-want +got):\n%s", c.ID, diff)
	}
	s := &smSale{cart: c, res: res, refunded: decimal.Zero}
	for _, l := range c.Lines {
		s.left = append(s.left, l.Quantity.IntPart())
	}
	for _, e := range lyPoints(res) {
		if e.Points.Sign() <= 0 {
			continue
		}
		key, id := smOwner(e)
		s.holdings = append(s.holdings, &smHolding{orig: e, weights: want[e.Campaign].Weights, current: e,
			owner: key, holder: id, standing: e.Points})
		m.balance[key] = m.balance[key].Add(e.Points)
		m.earned = m.earned.Add(e.Points)
	}
	m.sales = append(m.sales, s)
	m.apply(t, fmt.Sprintf("score %s (store %s, professional %q, lines %s): %d points events", c.ID, c.Store.ID, c.Professional, smLines(c), len(s.holdings)), res.Events)
	m.replays = append(m.replays, func() ([]promo.Event, error) {
		r, err := promo.Evaluate(c, m.rs)
		return r.Events, err
	})
}

// smLines describes a cart's lines for the log.
func smLines(c promo.Cart) string {
	var out []string
	for _, l := range c.Lines {
		out = append(out, fmt.Sprintf("%s %s x %s", l.Brand, l.Quantity, l.UnitPrice))
	}
	return strings.Join(out, ", ")
}

func (m *smMachine) reassign(t *rapid.T) {
	var held []*smHolding
	var carts []string
	for _, s := range m.sales {
		for _, h := range s.holdings {
			if h.owner != "" && h.orig.Program == loyalty.JuntosSomosMais {
				held, carts = append(held, h), append(carts, s.cart.ID)
			}
		}
	}
	if len(held) == 0 {
		t.Skip("no program points to reassign")
	}
	k := rapid.IntRange(0, len(held)-1).Draw(t, "holding")
	h, cart := held[k], carts[k]
	var to br.TaxID
	if j := rapid.IntRange(0, len(smPros)).Draw(t, "to"); j < len(smPros) {
		to = smPros[j]
	}
	from := h.current
	es, err := loyalty.Reassign(cart, from, to)
	if err != nil {
		t.Fatalf("Reassign: %v", err)
	}
	what := fmt.Sprintf("reassign %s's %s from %s to %q (%s standing)", cart, h.orig.Campaign, h.owner, to, h.standing)
	if !to.IsZero() && to == from.Professional {
		if len(es) != 0 {
			t.Fatalf("%s: the same CPF gives events %+v", what, es)
		}
		m.log = append(m.log, what+": same CPF")
		return
	}
	// A move of the event that holds the points, then, unless removing,
	// the event that carries them on from the sale's event.
	want := []string{fmt.Sprintf("%s move=true reverses=%s", promo.EventPointsReversed, from.ID)}
	if !to.IsZero() {
		want = append(want, fmt.Sprintf("%s to=%s origin=%s", promo.EventPoints, to, h.orig.ID))
	}
	var got []string
	for _, e := range es {
		if e.Kind == promo.EventPointsReversed {
			got = append(got, fmt.Sprintf("%s move=%v reverses=%s", e.Kind, e.Move, e.Reverses))
		} else {
			got = append(got, fmt.Sprintf("%s to=%s origin=%s", e.Kind, e.Professional, e.Origin))
			if diff := cmp.Diff(h.weights, e.Weights, testkit.EquateDecimals()); diff != "" {
				t.Fatalf("%s: the weights carried on (-want +got):\n%s", what, diff)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("%s: events (-want +got):\n%s", what, diff)
	}
	m.balance[h.owner] = m.balance[h.owner].Sub(h.standing)
	m.revd = m.revd.Add(h.standing)
	h.owner, h.holder = "", ""
	if !to.IsZero() {
		h.owner, h.holder = "cpf:"+to.String(), to.String()
		m.balance[h.owner] = m.balance[h.owner].Add(h.standing)
		m.earned = m.earned.Add(h.standing)
		h.current = es[len(es)-1]
	} else {
		h.standing = decimal.Zero
	}
	m.apply(t, what, es)
	m.replays = append(m.replays, func() ([]promo.Event, error) { return loyalty.Reassign(cart, from, to) })
}

func (m *smMachine) giveBack(t *rapid.T) {
	var open []*smSale
	for _, s := range m.sales {
		for _, n := range s.left {
			if n > 0 {
				open = append(open, s)
				break
			}
		}
	}
	if len(open) == 0 {
		t.Skip("nothing left to return")
	}
	s := open[rapid.IntRange(0, len(open)-1).Draw(t, "sale")]
	var lines []int
	for i, n := range s.left {
		if n > 0 {
			lines = append(lines, i)
		}
	}
	i := lines[rapid.IntRange(0, len(lines)-1).Draw(t, "line")]
	q := int64(rapid.IntRange(1, int(s.left[i])).Draw(t, "units"))
	now := []refund.Returned{{Line: s.cart.Lines[i].ID, Quantity: decimal.NewFromInt(q)}}
	earlier := append([]refund.Returned(nil), s.earlier...)
	rr, err := refund.Of(s.res, earlier, now)
	if err != nil {
		t.Fatalf("Refund: %v", err)
	}
	returnedBefore := make([]int64, len(s.left))
	for k, l := range s.cart.Lines {
		returnedBefore[k] = l.Quantity.IntPart() - s.left[k]
	}
	s.left[i] -= q
	returnedAfter := append([]int64(nil), returnedBefore...)
	returnedAfter[i] += q
	all := true
	for _, n := range s.left {
		all = all && n == 0
	}
	before, after := s.refunded, s.refunded.Add(rr.Total)
	if net := s.res.Totals.Net; all && !after.Equal(net) {
		t.Fatalf("%s: the refunds add up to %s, the sale's net is %s", s.cart.ID, after, net)
	}
	what := fmt.Sprintf("return %s units of line %s of %s (refund %s)", now[0].Quantity, now[0].Line, s.cart.ID, rr.Total)
	want := map[string]decimal.Decimal{}
	for _, h := range s.holdings {
		back := s.takes(h, returnedAfter, after).Sub(s.takes(h, returnedBefore, before))
		if back.Sign() > 0 {
			want[h.orig.ID+" ("+h.orig.Campaign+")"] = back
		}
		if h.owner != "" {
			h.standing = h.standing.Sub(back)
			m.balance[h.owner] = m.balance[h.owner].Sub(back)
			m.revd = m.revd.Add(back)
		}
	}
	got := map[string]decimal.Decimal{}
	campaigns := map[string]string{}
	for _, h := range s.holdings {
		campaigns[h.orig.ID] = h.orig.Campaign
	}
	for _, e := range rr.Events {
		if e.Kind == promo.EventPointsReversed {
			got[e.Reverses+" ("+campaigns[e.Reverses]+")"] = e.Points
		}
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Fatalf("%s: points taken back by event (-want +got):\n%s\nsteps:\n%s", what, diff, strings.Join(m.log, "\n"))
	}
	s.refunded = after
	s.earlier = append(s.earlier, now...)
	m.apply(t, what, rr.Events)
	sale := s.res
	m.replays = append(m.replays, func() ([]promo.Event, error) {
		r, err := refund.Of(sale, earlier, now)
		return r.Events, err
	})
}

func (m *smMachine) retry(t *rapid.T) {
	if len(m.replays) == 0 {
		t.Skip("nothing to retry")
	}
	k := rapid.IntRange(0, len(m.replays)-1).Draw(t, "replay")
	es, err := m.replays[k]()
	if err != nil {
		t.Fatalf("retry %d: %v", k, err)
	}
	m.apply(t, fmt.Sprintf("retry step %d", k), es)
}

func (m *smMachine) check(t *rapid.T) {
	sum := decimal.Zero
	for who, b := range m.balance {
		if b.Sign() < 0 {
			t.Fatalf("the model's balance of %s is %s\nsteps:\n%s", who, b, strings.Join(m.log, "\n"))
		}
		sum = sum.Add(b)
	}
	for _, p := range smPros {
		got, want := m.ledger.Balance(p), m.balance["cpf:"+p.String()]
		if got.Sign() < 0 || !got.Equal(want) {
			t.Fatalf("balance of %s: want %s, got %s\nsteps:\n%s", p.Format(), want, got, strings.Join(m.log, "\n"))
		}
	}
	earned, reversed := m.ledger.Totals()
	if !m.ledger.Sum().Equal(sum) || !earned.Equal(m.earned) || !reversed.Equal(m.revd) {
		t.Fatalf("sum %s, earned %s, reversed %s; want %s, %s, %s\nsteps:\n%s",
			m.ledger.Sum(), earned, reversed, sum, m.earned, m.revd, strings.Join(m.log, "\n"))
	}
	if !m.ledger.Sum().Equal(earned.Sub(reversed)) {
		t.Fatalf("sum of balances %s is not earned %s - reversed %s", m.ledger.Sum(), earned, reversed)
	}
	for _, s := range m.sales {
		for _, h := range s.holdings {
			got, who := m.ledger.Standing(h.orig.ID)
			if !got.Equal(h.standing) || (who == "") != (h.holder == "") || !strings.Contains(who, h.holder) {
				t.Fatalf("%s's %s: want %s standing held by %q, got %s held by %q\nsteps:\n%s",
					s.cart.ID, h.orig.Campaign, h.standing, h.holder, got, who, strings.Join(m.log, "\n"))
			}
		}
	}
}

func TestLedgerStateMachine(t *testing.T) {
	// A failure must not leave files behind in the package (rapid writes
	// testdata/rapid/*.fail by default); its output names the seed.
	if f := flag.Lookup("rapid.nofailfile"); f != nil && f.Value.String() == "false" {
		if err := f.Value.Set("true"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = f.Value.Set("false") })
	}
	// A campaign takes 1.00 off every sale's first line and gives 10 fixed
	// points for the customer's token; another gives one and a half times
	// the program's points; the program scores the rest.
	camp := lyOff{id: "camp", phase: promo.PhaseItem, line: 0, amount: testkit.Dec("1.00"), occ: 1}
	dobro := lyOff{id: "dobro", phase: promo.PhaseItem, occ: 1}
	rs, err := promo.NewRuleset(promo.Settings{}, lyProgram(), camp, bnBonus(camp, "10", "", lyProgram()),
		dobro, bnBonus(dobro, "", "1.5", lyProgram()))
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		m := &smMachine{rs: rs, balance: map[string]decimal.Decimal{}, earned: decimal.Zero, revd: decimal.Zero}
		t.Repeat(map[string]func(*rapid.T){
			"score":    m.score,
			"reassign": m.reassign,
			"return":   m.giveBack,
			"retry":    m.retry,
			"":         m.check,
		})
	})
}
