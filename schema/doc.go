// Package schema checks the JSON Schemas of the formats promokit reads and
// writes (ruleset.schema.json, cart.schema.json, result.schema.json, and
// policy.schema.json for the pricing policies of promocheck, next to this
// file) against the Go definitions, the test data and the decoder.
// It is a module of its own so that the schema validator, a test
// dependency, stays out of the library's module.
package schema
