package promo_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// ctValidCart is a cart with nothing wrong, for tests to break one field at a
// time.
func ctValidCart() promo.Cart {
	return promo.Cart{
		ID:       "sale-1",
		Time:     testkit.SaleTime(),
		Store:    promo.Store{ID: "loja-1"},
		Customer: &promo.Customer{ID: "cust-1"},
		Payments: []promo.Payment{{Tender: "pix", Amount: testkit.Dec("10.00")}},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "A", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("10.00")},
			{ID: "2", ProductCode: "B", Quantity: testkit.Dec("0.735"), Weighed: true, UnitPrice: testkit.Dec("0")},
		},
	}
}

// problemPaths returns the paths and reasons of a *promo.ValidationError.
func ctProblems(t *testing.T, err error, what string) []promo.Problem {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %T %v", err, err)
	}
	if ve.What != what {
		t.Errorf("ValidationError.What (-want +got):\n-%s\n+%s", what, ve.What)
	}
	return ve.Problems
}

// ctWantProblem is an expected problem: its exact path and a part of its
// reason.
type ctWantProblem struct{ Path, Contains string }

// ctCheckProblems compares problems with the expected ones, in order: paths
// exactly, reasons by substring.
func ctCheckProblems(t *testing.T, got []promo.Problem, want []ctWantProblem) {
	t.Helper()
	gotW := make([]ctWantProblem, len(got))
	for i, p := range got {
		gotW[i] = ctWantProblem{Path: p.Path, Contains: p.Reason}
	}
	testkit.CheckProblems(t, want, gotW)
}

func TestValidateCart(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *promo.Cart)
		want   []ctWantProblem
	}{
		{name: "valid", change: func(*promo.Cart) {}},
		{name: "anonymous sale", change: func(c *promo.Cart) { c.Customer = nil }},
		{name: "zero unit price is allowed", change: func(c *promo.Cart) { c.Lines[0].UnitPrice = decimal.Zero }},
		{name: "no lines", change: func(c *promo.Cart) { c.Lines = nil }},
		// Every limit is inclusive (DefaultLimits): an id of 128 bytes, a
		// text of 1,000, 50 codes and attributes, 1,000 lines.
		{name: "at the limits", change: func(c *promo.Cart) {
			c.ID = strings.Repeat("i", 128)
			c.PromoCodes = make([]string, 50)
			for i := range c.PromoCodes {
				c.PromoCodes[i] = fmt.Sprintf("code-%d", i)
			}
			c.Lines[0].Attributes = map[string]string{"long": strings.Repeat("t", 1000)}
			for i := 1; i < 50; i++ {
				c.Lines[0].Attributes[fmt.Sprintf("k%d", i)] = "v"
			}
			for i := len(c.Lines); i < 1000; i++ {
				c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprintf("l%d", i), ProductCode: "A", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("1.00")})
			}
		}},
		{name: "one over the limits", change: func(c *promo.Cart) {
			c.ID = strings.Repeat("i", 129)
			c.Lines[0].Attributes = map[string]string{"long": strings.Repeat("t", 1001)}
			c.Lines[1].SKU = strings.Repeat("s", 129)
		}, want: []ctWantProblem{
			{"id", "129 bytes: at most 128 (settings.limits.max_id_length)"},
			{"lines[0].attributes.long", "1001 bytes: at most 1000 (settings.limits.max_text_length)"},
			{"lines[1].sku", "129 bytes: at most 128 (settings.limits.max_id_length)"},
		}},
		// The sale is on 2026-11-21: a birth date may be that day, not after.
		{name: "born on the sale's day", change: func(c *promo.Cart) {
			c.Customer.BirthDate = br.Date{Year: 2026, Month: time.November, Day: 21}
		}},
		{name: "born earlier in the sale's year, on a later day of the month", change: func(c *promo.Cart) {
			c.Customer.BirthDate = br.Date{Year: 2026, Month: time.October, Day: 30}
		}},
		{name: "born a day after the sale", change: func(c *promo.Cart) {
			c.Customer.BirthDate = br.Date{Year: 2026, Month: time.November, Day: 22}
		}, want: []ctWantProblem{{"customer.birth_date", "after the sale's date"}}},
		{name: "born in a later month of the sale's year", change: func(c *promo.Cart) {
			c.Customer.BirthDate = br.Date{Year: 2026, Month: time.December, Day: 1}
		}, want: []ctWantProblem{{"customer.birth_date", "after the sale's date"}}},
		{name: "born in a later year", change: func(c *promo.Cart) {
			c.Customer.BirthDate = br.Date{Year: 2027, Month: time.January, Day: 1}
		}, want: []ctWantProblem{{"customer.birth_date", "after the sale's date"}}},
		// The history's limit (10,000) counts counters, budgets and used
		// codes together: 4,000 + 4,000 + 2,001 = 10,001.
		{name: "history over its limit", change: func(c *promo.Cart) {
			c.History.Counters, c.History.Budgets = map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
			for i := range 4000 {
				c.History.Counters[fmt.Sprintf("c%d", i)] = decimal.NewFromInt(1)
				c.History.Budgets[fmt.Sprintf("b%d", i)] = decimal.NewFromInt(1)
			}
			for i := range 2001 {
				c.History.UsedCodes = append(c.History.UsedCodes, fmt.Sprintf("u%d", i))
			}
		}, want: []ctWantProblem{{"history", "10001 entries (counters, budgets and used codes): at most 10000 (settings.limits.max_history)"}}},
		// The professional who scores the points is a person: a CPF.
		{name: "professional with a CPF", change: func(c *promo.Cart) { c.Professional = br.MustParseTaxID("529.982.247-25") }},
		{name: "professional with a CNPJ", change: func(c *promo.Cart) { c.Professional = br.MustParseTaxID("11.222.333/0001-81") },
			want: []ctWantProblem{{"professional", "must be a CPF"}}},
		{name: "missing id", change: func(c *promo.Cart) { c.ID = "" },
			want: []ctWantProblem{{"id", "required"}}},
		{name: "missing time", change: func(c *promo.Cart) { c.Time = time.Time{} },
			want: []ctWantProblem{{"time", "required"}}},
		{name: "customer without id", change: func(c *promo.Cart) { c.Customer.ID = "" },
			want: []ctWantProblem{{"customer.id", "required when there is a customer"}}},
		{name: "bad payment", change: func(c *promo.Cart) {
			c.Payments = append(c.Payments, promo.Payment{Amount: testkit.Dec("-0.01")})
		}, want: []ctWantProblem{
			{"payments[1].amount", "must not be negative"},
			{"payments[1].tender", "required"},
		}},
		{name: "line without id", change: func(c *promo.Cart) { c.Lines[1].ID = "" },
			want: []ctWantProblem{{"lines[1].id", "required"}}},
		{name: "duplicate line id", change: func(c *promo.Cart) {
			c.Lines = append(c.Lines, promo.Line{ID: "1", Quantity: testkit.Dec("1"), UnitPrice: testkit.Dec("1")})
		}, want: []ctWantProblem{{"lines[2].id", `duplicate of lines[0].id "1"`}}},
		{name: "zero quantity", change: func(c *promo.Cart) { c.Lines[0].Quantity = decimal.Zero },
			want: []ctWantProblem{{"lines[0].quantity", "must be greater than zero"}}},
		{name: "negative quantity", change: func(c *promo.Cart) { c.Lines[1].Quantity = testkit.Dec("-0.5") },
			want: []ctWantProblem{{"lines[1].quantity", "must be greater than zero"}}},
		{name: "negative unit price", change: func(c *promo.Cart) { c.Lines[0].UnitPrice = testkit.Dec("-1") },
			want: []ctWantProblem{{"lines[0].unit_price", "must not be negative"}}},
		{name: "negative original price", change: func(c *promo.Cart) {
			c.Lines[0].OriginalPrice = decimal.NewNullDecimal(testkit.Dec("-3"))
		}, want: []ctWantProblem{{"lines[0].original_price", "must not be negative"}}},
		{name: "every problem at once, in path order", change: func(c *promo.Cart) {
			c.ID = ""
			c.Time = time.Time{}
			c.Customer.ID = ""
			c.Payments[0].Tender = ""
			c.Lines[0].Quantity = decimal.Zero
			c.Lines[0].UnitPrice = testkit.Dec("-1")
			c.Lines[1].ID = "1"
		}, want: []ctWantProblem{
			{"id", "required"},
			{"time", "required"},
			{"customer.id", "required"},
			{"payments[0].tender", "required"},
			{"lines[0].quantity", "greater than zero"},
			{"lines[0].unit_price", "must not be negative"},
			{"lines[1].id", `duplicate of lines[0].id "1"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ctValidCart()
			tt.change(&c)
			err := promo.ValidateCart(&c)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ValidateCart: unexpected error %v", err)
				}
				return
			}
			ctCheckProblems(t, ctProblems(t, err, "cart"), tt.want)
		})
	}
}

func TestValidationErrorMessage(t *testing.T) {
	one := &promo.ValidationError{What: "cart", Problems: []promo.Problem{{Path: "id", Reason: "required"}}}
	if got, want := one.Error(), "invalid cart: id: required"; got != want {
		t.Errorf("Error() (-want +got):\n-%s\n+%s", want, got)
	}
	two := &promo.ValidationError{What: "ruleset", Problems: []promo.Problem{
		{Path: "version", Reason: "must be 1, got 2"},
		{Reason: "no path"},
	}}
	if got, want := two.Error(), "invalid ruleset:\n  version: must be 1, got 2\n  no path"; got != want {
		t.Errorf("Error() (-want +got):\n-%q\n+%q", want, got)
	}
}

func TestDecodeCart(t *testing.T) {
	const doc = `{
	  "id": "sale-9",
	  "time": "2026-11-21T10:15:00-03:00",
	  "store": {"id": "loja-1", "kind": "franchise"},
	  "customer": {"id": "c-1", "tax_id": "529.982.247-25", "birth_date": "1990-05-17", "sex": "female", "lgpd_consent": true},
	  "payments": [{"tender": "pix", "amount": 12.5}],
	  "lines": [
	    {"id": "1", "product_code": "A", "quantity": 2, "unit_price": "19.90"},
	    {"id": "2", "category": "hortifruti", "quantity": "0.735", "weighed": true, "unit_price": 9.99, "original_price": "10.99",
	     "attributes": {"cor": "verde"}}
	  ],
	  "history": {"first_purchase": true, "counters": {"limit/camp-1/all/all/sales": 40}}
	}`
	c, err := promo.DecodeCart([]byte(doc))
	if err != nil {
		t.Fatalf("DecodeCart: %v", err)
	}
	want := promo.Cart{
		ID:    "sale-9",
		Time:  testkit.SaleTime(),
		Store: promo.Store{ID: "loja-1", Kind: promo.StoreFranchise},
		Customer: &promo.Customer{ID: "c-1", TaxID: br.MustParseTaxID("52998224725"),
			BirthDate: br.Date{Year: 1990, Month: time.May, Day: 17}, Sex: promo.SexFemale, LGPDConsent: true},
		Payments: []promo.Payment{{Tender: "pix", Amount: testkit.Dec("12.50")}},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "A", Quantity: testkit.Dec("2"), UnitPrice: testkit.Dec("19.90")},
			{ID: "2", Category: "hortifruti", Quantity: testkit.Dec("0.735"), Weighed: true, UnitPrice: testkit.Dec("9.99"),
				OriginalPrice: decimal.NewNullDecimal(testkit.Dec("10.99")), Attributes: map[string]string{"cor": "verde"}},
		},
		History: promo.History{FirstPurchase: true, Counters: map[string]decimal.Decimal{"limit/camp-1/all/all/sales": testkit.Dec("40")}},
	}
	opts := cmp.Options{testkit.EquateDecimals(),
		testkit.EquateTimes(),
		cmp.Comparer(func(a, b br.TaxID) bool { return a.String() == b.String() && a.Kind() == b.Kind() }),
	}
	if diff := cmp.Diff(want, c, opts); diff != "" {
		t.Errorf("DecodeCart (-want +got):\n%s", diff)
	}
	if c.Lines[0].OriginalPrice.Valid {
		t.Errorf("lines[0].original_price is set, want it absent")
	}
}

func TestDecodeCartErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []ctWantProblem
	}{
		{
			name: "form problems, all at once and by path",
			// Keys are visited in sorted order: customer, id, lines, store, time.
			doc: `{
			  "id": "s",
			  "time": "21/11/2026 10:15",
			  "store": {"id": "l", "kind": "franquia"},
			  "customer": {"id": "c", "tax_id": "529.982.247-26", "birth_date": "2026-02-30", "sex": "x"},
			  "lines": [
			    {"id": "1", "quantity": 1, "unit_price": 1, "colour": "blue"},
			    {"id": "2", "quantity": true, "unit_price": "1,50"}
			  ]
			}`,
			want: []ctWantProblem{
				{"customer.birth_date", `invalid date "2026-02-30"`},
				{"customer.sex", `unknown sex "x"`},
				{"customer.tax_id", "check digit"},
				{"lines[0].colour", "unknown field"},
				{"lines[1].quantity", "want a number, got a boolean"},
				{"lines[1].unit_price", `want a decimal number such as 12.34, got "1,50"`},
				{"store.kind", `unknown store kind "franquia"`},
				{"time", "parsing time"},
			},
		},
		{
			name: "validation problems after a clean decode",
			doc:  `{"id": "", "time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "1", "quantity": "0", "unit_price": "-1"}]}`,
			want: []ctWantProblem{
				{"id", "required"},
				{"lines[0].quantity", "must be greater than zero"},
				{"lines[0].unit_price", "must not be negative"},
			},
		},
		{
			// Form problems first, then what ValidateCart finds in the rest.
			name: "form and meaning problems together",
			doc:  `{"time": "2026-11-21T10:15:00-03:00", "lines": [{"id": "1", "quantity": 1, "unit_price": 1, "colour": "x"}, {"id": "1", "quantity": "-1", "unit_price": 1}]}`,
			want: []ctWantProblem{
				{"lines[0].colour", "unknown field"},
				{"id", "required"},
				{"lines[1].id", `duplicate of lines[0].id "1"`},
				{"lines[1].quantity", "must be greater than zero"},
			},
		},
		{
			// A value that failed to decode is not reported again as
			// missing: "time" and "lines[0].quantity" once each.
			name: "a bad value is reported once",
			doc:  `{"id": "s", "time": 5, "lines": [{"id": "1", "quantity": "x", "unit_price": 1}]}`,
			want: []ctWantProblem{
				{"lines[0].quantity", `want a decimal number such as 12.34, got "x"`},
				{"time", "want a string, got a number"},
			},
		},
		{
			name: "wrong types at the top",
			doc:  `{"id": 7, "time": "2026-11-21T10:15:00-03:00", "lines": {}, "promo_codes": "X"}`,
			want: []ctWantProblem{
				{"id", "want a string, got a number"},
				{"lines", "want an array, got an object"},
				{"promo_codes", "want an array, got a string"},
			},
		},
		{
			name: "not an object",
			doc:  `[1, 2]`,
			want: []ctWantProblem{{"", "want an object, got an array"}},
		},
		{
			name: "syntax error",
			doc:  "{\n\"id\": \"s\",\n}",
			want: []ctWantProblem{{"", "invalid JSON at line 3"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := promo.DecodeCart([]byte(tt.doc))
			ctCheckProblems(t, ctProblems(t, err, "cart"), tt.want)
			if c.ID != "" || c.Lines != nil {
				t.Errorf("DecodeCart returned a partial cart %+v with its error", c)
			}
		})
	}
}

func TestMergeProblems(t *testing.T) {
	first := []promo.Problem{{Path: "lines[0]", Reason: "a"}, {Path: "time", Reason: "b"}}
	then := []promo.Problem{
		{Path: "lines[0]", Reason: "same path"},
		{Path: "lines[0].id", Reason: "below, by field"},
		{Path: "lines[0][1]", Reason: "below, by index"},
		{Path: "lines[0]x", Reason: "a sibling with a longer name"},
		{Path: "lines[10].id", Reason: "another line"},
		{Path: "timezone", Reason: "a longer name"},
		{Path: "", Reason: "no path"},
	}
	want := []promo.Problem{
		{Path: "lines[0]", Reason: "a"},
		{Path: "time", Reason: "b"},
		{Path: "lines[0]x", Reason: "a sibling with a longer name"},
		{Path: "lines[10].id", Reason: "another line"},
		{Path: "timezone", Reason: "a longer name"},
		{Path: "", Reason: "no path"},
	}
	if diff := cmp.Diff(want, promo.MergeProblems(first, then)); diff != "" {
		t.Errorf("MergeProblems (-want +got):\n%s", diff)
	}
	if got := promo.MergeProblems(nil, nil); len(got) != 0 {
		t.Errorf("MergeProblems(nil, nil) = %v, want none", got)
	}
}

func TestTextStoreKind(t *testing.T) {
	tests := []struct {
		kind promo.StoreKind
		text string
	}{
		{promo.StoreOwn, "own"},
		{promo.StoreFranchise, "franchise"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.text {
			t.Errorf("String() (-want +got):\n-%s\n+%s", tt.text, got)
		}
		if b, err := tt.kind.MarshalText(); err != nil || string(b) != tt.text {
			t.Errorf("MarshalText() = %q, %v; want %q", b, err, tt.text)
		}
		k := promo.StoreKind(9)
		if err := k.UnmarshalText([]byte(tt.text)); err != nil || k != tt.kind {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tt.text, err, k, tt.kind)
		}
	}
	k := promo.StoreFranchise
	if err := k.UnmarshalText(nil); err != nil || k != promo.StoreOwn {
		t.Errorf("UnmarshalText(empty) = %v, %v; want own", err, k)
	}
	k = promo.StoreFranchise
	if err := k.UnmarshalText([]byte("Franchise")); err == nil || !strings.Contains(err.Error(), `unknown store kind "Franchise"`) || k != promo.StoreFranchise {
		t.Errorf("UnmarshalText(Franchise) = %v, kind %v; want an unknown store kind error and the kind unchanged", err, k)
	}
	if got := promo.StoreKind(9).String(); got != "StoreKind(9)" {
		t.Errorf("StoreKind(9).String() = %q", got)
	}

	// The zero kind is left out of JSON; a franchise is written by name.
	for _, tt := range []struct {
		store promo.Store
		want  string
	}{
		{promo.Store{ID: "l"}, `{"id":"l"}`},
		{promo.Store{ID: "l", Kind: promo.StoreFranchise}, `{"id":"l","kind":"franchise"}`},
	} {
		b, err := json.Marshal(tt.store)
		if err != nil || string(b) != tt.want {
			t.Errorf("json.Marshal(%+v) (-want +got):\n-%s\n+%s (err %v)", tt.store, tt.want, b, err)
		}
	}
}

func TestTextSex(t *testing.T) {
	tests := []struct {
		sex  promo.Sex
		text string
	}{
		{promo.SexUnknown, ""},
		{promo.SexFemale, "female"},
		{promo.SexMale, "male"},
		{promo.SexOther, "other"},
	}
	for _, tt := range tests {
		if got := tt.sex.String(); got != tt.text {
			t.Errorf("String() (-want +got):\n-%s\n+%s", tt.text, got)
		}
		if b, err := tt.sex.MarshalText(); err != nil || string(b) != tt.text {
			t.Errorf("MarshalText() = %q, %v; want %q", b, err, tt.text)
		}
		s := promo.Sex(9)
		if err := s.UnmarshalText([]byte(tt.text)); err != nil || s != tt.sex {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tt.text, err, s, tt.sex)
		}
	}
	for _, bad := range []string{"F", "M", "Female", "unknown"} {
		s := promo.SexMale
		if err := s.UnmarshalText([]byte(bad)); err == nil || !strings.Contains(err.Error(), "unknown sex") || s != promo.SexMale {
			t.Errorf("UnmarshalText(%q) = %v, sex %v; want an unknown sex error and the value unchanged", bad, err, s)
		}
	}
	if got := promo.Sex(9).String(); got != "Sex(9)" {
		t.Errorf("Sex(9).String() = %q", got)
	}
}

func TestLineCountable(t *testing.T) {
	tests := []struct {
		qty     string
		weighed bool
		want    bool
	}{
		{"2", false, true},
		{"2.000", false, true}, // whole, written with decimals
		{"0.735", false, false},
		{"1.5", false, false},
		{"2", true, false}, // sold by weight, though whole
	}
	for _, tt := range tests {
		l := promo.Line{Quantity: testkit.Dec(tt.qty), Weighed: tt.weighed}
		if got := l.Countable(); got != tt.want {
			t.Errorf("Line{Quantity: %s, Weighed: %v}.Countable() = %v, want %v", tt.qty, tt.weighed, got, tt.want)
		}
	}
}

// A line quantity above 1,000,000 and negative history counters and
// budgets are cart errors with their paths.
func TestCartBoundsQuantityAndHistory(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version":1,"campaigns":[
	 {"id":"l3p2","name":"leve 3 pague 2","start":"2026-01-01","rules":{"conditions":[{"kind":"product_code","values":["A"]}]},
	  "benefit":{"on":"items","free_units":{"buy":3,"pay":2}}}]}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		name      string
		lines     string
		history   string
		wantPaths []string // nil: valid
	}{
		// 2^64 + 3 units: beyond int64, where the unit count overflowed.
		{name: "huge quantity", lines: `{"id":"1","product_code":"B","quantity":"1","unit_price":"1.00"},
		 {"id":"2","product_code":"A","quantity":"18446744073709551619","unit_price":"0.01"}`,
			wantPaths: []string{"lines[1].quantity"}},
		{name: "just above the bound", lines: `{"id":"1","product_code":"A","quantity":"1000000.001","unit_price":"0.01"}`,
			wantPaths: []string{"lines[0].quantity"}},
		{name: "negative counter", lines: `{"id":"1","product_code":"A","quantity":"1","unit_price":"1.00"}`,
			history: `"counters":{"ok":"3","k1":"-1"}`, wantPaths: []string{"history.counters.k1"}},
		{name: "negative budget", lines: `{"id":"1","product_code":"A","quantity":"1","unit_price":"1.00"}`,
			history: `"budgets":{"p1":"-0.5","p0":"0"}`, wantPaths: []string{"history.budgets.p1"}},
		{name: "both, counters first", lines: `{"id":"1","product_code":"A","quantity":"1","unit_price":"1.00"}`,
			history:   `"budgets":{"p":"-1"},"counters":{"z":"-2","a":"-1"}`,
			wantPaths: []string{"history.counters.a", "history.counters.z", "history.budgets.p"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js := `{"id":"rg-9","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[` + tc.lines + `]`
			if tc.history != "" {
				js += `,"history":{` + tc.history + `}`
			}
			js += `}`
			var c promo.Cart
			if err := json.Unmarshal([]byte(js), &c); err != nil {
				t.Fatalf("cart: %v", err)
			}
			var got []string
			var res promo.Result
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("Evaluate panicked: %v", r)
					}
				}()
				res, err = promo.Evaluate(c, rs)
			}()
			var ve *promo.ValidationError
			if err != nil {
				if !errors.As(err, &ve) || ve.What != "cart" {
					t.Fatalf("err = %v, want a cart *promo.ValidationError", err)
				}
				for _, p := range ve.Problems {
					got = append(got, p.Path)
				}
			}
			if diff := cmp.Diff(tc.wantPaths, got); diff != "" {
				t.Errorf("problem paths (-want +got):\n%s\n(result: %+v)", diff, res.Totals)
			}
		})
	}

	// At the bound itself the cart is valid: 1,000,000 units of A at 0.01
	// (gross 10,000.00) form floor(1,000,000 / 3) = 333,333 groups of
	// "leve 3 pague 2", each giving one unit free: 333,333 × 0.01 = 3,333.33.
	var c promo.Cart
	if err := json.Unmarshal([]byte(`{"id":"rg-9b","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},
	 "lines":[{"id":"1","product_code":"A","quantity":"1000000","unit_price":"0.01"}]}`), &c); err != nil {
		t.Fatalf("cart: %v", err)
	}
	res := promotest.Evaluate(t, c, rs)
	if diff := cmp.Diff(testkit.Dec("3333.33"), res.Totals.Discount, testkit.EquateDecimals()); diff != "" {
		t.Errorf("discount at the bound (-want +got):\n%s", diff)
	}
}
