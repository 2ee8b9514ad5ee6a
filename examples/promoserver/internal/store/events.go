package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Event kinds the host writes besides the library's (promo.EventKind
// names): the reversals of a void.
const (
	kindCountersReversed = "counters_reversed" // a void gives back an activation's or a tally's counters
	kindCodeReleased     = "code_released"     // a void frees a code the sale redeemed
	kindCodeCancelled    = "code_cancelled"    // a void cancels a code the sale issued
	kindCashbackVoided   = "cashback_voided"   // a void takes back what is left of a credit the sale earned
)

// counterDelta is what an event adds to one counter (negative for a void):
// units, or cents for a money budget's counter (IsAmountKey).
type counterDelta struct {
	Key   string
	Delta int64
}

// MarshalJSON writes {"key", "delta"} for a counter of units and {"key",
// "amount"} — reais, two decimals — for a money budget's.
func (d counterDelta) MarshalJSON() ([]byte, error) {
	if IsAmountKey(d.Key) {
		return json.Marshal(struct {
			Key    string `json:"key"`
			Amount string `json:"amount"`
		}{d.Key, decimal.New(d.Delta, -2).StringFixed(2)})
	}
	return json.Marshal(struct {
		Key   string `json:"key"`
		Delta int64  `json:"delta"`
	}{d.Key, d.Delta})
}

// counterValue converts what the library adds to a counter to the store's
// integer: cents for a money budget's counter, units for any other.
func counterValue(key string, add decimal.Decimal) (int64, error) {
	if IsAmountKey(key) {
		return cents(add)
	}
	return whole(add)
}

// hostEvent is one event as the store writes it: the library's events and
// the host's own reversals in one shape.
type hostEvent struct {
	ID          string
	Kind        string
	Campaign    string
	Customer    string
	AmountCents int64
	Points      int64
	Holder      string // who holds points: the professional's CPF or the customer's token
	Program     string
	Credit      string
	Reverses    string
	Code        string
	Counters    []counterDelta
	Body        []byte

	// For cashback_earned: the credit.
	Store         string
	AvailableFrom time.Time
	ExpiresAt     time.Time
	Terms         promo.CreditTerms
	// For code_issued.
	Unlocks               string
	ValidFrom, ValidUntil time.Time
}

// fromLibrary converts one of the library's events.
func fromLibrary(e promo.Event) (hostEvent, error) {
	amount, err := cents(e.Amount)
	if err != nil {
		return hostEvent{}, fmt.Errorf("event %s: %w", e.ID, err)
	}
	points, err := whole(e.Points)
	if err != nil {
		return hostEvent{}, fmt.Errorf("event %s points: %w", e.ID, err)
	}
	body, err := json.Marshal(e)
	if err != nil {
		return hostEvent{}, err
	}
	h := hostEvent{ID: e.ID, Kind: e.Kind.String(), Campaign: e.Campaign, Customer: e.Customer, AmountCents: amount,
		Points: points, Program: e.Program, Credit: e.Credit, Reverses: e.Reverses, Code: e.Code, Body: body,
		Store: e.Store, AvailableFrom: e.ValidFrom, ExpiresAt: e.ValidUntil, Unlocks: e.Unlocks,
		ValidFrom: e.ValidFrom, ValidUntil: e.ValidUntil}
	if e.Terms != nil {
		h.Terms = *e.Terms
	}
	h.Holder = e.Customer
	if !e.Professional.IsZero() {
		h.Holder = e.Professional.String()
	}
	for _, d := range e.Counters {
		n, err := counterValue(d.Key, d.Add)
		if err != nil {
			return hostEvent{}, fmt.Errorf("event %s counter %s: %w", e.ID, d.Key, err)
		}
		h.Counters = append(h.Counters, counterDelta{Key: d.Key, Delta: n})
	}
	return h, nil
}

// eventContext is where and for which sale events are written.
type eventContext struct {
	rs       *Ruleset
	saleID   string
	origin   string // "sale", "void" or "return"
	originID string
	store    string
	at       time.Time
	// money is the discount each campaign gave in the sale, in cents: what
	// an industry budget's money column adds.
	money map[string]int64
}

// guard is returned when a conditional write finds the state other than
// the evaluation read it: the transaction is rolled back and run again.
func guard(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errRetry}, args...)...)
}

func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// writeEvent stores one event and applies it to the state with conditional
// writes: no counter above its cap or below zero (a money budget's
// included, in cents), no code used twice, no budget above its units, no
// credit below zero.
func (s *Store) writeEvent(ctx context.Context, tx *sql.Tx, ec *eventContext, seq int, e hostEvent) error {
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO events (id, sale_id, origin, origin_id, seq, kind, campaign, customer,
		amount_cents, points, credit, reverses, code, store, at_unix_nano, time, body) VALUES (`+placeholders(17)+`)`),
		e.ID, ec.saleID, ec.origin, ec.originID, seq, e.Kind, e.Campaign, e.Customer, e.AmountCents, e.Points,
		e.Credit, e.Reverses, e.Code, ec.store, ec.at.UnixNano(), formatTime(ec.at), string(e.Body)); err != nil {
		return err
	}
	for _, d := range e.Counters {
		if err := s.addCounter(ctx, tx, ec, e.ID, d); err != nil {
			return err
		}
	}
	switch e.Kind {
	case promo.EventCodeRedeemed.String(), kindCodeReleased, kindCodeCancelled, promo.EventCodeIssued.String():
		return s.applyCode(ctx, tx, ec, e)
	case promo.EventPoints.String(), promo.EventPointsReversed.String():
		points := e.Points
		if e.Kind == promo.EventPointsReversed.String() {
			points = -points
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO points_ledger (event_id, sale_id, holder, program, campaign, points, reverses) VALUES (?, ?, ?, ?, ?, ?, ?)"),
			e.ID, ec.saleID, e.Holder, e.Program, e.Campaign, points, e.Reverses); err != nil {
			return err
		}
	case promo.EventCashbackEarned.String():
		return s.earnCredit(ctx, tx, ec, e)
	case promo.EventCashbackRedeemed.String(), promo.EventCashbackRestored.String(), promo.EventCashbackReversed.String(), kindCashbackVoided:
		return s.moveCredit(ctx, tx, ec, e)
	}
	return nil
}

func (s *Store) movement(ctx context.Context, tx *sql.Tx, ec *eventContext, eventID, credit, kind string, amount int64) error {
	_, err := tx.ExecContext(ctx, s.q("INSERT INTO wallet_movements (event_id, credit_id, sale_id, kind, amount_cents) VALUES (?, ?, ?, ?, ?)"),
		eventID, credit, ec.saleID, kind, amount)
	return err
}

// addCounter applies one counter delta: budget/<id>/units to the budget,
// any other key to its counter, never above its cap nor below zero. The cap
// is the current ruleset's (Ruleset.Cap): a limit's max in units, a money
// budget's total or per-customer amount in cents.
func (s *Store) addCounter(ctx context.Context, tx *sql.Tx, ec *eventContext, eventID string, d counterDelta) error {
	if _, err := tx.ExecContext(ctx, s.q("INSERT INTO event_counters (event_id, key, delta) VALUES (?, ?, ?)"), eventID, d.Key, d.Delta); err != nil {
		return err
	}
	if id, ok := budgetID(d.Key); ok {
		money := ec.money[id]
		if d.Delta < 0 {
			money = -money
		}
		n, err := affected(tx.ExecContext(ctx, s.q("UPDATE budgets SET units_used = units_used + ?, money_cents = money_cents + ? WHERE promotion = ? AND units_used + ? <= units_total AND units_used + ? >= 0"),
			d.Delta, money, id, d.Delta, d.Delta))
		if err != nil {
			return err
		}
		if n != 1 {
			return guard("budget %s cannot take %d units", id, d.Delta)
		}
		return nil
	}
	if d.Delta < 0 {
		n, err := affected(tx.ExecContext(ctx, s.q("UPDATE counters SET used = used + ? WHERE key = ? AND used + ? >= 0"), d.Delta, d.Key, d.Delta))
		if err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("counter %s cannot give back %d", d.Key, -d.Delta)
		}
		return nil
	}
	query := "INSERT INTO counters (key, used) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET used = counters.used + excluded.used"
	args := []any{d.Key, d.Delta}
	if limit, ok := ec.rs.Cap(d.Key); ok {
		if d.Delta > limit {
			return guard("counter %s: %d is above its limit %d", d.Key, d.Delta, limit)
		}
		query += " WHERE counters.used + excluded.used <= ?"
		args = append(args, limit)
	}
	n, err := affected(tx.ExecContext(ctx, s.q(query), args...))
	if err != nil {
		return err
	}
	if n != 1 {
		return guard("counter %s would pass its limit", d.Key)
	}
	return nil
}

// budgetID returns the industry promotion of a budget/<id>/units key.
func budgetID(key string) (string, bool) {
	if !strings.HasPrefix(key, "budget/") || !strings.HasSuffix(key, "/units") {
		return "", false
	}
	return strings.TrimSuffix(strings.TrimPrefix(key, "budget/"), "/units"), true
}

// applyCode marks a code used (redeemed: only if no sale used it; or
// cancelled), frees a redeemed one (a void) or records one issued.
func (s *Store) applyCode(ctx context.Context, tx *sql.Tx, ec *eventContext, e hostEvent) error {
	switch e.Kind {
	case promo.EventCodeRedeemed.String():
		n, err := affected(tx.ExecContext(ctx, s.q("INSERT INTO used_codes (code, sale_id, event_id, reason) VALUES (?, ?, ?, 'redeemed') ON CONFLICT (code) DO NOTHING"),
			e.Code, ec.saleID, e.ID))
		if err != nil {
			return err
		}
		if n == 0 {
			return guard("code %s already used", e.Code)
		}
	case kindCodeReleased:
		n, err := affected(tx.ExecContext(ctx, s.q("DELETE FROM used_codes WHERE code = ? AND sale_id = ? AND reason = 'redeemed'"), e.Code, ec.saleID))
		if err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("void of %s: code %s is not the sale's", ec.saleID, e.Code)
		}
	case kindCodeCancelled:
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO used_codes (code, sale_id, event_id, reason) VALUES (?, ?, ?, 'cancelled') ON CONFLICT (code) DO NOTHING"),
			e.Code, ec.saleID, e.ID); err != nil {
			return err
		}
	case promo.EventCodeIssued.String():
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO issued_codes (code, event_id, sale_id, customer, unlocks, valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING"),
			e.Code, e.ID, ec.saleID, e.Customer, e.Unlocks, formatTime(e.ValidFrom), formatTime(e.ValidUntil)); err != nil {
			return err
		}
	}
	return nil
}

// earnCredit creates the wallet credit a cashback_earned event gives.
func (s *Store) earnCredit(ctx context.Context, tx *sql.Tx, ec *eventContext, e hostEvent) error {
	terms, err := json.Marshal(e.Terms)
	if err != nil {
		return err
	}
	store := e.Store
	if store == "" {
		store = ec.store
	}
	var expiresUnix int64
	if !e.ExpiresAt.IsZero() {
		expiresUnix = e.ExpiresAt.UnixNano()
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO wallet_credits (id, customer, campaign, sale_id, store, earned_cents, remaining_cents,
		earned_at, available_from, expires_at, expires_unix, review_answered, terms) VALUES (`+placeholders(13)+`)`),
		e.ID, e.Customer, e.Campaign, ec.saleID, store, e.AmountCents, e.AmountCents, formatTime(ec.at),
		formatTime(e.AvailableFrom), formatTime(e.ExpiresAt), expiresUnix, 0, string(terms)); err != nil {
		return err
	}
	return s.movement(ctx, tx, ec, e.ID, e.ID, "earned", e.AmountCents)
}

// moveCredit redeems from a credit (never below zero), restores to it
// (never above what it earned) or takes back what is left of it.
func (s *Store) moveCredit(ctx context.Context, tx *sql.Tx, ec *eventContext, e hostEvent) error {
	switch e.Kind {
	case promo.EventCashbackRedeemed.String():
		n, err := affected(tx.ExecContext(ctx, s.q("UPDATE wallet_credits SET remaining_cents = remaining_cents - ? WHERE id = ? AND customer = ? AND remaining_cents >= ?"),
			e.AmountCents, e.Credit, e.Customer, e.AmountCents))
		if err != nil {
			return err
		}
		if n != 1 {
			return guard("credit %s holds less than %d cents", e.Credit, e.AmountCents)
		}
		return s.movement(ctx, tx, ec, e.ID, e.Credit, "redeemed", -e.AmountCents)
	case promo.EventCashbackRestored.String():
		n, err := affected(tx.ExecContext(ctx, s.q("UPDATE wallet_credits SET remaining_cents = remaining_cents + ? WHERE id = ? AND remaining_cents + ? <= earned_cents"),
			e.AmountCents, e.Credit, e.AmountCents))
		if err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("event %s: credit %s cannot take back %d cents", e.ID, e.Credit, e.AmountCents)
		}
		return s.movement(ctx, tx, ec, e.ID, e.Credit, "restored", e.AmountCents)
	case promo.EventCashbackReversed.String(), kindCashbackVoided:
		// A return takes back at most what is left of the credit, as the
		// library's wallet model does; the rest was already spent.
		credit := e.Reverses
		var left int64
		err := tx.QueryRowContext(ctx, s.q("SELECT remaining_cents FROM wallet_credits WHERE id = ?"+s.lockClause(true)), credit).Scan(&left)
		if err != nil {
			return fmt.Errorf("event %s: credit %s: %w", e.ID, credit, err)
		}
		take := min(left, e.AmountCents)
		n, err := affected(tx.ExecContext(ctx, s.q("UPDATE wallet_credits SET remaining_cents = remaining_cents - ? WHERE id = ? AND remaining_cents >= ?"), take, credit, take))
		if err != nil {
			return err
		}
		if n != 1 {
			return guard("credit %s moved", credit)
		}
		return s.movement(ctx, tx, ec, e.ID, credit, "reversed", -take)
	}
	return nil
}
