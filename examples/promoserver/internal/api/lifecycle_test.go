package api_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"

	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/pgtest"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// pauser is a fault hook: armed, it stops the next commit at the "midway"
// step (after the sale row and its first event, before the rest and
// COMMIT), says so on reached, and waits for release or the request's end.
type pauser struct {
	armed   atomic.Bool
	reached chan struct{}
	release chan struct{}
}

func newPauser() *pauser {
	return &pauser{reached: make(chan struct{}, 1), release: make(chan struct{})}
}

func (p *pauser) pause(ctx context.Context, step string) {
	if step != "midway" || !p.armed.CompareAndSwap(true, false) {
		return
	}
	p.reached <- struct{}{}
	select {
	case <-ctx.Done():
	case <-p.release:
	}
}

const cutRules = `{"version": 1, "campaigns": [
	{"id": "cupom-corte", "name": "Cupom: R$ 3", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["CORTE-1"]}}]},
	 "limits": [{"scope": "general", "count": "sale", "max": 10, "period": "day"}],
	 "benefit": {"on": "sale", "amount": "3.00"}, "extras": {"cashback": {"kind": "fixed", "value": "1.00"}}}]}`

// A commit cut off midway — the request's context cancelled between
// statements, or (PostgreSQL) the database connection dropped — leaves
// nothing partial, and the retry completes.
func TestCommitCutOffMidway(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine+"/context-cancelled", func(t *testing.T) {
			p := newPauser()
			s := start(t, engine, store.Options{Pause: p.pause})
			s.load(t, cutRules)
			c := cart("corte-000001", 60, "cli-corte", "ARROZ-5", "1", "27.90")
			c.PromoCodes = []string{"CORTE-1"}
			ev, err := s.admin.Evaluate(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			p.armed.Store(true)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			term := load.NewTerminal(s.URL)
			defer term.Close()
			go func() {
				_, err := term.Commit(ctx, c, ev.Fingerprint)
				done <- err
			}()
			<-p.reached
			cancel() // the terminal hangs up between two statements
			if err := <-done; err == nil {
				t.Fatal("the cancelled commit answered")
			}
			checkNothingPartial(t, s, c.ID)
			retryCommit(t, s, c, ev.Fingerprint)
		})
		if engine != "postgres" {
			continue
		}
		t.Run(engine+"/connection-dropped", func(t *testing.T) {
			p := newPauser()
			s := start(t, engine, store.Options{Pause: p.pause})
			s.load(t, cutRules)
			c := cart("corte-000002", 60, "cli-corte", "ARROZ-5", "1", "27.90")
			c.PromoCodes = []string{"CORTE-1"}
			ev, err := s.admin.Evaluate(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			p.armed.Store(true)
			done := make(chan load.CommitAnswer, 1)
			go func() {
				a, _ := s.admin.Commit(context.Background(), c, ev.Fingerprint)
				done <- a
			}()
			<-p.reached
			// Drop every other connection to the database: the commit's
			// transaction dies with its connection.
			killer, err := sql.Open("pgx", pgURL(t, s))
			if err != nil {
				t.Fatal(err)
			}
			defer killer.Close()
			if _, err := killer.Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"); err != nil {
				t.Fatal(err)
			}
			close(p.release)
			if a := <-done; a.Status == http.StatusCreated {
				t.Fatalf("the commit whose connection dropped answered %d %s", a.Status, a.Body)
			}
			checkNothingPartial(t, s, c.ID)
			retryCommit(t, s, c, ev.Fingerprint)
		})
	}
}

// pgURL is the URL of the service's PostgreSQL database.
func pgURL(t *testing.T, s *service) string {
	t.Helper()
	var name string
	if err := s.Store.DB().QueryRow("SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	return pgtest.Shared().URL(name)
}

func checkNothingPartial(t *testing.T, s *service, saleID string) {
	t.Helper()
	status, body, err := s.admin.Do(context.Background(), "GET", "/v1/sales/"+saleID, nil)
	if err != nil || status != http.StatusNotFound {
		t.Fatalf("the cut-off sale is there: %d %s %v", status, body, err)
	}
	a := s.audit(t)
	if a.Sales != 0 || a.Events != 0 || a.CodesUsed != 0 || a.CounterUnits != 0 || a.Wallet.Earned != "0.00" {
		t.Fatalf("something of the cut-off commit was left: %+v", a)
	}
}

func retryCommit(t *testing.T, s *service, c promo.Cart, fp string) {
	t.Helper()
	a, err := s.admin.Commit(context.Background(), c, fp)
	if err != nil || a.Status != http.StatusCreated {
		t.Fatalf("retry: %d %s %v", a.Status, a.Body, err)
	}
	if au := s.audit(t); au.Sales != 1 || au.CodesUsed != 1 || au.Wallet.Earned != "1.00" {
		t.Fatalf("after the retry: %+v", au)
	}
}

const voidRules = `{"version": 1, "campaigns": [
	{"id": "vale-10", "name": "Vale: R$ 10 de cashback", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["VALE"]}]},
	 "extras": {"cashback": {"kind": "fixed", "value": "10.00"}}},
	{"id": "cupom-estorno", "name": "Cupom: R$ 5 e 50 pontos", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["ESTORNO-1"]}}]},
	 "benefit": {"on": "sale", "amount": "5.00"}, "extras": {"points": {"fixed": "50"}}},
	{"id": "cafe-limite", "name": "Café a R$ 9,90, 5 por cliente", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["CAFE-500"]}]},
	 "limits": [{"scope": "customer", "count": "item", "max": 5, "period": "day"}, {"scope": "general", "count": "item", "max": 100, "period": "day"}],
	 "benefit": {"on": "items", "final_price": "9.90"}},
	{"id": "cashback-2", "name": "2% de cashback", "start": "2026-11-01", "no_activation_rules": true,
	 "extras": {"cashback": {"kind": "percent", "value": "2"}}}],
	"industry_promotions": [{"id": "nestle-estorno", "name": "Nestlé: compre 2, leve 3", "start": "2026-11-01", "funded_by": "Nestle",
	 "funder_share": "50", "products": ["NESCAU-400"], "free_units": {"buy": 3, "pay": 2}, "budgeted": true}]}`

// state is what a void must give back: counters, budgets, the wallet and
// whether the code is free.
type state struct {
	Counters []store.Counter
	Budgets  []store.Budget
	Balance  string
	Credits  map[string]string
	Points   int64
	CodeFree bool
}

func snapshot(t *testing.T, s *service) state {
	t.Helper()
	var st state
	var cs struct{ Counters []store.Counter }
	s.get(t, "/v1/counters", &cs)
	for _, c := range cs.Counters {
		if c.Used != 0 {
			st.Counters = append(st.Counters, c)
		}
	}
	var bs struct{ Budgets []store.Budget }
	s.get(t, "/v1/budgets", &bs)
	st.Budgets = bs.Budgets
	var w store.Wallet
	s.get(t, "/v1/customers/cli-estorno/wallet", &w)
	st.Balance, st.Points, st.Credits = w.Balance, w.Points, map[string]string{}
	for _, c := range w.Credits {
		st.Credits[c.ID] = c.Remaining
	}
	probe := cart("sonda", 300, "", "ARROZ-5", "1", "27.90")
	probe.PromoCodes = []string{"ESTORNO-1"}
	ev, err := s.admin.Evaluate(context.Background(), probe)
	if err != nil {
		t.Fatal(err)
	}
	st.CodeFree = applied(&ev.Result, "cupom-estorno")
	return st
}

// A void after a commit restores every counter, code, budget, credit and
// point exactly; a void sent twice is applied once.
func TestVoidRestoresEverything(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, voidRules)
			if status, body, err := s.admin.Do(context.Background(), "PUT", "/v1/budgets/nestle-estorno", map[string]int{"units": 10}); err != nil || status != http.StatusOK {
				t.Fatalf("budget: %d %s %v", status, body, err)
			}
			s.ringUp(t, cart("estorno-000", 0, "cli-estorno", "VALE", "1", "1.00"))
			before := snapshot(t, s)
			if !before.CodeFree || before.Balance != "10.02" { // 10.00 of vale-10 and 2 % of 1.00
				t.Fatalf("before the sale: %+v", before)
			}
			c := cart("estorno-001", 60, "cli-estorno", "CAFE-500", "2", "18.90", "NESCAU-400", "3", "12.49")
			c.PromoCodes = []string{"ESTORNO-1"}
			sale := s.ringUp(t, c)
			for _, id := range []string{"cafe-limite", "cupom-estorno", "nestle-estorno"} {
				if !applied(&sale.Result, id) {
					t.Fatalf("%s did not apply to the sale", id)
				}
			}
			kinds := map[promo.EventKind]int{}
			for _, e := range sale.Result.Events {
				kinds[e.Kind]++
			}
			if kinds[promo.EventCashbackRedeemed] == 0 || kinds[promo.EventCashbackEarned] == 0 || kinds[promo.EventPoints] == 0 || kinds[promo.EventCodeRedeemed] == 0 {
				t.Fatalf("the sale does not touch every kind of state: %v", kinds)
			}
			during := snapshot(t, s)
			if during.CodeFree || len(during.Counters) == 0 || during.Budgets[0].UnitsUsed != 1 || during.Points != 50 {
				t.Fatalf("the sale changed nothing: %+v", during)
			}
			status, first, err := s.admin.Do(context.Background(), "POST", "/v1/sales/estorno-001/void", nil)
			if err != nil || status != http.StatusOK {
				t.Fatalf("void: %d %s %v", status, first, err)
			}
			after := snapshot(t, s)
			// The credit the sale earned is gone (taken back whole); the
			// rest is as before the sale.
			earned := ""
			for id := range after.Credits {
				if _, ok := before.Credits[id]; !ok {
					earned = id
				}
			}
			if earned == "" || after.Credits[earned] != "0.00" {
				t.Fatalf("the sale's credit after the void: %v", after.Credits)
			}
			delete(after.Credits, earned)
			if diff := cmp.Diff(before, after); diff != "" {
				t.Fatalf("the void did not restore the state (-before +after):\n%s", diff)
			}
			a1 := s.audit(t)
			if a1.Voided != 1 || a1.Sales != 1 {
				t.Fatalf("audit after the void: %+v", a1)
			}
			status, again, err := s.admin.Do(context.Background(), "POST", "/v1/sales/estorno-001/void", nil)
			if err != nil || status != http.StatusOK || !bytes.Equal(again, first) {
				t.Fatalf("second void: %d %s %v", status, again, err)
			}
			if diff := cmp.Diff(a1, s.audit(t)); diff != "" {
				t.Fatalf("the second void changed something (-first +second):\n%s", diff)
			}
			// The code is free again: another sale uses it.
			c2 := cart("estorno-002", 90, "cli-outro", "ARROZ-5", "1", "27.90")
			c2.PromoCodes = []string{"ESTORNO-1"}
			if sale2 := s.ringUp(t, c2); !applied(&sale2.Result, "cupom-estorno") {
				t.Fatal("the freed code does not apply")
			}
			s.audit(t)
		})
	}
}

// A return (devolução) values the units with refund.Of and persists the
// reversal events; a retried return answers the same, and a return id used
// with another content is a conflict.
func TestReturnPersistsRefund(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, voidRules)
			sale := s.ringUp(t, cart("devolucao-001", 60, "cli-estorno", "ARROZ-5", "2", "27.90", "FEIJAO-1", "1", "8.79"))
			var earned promo.Event
			for _, e := range sale.Result.Events {
				if e.Kind == promo.EventCashbackEarned {
					earned = e
				}
			}
			if !earned.Amount.Equal(decimal.RequireFromString("1.29")) { // 2 % of 64.59, half-even
				t.Fatalf("earned %s, want 1.29", earned.Amount)
			}
			req := map[string]any{"id": "dev-1", "time": time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("-03", -3*3600)), "store": "loja-1",
				"lines": []refund.Returned{{Line: "1", Quantity: decimal.NewFromInt(1)}}}
			status, body, err := s.admin.Do(context.Background(), "POST", "/v1/sales/devolucao-001/returns", req)
			if err != nil || status != http.StatusCreated {
				t.Fatalf("return: %d %s %v", status, body, err)
			}
			var resp struct {
				Refund struct {
					Total  string
					Events []promo.Event
				}
			}
			if err := json.Unmarshal(body, &resp); err != nil {
				t.Fatal(err)
			}
			if resp.Refund.Total != "27.90" || len(resp.Refund.Events) != 1 || resp.Refund.Events[0].Kind != promo.EventCashbackReversed {
				t.Fatalf("refund: %s", body)
			}
			// 1.29 × 27.90 / 64.59 = 0.5572…, truncated: 0.55 taken back.
			var w store.Wallet
			s.get(t, "/v1/customers/cli-estorno/wallet", &w)
			if w.Balance != "0.74" {
				t.Fatalf("balance after the return %s, want 1.29 − 0.55 = 0.74", w.Balance)
			}
			status, again, err := s.admin.Do(context.Background(), "POST", "/v1/sales/devolucao-001/returns", req)
			if err != nil || status != http.StatusOK || !bytes.Equal(again, body) {
				t.Fatalf("retried return: %d %s %v", status, again, err)
			}
			req["lines"] = []refund.Returned{{Line: "2", Quantity: decimal.NewFromInt(1)}}
			if status, body, _ := s.admin.Do(context.Background(), "POST", "/v1/sales/devolucao-001/returns", req); status != http.StatusConflict {
				t.Fatalf("return id reused: %d %s", status, body)
			}
			req["id"], req["lines"] = "dev-2", []refund.Returned{{Line: "1", Quantity: decimal.NewFromInt(2)}}
			if status, body, _ := s.admin.Do(context.Background(), "POST", "/v1/sales/devolucao-001/returns", req); status != http.StatusUnprocessableEntity {
				t.Fatalf("returning more than is left: %d %s", status, body)
			}
			if status, body, _ := s.admin.Do(context.Background(), "POST", "/v1/sales/devolucao-001/void", nil); status != http.StatusConflict {
				t.Fatalf("void of a sale with returns: %d %s", status, body)
			}
			if a := s.audit(t); a.Returns != 1 || a.Wallet.Reversed != "0.55" {
				t.Fatalf("audit: %+v", a)
			}
			var got store.Sale
			s.get(t, "/v1/sales/devolucao-001", &got)
			if len(got.Returns) != 1 || !slices.Equal([]byte(got.Returns[0]), bytes.TrimSpace(body)) {
				t.Fatalf("the sale's returns: %s", got.Returns)
			}
		})
	}
}
