package schema_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// A host in any language validates its JSON with the schemas before it
// sends it; here in Go, with the validator this module's tests use.
func Example() {
	sch, err := jsonschema.NewCompiler().Compile("cart.schema.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	cart, err := jsonschema.UnmarshalJSON(strings.NewReader(`{
	  "id": "pdv-3-000042", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-centro"},
	  "lines": [{"id": "1", "product_code": "MEI-ES", "quantity": 3, "unit_price": "19,90"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	var ve *jsonschema.ValidationError
	if errors.As(sch.Validate(cart), &ve) {
		seen := map[string]bool{}
		for _, leaf := range leaves(ve) {
			if at := "/" + strings.Join(leaf.InstanceLocation, "/"); !seen[at] {
				seen[at] = true
				fmt.Println(at)
			}
		}
	}
	// Output:
	// /lines/0/unit_price
}

// leaves returns the innermost causes of a validation error.
func leaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	var out []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}
