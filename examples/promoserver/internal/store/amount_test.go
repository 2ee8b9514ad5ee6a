package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/examples/promoserver/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// open opens a fresh database of the engine.
func open(t *testing.T, engine string) *Store {
	t.Helper()
	dsn := pgtest.DSN(t, engine)
	s, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The ruleset caps a money budget's counters in cents: budget.total for
// the key of all sales, budget.per_customer for each customer's.
func TestCapOfMoneyBudgets(t *testing.T) {
	rs, err := compileRuleset(1, []byte(`{"version": 1, "campaigns": [
		{"id": "verba", "name": "Verba", "start": "2026-11-01", "no_activation_rules": true,
		 "budget": {"total": "1234.56", "per_customer": "7.5"}, "benefit": {"on": "sale", "percent": "10"}},
		{"id": "so-cliente", "name": "Só por cliente", "start": "2026-11-01", "no_activation_rules": true,
		 "budget": {"per_customer": "0.01"}, "benefit": {"on": "sale", "percent": "10"}}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key  string
		want int64
		ok   bool
	}{
		{"budget/verba/all/amount", 123456, true},
		{"budget/verba/customer/tok-1/amount", 750, true},
		{"budget/verba/customer/a/b/amount", 750, true},
		{"budget/so-cliente/customer/tok-1/amount", 1, true},
		{"budget/so-cliente/all/amount", 0, false},
		{"budget/verba/customer/amount", 0, false},
		{"budget/verba/all/x/amount", 0, false},
		{"budget/verba/customer//amount", 0, false},
		{"budget/outra/all/amount", 0, false},
		{"budget/verba/units", 0, false},
	} {
		got, ok := rs.Cap(tc.key)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Cap(%q) = %d, %v; want %d, %v", tc.key, got, ok, tc.want, tc.ok)
		}
	}
}

// A money budget's counter is written with a conditional write: an amount
// that would take it past the budget is refused (the commit is run again
// on the new state), one that fits is added to the cent, and a void gives
// back exactly what was added, never below zero.
func TestMoneyBudgetConditionalWrite(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			s := open(t, engine)
			ctx := context.Background()
			rs, err := s.LoadRuleset(ctx, []byte(`{"version": 1, "campaigns": [{"id": "verba-5", "name": "Verba de R$ 5",
				"start": "2026-11-01", "no_activation_rules": true, "budget": {"total": "5.00"}, "benefit": {"on": "sale", "percent": "10"}}]}`))
			if err != nil {
				t.Fatal(err)
			}
			const key = "budget/verba-5/all/amount"
			ec := &eventContext{rs: rs, saleID: "venda", origin: "sale", originID: "venda"}
			add := func(event string, amount string) error {
				n, err := counterValue(key, decimal.RequireFromString(amount))
				if err != nil {
					t.Fatal(err)
				}
				return s.tryTx(ctx, func(tx *sql.Tx) error {
					return s.addCounter(ctx, tx, ec, event, counterDelta{Key: key, Delta: n})
				})
			}
			used := func() int64 {
				var n int64
				if err := s.read.QueryRowContext(ctx, s.q("SELECT used FROM counters WHERE key = ?"), key).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			for _, step := range []struct {
				event, amount string
				refused       bool
				want          int64 // cents after the step
			}{
				{"e1", "3.79", false, 379},
				{"e2", "5.01", true, 379}, // alone above the budget
				{"e3", "1.22", true, 379}, // 5.01 in all
				{"e4", "1.21", false, 500},
				{"e5", "0.01", true, 500},
				{"e1/void", "-3.79", false, 121},
				{"e6", "-1.22", true, 121}, // below zero
				{"e4/void", "-1.21", false, 0},
			} {
				err := add(step.event, step.amount)
				if step.refused != (err != nil) {
					t.Fatalf("%s of %s: error %v, want refused %v", step.event, step.amount, err, step.refused)
				}
				if step.refused && step.amount[0] != '-' && !errors.Is(err, errRetry) {
					t.Fatalf("%s of %s: %v, want the conflict that runs the commit again", step.event, step.amount, err)
				}
				if got := used(); got != step.want {
					t.Fatalf("after %s of %s the counter holds %d cents, want %d", step.event, step.amount, got, step.want)
				}
			}
		})
	}
}
