// Command promoload is the load generator of the reference host: N
// terminals, each with its own HTTP client, ring up realistic sample carts
// over loopback for a bounded time (evaluate, then commit; on a conflict,
// commit the fresh result), then it prints the throughput, the p50 and p99
// latencies of evaluate and commit, and the service's audit.
//
//	go run ./cmd/promoload -terminals 32 -duration 10s                  # an in-process service on a temporary SQLite file
//	go run ./cmd/promoload -db postgres://... -terminals 32             # an in-process service on PostgreSQL
//	go run ./cmd/promoload -url http://127.0.0.1:8080 -terminals 8      # a running promoserver
//
// It exits with status 1 when a sale failed or the audit found a problem.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "promoload:", err)
		os.Exit(1)
	}
}

func run() error {
	url := flag.String("url", "", "a running promoserver to drive (empty: start one in this process)")
	dsn := flag.String("db", "", "the in-process service's database: a SQLite file or a postgres:// URL (empty: a temporary SQLite file)")
	terminals := flag.Int("terminals", 8, "terminals ringing up sales at once")
	duration := flag.Duration("duration", 10*time.Second, "how long to ring up sales")
	customers := flag.Int("customers", 200, "identified customers the carts pick from")
	stores := flag.Int("stores", 3, "stores the terminals belong to")
	budget := flag.Int("budget", 2000, "units of the sample's industry budget")
	seed := flag.Uint64("seed", 1, "seed of the carts")
	flag.Parse()
	ctx := context.Background()

	where := *url
	if where == "" {
		path := *dsn
		if path == "" {
			dir, err := os.MkdirTemp("", "promoload-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "promo.db")
		}
		st, err := store.Open(ctx, path, store.Options{MaxConns: 64})
		if err != nil {
			return err
		}
		defer st.Close()
		if cur, err := st.Current(ctx); err != nil {
			return err
		} else if cur.Version == 0 {
			if _, err := st.LoadRuleset(ctx, sample.Ruleset); err != nil {
				return err
			}
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: api.New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)}
		go func() { _ = srv.Serve(ln) }()
		defer srv.Close()
		where = "http://" + ln.Addr().String()
		fmt.Printf("promoload: in-process service on %s (%s)\n", where, st.Engine())
	}
	admin := load.NewTerminal(where)
	defer admin.Close()
	if status, body, err := admin.Do(ctx, "PUT", "/v1/budgets/"+sample.BudgetedPromotion, map[string]int{"units": *budget}); err != nil || status != http.StatusOK {
		return fmt.Errorf("set the budget: %d %s %v", status, body, err)
	}
	fmt.Printf("promoload: %d terminals for %s\n", *terminals, *duration)
	st := load.Run(ctx, where, load.Options{Terminals: *terminals, Duration: *duration,
		Prefix: fmt.Sprintf("load-%d", time.Now().UnixNano()), Customers: *customers, Stores: *stores, Seed: *seed})
	fmt.Printf("sales committed: %d in %s: %.1f sales/s\n", st.Sales, st.Elapsed.Round(time.Millisecond), st.Throughput())
	fmt.Printf("conflicts (fresh result shown and committed): %d; busy answers: %d; failed sales: %d\n", st.Conflicts, st.Busy, st.Failed)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
	fmt.Printf("evaluate: p50 %s, p99 %s (%d calls)\n", ms(st.EvaluateP50), ms(st.EvalP99), len(st.Evaluate))
	fmt.Printf("commit:   p50 %s, p99 %s (%d calls)\n", ms(st.CommitP50), ms(st.CommitP99), len(st.Commit))
	a, err := admin.Audit(ctx)
	if err != nil {
		return err
	}
	status := "ok"
	if !a.OK {
		status = fmt.Sprintf("FAILED: %q", a.Problems)
	}
	fmt.Printf("audit: %s — %d sales, %d events, %d counters adding up to %d units and R$ %s of money budgets, %d codes used, wallet earned %s = redeemed %s + reversed %s + expired %s + balance %s, %d points\n",
		status, a.Sales, a.Events, a.Counters, a.CounterUnits, a.BudgetGranted, a.CodesUsed, a.Wallet.Earned, a.Wallet.Redeemed, a.Wallet.Reversed, a.Wallet.Expired, a.Wallet.Balance, a.Points)
	if st.FirstError != nil {
		fmt.Println("first error:", st.FirstError)
	}
	if !a.OK || st.Failed > 0 {
		return fmt.Errorf("the run failed")
	}
	return nil
}
