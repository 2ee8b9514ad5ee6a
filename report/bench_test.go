package report_test

import (
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
	"github.com/promokit/promokit/report"
)

// splitmix64 is a small deterministic generator: the benchmark's sales are
// the same on every run.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (s *splitmix64) intn(n int) int { return int(s.next() % uint64(n)) }

// benchPool evaluates a few hundred generated carts over the fixture
// ruleset once; the benchmark's records reuse them.
func benchPool(b *testing.B) []report.Record {
	b.Helper()
	rs := loadFixture(b)
	rng := splitmix64(20261118)
	stores := []string{"loja-1", "loja-2", "loja-3"}
	customers := []string{"", "", "tok-a", "tok-b", "tok-c"}
	var pool []report.Record
	for i := range 256 {
		c := promo.Cart{ID: fmt.Sprintf("b%d", i), Time: testkit.At(2026, 11, 16, 8, 0, 0),
			Store: promo.Store{ID: stores[rng.intn(len(stores))]}}
		if tok := customers[rng.intn(len(customers))]; tok != "" {
			c.Customer = customer(tok)
		}
		if rng.intn(4) == 0 {
			c.PromoCodes = []string{"PACK10"}
		}
		catalog := products()
		for j := range 1 + rng.intn(4) {
			p := catalog[rng.intn(len(catalog))]
			l := promo.Line{ID: fmt.Sprint(j + 1), ProductCode: p.Code, Category: p.Category, UnitPrice: p.Price}
			if p.Measure == promogen.ByWeight {
				l.Quantity, l.Weighed = decimal.New(int64(50+rng.intn(2000)), -3), true
			} else {
				l.Quantity = decimal.NewFromInt(int64(1 + rng.intn(7)))
			}
			c.Lines = append(c.Lines, l)
		}
		res, err := promo.Evaluate(c, rs)
		if err != nil {
			b.Fatal(err)
		}
		pool = append(pool, report.Record{Cart: c, Result: res})
	}
	return pool
}

// lazyRecords yields n records made on the fly from the pool, one every
// minute over 30 days: nothing is kept, so the only memory the benchmark
// holds is the pool and the report's aggregates.
func lazyRecords(pool []report.Record, n int) iter.Seq[report.Record] {
	base := testkit.At(2026, 11, 1, 0, 0, 0)
	return func(yield func(report.Record) bool) {
		for i := range n {
			r := pool[i%len(pool)]
			r.Cart.Time = base.Add(time.Duration(i%(30*24*60)) * time.Minute)
			if !yield(r) {
				return
			}
		}
	}
}

// BenchmarkSummary aggregates generated records by day. B/op and
// allocs/op should be the same for 100,000 and 1,000,000 records: the
// aggregates are keyed by day and campaign, and adding a record allocates
// nothing.
func BenchmarkSummary(b *testing.B) {
	pool := benchPool(b)
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var s report.Summary
			for b.Loop() {
				s = report.Summarize(lazyRecords(pool, n), report.Day, report.Filter{})
			}
			if len(s.Totals) != 30 {
				b.Fatalf("%d days, want 30", len(s.Totals))
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
