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

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Return values a return with refund.Of against the sale's result and
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
		claimed, err := s.claimReturn(ctx, tx, saleID, req.ID, content, &out)
		if err != nil || !claimed {
			return err
		}
		sale, version, earlier, err := s.saleToReturn(ctx, tx, saleID, &invalid)
		if err != nil {
			return err
		}
		rf, err := refund.Of(sale, earlier, req.Lines)
		if err != nil {
			invalid = err
			return errRollback
		}
		resp, err := s.writeReturn(ctx, tx, saleID, version, req, rf)
		if err != nil {
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

// claimReturn claims the return's id; when the id was claimed before it
// fills out with the first answer, or says the id was reused, and claimed
// is false.
func (s *Store) claimReturn(ctx context.Context, tx *sql.Tx, saleID, id, content string, out *Outcome) (claimed bool, err error) {
	n, err := affected(tx.ExecContext(ctx, s.q("INSERT INTO returns (id, sale_id, content_sha256, status) VALUES (?, ?, ?, 'pending') ON CONFLICT (id) DO NOTHING"), id, saleID, content))
	if err != nil {
		return false, err
	}
	if n != 0 {
		return true, nil
	}
	var hash, response string
	if err := tx.QueryRowContext(ctx, s.q("SELECT content_sha256, response FROM returns WHERE id = ?"), id).Scan(&hash, &response); err != nil {
		return false, err
	}
	if hash != content {
		out.Reused = true
		return false, nil
	}
	*out = Outcome{Response: json.RawMessage(response), Replayed: true}
	return false, nil
}

// saleToReturn reads and locks the sale a return is of, with what earlier
// returns took; a sale missing or voided sets invalid and rolls back.
func (s *Store) saleToReturn(ctx context.Context, tx *sql.Tx, saleID string, invalid *error) (promo.Result, int64, []refund.Returned, error) {
	var sale promo.Result
	var status, resultJSON string
	var version int64
	err := tx.QueryRowContext(ctx, s.q("SELECT status, result, ruleset_version FROM sales WHERE id = ?"+s.lockClause(true)), saleID).Scan(&status, &resultJSON, &version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		*invalid = ErrNotFound
		return sale, 0, nil, errRollback
	case err != nil:
		return sale, 0, nil, err
	case status == "voided":
		*invalid = ErrVoided
		return sale, 0, nil, errRollback
	}
	if err := json.Unmarshal([]byte(resultJSON), &sale); err != nil {
		return sale, 0, nil, err
	}
	var earlier []refund.Returned
	err = eachRow(ctx, tx, s.q("SELECT lines FROM returns WHERE sale_id = ? AND status = 'done' ORDER BY id"), []any{saleID}, func(rows *sql.Rows) error {
		var text string
		var ls []refund.Returned
		if err := rows.Scan(&text); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(text), &ls); err != nil {
			return err
		}
		earlier = append(earlier, ls...)
		return nil
	})
	return sale, version, earlier, err
}

// writeReturn locks the credits the refund moves, writes its events and
// marks the return done with its answer, which it returns.
func (s *Store) writeReturn(ctx context.Context, tx *sql.Tx, saleID string, version int64, req ReturnRequest, rf refund.Result) (json.RawMessage, error) {
	var credits []string
	for _, e := range rf.Events {
		credits = append(credits, e.Credit, e.Reverses)
	}
	credits = slices.DeleteFunc(credits, func(c string) bool { return c == "" })
	if err := s.lockRows(ctx, tx, "SELECT remaining_cents FROM wallet_credits WHERE id = ?", credits); err != nil {
		return nil, err
	}
	rs, err := s.ruleset(ctx, tx, version)
	if err != nil {
		return nil, err
	}
	ec := &eventContext{rs: rs, saleID: saleID, origin: "return", originID: req.ID, store: req.Store, at: req.Time}
	for i, e := range rf.Events {
		h, err := fromLibrary(e)
		if err != nil {
			return nil, err
		}
		if err := s.writeEvent(ctx, tx, ec, i, h); err != nil {
			return nil, err
		}
	}
	resp, err := json.Marshal(ReturnResponse{ReturnID: req.ID, SaleID: saleID, Refund: rf})
	if err != nil {
		return nil, err
	}
	lines, err := json.Marshal(req.Lines)
	if err != nil {
		return nil, err
	}
	refundJSON, err := json.Marshal(rf)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE returns SET status = 'done', store = ?, time = ?, at_unix_nano = ?, local_date = ?,
			lines = ?, refund = ?, response = ? WHERE id = ?`),
		req.Store, formatTime(req.Time), req.Time.UnixNano(), br.DateOf(req.Time).String(), string(lines), string(refundJSON), string(resp), req.ID); err != nil {
		return nil, err
	}
	return resp, nil
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
	Lines []refund.Returned `json:"lines"`
}

// ReturnResponse is the answer to a return.
type ReturnResponse struct {
	ReturnID string        `json:"return_id"`
	SaleID   string        `json:"sale_id"`
	Refund   refund.Result `json:"refund"`
}
