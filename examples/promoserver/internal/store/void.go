package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// ErrVoided means the sale was voided; nothing more can be done with it.
var ErrVoided = errors.New("store: the sale was voided")

// ErrHasReturns means a sale with returns cannot be voided; return what is
// left instead.
var ErrHasReturns = errors.New("store: the sale has returns")

// VoidEvent is one reversal a void wrote.
type VoidEvent struct {
	ID       string         `json:"id"`
	Kind     string         `json:"kind"`
	Campaign string         `json:"campaign,omitempty"`
	Customer string         `json:"customer,omitempty"`
	Counters []counterDelta `json:"counters,omitempty"`
	Code     string         `json:"code,omitempty"`
	Credit   string         `json:"credit,omitempty"`
	Reverses string         `json:"reverses,omitempty"`
	Amount   string         `json:"amount,omitempty"`
	Points   int64          `json:"points,omitempty"`
}

// VoidResponse is the answer to a void (estorno).
type VoidResponse struct {
	SaleID   string      `json:"sale_id"`
	Status   string      `json:"status"`
	VoidedAt string      `json:"voided_at"`
	Events   []VoidEvent `json:"events"`
	// NotRecovered is the cashback the sale earned that later sales had
	// already redeemed: the void takes back only what is left.
	NotRecovered string `json:"cashback_not_recovered"`
}

// Outcome is how an idempotent write ended.
type Outcome struct {
	// Response is the answer, the same bytes on every retry.
	Response json.RawMessage
	// Replayed: the write was done before; this is its answer.
	Replayed bool
	// Reused: the id was used before with another content; nothing done.
	Reused bool
}

// Void voids a committed sale (estorno): in one transaction it writes a
// reversal of each of its events — counters given back, redeemed codes
// freed, issued codes cancelled, budgets given back, redeemed cashback
// restored, earned cashback taken back (what is left of it), points
// reversed — and marks the sale voided. A second void returns the first
// one's answer.
func (s *Store) Void(ctx context.Context, saleID string) (Outcome, error) {
	var out Outcome
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = Outcome{}
		var status, resultJSON, customer, store string
		var version int64
		err := tx.QueryRowContext(ctx, s.q("SELECT status, result, customer, store, ruleset_version FROM sales WHERE id = ?"+s.lockClause(true)), saleID).
			Scan(&status, &resultJSON, &customer, &store, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if status == "voided" {
			var resp string
			if err := tx.QueryRowContext(ctx, s.q("SELECT response FROM voids WHERE sale_id = ?"), saleID).Scan(&resp); err != nil {
				return err
			}
			out = Outcome{Response: json.RawMessage(resp), Replayed: true}
			return nil
		}
		var returns int
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM returns WHERE sale_id = ? AND status = 'done'"), saleID).Scan(&returns); err != nil {
			return err
		}
		if returns > 0 {
			return ErrHasReturns
		}
		var res promo.Result
		if err := json.Unmarshal([]byte(resultJSON), &res); err != nil {
			return err
		}
		rs, err := s.ruleset(ctx, tx, version)
		if err != nil {
			return err
		}
		// Lock in the commit's order: customer, counters, budgets, credits.
		if customer != "" {
			if _, err := tx.ExecContext(ctx, s.q("SELECT sales FROM customers WHERE token = ?"+s.lockClause(true)), customer); err != nil {
				return err
			}
		}
		var keys, budgets, credits []string
		money, err := campaignMoney(&res)
		if err != nil {
			return err
		}
		for _, e := range res.Events {
			for _, d := range e.Counters {
				if id, ok := budgetID(d.Key); ok {
					budgets = append(budgets, id)
				} else {
					keys = append(keys, d.Key)
				}
			}
			switch e.Kind {
			case promo.EventCashbackEarned:
				credits = append(credits, e.ID)
			case promo.EventCashbackRedeemed:
				credits = append(credits, e.Credit)
			}
		}
		if err := s.lockRows(ctx, tx, "SELECT used FROM counters WHERE key = ?", keys); err != nil {
			return err
		}
		if err := s.lockRows(ctx, tx, "SELECT units_used FROM budgets WHERE promotion = ?", budgets); err != nil {
			return err
		}
		if err := s.lockRows(ctx, tx, "SELECT remaining_cents FROM wallet_credits WHERE id = ?", credits); err != nil {
			return err
		}
		now := s.opts.Now()
		resp := VoidResponse{SaleID: saleID, Status: "voided", VoidedAt: now.UTC().Format(time.RFC3339Nano), Events: []VoidEvent{}}
		lost := int64(0)
		var reversals []hostEvent
		for _, e := range res.Events {
			r := hostEvent{ID: e.ID + "/void", Campaign: e.Campaign, Customer: e.Customer}
			switch e.Kind {
			case promo.EventActivation, promo.EventTally:
				if len(e.Counters) == 0 {
					continue
				}
				r.Kind = kindCountersReversed
				for _, d := range e.Counters {
					n, err := counterValue(d.Key, d.Add)
					if err != nil {
						return err
					}
					r.Counters = append(r.Counters, counterDelta{Key: d.Key, Delta: -n})
				}
			case promo.EventCodeRedeemed:
				r.Kind, r.Code = kindCodeReleased, e.Code
			case promo.EventCodeIssued:
				r.Kind, r.Code = kindCodeCancelled, e.Code
			case promo.EventPoints:
				h, err := fromLibrary(e)
				if err != nil {
					return err
				}
				if h.Points == 0 {
					continue
				}
				r.Kind, r.Points, r.Holder, r.Program, r.Reverses = promo.EventPointsReversed.String(), h.Points, h.Holder, h.Program, e.ID
			case promo.EventCashbackEarned:
				earned, err := cents(e.Amount)
				if err != nil {
					return err
				}
				var left int64
				if err := tx.QueryRowContext(ctx, s.q("SELECT remaining_cents FROM wallet_credits WHERE id = ?"), e.ID).Scan(&left); err != nil {
					return err
				}
				lost += earned - left
				r.Kind, r.Reverses, r.AmountCents = kindCashbackVoided, e.ID, left
			case promo.EventCashbackRedeemed:
				amount, err := cents(e.Amount)
				if err != nil {
					return err
				}
				r.Kind, r.Credit, r.AmountCents = promo.EventCashbackRestored.String(), e.Credit, amount
			default:
				continue // scratch cards were handed out: nothing to give back
			}
			ve := VoidEvent{ID: r.ID, Kind: r.Kind, Campaign: r.Campaign, Customer: r.Customer, Counters: r.Counters,
				Code: r.Code, Credit: r.Credit, Reverses: r.Reverses, Points: r.Points}
			if r.AmountCents != 0 || r.Kind == kindCashbackVoided || r.Kind == promo.EventCashbackRestored.String() {
				ve.Amount = decimal.New(r.AmountCents, -2).StringFixed(2)
			}
			body, err := json.Marshal(ve)
			if err != nil {
				return err
			}
			r.Body = body
			reversals = append(reversals, r)
			resp.Events = append(resp.Events, ve)
		}
		resp.NotRecovered = decimal.New(lost, -2).StringFixed(2)
		ec := &eventContext{rs: rs, saleID: saleID, origin: "void", originID: saleID, store: store, at: now, money: money}
		for i, r := range reversals {
			if err := s.writeEvent(ctx, tx, ec, i, r); err != nil {
				return err
			}
		}
		body, err := json.Marshal(resp)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE sales SET status = 'voided' WHERE id = ? AND status = 'committed'"), saleID); err != nil {
			return err
		}
		if customer != "" {
			if _, err := tx.ExecContext(ctx, s.q("UPDATE customers SET sales = sales - 1 WHERE token = ?"), customer); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO voids (sale_id, response) VALUES (?, ?)"), saleID, string(body)); err != nil {
			return err
		}
		out.Response = body
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

// ReturnRequest is a return (devolução) of units of a committed sale.
type ReturnRequest struct {
	// ID identifies the return; a retry with the same id and content gets
	// the first answer.
	ID string `json:"id"`
	// Time and Store say when and where the goods came back.
	Time  time.Time `json:"time"`
	Store string    `json:"store"`
	// Lines are the quantities returned, by the sale's line ids.
	Lines []promo.Returned `json:"lines"`
}

// ReturnResponse is the answer to a return.
type ReturnResponse struct {
	ReturnID string             `json:"return_id"`
	SaleID   string             `json:"sale_id"`
	Refund   promo.RefundResult `json:"refund"`
}

// Return values a return with promo.Refund against the sale's result and
// what earlier returns took, and writes the refund's events (cashback
// reversed and restored, points reversed) in one transaction.
func (s *Store) Return(ctx context.Context, saleID string, req ReturnRequest) (Outcome, error) {
	b, err := json.Marshal(struct {
		Sale string
		Req  ReturnRequest
	}{saleID, req})
	if err != nil {
		return Outcome{}, err
	}
	sum := sha256.Sum256(b)
	content := hex.EncodeToString(sum[:])
	var out Outcome
	var invalid error
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		out, invalid = Outcome{}, nil
		n, err := affected(tx.ExecContext(ctx, s.q("INSERT INTO returns (id, sale_id, content_sha256, status) VALUES (?, ?, ?, 'pending') ON CONFLICT (id) DO NOTHING"), req.ID, saleID, content))
		if err != nil {
			return err
		}
		if n == 0 {
			var hash, response string
			if err := tx.QueryRowContext(ctx, s.q("SELECT content_sha256, response FROM returns WHERE id = ?"), req.ID).Scan(&hash, &response); err != nil {
				return err
			}
			if hash != content {
				out.Reused = true
				return nil
			}
			out = Outcome{Response: json.RawMessage(response), Replayed: true}
			return nil
		}
		var status, resultJSON string
		var version int64
		err = tx.QueryRowContext(ctx, s.q("SELECT status, result, ruleset_version FROM sales WHERE id = ?"+s.lockClause(true)), saleID).Scan(&status, &resultJSON, &version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			invalid = ErrNotFound
			return errRollback
		case err != nil:
			return err
		case status == "voided":
			invalid = ErrVoided
			return errRollback
		}
		var sale promo.Result
		if err := json.Unmarshal([]byte(resultJSON), &sale); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, s.q("SELECT lines FROM returns WHERE sale_id = ? AND status = 'done' ORDER BY id"), saleID)
		if err != nil {
			return err
		}
		var earlier []promo.Returned
		for rows.Next() {
			var text string
			var ls []promo.Returned
			if err := rows.Scan(&text); err != nil {
				rows.Close()
				return err
			}
			if err := json.Unmarshal([]byte(text), &ls); err != nil {
				rows.Close()
				return err
			}
			earlier = append(earlier, ls...)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		refund, err := promo.Refund(sale, earlier, req.Lines)
		if err != nil {
			invalid = err
			return errRollback
		}
		var credits []string
		for _, e := range refund.Events {
			credits = append(credits, e.Credit, e.Reverses)
		}
		credits = slices.DeleteFunc(credits, func(c string) bool { return c == "" })
		if err := s.lockRows(ctx, tx, "SELECT remaining_cents FROM wallet_credits WHERE id = ?", credits); err != nil {
			return err
		}
		rs, err := s.ruleset(ctx, tx, version)
		if err != nil {
			return err
		}
		ec := &eventContext{rs: rs, saleID: saleID, origin: "return", originID: req.ID, store: req.Store, at: req.Time}
		for i, e := range refund.Events {
			h, err := fromLibrary(e)
			if err != nil {
				return err
			}
			if err := s.writeEvent(ctx, tx, ec, i, h); err != nil {
				return err
			}
		}
		resp, err := json.Marshal(ReturnResponse{ReturnID: req.ID, SaleID: saleID, Refund: refund})
		if err != nil {
			return err
		}
		lines, err := json.Marshal(req.Lines)
		if err != nil {
			return err
		}
		refundJSON, err := json.Marshal(refund)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE returns SET status = 'done', store = ?, time = ?, at_unix_nano = ?, local_date = ?,
			lines = ?, refund = ?, response = ? WHERE id = ?`),
			req.Store, formatTime(req.Time), req.Time.UnixNano(), promo.DateOf(req.Time).String(), string(lines), string(refundJSON), string(resp), req.ID); err != nil {
			return err
		}
		out.Response = resp
		return nil
	})
	if errors.Is(err, errRollback) {
		return out, invalid
	}
	return out, err
}
