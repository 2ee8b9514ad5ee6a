package store

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// auditCredit is one wallet credit as the audit adds it up, in cents.
type auditCredit struct {
	earned, remaining, redeemed, reversed int64
	expires                               int64
}

// checkWallet checks each credit is its earning plus its movements, never
// negative, and that its redemptions are those of the committed sales
// (less what returns restored); then adds the wallet up at the instant at.
func (a *Audit) checkWallet(ctx context.Context, tx *sql.Tx, at time.Time, wantRedeemed map[string]int64) error {
	credits, err := a.readCredits(ctx, tx)
	if err != nil {
		return err
	}
	err = eachRow(ctx, tx, "SELECT e.credit, e.amount_cents FROM events e WHERE e.origin = 'return' AND e.kind = 'cashback_restored'", nil, func(rows *sql.Rows) error {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		wantRedeemed[id] -= n
		return nil
	})
	if err != nil {
		return err
	}
	var earned, redeemed, reversed, expired, balance int64
	for _, id := range slices.Sorted(maps.Keys(credits)) {
		c := credits[id]
		if c.remaining < 0 {
			a.fail("credit %s is negative: %d cents", id, c.remaining)
		}
		if c.earned-c.redeemed-c.reversed != c.remaining {
			a.fail("credit %s: earned %d − redeemed %d − reversed %d ≠ remaining %d", id, c.earned, c.redeemed, c.reversed, c.remaining)
		}
		if c.redeemed != wantRedeemed[id] {
			a.fail("credit %s: %d cents redeemed; the committed sales redeemed %d", id, c.redeemed, wantRedeemed[id])
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
		a.fail("wallet: earned %d ≠ redeemed %d + reversed %d + expired %d + balance %d", earned, redeemed, reversed, expired, balance)
	}
	money := func(c int64) string { return decimal.New(c, -2).StringFixed(2) }
	a.Wallet = WalletTotals{Earned: money(earned), Redeemed: money(redeemed), Reversed: money(reversed), Expired: money(expired), Balance: money(balance)}
	return nil
}

// readCredits reads the credits with what their movements redeemed and
// reversed.
func (a *Audit) readCredits(ctx context.Context, tx *sql.Tx) (map[string]*auditCredit, error) {
	credits := map[string]*auditCredit{}
	err := eachRow(ctx, tx, "SELECT id, earned_cents, remaining_cents, expires_unix FROM wallet_credits", nil, func(rows *sql.Rows) error {
		var id string
		c := &auditCredit{}
		if err := rows.Scan(&id, &c.earned, &c.remaining, &c.expires); err != nil {
			return err
		}
		credits[id] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, "SELECT credit_id, kind, amount_cents FROM wallet_movements", nil, func(rows *sql.Rows) error {
		var id, kind string
		var amount int64
		if err := rows.Scan(&id, &kind, &amount); err != nil {
			return err
		}
		c := credits[id]
		if c == nil {
			a.fail("movement of unknown credit %s", id)
			return nil
		}
		switch kind {
		case "redeemed", "restored":
			c.redeemed -= amount
		case "reversed":
			c.reversed -= amount
		}
		return nil
	})
	return credits, err
}
