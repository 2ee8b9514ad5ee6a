package br

import (
	"encoding"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

var (
	_ encoding.TextMarshaler   = TaxID{}
	_ encoding.TextUnmarshaler = (*TaxID)(nil)
	_ error                    = (*TaxIDError)(nil)
)

// The reference check-digit implementation below is deliberately written
// differently from the one in taxid.go (explicit weight tables, strings) so
// the tests do not just restate the code under test.

var (
	refCPFWeights1  = []int{10, 9, 8, 7, 6, 5, 4, 3, 2}
	refCPFWeights2  = []int{11, 10, 9, 8, 7, 6, 5, 4, 3, 2}
	refCNPJWeights1 = []int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	refCNPJWeights2 = []int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
)

func refTaxIDDigit(s string, weights []int) string {
	sum := 0
	for i, w := range weights {
		sum += int(s[i]-48) * w // ASCII code minus 48
	}
	r := sum % 11
	if r < 2 {
		return "0"
	}
	return string(rune('0' + 11 - r))
}

// refCPFDigits returns the two check digits of a 9-digit CPF body.
func refCPFDigits(body string) string {
	d1 := refTaxIDDigit(body, refCPFWeights1)
	return d1 + refTaxIDDigit(body+d1, refCPFWeights2)
}

// refCNPJDigits returns the two check digits of a 12-character CNPJ body.
func refCNPJDigits(body string) string {
	d1 := refTaxIDDigit(body, refCNPJWeights1)
	return d1 + refTaxIDDigit(body+d1, refCNPJWeights2)
}

func refCPFValid(s string) bool {
	if len(s) != 11 || strings.Count(s, s[:1]) == 11 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s[9:] == refCPFDigits(s[:9])
}

func refCNPJValid(s string) bool {
	if len(s) != 14 || s == "00000000000000" {
		return false
	}
	for i, c := range s {
		digit := '0' <= c && c <= '9'
		if !digit && (i >= 12 || c < 'A' || c > 'Z') {
			return false
		}
	}
	return s[12:] == refCNPJDigits(s[:12])
}

// TestTaxIDReferenceCheckDigits pins the reference implementation to check
// digits computed by hand from the published rules.
func TestTaxIDReferenceCheckDigits(t *testing.T) {
	tests := []struct {
		body, want string
		cnpj       bool
	}{
		// 5*10+2*9+9*8+9*7+8*6+2*5+2*4+4*3+7*2 = 295, 295%11 = 9 -> 2;
		// 5*11+2*10+9*9+9*8+8*7+2*6+2*5+4*4+7*3+2*2 = 347, 347%11 = 6 -> 5.
		{body: "529982247", want: "25"},
		{body: "001219526", want: "06"},
		{body: "101219526", want: "06"},
		// 1*5+2*4+17*3+18*2+19*9+3*8+4*7+5*6+0*5+1*4+20*3+21*2 = 459,
		// 459%11 = 8 -> 3; with DV1: ... + 3*2 = 424, 424%11 = 6 -> 5.
		{body: "12ABC34501DE", want: "35", cnpj: true},
		{body: "112223330001", want: "81", cnpj: true},
		{body: "G12223330001", want: "81", cnpj: true},
		{body: "AAAAAAAAAAAA", want: "45", cnpj: true},
		{body: "ZZZZZZZZZZZZ", want: "62", cnpj: true},
	}
	for _, tt := range tests {
		got := refCPFDigits
		if tt.cnpj {
			got = refCNPJDigits
		}
		if diff := cmp.Diff(tt.want, got(tt.body)); diff != "" {
			t.Errorf("check digits of %q (-want +got):\n%s", tt.body, diff)
		}
	}
}

func TestTaxIDKindString(t *testing.T) {
	tests := []struct {
		kind TaxIDKind
		want string
	}{
		{TaxIDNone, "none"},
		{CPF, "cpf"},
		{CNPJ, "cnpj"},
		{TaxIDKind(7), "TaxIDKind(7)"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.kind.String()); diff != "" {
			t.Errorf("TaxIDKind(%d).String() (-want +got):\n%s", uint8(tt.kind), diff)
		}
	}
}

// taxIDView exposes a TaxID's observable state for cmp.
type taxIDView struct {
	Kind   TaxIDKind
	String string
	Format string
	IsZero bool
}

func taxIDViewOf(t TaxID) taxIDView {
	return taxIDView{Kind: t.Kind(), String: t.String(), Format: t.Format(), IsZero: t.IsZero()}
}

func TestParseTaxIDValid(t *testing.T) {
	cpf := taxIDView{Kind: CPF, String: "52998224725", Format: "529.982.247-25"}
	cnpjNum := taxIDView{Kind: CNPJ, String: "11222333000181", Format: "11.222.333/0001-81"}
	cnpjAlnum := taxIDView{Kind: CNPJ, String: "12ABC34501DE35", Format: "12.ABC.345/01DE-35"}

	tests := []struct {
		in   string
		want taxIDView
	}{
		{"529.982.247-25", cpf},
		{"52998224725", cpf},
		{" 529 982 247 25 ", cpf},
		{"529/982.247--25", cpf}, // punctuation is ignored wherever it is
		{"001.219.526-06", taxIDView{Kind: CPF, String: "00121952606", Format: "001.219.526-06"}},
		{"11.222.333/0001-81", cnpjNum},
		{"11222333000181", cnpjNum},
		{"12.ABC.345/01DE-35", cnpjAlnum}, // official 2026 example
		{"12ABC34501DE35", cnpjAlnum},
		{"12.abc.345/01de-35", cnpjAlnum}, // lowercase accepted
		{"12aBc34501dE35", cnpjAlnum},
		{"12ABC34501DE35 ", cnpjAlnum},
		{"AA.AAA.AAA/AAAA-45", taxIDView{Kind: CNPJ, String: "AAAAAAAAAAAA45", Format: "AA.AAA.AAA/AAAA-45"}},
		{"zzzzzzzzzzzz62", taxIDView{Kind: CNPJ, String: "ZZZZZZZZZZZZ62", Format: "ZZ.ZZZ.ZZZ/ZZZZ-62"}},
		{"F0.000.000/0000-00", taxIDView{Kind: CNPJ, String: "F0000000000000", Format: "F0.000.000/0000-00"}},
	}
	for _, tt := range tests {
		got, err := ParseTaxID(tt.in)
		if err != nil {
			t.Errorf("ParseTaxID(%q): unexpected error: %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, taxIDViewOf(got)); diff != "" {
			t.Errorf("ParseTaxID(%q) (-want +got):\n%s", tt.in, diff)
		}
		if must := MustParseTaxID(tt.in); must != got {
			t.Errorf("MustParseTaxID(%q) = %v, ParseTaxID = %v", tt.in, must, got)
		}
	}
}

func TestParseTaxIDInvalid(t *testing.T) {
	tests := []struct {
		in, reason string
	}{
		{"", "empty"},
		{"...", "length 0, want 11 (CPF) or 14 (CNPJ)"},
		{"abc", "length 3, want 11 (CPF) or 14 (CNPJ)"},
		{"5299822472", "length 10, want 11 (CPF) or 14 (CNPJ)"},
		{"529982247250", "length 12, want 11 (CPF) or 14 (CNPJ)"},
		{"1122233300018", "length 13, want 11 (CPF) or 14 (CNPJ)"},
		{"12ABC34501DE35X", "length 15, want 11 (CPF) or 14 (CNPJ)"},
		{strings.Repeat("1", 40), "length 40, want 11 (CPF) or 14 (CNPJ)"},

		{"529.982.247_25", "unexpected character '_' at position 11"},
		{"529,982,247-25", "unexpected character ',' at position 3"},
		{"5299822472\t5", "unexpected character '\\t' at position 10"},
		{"52998224é25", "unexpected character 'é' at position 8"}, // byte offset
		{"+5299822472", "unexpected character '+' at position 0"},
		{"12.ABC.345/01DE-3A", "unexpected character 'A' at position 17"},
		{"12.ABC.345/01DE-a5", "unexpected character 'a' at position 16"},
		{"12ABC34501DEX5", "unexpected character 'X' at position 12"},

		{"529.982.24A-25", "letters are only allowed in a CNPJ"},
		{"a2998224725", "letters are only allowed in a CNPJ"},

		{"000.000.000-00", "repeated digits"},
		{"111.111.111-11", "repeated digits"},
		{"99999999999", "repeated digits"},
		{"00.000.000/0000-00", "repeated digits"},

		{"529.982.247-26", "check digit mismatch"},
		{"529.982.247-15", "check digit mismatch"},
		{"529.982.247-52", "check digit mismatch"},
		{"529.982.248-25", "check digit mismatch"},
		{"11.222.333/0001-82", "check digit mismatch"},
		{"11.222.333/0001-18", "check digit mismatch"},
		{"12.ABC.345/01DE-36", "check digit mismatch"},
		{"12.ABD.345/01DE-35", "check digit mismatch"},
		{"11.111.111/1111-11", "check digit mismatch"},
	}
	for _, tt := range tests {
		got, err := ParseTaxID(tt.in)
		var te *TaxIDError
		if !errors.As(err, &te) {
			t.Errorf("ParseTaxID(%q) = %v, %v; want *TaxIDError", tt.in, got, err)
			continue
		}
		if diff := cmp.Diff(&TaxIDError{Input: tt.in, Reason: tt.reason}, te); diff != "" {
			t.Errorf("ParseTaxID(%q) error (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(TaxID{}, got, cmp.AllowUnexported(TaxID{})); diff != "" {
			t.Errorf("ParseTaxID(%q) value on error (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestTaxIDErrorMessage(t *testing.T) {
	_, err := ParseTaxID("529.982.247-26")
	want := `br: invalid tax id "529.982.247-26": check digit mismatch`
	if err == nil {
		t.Fatalf("ParseTaxID: got nil error, want %q", want)
	}
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Error() (-want +got):\n%s", diff)
	}
}

func TestMustParseTaxIDPanics(t *testing.T) {
	defer func() {
		r := recover()
		var te *TaxIDError
		if err, ok := r.(error); !ok || !errors.As(err, &te) {
			t.Fatalf("MustParseTaxID panicked with %#v, want a *TaxIDError", r)
		}
		if diff := cmp.Diff(&TaxIDError{Input: "123", Reason: "length 3, want 11 (CPF) or 14 (CNPJ)"}, te); diff != "" {
			t.Errorf("panic value (-want +got):\n%s", diff)
		}
	}()
	MustParseTaxID("123")
}

func TestTaxIDZero(t *testing.T) {
	var z TaxID
	want := taxIDView{Kind: TaxIDNone, String: "", Format: "", IsZero: true}
	if diff := cmp.Diff(want, taxIDViewOf(z)); diff != "" {
		t.Errorf("zero TaxID (-want +got):\n%s", diff)
	}
	b, err := z.MarshalText()
	if err != nil || len(b) != 0 {
		t.Errorf("zero TaxID MarshalText() = %q, %v; want empty, nil", b, err)
	}
	if MustParseTaxID("52998224725").IsZero() {
		t.Error("parsed CPF reports IsZero")
	}
}

// TestTaxIDEquality checks that TaxIDs are comparable values that ignore
// punctuation and case.
func TestTaxIDEquality(t *testing.T) {
	if MustParseTaxID("529.982.247-25") != MustParseTaxID(" 52998224725") {
		t.Error("same CPF with different punctuation compares unequal")
	}
	if MustParseTaxID("12.abc.345/01de-35") != MustParseTaxID("12ABC34501DE35") {
		t.Error("same CNPJ with different case compares unequal")
	}
	if MustParseTaxID("52998224725") == MustParseTaxID("11222333000181") {
		t.Error("different ids compare equal")
	}
	m := map[TaxID]int{MustParseTaxID("12ABC34501DE35"): 1}
	if m[MustParseTaxID("12.abc.345/01DE-35")] != 1 {
		t.Error("TaxID does not work as a map key")
	}
}

func TestTaxIDFormatRoundTrip(t *testing.T) {
	for _, in := range []string{"52998224725", "00121952606", "11222333000181", "12abc34501de35", "F0000000000000"} {
		id := MustParseTaxID(in)
		back, err := ParseTaxID(id.Format())
		if err != nil {
			t.Errorf("ParseTaxID(%q.Format() = %q): %v", in, id.Format(), err)
			continue
		}
		if diff := cmp.Diff(id, back, cmp.AllowUnexported(TaxID{})); diff != "" {
			t.Errorf("Format round trip of %q (-want +got):\n%s", in, diff)
		}
	}
}

func TestTaxIDTextRoundTrip(t *testing.T) {
	tests := []struct {
		id   TaxID
		text string
	}{
		{TaxID{}, ""},
		{MustParseTaxID("529.982.247-25"), "52998224725"},
		{MustParseTaxID("11.222.333/0001-81"), "11222333000181"},
		{MustParseTaxID("12.abc.345/01de-35"), "12ABC34501DE35"},
	}
	for _, tt := range tests {
		b, err := tt.id.MarshalText()
		if err != nil {
			t.Errorf("%v.MarshalText(): %v", tt.id, err)
			continue
		}
		if diff := cmp.Diff(tt.text, string(b)); diff != "" {
			t.Errorf("MarshalText(%v) (-want +got):\n%s", tt.id, diff)
		}
		got := MustParseTaxID("00121952606") // non-zero, to see it overwritten
		if err := got.UnmarshalText(b); err != nil {
			t.Errorf("UnmarshalText(%q): %v", b, err)
			continue
		}
		if diff := cmp.Diff(tt.id, got, cmp.AllowUnexported(TaxID{})); diff != "" {
			t.Errorf("text round trip of %q (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestTaxIDUnmarshalTextError(t *testing.T) {
	orig := MustParseTaxID("52998224725")
	got := orig
	err := got.UnmarshalText([]byte("529.982.247-26"))
	var te *TaxIDError
	if !errors.As(err, &te) {
		t.Fatalf("UnmarshalText: got error %v, want *TaxIDError", err)
	}
	if diff := cmp.Diff(orig, got, cmp.AllowUnexported(TaxID{})); diff != "" {
		t.Errorf("UnmarshalText modified the receiver on error (-want +got):\n%s", diff)
	}
}

func TestTaxIDJSON(t *testing.T) {
	type doc struct {
		Buyer  TaxID `json:"buyer"`
		Seller TaxID `json:"seller"`
	}
	in := doc{Buyer: MustParseTaxID("529.982.247-25")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"buyer":"52998224725","seller":""}`, string(b)); diff != "" {
		t.Errorf("json.Marshal (-want +got):\n%s", diff)
	}
	var out doc
	if err := json.Unmarshal([]byte(`{"buyer":"529.982.247-25","seller":""}`), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out, cmp.AllowUnexported(TaxID{})); diff != "" {
		t.Errorf("json round trip (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"buyer":"12.ABC.345/01DE-36"}`), &out); err == nil {
		t.Error("json.Unmarshal accepted a bad check digit")
	}
}

// TestTaxIDSingleChangeBlindSpots documents single-character changes that
// mod-11 check digits cannot detect. They are properties of the official
// algorithms, not bugs: ParseTaxID must accept both ids of each pair, because
// both carry correct check digits.
func TestTaxIDSingleChangeBlindSpots(t *testing.T) {
	pairs := [][2]string{
		// CPF: when the first check digit is 0, the remainders 0 and 1 both
		// map to it, so e.g. a +-1 change of the first digit can go unnoticed
		// (its weight in the second sum is 11, i.e. 0 mod 11).
		{"001.219.526-06", "101.219.526-06"},
		// CNPJ: characters whose values differ by a multiple of 11 leave both
		// weighted sums unchanged mod 11: '1' = 1 and 'G' = 23.
		{"11.222.333/0001-81", "G1.222.333/0001-81"},
		// Likewise '4' = 4 and 'J' = 26.
		{"12.ABC.345/01DE-35", "12.ABC.3J5/01DE-35"},
	}
	for _, p := range pairs {
		for _, s := range p {
			if _, err := ParseTaxID(s); err != nil {
				t.Errorf("ParseTaxID(%q): %v", s, err)
			}
		}
	}
	// A difference that is not a multiple of 11 is detected: '4' -> 'F' = 22.
	if _, err := ParseTaxID("12.ABC.3F5/01DE-35"); err == nil {
		t.Error(`ParseTaxID("12.ABC.3F5/01DE-35") succeeded; want check digit mismatch`)
	}
}

// taxIDMutate returns s with position i replaced by c.
func taxIDMutate(s string, i int, c byte) string {
	b := []byte(s)
	b[i] = c
	return string(b)
}

const (
	taxIDDigitChars = "0123456789"
	taxIDAlnumChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

// TestTaxIDPropertyCPF: a 9-digit body followed by its computed check digits
// always parses (unless it is a repeated digit), and a single-digit change
// is rejected exactly when the reference rules say the result is invalid.
// A change is always rejected if it hits a check digit or if the first check
// digit is not 0; the undetectable cases (first check digit 0, remainder
// moving between 0 and 1) are covered in TestTaxIDSingleChangeBlindSpots.
func TestTaxIDPropertyCPF(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bodyDigits := rapid.SliceOfN(rapid.SampledFrom([]byte(taxIDDigitChars)), 9, 9).Draw(t, "body")
		body := string(bodyDigits)
		s := body + refCPFDigits(body)

		id, err := ParseTaxID(s)
		if strings.Count(s, s[:1]) == len(s) {
			var te *TaxIDError
			if !errors.As(err, &te) || te.Reason != "repeated digits" {
				t.Fatalf("ParseTaxID(%q) = %v, %v; want repeated digits error", s, id, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("ParseTaxID(%q): %v", s, err)
		}
		want := taxIDView{Kind: CPF, String: s, Format: s[:3] + "." + s[3:6] + "." + s[6:9] + "-" + s[9:]}
		if diff := cmp.Diff(want, taxIDViewOf(id)); diff != "" {
			t.Fatalf("ParseTaxID(%q) (-want +got):\n%s", s, diff)
		}
		if back, err := ParseTaxID(id.Format()); err != nil || back != id {
			t.Fatalf("ParseTaxID(%q) = %v, %v; want %v", id.Format(), back, err, id)
		}

		i := rapid.IntRange(0, 10).Draw(t, "pos")
		c := rapid.SampledFrom([]byte(strings.Replace(taxIDDigitChars, s[i:i+1], "", 1))).Draw(t, "digit")
		m := taxIDMutate(s, i, c)
		_, err = ParseTaxID(m)
		if ok, want := err == nil, refCPFValid(m); ok != want {
			t.Fatalf("ParseTaxID(%q) accepted=%v, reference says valid=%v (err %v)", m, ok, want, err)
		}
		if err == nil && (i >= 9 || s[9] != '0') {
			t.Fatalf("ParseTaxID(%q) accepted a single-digit change of valid %q at position %d", m, s, i)
		}
	})
}

// TestTaxIDPropertyCNPJ: a 12-character alphanumeric body followed by its
// computed check digits always parses (unless all zero), in upper or lower
// case, and a single-character change is rejected exactly when the reference
// rules say the result is invalid. A change is always rejected if it hits a
// check digit, or if the first check digit is not 0 and the character values
// differ by something other than a multiple of 11; a change by a multiple of
// 11 is never detected by the algorithm.
func TestTaxIDPropertyCNPJ(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bodyChars := rapid.SliceOfN(rapid.SampledFrom([]byte(taxIDAlnumChars)), 12, 12).Draw(t, "body")
		body := string(bodyChars)
		s := body + refCNPJDigits(body)

		id, err := ParseTaxID(s)
		if s == "00000000000000" {
			var te *TaxIDError
			if !errors.As(err, &te) || te.Reason != "repeated digits" {
				t.Fatalf("ParseTaxID(%q) = %v, %v; want repeated digits error", s, id, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("ParseTaxID(%q): %v", s, err)
		}
		want := taxIDView{Kind: CNPJ, String: s, Format: s[:2] + "." + s[2:5] + "." + s[5:8] + "/" + s[8:12] + "-" + s[12:]}
		if diff := cmp.Diff(want, taxIDViewOf(id)); diff != "" {
			t.Fatalf("ParseTaxID(%q) (-want +got):\n%s", s, diff)
		}
		for _, v := range []string{strings.ToLower(s), id.Format(), strings.ToLower(id.Format())} {
			if back, err := ParseTaxID(v); err != nil || back != id {
				t.Fatalf("ParseTaxID(%q) = %v, %v; want %v", v, back, err, id)
			}
		}

		i := rapid.IntRange(0, 13).Draw(t, "pos")
		c := rapid.SampledFrom([]byte(strings.Replace(taxIDAlnumChars, s[i:i+1], "", 1))).Draw(t, "char")
		m := taxIDMutate(s, i, c)
		_, err = ParseTaxID(m)
		if ok, want := err == nil, refCNPJValid(m); ok != want {
			t.Fatalf("ParseTaxID(%q) accepted=%v, reference says valid=%v (err %v)", m, ok, want, err)
		}
		delta := int(c) - int(s[i])
		switch {
		case i >= 12 || (s[12] != '0' && delta%11 != 0):
			if err == nil {
				t.Fatalf("ParseTaxID(%q) accepted a single-character change of valid %q at position %d", m, s, i)
			}
		case delta%11 == 0 && m != "00000000000000":
			if err != nil {
				t.Fatalf("ParseTaxID(%q): %v; a change by a multiple of 11 keeps the check digits", m, err)
			}
		}
	})
}
