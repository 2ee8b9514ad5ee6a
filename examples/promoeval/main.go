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

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("promoeval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rulesetPath := fs.String("ruleset", "", "ruleset JSON file (- for standard input)")
	cartPath := fs.String("cart", "", "cart JSON file (- for standard input)")
	format := fs.String("format", "text", "how to print problems: text (standard error) or json (standard output)")
	fs.Usage = func() { say(fs.Output(), "%s", usage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitInvalid
	}
	var problems []problem
	// report prints the problems in the chosen format and returns the exit
	// status of invalid input (or of an output that cannot be written).
	report := func() int {
		if *format == "json" {
			if err := writeJSON(stdout, struct {
				Problems []problem `json:"problems"`
			}{problems}); err != nil {
				say(stderr, "promoeval: writing the problems: %v\n", err)
				return exitFailure
			}
			return exitInvalid
		}
		for _, p := range problems {
			switch {
			case p.File == "":
				say(stderr, "promoeval: %s\n", p.Reason)
			case p.Path == "":
				say(stderr, "promoeval: %s: %s\n", p.File, p.Reason)
			default:
				say(stderr, "promoeval: %s: %s: %s\n", p.File, p.Path, p.Reason)
			}
		}
		return exitInvalid
	}
	command := func(reason string) int {
		problems = append(problems, problem{Input: "command", Reason: reason})
		return report()
	}
	switch {
	case *format != "text" && *format != "json":
		bad := *format
		*format = "text"
		return command(fmt.Sprintf("-format is text or json, not %q", bad))
	case fs.NArg() > 0:
		return command(fmt.Sprintf("unexpected arguments %q; usage: promoeval -ruleset RULESET.json -cart CART.json", fs.Args()))
	case *rulesetPath == "" && *cartPath == "":
		return command("-ruleset and -cart are required")
	case *rulesetPath == "":
		return command("-ruleset is required")
	case *cartPath == "":
		return command("-cart is required")
	case *rulesetPath == "-" && *cartPath == "-":
		return command("-ruleset and -cart cannot both be - (standard input)")
	}

	// Read and check both inputs, and report the problems of both before
	// giving up.
	add := func(input, path string, err error) {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				problems = append(problems, problem{Input: input, File: name(path), Path: p.Path, Reason: p.Reason})
			}
			return
		}
		problems = append(problems, problem{Input: input, File: name(path), Reason: err.Error()})
	}
	var rs *promo.Ruleset
	if data, err := readInput(*rulesetPath, stdin); err != nil {
		add("ruleset", *rulesetPath, err)
	} else if rs, err = campaign.Load(data); err != nil {
		add("ruleset", *rulesetPath, err)
	}
	var cart promo.Cart
	if data, err := readInput(*cartPath, stdin); err != nil {
		add("cart", *cartPath, err)
	} else {
		decodeCart := promo.DecodeCart // the default limits, without a ruleset
		if rs != nil {
			decodeCart = rs.DecodeCart // the ruleset's settings.limits
		}
		if cart, err = decodeCart(data); err != nil {
			add("cart", *cartPath, err)
		}
	}
	if len(problems) > 0 {
		return report()
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		if errors.As(err, new(*promo.ValidationError)) {
			add("cart", *cartPath, err)
			return report()
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
