package promo

import (
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/internal/bounds"
)

// ValidateCart checks a cart before evaluation under the default limits
// (DefaultLimits) and returns a *ValidationError that names every problem
// by its JSON path, or nil. Evaluate checks a cart under its ruleset's
// limits.
func ValidateCart(c *Cart) error { return validateCart(c, DefaultLimits()) }

// cartChecker collects the problems of a cart.
type cartChecker struct {
	ps  []Problem
	lim Limits
}

func (v *cartChecker) add(path, format string, args ...any) {
	v.ps = append(v.ps, Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
}

// id checks an id or a code: valid UTF-8, at most MaxIDLength bytes.
func (v *cartChecker) id(path, s string) {
	if len(s) > v.lim.MaxIDLength {
		v.add(path, "%d bytes: at most %d (settings.limits.max_id_length)", len(s), v.lim.MaxIDLength)
	} else if !utf8.ValidString(s) {
		v.add(path, "not valid UTF-8")
	}
}

// text checks any other text: valid UTF-8, at most MaxTextLength bytes.
func (v *cartChecker) text(path, s string) {
	if len(s) > v.lim.MaxTextLength {
		v.add(path, "%d bytes: at most %d (settings.limits.max_text_length)", len(s), v.lim.MaxTextLength)
	} else if !utf8.ValidString(s) {
		v.add(path, "not valid UTF-8")
	}
}

// count checks the length of a list; false when it is over its limit (its
// elements are then not looked at).
func (v *cartChecker) count(path string, n, max int, what, setting string) bool {
	if n > max {
		v.add(path, "%d %s: at most %d (settings.limits.%s)", n, what, max, setting)
		return false
	}
	return true
}

// amount checks a decimal of the given kind; false when it is refused.
func (v *cartChecker) amount(path string, d decimal.Decimal, k bounds.Kind) bool {
	if why := k.Check(d); why != "" {
		v.add(path, "%s", why)
		return false
	}
	return true
}

func validateCart(c *Cart, lim Limits) error {
	v := &cartChecker{lim: lim.Resolve()}
	lim = v.lim
	if c.ID == "" {
		v.add("id", "required")
	}
	v.id("id", c.ID)
	if c.Time.IsZero() {
		v.add("time", "required: the instant of the sale with its offset")
	}
	v.id("store.id", c.Store.ID)
	v.id("sale_category", c.SaleCategory)
	if cu := c.Customer; cu != nil {
		if cu.ID == "" {
			v.add("customer.id", "required when there is a customer")
		}
		v.id("customer.id", cu.ID)
		v.id("customer.tier", cu.Tier)
		if v.count("customer.groupings", len(cu.Groupings), lim.MaxCodes, "groupings", "max_codes") {
			for i, g := range cu.Groupings {
				v.id("customer.groupings["+strconv.Itoa(i)+"]", g)
			}
		}
		if v.count("customer.captured", len(cu.Captured), lim.MaxCodes, "captured fields", "max_codes") {
			for _, k := range sortedKeys(cu.Captured) {
				v.id("customer.captured", k)
				v.text("customer.captured."+k, cu.Captured[k])
			}
		}
		if !cu.BirthDate.IsZero() && !c.Time.IsZero() {
			b, d := cu.BirthDate, DateOf(c.Time)
			if b.Year > d.Year || (b.Year == d.Year && (b.Month > d.Month || (b.Month == d.Month && b.Day > d.Day))) {
				v.add("customer.birth_date", "after the sale's date")
			}
		}
	}
	if f := c.Freight; f != nil {
		v.amount("freight.amount", f.Amount, bounds.Money)
		v.id("freight.method", f.Method)
	}
	if v.count("payments", len(c.Payments), lim.MaxPayments, "payments", "max_payments") {
		for i, p := range c.Payments {
			path := "payments[" + strconv.Itoa(i) + "]"
			v.amount(path+".amount", p.Amount, bounds.Money)
			if p.Tender == "" {
				v.add(path+".tender", "required")
			}
			v.id(path+".tender", p.Tender)
			v.id(path+".bin", p.BIN)
		}
	}
	if v.count("promo_codes", len(c.PromoCodes), lim.MaxCodes, "codes", "max_codes") {
		for i, s := range c.PromoCodes {
			v.id("promo_codes["+strconv.Itoa(i)+"]", s)
		}
	}
	if v.count("accepted_offers", len(c.AcceptedOffers), lim.MaxCodes, "offers", "max_codes") {
		for i, s := range c.AcceptedOffers {
			v.id("accepted_offers["+strconv.Itoa(i)+"]", s)
		}
	}
	// unique checks that the id of element i of list what is given and
	// not repeated.
	unique := func(seen map[string]int, what string, i int, id string) {
		path := what + "[" + strconv.Itoa(i) + "].id"
		switch j, dup := seen[id]; {
		case id == "":
			v.add(path, "required")
		case dup:
			v.add(path, "duplicate of %s[%d].id %q", what, j, id)
		default:
			seen[id] = i
		}
		v.id(path, id)
	}
	if v.count("lines", len(c.Lines), lim.MaxLines, "lines", "max_lines") {
		seen := make(map[string]int, len(c.Lines))
		for i := range c.Lines {
			l := &c.Lines[i]
			path := "lines[" + strconv.Itoa(i) + "]"
			unique(seen, "lines", i, l.ID)
			v.amount(path+".quantity", l.Quantity, bounds.Quantity)
			v.amount(path+".unit_price", l.UnitPrice, bounds.UnitPrice)
			if l.OriginalPrice.Valid {
				v.amount(path+".original_price", l.OriginalPrice.Decimal, bounds.UnitPrice)
			}
			for _, f := range [...]struct{ name, s string }{
				{"product_code", l.ProductCode}, {"sku", l.SKU}, {"ean", l.EAN}, {"ncm", l.NCM}, {"category", l.Category},
				{"brand", l.Brand}, {"line", l.ProductLine}, {"manufacturer", l.Manufacturer}, {"family", l.Family}, {"role", l.Role},
			} {
				if f.s != "" {
					v.id(path+"."+f.name, f.s)
				}
			}
			if len(l.Attributes) > 0 && v.count(path+".attributes", len(l.Attributes), lim.MaxCodes, "attributes", "max_codes") {
				for _, k := range sortedKeys(l.Attributes) {
					v.id(path+".attributes", k)
					v.text(path+".attributes."+k, l.Attributes[k])
				}
			}
		}
	}
	if v.count("exchanges", len(c.Exchanges), lim.MaxExchanges, "exchange items", "max_exchanges") {
		seen := map[string]int{}
		for i, x := range c.Exchanges {
			path := "exchanges[" + strconv.Itoa(i) + "]"
			unique(seen, "exchanges", i, x.ID)
			v.id(path+".product_code", x.ProductCode)
			v.amount(path+".quantity", x.Quantity, bounds.Quantity)
			v.amount(path+".unit_price", x.UnitPrice, bounds.UnitPrice)
		}
	}
	if v.count("wallet", len(c.Wallet), lim.MaxCredits, "credits", "max_credits") {
		seen := map[string]int{}
		for i, cr := range c.Wallet {
			path := "wallet[" + strconv.Itoa(i) + "]"
			unique(seen, "wallet", i, cr.ID)
			v.id(path+".campaign", cr.Campaign)
			v.id(path+".store", cr.Store)
			v.amount(path+".remaining", cr.Remaining, bounds.Money)
			if cr.AvailableFrom.IsZero() {
				v.add(path+".available_from", "required")
			}
			if !cr.ExpiresAt.IsZero() && cr.ExpiresAt.Before(cr.AvailableFrom) {
				v.add(path+".expires_at", "must not be before available_from")
			}
			v.amount(path+".terms.min_purchase", cr.Terms.MinPurchase, bounds.Money)
			v.amount(path+".terms.max_redeem_percent", cr.Terms.MaxRedeemPercent, bounds.Percent)
		}
	}
	h := &c.History
	if v.count("history", len(h.Counters)+len(h.Budgets)+len(h.UsedCodes), lim.MaxHistory,
		"entries (counters, budgets and used codes)", "max_history") {
		for _, k := range sortedKeys(h.Counters) {
			v.text("history.counters", k)
			v.amount("history.counters."+k, h.Counters[k], bounds.Count)
		}
		for _, k := range sortedKeys(h.Budgets) {
			v.text("history.budgets", k)
			v.amount("history.budgets."+k, h.Budgets[k], bounds.Count)
		}
		for i, s := range h.UsedCodes {
			v.id("history.used_codes["+strconv.Itoa(i)+"]", s)
		}
	}
	if len(c.Wallet) > 0 && c.Customer == nil {
		v.add("wallet", "a wallet needs an identified customer")
	}
	if !c.Professional.IsZero() && c.Professional.Kind() != CPF {
		v.add("professional", "must be a CPF")
	}
	if len(v.ps) > 0 {
		return &ValidationError{What: "cart", Problems: v.ps}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
