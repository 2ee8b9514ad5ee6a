package promo_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// The tests of this file reproduce what probing the cart decoder with
// hostile input found: each input is answered with a clear problem at its
// path, before any expensive work.

// hoCart is a valid cart document with a place for one line's fields (a
// quantity and a unit price unless line has them) and the cart's other
// fields.
func hoCart(line, rest string) string {
	if !strings.Contains(line, `"quantity"`) {
		line += `, "quantity": 1`
	}
	if !strings.Contains(line, `"unit_price"`) {
		line += `, "unit_price": "10.00"`
	}
	if rest != "" {
		rest = ", " + rest
	}
	return `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "store": {"id": "loja-1"},
	  "lines": [{"id": "1"` + line + `}]` + rest + `}`
}

func TestHostileDuplicateKeysAroundAnEmptyKey(t *testing.T) {
	// An empty key is a key like any other: it neither hides a duplicate
	// nor makes one.
	c, err := promo.DecodeCart([]byte(hoCart(`, "attributes": {"": "a", "b": "a"}`, "")))
	if err != nil {
		t.Errorf("attributes {\"\": \"a\", \"b\": \"a\"}: %v", err)
	} else if got := c.Lines[0].Attributes; len(got) != 2 || got[""] != "a" || got["b"] != "a" {
		t.Errorf("attributes = %q, want {\"\": \"a\", \"b\": \"a\"}", got)
	}

	t.Run("a duplicate after an empty key", func(t *testing.T) {
		_, err := promo.DecodeCart([]byte(hoCart(`, "attributes": {"": "x", "y": "1", "y": "2"}`, "")))
		ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{{"lines[0].attributes.y", "duplicate key"}})
	})
	t.Run("the path of a duplicate counter", func(t *testing.T) {
		_, err := promo.DecodeCart([]byte(hoCart("", `"history": {"counters": {"": "0", "k": "1", "k": "0"}}`)))
		ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{{"history.counters.k", "duplicate key"}})
	})
}

func TestHostileInvalidUTF8IsRefused(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []ctWantProblem
	}{
		{"raw bytes in an id", `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "` + "\xff\xfe" + `", "quantity": 1, "unit_price": 1}]}`,
			[]ctWantProblem{{"lines[0].id", "not valid UTF-8"}}},
		// Two different byte strings are two different ids, never
		// duplicates of each other: both are refused for what they are.
		{"two ids that would both become U+FFFD", `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [
		  {"id": "` + "\xff" + `", "quantity": 1, "unit_price": 1}, {"id": "` + "\xfe" + `", "quantity": 1, "unit_price": 1}]}`,
			[]ctWantProblem{{"lines[0].id", "not valid UTF-8"}, {"lines[1].id", "not valid UTF-8"}}},
		{"a lone surrogate escape", `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "\ud800", "quantity": 1, "unit_price": 1}]}`,
			[]ctWantProblem{{"lines[0].id", "lone surrogate"}}},
		{"a lone low surrogate in an attribute", hoCart(`, "attributes": {"cor": "a\udc00b"}`, ""),
			[]ctWantProblem{{"lines[0].attributes.cor", "lone surrogate"}}},
		{"invalid UTF-8 in a key", hoCart(`, "attributes": {"`+"\xc3"+`": "x"}`, ""),
			[]ctWantProblem{{"lines[0].attributes", "not valid UTF-8"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.DecodeCart([]byte(tt.doc))
			ctCheckProblems(t, ctProblems(t, err, "cart"), tt.want)
		})
	}

	// A surrogate pair is one character, and it is kept as given.
	c, err := promo.DecodeCart([]byte(hoCart(`, "attributes": {"emoji": "\ud83d\ude00"}`, "")))
	if err != nil {
		t.Fatalf("a surrogate pair: %v", err)
	}
	if got := c.Lines[0].Attributes["emoji"]; got != "\U0001F600" {
		t.Errorf("surrogate pair decoded as %q, want %q", got, "\U0001F600")
	}

	// A cart built in Go is held to the same rule by Evaluate.
	cart := ctValidCart()
	cart.Lines[0].ID = "\xff"
	_, err = promo.Evaluate(cart, promotest.NewRuleset(t, promo.Settings{}))
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{{"lines[0].id", "not valid UTF-8"}})
}

func TestHostileLongNumbersAreRefusedBeforeParsing(t *testing.T) {
	digits := strings.Repeat("9", 1_000_000)
	tests := []struct {
		name string
		doc  string
		want []ctWantProblem
	}{
		{"a unit price of a million digits", `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "1", "quantity": 1, "unit_price": ` + digits + `}]}`,
			[]ctWantProblem{{"lines[0].unit_price", "a number of 1000000 characters: at most 40"}}},
		{"the same as a string", `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "1", "quantity": 1, "unit_price": "` + digits + `"}]}`,
			[]ctWantProblem{{"lines[0].unit_price", "a number of 1000000 characters: at most 40"}}},
		{"a fractional quantity of a million digits", `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "1", "quantity": 0.` + digits + `, "unit_price": 1}]}`,
			[]ctWantProblem{{"lines[0].quantity", "a number of 1000002 characters: at most 40"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.DecodeCart([]byte(tt.doc))
			ctCheckProblems(t, ctProblems(t, err, "cart"), tt.want)
		})
	}

	// 5 MB of digits in a quantity: the document is over the size limit,
	// refused before it is read.
	big := `{"id": "s", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "1", "quantity": 1` + strings.Repeat("0", 5_000_000) + `, "unit_price": 1}]}`
	_, err := promo.DecodeCart([]byte(big))
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{{"", fmt.Sprintf("a document of %d bytes: at most 1048576", len(big))}})
}

func TestHostileMoneyHasAMagnitudeAndPlaces(t *testing.T) {
	tests := []struct {
		name, line, rest string
		want             []ctWantProblem
	}{
		{"huge unit price", `, "unit_price": 1e10000`, "",
			[]ctWantProblem{{"lines[0].unit_price", "must be less than 100000000000"}}},
		{"long huge unit price", `, "unit_price": 9999999999999999999999999999e999`, "",
			[]ctWantProblem{{"lines[0].unit_price", "must be less than 100000000000"}}},
		{"unit price at the NFC-e's bound", `, "unit_price": "99999999999.9999999999"`, "", nil},
		{"unit price over the NFC-e's bound", `, "unit_price": "100000000000"`, "",
			[]ctWantProblem{{"lines[0].unit_price", "must be less than 100000000000"}}},
		{"tiny unit price", `, "unit_price": 1e-10000`, "",
			[]ctWantProblem{{"lines[0].unit_price", "at most 10 decimal places"}}},
		{"unit price with 11 decimals (vUnCom has 10)", `, "unit_price": "1.00000000001"`, "",
			[]ctWantProblem{{"lines[0].unit_price", "at most 10 decimal places"}}},
		{"unit price with trailing zeros is its value", `, "unit_price": "1.100000000000"`, "", nil},
		{"original price", `, "original_price": 1e10000`, "",
			[]ctWantProblem{{"lines[0].original_price", "must be less than 100000000000"}}},
		{"quantity with 5 decimals (qCom has 4)", `, "quantity": "0.73551", "weighed": true`, "",
			[]ctWantProblem{{"lines[0].quantity", "at most 4 decimal places"}}},
		{"quantity with 4 decimals", `, "quantity": "0.7355", "weighed": true`, "", nil},
		{"tiny quantity", `, "quantity": 1e-10000`, "",
			[]ctWantProblem{{"lines[0].quantity", "at most 4 decimal places"}}},
		{"payment", "", `"payments": [{"tender": "pix", "amount": 1e10000}]`,
			[]ctWantProblem{{"payments[0].amount", "must be less than 100000000000"}}},
		{"payment in fractions of a cent", "", `"payments": [{"tender": "pix", "amount": "1.001"}]`,
			[]ctWantProblem{{"payments[0].amount", "at most 2 decimal places"}}},
		{"wallet balance", "", `"customer": {"id": "c"}, "wallet": [{"id": "w", "campaign": "cb", "remaining": 1e10000,
		  "available_from": "2026-11-01T00:00:00-03:00", "terms": {"min_purchase": 9e999, "max_redeem_percent": 1e-10000}}]`,
			[]ctWantProblem{
				{"wallet[0].remaining", "must be less than 100000000000"},
				{"wallet[0].terms.min_purchase", "must be less than 100000000000"},
				{"wallet[0].terms.max_redeem_percent", "at most 4 decimal places"},
			}},
		{"counters and budgets", "", `"history": {"counters": {"k": 1e10000}, "budgets": {"b": 1e-10000}}`,
			[]ctWantProblem{
				{"history.counters.k", "must be less than 100000000000"},
				{"history.budgets.b", "at most 4 decimal places"},
			}},
		{"exchange item quantity", "", `"exchanges": [{"id": "t", "quantity": 1e15, "unit_price": 1}]`,
			[]ctWantProblem{{"exchanges[0].quantity", "must be at most 1000000"}}},
		{"exchange item price", "", `"exchanges": [{"id": "t", "quantity": 1, "unit_price": 1e10000}]`,
			[]ctWantProblem{{"exchanges[0].unit_price", "must be less than 100000000000"}}},
		{"an exponent out of range is refused before any arithmetic", `, "unit_price": 0e999999999`, "",
			[]ctWantProblem{{"lines[0].unit_price", "exponent"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.DecodeCart([]byte(hoCart(tt.line, tt.rest)))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("DecodeCart: %v", err)
				}
				return
			}
			ctCheckProblems(t, ctProblems(t, err, "cart"), tt.want)
		})
	}

	// A cart built in Go meets the same bounds in Evaluate.
	cart := ctValidCart()
	cart.Lines[0].UnitPrice = decimal.New(1, 10000)
	cart.Lines[1].Quantity = decimal.New(1, -10000)
	_, err := promo.Evaluate(cart, promotest.NewRuleset(t, promo.Settings{}))
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{
		{"lines[0].unit_price", "must be less than 100000000000"},
		{"lines[1].quantity", "at most 4 decimal places"},
	})
}

func TestHostileSizeLimits(t *testing.T) {
	line := func(i int) string { return fmt.Sprintf(`{"id": "%d", "quantity": 1, "unit_price": 1}`, i) }
	many := func(n int, f func(int) string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = f(i)
		}
		return strings.Join(parts, ",")
	}
	doc := func(rest string) string {
		return `{"id": "s", "time": "2026-11-21T10:15:00-03:00", ` + rest + `}`
	}
	tests := []struct {
		name string
		doc  string
		want []ctWantProblem
	}{
		{"lines", doc(`"lines": [` + many(1001, line) + `]`),
			[]ctWantProblem{{"lines", "1001 lines: at most 1000 (settings.limits.max_lines)"}}},
		{"exchange items", doc(`"lines": [` + line(1) + `], "exchanges": [` + many(101, func(i int) string {
			return fmt.Sprintf(`{"id": "%d", "quantity": 1, "unit_price": 1}`, i)
		}) + `]`),
			[]ctWantProblem{{"exchanges", "101 exchange items: at most 100 (settings.limits.max_exchanges)"}}},
		{"payments", doc(`"lines": [` + line(1) + `], "payments": [` + many(21, func(int) string { return `{"tender": "pix", "amount": 1}` }) + `]`),
			[]ctWantProblem{{"payments", "21 payments: at most 20 (settings.limits.max_payments)"}}},
		{"promo codes", doc(`"lines": [` + line(1) + `], "promo_codes": [` + many(51, func(i int) string { return fmt.Sprintf(`"C%d"`, i) }) + `]`),
			[]ctWantProblem{{"promo_codes", "51 codes: at most 50 (settings.limits.max_codes)"}}},
		{"a long id", doc(`"lines": [{"id": "` + strings.Repeat("x", 129) + `", "quantity": 1, "unit_price": 1}]`),
			[]ctWantProblem{{"lines[0].id", "129 bytes: at most 128 (settings.limits.max_id_length)"}}},
		{"a long text", doc(`"lines": [{"id": "1", "quantity": 1, "unit_price": 1, "attributes": {"d": "` + strings.Repeat("x", 1001) + `"}}]`),
			[]ctWantProblem{{"lines[0].attributes.d", "1001 bytes: at most 1000 (settings.limits.max_text_length)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.DecodeCart([]byte(tt.doc))
			ctCheckProblems(t, ctProblems(t, err, "cart"), tt.want)
		})
	}

	// 100,000 lines: refused at the size of the document.
	big := doc(`"lines": [` + many(100_000, line) + `]`)
	_, err := promo.DecodeCart([]byte(big))
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{{"", fmt.Sprintf("a document of %d bytes: at most 1048576", len(big))}})
}

func TestHostileLimitsComeFromTheRuleset(t *testing.T) {
	raised := promotest.Load(t, `{"version": 1, "settings": {"limits": {"max_lines": 1500, "max_id_length": 200}}, "campaigns": []}`)
	var lines []string
	for i := range 1200 {
		lines = append(lines, fmt.Sprintf(`{"id": "%d", "quantity": 1, "unit_price": "1.00"}`, i))
	}
	doc := []byte(`{"id": "` + strings.Repeat("s", 150) + `", "time": "2026-11-21T10:15:00-03:00", "lines": [` + strings.Join(lines, ",") + `]}`)

	// Under the defaults: 1,000 lines and ids of 128 bytes.
	_, err := promo.DecodeCart(doc)
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{
		{"id", "150 bytes: at most 128 (settings.limits.max_id_length)"},
		{"lines", "1200 lines: at most 1000 (settings.limits.max_lines)"},
	})
	// Under the ruleset's raised limits the same cart decodes and evaluates.
	cart, err := raised.DecodeCart(doc)
	if err != nil {
		t.Fatalf("Ruleset.DecodeCart under raised limits: %v", err)
	}
	res := promotest.Evaluate(t, cart, raised)
	if !res.Totals.Gross.Equal(decimal.NewFromInt(1200)) {
		t.Errorf("gross (-want +got):\n-1200\n+%s", res.Totals.Gross)
	}
	// Evaluate holds a cart built in Go to the ruleset's limits.
	_, err = promo.Evaluate(cart, promotest.NewRuleset(t, promo.Settings{}))
	ctCheckProblems(t, ctProblems(t, err, "cart"), []ctWantProblem{
		{"id", "150 bytes: at most 128"},
		{"lines", "1200 lines: at most 1000"},
	})
	if got := raised.Settings().Limits; got.MaxLines != 1500 || got.MaxIDLength != 200 || got.MaxPayments != 20 {
		t.Errorf("Settings().Limits = %+v, want lines 1500, ids 200 and the default 20 payments", got)
	}
	// NewRuleset refuses limits above their ceilings.
	_, err = promo.NewRuleset(promo.Settings{Limits: promo.Limits{MaxLines: 10_001, MaxPayments: -1}})
	ctCheckProblems(t, ctProblems(t, err, "ruleset"), []ctWantProblem{
		{"settings.limits.max_lines", "must be at most 10000 (its ceiling)"},
		{"settings.limits.max_payments", "must not be negative"},
	})
}

// A limit may be raised up to its ceiling, inclusive.
func TestLimitsAtTheirCeilingAreAccepted(t *testing.T) {
	rs, err := promo.NewRuleset(promo.Settings{Limits: promo.CeilingLimits()})
	if err != nil {
		t.Fatalf("NewRuleset with every limit at its ceiling: %v", err)
	}
	if diff := cmp.Diff(promo.CeilingLimits(), rs.Settings().Limits); diff != "" {
		t.Errorf("Settings().Limits (-want +got):\n%s", diff)
	}
}
