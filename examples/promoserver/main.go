// Command promoserver is the reference host of promokit: one binary that
// serves the sale lifecycle over HTTP JSON and keeps the state the library
// hands out on an embedded SQLite file (the default) or on PostgreSQL.
//
//	go run ./examples/promoserver                                    # SQLite file promoserver.db, port 8080
//	go run ./examples/promoserver -db postgres://user:pw@host/db     # PostgreSQL
//
// See README.md beside this file for the API, the sale lifecycle and how to
// run it in production.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "promoserver:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("promoserver", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	dsn := fs.String("db", "promoserver.db", "a SQLite file, or a postgres:// URL")
	rulesetFile := fs.String("ruleset", "", "a ruleset file to load at start when it differs from the current version")
	withSample := fs.Bool("sample", true, "load the sample ruleset when the database has none")
	maxConns := fs.Int("max-conns", 32, "PostgreSQL connections (SQLite: readers, at most 8)")
	pause := fs.Duration("fault-commit-pause", 0, "FOR TESTS ONLY: pause every commit this long midway, after writing its first event and before COMMIT, printing \"fault: commit paused\" (a test kills the process there)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	opts := store.Options{MaxConns: *maxConns}
	if *pause > 0 {
		opts.Pause = func(ctx context.Context, step string) {
			if step != "midway" {
				return
			}
			fmt.Fprintln(os.Stderr, "fault: commit paused")
			select {
			case <-ctx.Done():
			case <-time.After(*pause):
			}
		}
	}
	st, err := store.Open(ctx, *dsn, opts)
	if err != nil {
		return err
	}
	defer st.Close()
	cur, err := st.Current(ctx)
	if err != nil {
		return err
	}
	var doc []byte
	switch {
	case *rulesetFile != "":
		if doc, err = os.ReadFile(*rulesetFile); err != nil {
			return err
		}
	case cur.Version == 0 && *withSample:
		doc = sample.Ruleset
	}
	if doc != nil && !bytes.Equal(doc, cur.Document) {
		rs, err := st.LoadRuleset(ctx, doc)
		if err != nil {
			return fmt.Errorf("load ruleset: %w", err)
		}
		cur = rs
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: api.New(st, log, nil), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(os.Stderr, "promoserver: listening on http://%s (%s, ruleset version %d)\n", ln.Addr(), st.Engine(), cur.Version)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
