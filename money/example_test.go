package money_test

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

func ExampleFormat() {
	fmt.Println("R$", money.Format(decimal.RequireFromString("1234.5")))
	fmt.Println("R$", money.Format(decimal.RequireFromString("-0.01")))
	// Output:
	// R$ 1.234,50
	// R$ -0,01
}

func ExampleFixed() {
	out, err := json.Marshal(struct {
		Total money.Fixed `json:"total"`
	}{money.Fixed(decimal.RequireFromString("16"))})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// {"total":"16.00"}
}
