package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

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

// Audit reconciles the whole database in one snapshot; at is the instant
// credits are judged expired at.
func (s *Store) Audit(ctx context.Context, at time.Time) (Audit, error) {
	var a Audit
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		a = Audit{Problems: []string{}}
		fail := func(format string, args ...any) { a.Problems = append(a.Problems, fmt.Sprintf(format, args...)) }
		rs, err := s.currentRuleset(ctx, tx)
		if err != nil {
			return err
		}
		var sales []auditSale
		rows, err := tx.QueryContext(ctx, "SELECT id, status, customer, result FROM sales ORDER BY id")
		if err != nil {
			return err
		}
		for rows.Next() {
			var x auditSale
			var text string
			if err := rows.Scan(&x.id, &x.status, &x.customer, &text); err != nil {
				rows.Close()
				return err
			}
			if x.status != "committed" && x.status != "voided" {
				fail("sale %s is %s: a commit was left half-done", x.id, x.status)
				continue
			}
			if err := json.Unmarshal([]byte(text), &x.result); err != nil {
				rows.Close()
				return fmt.Errorf("sale %s: %w", x.id, err)
			}
			sales = append(sales, x)
		}
		if err := closeRows(rows); err != nil {
			return err
		}

		wantCounters := map[string]int64{}
		wantBudget := map[string]int64{}
		wantMoney := map[string]int64{}
		wantCodes := map[string]string{}
		wantCustomers := map[string]int64{}
		wantPoints := map[string]int64{}
		wantEvents := map[string]bool{}
		for _, x := range sales {
			if x.status == "voided" {
				a.Voided++
			} else {
				a.Sales++
				if x.customer != "" {
					wantCustomers[x.customer]++
				}
			}
			money := map[string]int64{}
			for _, l := range x.result.Lines {
				for _, ad := range l.Adjustments {
					c, _ := cents(ad.Amount)
					money[ad.Campaign] += c
				}
			}
			for _, e := range x.result.Events {
				wantEvents[e.ID] = true
				if x.status == "voided" {
					if e.Kind == promo.EventCodeIssued {
						wantCodes[e.Code] = "cancelled by " + x.id
					}
					continue
				}
				for _, d := range e.Counters {
					n, err := counterValue(d.Key, d.Add)
					if err != nil {
						fail("sale %s, event %s: %v", x.id, e.ID, err)
					}
					if id, ok := budgetID(d.Key); ok {
						wantBudget[id] += n
						wantMoney[id] += money[id]
					} else {
						wantCounters[d.Key] += n
					}
				}
				switch e.Kind {
				case promo.EventCodeRedeemed:
					if prev, dup := wantCodes[e.Code]; dup {
						fail("code %s redeemed by two committed sales: %s and %s", e.Code, prev, x.id)
					}
					wantCodes[e.Code] = "redeemed by " + x.id
				case promo.EventPoints:
					h, _ := fromLibrary(e)
					wantPoints[h.Holder] += h.Points
				}
			}
		}

		// Returns: their events, and the points they took back.
		rows, err = tx.QueryContext(ctx, "SELECT e.id, e.body FROM events e JOIN returns r ON r.id = e.origin_id WHERE e.origin = 'return' AND r.status = 'done'")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, body string
			var e promo.Event
			if err := rows.Scan(&id, &body); err != nil {
				rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				rows.Close()
				return err
			}
			wantEvents[id] = true
			if e.Kind == promo.EventPointsReversed {
				h, _ := fromLibrary(e)
				wantPoints[h.Holder] -= h.Points
			}
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM returns WHERE status = 'done'").Scan(&a.Returns); err != nil {
			return err
		}
		var pendingReturns int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM returns WHERE status <> 'done'").Scan(&pendingReturns); err != nil {
			return err
		}
		if pendingReturns > 0 {
			fail("%d returns left half-done", pendingReturns)
		}

		// Events stored: those of the sales and returns, and the voids'.
		stored := map[string]string{}
		if err := scanPairs(ctx, tx, "SELECT id, origin FROM events", func(id, origin string) { stored[id] = origin }); err != nil {
			return err
		}
		a.Events = len(stored)
		for id := range wantEvents {
			if _, ok := stored[id]; !ok {
				fail("event %s of a committed sale or return is missing", id)
			}
		}
		for id, origin := range stored {
			if origin != "void" && !wantEvents[id] {
				fail("event %s belongs to no committed sale or return", id)
			}
		}

		// Counters: what the committed sales' events add up to.
		got := map[string]int64{}
		var granted int64 // cents
		if err := scanKeyInt(ctx, tx, "SELECT key, used FROM counters", got); err != nil {
			return err
		}
		for _, k := range sortedUnion(got, wantCounters) {
			if got[k] != wantCounters[k] {
				fail("counter %s is %d; the committed events add up to %d", k, got[k], wantCounters[k])
			}
			if got[k] < 0 {
				fail("counter %s is negative: %d", k, got[k])
			}
			if limit, ok := rs.Cap(k); ok && got[k] > limit {
				fail("counter %s is %d, above its limit %d", k, got[k], limit)
			}
			if IsAmountKey(k) {
				granted += got[k]
			} else {
				a.CounterUnits += got[k]
			}
		}
		a.Counters = len(got)
		a.BudgetGranted = decimal.New(granted, -2).StringFixed(2)

		// Budgets.
		rows, err = tx.QueryContext(ctx, "SELECT promotion, units_total, units_used, money_cents FROM budgets ORDER BY promotion")
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for rows.Next() {
			var id string
			var total, used, money int64
			if err := rows.Scan(&id, &total, &used, &money); err != nil {
				rows.Close()
				return err
			}
			seen[id] = true
			if used != wantBudget[id] || money != wantMoney[id] {
				fail("budget %s used %d units and %d cents; the committed events add up to %d and %d", id, used, money, wantBudget[id], wantMoney[id])
			}
			if used < 0 || used > total {
				fail("budget %s used %d of %d units", id, used, total)
			}
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		for id, n := range wantBudget {
			if !seen[id] && n != 0 {
				fail("budget %s has no row but the events used %d units", id, n)
			}
		}

		// Codes.
		gotCodes := map[string]string{}
		if err := scanPairs(ctx, tx, "SELECT code, reason || ' by ' || sale_id FROM used_codes", func(code, why string) {
			gotCodes[code] = why
		}); err != nil {
			return err
		}
		for _, code := range sortedUnion(gotCodes, wantCodes) {
			if gotCodes[code] != wantCodes[code] {
				fail("code %s: stored %q, the events say %q", code, gotCodes[code], wantCodes[code])
			}
			if len(wantCodes[code]) > 9 && wantCodes[code][:9] == "redeemed " {
				a.CodesUsed++
			}
		}

		// Customers' sale counts (first purchase).
		gotCustomers := map[string]int64{}
		if err := scanKeyInt(ctx, tx, "SELECT token, sales FROM customers", gotCustomers); err != nil {
			return err
		}
		for _, c := range sortedUnion(gotCustomers, wantCustomers) {
			if gotCustomers[c] != wantCustomers[c] {
				fail("customer %s has %d sales; %d are committed", c, gotCustomers[c], wantCustomers[c])
			}
		}

		// Wallet: each credit is its earning plus its movements, never
		// negative; the redemptions are those of the committed sales.
		type credit struct {
			earned, remaining, redeemed, reversed int64
			expires                               int64
		}
		credits := map[string]*credit{}
		rows, err = tx.QueryContext(ctx, "SELECT id, earned_cents, remaining_cents, expires_unix FROM wallet_credits")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			c := &credit{}
			if err := rows.Scan(&id, &c.earned, &c.remaining, &c.expires); err != nil {
				rows.Close()
				return err
			}
			credits[id] = c
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, "SELECT credit_id, kind, amount_cents FROM wallet_movements")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, kind string
			var amount int64
			if err := rows.Scan(&id, &kind, &amount); err != nil {
				rows.Close()
				return err
			}
			c := credits[id]
			if c == nil {
				fail("movement of unknown credit %s", id)
				continue
			}
			switch kind {
			case "redeemed", "restored":
				c.redeemed -= amount
			case "reversed":
				c.reversed -= amount
			}
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		wantRedeemed := map[string]int64{}
		for _, x := range sales {
			if x.status != "committed" {
				continue
			}
			for _, e := range x.result.Events {
				if e.Kind == promo.EventCashbackRedeemed {
					n, _ := cents(e.Amount)
					wantRedeemed[e.Credit] += n
				}
			}
		}
		rows, err = tx.QueryContext(ctx, "SELECT e.credit, e.amount_cents FROM events e WHERE e.origin = 'return' AND e.kind = 'cashback_restored'")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var n int64
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return err
			}
			wantRedeemed[id] -= n
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		var earned, redeemed, reversed, expired, balance int64
		for _, id := range slices.Sorted(maps.Keys(credits)) {
			c := credits[id]
			if c.remaining < 0 {
				fail("credit %s is negative: %d cents", id, c.remaining)
			}
			if c.earned-c.redeemed-c.reversed != c.remaining {
				fail("credit %s: earned %d − redeemed %d − reversed %d ≠ remaining %d", id, c.earned, c.redeemed, c.reversed, c.remaining)
			}
			if c.redeemed != wantRedeemed[id] {
				fail("credit %s: %d cents redeemed; the committed sales redeemed %d", id, c.redeemed, wantRedeemed[id])
			}
			earned += c.earned
			redeemed += c.redeemed
			reversed += c.reversed
			if c.expires != 0 && at.UnixNano() > c.expires {
				expired += c.remaining
			} else {
				balance += c.remaining
			}
		}
		if earned != redeemed+reversed+expired+balance {
			fail("wallet: earned %d ≠ redeemed %d + reversed %d + expired %d + balance %d", earned, redeemed, reversed, expired, balance)
		}
		money := func(c int64) string { return decimal.New(c, -2).StringFixed(2) }
		a.Wallet = WalletTotals{Earned: money(earned), Redeemed: money(redeemed), Reversed: money(reversed), Expired: money(expired), Balance: money(balance)}

		// Points.
		gotPoints := map[string]int64{}
		if err := scanKeyInt(ctx, tx, "SELECT holder, SUM(points) FROM points_ledger GROUP BY holder", gotPoints); err != nil {
			return err
		}
		for _, h := range sortedUnion(gotPoints, wantPoints) {
			if gotPoints[h] != wantPoints[h] {
				fail("points of %q: ledger %d, events %d", h, gotPoints[h], wantPoints[h])
			}
			a.Points += gotPoints[h]
		}
		return nil
	})
	a.OK = err == nil && len(a.Problems) == 0
	return a, err
}

func (s *Store) currentRuleset(ctx context.Context, tx *sql.Tx) (*Ruleset, error) {
	v, err := s.currentVersion(ctx, tx)
	if err != nil {
		return nil, err
	}
	return s.ruleset(ctx, tx, v)
}

func scanPairs(ctx context.Context, tx *sql.Tx, query string, f func(a, b string)) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			rows.Close()
			return err
		}
		f(a, b)
	}
	return closeRows(rows)
}

func scanKeyInt(ctx context.Context, tx *sql.Tx, query string, into map[string]int64) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return err
		}
		into[k] = n
	}
	return closeRows(rows)
}

func sortedUnion[V any](a, b map[string]V) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
