package promo

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

// workPlaces is the precision of intermediate divisions (unit prices and
// proportional shares) before the one rounding to cents.
const workPlaces = 12

// RoundingMode says how an amount is rounded to cents. The zero value is
// HalfEven, the rule of ABNT NBR 5891.
type RoundingMode uint8

const (
	// HalfEven rounds to the nearest cent, ties to the even cent (ABNT NBR 5891).
	HalfEven RoundingMode = iota
	// HalfUp rounds to the nearest cent, ties away from zero.
	HalfUp
	// Truncate drops the fraction of a cent.
	Truncate
)

// String returns the mode's name as written in a ruleset: "half_even",
// "half_up" or "truncate".
func (m RoundingMode) String() string {
	switch m {
	case HalfEven:
		return "half_even"
	case HalfUp:
		return "half_up"
	case Truncate:
		return "truncate"
	}
	return fmt.Sprintf("RoundingMode(%d)", uint8(m))
}

// ParseRoundingMode parses a mode name as returned by String. The empty string
// is HalfEven.
func ParseRoundingMode(s string) (RoundingMode, error) {
	switch s {
	case "", "half_even":
		return HalfEven, nil
	case "half_up":
		return HalfUp, nil
	case "truncate":
		return Truncate, nil
	}
	return HalfEven, fmt.Errorf("unknown rounding mode %q (want half_even, half_up or truncate)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (m RoundingMode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *RoundingMode) UnmarshalText(b []byte) error {
	v, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Round rounds d to cents with the mode.
func (m RoundingMode) Round(d decimal.Decimal) decimal.Decimal {
	if _, whole := centsOf(d); whole {
		return d // already in whole cents: every mode gives it back
	}
	switch m {
	case HalfUp:
		return d.Round(money.CentPlaces)
	case Truncate:
		return d.Truncate(money.CentPlaces)
	default:
		return d.RoundBank(money.CentPlaces)
	}
}

// share returns whole × part / of at working precision (whole when part
// equals of).
func share(whole, part, of decimal.Decimal) decimal.Decimal {
	if part.Equal(of) {
		return whole
	}
	if of.IsZero() {
		return decimal.Zero
	}
	return whole.Mul(part).DivRound(of, workPlaces)
}
