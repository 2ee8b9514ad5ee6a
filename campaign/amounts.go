package campaign

import "github.com/shopspring/decimal"

// Dec returns a pointer to the decimal s spells ("12.90", "10"), for the
// optional amounts of the definitions written in Go: MinValue,
// Benefit.Percent, Benefit.Amount, ComboBonus.UnitPrice and the like. It
// panics when s is not a decimal, so it is meant for literals, as MustLoad
// is meant for rulesets known to be valid; ParseDec returns the error
// instead.
//
//	campaign.Benefit{On: campaign.OnSale, Percent: campaign.Dec("10")}
func Dec(s string) *decimal.Decimal {
	d, err := ParseDec(s)
	if err != nil {
		panic(err)
	}
	return d
}

// ParseDec returns a pointer to the decimal s spells, or an error when s is
// not a decimal.
func ParseDec(s string) (*decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// Ptr returns a pointer to a copy of v, for optional fields set from a
// value at hand: a computed decimal (Ptr(price.Mul(factor))) or an age
// bound (Condition.Min: Ptr(60)).
func Ptr[T any](v T) *T { return &v }
