package promo

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
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
	if c.Customer != nil && !c.Customer.BirthDate.IsZero() && !c.Time.IsZero() {
		b, d := c.Customer.BirthDate, DateOf(c.Time)
		if b.Year > d.Year || (b.Year == d.Year && (b.Month > d.Month || (b.Month == d.Month && b.Day > d.Day))) {
			add("customer.birth_date", "after the sale's date")
		}
	}
	for i, p := range c.Payments {
		if p.Amount.Sign() < 0 {
			add(fmt.Sprintf("payments[%d].amount", i), "must not be negative")
		}
		if p.Tender == "" {
			add(fmt.Sprintf("payments[%d].tender", i), "required")
		}
	}
	// unique checks that the id of element i of list what is given and
	// not repeated.
	unique := func(seen map[string]int, what string, i int, id string) {
		path := fmt.Sprintf("%s[%d].id", what, i)
		if id == "" {
			add(path, "required")
		} else if j, dup := seen[id]; dup {
			add(path, "duplicate of %s[%d].id %q", what, j, id)
		} else {
			seen[id] = i
		}
	}
	seen := make(map[string]int, len(c.Lines))
	for i := range c.Lines {
		l := &c.Lines[i]
		path := fmt.Sprintf("lines[%d]", i)
		unique(seen, "lines", i, l.ID)
		if l.Quantity.Sign() <= 0 {
			add(path+".quantity", "must be greater than zero")
		} else if l.Quantity.GreaterThan(maxQuantity()) {
			add(path+".quantity", "must be at most %s", maxQuantity())
		}
		if l.UnitPrice.Sign() < 0 {
			add(path+".unit_price", "must not be negative")
		}
		if l.OriginalPrice.Valid && l.OriginalPrice.Decimal.Sign() < 0 {
			add(path+".original_price", "must not be negative")
		}
	}
	exSeen := map[string]int{}
	for i, x := range c.Exchanges {
		path := fmt.Sprintf("exchanges[%d]", i)
		unique(exSeen, "exchanges", i, x.ID)
		if x.Quantity.Sign() <= 0 {
			add(path+".quantity", "must be greater than zero")
		}
		if x.UnitPrice.Sign() < 0 {
			add(path+".unit_price", "must not be negative")
		}
	}
	crSeen := map[string]int{}
	for i, cr := range c.Wallet {
		path := fmt.Sprintf("wallet[%d]", i)
		unique(crSeen, "wallet", i, cr.ID)
		if cr.Remaining.Sign() < 0 {
			add(path+".remaining", "must not be negative")
		}
		if cr.AvailableFrom.IsZero() {
			add(path+".available_from", "required")
		}
		if !cr.ExpiresAt.IsZero() && cr.ExpiresAt.Before(cr.AvailableFrom) {
			add(path+".expires_at", "must not be before available_from")
		}
		if cr.Terms.MinPurchase.Sign() < 0 {
			add(path+".terms.min_purchase", "must not be negative")
		}
		if cr.Terms.MaxRedeemPercent.Sign() < 0 || cr.Terms.MaxRedeemPercent.GreaterThan(decimal.NewFromInt(100)) {
			add(path+".terms.max_redeem_percent", "must be between 0 and 100")
		}
	}
	for _, k := range sortedKeys(c.History.Counters) {
		if c.History.Counters[k].Sign() < 0 {
			add("history.counters."+k, "must not be negative")
		}
	}
	for _, k := range sortedKeys(c.History.Budgets) {
		if c.History.Budgets[k].Sign() < 0 {
			add("history.budgets."+k, "must not be negative")
		}
	}
	if len(c.Wallet) > 0 && c.Customer == nil {
		add("wallet", "a wallet needs an identified customer")
	}
	if !c.Professional.IsZero() && c.Professional.Kind() != CPF {
		add("professional", "must be a CPF")
	}
	if len(ps) > 0 {
		return &ValidationError{What: "cart", Problems: ps}
	}
	return nil
}

// maxQuantity bounds a line's quantity: far beyond any sale, and small
// enough for whole units to be counted in an int64.
func maxQuantity() decimal.Decimal { return decimal.NewFromInt(1_000_000) }

func sortedKeys(m map[string]decimal.Decimal) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
