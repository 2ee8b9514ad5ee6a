// Package load drives the service like a store full of terminals: each
// terminal has its own HTTP client and rings up sales (evaluate, then
// commit; on a conflict, commit the fresh result it was given). The load
// generator and the benchmarks use it, and the tests use its Terminal as
// their client.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// Terminal is one POS terminal: a client of its own (its own connections).
type Terminal struct {
	Base   string
	Client *http.Client
}

// NewTerminal returns a terminal talking to the service at base.
func NewTerminal(base string) *Terminal {
	return &Terminal{Base: base, Client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2}, Timeout: 2 * time.Minute}}
}

// Close closes the terminal's idle connections.
func (t *Terminal) Close() { t.Client.CloseIdleConnections() }

// Do sends a request with a JSON body (nil for none) and returns the status
// and the body.
func (t *Terminal) Do(ctx context.Context, method, path string, body any) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		b, ok := body.([]byte)
		if !ok {
			var err error
			if b, err = json.Marshal(body); err != nil {
				return 0, nil, err
			}
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, t.Base+path, r)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := t.Client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}

// Evaluate evaluates a cart.
func (t *Terminal) Evaluate(ctx context.Context, c promo.Cart) (store.Evaluation, error) {
	var ev store.Evaluation
	status, body, err := t.Do(ctx, "POST", "/v1/evaluate", c)
	if err != nil {
		return ev, err
	}
	if status != http.StatusOK {
		return ev, fmt.Errorf("evaluate %s: %d %s", c.ID, status, body)
	}
	return ev, json.Unmarshal(body, &ev)
}

// CommitAnswer is what a commit answered.
type CommitAnswer struct {
	Status  int
	Body    []byte
	Sale    store.SaleResponse // 200, 201
	Problem api.Problem        // 409 and the other errors
}

// Commit commits a cart with the fingerprint of the result shown.
func (t *Terminal) Commit(ctx context.Context, c promo.Cart, fingerprint string) (CommitAnswer, error) {
	cart, err := json.Marshal(c)
	if err != nil {
		return CommitAnswer{}, err
	}
	status, body, err := t.Do(ctx, "POST", "/v1/sales", api.CommitRequest{Cart: cart, Fingerprint: fingerprint})
	if err != nil {
		return CommitAnswer{}, err
	}
	a := CommitAnswer{Status: status, Body: body}
	if status == http.StatusOK || status == http.StatusCreated {
		err = json.Unmarshal(body, &a.Sale)
	} else {
		err = json.Unmarshal(body, &a.Problem)
	}
	return a, err
}

// RingUp evaluates a cart and commits it; on a conflict it commits the
// fresh result (the terminal shows it and the customer accepts), at most
// tries times in all. It returns the last answer.
func (t *Terminal) RingUp(ctx context.Context, c promo.Cart, tries int) (CommitAnswer, *Latency, error) {
	lat := &Latency{}
	start := time.Now()
	ev, err := t.Evaluate(ctx, c)
	lat.Evaluate = time.Since(start)
	if err != nil {
		return CommitAnswer{}, lat, err
	}
	fp := ev.Fingerprint
	var a CommitAnswer
	for range tries {
		start = time.Now()
		a, err = t.Commit(ctx, c, fp)
		lat.Commit = append(lat.Commit, time.Since(start))
		if err != nil {
			return a, lat, err
		}
		switch {
		case a.Status == http.StatusConflict && a.Problem.Type == api.TypeStateChanged:
			lat.Conflicts++
			fp = a.Problem.Fresh.Fingerprint
			continue
		case a.Status == http.StatusServiceUnavailable:
			lat.Busy++
			continue
		}
		return a, lat, nil
	}
	return a, lat, nil
}

// Latency is what one sale took.
type Latency struct {
	Evaluate  time.Duration
	Commit    []time.Duration
	Conflicts int
	Busy      int
}

// Stats sums up a run.
type Stats struct {
	Terminals            int
	Elapsed              time.Duration
	Sales                int // committed
	Conflicts, Busy      int
	Failed               int // answered something else
	Evaluate, Commit     []time.Duration
	FirstError           error
	EvaluateP50, EvalP99 time.Duration
	CommitP50, CommitP99 time.Duration
}

// Throughput is committed sales per second.
func (s *Stats) Throughput() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Sales) / s.Elapsed.Seconds()
}

// Options of a run.
type Options struct {
	// Terminals ring up sales at once, each with its own client.
	Terminals int
	// Duration bounds the run; Sales, when above zero, stops it after that
	// many sales started.
	Duration time.Duration
	Sales    int64
	// Prefix makes the sale ids unique to the run; Customers is the size of
	// the pool of identified customers; Stores the number of stores.
	Prefix    string
	Customers int
	Stores    int
	// Seed makes the carts deterministic.
	Seed uint64
}

// Run rings up realistic sample carts from many terminals at once until
// the duration or the number of sales is reached.
func Run(ctx context.Context, base string, o Options) Stats {
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	st := Stats{Terminals: o.Terminals}
	var wg sync.WaitGroup
	start := time.Now()
	for k := range o.Terminals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := NewTerminal(base)
			defer t.Close()
			rng := rand.New(rand.NewPCG(o.Seed, uint64(k)))
			for ctx.Err() == nil {
				n := next.Add(1)
				if o.Sales > 0 && n > o.Sales {
					return
				}
				store := fmt.Sprintf("loja-%d", 1+int(n)%max(o.Stores, 1))
				c := sample.Cart(rng, fmt.Sprintf("%s-%s-pdv-%d-%06d", o.Prefix, store, k+1, n), int(n), store, o.Customers)
				a, lat, err := t.RingUp(ctx, c, 5)
				mu.Lock()
				if lat != nil && err == nil {
					st.Evaluate = append(st.Evaluate, lat.Evaluate)
					st.Commit = append(st.Commit, lat.Commit...)
					st.Conflicts += lat.Conflicts
					st.Busy += lat.Busy
				}
				switch {
				case err != nil:
					if ctx.Err() == nil && st.FirstError == nil {
						st.FirstError = err
					}
					if ctx.Err() == nil {
						st.Failed++
					}
				case a.Status == http.StatusCreated:
					st.Sales++
				default:
					st.Failed++
					if st.FirstError == nil {
						st.FirstError = fmt.Errorf("sale %s: %d %s", c.ID, a.Status, a.Body)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	st.Elapsed = time.Since(start)
	st.EvaluateP50, st.EvalP99 = percentile(st.Evaluate, 50), percentile(st.Evaluate, 99)
	st.CommitP50, st.CommitP99 = percentile(st.Commit, 50), percentile(st.Commit, 99)
	return st
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p+99)/100 - 1
	return s[max(0, min(i, len(s)-1))]
}

// Audit asks the service for its audit.
func (t *Terminal) Audit(ctx context.Context) (store.Audit, error) {
	var a store.Audit
	status, body, err := t.Do(ctx, "GET", "/v1/audit?at="+sample.Day.Add(24*time.Hour).Format(time.RFC3339), nil)
	if err != nil {
		return a, err
	}
	if status != http.StatusOK {
		return a, errors.New(string(body))
	}
	return a, json.Unmarshal(body, &a)
}
