// Command policycheck searches for the smallest cart that breaks a pricing
// policy under a ruleset, both JSON files, and prints what it found as a
// report a pricing analyst can read, in Brazilian Portuguese and in
// English: the cart, line by line with each promotion's discount, the
// campaigns involved and the amounts.
//
//	go run ./examples/policycheck -ruleset ruleset.json -policy policy.json
//	go run ./examples/policycheck -ruleset ruleset.json -policy policy.json -tries 10000 -seed 7
//
// The policy file (maximum discounts per line and per sale, floor prices
// per product, a maximum of gifts per sale, campaigns that must never
// stack) is described in docs/pricing-safety.md; testdata/policies holds
// three examples with the rulesets that break them.
//
// The carts are drawn by promogen.CartFor from what the ruleset names,
// with the policy's shelf prices, and a violation is shrunk by rapid to
// the smallest cart that still breaks the policy (promocheck.Search).
// -seed makes a run repeatable; without it each run draws other carts.
//
// Exit status: 0 when no cart broke the policy within -tries carts; 1 when
// one did (the report says which); 2 on invalid input (bad flags,
// unreadable files, a ruleset or policy with problems, printed on standard
// error one per line, each named by its JSON path) or when the search
// cannot run.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promocheck"
)

func main() {
	// rapid, which shrinks the carts, reads its settings from the testing
	// and rapid flags of the program's command line: register them, and
	// mark the command line parsed (run parses the command's own flags).
	testing.Init()
	if err := flag.CommandLine.Parse(nil); err != nil {
		fmt.Fprintln(os.Stderr, "policycheck:", err)
		os.Exit(exitInvalid)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitNone      = 0
	exitViolation = 1
	exitInvalid   = 2
)

// options are the command's flags.
type options struct {
	rulesetPath, policyPath, lang string
	tries                         int
	seed                          uint64
	shrink                        time.Duration
}

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	opts, status, ok := parse(args, stderr)
	if !ok {
		return status
	}
	def, policy, ok := load(opts, stderr)
	if !ok {
		return exitInvalid
	}
	// The command owns its process: rapid draws -tries carts in one round,
	// with the seed asked for, saves no failure files in the working
	// directory, and shrinks for at most -shrink-time.
	for _, f := range [][2]string{
		{"rapid.checks", strconv.Itoa(opts.tries)}, {"rapid.seed", strconv.FormatUint(opts.seed, 10)},
		{"rapid.nofailfile", "true"}, {"rapid.shrinktime", opts.shrink.String()},
	} {
		if err := flag.Set(f[0], f[1]); err != nil {
			return fail(stderr, "setting -%s: %v", f[0], err)
		}
	}
	report, err := promocheck.Search(def, policy, promocheck.SearchOptions{Tries: opts.tries, Name: "policycheck"})
	if err != nil {
		return fail(stderr, "%v", err)
	}
	if opts.lang != "en" {
		fmt.Fprint(stdout, report.Text(promocheck.Portuguese))
	}
	if opts.lang == "both" {
		fmt.Fprintln(stdout)
	}
	if opts.lang != "pt-BR" {
		fmt.Fprint(stdout, report.Text(promocheck.English))
	}
	if report.Found {
		return exitViolation
	}
	return exitNone
}

// fail reports a problem that stops the command and returns the exit
// status of invalid input.
func fail(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "policycheck: "+format+"\n", a...)
	return exitInvalid
}

// parse reads the flags and checks them; when the command cannot go on it
// returns false with its exit status, the problem reported.
func parse(args []string, stderr io.Writer) (options, int, bool) {
	var opts options
	fs := flag.NewFlagSet("policycheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.rulesetPath, "ruleset", "", "ruleset JSON file")
	fs.StringVar(&opts.policyPath, "policy", "", "policy JSON file")
	fs.IntVar(&opts.tries, "tries", 1000, "carts to try before concluding that none breaks the policy")
	fs.Uint64Var(&opts.seed, "seed", 0, "seed of the carts drawn (0: a new one each run)")
	fs.StringVar(&opts.lang, "lang", "both", "language of the report: pt-BR, en or both")
	fs.DurationVar(&opts.shrink, "shrink-time", 30*time.Second, "most time spent shrinking a violation")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: policycheck -ruleset RULESET.json -policy POLICY.json [-tries N] [-seed N] [-lang pt-BR|en|both]")
		fmt.Fprintln(fs.Output(), "Searches for the smallest cart that breaks the pricing policy under the ruleset.")
		fmt.Fprintln(fs.Output(), "Exit status: 0 none found, 1 found, 2 invalid input.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return opts, exitNone, false
		}
		return opts, exitInvalid, false
	}
	switch {
	case fs.NArg() > 0:
		return opts, fail(stderr, "unexpected arguments %q", fs.Args()), false
	case opts.rulesetPath == "" || opts.policyPath == "":
		return opts, fail(stderr, "-ruleset and -policy are required"), false
	case opts.tries < 1:
		return opts, fail(stderr, "-tries must be at least 1"), false
	case opts.lang != "pt-BR" && opts.lang != "en" && opts.lang != "both":
		return opts, fail(stderr, "-lang must be pt-BR, en or both"), false
	}
	return opts, 0, true
}

// load reads the ruleset and the policy and checks them, reporting the
// problems of both before giving up.
func load(opts options, stderr io.Writer) (campaign.Ruleset, promocheck.Policy, bool) {
	var def campaign.Ruleset
	rsData, err := os.ReadFile(opts.rulesetPath)
	if err != nil {
		fail(stderr, "%v", err)
		return def, promocheck.Policy{}, false
	}
	policyData, err := os.ReadFile(opts.policyPath)
	if err != nil {
		fail(stderr, "%v", err)
		return def, promocheck.Policy{}, false
	}
	_, rsErr := campaign.Load(rsData)
	policy, policyErr := promocheck.DecodePolicy(policyData)
	if rsErr == nil {
		def, rsErr = campaign.Decode(rsData)
	}
	if rsErr == nil && policyErr == nil {
		policyErr = policy.Validate(&def)
	}
	if rsErr != nil {
		fmt.Fprintf(stderr, "policycheck: %s: %v\n", opts.rulesetPath, rsErr)
	}
	if policyErr != nil {
		fmt.Fprintf(stderr, "policycheck: %s: %v\n", opts.policyPath, policyErr)
	}
	return def, policy, rsErr == nil && policyErr == nil
}
