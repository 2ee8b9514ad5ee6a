package bounds_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
)

func ExampleKind_Check() {
	for _, s := range []string{"19.90", "19.905", "1e10000", "-1"} {
		why := bounds.Money.Check(decimal.RequireFromString(s))
		if why == "" {
			why = "ok"
		}
		fmt.Printf("%s: %s\n", s, why)
	}
	fmt.Println(bounds.Quantity.Check(decimal.RequireFromString("0.73551")))
	// Output:
	// 19.90: ok
	// 19.905: at most 2 decimal places
	// 1e10000: must be less than 100000000000
	// -1: must not be negative
	// at most 4 decimal places (the NFC-e's qCom)
}
