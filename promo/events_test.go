package promo_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// The events of an evaluation and their ids.

var evHex32 = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestEvaluateEvents(t *testing.T) {
	rs := promotest.NewRuleset(t, promo.Settings{},
		evFake("a", evFixedOff(map[int]string{0: "1.00"})).with(func(in *promo.Info) { in.Priority = 1 }),
		evFake("b", func(v *promo.View) promo.Proposal {
			p := evFixedOff(map[int]string{1: "2.50"})(v)
			p.Occurrences = 3
			return p
		}).with(func(in *promo.Info) { in.Priority = 2 }),
		evFake("c", nil),
	)
	c := promotest.Cart(promotest.Line("1", "1", "10.00"), promotest.Line("2", "1", "10.00"))
	c.Customer = &promo.Customer{ID: "cust-1"}
	res := promotest.Evaluate(t, c, rs)

	want := []promo.Event{
		{ID: promo.EventID("sale-1", "activation", "a"), Kind: promo.EventActivation, Campaign: "a", Customer: "cust-1", Amount: testkit.Dec("1.00"), Occurrences: 1},
		{ID: promo.EventID("sale-1", "activation", "b"), Kind: promo.EventActivation, Campaign: "b", Customer: "cust-1", Amount: testkit.Dec("2.50"), Occurrences: 3},
	}
	if diff := cmp.Diff(want, res.Events, testkit.EquateDecimals()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if len(res.Events) != 2 {
		t.FailNow()
	}
	for _, e := range res.Events {
		if !evHex32.MatchString(e.ID) {
			t.Errorf("event id %q is not 32 lowercase hex digits", e.ID)
		}
	}
	if res.Events[0].ID == res.Events[1].ID {
		t.Errorf("two campaigns share the event id %s", res.Events[0].ID)
	}
	if res.CartID != "sale-1" {
		t.Errorf("CartID = %q, want sale-1", res.CartID)
	}

	// The same cart again, and the same cart with its lines in another
	// order: the same ids (a retried sale is idempotent).
	again := promotest.Evaluate(t, c, rs)
	if diff := cmp.Diff(res.Events, again.Events, testkit.EquateDecimals()); diff != "" {
		t.Errorf("a second evaluation changed the events (-first +second):\n%s", diff)
	}

	reordered := c
	reordered.Lines = []promo.Line{c.Lines[1], c.Lines[0]}
	if diff := cmp.Diff(res.Events, promotest.Evaluate(t, reordered, rs).Events, testkit.EquateDecimals()); diff != "" {
		t.Errorf("reordering the lines changed the events (-first +reordered):\n%s", diff)
	}
	// Another sale: other ids.
	other := c
	other.ID = "sale-2"
	res2 := promotest.Evaluate(t, other, rs)
	if len(res2.Events) != 2 {
		t.Fatalf("sale-2 events = %v, want 2", res2.Events)
	}
	for i := range res2.Events {
		if res2.Events[i].ID == res.Events[i].ID {
			t.Errorf("sale-1 and sale-2 share the event id %s", res.Events[i].ID)
		}
		if res2.Events[i].ID != promo.EventID("sale-2", "activation", res2.Events[i].Campaign) {
			t.Errorf("sale-2 event %d id %s is not EventID(sale-2, activation, %s)", i, res2.Events[i].ID, res2.Events[i].Campaign)
		}
	}

	// An anonymous sale has no customer on its events.
	anon := c
	anon.Customer = nil
	for _, e := range promotest.Evaluate(t, anon, rs).Events {
		if e.Customer != "" {
			t.Errorf("anonymous sale event has customer %q", e.Customer)
		}
	}
}

func TestEventID(t *testing.T) {
	a := promo.EventID("sale-1", "activation", "x")
	if a != promo.EventID("sale-1", "activation", "x") || !evHex32.MatchString(a) {
		t.Errorf("EventID is not a stable 32-digit hex id: %q", a)
	}
	// The parts are separated: moving a character between them changes the id.
	distinct := []string{
		a,
		promo.EventID("sale-1", "activation", "y"),
		promo.EventID("sale-2", "activation", "x"),
		promo.EventID("sale-1", "activationx"),
		promo.EventID("sale-1a", "ctivation", "x"),
		promo.EventID("sale-1"),
		promo.EventID("sale-1", ""),
	}
	seen := map[string]int{}
	for i, id := range distinct {
		if j, dup := seen[id]; dup {
			t.Errorf("EventID inputs %d and %d give the same id %s", j, i, id)
		}
		seen[id] = i
	}
	if got := promo.EventActivation.String(); got != "activation" {
		t.Errorf("EventActivation.String() = %q", got)
	}
}

// TestAuthorizationNumber checks the authorization number of a keyed
// discount (NrAutDescVenda): 16 decimal digits, the same for the same sale
// and promotion, another for another sale or promotion.
func TestAuthorizationNumber(t *testing.T) {
	a := promo.AuthorizationNumber("loja-1-pdv-2-000381", "pack-ticket")
	if len(a) != 16 || strings.Trim(a, "0123456789") != "" {
		t.Errorf("AuthorizationNumber = %q, want 16 decimal digits", a)
	}
	if b := promo.AuthorizationNumber("loja-1-pdv-2-000381", "pack-ticket"); b != a {
		t.Errorf("a retried sale gets %q, then %q", a, b)
	}
	for _, other := range [][2]string{{"loja-1-pdv-2-000382", "pack-ticket"}, {"loja-1-pdv-2-000381", "pack-linha-x"}, {"loja-1-pdv-2-00038", "1pack-ticket"}} {
		if b := promo.AuthorizationNumber(other[0], other[1]); b == a {
			t.Errorf("sale %q, promotion %q: the same number %q", other[0], other[1], a)
		}
	}
}

// Every event kind reads back from its name; an unknown name is refused.
func TestEventKindText(t *testing.T) {
	for k := promo.EventActivation; k <= promo.EventTally; k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", k, err)
		}
		var got promo.EventKind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, k)
		}
	}
	var k promo.EventKind
	if err := k.UnmarshalText([]byte("EventKind(11)")); err == nil {
		t.Errorf("UnmarshalText of an unknown kind: no error")
	}
}

// The events a proposal adds follow the campaign's activation: an event
// naming no campaign is the applying campaign's; one naming another keeps
// it. Their ids are EventID of kind, campaign, code, credit (when there is
// one) and their position in the proposal.
func TestEvaluateProposalEvents(t *testing.T) {
	rs := promotest.NewRuleset(t, promo.Settings{}, evFake("p", func(v *promo.View) promo.Proposal {
		p := evFixedOff(map[int]string{0: "1.00"})(v)
		p.Events = []promo.Event{
			{Kind: promo.EventPoints, Points: testkit.Dec("10")},
			{Kind: promo.EventCashbackRedeemed, Campaign: "wallet", Credit: "cr-1", Amount: testkit.Dec("5.00")},
		}
		return p
	}))
	res := promotest.Evaluate(t, promotest.Cart(promotest.Line("1", "1", "10.00")), rs)
	want := []promo.Event{
		{ID: promo.EventID("sale-1", "activation", "p"), Kind: promo.EventActivation, Campaign: "p", Amount: testkit.Dec("1.00"), Occurrences: 1},
		{ID: promo.EventID("sale-1", "points", "p", "", "0"), Kind: promo.EventPoints, Campaign: "p", Points: testkit.Dec("10")},
		{ID: promo.EventID("sale-1", "cashback_redeemed", "wallet", "", "cr-1", "1"), Kind: promo.EventCashbackRedeemed, Campaign: "wallet",
			Credit: "cr-1", Amount: testkit.Dec("5.00")},
	}
	if diff := cmp.Diff(want, res.Events, testkit.EquateDecimals()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
