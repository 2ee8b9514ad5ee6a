package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// ErrNotFound means no such sale, return or ruleset version.
var ErrNotFound = errors.New("store: not found")

// Evaluation is a result with the ruleset version it was computed on and
// its fingerprint, which a commit sends back to say which result the
// terminal showed.
type Evaluation struct {
	RulesetVersion int64        `json:"ruleset_version"`
	Fingerprint    string       `json:"fingerprint"`
	Result         promo.Result `json:"result"`
}

// Fingerprint is the SHA-256 of everything a result gives the customer and
// asks the host to store — lines, totals, applications, offers, gifts,
// tenders, blocks and events — but not the trace, whose texts explain and
// do not change the sale.
func Fingerprint(r *promo.Result) string {
	b, err := json.Marshal(struct {
		Lines   []promo.LineResult  `json:"lines"`
		Totals  promo.Totals        `json:"totals"`
		Applied []promo.Application `json:"applied"`
		Offers  []promo.Offer       `json:"offers"`
		Gifts   []promo.Gift        `json:"gifts"`
		Tenders []promo.Tender      `json:"tenders"`
		Blocks  []promo.Block       `json:"blocks"`
		Events  []promo.Event       `json:"events"`
	}{r.Lines, r.Totals, r.Applied, r.Offers, r.Gifts, r.Tenders, r.Blocks, r.Events})
	if err != nil {
		panic("fingerprint: " + err.Error()) // the result's types always marshal
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ContentHash is the SHA-256 of a cart's JSON: two commits of the same sale
// id with the same hash are the same sale.
func ContentHash(c *promo.Cart) string {
	b, err := json.Marshal(c)
	if err != nil {
		panic("content hash: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// fill loads into the cart the state its evaluation reads: the counters
// the ruleset names for it, the budgets of its budgeted industry
// promotions, which of its codes are used, the customer's wallet and
// whether this is the customer's first purchase. With lock (inside a
// commit), the rows are created when missing and locked, always in the
// same order — customer, counters, budgets, credits, by key — so that
// concurrent transactions never deadlock.
func (s *Store) fill(ctx context.Context, tx *sql.Tx, rs *Ruleset, cart *promo.Cart, lock bool) error {
	h := promo.History{Counters: map[string]decimal.Decimal{}, Budgets: map[string]decimal.Decimal{}}
	cart.Wallet = nil
	if cart.Customer != nil {
		first, err := s.firstPurchase(ctx, tx, cart.Customer.ID, lock)
		if err != nil {
			return err
		}
		h.FirstPurchase = first
	}
	if err := s.fillCounters(ctx, tx, rs.Compiled.CounterKeys(cart), lock, h.Counters); err != nil {
		return err
	}
	if err := s.fillBudgets(ctx, tx, rs.budgetedFor(cart), lock, h.Budgets); err != nil {
		return err
	}
	if cart.Customer != nil {
		credits, err := s.credits(ctx, tx, cart.Customer.ID, lock)
		if err != nil {
			return err
		}
		cart.Wallet = credits
	}
	used, err := s.usedCodes(ctx, tx, cart.PromoCodes)
	if err != nil {
		return err
	}
	h.UsedCodes = used
	if len(h.Counters) == 0 {
		h.Counters = nil
	}
	if len(h.Budgets) == 0 {
		h.Budgets = nil
	}
	cart.History = h
	return nil
}

// firstPurchase says whether the customer has no committed sale; with
// lock, the customer's row is created when missing and locked.
func (s *Store) firstPurchase(ctx context.Context, tx *sql.Tx, token string, lock bool) (bool, error) {
	if lock {
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO customers (token, sales) VALUES (?, 0) ON CONFLICT (token) DO NOTHING"), token); err != nil {
			return false, err
		}
	}
	var sales int64
	err := tx.QueryRowContext(ctx, s.q("SELECT sales FROM customers WHERE token = ?"+s.lockClause(lock)), token).Scan(&sales)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	return sales == 0, nil
}

// fillCounters reads the counters of the keys into counters (cents as
// reais for a money budget's), leaving out those at zero; with lock, their
// rows are created when missing and locked in key order.
func (s *Store) fillCounters(ctx context.Context, tx *sql.Tx, keys []string, lock bool, counters map[string]decimal.Decimal) error {
	if len(keys) == 0 {
		return nil
	}
	args := make([]any, len(keys))
	values := make([]string, len(keys))
	for i, k := range keys {
		args[i] = k
		values[i] = "(?, 0)"
	}
	if lock {
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO counters (key, used) VALUES "+join(values)+" ON CONFLICT (key) DO NOTHING"), args...); err != nil {
			return err
		}
	}
	return eachRow(ctx, tx, s.q("SELECT key, used FROM counters WHERE key IN ("+placeholders(len(keys))+") ORDER BY key"+s.lockClause(lock)), args, func(rows *sql.Rows) error {
		var k string
		var used int64
		if err := rows.Scan(&k, &used); err != nil {
			return err
		}
		switch {
		case used == 0:
		case IsAmountKey(k):
			counters[k] = decimal.New(used, -2) // cents
		default:
			counters[k] = decimal.NewFromInt(used)
		}
		return nil
	})
}

// fillBudgets reads the units left of the industry promotions' budgets
// into budgets (locked, with lock, in id order).
func (s *Store) fillBudgets(ctx context.Context, tx *sql.Tx, ids []string, lock bool, budgets map[string]decimal.Decimal) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return eachRow(ctx, tx, s.q("SELECT promotion, units_total - units_used FROM budgets WHERE promotion IN ("+placeholders(len(ids))+") ORDER BY promotion"+s.lockClause(lock)), args, func(rows *sql.Rows) error {
		var id string
		var left int64
		if err := rows.Scan(&id, &left); err != nil {
			return err
		}
		budgets[id] = decimal.NewFromInt(max(left, 0))
		return nil
	})
}

// usedCodes returns which of the codes are used, sorted.
func (s *Store) usedCodes(ctx context.Context, tx *sql.Tx, codes []string) ([]string, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	codes = slices.Clone(codes)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	var used []string
	err := eachRow(ctx, tx, s.q("SELECT code FROM used_codes WHERE code IN ("+placeholders(len(codes))+") ORDER BY code"), args, func(rows *sql.Rows) error {
		var c string
		if err := rows.Scan(&c); err != nil {
			return err
		}
		used = append(used, c)
		return nil
	})
	return used, err
}

// lockClause is " FOR UPDATE" on PostgreSQL inside a commit, nothing
// otherwise: SQLite's writer transaction already excludes every other
// writer.
func (s *Store) lockClause(lock bool) string {
	if lock && s.engine == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

func join(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += ", "
		}
		out += p
	}
	return out
}

// credits returns the customer's credits with something left, by id.
func (s *Store) credits(ctx context.Context, tx *sql.Tx, customer string, lock bool) ([]promo.Credit, error) {
	var out []promo.Credit
	err := eachRow(ctx, tx, s.q("SELECT id, campaign, store, remaining_cents, earned_at, available_from, expires_at, review_answered, terms FROM wallet_credits WHERE customer = ? AND remaining_cents > 0 ORDER BY id"+s.lockClause(lock)), []any{customer}, func(rows *sql.Rows) error {
		var c promo.Credit
		var remaining int64
		var earned, from, until, terms string
		var review int
		if err := rows.Scan(&c.ID, &c.Campaign, &c.Store, &remaining, &earned, &from, &until, &review, &terms); err != nil {
			return err
		}
		c.Remaining = decimal.New(remaining, -2)
		c.ReviewAnswered = review != 0
		var perr error
		if c.EarnedAt, perr = parseTime(earned); perr == nil {
			if c.AvailableFrom, perr = parseTime(from); perr == nil {
				c.ExpiresAt, perr = parseTime(until)
			}
		}
		if perr == nil {
			perr = json.Unmarshal([]byte(terms), &c.Terms)
		}
		if perr != nil {
			return fmt.Errorf("credit %s: %w", c.ID, perr)
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// cents converts an amount of the library, always in cents, to an integer.
func cents(d decimal.Decimal) (int64, error) {
	c := d.Shift(2)
	if !c.IsInteger() {
		return 0, fmt.Errorf("amount %s is not in whole cents", d)
	}
	return c.IntPart(), nil
}

// whole converts a count the library gives as a decimal to an integer.
func whole(d decimal.Decimal) (int64, error) {
	if !d.IsInteger() {
		return 0, fmt.Errorf("%s is not a whole number", d)
	}
	return d.IntPart(), nil
}

// Evaluate evaluates a cart on the current ruleset and the state it reads,
// in one read-only snapshot: it writes nothing.
func (s *Store) Evaluate(ctx context.Context, cart promo.Cart) (Evaluation, error) {
	return s.evaluateWith(ctx, cart, func(rs *promo.Ruleset, c promo.Cart) (promo.Result, error) { return promo.Evaluate(c, rs) })
}

// Simulate evaluates a cart against some promotions of the current ruleset
// only (campaign.Simulate), on the state it reads; it writes nothing.
func (s *Store) Simulate(ctx context.Context, cart promo.Cart, ids []string) (Evaluation, error) {
	return s.evaluateWith(ctx, cart, func(rs *promo.Ruleset, c promo.Cart) (promo.Result, error) {
		return campaign.Simulate(rs, c, ids...)
	})
}

func (s *Store) evaluateWith(ctx context.Context, cart promo.Cart, eval func(*promo.Ruleset, promo.Cart) (promo.Result, error)) (Evaluation, error) {
	var out Evaluation
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rs, err := s.currentRuleset(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.fill(ctx, tx, rs, &cart, false); err != nil {
			return err
		}
		res, err := eval(rs.Compiled, cart)
		if err != nil {
			return err
		}
		out = Evaluation{RulesetVersion: rs.Version, Fingerprint: Fingerprint(&res), Result: res}
		return nil
	})
	return out, err
}

// lockRows locks rows one by one in key order (PostgreSQL only).
func (s *Store) lockRows(ctx context.Context, tx *sql.Tx, query string, keys []string) error {
	if s.engine != Postgres {
		return nil
	}
	keys = slices.Clone(keys)
	slices.Sort(keys)
	for _, k := range slices.Compact(keys) {
		rows, err := tx.QueryContext(ctx, s.q(query+" FOR UPDATE"), k)
		if err != nil {
			return err
		}
		if err := closeRows(rows); err != nil {
			return err
		}
	}
	return nil
}
