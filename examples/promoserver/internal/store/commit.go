package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// CommitStatus says how a commit ended.
type CommitStatus uint8

const (
	// Committed: the sale and its events were written.
	Committed CommitStatus = iota
	// Replayed: the same sale with the same content was committed before;
	// the answer is the first commit's.
	Replayed
	// Conflict: the state moved and the result differs from the one the
	// terminal showed; nothing was written and Fresh is the new result.
	Conflict
	// Reused: the sale id was committed with another content; nothing was
	// written.
	Reused
)

// String returns "committed", "replayed", "conflict" or "reused".
func (c CommitStatus) String() string {
	switch c {
	case Committed:
		return "committed"
	case Replayed:
		return "replayed"
	case Conflict:
		return "conflict"
	case Reused:
		return "reused"
	}
	return "unknown"
}

// CommitOutcome is the end of a commit.
type CommitOutcome struct {
	Status CommitStatus
	// Response is the committed sale's answer (Committed, Replayed): the
	// same bytes for every retry.
	Response json.RawMessage
	// Fresh is the result on the current state (Conflict).
	Fresh *Evaluation
}

// SaleResponse is the answer to a commit.
type SaleResponse struct {
	SaleID         string       `json:"sale_id"`
	Status         string       `json:"status"`
	RulesetVersion int64        `json:"ruleset_version"`
	Fingerprint    string       `json:"fingerprint"`
	CommittedAt    string       `json:"committed_at"`
	Result         promo.Result `json:"result"`
}

// errRollback ends a transaction without retrying it.
var errRollback = errors.New("store: roll back")

// Commit commits a sale: in one transaction it claims the sale id, reads
// and locks the state the cart needs, evaluates the cart again on the
// current ruleset and state, and — when the result is the one the terminal
// showed (same fingerprint) — writes the sale and every event with
// conditional writes. The cart's History and Wallet are ignored: the store
// fills them.
func (s *Store) Commit(ctx context.Context, cart promo.Cart, fingerprint string) (CommitOutcome, error) {
	cart.History, cart.Wallet = promo.History{}, nil
	content := ContentHash(&cart)
	var out CommitOutcome
	var invalid error
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out, invalid = CommitOutcome{}, nil
		n, err := affected(tx.ExecContext(ctx, s.q("INSERT INTO sales (id, content_sha256, status) VALUES (?, ?, 'pending') ON CONFLICT (id) DO NOTHING"), cart.ID, content))
		if err != nil {
			return err
		}
		if n == 0 {
			var hash, status, response string
			if err := tx.QueryRowContext(ctx, s.q("SELECT content_sha256, status, response FROM sales WHERE id = ?"), cart.ID).Scan(&hash, &status, &response); err != nil {
				return err
			}
			if hash != content {
				out.Status = Reused
				return nil
			}
			out.Status, out.Response = Replayed, json.RawMessage(response)
			return nil
		}
		s.pause(ctx, "claimed")
		rs, err := s.currentRuleset(ctx, tx)
		if err != nil {
			return err
		}
		c := cart
		if err := s.fill(ctx, tx, rs, &c, true); err != nil {
			return err
		}
		res, err := promo.Evaluate(c, rs.Compiled)
		if err != nil {
			invalid = err
			return errRollback
		}
		fp := Fingerprint(&res)
		s.pause(ctx, "evaluated")
		if fp != fingerprint {
			out.Status, out.Fresh = Conflict, &Evaluation{RulesetVersion: rs.Version, Fingerprint: fp, Result: res}
			return errRollback
		}
		resp, err := s.writeSale(ctx, tx, rs, &cart, &res, fp)
		if err != nil {
			return err
		}
		s.pause(ctx, "before-commit")
		out.Status, out.Response = Committed, resp
		return nil
	})
	if errors.Is(err, errRollback) {
		return out, invalid // a conflict, or a cart the library refuses
	}
	return out, err
}

// writeSale writes a committed sale, its reporting rows and its events.
func (s *Store) writeSale(ctx context.Context, tx *sql.Tx, rs *Ruleset, cart *promo.Cart, res *promo.Result, fp string) (json.RawMessage, error) {
	resp, err := s.markCommitted(ctx, tx, rs, cart, res, fp)
	if err != nil {
		return nil, err
	}
	money, err := s.writeAdjustments(ctx, tx, cart.ID, res)
	if err != nil {
		return nil, err
	}
	if err := s.writeApplications(ctx, tx, cart.ID, res); err != nil {
		return nil, err
	}
	ec := &eventContext{rs: rs, saleID: cart.ID, origin: "sale", originID: cart.ID, store: cart.Store.ID, at: cart.Time, money: money}
	for i, e := range res.Events {
		h, err := fromLibrary(e)
		if err != nil {
			return nil, err
		}
		if err := s.writeEvent(ctx, tx, ec, i, h); err != nil {
			return nil, err
		}
		if i == 0 {
			s.pause(ctx, "midway")
		}
	}
	if cart.Customer != nil && cart.Customer.ID != "" {
		if _, err := tx.ExecContext(ctx, s.q("UPDATE customers SET sales = sales + 1 WHERE token = ?"), cart.Customer.ID); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

// markCommitted turns the claimed (pending) sale into the committed one,
// with its answer, which it returns.
func (s *Store) markCommitted(ctx context.Context, tx *sql.Tx, rs *Ruleset, cart *promo.Cart, res *promo.Result, fp string) (json.RawMessage, error) {
	committedAt := s.opts.Now().UTC().Format(time.RFC3339Nano)
	resp, err := json.Marshal(SaleResponse{SaleID: cart.ID, Status: "committed", RulesetVersion: rs.Version,
		Fingerprint: fp, CommittedAt: committedAt, Result: *res})
	if err != nil {
		return nil, err
	}
	cartJSON, err := json.Marshal(cart)
	if err != nil {
		return nil, err
	}
	resultJSON, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	customer := ""
	if cart.Customer != nil {
		customer = cart.Customer.ID
	}
	day := br.DateOf(cart.Time)
	week, _ := report.Week.Span(day)
	month, _ := report.Month.Span(day)
	gross, err1 := cents(res.Totals.Gross)
	discount, err2 := cents(res.Totals.Discount)
	net, err3 := cents(res.Totals.Net)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, err
	}
	n, err := affected(tx.ExecContext(ctx, s.q(`UPDATE sales SET status = 'committed', ruleset_version = ?, store = ?, customer = ?,
		at_unix_nano = ?, time = ?, local_date = ?, week_start = ?, month_start = ?, gross_cents = ?, discount_cents = ?,
		net_cents = ?, lines = ?, fingerprint = ?, cart = ?, result = ?, response = ?, committed_at = ? WHERE id = ? AND status = 'pending'`),
		rs.Version, cart.Store.ID, customer, cart.Time.UnixNano(), formatTime(cart.Time), day.String(), week.String(), month.String(),
		gross, discount, net, len(res.Lines), fp, string(cartJSON), string(resultJSON), string(resp), committedAt, cart.ID))
	if err != nil {
		return nil, err
	}
	if n != 1 {
		return nil, guard("sale %s is no longer pending", cart.ID)
	}
	return resp, nil
}

// writeAdjustments writes the sale's adjustments and their shares, and
// returns the discount each campaign gave, in cents.
func (s *Store) writeAdjustments(ctx context.Context, tx *sql.Tx, saleID string, res *promo.Result) (map[string]int64, error) {
	money := map[string]int64{}
	for li, l := range res.Lines {
		for ai, a := range l.Adjustments {
			c, err := cents(a.Amount)
			if err != nil {
				return nil, err
			}
			money[a.Campaign] += c
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO sale_adjustments (sale_id, line_seq, seq, line_id, campaign, kind, amount_cents,
				funded_by, disc_key, shared) VALUES (`+placeholders(10)+`)`),
				saleID, li, ai, l.ID, a.Campaign, a.Kind.String(), c, a.FundedBy, a.Key, boolInt(len(a.Shares) > 0)); err != nil {
				return nil, err
			}
			for si, sh := range a.Shares {
				sc, err := cents(sh.Amount)
				if err != nil {
					return nil, err
				}
				if _, err := tx.ExecContext(ctx, s.q("INSERT INTO sale_adjustment_shares (sale_id, line_seq, seq, share_seq, funder, amount_cents) VALUES (?, ?, ?, ?, ?, ?)"),
					saleID, li, ai, si, sh.Funder, sc); err != nil {
					return nil, err
				}
			}
		}
	}
	return money, nil
}

// writeApplications writes the sale's applications and gifts, which the
// reports read.
func (s *Store) writeApplications(ctx context.Context, tx *sql.Tx, saleID string, res *promo.Result) error {
	for i, a := range res.Applied {
		c, err := cents(a.Amount)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO sale_applications (sale_id, seq, campaign, name, category, type, occurrences,
			amount_cents, units) VALUES (`+placeholders(9)+`)`),
			saleID, i, a.Campaign, a.Name, a.Category, a.Type, a.Occurrences, c, a.Units); err != nil {
			return err
		}
	}
	for i, g := range res.Gifts {
		c, err := cents(g.UnitPrice)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO sale_gifts (sale_id, seq, campaign, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)"),
			saleID, i, g.Campaign, g.Quantity, c); err != nil {
			return err
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
