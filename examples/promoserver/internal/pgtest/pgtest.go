// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb
// and pg_ctl in a temporary directory, listening on a free port of
// 127.0.0.1 and a unix socket in that directory, stopped and removed at
// the end. It never touches a PostgreSQL the machine already runs. As root
// (PostgreSQL refuses to run as root) the cluster runs as the postgres
// user.
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// RequireEnv is the environment variable that makes a missing PostgreSQL
// a test failure instead of a skip (CI sets it).
const RequireEnv = "PROMOSERVER_REQUIRE_POSTGRES"

// Cluster is a running throwaway cluster.
type Cluster struct {
	dir, bin string
	port     int
	asUser   string
	dbs      atomic.Int64
	// Err is why there is no cluster (binaries missing, start failed).
	Err error
}

// ErrNoBinaries means PostgreSQL's server binaries are not installed.
var ErrNoBinaries = errors.New("PostgreSQL server binaries not found (looked in `pg_config --bindir` and /usr/lib/postgresql/*/bin): install the postgresql package")

// binDir finds the directory of initdb and pg_ctl.
func binDir() (string, error) {
	var dirs []string
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dirs = append(dirs, strings.TrimSpace(string(out)))
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(found, func(a, b string) int { return versionOf(b) - versionOf(a) }) // newest first
	dirs = append(dirs, found...)
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "pg_ctl")) && isExec(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", ErrNoBinaries
}

func versionOf(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

func isExec(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

// Start initializes and starts a cluster. On failure the returned cluster
// carries the reason in Err and Stop does nothing.
func Start() *Cluster {
	c := &Cluster{}
	bin, err := binDir()
	if err != nil {
		c.Err = err
		return c
	}
	c.bin = bin
	dir, err := os.MkdirTemp("", "promoserver-pg-")
	if err != nil {
		c.Err = err
		return c
	}
	c.dir = dir
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			c.Err = fmt.Errorf("running as root and there is no postgres user to run PostgreSQL as: %w", err)
			return c
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			c.Err = err
			return c
		}
		c.asUser = "postgres"
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		c.Err = err
		return c
	}
	c.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(dir, "data")
	if out, err := c.run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"); err != nil {
		c.Err = fmt.Errorf("initdb: %v\n%s", err, out)
		return c
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -c unix_socket_directories=%s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB", c.port, dir)
	if out, err := c.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		c.Err = fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
		return c
	}
	return c
}

func (c *Cluster) run(tool string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, tool)
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	return cmd.CombinedOutput()
}

// Stop stops the cluster and removes its directory.
func (c *Cluster) Stop() {
	if c.dir == "" {
		return
	}
	if c.Err == nil {
		_, _ = c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
	}
	_ = os.RemoveAll(c.dir)
}

// URL returns the URL of a database of the cluster.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

// NewDatabase creates an empty database and returns its URL.
func (c *Cluster) NewDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("t%d", c.dbs.Add(1))
	db, err := sql.Open("pgx", c.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return c.URL(name), nil
}

// Use returns a new database's URL for a test, or skips the test with the
// reason there is none — or fails it when RequireEnv is set.
func (c *Cluster) Use(t testing.TB) string {
	t.Helper()
	if c == nil || c.Err != nil {
		why := "no cluster"
		if c != nil {
			why = c.Err.Error()
		}
		if os.Getenv(RequireEnv) != "" {
			t.Fatalf("PostgreSQL tests must run (%s is set) but cannot: %s", RequireEnv, why)
		}
		t.Skipf("PostgreSQL tests skipped: %s", why)
	}
	url, err := c.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return url
}
