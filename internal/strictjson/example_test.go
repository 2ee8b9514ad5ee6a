package strictjson_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/strictjson"
)

func ExampleDecode() {
	type item struct {
		Code  string          `json:"code"`
		Price decimal.Decimal `json:"price"`
	}
	var doc struct {
		Items []item `json:"items"`
	}
	problems := strictjson.Decode([]byte(`{"items": [{"code": "A", "price": "9.90"}, {"code": 7, "prise": "1"}]}`), &doc)
	for _, p := range problems {
		fmt.Printf("%s: %s\n", p.Path, p.Reason)
	}
	fmt.Println(doc.Items[0].Code, doc.Items[0].Price.StringFixed(2))
	// Output:
	// items[1].code: want a string, got a number
	// items[1].prise: unknown field (known: code, price)
	// A 9.90
}
