package promocheck_test

import (
	"flag"
	"os"
	"testing"
)

// TestMain sets two of rapid's flags for the tests of this package: the
// failures the examples expect are not saved as rapid fail files
// (-rapid.nofailfile), and, unless -rapid.seed is given, the seed is 1, so
// that the examples' output — the smallest cart a search finds — is the
// same on every run. TestPlantedViolations tries other seeds.
func TestMain(m *testing.M) {
	flag.Parse()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(flag.Set("rapid.nofailfile", "true"))
	if flag.Lookup("rapid.seed").Value.String() == "0" {
		must(flag.Set("rapid.seed", "1"))
	}
	os.Exit(m.Run())
}
