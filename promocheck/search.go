package promocheck

import (
	"errors"
	"flag"
	"fmt"

	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// SearchOptions tune Search.
type SearchOptions struct {
	// Tries is how many carts to try at least before concluding that none
	// breaks the policy; 1000 when zero.
	Tries int
	// Name is the name rapid files a failure under (see Runner);
	// "PolicySearch" when empty.
	Name string
}

// Report is what Search found: the smallest cart it found that breaks the
// policy, what the ruleset made of it and the violations, or that none
// was found within the tries. Text writes it for a pricing analyst.
type Report struct {
	// Policy is the policy searched.
	Policy Policy
	// Found reports whether a cart breaks the policy.
	Found bool
	// Tries is how many carts were tried before the first one that breaks
	// the policy (all of them when none does); shrinking tries more.
	Tries int
	// Cart is the smallest cart found, Result its evaluation, Violations
	// the rules it breaks.
	Cart       promo.Cart
	Result     promo.Result
	Violations []Violation
	// Names are the promotions' names, by id.
	Names map[string]string
}

// Ready reports whether rapid can run in this program: its flags and the
// testing package's must be registered (testing.Init) and parsed
// (flag.Parse). A test binary is ready; a command must call both first.
func Ready() error {
	if flag.Lookup("test.short") == nil || flag.Lookup("rapid.checks") == nil {
		return errors.New("promocheck: rapid needs the testing flags: call testing.Init() and flag.Parse() first (a test binary does both)")
	}
	if !flag.Parsed() {
		return errors.New("promocheck: rapid reads its flags: call flag.Parse() first")
	}
	return nil
}

// seedFixed reports whether rapid's seed is set (-rapid.seed): every
// rapid.Check then draws the same carts.
func seedFixed() bool {
	f := flag.Lookup("rapid.seed")
	return f != nil && f.Value.String() != "0"
}

// Search looks for a cart that breaks policy under the ruleset def: it
// draws carts shaped by the ruleset and the policy (promogen.CartFor with
// Policy.CartOptions), evaluates each and checks it (Policy.Check); on the
// first cart that breaks the policy, rapid shrinks it to the smallest it
// can find — fewer lines, fewer units, lower prices, no customer, nothing
// extra — that still breaks it, and that is the cart reported.
//
// Search drives rapid.Check with a Runner, in rounds of -rapid.checks
// carts (100 by default) until opts.Tries carts were tried; with
// -rapid.seed set, one round (the same seed draws the same carts). It
// needs rapid's flags parsed (Ready). A policy that does not fit the
// ruleset (a campaign it does not have), a ruleset that does not compile
// or a generated cart Evaluate refuses is an error.
func Search(def campaign.Ruleset, policy Policy, opts SearchOptions) (Report, error) {
	if err := Ready(); err != nil {
		return Report{}, err
	}
	if err := policy.Validate(&def); err != nil {
		return Report{}, err
	}
	rs, err := campaign.Compile(def)
	if err != nil {
		return Report{}, err
	}
	if opts.Tries <= 0 {
		opts.Tries = 1000
	}
	if opts.Name == "" {
		opts.Name = "PolicySearch"
	}
	gen := promogen.CartFor(def, policy.CartOptions()...)
	rep := Report{Policy: policy, Names: namesOf(def)}
	type finding struct {
		cart promo.Cart
		res  promo.Result
		vs   []Violation
		err  error
	}
	var last *finding
	searching := true
	prop := func(t *rapid.T) {
		cart := gen.Draw(t, "cart")
		if searching {
			rep.Tries++
		}
		res, err := promo.Evaluate(cart, rs)
		if err != nil {
			searching = false
			last = &finding{cart: cart, err: err}
			t.Fatalf("Evaluate refuses a generated cart: %v", err)
		}
		if vs := policy.Check(cart, res); len(vs) > 0 {
			// The last cart that fails is the smallest: rapid runs the
			// property on it once more after shrinking.
			searching = false
			last = &finding{cart: cart, res: res, vs: vs}
			t.Fatalf("%v", vs[0])
		}
	}
	for rep.Tries < opts.Tries {
		r := NewRunner(opts.Name)
		before := rep.Tries
		rapid.Check(r, prop)
		if r.Failed() {
			switch {
			case last == nil:
				return rep, fmt.Errorf("promocheck: rapid failed: %s", r.Errors())
			case last.err != nil:
				return rep, fmt.Errorf("promocheck: a generated cart is refused (a bug of promogen): %w", last.err)
			}
			rep.Found, rep.Cart, rep.Result, rep.Violations = true, last.cart, last.res, last.vs
			return rep, nil
		}
		if rep.Tries == before || seedFixed() {
			break
		}
	}
	return rep, nil
}

// namesOf maps every promotion of def to its name.
func namesOf(def campaign.Ruleset) map[string]string {
	names := map[string]string{}
	for _, g := range def.Generals() {
		names[g.ID] = g.Name
	}
	return names
}
