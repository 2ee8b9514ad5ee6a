package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"iter"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
	"github.com/promokit/promokit/report"
)

// errStopped ends a stream of records whose consumer stopped.
var errStopped = errors.New("store: records no longer wanted")

// Records streams the committed sales and the returns as the report package
// reads them: each sale's cart and result, and each return as a
// report.ReturnRecord carrying its events. The sequence reads one snapshot;
// an error ends it and is returned by the func.
func (s *Store) Records(ctx context.Context) (iter.Seq[report.Record], func() error) {
	var failure error
	seq := func(yield func(report.Record) bool) {
		failure = s.readTx(ctx, func(tx *sql.Tx) error {
			err := saleRecords(ctx, tx, yield)
			if err == nil {
				err = s.returnRecords(ctx, tx, yield)
			}
			if errors.Is(err, errStopped) {
				return nil
			}
			return err
		})
	}
	return seq, func() error { return failure }
}

// saleRecords yields the committed sales, in time order.
func saleRecords(ctx context.Context, tx *sql.Tx, yield func(report.Record) bool) error {
	return eachRow(ctx, tx, "SELECT cart, result FROM sales WHERE status = 'committed' ORDER BY at_unix_nano, id", nil, func(rows *sql.Rows) error {
		var cart, result string
		if err := rows.Scan(&cart, &result); err != nil {
			return err
		}
		var rec report.Record
		if err := json.Unmarshal([]byte(cart), &rec.Cart); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(result), &rec.Result); err != nil {
			return err
		}
		if !yield(rec) {
			return errStopped
		}
		return nil
	})
}

// returnRecords yields the returns done of committed sales, in time order,
// each with its events.
func (s *Store) returnRecords(ctx context.Context, tx *sql.Tx, yield func(report.Record) bool) error {
	type ret struct{ id, at, store, cart string }
	var rets []ret
	err := eachRow(ctx, tx, `SELECT r.id, r.time, r.store, s.cart FROM returns r JOIN sales s ON s.id = r.sale_id
				WHERE r.status = 'done' AND s.status = 'committed' ORDER BY r.at_unix_nano, r.id`, nil, func(rows *sql.Rows) error {
		var x ret
		if err := rows.Scan(&x.id, &x.at, &x.store, &x.cart); err != nil {
			return err
		}
		rets = append(rets, x)
		return nil
	})
	if err != nil {
		return err
	}
	for _, x := range rets {
		var sale promo.Cart
		if err := json.Unmarshal([]byte(x.cart), &sale); err != nil {
			return err
		}
		at, err := parseTime(x.at)
		if err != nil {
			return err
		}
		var events []promo.Event
		err = eachRow(ctx, tx, s.q("SELECT body FROM events WHERE origin = 'return' AND origin_id = ? ORDER BY seq"), []any{x.id}, func(rows *sql.Rows) error {
			var body string
			var e promo.Event
			if err := rows.Scan(&body); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				return err
			}
			events = append(events, e)
			return nil
		})
		if err != nil {
			return err
		}
		ret := promo.Cart{ID: x.id, Time: at, Store: promo.Store{ID: x.store}, Customer: sale.Customer}
		if !yield(report.ReturnRecord(ret, refund.Result{Events: events})) {
			return errStopped
		}
	}
	return nil
}
