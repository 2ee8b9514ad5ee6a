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
	"github.com/promokit/promokit/promo"
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

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("policycheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rulesetPath := fs.String("ruleset", "", "ruleset JSON file")
	policyPath := fs.String("policy", "", "policy JSON file")
	tries := fs.Int("tries", 1000, "carts to try before concluding that none breaks the policy")
	seed := fs.Uint64("seed", 0, "seed of the carts drawn (0: a new one each run)")
	lang := fs.String("lang", "both", "language of the report: pt-BR, en or both")
	shrink := fs.Duration("shrink-time", 30*time.Second, "most time spent shrinking a violation")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: policycheck -ruleset RULESET.json -policy POLICY.json [-tries N] [-seed N] [-lang pt-BR|en|both]")
		fmt.Fprintln(fs.Output(), "Searches for the smallest cart that breaks the pricing policy under the ruleset.")
		fmt.Fprintln(fs.Output(), "Exit status: 0 none found, 1 found, 2 invalid input.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitNone
		}
		return exitInvalid
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "policycheck: "+format+"\n", a...)
		return exitInvalid
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected arguments %q", fs.Args())
	case *rulesetPath == "" || *policyPath == "":
		return fail("-ruleset and -policy are required")
	case *tries < 1:
		return fail("-tries must be at least 1")
	case *lang != "pt-BR" && *lang != "en" && *lang != "both":
		return fail("-lang must be pt-BR, en or both")
	}
	rsData, err := os.ReadFile(*rulesetPath)
	if err != nil {
		return fail("%v", err)
	}
	policyData, err := os.ReadFile(*policyPath)
	if err != nil {
		return fail("%v", err)
	}
	// Report the problems of both inputs before giving up.
	_, rsErr := campaign.Load(rsData)
	policy, policyErr := promocheck.DecodePolicy(policyData)
	var def campaign.Ruleset
	if rsErr == nil {
		def, rsErr = campaign.Decode(rsData)
	}
	if rsErr == nil && policyErr == nil {
		policyErr = policy.Validate(&def)
	}
	if rsErr != nil || policyErr != nil {
		if rsErr != nil {
			fmt.Fprintf(stderr, "policycheck: %s: %v\n", *rulesetPath, rsErr)
		}
		if policyErr != nil {
			fmt.Fprintf(stderr, "policycheck: %s: %v\n", *policyPath, policyErr)
		}
		return exitInvalid
	}
	// The command owns its process: rapid draws -tries carts in one round,
	// with the seed asked for, saves no failure files in the working
	// directory, and shrinks for at most -shrink-time.
	for _, f := range [][2]string{
		{"rapid.checks", strconv.Itoa(*tries)}, {"rapid.seed", strconv.FormatUint(*seed, 10)},
		{"rapid.nofailfile", "true"}, {"rapid.shrinktime", shrink.String()},
	} {
		if err := flag.Set(f[0], f[1]); err != nil {
			return fail("setting -%s: %v", f[0], err)
		}
	}
	report, err := promocheck.Search(def, policy, promocheck.SearchOptions{Tries: *tries, Name: "policycheck"})
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			return fail("%v", err)
		}
		fmt.Fprintf(stderr, "policycheck: %v\n", err)
		return exitInvalid
	}
	if *lang != "en" {
		fmt.Fprint(stdout, report.Text(promocheck.Portuguese))
	}
	if *lang == "both" {
		fmt.Fprintln(stdout)
	}
	if *lang != "pt-BR" {
		fmt.Fprint(stdout, report.Text(promocheck.English))
	}
	if report.Found {
		return exitViolation
	}
	return exitNone
}
