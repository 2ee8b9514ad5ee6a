package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/money"
)

var update = flag.Bool("update", false, "rewrite the golden file")

var golden = filepath.Join("..", "..", "testdata", "golden", "dailyreport.txt")

func TestDailyReportGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatalf("run: %v", err)
	}
	testkit.Golden(t, golden, buf.Bytes(), *update)
}

// TestDeterministic: two runs print the same bytes.
func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := run(&a); err != nil {
		t.Fatal(err)
	}
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs printed different reports")
	}
}

// TestGeneratedDay checks the generator's promises: 500 sales on
// 18/11/2026 in America/Sao_Paulo, from 08:00, in three stores.
func TestGeneratedDay(t *testing.T) {
	cs, err := carts()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 500 {
		t.Fatalf("%d carts, want 500", len(cs))
	}
	seen := map[string]bool{}
	for i, c := range cs {
		if got := c.Time.Format("2006-01-02 MST"); got != "2026-11-18 -03" || c.Time.Location().String() != "America/Sao_Paulo" {
			t.Fatalf("cart %d at %s (%s), want 18/11/2026 in America/Sao_Paulo", i, c.Time, c.Time.Location())
		}
		if c.Time.Hour() < 8 || c.Time.Hour() >= 22 {
			t.Errorf("cart %s at %s, outside 08:00-22:00", c.ID, c.Time.Format("15:04"))
		}
		if i > 0 && !c.Time.After(cs[i-1].Time) {
			t.Errorf("cart %s is not after %s", c.ID, cs[i-1].ID)
		}
		seen[c.Store.ID] = true
	}
	if len(seen) != 3 {
		t.Errorf("stores %v, want 3", seen)
	}
}

// TestSpotCheck recomputes a few printed figures straight from the
// evaluated sales, without package report: the day's totals, each store's
// sales and activations with the frequency in integer arithmetic, and the
// socks campaign's row.
func TestSpotCheck(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	rs, err := campaign.Load(rulesetJSON)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := records(rs)
	if err != nil {
		t.Fatal(err)
	}

	// The day's totals.
	gross, disc, net := decimal.Zero, decimal.Zero, decimal.Zero
	activated := 0
	type store struct{ sales, activated, activations int }
	stores := map[string]*store{}
	socks := struct {
		sales, activations int
		own, gross         decimal.Decimal
	}{own: decimal.Zero, gross: decimal.Zero}
	for _, r := range recs {
		res := r.Result
		gross, disc, net = gross.Add(res.Totals.Gross), disc.Add(res.Totals.Discount), net.Add(res.Totals.Net)
		s := stores[r.Cart.Store.ID]
		if s == nil {
			s = &store{}
			stores[r.Cart.Store.ID] = s
		}
		s.sales++
		if len(res.Applied) > 0 {
			activated++
			s.activated++
		}
		for _, a := range res.Applied {
			s.activations += a.Occurrences
			if a.Campaign == "meias-3x2" {
				socks.sales++
				socks.activations += a.Occurrences
				socks.gross = socks.gross.Add(res.Totals.Gross)
			}
		}
		for _, l := range res.Lines {
			for _, a := range l.Adjustments {
				if a.Campaign == "meias-3x2" {
					socks.own = socks.own.Add(a.Amount)
				}
			}
		}
	}
	totals := fmt.Sprintf("Total do dia 18/11/2026: %d vendas, %d com campanha; subtotal R$ %s, descontos R$ %s, líquido R$ %s",
		len(recs), activated, money.Format(gross), money.Format(disc), money.Format(net))
	if !strings.Contains(out, totals+"\n") {
		t.Errorf("the report lacks the day's totals %q:\n%s", totals, out)
	}

	cols := regexp.MustCompile(`\s{2,}`)
	rows := map[string][]string{}
	for _, l := range strings.Split(out, "\n") {
		if f := cols.Split(strings.TrimSpace(l), -1); len(f) > 1 {
			rows[f[0]] = f
		}
	}
	for id, s := range stores {
		// Frequency in basis points, rounded half up: the ratio to four
		// places, printed as a percentage with two.
		bp := (2*10000*s.activations + s.sales) / (2 * s.sales)
		want := []string{id, fmt.Sprint(s.sales), fmt.Sprint(s.activated), fmt.Sprint(s.activations), fmt.Sprintf("%d,%02d %%", bp/100, bp%100)}
		if diff := cmp.Diff(want, rows[id]); diff != "" {
			t.Errorf("store %s (-want +got):\n%s", id, diff)
		}
	}
	got := rows["Meias: leve 3 pague 2"]
	if len(got) != 10 {
		t.Fatalf("socks row %q, want 10 columns", got)
	}
	want := []string{fmt.Sprint(socks.sales), fmt.Sprint(socks.activations), money.Format(socks.gross), money.Format(socks.own)}
	if diff := cmp.Diff(want, got[2:6]); diff != "" {
		t.Errorf("socks row: sales, activations, subtotal, own discount (-want +got):\n%s", diff)
	}
}
