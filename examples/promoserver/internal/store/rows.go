package store

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"
)

// querier runs a query: a transaction or a pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// eachRow runs a query and calls each on every row; the rows are closed
// whatever happens, and the first error (of the query, of each, of the
// rows) is returned.
func eachRow(ctx context.Context, db querier, query string, args []any, each func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		if err := each(rows); err != nil {
			rows.Close()
			return err
		}
	}
	return closeRows(rows)
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	return errors.Join(err, rows.Close())
}

// scanPairs calls f with the two text columns of each row.
func scanPairs(ctx context.Context, tx *sql.Tx, query string, f func(a, b string)) error {
	return eachRow(ctx, tx, query, nil, func(rows *sql.Rows) error {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		f(a, b)
		return nil
	})
}

// scanKeyInt reads rows of a key and an integer into a map.
func scanKeyInt(ctx context.Context, tx *sql.Tx, query string, into map[string]int64) error {
	return eachRow(ctx, tx, query, nil, func(rows *sql.Rows) error {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		into[k] = n
		return nil
	})
}

// sortedUnion returns the keys of both maps, sorted.
func sortedUnion[V any](a, b map[string]V) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
