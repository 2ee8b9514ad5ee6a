package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/pgtest"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// engines are the engines every concurrency test runs on.
var engines = []string{"sqlite", "postgres"}

// service is a server on loopback over a fresh database.
type service struct {
	URL   string
	Store *store.Store
	admin *load.Terminal
}

// now is the service's clock in the tests: the day after the sample day.
func now() time.Time { return sample.Day.Add(24 * time.Hour) }

// start opens a fresh database of the engine and serves it on loopback.
func start(t testing.TB, engine string, opts store.Options) *service {
	t.Helper()
	dsn := pgtest.DSN(t, engine)
	opts.Now = now
	st, err := store.Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), now))
	t.Cleanup(func() {
		srv.Close()
		st.Close()
	})
	return &service{URL: srv.URL, Store: st, admin: load.NewTerminal(srv.URL)}
}

// load loads a ruleset and fails the test when it does not compile.
func (s *service) load(t testing.TB, doc string) {
	t.Helper()
	status, body, err := s.admin.Do(context.Background(), "POST", "/v1/rulesets", []byte(doc))
	if err != nil || status != http.StatusCreated {
		t.Fatalf("load ruleset: %d %s %v", status, body, err)
	}
}

// get decodes a GET's JSON answer.
func (s *service) get(t testing.TB, path string, into any) {
	t.Helper()
	status, body, err := s.admin.Do(context.Background(), "GET", path, nil)
	if err != nil || status != http.StatusOK {
		t.Fatalf("GET %s: %d %s %v", path, status, body, err)
	}
	if err := json.Unmarshal(body, into); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// audit runs the final audit and fails the test on any problem.
func (s *service) audit(t testing.TB) store.Audit {
	t.Helper()
	a, err := s.admin.Audit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !a.OK {
		t.Fatalf("audit found problems: %q", a.Problems)
	}
	return a
}

// counter reads one counter (0 when it has no row).
func (s *service) counter(t testing.TB, key string) int64 {
	t.Helper()
	var out struct{ Counters []store.Counter }
	s.get(t, "/v1/counters?prefix="+key, &out)
	for _, c := range out.Counters {
		if c.Key == key {
			return c.Used
		}
	}
	return 0
}

// cart builds a cart at the sample day plus minutes, with lines of
// (product code, quantity, unit price).
func cart(id string, minutes int, customer string, lines ...string) promo.Cart {
	c := promo.Cart{ID: id, Time: sample.Day.Add(time.Duration(minutes) * time.Minute), Store: promo.Store{ID: "loja-1"}}
	if customer != "" {
		c.Customer = &promo.Customer{ID: customer}
	}
	for i := 0; i+2 < len(lines); i += 3 {
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprint(i/3 + 1), ProductCode: lines[i],
			Quantity: decimal.RequireFromString(lines[i+1]), UnitPrice: decimal.RequireFromString(lines[i+2])})
	}
	return c
}

// applied reports whether a campaign applied in a result.
func applied(r *promo.Result, campaign string) bool {
	for _, a := range r.Applied {
		if a.Campaign == campaign {
			return true
		}
	}
	return false
}

// ringUp evaluates and commits a cart and fails the test unless it was
// committed.
func (s *service) ringUp(t testing.TB, c promo.Cart) store.SaleResponse {
	t.Helper()
	a, _, err := s.admin.RingUp(context.Background(), c, 3)
	if err != nil || a.Status != http.StatusCreated {
		t.Fatalf("ring up %s: %d %s %v", c.ID, a.Status, a.Body, err)
	}
	return a.Sale
}

// evaluateOn gives each cart its own terminal, evaluates it there and
// returns the terminals (closed when the test ends) and the evaluations.
func (s *service) evaluateOn(t testing.TB, carts []promo.Cart) ([]*load.Terminal, []store.Evaluation) {
	t.Helper()
	terminals := make([]*load.Terminal, len(carts))
	evs := make([]store.Evaluation, len(carts))
	for i, c := range carts {
		terminals[i] = load.NewTerminal(s.URL)
		t.Cleanup(terminals[i].Close)
		ev, err := terminals[i].Evaluate(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		evs[i] = ev
	}
	return terminals, evs
}

// commitAtOnce has every terminal commit its cart with its fingerprint at
// the same instant (a terminal with no fingerprint sits out) and returns
// the answers.
func commitAtOnce(t testing.TB, terminals []*load.Terminal, carts []promo.Cart, fps []string) []load.CommitAnswer {
	t.Helper()
	answers := make([]load.CommitAnswer, len(terminals))
	errs := make([]error, len(terminals))
	var ready, wg sync.WaitGroup
	go_ := make(chan struct{})
	for i := range terminals {
		if fps[i] == "" {
			continue
		}
		ready.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready.Done()
			<-go_
			answers[i], errs[i] = terminals[i].Commit(context.Background(), carts[i], fps[i])
		}()
	}
	ready.Wait()
	close(go_)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("terminal %d: %v", i, err)
		}
	}
	return answers
}
