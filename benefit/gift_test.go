package benefit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// gift builds an expected gift-units adjustment.
func gift(amount string) bnAdj { return bnAdj{promo.GiftUnits, testkit.Dec(amount)} }

// giftGot is what a gift campaign did: the lines it zeroed, its notes and
// the gifts it reported.
type giftGot struct {
	Got   bnGot
	Gifts []promo.Gift
}

func TestGiftProducts(t *testing.T) {
	giftToAdd := []promo.ReasonCode{promo.ReasonApplied, promo.ReasonGiftToAdd}
	tests := []struct {
		name  string
		b     benefit.Benefit
		scope benefit.Scope
		lines []promo.Line
		want  giftGot
	}{
		{
			// a: 6 units in groups of 2 make 3 occurrences, capped at 2:
			// two gift units of g (3.00 each) are zeroed.
			name: "repetition cap", b: benefit.GiftProducts(1, "Pg"), scope: benefit.Scope{GroupSize: 2, MaxRepetitions: 2},
			lines: []promo.Line{promotest.Line("a", "6", "10.00"), promotest.Line("g", "5", "3.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("6.00")}, Codes: appliedCap, Occ: 2},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 2, InCart: []string{"g"}}}},
		},
		{
			// 4 units in groups of 2 are exactly the 2 occurrences allowed:
			// no cap note.
			name: "repetitions at the cap", b: benefit.GiftProducts(1, "Pg"), scope: benefit.Scope{GroupSize: 2, MaxRepetitions: 2},
			lines: []promo.Line{promotest.Line("a", "4", "10.00"), promotest.Line("g", "5", "3.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("6.00")}, Codes: applied, Occ: 2},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 2, InCart: []string{"g"}}}},
		},
		{
			// Groups of 1: each of a's 3 whole units is an occurrence of 2
			// gift units, 6 in all; g has 5 (2.00 each), one is to add.
			name: "groups of one", b: benefit.GiftProducts(2, "Pg"), scope: benefit.Scope{GroupSize: 1},
			lines: []promo.Line{promotest.Line("a", "3", "10.00"), promotest.Line("g", "5", "2.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("10.00")}, Codes: giftToAdd, Occ: 3},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 6, InCart: []string{"g"}, ToAdd: 1}}},
		},
		{
			// No group size: one occurrence of 2 units, whatever is bought.
			name: "no group size", b: benefit.GiftProducts(2, "Pg"),
			lines: []promo.Line{promotest.Line("a", "7", "10.00"), promotest.Line("g", "5", "3.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("6.00")}, Codes: applied, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 2, InCart: []string{"g"}}}},
		},
		{
			// Gift units are not bought units, nor are weighed ones: a's 2
			// units are one short of a group of 3, like a.
			name: "gift and weighed lines do not count toward the minimum", b: benefit.GiftProducts(1, "Pg"), scope: benefit.Scope{GroupSize: 3},
			lines: []promo.Line{promotest.Line("a", "2", "10.00"), bnWeighed("w", "4", "10.00"), promotest.Line("g", "5", "3.00")},
			want:  giftGot{Got: bnGot{Codes: tooFewUnits}},
		},
		{
			// A budget of 1 unit cuts the 2 gift units to 1.
			name: "unit budget", b: benefit.GiftProducts(2, "Pg"), scope: benefit.Scope{MaxUnits: 1},
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("g", "5", "3.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("3.00")}, Codes: applied, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 1, InCart: []string{"g"}}}},
		},
		{
			// 3 gift units: h's two (8.00 each) first, then one of g's (5.00).
			name: "the dearest gift lines first", b: benefit.GiftProducts(3, "Pg", "Ph"),
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("g", "2", "5.00"), promotest.Line("h", "2", "8.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"h": gift("16.00"), "g": gift("5.00")}, Codes: applied, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg", "Ph"}, Quantity: 3, InCart: []string{"h", "g"}}}},
		},
		{
			// Lowest: g's two (5.00 each) first, then one of h's (8.00).
			name: "the cheapest gift lines first with lowest", b: benefit.GiftProducts(3, "Pg", "Ph"), scope: benefit.Scope{Select: benefit.Lowest},
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("h", "2", "8.00"), promotest.Line("g", "2", "5.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("10.00"), "h": gift("8.00")}, Codes: applied, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg", "Ph"}, Quantity: 3, InCart: []string{"g", "h"}}}},
		},
		{
			// Equal prices: the lower line id first, though h comes first in
			// the cart.
			name: "equal prices by line id", b: benefit.GiftProducts(1, "Pg", "Ph"),
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("h", "1", "5.00"), promotest.Line("g", "1", "5.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("5.00")}, Codes: applied, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg", "Ph"}, Quantity: 1, InCart: []string{"g"}}}},
		},
		{
			// z costs nothing already: it is not zeroed nor counted in the
			// cart, so of 2 units g gives one and one is to add.
			name: "a gift line already at zero", b: benefit.GiftProducts(2, "Pg", "Pz"),
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), promotest.Line("z", "3", "0.00"), promotest.Line("g", "1", "4.00")},
			want: giftGot{bnGot{Adj: map[string]bnAdj{"g": gift("4.00")}, Codes: giftToAdd, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg", "Pz"}, Quantity: 2, InCart: []string{"g"}, ToAdd: 1}}},
		},
		{
			// A weighed line of the gift's product is not a gift unit.
			name: "a weighed gift line", b: benefit.GiftProducts(1, "Pg"),
			lines: []promo.Line{promotest.Line("a", "1", "10.00"), bnWeighed("g", "0.5", "4.00")},
			want: giftGot{bnGot{Codes: giftToAdd, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 1, ToAdd: 1}}},
		},
		{
			name: "none in the cart", b: benefit.GiftProducts(2, "Pg"),
			lines: []promo.Line{promotest.Line("a", "1", "10.00")},
			want: giftGot{bnGot{Codes: giftToAdd, Occ: 1},
				[]promo.Gift{{Campaign: "b", Options: []string{"Pg"}, Quantity: 2, ToAdd: 2}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := bnRun(t, tt.b, tt.scope, promo.HalfEven, tt.lines...)
			got := giftGot{bnSummary(res), res.Gifts}
			want := tt.want
			if want.Got.Adj == nil {
				want.Got.Adj = map[string]bnAdj{}
			}
			if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestGiftToAddNote(t *testing.T) {
	tests := []struct {
		quantity int64
		pt, en   string
	}{
		// g has one unit: of 3, 2 are to add.
		{3, "brinde a incluir na venda: 2 unidades", "gift to add to the sale: 2 units"},
		{2, "brinde a incluir na venda: 1 unidade", "gift to add to the sale: 1 unit"},
	}
	for _, tt := range tests {
		res := bnRun(t, benefit.GiftProducts(tt.quantity, "Pg"), benefit.Scope{}, promo.HalfEven,
			promotest.Line("a", "1", "10.00"), promotest.Line("g", "1", "4.00"))
		want := []promo.Reason{{Code: promo.ReasonApplied}, {Code: promo.ReasonGiftToAdd, PT: tt.pt, EN: tt.en}}
		if len(res.Trace) != 1 {
			t.Fatalf("trace = %+v, want one entry", res.Trace)
		}
		got := res.Trace[0].Reasons
		if len(got) > 0 {
			got[0] = promo.Reason{Code: got[0].Code} // the applied note's text is promo's
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("quantity %d: reasons (-want +got):\n%s", tt.quantity, diff)
		}
	}
}

func TestGiftMinimumNotReached(t *testing.T) {
	res := bnRun(t, benefit.GiftProducts(1, "Pg"), benefit.Scope{GroupSize: 3}, promo.HalfEven,
		promotest.Line("a", "2", "10.00"), promotest.Line("g", "4", "3.00"))
	want := []promo.Reason{{Code: promo.ReasonMinQuantity,
		PT: "quantidade mínima não atingida para o brinde", EN: "minimum quantity for the gift not reached",
		Missing: &promo.Shortfall{Quantity: 1, Like: "a"}}}
	if len(res.Trace) != 1 {
		t.Fatalf("trace = %+v, want one entry", res.Trace)
	}
	if diff := cmp.Diff(want, res.Trace[0].Reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}

func TestGiftGroupedUnits(t *testing.T) {
	// A "leve 2 pague 1" on a runs first and groups a's 2 units: none is
	// left for a gift per 2 units bought, so g is not zeroed.
	res := bnRunAll(t, promo.Settings{}, []promo.Promotion{
		bnPromo{b: benefit.FreeUnits(2, 1), scope: benefit.Scope{Lines: []int{0}}, id: "leve-2", priority: 1},
		bnPromo{b: benefit.GiftProducts(1, "Pg"), scope: benefit.Scope{GroupSize: 2}, id: "gift", priority: 2},
	}, promotest.Line("a", "2", "10.00"), promotest.Line("g", "1", "3.00"))
	want := giftGot{Got: bnGot{Adj: map[string]bnAdj{"a": free("10.00")},
		Codes: []promo.ReasonCode{promo.ReasonApplied, promo.ReasonMinQuantity}, Occ: 1}}
	if diff := cmp.Diff(want, giftGot{bnSummary(res), res.Gifts}, testkit.EquateDecimals()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestGiftGroupsTheUnitsBought(t *testing.T) {
	// The gift per 2 units bought runs first and groups a's 2 units with
	// the gift g: a "leve 2 pague 1" on a then finds no units to group.
	res := bnRunAll(t, promo.Settings{}, []promo.Promotion{
		bnPromo{b: benefit.GiftProducts(1, "Pg"), scope: benefit.Scope{GroupSize: 2}, id: "gift", priority: 1},
		bnPromo{b: benefit.FreeUnits(2, 1), scope: benefit.Scope{Lines: []int{0}}, id: "leve-2", priority: 2},
	}, promotest.Line("a", "2", "10.00"), promotest.Line("g", "1", "3.00"))
	want := giftGot{Got: bnGot{Adj: map[string]bnAdj{"g": gift("3.00")},
		Codes: []promo.ReasonCode{promo.ReasonApplied, promo.ReasonMinQuantity}, Occ: 1},
		Gifts: []promo.Gift{{Campaign: "gift", Options: []string{"Pg"}, Quantity: 1, InCart: []string{"g"}}}}
	if diff := cmp.Diff(want, giftGot{bnSummary(res), res.Gifts}, testkit.EquateDecimals()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestGiftWorth(t *testing.T) {
	// Two non-cumulative campaigns, a percent off a (100.00) and a gift of
	// g (5.00) or h (9.00): the one worth more to the customer applies.
	tests := []struct {
		name string
		off  string
		gift benefit.Benefit
		sel  benefit.Selection
		want map[string]bnAdj
	}{
		{
			// 3 gift units: g and h zeroed (14.00), one to add worth the
			// cheapest option, 5.00: 19.00 beats 18.00.
			name: "a unit to add worth the cheapest option", off: "18", gift: benefit.GiftProducts(3, "Pg", "Ph"), sel: benefit.Lowest,
			want: map[string]bnAdj{"g": gift("5.00"), "h": gift("9.00")},
		},
		{
			// 19.00 loses to 21.00.
			name: "the cheapest option loses", off: "21", gift: benefit.GiftProducts(3, "Pg", "Ph"), sel: benefit.Lowest,
			want: map[string]bnAdj{"a": item("21.00")},
		},
		{
			// The dearest, 9.00: 23.00 beats 21.00.
			name: "a unit to add worth the dearest option", off: "21", gift: benefit.GiftProducts(3, "Pg", "Ph"), sel: benefit.Highest,
			want: map[string]bnAdj{"g": gift("5.00"), "h": gift("9.00")},
		},
		{
			// No option in the cart, no reference price: worth nothing.
			name: "no option in the cart", off: "21", gift: benefit.GiftProducts(1, "Px"),
			want: map[string]bnAdj{"a": item("21.00")},
		},
		{
			// 1 unit at the reference 22.00 beats 21.00.
			name: "a reference price", off: "21", gift: benefit.GiftProductsWorth(1, testkit.Dec("22.00"), "Px"),
			want: map[string]bnAdj{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := bnPromo{b: benefit.ItemPercent(testkit.Dec(tt.off)), scope: benefit.Scope{Lines: []int{0}}, id: "off", priority: 1, exclusive: true}
			res := bnRunAll(t, promo.Settings{}, []promo.Promotion{off,
				bnPromo{b: tt.gift, scope: benefit.Scope{Select: tt.sel}, id: "gift", priority: 2, exclusive: true},
			}, promotest.Line("a", "1", "100.00"), promotest.Line("g", "1", "5.00"), promotest.Line("h", "1", "9.00"))
			if diff := cmp.Diff(tt.want, bnSummary(res).Adj, testkit.EquateDecimals()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
