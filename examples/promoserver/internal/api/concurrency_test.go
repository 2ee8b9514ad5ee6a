package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/api"
	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// 32 terminals commit, at the same instant, sales that redeem one
// single-use code: one commit succeeds, 31 get the conflict with the reason.
func TestSingleUseCodeRedeemedOnce(t *testing.T) {
	const rules = `{"version": 1, "campaigns": [{"id": "cupom-unico", "name": "Cupom único: R$ 5", "start": "2026-11-01",
		"rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["UNICO-2026"]}}]},
		"benefit": {"on": "sale", "amount": "5.00"}}]}`
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, rules)
			const n = 32
			carts := make([]promo.Cart, n)
			for i := range n {
				carts[i] = cart(fmt.Sprintf("loja-1-pdv-%02d-000001", i), 60, "", "ARROZ-5", "1", "27.90")
				carts[i].PromoCodes = []string{"UNICO-2026"}
			}
			terminals, evs := s.evaluateOn(t, carts)
			fps := make([]string, n)
			for i, ev := range evs {
				if !applied(&ev.Result, "cupom-unico") {
					t.Fatalf("terminal %d: the code does not apply before any commit", i)
				}
				fps[i] = ev.Fingerprint
			}
			answers := commitAtOnce(t, terminals, carts, fps)
			committed := 0
			for i, a := range answers {
				switch a.Status {
				case http.StatusCreated:
					committed++
					if !applied(&a.Sale.Result, "cupom-unico") {
						t.Errorf("terminal %d committed without the code's discount", i)
					}
				case http.StatusConflict:
					if a.Problem.Type != api.TypeStateChanged {
						t.Fatalf("terminal %d: conflict of type %s", i, a.Problem.Type)
					}
					found := false
					for _, r := range a.Problem.Reasons {
						found = found || (r.Campaign == "cupom-unico" && r.Reason.Code == "promo_code_not_valid")
					}
					if !found || applied(&a.Problem.Fresh.Result, "cupom-unico") {
						t.Errorf("terminal %d: conflict without the code's reason: %s", i, a.Body)
					}
				default:
					t.Fatalf("terminal %d: %d %s", i, a.Status, a.Body)
				}
			}
			if committed != 1 {
				t.Fatalf("%d commits succeeded, want exactly 1", committed)
			}
			if a := s.audit(t); a.CodesUsed != 1 || a.Sales != 1 {
				t.Fatalf("audit: %d codes used in %d sales, want 1 and 1", a.CodesUsed, a.Sales)
			}
		})
	}
}

// ringUpAll has terminals ring up carts at once, each terminal its own
// client and its own list of carts, accepting a fresh result on a conflict.
func ringUpAll(t *testing.T, s *service, carts [][]promo.Cart) []store.SaleResponse {
	t.Helper()
	var mu sync.Mutex
	var out []store.SaleResponse
	var wg sync.WaitGroup
	errc := make(chan error, len(carts))
	for _, list := range carts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			term := load.NewTerminal(s.URL)
			defer term.Close()
			for _, c := range list {
				a, _, err := term.RingUp(context.Background(), c, 50)
				if err == nil && a.Status != http.StatusCreated {
					err = fmt.Errorf("sale %s: %d %s", c.ID, a.Status, a.Body)
				}
				if err != nil {
					errc <- err
					return
				}
				mu.Lock()
				out = append(out, a.Sale)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	return out
}

// A per-customer limit of 5 activations, 20 terminals × 10 sales of that
// customer: exactly 5 activations are committed. A general limit of 500
// hit by 50 terminals: exactly 500.
func TestLimitsHoldUnderContention(t *testing.T) {
	const rules = `{"version": 1, "campaigns": [
		{"id": "cinco-por-cliente", "name": "5% cinco vezes por cliente no dia", "start": "2026-11-01", "no_activation_rules": true,
		 "limits": [{"scope": "customer", "count": "sale", "max": 5, "period": "day"}], "benefit": {"on": "sale", "percent": "5"}},
		{"id": "quinhentos", "name": "R$ 1 nas 500 primeiras vendas do dia", "start": "2026-11-01",
		 "rules": {"conditions": [{"kind": "product_code", "values": ["PAO"]}]},
		 "limits": [{"scope": "general", "count": "sale", "max": 500, "period": "day"}], "benefit": {"on": "sale", "amount": "1.00"}}]}`
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, rules)
			byCustomer := make([][]promo.Cart, 20)
			for k := range byCustomer {
				for i := range 10 {
					byCustomer[k] = append(byCustomer[k], cart(fmt.Sprintf("cli-pdv-%02d-%03d", k, i), 60+i, "cli-limite", "ARROZ-5", "1", "27.90"))
				}
			}
			general := make([][]promo.Cart, 50)
			for k := range general {
				for i := range 11 {
					general[k] = append(general[k], cart(fmt.Sprintf("geral-pdv-%02d-%03d", k, i), 120+i, "", "PAO", "2", "0.75"))
				}
			}
			t.Run("customer", func(t *testing.T) {
				sales := ringUpAll(t, s, byCustomer)
				got := 0
				for _, sale := range sales {
					if applied(&sale.Result, "cinco-por-cliente") {
						got++
					}
				}
				if len(sales) != 200 || got != 5 {
					t.Fatalf("%d sales committed, %d with the campaign; want 200 and exactly 5", len(sales), got)
				}
				if c := s.counter(t, "limit/cinco-por-cliente/customer/cli-limite/2026-11-21/sales"); c != 5 {
					t.Fatalf("counter %d, want 5", c)
				}
				s.audit(t)
			})
			t.Run("general", func(t *testing.T) {
				sales := ringUpAll(t, s, general)
				got := 0
				for _, sale := range sales {
					if applied(&sale.Result, "quinhentos") {
						got++
					}
				}
				if len(sales) != 550 || got != 500 {
					t.Fatalf("%d sales committed, %d with the campaign; want 550 and exactly 500", len(sales), got)
				}
				if c := s.counter(t, "limit/quinhentos/all/2026-11-21/sales"); c != 500 {
					t.Fatalf("counter %d, want 500", c)
				}
				s.audit(t)
			})
		})
	}
}

// walletRules earns R$ 10,00 of cashback on a "VALE" line; any sale of the
// customer redeems from the wallet as a discount.
const walletRules = `{"version": 1, "campaigns": [
	{"id": "vale-10", "name": "Vale: R$ 10 de cashback", "start": "2026-11-01",
	 "rules": {"conditions": [{"kind": "product_code", "values": ["VALE"]}]},
	 "extras": {"cashback": {"kind": "fixed", "value": "10.00"}}}]}`

// A wallet holding R$ 10,00 redeemed by 8 terminals at once: at most
// R$ 10,00 leaves it, no credit goes negative, and earned = redeemed +
// expired + balance, to the cent.
func TestWalletRedeemedOnce(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, walletRules)
			earn := s.ringUp(t, cart("carteira-000", 0, "cli-carteira", "VALE", "1", "1.00"))
			if len(earn.Result.Events) == 0 {
				t.Fatal("the first sale earned nothing")
			}
			carts := make([][]promo.Cart, 8)
			for k := range carts {
				carts[k] = []promo.Cart{cart(fmt.Sprintf("carteira-pdv-%d", k), 60, "cli-carteira", "PAO", "1", "4.00")}
			}
			sales := ringUpAll(t, s, carts)
			redeemed := decimal.Zero
			for _, sale := range sales {
				for _, e := range sale.Result.Events {
					if e.Kind == promo.EventCashbackRedeemed {
						redeemed = redeemed.Add(e.Amount)
					}
				}
			}
			if !redeemed.Equal(decimal.RequireFromString("10.00")) {
				t.Fatalf("the sales redeemed %s, want exactly 10.00 (8 sales of 4.00 and a wallet of 10.00)", redeemed)
			}
			var w store.Wallet
			s.get(t, "/v1/customers/cli-carteira/wallet", &w)
			if len(w.Credits) != 1 || w.Credits[0].Remaining != "0.00" || w.Balance != "0.00" {
				t.Fatalf("wallet after the redemptions: %+v", w)
			}
			a := s.audit(t)
			if a.Wallet != (store.WalletTotals{Earned: "10.00", Redeemed: "10.00", Reversed: "0.00", Expired: "0.00", Balance: "0.00"}) {
				t.Fatalf("wallet totals %+v, want earned 10.00 = redeemed 10.00", a.Wallet)
			}
		})
	}
}

// The same commit sent 100 times concurrently is applied once; every
// answer is the first commit's.
func TestSameCommitAppliedOnce(t *testing.T) {
	const rules = `{"version": 1, "campaigns": [{"id": "mil", "name": "R$ 2 nas mil primeiras", "start": "2026-11-01",
		"no_activation_rules": true, "limits": [{"scope": "general", "count": "sale", "max": 1000, "period": "day"}],
		"benefit": {"on": "sale", "amount": "2.00"}}]}`
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			s := start(t, engine, store.Options{})
			s.load(t, rules)
			c := cart("loja-1-pdv-1-000100", 60, "cli-1", "ARROZ-5", "2", "27.90")
			ev, err := s.admin.Evaluate(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			const n = 100
			answers := make([]load.CommitAnswer, n)
			errs := make([]error, n)
			var wg sync.WaitGroup
			go_ := make(chan struct{})
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					term := load.NewTerminal(s.URL)
					defer term.Close()
					<-go_
					answers[i], errs[i] = term.Commit(context.Background(), c, ev.Fingerprint)
				}()
			}
			close(go_)
			wg.Wait()
			created := 0
			var first []byte
			for i, a := range answers {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				if a.Status == http.StatusCreated {
					created++
					first = a.Body
				} else if a.Status != http.StatusOK {
					t.Fatalf("commit %d: %d %s", i, a.Status, a.Body)
				}
			}
			if created != 1 {
				t.Fatalf("%d commits created the sale, want 1", created)
			}
			for i, a := range answers {
				if !bytes.Equal(a.Body, first) {
					t.Fatalf("answer %d differs from the first commit's:\n%s\n%s", i, a.Body, first)
				}
			}
			if got := s.counter(t, "limit/mil/all/2026-11-21/sales"); got != 1 {
				t.Fatalf("counter %d, want 1", got)
			}
			if a := s.audit(t); a.Sales != 1 {
				t.Fatalf("%d sales, want 1", a.Sales)
			}
			// The same sale id with another content is a conflict, never an
			// overwrite.
			other := c
			other.Lines = other.Lines[:1:1]
			other.Lines[0].Quantity = decimal.NewFromInt(1)
			ev2, err := s.admin.Evaluate(context.Background(), other)
			if err != nil {
				t.Fatal(err)
			}
			a, err := s.admin.Commit(context.Background(), other, ev2.Fingerprint)
			if err != nil || a.Status != http.StatusConflict || a.Problem.Type != api.TypeSaleReused {
				t.Fatalf("same id, other content: %d %s %v", a.Status, a.Body, err)
			}
			s.audit(t)
		})
	}
}
