package campaign_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Combo bonifications (supermarket combos) behaviour the scenario runner cannot show:
// purchase blocks (Result.Blocks), the scratch-card event's quantity,
// the counters a combo reads, funding shares and compile problems.

// cbQuantity writes a quantity bonification with the manual's settings
// (minimum 2, bonus up to the 4th unit from the minimum, unit value 2.00,
// block at 5) on product Q with the given block check.
func cbQuantity(id, check string) string {
	return fmt.Sprintf(`{"id": %q, "name": "Q por quantidade", "start": "2026-11-01", "end": "2026-11-30", "kind": "quantity",
	  "product": "Q", "min_quantity": 2, "max_bonus_quantity": 4, "from_minimum": true, "unit_value": "2.00",
	  "block_quantity": 5, "block_check": %q}`, id, check)
}

// cbBlock is a Block without its messages.
type cbBlock struct {
	Campaign, Line, Code string
	Allowed              decimal.Decimal
}

func cbBlocks(res promo.Result) []cbBlock {
	out := []cbBlock{}
	for _, b := range res.Blocks {
		out = append(out, cbBlock{b.Campaign, b.Line, string(b.Reason.Code), b.Allowed})
	}
	return out
}

func TestQuantityBlocks(t *testing.T) {
	cases := []struct {
		name     string
		check    string
		customer bool
		counters string // history.counters, JSON
		lines    string // cart lines, JSON
		blocks   []cbBlock
		discount string
	}{
		{
			// The manual's table, 5 units: nothing blocked; units 2 to 4
			// bonified, 3 x 1.00.
			name: "5 units", check: "none", customer: true,
			lines:  `{"id": "1", "product_code": "Q", "quantity": "5", "unit_price": "3.00"}`,
			blocks: []cbBlock{}, discount: "3.00",
		},
		{
			// The manual's table, 6 units: "o pdv bloqueia a venda acima do
			// 5º produto": a block on line 1 allowing 5; still 3.00 off.
			name: "6 units", check: "none", customer: true,
			lines:  `{"id": "1", "product_code": "Q", "quantity": "6", "unit_price": "3.00"}`,
			blocks: []cbBlock{{"qtd", "1", "purchase_blocked", decimal.NewFromInt(5)}}, discount: "3.00",
		},
		{
			// Two lines of Q, listed out of id order: b (3 units) comes
			// after a (3 units) by id. 6 > 5: the block falls on the last
			// line, b, allowing 5 - 3 = 2. Bonified: units 2 to 4 in
			// line-id order: 2 of a and 1 of b, 1.00 each: 3.00.
			name: "6 units over two lines", check: "none", customer: true,
			lines: `{"id": "b", "product_code": "Q", "quantity": "3", "unit_price": "3.00"},
			        {"id": "a", "product_code": "Q", "quantity": "3", "unit_price": "3.00"}`,
			blocks: []cbBlock{{"qtd", "b", "purchase_blocked", decimal.NewFromInt(2)}}, discount: "3.00",
		},
		{
			// Per sale day: 3 bought today, 4 in the cart: 2 allowed, block
			// allowing 2; bonus on the 2nd allowed unit only: 1.00.
			name: "sale day with history", check: "sale_day", customer: true,
			counters: `{"block/qtd/customer/c-1/2026-11-21/units": "3", "block/qtd/customer/c-1/2026-11-20/units": "5"}`,
			lines:    `{"id": "1", "product_code": "Q", "quantity": "4", "unit_price": "3.00"}`,
			blocks:   []cbBlock{{"qtd", "1", "purchase_blocked", decimal.NewFromInt(2)}}, discount: "1.00",
		},
		{
			// Yesterday's counter is full, today's is empty: 4 units are
			// allowed, no block; units 2 to 4 bonified: 3.00.
			name: "sale day, only yesterday full", check: "sale_day", customer: true,
			counters: `{"block/qtd/customer/c-1/2026-11-20/units": "5"}`,
			lines:    `{"id": "1", "product_code": "Q", "quantity": "4", "unit_price": "3.00"}`,
			blocks:   []cbBlock{}, discount: "3.00",
		},
		{
			// Over the promotion period: 5 already bought, nothing allowed.
			name: "promotion period reached", check: "promotion_period", customer: true,
			counters: `{"block/qtd/customer/c-1/all/units": "5"}`,
			lines:    `{"id": "1", "product_code": "Q", "quantity": "3", "unit_price": "3.00"}`,
			blocks:   []cbBlock{{"qtd", "1", "purchase_blocked", decimal.Zero}}, discount: "0",
		},
		{
			// A counter already above the block (the host let it through):
			// still nothing allowed, never a negative quantity.
			name: "counter above the block", check: "promotion_period", customer: true,
			counters: `{"block/qtd/customer/c-1/all/units": "7"}`,
			lines:    `{"id": "1", "product_code": "Q", "quantity": "1", "unit_price": "3.00"}`,
			blocks:   []cbBlock{{"qtd", "1", "purchase_blocked", decimal.Zero}}, discount: "0",
		},
		{
			// Anonymous: never blocked, even with a full period counter of
			// some customer.
			name: "anonymous", check: "promotion_period", customer: false,
			counters: `{"block/qtd/customer/c-1/all/units": "5"}`,
			lines:    `{"id": "1", "product_code": "Q", "quantity": "6", "unit_price": "3.00"}`,
			blocks:   []cbBlock{}, discount: "3.00",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "combos": [%s]}`, cbQuantity("qtd", tc.check))
			customer := ""
			if tc.customer {
				customer = `"customer": {"id": "c-1"},`
			}
			history := ""
			if tc.counters != "" {
				history = `, "history": {"counters": ` + tc.counters + `}`
			}
			cart := fmt.Sprintf(`{"id": "sale-b", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, %s
			  "lines": [%s]%s}`, customer, tc.lines, history)
			res := promotest.EvaluateJSON(t, ruleset, cart)
			if diff := cmp.Diff(tc.blocks, cbBlocks(res), testkit.EquateDecimals()); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			if got := res.Totals.Discount; !got.Equal(testkit.Dec(tc.discount)) {
				t.Errorf("discount = %s, want %s", got, tc.discount)
			}
		})
	}
}

func TestQuantityBlockOverSeveralLines(t *testing.T) {
	// The customer may buy 5 - 3 = 2 more units today, and the cart holds
	// line a with 4 units and line b with 3. The blocks must let the POS
	// keep no more than 2 units in all: line a allowed 2, line b allowed 0.
	// A block on b alone (allowing 0) would leave the 4 units of line a.
	ruleset := fmt.Sprintf(`{"version": 1, "campaigns": [], "combos": [%s]}`, cbQuantity("qtd", "sale_day"))
	cart := `{"id": "sale-m", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"}, "customer": {"id": "c-1"},
	  "lines": [
	    {"id": "a", "product_code": "Q", "quantity": "4", "unit_price": "3.00"},
	    {"id": "b", "product_code": "Q", "quantity": "3", "unit_price": "3.00"}],
	  "history": {"counters": {"block/qtd/customer/c-1/2026-11-21/units": "3"}}}`
	res := promotest.EvaluateJSON(t, ruleset, cart)
	allowed := map[string]decimal.Decimal{}
	for _, b := range res.Blocks {
		allowed[b.Line] = b.Allowed
	}
	// Whatever the lines, the units the POS may keep add up to 2: a line
	// without a block keeps all its units.
	total := decimal.Zero
	for _, l := range res.Lines {
		if a, ok := allowed[l.ID]; ok {
			total = total.Add(a)
		} else {
			total = total.Add(l.Quantity)
		}
	}
	if !total.Equal(decimal.NewFromInt(2)) {
		t.Errorf("units the blocks let the POS keep = %s, want 2 (blocks %+v)", total, cbBlocks(res))
	}
	want := []cbBlock{{"qtd", "a", "purchase_blocked", decimal.NewFromInt(2)}, {"qtd", "b", "purchase_blocked", decimal.Zero}}
	if diff := cmp.Diff(want, cbBlocks(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

func TestQuantityBlockCountsEveryUnitBought(t *testing.T) {
	// "bloqueando novas vendas do produto após a compra da quantidade
	// informada": every unit an identified customer buys counts towards the
	// block, whether or not that sale reached the bonification's minimum.
	// The customer buys 1 unit of Q in each of 6 sales over the promotion
	// period (each below the minimum of 2, so none is bonified); the host
	// adds every counter delta of each result's events to its history.
	// After 5 units the 6th sale must be blocked (allowed 0).
	rs := promotest.Load(t, fmt.Sprintf(`{"version": 1, "campaigns": [], "combos": [%s]}`, cbQuantity("qtd", "promotion_period")))
	const key = "block/qtd/customer/c-1/all/units"
	counters := map[string]decimal.Decimal{}
	for sale := 1; sale <= 6; sale++ {
		c, err := promo.DecodeCart([]byte(fmt.Sprintf(`{"id": "sale-%d", "time": "2026-11-%02dT10:15:00-03:00", "store": {"id": "loja-1"},
		  "customer": {"id": "c-1"}, "lines": [{"id": "1", "product_code": "Q", "quantity": "1", "unit_price": "3.00"}]}`, sale, 10+sale)))
		if err != nil {
			t.Fatal(err)
		}
		c.History.Counters = map[string]decimal.Decimal{key: counters[key]}
		res := promotest.Evaluate(t, c, rs)
		if sale == 6 {
			want := []cbBlock{{"qtd", "1", "purchase_blocked", decimal.Zero}}
			if diff := cmp.Diff(want, cbBlocks(res), testkit.EquateDecimals()); diff != "" {
				t.Errorf("sale 6 after 5 units bought: blocks (-want +got):\n%s", diff)
			}
		}
		for _, e := range res.Events {
			for _, d := range e.Counters {
				counters[d.Key] = counters[d.Key].Add(d.Add)
			}
		}
		if sale == 5 && !counters[key].Equal(decimal.NewFromInt(5)) {
			t.Errorf("after 5 sales of 1 unit, counter %s = %s, want 5", key, counters[key])
		}
	}
}

func TestKitBonusUnitsAreNotShared(t *testing.T) {
	// A kit whose bonus lists product B twice (1 B at 50%, another B at
	// 50%): each occurrence needs 2 B, and each bonus entry must take its
	// own unit. Cart: A 1 x 10.00, B on line b1 1 x 10.00 and on line b2
	// 1 x 20.00: 1 kit; the first entry takes the first B unit by line id
	// (b1: 5.00), the second the next (b2: 10.00): 15.00. No line may be
	// counted in the kit's participants for more units than it has. (A
	// compiler that rejects the repeated bonus product instead, at
	// combos[0].bonus[1].product, is fine too.)
	ruleset := `{"version": 1, "campaigns": [], "combos": [
	  {"id": "kit", "name": "A + 2 B", "start": "2026-11-01", "end": "2026-11-30", "kind": "kit",
	   "buy": [{"product": "A", "quantity": 1}],
	   "bonus": [{"product": "B", "quantity": 1, "percent": "50"}, {"product": "B", "quantity": 1, "percent": "50"}]}]}`
	rs, err := campaign.Load([]byte(ruleset))
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) && len(ve.Problems) == 1 && ve.Problems[0].Path == "combos[0].bonus[1].product" {
			return
		}
		t.Fatalf("Load: %v", err)
	}
	c, err := promo.DecodeCart([]byte(`{"id": "sale-k", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "lines": [
	    {"id": "a", "product_code": "A", "quantity": "1", "unit_price": "10.00"},
	    {"id": "b1", "product_code": "B", "quantity": "1", "unit_price": "10.00"},
	    {"id": "b2", "product_code": "B", "quantity": "1", "unit_price": "20.00"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	res := promotest.Evaluate(t, c, rs)
	want := map[string]decimal.Decimal{"a": decimal.Zero, "b1": testkit.Dec("5.00"), "b2": testkit.Dec("10.00")}
	if diff := cmp.Diff(want, pkDiscounts(res), testkit.EquateDecimals()); diff != "" {
		t.Errorf("discounts (-want +got):\n%s", diff)
	}
	qty := map[string]decimal.Decimal{}
	for _, l := range res.Lines {
		qty[l.ID] = l.Quantity
	}
	for _, a := range res.Applied {
		parts := map[string]decimal.Decimal{}
		for _, p := range a.Participants {
			parts[p.Line] = parts[p.Line].Add(p.Units)
		}
		for line, n := range parts {
			if n.GreaterThan(qty[line]) {
				t.Errorf("%s: line %s takes part with %s units in all, it has %s", a.Campaign, line, n, qty[line])
			}
		}
	}
}

func TestScratchCardsQuantity(t *testing.T) {
	// One card per full 50.00 of the sale after every discount, from
	// 100.00, at most max_cards. A Reshop campaign gives 10% off the sale
	// first. 200.00 -> 180.00: 3 cards (3.6), not 4 as the gross would
	// give. 600.00 -> 540.00: 10 cards, capped at 5. 110.00 -> 99.00:
	// below the 100.00 minimum, no card.
	ruleset := `{"version": 1,
	  "campaigns": [{"id": "dez", "name": "10% na venda", "start": "2026-11-01", "no_activation_rules": true, "benefit": {"on": "sale", "percent": "10"}}],
	  "combos": [{"id": "rasgadinha", "name": "Uma a cada R$ 50", "start": "2026-11-01", "end": "2026-11-30", "kind": "scratch_card",
	    "every": "50.00", "min_value": "100.00", "max_cards": 5}]}`
	for _, tc := range []struct {
		price string
		cards int64
		code  string
	}{{"200.00", 3, "applied"}, {"600.00", 5, "applied"}, {"110.00", 0, "min_value_not_reached"}} {
		t.Run(tc.price, func(t *testing.T) {
			res := promotest.EvaluateJSON(t, ruleset, fmt.Sprintf(`{"id": "sale-r", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
			  "lines": [{"id": "1", "product_code": "A", "quantity": "1", "unit_price": %q}]}`, tc.price))
			if got := pkCodes(res)["rasgadinha"]; got != tc.code {
				t.Errorf("trace code = %q, want %q", got, tc.code)
			}
			var cards []decimal.Decimal
			for _, e := range res.Events {
				if e.Kind == promo.EventScratchCards {
					if e.Campaign != "rasgadinha" {
						t.Errorf("scratch_cards event of campaign %q, want rasgadinha", e.Campaign)
					}
					cards = append(cards, e.Quantity)
				}
			}
			var want []decimal.Decimal
			if tc.cards > 0 {
				want = []decimal.Decimal{decimal.NewFromInt(tc.cards)}
			}
			if diff := cmp.Diff(want, cards, testkit.EquateDecimals()); diff != "" {
				t.Errorf("scratch cards (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComboCounterKeys(t *testing.T) {
	// Ruleset.CounterKeys lists the purchase-block counters the quantity
	// bonifications read: per sale day (the sale's local date), per
	// promotion period (all), none for block_check none or an anonymous
	// sale.
	ruleset := `{"version": 1, "campaigns": [], "combos": [` +
		strings.Join([]string{cbQuantity("q-dia", "sale_day"), cbQuantity("q-periodo", "promotion_period"), cbQuantity("q-nenhum", "none")}, ",") + `]}`
	rs := promotest.Load(t, ruleset)
	for _, tc := range []struct {
		name, customer string
		want           []string
	}{
		{"identified", `"customer": {"id": "c-1"},`, []string{"block/q-dia/customer/c-1/2026-11-21/units", "block/q-periodo/customer/c-1/all/units"}},
		{"anonymous", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// 23:30 in Sao Paulo is already the 22nd in UTC: the day is the
			// sale's local day.
			c, err := promo.DecodeCart([]byte(`{"id": "s", "time": "2026-11-21T23:30:00-03:00", "store": {"id": "loja-1"}, ` + tc.customer + `
			  "lines": [{"id": "1", "product_code": "Q", "quantity": "1", "unit_price": "3.00"}]}`))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, rs.CounterKeys(&c)); diff != "" {
				t.Errorf("CounterKeys (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComboFundedShares(t *testing.T) {
	// A kit funded 30% by a manufacturer: bonus B 1 x 7.77 at 50% =
	// 3.885 -> 3.88 (half_even). The manufacturer pays 3.88 x 30% = 1.164
	// -> 1.16, the retailer 3.88 - 1.16 = 2.72.
	res := promotest.EvaluateJSON(t, `{"version": 1, "campaigns": [], "combos": [
	  {"id": "kit", "name": "A + B 50%", "start": "2026-11-01", "kind": "kit", "funded_by": "Fab", "funder_share": "30",
	   "buy": [{"product": "A", "quantity": 1}], "bonus": [{"product": "B", "quantity": 1, "percent": "50"}]}]}`,
		`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
		  "lines": [{"id": "1", "product_code": "A", "quantity": "1", "unit_price": "5.00"}, {"id": "2", "product_code": "B", "quantity": "1", "unit_price": "7.77"}]}`)
	want := []promo.Adjustment{{Campaign: "kit", Kind: promo.ItemDiscount, Amount: testkit.Dec("3.88"), FundedBy: "Fab",
		Shares: []promo.FundingShare{{Funder: "Fab", Amount: testkit.Dec("1.16")}, {Funder: "retailer", Amount: testkit.Dec("2.72")}}}}
	if diff := cmp.Diff(want, res.Lines[1].Adjustments, testkit.EquateDecimals()); diff != "" {
		t.Errorf("line 2 adjustments (-want +got):\n%s", diff)
	}
}

func TestComboCompileProblems(t *testing.T) {
	doc := `{"version": 1, "campaigns": [], "combos": [
	  {"id": "c0", "name": "tipo desconhecido", "start": "2026-11-01", "kind": "mystery"},
	  {"id": "c1", "name": "kit", "start": "2026-11-01", "kind": "kit", "product": "X", "buy": [],
	   "bonus": [{"product": "B", "quantity": 0, "percent": "10", "amount": "1.00"}]},
	  {"id": "c2", "name": "quantidade", "start": "2026-11-01", "kind": "quantity", "product": "Q",
	   "min_quantity": 3, "max_bonus_quantity": 2, "block_quantity": 2, "block_check": "weekly"},
	  {"id": "c3", "name": "valor", "start": "2026-11-01", "kind": "value", "funder_share": "50",
	   "buy": [{"product": "V", "quantity": 1}], "bonus": [{"product": "W", "quantity": 1, "percent": "10"}]}
	]}`
	want := []wantError{
		{"combos[0].kind", "want kit, inverse_kit, brand"},
		{"combos[1].product", "not used by kind kit"},
		{"combos[1].buy", "at least one product"},
		{"combos[1].bonus[0].quantity", "at least 1"},
		{"combos[1].bonus[0]", "exactly one of percent, amount and unit_price"},
		{"combos[2].max_bonus_quantity", "at least min_quantity"},
		{"combos[2].unit_value", "required"},
		{"combos[2].block_check", "want sale_day, promotion_period or none"},
		{"combos[2].block_quantity", "at least min_quantity"},
		{"combos[3].bonus[0].unit_price", "required, and only it"},
		{"combos[3].funder_share", "needs funded_by"},
	}
	_, err := campaign.Load([]byte(doc))
	checkErrors(t, err, want) // checked like a scenario's errors
}

func TestKitParticipantsIncludeBuyUnits(t *testing.T) {
	// Application.Participants are the units that took part in the
	// occurrences (a return shares the discount among them). A kit of 2 A +
	// bonus 1 B: cart A 5 x 10.00, B 3 x 4.00 makes 2 kits, made of 4 A and
	// 2 B; the 5th A and the 3rd B are in none. Returning a kit's A must be
	// able to take back its share of the bonus, so the A units are
	// participants too: line 1 (A) 4 units, line 2 (B) 2 units.
	res := promotest.EvaluateJSON(t, `{"version": 1, "campaigns": [], "combos": [
	  {"id": "kit-ab", "name": "2 A + B com 50%", "start": "2026-11-01", "kind": "kit",
	   "buy": [{"product": "A", "quantity": 2}], "bonus": [{"product": "B", "quantity": 1, "percent": "50"}]}]}`,
		`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
		  "lines": [{"id": "1", "product_code": "A", "quantity": "5", "unit_price": "10.00"}, {"id": "2", "product_code": "B", "quantity": "3", "unit_price": "4.00"}]}`)
	if len(res.Applied) != 1 {
		t.Fatalf("applied %+v, want kit-ab alone", res.Applied)
	}
	got := map[string]decimal.Decimal{}
	for _, p := range res.Applied[0].Participants {
		got[p.Line] = got[p.Line].Add(p.Units)
	}
	want := map[string]decimal.Decimal{"1": decimal.NewFromInt(4), "2": decimal.NewFromInt(2)}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("participants by line (-want +got):\n%s", diff)
	}
}

func TestComboInactive(t *testing.T) {
	// A kit switched off (active false) gives nothing even with the whole
	// kit in the sale (A 1 x 10.00, B 1 x 8.00: B would be 50% off, 4.00),
	// and says why; the same kit switched on gives its 4.00.
	for _, tc := range []struct {
		active, code string
		discount     decimal.Decimal
	}{{"false", "inactive", decimal.Zero}, {"true", "applied", testkit.Dec("4.00")}} {
		t.Run("active "+tc.active, func(t *testing.T) {
			res := promotest.EvaluateJSON(t, `{"version": 1, "campaigns": [], "combos": [
			  {"id": "kit", "name": "A + B 50%", "start": "2026-11-01", "kind": "kit", "active": `+tc.active+`,
			   "buy": [{"product": "A", "quantity": 1}], "bonus": [{"product": "B", "quantity": 1, "percent": "50"}]}]}`,
				`{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
				  "lines": [{"id": "a", "product_code": "A", "quantity": "1", "unit_price": "10.00"}, {"id": "b", "product_code": "B", "quantity": "1", "unit_price": "8.00"}]}`)
			if got := pkCodes(res)["kit"]; got != tc.code {
				t.Errorf("trace code = %q, want %q", got, tc.code)
			}
			want := map[string]decimal.Decimal{"a": decimal.Zero, "b": tc.discount}
			if diff := cmp.Diff(want, pkDiscounts(res), testkit.EquateDecimals()); diff != "" {
				t.Errorf("discounts (-want +got):\n%s", diff)
			}
		})
	}
}

// A kit whose bought item and bonus are the same product.
func TestComboKitSameProductBoughtAndBonus(t *testing.T) {
	// Kit: buy A×1 + B×1, bonus A×1 at 100 %. Cart: A 2 × 10.00, B 1 × 10.00.
	// One kit: one A bought, B bought, the other A free: discount 10.00 on
	// line 1 (the bonus unit, 100 % of 10.00).
	rs := `{"version":1,"campaigns":[],"combos":[{"id":"k","name":"kit","start":"2026-01-01","kind":"kit",
	 "buy":[{"product":"A","quantity":1},{"product":"B","quantity":1}],
	 "bonus":[{"product":"A","quantity":1,"percent":"100"}]}]}`
	cart := `{"id":"rg-1","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[
	 {"id":"1","product_code":"A","quantity":"2","unit_price":"10.00"},
	 {"id":"2","product_code":"B","quantity":"1","unit_price":"10.00"}]}`
	res := promotest.EvaluateJSON(t, rs, cart)

	// Participants: one entry per line, units summed: line 1 takes part
	// with its 2 units (bought + bonus), line 2 with 1.
	var got []promo.Participation
	found := false
	for _, a := range res.Applied {
		if a.Campaign == "k" {
			got, found = a.Participants, true
			if !a.Amount.Equal(testkit.Dec("10.00")) {
				t.Errorf("kit amount = %s, want 10.00 (100 %% of one A at 10.00)", a.Amount)
			}
		}
	}
	if !found {
		t.Fatalf("kit k did not apply; applied: %+v", res.Applied)
	}
	want := []promo.Participation{{Line: "1", Units: testkit.Dec("2")}, {Line: "2", Units: testkit.Dec("1")}}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Participants (-want +got):\n%s", diff)
	}

	// Refund shares the kit's 10.00 among its participants by gross value:
	// line 1 2 × 10.00 = 20.00, line 2 1 × 10.00 = 10.00, total 30.00.
	//   line 1: 10 × 20/30 = 6.666… → 6.66, remainder .666…
	//   line 2: 10 × 10/30 = 3.333… → 3.33, remainder .333…
	//   the cent left (10 − 6.66 − 3.33 = 0.01) goes to the largest
	//   remainder, line 1: 6.67 and 3.33.
	// Effective nets: line 1 20.00 − 6.67 = 13.33; line 2 10.00 − 3.33 = 6.67.
	tests := []struct {
		name string
		now  []refund.Returned
		want string
	}{
		// B back: 10 − 10 × 10/30 = 10 − 3.33 = 6.67.
		{"B", []refund.Returned{{Line: "2", Quantity: testkit.Dec("1")}}, "6.67"},
		// Both A back: 20 − 6.67 = 13.33.
		{"both A", []refund.Returned{{Line: "1", Quantity: testkit.Dec("2")}}, "13.33"},
		// Everything back: 6.67 + 13.33 = 20.00 = what was paid (30 − 10).
		{"all", []refund.Returned{{Line: "1", Quantity: testkit.Dec("2")}, {Line: "2", Quantity: testkit.Dec("1")}}, "20.00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := refund.Of(res, nil, tc.now)
			if err != nil {
				t.Fatalf("Refund: %v", err)
			}
			if diff := cmp.Diff(testkit.Dec(tc.want), r.Total, testkit.EquateDecimals()); diff != "" {
				t.Errorf("refund total (-want +got):\n%s", diff)
			}
		})
	}
}
