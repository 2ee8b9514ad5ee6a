package promo

import (
	"fmt"
)

// ValidateCart checks a cart before evaluation and returns a
// *ValidationError that names every problem by its JSON path, or nil.
func ValidateCart(c *Cart) error {
	var ps []Problem
	add := func(path, format string, args ...any) {
		ps = append(ps, Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
	}
	if c.ID == "" {
		add("id", "required")
	}
	if c.Time.IsZero() {
		add("time", "required: the instant of the sale with its offset")
	}
	if c.Customer != nil && c.Customer.ID == "" {
		add("customer.id", "required when there is a customer")
	}
	for i, p := range c.Payments {
		if p.Amount.Sign() < 0 {
			add(fmt.Sprintf("payments[%d].amount", i), "must not be negative")
		}
		if p.Tender == "" {
			add(fmt.Sprintf("payments[%d].tender", i), "required")
		}
	}
	seen := make(map[string]int, len(c.Lines))
	for i := range c.Lines {
		l := &c.Lines[i]
		path := fmt.Sprintf("lines[%d]", i)
		if l.ID == "" {
			add(path+".id", "required")
		} else if j, dup := seen[l.ID]; dup {
			add(path+".id", "duplicate of lines[%d].id %q", j, l.ID)
		} else {
			seen[l.ID] = i
		}
		if l.Quantity.Sign() <= 0 {
			add(path+".quantity", "must be greater than zero")
		}
		if l.UnitPrice.Sign() < 0 {
			add(path+".unit_price", "must not be negative")
		}
		if l.OriginalPrice.Valid && l.OriginalPrice.Decimal.Sign() < 0 {
			add(path+".original_price", "must not be negative")
		}
	}
	if len(ps) > 0 {
		return &ValidationError{What: "cart", Problems: ps}
	}
	return nil
}
