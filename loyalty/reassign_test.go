package loyalty_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/loyalty"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// raSale is sale s1 of the mixed lines in loja-centro: 125 points for
// professional A (see TestProgramTables). It returns the result and its
// points event.
func raSale(t *testing.T) (promo.Result, promo.Event) {
	t.Helper()
	res := lyEval(t, lyCart("s1", "loja-centro", lyProA, lyMixedLines()...), lyProgram())
	pts := lyPoints(res)
	if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec("125")) {
		t.Fatalf("want one event of 125 points, got %+v", pts)
	}
	return res, pts[0]
}

// raNoIDs returns the events without their ids, for comparison.
func raNoIDs(es []promo.Event) []promo.Event {
	out := make([]promo.Event, len(es))
	for i, e := range es {
		e.ID = ""
		out[i] = e
	}
	return out
}

func TestReassignToAnotherCPF(t *testing.T) {
	_, orig := raSale(t)
	got, err := loyalty.Reassign("s1", orig, lyProB)
	if err != nil {
		t.Fatal(err)
	}
	// The reversal is a move (it takes whatever still stands); the new
	// event carries the points on for B, naming the sale's event as its
	// origin, with the sale's weights (37.50, 79.60, 8.35: see
	// TestProgramEvent).
	weights := lyWeights("1", "37.50", "2", "79.60", "4", "8.35")
	want := []promo.Event{
		{Kind: promo.EventPointsReversed, Campaign: loyalty.ProgramID, Customer: "tok-s1", Points: testkit.Dec("125"),
			Program: loyalty.JuntosSomosMais, Professional: lyProA, Reverses: orig.ID, Move: true},
		{Kind: promo.EventPoints, Campaign: loyalty.ProgramID, Customer: "tok-s1", Points: testkit.Dec("125"),
			Program: loyalty.JuntosSomosMais, Professional: lyProB, Origin: orig.ID, Weights: weights},
	}
	if diff := cmp.Diff(want, raNoIDs(got), testkit.EquateDecimals()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}

	t.Run("again, from B to C: the origin is still the sale's event", func(t *testing.T) {
		again, err := loyalty.Reassign("s1", got[1], lyProC)
		if err != nil {
			t.Fatal(err)
		}
		want := []promo.Event{
			{Kind: promo.EventPointsReversed, Campaign: loyalty.ProgramID, Customer: "tok-s1", Points: testkit.Dec("125"),
				Program: loyalty.JuntosSomosMais, Professional: lyProB, Reverses: got[1].ID, Move: true},
			{Kind: promo.EventPoints, Campaign: loyalty.ProgramID, Customer: "tok-s1", Points: testkit.Dec("125"),
				Program: loyalty.JuntosSomosMais, Professional: lyProC, Origin: orig.ID, Weights: weights},
		}
		if diff := cmp.Diff(want, raNoIDs(again), testkit.EquateDecimals()); diff != "" {
			t.Errorf("events (-want +got):\n%s", diff)
		}
	})
}

func TestReassignRemoval(t *testing.T) {
	_, orig := raSale(t)
	got, err := loyalty.Reassign("s1", orig, br.TaxID{})
	if err != nil {
		t.Fatal(err)
	}
	want := []promo.Event{{Kind: promo.EventPointsReversed, Campaign: loyalty.ProgramID, Customer: "tok-s1", Points: testkit.Dec("125"),
		Program: loyalty.JuntosSomosMais, Professional: lyProA, Reverses: orig.ID, Move: true}}
	if diff := cmp.Diff(want, raNoIDs(got), testkit.EquateDecimals()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestReassignSameCPFDoesNothing(t *testing.T) {
	_, orig := raSale(t)
	for _, s := range []string{"390.533.447-05", "39053344705", "390 533 447 05"} {
		got, err := loyalty.Reassign("s1", orig, br.MustParseTaxID(s))
		if err != nil || len(got) != 0 {
			t.Errorf("%s: want no event and no error, got %+v, %v", s, got, err)
		}
	}
}

func TestReassignErrors(t *testing.T) {
	_, orig := raSale(t)
	cnpj := br.MustParseTaxID("11.222.333/0001-81")
	tests := []struct {
		name  string
		event promo.Event
		to    br.TaxID
	}{
		{"a CNPJ does not score", orig, cnpj},
		{"cashback is not points", promo.Event{ID: "x", Kind: promo.EventCashbackEarned, Amount: testkit.Dec("5")}, lyProB},
		{"an activation is not points", promo.Event{ID: "x", Kind: promo.EventActivation}, lyProB},
		{"a reversal cannot be reassigned", promo.Event{ID: "x", Kind: promo.EventPointsReversed, Points: testkit.Dec("5"), Professional: lyProA}, lyProB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := loyalty.Reassign("s1", tt.event, tt.to)
			if err == nil || got != nil {
				t.Errorf("want an error and no events, got %+v, %v", got, err)
			}
		})
	}
}

func TestReassignIDs(t *testing.T) {
	_, orig := raSale(t)
	ids := func(cart string, to br.TaxID) []string {
		es, err := loyalty.Reassign(cart, orig, to)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	first := ids("s1", lyProB)
	if diff := cmp.Diff(first, ids("s1", lyProB)); diff != "" {
		t.Errorf("the same reassignment twice gives other ids (-first +second):\n%s", diff)
	}
	seen := map[string]string{orig.ID: "the original event"}
	for _, c := range []struct {
		what string
		ids  []string
	}{
		{"to B", first},
		{"to C", ids("s1", lyProC)},
		{"removal", ids("s1", br.TaxID{})},
		{"to B in another sale", ids("s2", lyProB)},
	} {
		for _, id := range c.ids {
			if id == "" {
				t.Errorf("%s: empty id", c.what)
			}
			if other, dup := seen[id]; dup {
				t.Errorf("%s: id %s is also the id of %s", c.what, id, other)
			}
			seen[id] = c.what
		}
	}
}

// raBalances returns the balances of professionals A, B and C and the sum
// of every balance.
func raBalances(l *loyalty.Ledger) []decimal.Decimal {
	return []decimal.Decimal{l.Balance(lyProA), l.Balance(lyProB), l.Balance(lyProC), l.Sum()}
}

func raWant(a, b, c, sum string) []decimal.Decimal {
	return []decimal.Decimal{testkit.Dec(a), testkit.Dec(b), testkit.Dec(c), testkit.Dec(sum)}
}

func raApply(t *testing.T, l *loyalty.Ledger, es []promo.Event) {
	t.Helper()
	if err := l.Apply(es); err != nil {
		t.Fatalf("Apply: %v", err)
	}
}

func raReassign(t *testing.T, cart string, e promo.Event, to br.TaxID) []promo.Event {
	t.Helper()
	es, err := loyalty.Reassign(cart, e, to)
	if err != nil {
		t.Fatalf("Reassign: %v", err)
	}
	return es
}

// raStanding checks what of a sale's points event still stands and who
// holds it: holder is the CPF expected, or the zero TaxID once removed.
// The holder's key is the Ledger's own; it must name the CPF.
func raStanding(t *testing.T, l *loyalty.Ledger, origin string, points string, holder br.TaxID) {
	t.Helper()
	got, who := l.Standing(origin)
	if !got.Equal(testkit.Dec(points)) {
		t.Errorf("standing of %s: want %s points, got %s", origin, points, got)
	}
	switch {
	case holder.IsZero() && who != "":
		t.Errorf("standing of %s: want no holder (removed), got %q", origin, who)
	case !holder.IsZero() && !strings.Contains(who, holder.String()):
		t.Errorf("standing of %s: want it held by %s, got %q", origin, holder.Format(), who)
	}
}

func TestLedgerReassignments(t *testing.T) {
	var l loyalty.Ledger
	res, orig := raSale(t)
	raApply(t, &l, res.Events)
	raApply(t, &l, res.Events) // retried: applied once
	if diff := cmp.Diff(raWant("125", "0", "0", "125"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
		t.Fatalf("after the sale (-want +got):\n%s", diff)
	}
	raStanding(t, &l, orig.ID, "125", lyProA)
	toB := raReassign(t, "s1", orig, lyProB)
	raApply(t, &l, toB)
	raApply(t, &l, raReassign(t, "s1", orig, lyProB)) // retried with the same ids
	if diff := cmp.Diff(raWant("0", "125", "0", "125"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
		t.Errorf("after A -> B (-want +got):\n%s", diff)
	}
	raStanding(t, &l, orig.ID, "125", lyProB)
	toC := raReassign(t, "s1", toB[1], lyProC)
	raApply(t, &l, toC)
	if diff := cmp.Diff(raWant("0", "0", "125", "125"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
		t.Errorf("after B -> C (-want +got):\n%s", diff)
	}
	raStanding(t, &l, orig.ID, "125", lyProC)
	raApply(t, &l, raReassign(t, "s1", toC[1], br.TaxID{}))
	if diff := cmp.Diff(raWant("0", "0", "0", "0"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
		t.Errorf("after removal (-want +got):\n%s", diff)
	}
	raStanding(t, &l, orig.ID, "0", br.TaxID{})
	// Earned: 125 at the sale, 125 to B, 125 to C; reversed 3 x 125.
	earned, reversed := l.Totals()
	if !earned.Equal(testkit.Dec("375")) || !reversed.Equal(testkit.Dec("375")) {
		t.Errorf("totals: want 375 earned and 375 reversed, got %s and %s", earned, reversed)
	}
}

func TestLedgerRejects(t *testing.T) {
	p := func(id string, pts string, who br.TaxID) promo.Event {
		return promo.Event{ID: id, Kind: promo.EventPoints, Points: testkit.Dec(pts), Professional: who}
	}
	rev := func(id, of string, pts string) promo.Event {
		return promo.Event{ID: id, Kind: promo.EventPointsReversed, Points: testkit.Dec(pts), Reverses: of}
	}
	tests := []struct {
		name   string
		events []promo.Event
	}{
		{"a reversal of an unknown event", []promo.Event{p("e1", "10", lyProA), rev("r1", "nope", "1")}},
		{"a reversal of more than the balance", []promo.Event{p("e1", "10", lyProA), rev("r1", "e1", "11")}},
		{"negative points", []promo.Event{p("e1", "10", lyProA), p("e2", "-1", lyProA)}},
		{"a reversal of a reversal", []promo.Event{p("e1", "10", lyProA), rev("r1", "e1", "1"), rev("r2", "r1", "1")}},
		// A points event with an origin carries on what a move took: with
		// no move before it, there is nothing to carry on.
		{"carrying on points no reassignment moved", []promo.Event{p("e1", "10", lyProA),
			{ID: "e2", Kind: promo.EventPoints, Points: testkit.Dec("10"), Professional: lyProC, Origin: "e1"}}},
		// e1 gave 10, a return took 7: 3 stand; another return of 4 is more.
		{"a return of more than still stands", []promo.Event{p("e1", "10", lyProA), rev("r1", "e1", "7"), rev("r2", "e1", "4")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l loyalty.Ledger
			raApply(t, &l, []promo.Event{p("e0", "5", lyProB)})
			if err := l.Apply(tt.events); err == nil {
				t.Fatal("want an error")
			}
			// Nothing of the rejected batch is applied.
			if diff := cmp.Diff(raWant("0", "5", "0", "5"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
				t.Errorf("balances (-want +got):\n%s", diff)
			}
			earned, reversed := l.Totals()
			if !earned.Equal(testkit.Dec("5")) || !reversed.IsZero() {
				t.Errorf("totals: want 5 and 0, got %s and %s", earned, reversed)
			}
		})
	}
	t.Run("other kinds are ignored", func(t *testing.T) {
		var l loyalty.Ledger
		raApply(t, &l, []promo.Event{{ID: "a", Kind: promo.EventActivation}, {ID: "c", Kind: promo.EventCashbackEarned, Amount: testkit.Dec("9")}})
		if !l.Sum().IsZero() {
			t.Errorf("sum: want 0, got %s", l.Sum())
		}
	})
	t.Run("an event takes back at most what it gave", func(t *testing.T) {
		// e1 gave A 100 points, e2 (another sale) 100 more. Reversing 80 of
		// e1 leaves 20 of it; reversing 80 of e1 again takes back more than
		// e1 gave (160 of 100), which the Ledger's contract forbids even
		// though A's balance (120) could pay for it.
		var l loyalty.Ledger
		raApply(t, &l, []promo.Event{p("e1", "100", lyProA), p("e2", "100", lyProA), rev("r1", "e1", "80")})
		if err := l.Apply([]promo.Event{rev("r2", "e1", "80")}); err == nil {
			t.Errorf("want an error: e1 has 20 points left to take back; balance now %s", l.Balance(lyProA))
		}
	})
	t.Run("a move carries on what stands, not what the events say", func(t *testing.T) {
		// e1 gave A 100; a return took 30, 70 stand. The move's reversal and
		// the new event both say 100 (the sale's points): B gets the 70.
		var l loyalty.Ledger
		raApply(t, &l, []promo.Event{p("e1", "100", lyProA), rev("r1", "e1", "30"),
			{ID: "m1", Kind: promo.EventPointsReversed, Points: testkit.Dec("100"), Professional: lyProA, Reverses: "e1", Move: true},
			{ID: "e2", Kind: promo.EventPoints, Points: testkit.Dec("100"), Professional: lyProB, Origin: "e1"}})
		if diff := cmp.Diff(raWant("0", "70", "0", "70"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("balances (-want +got):\n%s", diff)
		}
		raStanding(t, &l, "e1", "70", lyProB)
		// Earned 100 + 70 carried on; reversed 30 + 70 moved.
		earned, reversed := l.Totals()
		if !earned.Equal(testkit.Dec("170")) || !reversed.Equal(testkit.Dec("100")) {
			t.Errorf("totals: want 170 and 100, got %s and %s", earned, reversed)
		}
		// A return of e1 now reaches B, up to what stands.
		raApply(t, &l, []promo.Event{rev("r2", "e1", "20")})
		if diff := cmp.Diff(raWant("0", "50", "0", "50"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("balances after another return (-want +got):\n%s", diff)
		}
		if err := l.Apply([]promo.Event{rev("r3", "e1", "51")}); err == nil {
			t.Error("want an error: 50 points of e1 stand, a return takes 51")
		}
	})
	t.Run("after removal a return takes nothing", func(t *testing.T) {
		// e1 gave A 100, removed (a move with no event after it); a return
		// of e1 then takes nothing from anyone, even more than e1 gave.
		var l loyalty.Ledger
		raApply(t, &l, []promo.Event{p("e1", "100", lyProA), p("e2", "5", lyProA),
			{ID: "m1", Kind: promo.EventPointsReversed, Points: testkit.Dec("100"), Professional: lyProA, Reverses: "e1", Move: true},
			rev("r1", "e1", "40")})
		if diff := cmp.Diff(raWant("5", "0", "0", "5"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("balances (-want +got):\n%s", diff)
		}
		raStanding(t, &l, "e1", "0", br.TaxID{})
		earned, reversed := l.Totals()
		if !earned.Equal(testkit.Dec("105")) || !reversed.Equal(testkit.Dec("100")) {
			t.Errorf("totals: want 105 and 100, got %s and %s", earned, reversed)
		}
	})
}

// raTwoSales scores sale s0 (Tigre 40.00 in loja-norte: 40.00 x 0.5 = 20
// points) and sale s1 (Tigre 3 x 12.50 = 37.50 x 0.5 = 18.75 and Amanco 1
// x 12.50 x 0.5 = 6.25: 25.00 -> 25 points), both for professional A, into
// l, and returns s1's result and points event. Returning one Tigre takes
// back 25 x (18.75 x 1/3) / 25.00 = 6.25 points, 6 truncated.
func raTwoSales(t *testing.T, l *loyalty.Ledger) (promo.Result, promo.Event) {
	t.Helper()
	s0 := lyEval(t, lyCart("s0", "loja-norte", lyProA, lyLine("1", "Tigre", "1", "40.00")), lyProgram())
	s1 := lyEval(t, lyCart("s1", "loja-norte", lyProA, lyLine("1", "Tigre", "3", "12.50"), lyLine("2", "Amanco", "1", "12.50")), lyProgram())
	raApply(t, l, s0.Events)
	raApply(t, l, s1.Events)
	pts := lyPoints(s1)
	if len(pts) != 1 || !pts[0].Points.Equal(testkit.Dec("25")) || !l.Balance(lyProA).Equal(testkit.Dec("45")) {
		t.Fatalf("want 20 + 25 = 45 points for A, got %s (%+v)", l.Balance(lyProA), pts)
	}
	return s1, pts[0]
}

func raRefund(t *testing.T, sale promo.Result, earlier, now []refund.Returned) []promo.Event {
	t.Helper()
	r, err := refund.Of(sale, earlier, now)
	if err != nil {
		t.Fatalf("Refund: %v", err)
	}
	return r.Events
}

// TestLedgerReassignAndReturn follows a sale whose points are reassigned
// (Consulta de Pedidos) and that is also partly returned, in both orders,
// with the events the library gives (Reassign, refund.Of). Whoever holds
// the sale's points when goods come back loses the points those goods
// carried; nobody else does; and no point of the sale is moved twice.
func TestLedgerReassignAndReturn(t *testing.T) {
	oneTigre := []refund.Returned{{Line: "1", Quantity: testkit.Dec("1")}}
	t.Run("reassigned, then partly returned", func(t *testing.T) {
		var l loyalty.Ledger
		s1, e := raTwoSales(t, &l)
		raApply(t, &l, raReassign(t, "s1", e, lyProB)) // A 20, B 25
		if err := l.Apply(raRefund(t, s1, nil, oneTigre)); err != nil {
			t.Errorf("Apply the return: %v", err)
		}
		// B held s1's points: B 25 - 6 = 19; A keeps s0's 20. Sum 39 =
		// earned 20 + 25 + 25 - reversed 25 + 6.
		if diff := cmp.Diff(raWant("20", "19", "0", "39"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("balances (-want +got):\n%s", diff)
		}
		raStanding(t, &l, e.ID, "19", lyProB)
	})
	t.Run("partly returned, then reassigned", func(t *testing.T) {
		var l loyalty.Ledger
		s1, e := raTwoSales(t, &l)
		raApply(t, &l, raRefund(t, s1, nil, oneTigre)) // A 45 - 6 = 39
		if err := l.Apply(raReassign(t, "s1", e, lyProB)); err != nil {
			t.Errorf("Apply the reassignment: %v", err)
		}
		// What s1 still gives, 25 - 6 = 19, moves to B; A keeps s0's 20.
		if diff := cmp.Diff(raWant("20", "19", "0", "39"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("balances (-want +got):\n%s", diff)
		}
		raStanding(t, &l, e.ID, "19", lyProB)
		// Earned 20 + 25 + 19 carried on; reversed 6 + 19 moved: 64 - 25 = 39.
		earned, reversed := l.Totals()
		if !earned.Equal(testkit.Dec("64")) || !reversed.Equal(testkit.Dec("25")) {
			t.Errorf("totals: want 64 and 25, got %s and %s", earned, reversed)
		}
	})
	t.Run("returned, reassigned twice, returned to the end", func(t *testing.T) {
		var l loyalty.Ledger
		s1, e := raTwoSales(t, &l)
		raApply(t, &l, raRefund(t, s1, nil, oneTigre)) // A 45 - 6 = 39
		toB := raReassign(t, "s1", e, lyProB)          // 19 stand: A 20, B 19
		raApply(t, &l, toB)
		raApply(t, &l, raReassign(t, "s1", toB[1], lyProC)) // A 20, C 19
		if diff := cmp.Diff(raWant("20", "0", "19", "39"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("after the reassignments (-want +got):\n%s", diff)
		}
		// The second Tigre: 25 x (18.75 x 2/3) / 25.00 = 12.50 -> 12, less
		// the 6 taken: 6 from C, who holds the points now.
		second := []refund.Returned{{Line: "1", Quantity: testkit.Dec("1")}}
		raApply(t, &l, raRefund(t, s1, oneTigre, second))
		if diff := cmp.Diff(raWant("20", "0", "13", "33"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("after the second Tigre (-want +got):\n%s", diff)
		}
		raStanding(t, &l, e.ID, "13", lyProC)
		// The rest (Tigre and Amanco): every scoring line is back, 25 - 12 =
		// 13, all that stands.
		rest := []refund.Returned{{Line: "1", Quantity: testkit.Dec("1")}, {Line: "2", Quantity: testkit.Dec("1")}}
		raApply(t, &l, raRefund(t, s1, []refund.Returned{{Line: "1", Quantity: testkit.Dec("2")}}, rest))
		if diff := cmp.Diff(raWant("20", "0", "0", "20"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("after the rest (-want +got):\n%s", diff)
		}
		raStanding(t, &l, e.ID, "0", lyProC)
	})
	t.Run("removed, then partly returned", func(t *testing.T) {
		var l loyalty.Ledger
		s1, e := raTwoSales(t, &l)
		raApply(t, &l, raReassign(t, "s1", e, br.TaxID{})) // A 20
		if err := l.Apply(raRefund(t, s1, nil, oneTigre)); err != nil {
			t.Errorf("Apply the return: %v", err)
		}
		// s1's points were already removed: the return takes nothing more.
		if diff := cmp.Diff(raWant("20", "0", "0", "20"), raBalances(&l), testkit.EquateDecimals()); diff != "" {
			t.Errorf("balances (-want +got):\n%s", diff)
		}
		raStanding(t, &l, e.ID, "0", br.TaxID{})
		// Earned 20 + 25, reversed the 25 removed only.
		earned, reversed := l.Totals()
		if !earned.Equal(testkit.Dec("45")) || !reversed.Equal(testkit.Dec("25")) {
			t.Errorf("totals: want 45 and 25, got %s and %s", earned, reversed)
		}
	})
}
