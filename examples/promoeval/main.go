// Command promoeval evaluates a cart under a ruleset, both JSON files, and
// prints the promo.Result as indented JSON on standard output.
//
//	go run ./examples/promoeval -ruleset ruleset.json -cart cart.json
//	go run ./examples/promoeval -ruleset ruleset.json -cart - < cart.json
//	go run ./examples/promoeval -format json -ruleset ruleset.json -cart cart.json
//
// Either file may be "-" for standard input, not both. The formats are
// described in docs/format.md, and their JSON Schemas are in schema/.
// `promoeval -h` says all of it.
//
// With -format text (the default) the problems of invalid input go to
// standard error, one per line, each named by its JSON path. With -format
// json they go to standard output as one JSON document, for a service that
// runs the command:
//
//	{"problems": [{"input": "cart", "file": "cart.json", "path": "lines[1].quantity", "reason": "must be greater than zero"}]}
//
// Exit status: 0 on success; 2 on invalid input (bad flags, unreadable
// files, a ruleset or cart with problems); 1 when the result cannot be
// written.
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

// usage is what -h prints.
const usage = `usage: promoeval -ruleset RULESET.json -cart CART.json [-format text|json]

Evaluates a cart under a ruleset and prints the result (promo.Result) as
indented JSON on standard output.

Inputs, each a JSON file, or - for standard input (not both):
  -ruleset FILE   the campaign definitions: settings, campaigns, markdowns,
                  associations, Desconto Pack tables, combos, industry
                  promotions, the points program
  -cart FILE      one sale before promotions: its id and instant, store,
                  customer, lines, payments, promo codes, exchange items,
                  cashback wallet and history (counters, budgets, used codes)

The fields are documented in docs/format.md of the promokit repository, and
its schema/ directory holds their JSON Schemas (draft 2020-12):
schema/ruleset.schema.json, schema/cart.schema.json, and
schema/result.schema.json for the output.

Output of the problems of invalid input (every problem of both inputs, each
named by its JSON path):
  -format text    on standard error, one per line (the default)
  -format json    on standard output, one JSON document:
                  {"problems": [{"input", "file", "path", "reason"}]}

Exit status: 0 the result was printed; 2 invalid input; 1 the result could
not be written.
`

// problem is one problem of the input, as -format json writes it.
type problem struct {
	// Input is "ruleset", "cart" or "command" (the flags).
	Input string `json:"input"`
	// File is the file named by the flag, or "standard input".
	File string `json:"file,omitempty"`
	// Path is the JSON path of the problem in the input; empty when the
	// problem is the whole input (unreadable, not JSON) or the command.
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// invocation is one run of the command: its flags, its streams and the
// problems found.
type invocation struct {
	rulesetPath, cartPath, format string
	stdin                         io.Reader
	stdout, stderr                io.Writer
	problems                      []problem
}

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	inv := &invocation{stdin: stdin, stdout: stdout, stderr: stderr}
	if status, ok := inv.parse(args); !ok {
		return status
	}
	rs, cart := inv.read()
	if len(inv.problems) > 0 {
		return inv.report()
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		if errors.As(err, new(*promo.ValidationError)) {
			inv.add("cart", inv.cartPath, err)
			return inv.report()
		}
		say(stderr, "promoeval: %v\n", err)
		return exitFailure
	}
	if err := writeJSON(stdout, res); err != nil {
		say(stderr, "promoeval: writing the result: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// parse reads the flags and checks them; when the command cannot go on it
// returns false with its exit status, the problem reported.
func (inv *invocation) parse(args []string) (int, bool) {
	fs := flag.NewFlagSet("promoeval", flag.ContinueOnError)
	fs.SetOutput(inv.stderr)
	fs.StringVar(&inv.rulesetPath, "ruleset", "", "ruleset JSON file (- for standard input)")
	fs.StringVar(&inv.cartPath, "cart", "", "cart JSON file (- for standard input)")
	fs.StringVar(&inv.format, "format", "text", "how to print problems: text (standard error) or json (standard output)")
	fs.Usage = func() { say(fs.Output(), "%s", usage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitInvalid, false
	}
	var reason string
	switch {
	case inv.format != "text" && inv.format != "json":
		reason = fmt.Sprintf("-format is text or json, not %q", inv.format)
		inv.format = "text"
	case fs.NArg() > 0:
		reason = fmt.Sprintf("unexpected arguments %q; usage: promoeval -ruleset RULESET.json -cart CART.json", fs.Args())
	case inv.rulesetPath == "" && inv.cartPath == "":
		reason = "-ruleset and -cart are required"
	case inv.rulesetPath == "":
		reason = "-ruleset is required"
	case inv.cartPath == "":
		reason = "-cart is required"
	case inv.rulesetPath == "-" && inv.cartPath == "-":
		reason = "-ruleset and -cart cannot both be - (standard input)"
	default:
		return 0, true
	}
	inv.problems = append(inv.problems, problem{Input: "command", Reason: reason})
	return inv.report(), false
}

// read reads and checks both inputs, the problems of both added before
// giving up.
func (inv *invocation) read() (*promo.Ruleset, promo.Cart) {
	var rs *promo.Ruleset
	if data, err := readInput(inv.rulesetPath, inv.stdin); err != nil {
		inv.add("ruleset", inv.rulesetPath, err)
	} else if rs, err = campaign.Load(data); err != nil {
		inv.add("ruleset", inv.rulesetPath, err)
	}
	var cart promo.Cart
	if data, err := readInput(inv.cartPath, inv.stdin); err != nil {
		inv.add("cart", inv.cartPath, err)
	} else {
		decodeCart := promo.DecodeCart // the default limits, without a ruleset
		if rs != nil {
			decodeCart = rs.DecodeCart // the ruleset's settings.limits
		}
		if cart, err = decodeCart(data); err != nil {
			inv.add("cart", inv.cartPath, err)
		}
	}
	return rs, cart
}

// add adds the problems of an input: each problem of a
// *promo.ValidationError, or the error as one.
func (inv *invocation) add(input, path string, err error) {
	var ve *promo.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			inv.problems = append(inv.problems, problem{Input: input, File: name(path), Path: p.Path, Reason: p.Reason})
		}
		return
	}
	inv.problems = append(inv.problems, problem{Input: input, File: name(path), Reason: err.Error()})
}

// report prints the problems in the chosen format and returns the exit
// status of invalid input (or of an output that cannot be written).
func (inv *invocation) report() int {
	if inv.format == "json" {
		if err := writeJSON(inv.stdout, struct {
			Problems []problem `json:"problems"`
		}{inv.problems}); err != nil {
			say(inv.stderr, "promoeval: writing the problems: %v\n", err)
			return exitFailure
		}
		return exitInvalid
	}
	for _, p := range inv.problems {
		switch {
		case p.File == "":
			say(inv.stderr, "promoeval: %s\n", p.Reason)
		case p.Path == "":
			say(inv.stderr, "promoeval: %s: %s\n", p.File, p.Reason)
		default:
			say(inv.stderr, "promoeval: %s: %s: %s\n", p.File, p.Path, p.Reason)
		}
	}
	return exitInvalid
}

// writeJSON writes v as indented JSON, with <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// say writes a message for the person running the command. When even that
// cannot be written there is nobody left to tell: the exit status still
// says what happened.
func say(w io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(w, format, a...)
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
