package campaign_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

var bgSale = time.Date(2026, 11, 21, 10, 15, 0, 0, time.FixedZone("BRT", -3*60*60))

func bgRuleset(t interface{ Fatalf(string, ...any) }, benefit, extra string) *promo.Ruleset {
	doc := fmt.Sprintf(`{"version": 1, "campaigns": [{"id": "c", "name": "C", "start": "2026-11-01",
	  "rules": {"conditions": [{"kind": "product_code", "values": ["A", "B", "C"]}]}%s,
	  "benefit": %s}]}`, extra, benefit)
	rs := promotest.Load(t, doc)
	return rs
}

// TestBudgetCounterKeysAndCustomer: the budget's counters are listed by
// CounterKeys (the customer's only for an identified sale), and a
// per-customer budget gives an anonymous sale nothing.
func TestBudgetCounterKeysAndCustomer(t *testing.T) {
	rs := bgRuleset(t, `{"on": "sale", "percent": "10"}`, `, "budget": {"total": "100.00", "per_customer": "10.00"}`)
	cart := promo.Cart{ID: "s", Time: bgSale, Store: promo.Store{ID: "l"}, Customer: &promo.Customer{ID: "tok"},
		Lines: []promo.Line{{ID: "1", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(50)}}}
	want := []string{"budget/c/all/amount", "budget/c/customer/tok/amount"}
	if got := rs.CounterKeys(&cart); !slices.Equal(got, want) {
		t.Errorf("CounterKeys = %v, want %v", got, want)
	}
	if got, want := campaign.BudgetAmountKey("c", "tok"), want[1]; got != want {
		t.Errorf("BudgetAmountKey = %q, want %q", got, want)
	}
	anon := cart
	anon.Customer = nil
	if got := rs.CounterKeys(&anon); !slices.Equal(got, want[:1]) {
		t.Errorf("CounterKeys of an anonymous sale = %v, want %v", got, want[:1])
	}
	res := promotest.Evaluate(t, anon, rs)
	if e, _ := res.TraceFor("c"); e.Code() != campaign.ReasonLimitNeedsCustomer {
		t.Errorf("anonymous sale: %s, want %s", e.Code(), campaign.ReasonLimitNeedsCustomer)
	}
	// The customer's budget binds before the total's: 5.00 of 10% gives
	// 5.00, 8.00 granted before leaves 2.00.
	cart.History.Counters = map[string]decimal.Decimal{"budget/c/customer/tok/amount": decimal.NewFromInt(8)}
	res = promotest.Evaluate(t, cart, rs)
	if len(res.Applied) != 1 || !res.Applied[0].Amount.Equal(decimal.NewFromInt(2)) {
		t.Fatalf("applied %+v, want 2.00", res.Applied)
	}
	e, _ := res.TraceFor("c")
	if len(e.Reasons) < 2 || e.Reasons[1].Code != campaign.ReasonBudgetPartial {
		t.Errorf("reasons %+v, want a budget_partially_applied note", e.Reasons)
	}
}

// TestPropertyCapsGrantWhatIsLeft: on random carts, a campaign capped by
// max_discount or by what its budget has left gives exactly the smaller
// of what it gives uncapped and the cap; no line gets more than uncapped;
// and its activation adds to the budget's counter exactly what it gave.
func TestPropertyCapsGrantWhatIsLeft(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		benefits := []string{`{"on": "sale", "percent": "%s"}`, `{"on": "items", "percent": "%s"}`,
			`{"on": "items", "percent": "%s", "apply_to": "highest"}`, `{"on": "items", "free_units": {"buy": 3, "pay": 2}}`}
		bi := rapid.IntRange(0, len(benefits)-1).Draw(t, "benefit")
		b := benefits[bi]
		if bi < 3 {
			b = fmt.Sprintf(b, rapid.SampledFrom([]string{"5", "10", "12.5", "33", "100"}).Draw(t, "percent"))
		}
		n := rapid.IntRange(1, 5).Draw(t, "lines")
		cart := promo.Cart{ID: "s", Time: bgSale, Store: promo.Store{ID: "l"}, Customer: &promo.Customer{ID: "tok"}}
		for i := range n {
			cart.Lines = append(cart.Lines, promo.Line{ID: fmt.Sprint(i), ProductCode: rapid.SampledFrom([]string{"A", "B", "C", "Z"}).Draw(t, "code"),
				Quantity:  decimal.NewFromInt(int64(rapid.IntRange(1, 7).Draw(t, "qty"))),
				UnitPrice: decimal.New(int64(rapid.IntRange(1, 20000).Draw(t, "cents")), -2)})
		}
		free, err := promo.Evaluate(cart, bgRuleset(t, b, ""))
		if err != nil {
			t.Fatal(err)
		}
		uncapped := decimal.Zero
		if len(free.Applied) == 1 {
			uncapped = free.Applied[0].Amount
		}
		cap := decimal.New(int64(rapid.IntRange(1, 30000).Draw(t, "cap")), -2)
		byBudget := rapid.Bool().Draw(t, "budget")
		var rs *promo.Ruleset
		if byBudget {
			// The budget has cap left of 500.00.
			rs = bgRuleset(t, b, `, "budget": {"total": "500.00"}`)
			cart.History.Counters = map[string]decimal.Decimal{"budget/c/all/amount": decimal.NewFromInt(500).Sub(cap)}
		} else {
			withMax := b[:len(b)-1] + fmt.Sprintf(`, "max_discount": "%s"}`, cap.StringFixed(2))
			rs = bgRuleset(t, withMax, "")
		}
		res := promotest.Evaluate(t, cart, rs)
		got := decimal.Zero
		if len(res.Applied) == 1 {
			got = res.Applied[0].Amount
		}
		if want := decimal.Min(uncapped, cap); !got.Equal(want) {
			t.Fatalf("capped at %s: gives %s, want min(%s, %s)", cap, got, uncapped, cap)
		}
		for i, l := range res.Lines {
			if l.Discount.GreaterThan(free.Lines[i].Discount) {
				t.Fatalf("line %s: %s capped, %s uncapped", l.ID, l.Discount, free.Lines[i].Discount)
			}
		}
		if byBudget && got.Sign() > 0 {
			var add decimal.Decimal
			for _, e := range res.Events {
				for _, d := range e.Counters {
					if d.Key == "budget/c/all/amount" {
						add = add.Add(d.Add)
					}
				}
			}
			if !add.Equal(got) {
				t.Fatalf("the budget counter grows by %s, the campaign gave %s", add, got)
			}
		}
	})
}

// TestCapsOnFreight: a money cap and a budget share themselves with the
// freight: free freight of 25.00 at most 10.00 gives 10.00 off the freight;
// with 6.00 left in its budget, 6.00, and the counter grows by 6.00.
func TestCapsOnFreight(t *testing.T) {
	for _, tt := range []struct {
		extra, benefit string
		counter        string
		want           string
	}{
		{"", `{"on": "freight", "percent": "100", "max_discount": "10.00"}`, "", "10.00"},
		{`, "budget": {"total": "50.00"}`, `{"on": "freight", "percent": "100"}`, "44.00", "6.00"},
	} {
		rs := bgRuleset(t, tt.benefit, tt.extra)
		cart := promo.Cart{ID: "s", Time: bgSale, Store: promo.Store{ID: "l"}, Freight: &promo.Freight{Amount: decimal.NewFromInt(25)},
			Lines: []promo.Line{{ID: "1", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(50)}}}
		if tt.counter != "" {
			cart.History.Counters = map[string]decimal.Decimal{"budget/c/all/amount": decimal.RequireFromString(tt.counter)}
		}
		res := promotest.Evaluate(t, cart, rs)
		want := decimal.RequireFromString(tt.want)
		if res.Freight == nil || !res.Freight.Discount.Equal(want) || !res.Lines[0].Discount.IsZero() {
			t.Fatalf("%s: freight %+v, line discount %s; want %s off the freight only", tt.benefit, res.Freight, res.Lines[0].Discount, want)
		}
		if tt.counter != "" {
			ev := res.Events[0]
			if len(ev.Counters) != 1 || !ev.Counters[0].Add.Equal(want) || !ev.Freight.Equal(want) {
				t.Errorf("activation %+v: want the budget counter and the freight to grow by %s", ev, want)
			}
		}
	}
}
