// Package testkit holds the set-up the tests of every package of the module
// share, so that each test file states only what it checks:
//
//   - fixed instants in America/Sao_Paulo: [SaoPaulo], [At], [SaleTime]
//     (the zone database is embedded);
//   - decimal literals: [Dec], [DecPtr], [Cents];
//   - go-cmp options that compare by value: [EquateDecimals], [EquateTimes];
//   - validation problems compared by path and part of the reason:
//     [CheckProblems];
//   - the golden file comparison: [Golden];
//   - the repository's documents as seeds: [Scenarios], [ReadFiles].
//
// Its subpackage promotest loads, compiles and evaluates rulesets, builds
// lines and carts, and checks the engine's promises of a result, for the
// tests outside package promo.
//
// It is imported only by _test.go files. It depends on the standard
// library, shopspring/decimal and go-cmp alone, and on no package of the
// module, so that the engine's own internal tests (package promo) can use
// it without an import cycle.
package testkit

// TB is the part of a test [Golden] needs to report a failure: a
// *testing.T, *testing.B, testing.TB or a rapid property's *rapid.T.
// A helper that fails the test calls t.Helper first when t has it, so that
// the failure points at the caller.
type TB interface {
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Logf(format string, args ...any)
}

// Helper marks the calling function as a test helper when t can (rapid's
// *T cannot), so that a failure it reports points at its caller.
func Helper(t any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
}
