package promotest_test

import (
	"fmt"
	"testing"

	"github.com/promokit/promokit/internal/testkit/promotest"
)

// A test states its ruleset and its cart; an error in either fails it.
func ExampleEvaluateJSON() {
	t := &testing.T{} // in a test, the test's own t
	res := promotest.EvaluateJSON(t, `{"version":1,"campaigns":[
	 {"id":"dez","name":"10% na venda","start":"2026-11-01","no_activation_rules":true,
	  "benefit":{"on":"sale","percent":"10"}}]}`,
		`{"id":"v-1","time":"2026-11-21T10:15:00-03:00","store":{"id":"loja-1"},
	 "lines":[{"id":"1","product_code":"A","quantity":"2","unit_price":"19.90"}]}`)
	fmt.Println(res.Totals.Gross, res.Totals.Discount, res.Totals.Net)
	// Output:
	// 39.8 3.98 35.82
}
