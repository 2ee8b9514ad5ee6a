package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// voidedSale is what a void reads of the sale it voids.
type voidedSale struct {
	id, customer, store string
	result              promo.Result
	rs                  *Ruleset
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
		sale, replay, err := s.saleToVoid(ctx, tx, saleID)
		if err != nil || replay != nil {
			out = Outcome{Response: replay, Replayed: replay != nil}
			return err
		}
		money, err := s.lockForVoid(ctx, tx, sale)
		if err != nil {
			return err
		}
		now := s.opts.Now()
		resp := VoidResponse{SaleID: saleID, Status: "voided", VoidedAt: now.UTC().Format(time.RFC3339Nano), Events: []VoidEvent{}}
		lost := int64(0)
		var reversals []hostEvent
		for _, e := range sale.result.Events {
			r, ok, taken, err := s.reversal(ctx, tx, e)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			lost += taken
			ve, err := r.voidEvent()
			if err != nil {
				return err
			}
			reversals = append(reversals, r)
			resp.Events = append(resp.Events, ve)
		}
		resp.NotRecovered = decimal.New(lost, -2).StringFixed(2)
		ec := &eventContext{rs: sale.rs, saleID: saleID, origin: "void", originID: saleID, store: sale.store, at: now, money: money}
		for i, r := range reversals {
			if err := s.writeEvent(ctx, tx, ec, i, r); err != nil {
				return err
			}
		}
		body, err := s.markVoided(ctx, tx, sale, resp)
		out.Response = body
		return err
	})
	return out, err
}

// saleToVoid reads and locks the sale a void voids, or the first void's
// answer when it was voided before; a sale with returns cannot be voided.
func (s *Store) saleToVoid(ctx context.Context, tx *sql.Tx, saleID string) (*voidedSale, json.RawMessage, error) {
	var status, resultJSON string
	var version int64
	sale := &voidedSale{id: saleID}
	err := tx.QueryRowContext(ctx, s.q("SELECT status, result, customer, store, ruleset_version FROM sales WHERE id = ?"+s.lockClause(true)), saleID).
		Scan(&status, &resultJSON, &sale.customer, &sale.store, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, ErrNotFound
	}
	if err != nil {
		return nil, nil, err
	}
	if status == "voided" {
		var resp string
		if err := tx.QueryRowContext(ctx, s.q("SELECT response FROM voids WHERE sale_id = ?"), saleID).Scan(&resp); err != nil {
			return nil, nil, err
		}
		return nil, json.RawMessage(resp), nil
	}
	var returns int
	if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM returns WHERE sale_id = ? AND status = 'done'"), saleID).Scan(&returns); err != nil {
		return nil, nil, err
	}
	if returns > 0 {
		return nil, nil, ErrHasReturns
	}
	if err := json.Unmarshal([]byte(resultJSON), &sale.result); err != nil {
		return nil, nil, err
	}
	if sale.rs, err = s.ruleset(ctx, tx, version); err != nil {
		return nil, nil, err
	}
	return sale, nil, nil
}

// lockForVoid locks what the void writes in the commit's order —
// customer, counters, budgets, credits — and returns the discount each
// campaign gave in the sale, in cents.
func (s *Store) lockForVoid(ctx context.Context, tx *sql.Tx, sale *voidedSale) (map[string]int64, error) {
	if sale.customer != "" {
		if _, err := tx.ExecContext(ctx, s.q("SELECT sales FROM customers WHERE token = ?"+s.lockClause(true)), sale.customer); err != nil {
			return nil, err
		}
	}
	var keys, budgets, credits []string
	money, err := campaignMoney(&sale.result)
	if err != nil {
		return nil, err
	}
	for _, e := range sale.result.Events {
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
		return nil, err
	}
	if err := s.lockRows(ctx, tx, "SELECT units_used FROM budgets WHERE promotion = ?", budgets); err != nil {
		return nil, err
	}
	if err := s.lockRows(ctx, tx, "SELECT remaining_cents FROM wallet_credits WHERE id = ?", credits); err != nil {
		return nil, err
	}
	return money, nil
}

// reversal is the void's reversal of one of the sale's events; ok is false
// when there is nothing to give back, lost the cents of an earned credit
// later sales already redeemed.
func (s *Store) reversal(ctx context.Context, tx *sql.Tx, e promo.Event) (r hostEvent, ok bool, lost int64, err error) {
	r = hostEvent{ID: e.ID + "/void", Campaign: e.Campaign, Customer: e.Customer}
	switch e.Kind {
	case promo.EventActivation, promo.EventTally:
		if len(e.Counters) == 0 {
			return r, false, 0, nil
		}
		r.Kind = kindCountersReversed
		for _, d := range e.Counters {
			n, err := counterValue(d.Key, d.Add)
			if err != nil {
				return r, false, 0, err
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
			return r, false, 0, err
		}
		if h.Points == 0 {
			return r, false, 0, nil
		}
		r.Kind, r.Points, r.Holder, r.Program, r.Reverses = promo.EventPointsReversed.String(), h.Points, h.Holder, h.Program, e.ID
	case promo.EventCashbackEarned:
		earned, err := cents(e.Amount)
		if err != nil {
			return r, false, 0, err
		}
		var left int64
		if err := tx.QueryRowContext(ctx, s.q("SELECT remaining_cents FROM wallet_credits WHERE id = ?"), e.ID).Scan(&left); err != nil {
			return r, false, 0, err
		}
		lost = earned - left
		r.Kind, r.Reverses, r.AmountCents = kindCashbackVoided, e.ID, left
	case promo.EventCashbackRedeemed:
		amount, err := cents(e.Amount)
		if err != nil {
			return r, false, 0, err
		}
		r.Kind, r.Credit, r.AmountCents = promo.EventCashbackRestored.String(), e.Credit, amount
	default:
		return r, false, 0, nil // scratch cards were handed out: nothing to give back
	}
	return r, true, lost, nil
}

// voidEvent is a reversal as the void's answer shows it; its JSON becomes
// the reversal's body.
func (r *hostEvent) voidEvent() (VoidEvent, error) {
	ve := VoidEvent{ID: r.ID, Kind: r.Kind, Campaign: r.Campaign, Customer: r.Customer, Counters: r.Counters,
		Code: r.Code, Credit: r.Credit, Reverses: r.Reverses, Points: r.Points}
	if r.AmountCents != 0 || r.Kind == kindCashbackVoided || r.Kind == promo.EventCashbackRestored.String() {
		ve.Amount = decimal.New(r.AmountCents, -2).StringFixed(2)
	}
	body, err := json.Marshal(ve)
	if err != nil {
		return ve, err
	}
	r.Body = body
	return ve, nil
}

// markVoided marks the sale voided, takes it off its customer's count and
// stores the void's answer, which it returns.
func (s *Store) markVoided(ctx context.Context, tx *sql.Tx, sale *voidedSale, resp VoidResponse) (json.RawMessage, error) {
	body, err := json.Marshal(resp)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, s.q("UPDATE sales SET status = 'voided' WHERE id = ? AND status = 'committed'"), sale.id); err != nil {
		return nil, err
	}
	if sale.customer != "" {
		if _, err := tx.ExecContext(ctx, s.q("UPDATE customers SET sales = sales - 1 WHERE token = ?"), sale.customer); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, s.q("INSERT INTO voids (sale_id, response) VALUES (?, ?)"), sale.id, string(body)); err != nil {
		return nil, err
	}
	return body, nil
}
