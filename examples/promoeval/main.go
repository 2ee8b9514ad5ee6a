// Command promoeval evaluates a cart under a ruleset, both JSON files, and
// prints the promo.Result as indented JSON on standard output.
//
//	go run ./examples/promoeval -ruleset ruleset.json -cart cart.json
//	go run ./examples/promoeval -ruleset ruleset.json -cart - < cart.json
//
// Either file may be "-" for standard input, not both. The formats are
// described in docs/format.md.
//
// Exit status: 0 on success; 2 on invalid input (bad flags, unreadable
// files, a ruleset or cart with problems, which are printed on standard
// error one per line, each named by its JSON path); 1 when the result cannot
// be written.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitInvalid = 2
)

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("promoeval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rulesetPath := fs.String("ruleset", "", "ruleset JSON file (- for standard input)")
	cartPath := fs.String("cart", "", "cart JSON file (- for standard input)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: promoeval -ruleset RULESET.json -cart CART.json")
		fmt.Fprintln(fs.Output(), "Evaluates the cart under the ruleset and prints the result as JSON.")
		fmt.Fprintln(fs.Output(), "Either file may be - for standard input, not both.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitInvalid
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "promoeval: "+format+"\n", a...)
		return exitInvalid
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected arguments %q; usage: promoeval -ruleset RULESET.json -cart CART.json", fs.Args())
	case *rulesetPath == "" && *cartPath == "":
		return fail("-ruleset and -cart are required")
	case *rulesetPath == "":
		return fail("-ruleset is required")
	case *cartPath == "":
		return fail("-cart is required")
	case *rulesetPath == "-" && *cartPath == "-":
		return fail("-ruleset and -cart cannot both be - (standard input)")
	}

	rsData, err := readInput(*rulesetPath, stdin)
	if err != nil {
		return fail("%v", err)
	}
	cartData, err := readInput(*cartPath, stdin)
	if err != nil {
		return fail("%v", err)
	}
	// Report the problems of both inputs before giving up.
	rs, rsErr := campaign.Load(rsData)
	decodeCart := promo.DecodeCart // the default limits, without a ruleset
	if rsErr == nil {
		decodeCart = rs.DecodeCart // the ruleset's settings.limits
	}
	cart, cartErr := decodeCart(cartData)
	if rsErr != nil || cartErr != nil {
		if rsErr != nil {
			fmt.Fprintf(stderr, "promoeval: %s: %v\n", name(*rulesetPath), rsErr)
		}
		if cartErr != nil {
			fmt.Fprintf(stderr, "promoeval: %s: %v\n", name(*cartPath), cartErr)
		}
		return exitInvalid
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			return fail("%s: %v", name(*cartPath), err)
		}
		fmt.Fprintf(stderr, "promoeval: %v\n", err)
		return exitFailure
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		fmt.Fprintf(stderr, "promoeval: writing the result: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// readInput reads a file, or standard input for "-".
func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %w", err)
		}
		return b, nil
	}
	return os.ReadFile(path)
}

// name is how messages call an input.
func name(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}
