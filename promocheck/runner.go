package promocheck

import (
	"fmt"
	"strings"
	"sync"
)

// Runner runs rapid properties outside a test: it is a rapid.TB that
// records what rapid reports instead of failing a test, so that
// rapid.Check(runner, prop) can run in a command or an Example. rapid
// still reads its settings from its command-line flags (-rapid.checks,
// -rapid.seed, -rapid.nofailfile, -rapid.shrinktime), so the program must
// have registered and parsed them: a test binary has; a command calls
// testing.Init and flag.Parse first (see Ready). In a test, pass the
// *testing.T instead. The zero value is ready to use, named "Runner".
type Runner struct {
	name   string
	mu     sync.Mutex
	failed bool
	errors []string
	logs   []string
}

// NewRunner returns a Runner with a name; rapid files the failures of
// rapid.Check under it (testdata/rapid/<name>/) unless -rapid.nofailfile
// is set.
func NewRunner(name string) *Runner { return &Runner{name: name} }

// Helper does nothing: there are no line numbers to hide.
func (r *Runner) Helper() {}

// Name returns the runner's name.
func (r *Runner) Name() string {
	if r.name == "" {
		return "Runner"
	}
	return r.name
}

// Logf records a log line.
func (r *Runner) Logf(format string, args ...any) { r.log(fmt.Sprintf(format, args...)) }

// Log records a log line.
func (r *Runner) Log(args ...any) { r.log(fmt.Sprint(args...)) }

func (r *Runner) log(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logs = append(r.logs, s)
}

// Errorf records a failure.
func (r *Runner) Errorf(format string, args ...any) { r.fail(fmt.Sprintf(format, args...)) }

// Error records a failure.
func (r *Runner) Error(args ...any) { r.fail(fmt.Sprint(args...)) }

// Fatalf records a failure; unlike testing.T it does not stop the
// goroutine (rapid never calls it on its TB).
func (r *Runner) Fatalf(format string, args ...any) { r.fail(fmt.Sprintf(format, args...)) }

// Fatal records a failure, as Fatalf.
func (r *Runner) Fatal(args ...any) { r.fail(fmt.Sprint(args...)) }

// Skipf records a log line; a Runner has nothing to skip.
func (r *Runner) Skipf(format string, args ...any) { r.Logf(format, args...) }

// Skip records a log line; a Runner has nothing to skip.
func (r *Runner) Skip(args ...any) { r.Log(args...) }

// SkipNow does nothing.
func (r *Runner) SkipNow() {}

// FailNow marks the runner failed.
func (r *Runner) FailNow() { r.fail("") }

// Fail marks the runner failed.
func (r *Runner) Fail() { r.fail("") }

func (r *Runner) fail(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = true
	if msg != "" {
		r.errors = append(r.errors, msg)
	}
}

// Failed reports whether a failure was recorded.
func (r *Runner) Failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

// Errors returns the failures recorded, joined by newlines.
func (r *Runner) Errors() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errors, "\n")
}

// Logs returns the log lines recorded, joined by newlines.
func (r *Runner) Logs() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.logs, "\n")
}
