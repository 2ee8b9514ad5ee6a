package pgtest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// shared is the test binary's one cluster, started by the first test that
// asks for a PostgreSQL database and stopped by Main when the tests end.
var shared struct {
	once    sync.Once
	cluster *Cluster
}

// Shared returns the test binary's cluster, starting it on first use.
func Shared() *Cluster {
	shared.once.Do(func() { shared.cluster = Start() })
	return shared.cluster
}

// Main runs a package's tests (call it from TestMain) and stops the shared
// cluster when they end, if a test started it.
func Main(m *testing.M) {
	code := m.Run()
	if shared.cluster != nil {
		shared.cluster.Stop()
	}
	os.Exit(code)
}

// DSN returns a fresh database of the engine for a test: a SQLite file in
// the test's temporary directory, or a new database of the shared cluster
// for "postgres" (skipped, or failed when RequireEnv is set, when there is
// no cluster).
func DSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == "postgres" {
		return Shared().Use(t)
	}
	return filepath.Join(t.TempDir(), "promo.db")
}
