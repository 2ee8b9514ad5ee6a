package testkit_test

import (
	"fmt"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
)

// A test builds its amounts from literals, its instants in São Paulo, and
// compares decimals by value.
func Example() {
	at := testkit.SaleTime()
	fmt.Println(at.Format("2006-01-02 15:04 -07:00 Monday"), at.Location())

	want := []any{testkit.Dec("19.90"), testkit.Cents(500)}
	got := []any{testkit.Cents(1990), testkit.Dec("5")}
	fmt.Println(cmp.Diff(want, got, testkit.EquateDecimals()) == "")
	// Output:
	// 2026-11-21 10:15 -03:00 Saturday America/Sao_Paulo
	// true
}
