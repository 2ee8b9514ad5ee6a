package promo

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
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

// path is the JSON path of a value of a cart, written out only when the
// value has a problem: base, then [i] when i >= 0, then .field and .key
// when not empty.
type path struct {
	base       string
	i          int
	field, key string
}

// at is the path of a field outside any list.
func at(base string) path { return path{base: base, i: -1} }

// elem is the path of field of element i of a list.
func elem(list string, i int, field string) path { return path{base: list, i: i, field: field} }

func (p path) String() string {
	s := p.base
	if p.i >= 0 {
		s += "[" + strconv.Itoa(p.i) + "]"
	}
	if p.field != "" {
		s += "." + p.field
	}
	if p.key != "" {
		s += "." + p.key
	}
	return s
}

func (v *cartChecker) add(p path, format string, args ...any) {
	v.ps = append(v.ps, Problem{Path: p.String(), Reason: fmt.Sprintf(format, args...)})
}

// id checks an id or a code: valid UTF-8, at most MaxIDLength bytes.
func (v *cartChecker) id(p path, s string) {
	if len(s) > v.lim.MaxIDLength {
		v.add(p, "%d bytes: at most %d (settings.limits.max_id_length)", len(s), v.lim.MaxIDLength)
	} else if !utf8.ValidString(s) {
		v.add(p, "not valid UTF-8")
	}
}

// text checks any other text: valid UTF-8, at most MaxTextLength bytes.
func (v *cartChecker) text(p path, s string) {
	if len(s) > v.lim.MaxTextLength {
		v.add(p, "%d bytes: at most %d (settings.limits.max_text_length)", len(s), v.lim.MaxTextLength)
	} else if !utf8.ValidString(s) {
		v.add(p, "not valid UTF-8")
	}
}

// count checks the length of a list; false when it is over its limit (its
// elements are then not looked at).
func (v *cartChecker) count(p path, n, max int, what, setting string) bool {
	if n > max {
		v.add(p, "%d %s: at most %d (settings.limits.%s)", n, what, max, setting)
		return false
	}
	return true
}

// amount checks a decimal of the given kind; false when it is refused.
func (v *cartChecker) amount(p path, d decimal.Decimal, k bounds.Kind) bool {
	if why := k.Check(d); why != "" {
		v.add(p, "%s", why)
		return false
	}
	return true
}

// codes checks a list of ids or codes.
func (v *cartChecker) codes(list string, ss []string, what string) {
	if v.count(at(list), len(ss), v.lim.MaxCodes, what, "max_codes") {
		for i, s := range ss {
			v.id(elem(list, i, ""), s)
		}
	}
}

// texts checks a map of texts by key (captured fields, attributes): at
// most MaxCodes entries, each key an id and each value a text.
func (v *cartChecker) texts(p path, m map[string]string, what string) {
	if !v.count(p, len(m), v.lim.MaxCodes, what, "max_codes") {
		return
	}
	for _, k := range sortedKeys(m) {
		v.id(p, k)
		kp := p
		kp.key = k
		v.text(kp, m[k])
	}
}

// unique checks that the id of element i of list is given and not
// repeated (seen maps the ids met so far to their element; nil when the
// ids are known to be distinct).
func (v *cartChecker) unique(seen map[string]int, list string, i int, id string) {
	p := elem(list, i, "id")
	switch j, dup := seen[id]; {
	case id == "":
		v.add(p, "required")
	case dup:
		v.add(p, "duplicate of %s[%d].id %q", list, j, id)
	case seen != nil:
		seen[id] = i
	}
	v.id(p, id)
}

func validateCart(c *Cart, lim Limits) error {
	v := &cartChecker{lim: lim.Resolve()}
	if c.ID == "" {
		v.add(at("id"), "required")
	}
	v.id(at("id"), c.ID)
	if c.Time.IsZero() {
		v.add(at("time"), "required: the instant of the sale with its offset")
	}
	v.id(at("store.id"), c.Store.ID)
	v.id(at("sale_category"), c.SaleCategory)
	if c.Customer != nil {
		v.customer(c.Customer, c.Time)
	}
	if f := c.Freight; f != nil {
		v.amount(at("freight.amount"), f.Amount, bounds.Money)
		v.id(at("freight.method"), f.Method)
	}
	v.payments(c.Payments)
	v.codes("promo_codes", c.PromoCodes, "codes")
	v.codes("accepted_offers", c.AcceptedOffers, "offers")
	v.lines(c.Lines)
	v.exchanges(c.Exchanges)
	v.wallet(c.Wallet)
	v.history(&c.History)
	if len(c.Wallet) > 0 && c.Customer == nil {
		v.add(at("wallet"), "a wallet needs an identified customer")
	}
	if !c.Professional.IsZero() && c.Professional.Kind() != br.CPF {
		v.add(at("professional"), "must be a CPF")
	}
	if len(v.ps) > 0 {
		return &ValidationError{What: "cart", Problems: v.ps}
	}
	return nil
}

// customer checks the customer of a sale made at instant t.
func (v *cartChecker) customer(cu *Customer, t time.Time) {
	if cu.ID == "" {
		v.add(at("customer.id"), "required when there is a customer")
	}
	v.id(at("customer.id"), cu.ID)
	v.id(at("customer.tier"), cu.Tier)
	v.codes("customer.groupings", cu.Groupings, "groupings")
	v.texts(at("customer.captured"), cu.Captured, "captured fields")
	if !cu.BirthDate.IsZero() && !t.IsZero() {
		b, d := cu.BirthDate, br.DateOf(t)
		if b.Year > d.Year || (b.Year == d.Year && (b.Month > d.Month || (b.Month == d.Month && b.Day > d.Day))) {
			v.add(at("customer.birth_date"), "after the sale's date")
		}
	}
}

// payments checks the payments (finalizadoras).
func (v *cartChecker) payments(ps []Payment) {
	if !v.count(at("payments"), len(ps), v.lim.MaxPayments, "payments", "max_payments") {
		return
	}
	for i, p := range ps {
		v.amount(elem("payments", i, "amount"), p.Amount, bounds.Money)
		if p.Tender == "" {
			v.add(elem("payments", i, "tender"), "required")
		}
		v.id(elem("payments", i, "tender"), p.Tender)
		v.id(elem("payments", i, "bin"), p.BIN)
	}
}

// lines checks the lines; their paths are written out only for a problem.
func (v *cartChecker) lines(ls []Line) {
	if !v.count(at("lines"), len(ls), v.lim.MaxLines, "lines", "max_lines") {
		return
	}
	var seen map[string]int // needed only to name the first of a repeated id
	if !distinctIDs(ls) {
		seen = make(map[string]int, len(ls))
	}
	for i := range ls {
		l := &ls[i]
		v.unique(seen, "lines", i, l.ID)
		v.amount(elem("lines", i, "quantity"), l.Quantity, bounds.Quantity)
		v.amount(elem("lines", i, "unit_price"), l.UnitPrice, bounds.UnitPrice)
		if l.OriginalPrice.Valid {
			v.amount(elem("lines", i, "original_price"), l.OriginalPrice.Decimal, bounds.UnitPrice)
		}
		for _, f := range [...]struct{ name, s string }{
			{"product_code", l.ProductCode}, {"sku", l.SKU}, {"ean", l.EAN}, {"ncm", l.NCM}, {"category", l.Category},
			{"brand", l.Brand}, {"line", l.ProductLine}, {"manufacturer", l.Manufacturer}, {"family", l.Family}, {"role", l.Role},
		} {
			if f.s != "" {
				v.id(elem("lines", i, f.name), f.s)
			}
		}
		if len(l.Attributes) != 0 {
			v.texts(elem("lines", i, "attributes"), l.Attributes, "attributes")
		}
	}
}

// distinctIDs reports whether the lines' ids that are not empty are all
// different (sorted: cheaper than a map for the common cart).
func distinctIDs(ls []Line) bool {
	ids := make([]string, 0, len(ls))
	for i := range ls {
		if ls[i].ID != "" {
			ids = append(ids, ls[i].ID)
		}
	}
	slices.Sort(ids)
	for k := 1; k < len(ids); k++ {
		if ids[k] == ids[k-1] {
			return false
		}
	}
	return true
}

// exchanges checks the exchange items (troca).
func (v *cartChecker) exchanges(xs []ExchangeItem) {
	if !v.count(at("exchanges"), len(xs), v.lim.MaxExchanges, "exchange items", "max_exchanges") {
		return
	}
	seen := map[string]int{}
	for i, x := range xs {
		v.unique(seen, "exchanges", i, x.ID)
		v.id(elem("exchanges", i, "product_code"), x.ProductCode)
		v.amount(elem("exchanges", i, "quantity"), x.Quantity, bounds.Quantity)
		v.amount(elem("exchanges", i, "unit_price"), x.UnitPrice, bounds.UnitPrice)
	}
}

// wallet checks the customer's cashback credits.
func (v *cartChecker) wallet(w []Credit) {
	if !v.count(at("wallet"), len(w), v.lim.MaxCredits, "credits", "max_credits") {
		return
	}
	seen := map[string]int{}
	for i, cr := range w {
		v.unique(seen, "wallet", i, cr.ID)
		v.id(elem("wallet", i, "campaign"), cr.Campaign)
		v.id(elem("wallet", i, "store"), cr.Store)
		v.amount(elem("wallet", i, "remaining"), cr.Remaining, bounds.Money)
		if cr.AvailableFrom.IsZero() {
			v.add(elem("wallet", i, "available_from"), "required")
		}
		if !cr.ExpiresAt.IsZero() && cr.ExpiresAt.Before(cr.AvailableFrom) {
			v.add(elem("wallet", i, "expires_at"), "must not be before available_from")
		}
		v.amount(elem("wallet", i, "terms.min_purchase"), cr.Terms.MinPurchase, bounds.Money)
		v.amount(elem("wallet", i, "terms.max_redeem_percent"), cr.Terms.MaxRedeemPercent, bounds.Percent)
	}
}

// history checks the customer's history: counters, budgets, used codes.
func (v *cartChecker) history(h *History) {
	if !v.count(at("history"), len(h.Counters)+len(h.Budgets)+len(h.UsedCodes), v.lim.MaxHistory,
		"entries (counters, budgets and used codes)", "max_history") {
		return
	}
	for _, k := range sortedKeys(h.Counters) {
		v.text(at("history.counters"), k)
		v.amount(path{base: "history.counters", i: -1, key: k}, h.Counters[k], bounds.Count)
	}
	for _, k := range sortedKeys(h.Budgets) {
		v.text(at("history.budgets"), k)
		v.amount(path{base: "history.budgets", i: -1, key: k}, h.Budgets[k], bounds.Count)
	}
	for i, s := range h.UsedCodes {
		v.id(elem("history.used_codes", i, ""), s)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
