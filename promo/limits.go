package promo

import "fmt"

// Limits bound the size of a cart. A wrapping service or a POS receives
// carts from other systems: every cart over a limit is refused, with the
// path and the limit, before any promotion is looked at.
//
// The zero value of a field means its default (DefaultLimits); a ruleset
// may raise a limit up to its ceiling (CeilingLimits) in its settings
// (settings.limits in the JSON format). The bounds of the values
// themselves (money, unit prices, quantities, decimal places) are fixed by
// the NFC-e and documented in the format reference.
type Limits struct {
	// MaxLines is the number of lines of a cart.
	MaxLines int `json:"max_lines,omitempty"`
	// MaxExchanges is the number of exchange items (troca).
	MaxExchanges int `json:"max_exchanges,omitempty"`
	// MaxPayments is the number of payments (finalizadoras).
	MaxPayments int `json:"max_payments,omitempty"`
	// MaxCodes is the number of promo codes presented, and of offers
	// accepted.
	MaxCodes int `json:"max_codes,omitempty"`
	// MaxCredits is the number of cashback credits in the wallet.
	MaxCredits int `json:"max_credits,omitempty"`
	// MaxHistory is the number of entries of the history: counters,
	// budgets and used codes together.
	MaxHistory int `json:"max_history,omitempty"`
	// MaxIDLength is the length in bytes of an id or a code: the cart's,
	// the lines', the products', a customer token, a tender, a promo code;
	// and of the ids and codes of a ruleset.
	MaxIDLength int `json:"max_id_length,omitempty"`
	// MaxTextLength is the length in bytes of any other text: attribute
	// values, captured fields, history keys; names and descriptions of a
	// ruleset.
	MaxTextLength int `json:"max_text_length,omitempty"`
	// MaxCartBytes is the size of a cart document (DecodeCart).
	MaxCartBytes int `json:"max_cart_bytes,omitempty"`
}

// DefaultLimits returns the limits of a ruleset that sets none: a cart of
// 1 MiB, 1,000 lines, 100 exchange items, 20 payments, 50 codes, 100
// credits, 10,000 history entries, ids of 128 bytes and texts of 1,000.
func DefaultLimits() Limits {
	return Limits{MaxLines: 1000, MaxExchanges: 100, MaxPayments: 20, MaxCodes: 50,
		MaxCredits: 100, MaxHistory: 10_000, MaxIDLength: 128, MaxTextLength: 1000, MaxCartBytes: 1 << 20}
}

// CeilingLimits returns the most a ruleset may raise each limit to: a cart
// of 16 MiB, 10,000 lines, 1,000 exchange items, 100 payments, 1,000
// codes, 1,000 credits, 100,000 history entries, ids of 1,024 bytes and
// texts of 65,536.
func CeilingLimits() Limits {
	return Limits{MaxLines: 10_000, MaxExchanges: 1000, MaxPayments: 100, MaxCodes: 1000,
		MaxCredits: 1000, MaxHistory: 100_000, MaxIDLength: 1024, MaxTextLength: 65_536, MaxCartBytes: 16 << 20}
}

// limitFields lists the limits with their JSON names, for checks and
// defaults.
func (l *Limits) fields() []struct {
	name string
	v    *int
} {
	return []struct {
		name string
		v    *int
	}{
		{"max_lines", &l.MaxLines}, {"max_exchanges", &l.MaxExchanges}, {"max_payments", &l.MaxPayments},
		{"max_codes", &l.MaxCodes}, {"max_credits", &l.MaxCredits}, {"max_history", &l.MaxHistory},
		{"max_id_length", &l.MaxIDLength}, {"max_text_length", &l.MaxTextLength}, {"max_cart_bytes", &l.MaxCartBytes},
	}
}

// Resolve returns the limits with every zero field set to its default.
func (l Limits) Resolve() Limits {
	def := DefaultLimits()
	fs, ds := l.fields(), def.fields()
	for i := range fs {
		if *fs[i].v == 0 {
			*fs[i].v = *ds[i].v
		}
	}
	return l
}

// Check returns the problems of the limits themselves, at path (such as
// "settings.limits"): a negative limit, or one above its ceiling.
func (l Limits) Check(path string) []Problem {
	var ps []Problem
	ceil := CeilingLimits()
	fs, cs := l.fields(), ceil.fields()
	for i := range fs {
		p := path + "." + fs[i].name
		switch v := *fs[i].v; {
		case v < 0:
			ps = append(ps, Problem{Path: p, Reason: "must not be negative"})
		case v > *cs[i].v:
			ps = append(ps, Problem{Path: p, Reason: fmt.Sprintf("must be at most %d (its ceiling)", *cs[i].v)})
		}
	}
	return ps
}
