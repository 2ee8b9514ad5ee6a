package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// The audit's checks, one table each, in the order the audit runs them:
// each compares what is stored with what the events add up to.

// checkReturns adds the returns' events and the points they took back to
// what is wanted, counts the returns done and fails those left half-done.
func (a *Audit) checkReturns(ctx context.Context, tx *sql.Tx, want auditWant) error {
	err := eachRow(ctx, tx, "SELECT e.id, e.body FROM events e JOIN returns r ON r.id = e.origin_id WHERE e.origin = 'return' AND r.status = 'done'", nil, func(rows *sql.Rows) error {
		var id, body string
		var e promo.Event
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return err
		}
		want.events[id] = true
		if e.Kind == promo.EventPointsReversed {
			h, _ := fromLibrary(e)
			want.points[h.Holder] -= h.Points
		}
		return nil
	})
	if err != nil {
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
		a.fail("%d returns left half-done", pendingReturns)
	}
	return nil
}

// checkEvents compares the events stored with those of the sales and
// returns; the voids' own are not in the results.
func (a *Audit) checkEvents(ctx context.Context, tx *sql.Tx, want map[string]bool) error {
	stored := map[string]string{}
	if err := scanPairs(ctx, tx, "SELECT id, origin FROM events", func(id, origin string) { stored[id] = origin }); err != nil {
		return err
	}
	a.Events = len(stored)
	for id := range want {
		if _, ok := stored[id]; !ok {
			a.fail("event %s of a committed sale or return is missing", id)
		}
	}
	for id, origin := range stored {
		if origin != "void" && !want[id] {
			a.fail("event %s belongs to no committed sale or return", id)
		}
	}
	return nil
}

// checkCounters compares the counters with what the committed sales'
// events add up to, and with their caps.
func (a *Audit) checkCounters(ctx context.Context, tx *sql.Tx, rs *Ruleset, want map[string]int64) error {
	got := map[string]int64{}
	var granted int64 // cents
	if err := scanKeyInt(ctx, tx, "SELECT key, used FROM counters", got); err != nil {
		return err
	}
	for _, k := range sortedUnion(got, want) {
		if got[k] != want[k] {
			a.fail("counter %s is %d; the committed events add up to %d", k, got[k], want[k])
		}
		if got[k] < 0 {
			a.fail("counter %s is negative: %d", k, got[k])
		}
		if limit, ok := rs.Cap(k); ok && got[k] > limit {
			a.fail("counter %s is %d, above its limit %d", k, got[k], limit)
		}
		if IsAmountKey(k) {
			granted += got[k]
		} else {
			a.CounterUnits += got[k]
		}
	}
	a.Counters = len(got)
	a.BudgetGranted = decimal.New(granted, -2).StringFixed(2)
	return nil
}

// checkBudgets compares the industry budgets' units and money with the
// events'.
func (a *Audit) checkBudgets(ctx context.Context, tx *sql.Tx, want auditWant) error {
	seen := map[string]bool{}
	err := eachRow(ctx, tx, "SELECT promotion, units_total, units_used, money_cents FROM budgets ORDER BY promotion", nil, func(rows *sql.Rows) error {
		var id string
		var total, used, money int64
		if err := rows.Scan(&id, &total, &used, &money); err != nil {
			return err
		}
		seen[id] = true
		if used != want.budget[id] || money != want.money[id] {
			a.fail("budget %s used %d units and %d cents; the committed events add up to %d and %d", id, used, money, want.budget[id], want.money[id])
		}
		if used < 0 || used > total {
			a.fail("budget %s used %d of %d units", id, used, total)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for id, n := range want.budget {
		if !seen[id] && n != 0 {
			a.fail("budget %s has no row but the events used %d units", id, n)
		}
	}
	return nil
}

// checkCodes compares the used codes with those the events redeemed and
// cancelled.
func (a *Audit) checkCodes(ctx context.Context, tx *sql.Tx, want map[string]string) error {
	got := map[string]string{}
	if err := scanPairs(ctx, tx, "SELECT code, reason || ' by ' || sale_id FROM used_codes", func(code, why string) {
		got[code] = why
	}); err != nil {
		return err
	}
	for _, code := range sortedUnion(got, want) {
		if got[code] != want[code] {
			a.fail("code %s: stored %q, the events say %q", code, got[code], want[code])
		}
		if len(want[code]) > 9 && want[code][:9] == "redeemed " {
			a.CodesUsed++
		}
	}
	return nil
}

// checkCustomers compares the customers' sale counts (first purchase) with
// their committed sales.
func (a *Audit) checkCustomers(ctx context.Context, tx *sql.Tx, want map[string]int64) error {
	got := map[string]int64{}
	if err := scanKeyInt(ctx, tx, "SELECT token, sales FROM customers", got); err != nil {
		return err
	}
	for _, c := range sortedUnion(got, want) {
		if got[c] != want[c] {
			a.fail("customer %s has %d sales; %d are committed", c, got[c], want[c])
		}
	}
	return nil
}

// checkPoints compares the points ledger with the events.
func (a *Audit) checkPoints(ctx context.Context, tx *sql.Tx, want map[string]int64) error {
	got := map[string]int64{}
	if err := scanKeyInt(ctx, tx, "SELECT holder, SUM(points) FROM points_ledger GROUP BY holder", got); err != nil {
		return err
	}
	for _, h := range sortedUnion(got, want) {
		if got[h] != want[h] {
			a.fail("points of %q: ledger %d, events %d", h, got[h], want[h])
		}
		a.Points += got[h]
	}
	return nil
}
