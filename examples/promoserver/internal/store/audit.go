package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/promokit/promokit/promo"
)

// Audit is the reconciliation of the state with the events: every counter,
// budget, code, credit and point recomputed from the committed sales'
// results, their voids and their returns, and compared with the tables.
type Audit struct {
	// OK is true when Problems is empty.
	OK       bool     `json:"ok"`
	Problems []string `json:"problems"`
	// Sales counts the committed sales, Voided the voided ones, Returns the
	// returns, Events every event stored.
	Sales   int `json:"sales"`
	Voided  int `json:"voided"`
	Returns int `json:"returns"`
	Events  int `json:"events"`
	// Counters is the number of counter keys checked (money budgets'
	// included), CounterUnits the sum of those that count units and
	// BudgetGranted the sum of the money budgets' (the discount they
	// granted, reais with two decimals); CodesUsed the codes redeemed by
	// committed sales.
	Counters      int    `json:"counters"`
	CounterUnits  int64  `json:"counter_units"`
	BudgetGranted string `json:"budget_granted"`
	CodesUsed     int    `json:"codes_used"`
	// Wallet adds up every credit: earned = redeemed + reversed + expired
	// + balance, to the cent, at the audit's instant.
	Wallet WalletTotals `json:"wallet"`
	// Points is the sum of the points ledger.
	Points int64 `json:"points"`
}

// WalletTotals adds up cashback credits.
type WalletTotals struct {
	Earned   string `json:"earned"`
	Redeemed string `json:"redeemed"`
	Reversed string `json:"reversed"`
	Expired  string `json:"expired"`
	Balance  string `json:"balance"`
}

type auditSale struct {
	id, status, customer string
	result               promo.Result
}

// auditWant is what the committed sales' and the returns' events add up
// to, which the tables must hold.
type auditWant struct {
	counters  map[string]int64  // units, by counter key
	budget    map[string]int64  // units, by industry promotion
	money     map[string]int64  // cents, by industry promotion
	codes     map[string]string // "redeemed by <sale>" or "cancelled by <sale>"
	customers map[string]int64  // committed sales, by customer
	points    map[string]int64  // by holder
	redeemed  map[string]int64  // cents, by credit
	events    map[string]bool   // ids of the sales' and returns' events
}

// Audit reconciles the whole database in one snapshot; at is the instant
// credits are judged expired at.
func (s *Store) Audit(ctx context.Context, at time.Time) (Audit, error) {
	var a Audit
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		a = Audit{Problems: []string{}}
		rs, err := s.currentRuleset(ctx, tx)
		if err != nil {
			return err
		}
		sales, err := a.readSales(ctx, tx)
		if err != nil {
			return err
		}
		want := a.expected(sales)
		for _, check := range []func() error{
			func() error { return a.checkReturns(ctx, tx, want) },
			func() error { return a.checkEvents(ctx, tx, want.events) },
			func() error { return a.checkCounters(ctx, tx, rs, want.counters) },
			func() error { return a.checkBudgets(ctx, tx, want) },
			func() error { return a.checkCodes(ctx, tx, want.codes) },
			func() error { return a.checkCustomers(ctx, tx, want.customers) },
			func() error { return a.checkWallet(ctx, tx, at, want.redeemed) },
			func() error { return a.checkPoints(ctx, tx, want.points) },
		} {
			if err := check(); err != nil {
				return err
			}
		}
		return nil
	})
	a.OK = err == nil && len(a.Problems) == 0
	return a, err
}

// fail records a problem.
func (a *Audit) fail(format string, args ...any) {
	a.Problems = append(a.Problems, fmt.Sprintf(format, args...))
}

// readSales reads the committed and voided sales; any other is a commit
// left half-done.
func (a *Audit) readSales(ctx context.Context, tx *sql.Tx) ([]auditSale, error) {
	var sales []auditSale
	err := eachRow(ctx, tx, "SELECT id, status, customer, result FROM sales ORDER BY id", nil, func(rows *sql.Rows) error {
		var x auditSale
		var text string
		if err := rows.Scan(&x.id, &x.status, &x.customer, &text); err != nil {
			return err
		}
		if x.status != "committed" && x.status != "voided" {
			a.fail("sale %s is %s: a commit was left half-done", x.id, x.status)
			return nil
		}
		if err := json.Unmarshal([]byte(text), &x.result); err != nil {
			return fmt.Errorf("sale %s: %w", x.id, err)
		}
		sales = append(sales, x)
		return nil
	})
	return sales, err
}

// expected adds up what the sales' events say the state holds: a voided
// sale's events count for nothing but the codes it issued, now cancelled.
func (a *Audit) expected(sales []auditSale) auditWant {
	want := auditWant{counters: map[string]int64{}, budget: map[string]int64{}, money: map[string]int64{},
		codes: map[string]string{}, customers: map[string]int64{}, points: map[string]int64{},
		redeemed: map[string]int64{}, events: map[string]bool{}}
	for _, x := range sales {
		if x.status == "voided" {
			a.Voided++
		} else {
			a.Sales++
			if x.customer != "" {
				want.customers[x.customer]++
			}
		}
		money, _ := campaignMoney(&x.result)
		for _, e := range x.result.Events {
			want.events[e.ID] = true
			if x.status == "voided" {
				if e.Kind == promo.EventCodeIssued {
					want.codes[e.Code] = "cancelled by " + x.id
				}
				continue
			}
			a.expectEvent(&want, x.id, e, money)
		}
	}
	return want
}

// expectEvent adds up one event of a committed sale.
func (a *Audit) expectEvent(want *auditWant, saleID string, e promo.Event, money map[string]int64) {
	for _, d := range e.Counters {
		n, err := counterValue(d.Key, d.Add)
		if err != nil {
			a.fail("sale %s, event %s: %v", saleID, e.ID, err)
		}
		if id, ok := budgetID(d.Key); ok {
			want.budget[id] += n
			want.money[id] += money[id]
		} else {
			want.counters[d.Key] += n
		}
	}
	switch e.Kind {
	case promo.EventCodeRedeemed:
		if prev, dup := want.codes[e.Code]; dup {
			a.fail("code %s redeemed by two committed sales: %s and %s", e.Code, prev, saleID)
		}
		want.codes[e.Code] = "redeemed by " + saleID
	case promo.EventPoints:
		h, _ := fromLibrary(e)
		want.points[h.Holder] += h.Points
	case promo.EventCashbackRedeemed:
		n, _ := cents(e.Amount)
		want.redeemed[e.Credit] += n
	}
}

// campaignMoney is the discount each campaign gave in a result, in cents.
// An amount not in whole cents counts for nothing and its error is
// returned (the first one), after the rest is added up.
func campaignMoney(res *promo.Result) (map[string]int64, error) {
	money := map[string]int64{}
	var first error
	for _, l := range res.Lines {
		for _, ad := range l.Adjustments {
			c, err := cents(ad.Amount)
			if err != nil && first == nil {
				first = err
			}
			money[ad.Campaign] += c
		}
	}
	return money, first
}
