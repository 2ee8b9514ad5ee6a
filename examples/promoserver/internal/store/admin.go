package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Sale is a committed sale as stored.
type Sale struct {
	SaleID         string            `json:"sale_id"`
	Status         string            `json:"status"`
	RulesetVersion int64             `json:"ruleset_version"`
	CommittedAt    string            `json:"committed_at"`
	Cart           json.RawMessage   `json:"cart"`
	Result         json.RawMessage   `json:"result"`
	Returns        []json.RawMessage `json:"returns"`
	Void           json.RawMessage   `json:"void,omitempty"`
}

// Sale reads a committed or voided sale with its returns and void.
func (s *Store) Sale(ctx context.Context, id string) (Sale, error) {
	var out Sale
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var cart, result string
		err := tx.QueryRowContext(ctx, s.q("SELECT status, ruleset_version, committed_at, cart, result FROM sales WHERE id = ? AND status <> 'pending'"), id).
			Scan(&out.Status, &out.RulesetVersion, &out.CommittedAt, &cart, &result)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		out.SaleID, out.Cart, out.Result, out.Returns = id, json.RawMessage(cart), json.RawMessage(result), []json.RawMessage{}
		err = eachRow(ctx, tx, s.q("SELECT response FROM returns WHERE sale_id = ? AND status = 'done' ORDER BY at_unix_nano, id"), []any{id}, func(rows *sql.Rows) error {
			var r string
			if err := rows.Scan(&r); err != nil {
				return err
			}
			out.Returns = append(out.Returns, json.RawMessage(r))
			return nil
		})
		if err != nil {
			return err
		}
		var v string
		err = tx.QueryRowContext(ctx, s.q("SELECT response FROM voids WHERE sale_id = ?"), id).Scan(&v)
		if err == nil {
			out.Void = json.RawMessage(v)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return nil
	})
	return out, err
}

// Budget is an industry promotion's budget (verba).
type Budget struct {
	Promotion  string `json:"promotion"`
	UnitsTotal int64  `json:"units_total"`
	UnitsUsed  int64  `json:"units_used"`
	// Money is the discount the units used were given, in reais.
	Money string `json:"money"`
}

// SetBudget sets the units an industry promotion's budget holds in total;
// it may not go below what is already used.
func (s *Store) SetBudget(ctx context.Context, promotion string, units int64) (Budget, error) {
	var out Budget
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO budgets (promotion, units_total, units_used, money_cents) VALUES (?, 0, 0, 0) ON CONFLICT (promotion) DO NOTHING"), promotion); err != nil {
			return err
		}
		var used, money int64
		if err := tx.QueryRowContext(ctx, s.q("SELECT units_used, money_cents FROM budgets WHERE promotion = ?"+s.lockClause(true)), promotion).Scan(&used, &money); err != nil {
			return err
		}
		if units < used {
			return fmt.Errorf("%w: budget %s already used %d units", ErrInvalid, promotion, used)
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE budgets SET units_total = ? WHERE promotion = ?"), units, promotion); err != nil {
			return err
		}
		out = Budget{Promotion: promotion, UnitsTotal: units, UnitsUsed: used, Money: decimal.New(money, -2).StringFixed(2)}
		return nil
	})
	return out, err
}

// ErrInvalid means a request the state does not allow.
var ErrInvalid = errors.New("store: invalid request")

// Budgets lists the budgets.
func (s *Store) Budgets(ctx context.Context) ([]Budget, error) {
	out := []Budget{}
	err := eachRow(ctx, s.read, "SELECT promotion, units_total, units_used, money_cents FROM budgets ORDER BY promotion", nil, func(rows *sql.Rows) error {
		var b Budget
		var money int64
		if err := rows.Scan(&b.Promotion, &b.UnitsTotal, &b.UnitsUsed, &money); err != nil {
			return err
		}
		b.Money = decimal.New(money, -2).StringFixed(2)
		out = append(out, b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Counter is one limit, block or money budget counter.
type Counter struct {
	Key string `json:"key"`
	// Used is what the counter holds: units, or cents for a money budget
	// (verba em reais: keys budget/<id>/.../amount).
	Used int64 `json:"used"`
	// Limit is the cap the current ruleset sets, in the unit of Used;
	// absent when none.
	Limit *int64 `json:"limit,omitempty"`
	// Amount and MaxAmount repeat Used and Limit in reais (two decimals)
	// for a money budget's counter; absent for the others.
	Amount    string `json:"amount,omitempty"`
	MaxAmount string `json:"max_amount,omitempty"`
}

// Counters lists the counters whose key starts with prefix.
func (s *Store) Counters(ctx context.Context, prefix string) ([]Counter, error) {
	rs, err := s.Current(ctx)
	if err != nil {
		return nil, err
	}
	out := []Counter{}
	err = eachRow(ctx, s.read, s.q("SELECT key, used FROM counters WHERE substr(key, 1, ?) = ? ORDER BY key"), []any{len(prefix), prefix}, func(rows *sql.Rows) error {
		var c Counter
		if err := rows.Scan(&c.Key, &c.Used); err != nil {
			return err
		}
		l, ok := rs.Cap(c.Key)
		if ok {
			c.Limit = &l
		}
		if IsAmountKey(c.Key) {
			c.Amount = decimal.New(c.Used, -2).StringFixed(2)
			if ok {
				c.MaxAmount = decimal.New(l, -2).StringFixed(2)
			}
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CreditView is one wallet credit.
type CreditView struct {
	ID             string          `json:"id"`
	Campaign       string          `json:"campaign"`
	SaleID         string          `json:"sale_id"`
	Store          string          `json:"store"`
	Earned         string          `json:"earned"`
	Remaining      string          `json:"remaining"`
	EarnedAt       string          `json:"earned_at"`
	AvailableFrom  string          `json:"available_from"`
	ExpiresAt      string          `json:"expires_at,omitempty"`
	ReviewAnswered bool            `json:"review_answered"`
	Terms          json.RawMessage `json:"terms"`
}

// Wallet is a customer's cashback and points.
type Wallet struct {
	Customer string       `json:"customer"`
	Credits  []CreditView `json:"credits"`
	Balance  string       `json:"balance"`
	Points   int64        `json:"points"`
}

// Wallet reads a customer's credits (all of them, spent ones too), the
// balance still redeemable at the instant at, and the points the
// customer's token holds.
func (s *Store) Wallet(ctx context.Context, customer string, at time.Time) (Wallet, error) {
	out := Wallet{Customer: customer, Credits: []CreditView{}}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		balance := int64(0)
		err := eachRow(ctx, tx, s.q(`SELECT id, campaign, sale_id, store, earned_cents, remaining_cents, earned_at, available_from,
			expires_at, expires_unix, review_answered, terms FROM wallet_credits WHERE customer = ? ORDER BY id`), []any{customer}, func(rows *sql.Rows) error {
			var c CreditView
			var earned, remaining, expires int64
			var review int
			var terms string
			if err := rows.Scan(&c.ID, &c.Campaign, &c.SaleID, &c.Store, &earned, &remaining, &c.EarnedAt, &c.AvailableFrom,
				&c.ExpiresAt, &expires, &review, &terms); err != nil {
				return err
			}
			c.Earned, c.Remaining = decimal.New(earned, -2).StringFixed(2), decimal.New(remaining, -2).StringFixed(2)
			c.ReviewAnswered, c.Terms = review != 0, json.RawMessage(terms)
			if expires == 0 || at.UnixNano() <= expires {
				balance += remaining
			}
			out.Credits = append(out.Credits, c)
			return nil
		})
		if err != nil {
			return err
		}
		out.Balance = decimal.New(balance, -2).StringFixed(2)
		var points sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q("SELECT SUM(points) FROM points_ledger WHERE holder = ?"), customer).Scan(&points); err != nil {
			return err
		}
		out.Points = points.Int64
		return nil
	})
	return out, err
}

// AnswerReview records that the customer answered a credit's review
// survey (review bonificado), so the credit becomes redeemable.
func (s *Store) AnswerReview(ctx context.Context, credit string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		n, err := affected(tx.ExecContext(ctx, s.q("UPDATE wallet_credits SET review_answered = 1 WHERE id = ?"), credit))
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		return nil
	})
}
