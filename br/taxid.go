package br

import (
	"fmt"
	"strconv"
)

// TaxIDKind says which register a TaxID belongs to.
type TaxIDKind uint8

const (
	// TaxIDNone is the kind of the zero TaxID.
	TaxIDNone TaxIDKind = iota
	// CPF is the individual taxpayer register (Cadastro de Pessoas Físicas).
	CPF
	// CNPJ is the legal entity register (Cadastro Nacional da Pessoa Jurídica).
	CNPJ
)

// String returns "none", "cpf" or "cnpj"; other values are rendered as
// "TaxIDKind(N)".
func (k TaxIDKind) String() string {
	switch k {
	case TaxIDNone:
		return "none"
	case CPF:
		return "cpf"
	case CNPJ:
		return "cnpj"
	}
	return "TaxIDKind(" + strconv.Itoa(int(k)) + ")"
}

const (
	cpfLen  = 11
	cnpjLen = 14
)

// TaxID is a validated Brazilian taxpayer id: a CPF (11 digits) or a CNPJ
// (14 characters; since July 2026 the first 12 may be letters A-Z or
// digits, the last 2 are always digits).
//
// TaxID is an immutable value type, like netip.Addr: it is comparable with
// == and usable as a map key, and two TaxIDs are equal exactly when they
// denote the same id, however the input was punctuated or cased.
//
// The zero value is "no id": IsZero reports true, Kind returns TaxIDNone and
// String and Format return "". A non-zero TaxID can only be obtained from
// ParseTaxID, MustParseTaxID or UnmarshalText, so it always holds a valid id.
type TaxID struct {
	kind TaxIDKind
	id   string // normalized: no punctuation, uppercase
}

// TaxIDError is the error returned when a tax id cannot be parsed.
type TaxIDError struct {
	// Input is the string that was being parsed, unmodified.
	Input string
	// Reason says what is wrong with Input, e.g. "check digit mismatch" or
	// "unexpected character 'x' at position 3" (0-based byte offset into
	// Input).
	Reason string
}

// Error returns a message of the form
//
//	br: invalid tax id "529.982.247-26": check digit mismatch
func (e *TaxIDError) Error() string {
	return "br: invalid tax id " + strconv.Quote(e.Input) + ": " + e.Reason
}

// ParseTaxID parses s as a CPF or a CNPJ.
//
// Digits and ASCII letters are significant; letters are accepted in either
// case and normalized to uppercase. The punctuation characters '.', '-', '/'
// and ' ' are ignored wherever they appear, so "529.982.247-25",
// "52998224725", "12.ABC.345/01DE-35" and "12abc34501de35" are all accepted.
// The number of significant characters decides the kind: 11 for a CPF, 14
// for a CNPJ.
//
// A CPF must consist of digits only, must not be a single repeated digit,
// and must carry the two mod-11 check digits. A CNPJ may have letters in its
// first 12 positions, must have digits in the last 2, must not be all zeros,
// and must carry the check digits of the 2026 alphanumeric rule (each
// character counts as its ASCII code minus 48).
//
// Errors are of type *TaxIDError.
func ParseTaxID(s string) (TaxID, error) {
	if s == "" {
		return TaxID{}, &TaxIDError{Input: s, Reason: "empty"}
	}

	// Collect the significant characters (uppercased) together with their
	// byte offsets in s. Only the first cnpjLen are stored; the rest are
	// counted, so the length error can report the real length.
	var (
		buf     [cnpjLen]byte
		pos     [cnpjLen]int
		n       int
		letters bool
	)
	for i, r := range s {
		switch {
		case r == '.' || r == '-' || r == '/' || r == ' ':
			continue
		case '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			letters = true
		case 'a' <= r && r <= 'z':
			letters = true
			r -= 'a' - 'A'
		default:
			return TaxID{}, &TaxIDError{Input: s, Reason: fmt.Sprintf("unexpected character %q at position %d", r, i)}
		}
		if n < len(buf) {
			buf[n] = byte(r)
			pos[n] = i
		}
		n++
	}

	switch n {
	case cpfLen:
		id := buf[:cpfLen]
		if letters {
			return TaxID{}, &TaxIDError{Input: s, Reason: "letters are only allowed in a CNPJ"}
		}
		if taxIDAllSame(id) {
			return TaxID{}, &TaxIDError{Input: s, Reason: "repeated digits"}
		}
		d1, d2 := cpfCheckDigits(id[:9])
		if id[9] != d1 || id[10] != d2 {
			return TaxID{}, &TaxIDError{Input: s, Reason: "check digit mismatch"}
		}
		return TaxID{kind: CPF, id: string(id)}, nil

	case cnpjLen:
		id := buf[:cnpjLen]
		for _, j := range [...]int{12, 13} {
			if !isTaxIDDigit(id[j]) {
				return TaxID{}, &TaxIDError{Input: s, Reason: fmt.Sprintf("unexpected character %q at position %d", s[pos[j]], pos[j])}
			}
		}
		if taxIDAllSame(id) && id[0] == '0' {
			return TaxID{}, &TaxIDError{Input: s, Reason: "repeated digits"}
		}
		d1, d2 := cnpjCheckDigits(id[:12])
		if id[12] != d1 || id[13] != d2 {
			return TaxID{}, &TaxIDError{Input: s, Reason: "check digit mismatch"}
		}
		return TaxID{kind: CNPJ, id: string(id)}, nil
	}
	return TaxID{}, &TaxIDError{Input: s, Reason: fmt.Sprintf("length %d, want 11 (CPF) or 14 (CNPJ)", n)}
}

// MustParseTaxID is like ParseTaxID but panics if s is not a valid tax id.
// It is intended for tests and for ids hard-coded in the program.
func MustParseTaxID(s string) TaxID {
	t, err := ParseTaxID(s)
	if err != nil {
		panic(err)
	}
	return t
}

// Kind reports whether t is a CPF or a CNPJ; it returns TaxIDNone for the
// zero TaxID.
func (t TaxID) Kind() TaxIDKind { return t.kind }

// IsZero reports whether t is the zero TaxID ("no id").
func (t TaxID) IsZero() bool { return t.kind == TaxIDNone }

// String returns the normalized id: digits and uppercase letters only, no
// punctuation, e.g. "52998224725" or "12ABC34501DE35". It returns "" for the
// zero TaxID.
func (t TaxID) String() string { return t.id }

// Format returns the id in its conventional punctuated form,
// "529.982.247-25" for a CPF or "12.ABC.345/01DE-35" for a CNPJ. It returns
// "" for the zero TaxID. ParseTaxID accepts the result.
func (t TaxID) Format() string {
	s := t.id
	switch t.kind {
	case CPF:
		return s[0:3] + "." + s[3:6] + "." + s[6:9] + "-" + s[9:11]
	case CNPJ:
		return s[0:2] + "." + s[2:5] + "." + s[5:8] + "/" + s[8:12] + "-" + s[12:14]
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler. It returns the normalized
// form produced by String; the zero TaxID marshals as empty text.
func (t TaxID) MarshalText() ([]byte, error) {
	return []byte(t.id), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. Empty text sets *t to
// the zero TaxID; any other text is parsed with ParseTaxID. On error *t is
// left unchanged.
func (t *TaxID) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = TaxID{}
		return nil
	}
	p, err := ParseTaxID(string(b))
	if err != nil {
		return err
	}
	*t = p
	return nil
}

func isTaxIDDigit(c byte) bool { return '0' <= c && c <= '9' }

func taxIDAllSame(b []byte) bool {
	for _, c := range b[1:] {
		if c != b[0] {
			return false
		}
	}
	return true
}

// taxIDMod11Digit maps a weighted sum to a check digit: 0 if sum mod 11 < 2,
// otherwise 11 - (sum mod 11).
func taxIDMod11Digit(sum int) byte {
	r := sum % 11
	if r < 2 {
		return '0'
	}
	return byte('0' + 11 - r)
}

// cpfCheckDigits returns the two check digits (as ASCII) of a 9-digit CPF
// body. The first uses weights 10..2 over the body, the second 11..2 over
// the body followed by the first check digit.
func cpfCheckDigits(body []byte) (byte, byte) {
	var s1, s2 int
	for i, c := range body {
		v := int(c - '0')
		s1 += v * (10 - i)
		s2 += v * (11 - i)
	}
	d1 := taxIDMod11Digit(s1)
	s2 += int(d1-'0') * 2
	return d1, taxIDMod11Digit(s2)
}

// cnpjCheckDigits returns the two check digits (as ASCII) of a 12-character
// CNPJ body of digits and uppercase letters. Each character is worth its
// ASCII code minus 48; weights run 2..9 cyclically from the right (DV1:
// 5,4,3,2,9,8,7,6,5,4,3,2; DV2: 6,5,4,3,2,9,8,7,6,5,4,3,2 over the body and
// DV1).
func cnpjCheckDigits(body []byte) (byte, byte) {
	var s1, s2 int
	for i, c := range body {
		v := int(c) - '0'
		s1 += v * cnpjWeight(len(body)-1-i)
		s2 += v * cnpjWeight(len(body)-i)
	}
	d1 := taxIDMod11Digit(s1)
	s2 += int(d1-'0') * cnpjWeight(0)
	return d1, taxIDMod11Digit(s2)
}

// cnpjWeight returns the weight for the character k places from the right
// of the summed span (k = 0 is the rightmost).
func cnpjWeight(k int) int { return 2 + k%8 }

// Equal reports whether t and u are the same id (go-cmp uses it).
func (t TaxID) Equal(u TaxID) bool { return t == u }
