package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// budgetRules has two money budgets (verba em reais), each 10 % off one
// product: R$ 100,00 in total for ARROZ-5, R$ 10,00 per customer for
// LEITE. A line of 37.90 gets 3.79.
const budgetRules = `{"version": 1, "campaigns": [
	{"id": "verba-geral", "name": "Arroz: 10%, verba de R$ 100", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["ARROZ-5"]}]},
	 "budget": {"total": "100.00"}, "benefit": {"on": "items", "percent": "10"}},
	{"id": "verba-cliente", "name": "Leite: 10%, verba de R$ 10 por cliente", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["LEITE"]}]},
	 "budget": {"per_customer": "10.00"}, "benefit": {"on": "items", "percent": "10"}}]}`

// granted returns what a campaign granted in a result (zero when it did
// not apply).
func granted(r *promo.Result, id string) decimal.Decimal {
	for _, a := range r.Applied {
		if a.Campaign == id {
			return a.Amount
		}
	}
	return decimal.Zero
}

// grants counts the sales by what a campaign granted in each, and adds
// the amounts up.
func grants(sales []store.SaleResponse, id string) (map[string]int, decimal.Decimal) {
	byAmount := map[string]int{}
	sum := decimal.Zero
	for _, s := range sales {
		g := granted(&s.Result, id)
		byAmount[g.StringFixed(2)]++
		sum = sum.Add(g)
	}
	return byAmount, sum
}

// moneyCounter reads a money budget's counter as the API lists it.
func (s *service) moneyCounter(t testing.TB, key string) store.Counter {
	t.Helper()
	var out struct{ Counters []store.Counter }
	s.get(t, "/v1/counters?prefix="+key, &out)
	for _, c := range out.Counters {
		if c.Key == key {
			return c
		}
	}
	return store.Counter{Key: key}
}

// void voids a committed sale and fails the test unless it was voided.
func (s *service) void(t testing.TB, saleID string) {
	t.Helper()
	status, body, err := s.admin.Do(context.Background(), "POST", "/v1/sales/"+saleID+"/void", nil)
	if err != nil || status != http.StatusOK {
		t.Fatalf("void %s: %d %s %v", saleID, status, body, err)
	}
}

func limitOf(cents int64) *int64 { return &cents }

// grid returns, for each of n terminals, each sales carts of one unit of
// product at 37.90 (customer "" for anonymous sales), the terminal's i-th
// at minute+i.
func grid(n, each int, prefix string, minute int, customer, product string) [][]promo.Cart {
	carts := make([][]promo.Cart, n)
	for k := range carts {
		for i := range each {
			carts[k] = append(carts[k], cart(fmt.Sprintf("%s-%02d-%d", prefix, k, i), minute+i, customer, product, "1", "37.90"))
		}
	}
	return carts
}

// Many terminals race for one money budget: the sum granted never exceeds
// the budget, in total nor per customer, and the last sale gets what is
// left; a void gives back exactly what the sale granted.
func TestMoneyBudgetHoldsUnderContention(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			outer := t
			s := start(t, engine, store.Options{})
			s.load(t, budgetRules)
			var total, perCustomer []store.SaleResponse
			t.Run("total", func(t *testing.T) {
				// 20 terminals × 4 anonymous sales that would each get
				// 3.79 (303.20 in all): 26 × 3.79 = 98.54, then one sale
				// gets the 1.46 left and the other 53 nothing.
				total = ringUpAll(t, s, grid(20, 4, "verba-pdv", 60, "", "ARROZ-5"))
				byAmount, sum := grants(total, "verba-geral")
				if diff := cmp.Diff(map[string]int{"3.79": 26, "1.46": 1, "0.00": 53}, byAmount); diff != "" {
					t.Errorf("sales by what verba-geral granted (-want +got):\n%s", diff)
				}
				if !sum.Equal(decimal.RequireFromString("100.00")) {
					t.Errorf("verba-geral granted %s, want exactly its budget of 100.00", sum)
				}
				want := store.Counter{Key: "budget/verba-geral/all/amount", Used: 10000, Limit: limitOf(10000), Amount: "100.00", MaxAmount: "100.00"}
				if diff := cmp.Diff(want, s.moneyCounter(t, want.Key)); diff != "" {
					t.Errorf("counter (-want +got):\n%s", diff)
				}
				s.audit(t)
			})
			t.Run("customer", func(t *testing.T) {
				// 16 terminals × 2 sales of one customer that would each
				// get 3.79: 3.79 + 3.79 + 2.42 = 10.00, the customer's
				// budget; another customer still gets 3.79.
				perCustomer = ringUpAll(t, s, grid(16, 2, "verba-cli-pdv", 120, "cli-verba", "LEITE"))
				byAmount, sum := grants(perCustomer, "verba-cliente")
				if diff := cmp.Diff(map[string]int{"3.79": 2, "2.42": 1, "0.00": 29}, byAmount); diff != "" {
					t.Errorf("sales by what verba-cliente granted (-want +got):\n%s", diff)
				}
				if !sum.Equal(decimal.RequireFromString("10.00")) {
					t.Errorf("verba-cliente granted the customer %s, want exactly 10.00", sum)
				}
				other := s.ringUp(t, cart("verba-cli-outra", 150, "cli-outra", "LEITE", "1", "37.90"))
				if g := granted(&other.Result, "verba-cliente"); !g.Equal(decimal.RequireFromString("3.79")) {
					t.Errorf("another customer got %s, want 3.79", g)
				}
				want := store.Counter{Key: "budget/verba-cliente/customer/cli-verba/amount", Used: 1000, Limit: limitOf(1000), Amount: "10.00", MaxAmount: "10.00"}
				if diff := cmp.Diff(want, s.moneyCounter(t, want.Key)); diff != "" {
					t.Errorf("counter (-want +got):\n%s", diff)
				}
				s.audit(t)
			})
			t.Run("void", func(t *testing.T) {
				if outer.Failed() || len(total) == 0 || len(perCustomer) == 0 {
					t.Skip("the races above failed")
				}
				// Voiding the sale that got the customer's last 2.42 gives
				// them back: the counter is 7.58 and a new sale gets 2.42.
				i := slices.IndexFunc(perCustomer, func(s store.SaleResponse) bool {
					return granted(&s.Result, "verba-cliente").Equal(decimal.RequireFromString("2.42"))
				})
				if i < 0 {
					t.Fatal("no sale got 2.42")
				}
				s.void(t, perCustomer[i].SaleID)
				key := "budget/verba-cliente/customer/cli-verba/amount"
				if c := s.moneyCounter(t, key); c.Used != 758 || c.Amount != "7.58" {
					t.Fatalf("after the void the counter is %+v, want 7.58", c)
				}
				again := s.ringUp(t, cart("verba-cli-depois", 200, "cli-verba", "LEITE", "1", "37.90"))
				if g := granted(&again.Result, "verba-cliente"); !g.Equal(decimal.RequireFromString("2.42")) {
					t.Errorf("after the void a sale got %s, want the 2.42 given back", g)
				}
				// Voiding a sale that got 3.79 of the total budget: 96.21.
				j := slices.IndexFunc(total, func(s store.SaleResponse) bool {
					return granted(&s.Result, "verba-geral").Equal(decimal.RequireFromString("3.79"))
				})
				if j < 0 {
					t.Fatal("no sale got 3.79")
				}
				s.void(t, total[j].SaleID)
				if c := s.moneyCounter(t, "budget/verba-geral/all/amount"); c.Used != 9621 || c.Amount != "96.21" {
					t.Fatalf("after the void the counter is %+v, want 96.21", c)
				}
				// 100.00 + 10.00 (cli-verba) + 3.79 (cli-outra) − 3.79.
				if a := s.audit(t); a.BudgetGranted != "110.00" || a.Voided != 2 {
					t.Fatalf("audit: %d voided, budgets granted %s; want 2 and 110.00", a.Voided, a.BudgetGranted)
				}
			})
		})
	}
}

// Eight terminals evaluate at once a sale that gets 3.79 of a budget of
// 5.00 and commit at the same instant: one commits; the seven others get
// the conflict carrying the fresh result, in which the campaign grants the
// 1.21 left (budget_partially_applied). Committed at once in their turn,
// one gets the 1.21 and six find the budget used up (budget_exhausted).
func TestLastReaisOfABudget(t *testing.T) {
	const rules = `{"version": 1, "campaigns": [{"id": "verba-5", "name": "Arroz: 10%, verba de R$ 5", "start": "2026-11-01",
		"rules": {"conditions": [{"kind": "product_code", "values": ["ARROZ-5"]}]},
		"budget": {"total": "5.00"}, "benefit": {"on": "items", "percent": "10"}}]}`
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, rules)
			const n = 8
			carts := make([]promo.Cart, n)
			for i := range n {
				carts[i] = cart(fmt.Sprintf("ultimos-reais-pdv-%d", i), 60, "", "ARROZ-5", "1", "37.90")
			}
			terminals, evs := s.evaluateOn(t, carts)
			fps := make([]string, n)
			for i, ev := range evs {
				if g := granted(&ev.Result, "verba-5"); !g.Equal(decimal.RequireFromString("3.79")) {
					t.Fatalf("terminal %d: the budget grants %s before any commit, want 3.79", i, g)
				}
				fps[i] = ev.Fingerprint
			}
			commitAll := func() []load.CommitAnswer { return commitAtOnce(t, terminals, carts, fps) }
			// round checks one round of commits: committed sales granted
			// want, conflicts carry a fresh result granting fresh with
			// the reason code why.
			round := func(answers []load.CommitAnswer, want, fresh string, why promo.ReasonCode) (committed, conflicts int) {
				for i, a := range answers {
					switch {
					case fps[i] == "":
					case a.Status == http.StatusCreated:
						committed++
						if g := granted(&a.Sale.Result, "verba-5"); !g.Equal(decimal.RequireFromString(want)) {
							t.Errorf("terminal %d committed a grant of %s, want %s", i, g, want)
						}
						fps[i] = ""
					case a.Status == http.StatusConflict && a.Problem.Type == api.TypeStateChanged:
						conflicts++
						if g := granted(&a.Problem.Fresh.Result, "verba-5"); !g.Equal(decimal.RequireFromString(fresh)) {
							t.Errorf("terminal %d: the fresh result grants %s, want %s", i, g, fresh)
						}
						found := slices.ContainsFunc(a.Problem.Reasons, func(r api.Reason) bool {
							return r.Campaign == "verba-5" && r.Reason.Code == why
						})
						if !found {
							t.Errorf("terminal %d: the conflict does not say %s: %s", i, why, a.Body)
						}
						fps[i] = a.Problem.Fresh.Fingerprint
					default:
						t.Fatalf("terminal %d: %d %s", i, a.Status, a.Body)
					}
				}
				return committed, conflicts
			}
			if c, k := round(commitAll(), "3.79", "1.21", campaign.ReasonBudgetPartial); c != 1 || k != n-1 {
				t.Fatalf("first round: %d committed, %d conflicts; want 1 and %d", c, k, n-1)
			}
			if c, k := round(commitAll(), "1.21", "0.00", campaign.ReasonBudget); c != 1 || k != n-2 {
				t.Fatalf("second round: %d committed, %d conflicts; want 1 and %d", c, k, n-2)
			}
			want := store.Counter{Key: "budget/verba-5/all/amount", Used: 500, Limit: limitOf(500), Amount: "5.00", MaxAmount: "5.00"}
			if diff := cmp.Diff(want, s.moneyCounter(t, want.Key)); diff != "" {
				t.Errorf("counter (-want +got):\n%s", diff)
			}
			if a := s.audit(t); a.Sales != 2 || a.BudgetGranted != "5.00" {
				t.Fatalf("audit: %d sales granted %s; want 2 and 5.00", a.Sales, a.BudgetGranted)
			}
		})
	}
}
