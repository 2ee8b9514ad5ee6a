package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// BenchmarkCommit measures the throughput of ringing up sample sales
// (evaluate then commit, over loopback, each terminal its own client) at
// 1, 8 and 32 terminals on SQLite and PostgreSQL. One op is one committed
// sale; sales/s is the throughput of the whole store.
func BenchmarkCommit(b *testing.B) {
	for _, engine := range engines {
		for _, n := range []int{1, 8, 32} {
			b.Run(fmt.Sprintf("%s/terminals=%d", engine, n), func(b *testing.B) {
				s := start(b, engine, store.Options{MaxConns: 64})
				s.load(b, string(sample.Ruleset))
				ctx := context.Background()
				if status, body, err := s.admin.Do(ctx, "PUT", "/v1/budgets/"+sample.BudgetedPromotion, map[string]int{"units": 1 << 30}); err != nil || status != http.StatusOK {
					b.Fatalf("budget: %d %s %v", status, body, err)
				}
				b.ResetTimer()
				st := load.Run(ctx, s.URL, load.Options{Terminals: n, Duration: 10 * time.Minute, Sales: int64(b.N),
					Prefix: fmt.Sprint("bench-", b.N), Customers: 500, Stores: 3, Seed: 1})
				b.StopTimer()
				if st.FirstError != nil || st.Sales != b.N {
					b.Fatalf("%d of %d sales: %v", st.Sales, b.N, st.FirstError)
				}
				b.ReportMetric(st.Throughput(), "sales/s")
				b.ReportMetric(float64(st.CommitP50.Microseconds())/1000, "commit-p50-ms")
				b.ReportMetric(float64(st.CommitP99.Microseconds())/1000, "commit-p99-ms")
				s.audit(b)
			})
		}
	}
}
