// Package store keeps the state promokit hands out — limit counters, used
// codes, budgets, wallet credits, points, committed sales and rulesets — on
// SQLite or PostgreSQL, with one schema for both, and runs the sale
// lifecycle's transactions: commit, void and return.
//
// Every write is one database transaction that re-evaluates the cart on the
// state it reads and writes each event with a conditional write, so that
// concurrent terminals never spend a counter, code, budget or credit twice.
// On SQLite the transactions of a process run one at a time (BEGIN
// IMMEDIATE on a single writer connection, with a busy timeout for other
// processes); on PostgreSQL they run at READ COMMITTED, lock the rows they
// read in one global order (FOR UPDATE), and are retried a bounded number of
// times on serialization failures, deadlocks and unique violations.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Engine names a database engine.
type Engine uint8

const (
	// SQLite is the embedded engine (modernc.org/sqlite, pure Go).
	SQLite Engine = iota
	// Postgres is PostgreSQL through pgx.
	Postgres
)

// String returns "sqlite" or "postgres".
func (e Engine) String() string {
	if e == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Options tune a Store. The zero value is usable.
type Options struct {
	// MaxConns bounds the PostgreSQL connections (default 32). SQLite uses
	// one writer connection and MaxConns readers (default 8).
	MaxConns int
	// Retries bounds how often a PostgreSQL transaction is tried again
	// after a serialization failure, a deadlock or a lost race on a unique
	// key (default 20).
	Retries int
	// Pause, when set, is called between the statements of a commit, at
	// the named steps ("claimed", "evaluated", "midway", "before-commit").
	// It is for tests only: a fault hook that cancels the context, drops
	// the connection or stops the process there.
	Pause func(ctx context.Context, step string)
	// Now is the service's clock (default time.Now); it stamps when
	// rulesets were loaded and sales committed, never what the library
	// computes.
	Now func() time.Time
}

// Store is the database of the service. It is safe for concurrent use.
type Store struct {
	engine Engine
	write  *sql.DB // SQLite: one connection; PostgreSQL: the pool
	read   *sql.DB // SQLite: the readers; PostgreSQL: the same pool
	opts   Options

	mu       sync.Mutex
	compiled map[int64]*Ruleset
}

// Open connects to dsn and applies the migrations. A dsn that starts with
// postgres:// or postgresql:// is PostgreSQL; anything else is a SQLite
// file path (created if missing).
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	if opts.MaxConns <= 0 {
		opts.MaxConns = 32
	}
	if opts.Retries <= 0 {
		opts.Retries = 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Store{opts: opts, compiled: map[int64]*Ruleset{}}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(opts.MaxConns)
		db.SetMaxIdleConns(opts.MaxConns)
		s.engine, s.write, s.read = Postgres, db, db
	} else {
		readers := min(opts.MaxConns, 8)
		w, err := openSQLite(dsn, true)
		if err != nil {
			return nil, err
		}
		w.SetMaxOpenConns(1)
		r, err := openSQLite(dsn, false)
		if err != nil {
			w.Close()
			return nil, err
		}
		r.SetMaxOpenConns(readers)
		s.engine, s.write, s.read = SQLite, w, r
	}
	if err := s.write.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("connect to %s: %w", s.engine, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openSQLite opens a SQLite file in WAL mode with a busy timeout; the
// writer's transactions begin IMMEDIATE, so that a transaction that reads
// and then writes never fails to upgrade its lock.
func openSQLite(path string, writer bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(wal)")
	q.Add("_pragma", "synchronous(full)")
	q.Add("_pragma", "foreign_keys(on)")
	if writer {
		q.Set("_txlock", "immediate")
	}
	return sql.Open("sqlite", "file:"+abs+"?"+q.Encode())
}

// Engine says which engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// Close closes the connections.
func (s *Store) Close() error {
	err := s.write.Close()
	if s.read != s.write {
		err = errors.Join(err, s.read.Close())
	}
	return err
}

// DB returns the pool that writes (for tests and reports).
func (s *Store) DB() *sql.DB { return s.write }

// q rewrites a statement written with ? placeholders for the engine:
// PostgreSQL numbers them ($1, $2, ...).
func (s *Store) q(query string) string {
	if s.engine == SQLite {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if s.engine == Postgres {
			// Copies of the service starting together migrate one at a time.
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(727274)"); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"); err != nil {
			return err
		}
		for i, name := range names {
			version := int64(i + 1)
			var n int
			if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM schema_migrations WHERE version = ?"), version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			body, err := migrationFiles.ReadFile(name)
			if err != nil {
				return err
			}
			for _, stmt := range splitStatements(string(body)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %s: %w", name, err)
				}
			}
			if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
				version, filepath.Base(name), s.opts.Now().UTC().Format(time.RFC3339Nano)); err != nil {
				return err
			}
		}
		return nil
	})
}

// splitStatements splits a migration on the semicolons that end a line,
// dropping comment lines.
func splitStatements(body string) []string {
	var out []string
	var cur strings.Builder
	for line := range strings.Lines(body) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "--") || t == "" {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	return out
}

// errRetry marks a transaction that lost a race (a unique key another
// transaction took, a conditional write that found the state moved): it is
// rolled back and run again on the new state.
var errRetry = errors.New("store: state moved during the transaction")

// ErrBusy is returned when a transaction kept losing races after every
// retry; the client may send the same request again.
var ErrBusy = errors.New("store: too much contention, try again")

// retryable reports whether err is worth running the transaction again.
func (s *Store) retryable(err error) bool {
	if errors.Is(err, errRetry) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01", "23505": // serialization failure, deadlock, unique violation
			return true
		}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// inTx runs fn in a write transaction, again (bounded, with a jittered
// backoff) when it fails with a retryable error.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := s.tryTx(ctx, fn)
		if err == nil || !s.retryable(err) || ctx.Err() != nil {
			return err
		}
		if attempt >= s.opts.Retries {
			return fmt.Errorf("%w: %v", ErrBusy, err)
		}
		backoff := time.Duration(1+rand.IntN(1<<min(attempt, 6))) * time.Millisecond
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
	}
}

func (s *Store) tryTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// readTx runs fn in a read-only transaction: one consistent snapshot.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.engine == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.read.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) pause(ctx context.Context, step string) {
	if s.opts.Pause != nil {
		s.opts.Pause(ctx, step)
	}
}
