package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/load"
	"github.com/promokit/promokit/examples/promoserver/internal/pgtest"
	"github.com/promokit/promokit/examples/promoserver/internal/sample"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// binary builds the real binary once per test.
func binary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool to build the binary: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "promoserver")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// server is the binary running as a subprocess.
type server struct {
	cmd    *exec.Cmd
	url    string
	paused chan struct{}
}

// startBinary starts the binary on a free port and waits until it listens.
func startBinary(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, paused: make(chan struct{}, 1)}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "promoserver: listening on "); ok {
				listening <- strings.Fields(rest)[0]
			}
			if line == "fault: commit paused" {
				s.paused <- struct{}{}
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	select {
	case s.url = <-listening:
	case <-time.After(60 * time.Second):
		t.Fatal("the server did not start")
	}
	return s
}

// The server process killed (SIGKILL) in the middle of a commit leaves
// nothing partial: after a restart the sale is not there, the audit finds
// the state equal to the events, and the retried commit completes.
func TestServerKilledDuringCommit(t *testing.T) {
	bin := binary(t)
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			dsn := pgtest.DSN(t, engine)
			ctx := context.Background()
			s := startBinary(t, bin, "-db", dsn, "-fault-commit-pause", "10m")
			term := load.NewTerminal(s.url)
			defer term.Close()
			c := promo.Cart{ID: "morte-000001", Time: sample.Day.Add(time.Hour), Store: promo.Store{ID: "loja-1"},
				Customer: &promo.Customer{ID: "cli-morte"}, PromoCodes: []string{"BEMVINDO-07"},
				Lines: []promo.Line{
					{ID: "1", ProductCode: "CAFE-500", Quantity: decimal.NewFromInt(2), UnitPrice: decimal.RequireFromString("18.90")},
					{ID: "2", ProductCode: "AZEITE-500", Quantity: decimal.NewFromInt(3), UnitPrice: decimal.RequireFromString("42.90")},
				}}
			ev, err := term.Evaluate(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			if len(ev.Result.Events) < 3 {
				t.Fatalf("the sale writes too little to be cut: %d events", len(ev.Result.Events))
			}
			done := make(chan error, 1)
			go func() {
				_, err := term.Commit(ctx, c, ev.Fingerprint)
				done <- err
			}()
			select {
			case <-s.paused:
			case <-time.After(60 * time.Second):
				t.Fatal("the commit never reached its pause")
			}
			if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = s.cmd.Wait()
			if err := <-done; err == nil {
				t.Fatal("the commit answered although the server was killed")
			}

			s2 := startBinary(t, bin, "-db", dsn)
			term2 := load.NewTerminal(s2.url)
			defer term2.Close()
			status, body, err := term2.Do(ctx, "GET", "/v1/sales/"+c.ID, nil)
			if err != nil || status != http.StatusNotFound {
				t.Fatalf("after the restart the killed sale is there: %d %s %v", status, body, err)
			}
			a, err := term2.Audit(ctx)
			if err != nil || !a.OK || a.Sales != 0 || a.Events != 0 || a.CodesUsed != 0 || a.CounterUnits != 0 {
				t.Fatalf("after the restart: %+v %v", a, err)
			}
			ans, err := term2.Commit(ctx, c, ev.Fingerprint)
			if err != nil || ans.Status != http.StatusCreated {
				t.Fatalf("retried commit: %d %s %v", ans.Status, ans.Body, err)
			}
			a, err = term2.Audit(ctx)
			if err != nil || !a.OK || a.Sales != 1 || a.CodesUsed != 1 || a.Events != len(ev.Result.Events) {
				t.Fatalf("after the retry: %+v %v", a, err)
			}
			if err := s2.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			if err := s2.cmd.Wait(); err != nil {
				t.Fatalf("the server did not stop cleanly on SIGTERM: %v", err)
			}
		})
	}
}
