package campaign

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// DiscountPack is a Desconto Pack table (Zetti Tech): requirements
// on the sale, a coupon the customer says at checkout, and a prize.
type DiscountPack struct {
	ID string `json:"id"`
	// Description is the table's name (descrição da tabela).
	Description string `json:"description"`
	Priority    int    `json:"priority,omitempty"`
	// Start and End bound the table (data inicial, data final).
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
	// Status overrides the status the sale's instant gives (situação):
	// "pending" or "finished" stop the table; "current" (or empty) lets the
	// dates decide.
	Status PackStatus `json:"status,omitempty"`
	// Owner is who registered the table: "franchisor" (franqueadora) or
	// "store" (a store's own). A franchisor's coupon wins over a store's
	// with the same description.
	Owner PackOwner `json:"owner"`
	// Stores are the participating stores (filiais), own or franchises.
	Stores []PackStore `json:"stores"`
	// MinSaleValue is the minimum sale value (valor mínimo na venda).
	MinSaleValue *decimal.Decimal `json:"min_sale_value,omitempty"`
	// Requirements are per attribute (linha, fabricante, família, produto);
	// all must be met.
	Requirements []PackRequirement `json:"requirements,omitempty"`
	// Coupon is the coupon description the customer says at checkout
	// (descrição do cupom de desconto); the cart lists it in promo_codes.
	Coupon string `json:"coupon"`
	// Key identifies the table in reports; it is copied into every
	// adjustment (chave identificadora do desconto).
	Key string `json:"key"`
	// Prize is what the customer gets (prêmio).
	Prize PackPrize `json:"prize"`
	// MaxItems limits the items discounted per sale (quantidade limite de
	// itens); 0 means no limit.
	MaxItems int64 `json:"max_items,omitempty"`
	// RequireCustomer applies the table only to identified customers
	// (exigir identificação do cliente); LimitPerCustomer then limits its
	// uses per customer over the table's period.
	RequireCustomer  bool  `json:"require_customer,omitempty"`
	LimitPerCustomer int64 `json:"limit_per_customer,omitempty"`
	// NearExpiryOnly targets only near-expiry units (pré-vencidos), whose
	// EAN matches the company's near_expiry_mask.
	NearExpiryOnly bool `json:"near_expiry_only,omitempty"`
	// Exceptions exclude products from the table: an excluded line counts
	// toward no requirement nor the sale value, and gets no prize.
	Exceptions *Exceptions `json:"exceptions,omitempty"`
}

// PackStore is a participating store and its kind.
type PackStore struct {
	ID string `json:"id"`
	// Kind is "own" (loja própria) or "franchise" (franquia).
	Kind PackStoreKind `json:"kind"`
}

// PackRequirement is a requirement on one attribute: line and manufacturer
// take a minimum value, family and product a minimum quantity and a minimum
// value.
type PackRequirement struct {
	// Attribute is "line", "manufacturer", "family" or "product".
	Attribute   PackAttribute    `json:"attribute"`
	Code        string           `json:"code"`
	MinValue    *decimal.Decimal `json:"min_value,omitempty"`
	MinQuantity int64            `json:"min_quantity,omitempty"`
}

// PackPrize is a discount on the whole sale or on the items of one
// attribute. Exactly one of Sale and Items is set.
type PackPrize struct {
	Sale  *PackSalePrize  `json:"sale,omitempty"`
	Items *PackItemsPrize `json:"items,omitempty"`
}

// PackSalePrize is a percent or an amount off the whole sale (desconto em
// toda venda). Exactly one is set.
type PackSalePrize struct {
	Percent *decimal.Decimal `json:"percent,omitempty"`
	Amount  *decimal.Decimal `json:"amount,omitempty"`
}

// PackItemsPrize is a percent off the items of one attribute (desconto nos
// itens): Quantity units get it (0: every unit), chosen by Rule. Grid
// instead lists several codes of the attribute, each with its quantity
// and percent (the manual's grid); Code, Quantity and Percent are then
// left out.
type PackItemsPrize struct {
	// Attribute is "line", "manufacturer", "family", "product" or "role"
	// (papel).
	Attribute PackAttribute   `json:"attribute"`
	Code      string          `json:"code,omitempty"`
	Quantity  int64           `json:"quantity,omitempty"`
	Percent   decimal.Decimal `json:"percent,omitzero"`
	// Grid is the list of codes, each with its quantity and percent.
	Grid []PackGridRow `json:"grid,omitempty"`
	// Rule is "highest" (maior desconto: the most expensive units) or
	// "lowest" (menor desconto).
	Rule PrizeRule `json:"rule,omitempty"`
}

// PackGridRow is one row of an items prize's grid: the lines whose
// attribute is Code; Quantity of their units (0: every unit) get Percent
// off. Quantity is also the minimum of whole units the row needs.
type PackGridRow struct {
	Code     string          `json:"code"`
	Quantity int64           `json:"quantity,omitempty"`
	Percent  decimal.Decimal `json:"percent"`
}

// covers reports whether the prize is on line l: its attribute is the
// prize's code, or one of its grid's codes.
func (it *PackItemsPrize) covers(l *promo.Line) bool {
	a := attrOf(l, it.Attribute)
	if len(it.Grid) == 0 {
		return a == it.Code
	}
	return a != "" && slices.ContainsFunc(it.Grid, func(r PackGridRow) bool { return r.Code == a })
}

// Company holds the per-company settings of the Desconto Pack manual.
type Company struct {
	// LineBeforeRole is FLAG_PAPEL_ANTES_DA_LINHA: by default a Desconto
	// Pack prize on a product's role (papel) takes precedence over one on
	// its line; set, the line takes precedence.
	LineBeforeRole bool `json:"line_before_role,omitempty"`
	// NearExpiry is HAB_PRE_VENCIDOS: near-expiry units are recognised by
	// NearExpiryMask, a barcode mask where a digit matches itself, "X" or
	// "?" any character and a final "*" the rest ("2999*").
	NearExpiry     bool   `json:"near_expiry,omitempty"`
	NearExpiryMask string `json:"near_expiry_mask,omitempty"`
}

// Desconto Pack reason codes.
const (
	ReasonPackStatus      promo.ReasonCode = "pack_status_not_current"
	ReasonPackStore       promo.ReasonCode = "store_not_included"
	ReasonPackCoupon      promo.ReasonCode = "coupon_not_presented"
	ReasonPackFranchisor  promo.ReasonCode = "coupon_taken_by_franchisor"
	ReasonPackCustomer    promo.ReasonCode = "customer_required"
	ReasonPackPrecedence  promo.ReasonCode = "items_taken_by_precedence"
	ReasonPackRequirement promo.ReasonCode = "requirement_not_met"
)

// attrOf returns a line's value of a Desconto Pack attribute.
func attrOf(l *promo.Line, attr PackAttribute) string {
	switch attr {
	case AttributeLine:
		return l.ProductLine
	case AttributeManufacturer:
		return l.Manufacturer
	case AttributeFamily:
		return l.Family
	case AttributeRole:
		return l.Role
	}
	return l.ProductCode
}

// matchMask reports whether a barcode matches a near-expiry mask.
func matchMask(mask, ean string) bool {
	if mask == "" || ean == "" {
		return false
	}
	for i := 0; i < len(mask); i++ {
		if mask[i] == '*' && i == len(mask)-1 {
			return true
		}
		if i >= len(ean) {
			return false
		}
		if mask[i] != 'X' && mask[i] != '?' && mask[i] != ean[i] {
			return false
		}
	}
	return len(ean) == len(mask)
}

// packSet is what every compiled pack of a ruleset shares: the others, for
// the franchisor's precedence and the attribute precedence, and their
// indexes (index).
type packSet struct {
	packs   []*pack // in id order
	company Company
	// order is the prize attributes from the highest precedence down.
	order []PackAttribute
	// franchisors are the franchisors' tables by coupon, covering the
	// items prizes by the codes they cover: indexes into packs.
	franchisors map[string][]int
	covering    map[packKey][]int
}

// rank orders prize attributes: a prize on an attribute of lower rank
// takes a line before one of higher rank.
func (s *packSet) rank(attr PackAttribute) int {
	return slices.Index(s.order, attr)
}

// pack is a compiled Desconto Pack table.
type pack struct {
	def    *DiscountPack
	info   promo.Info
	set    *packSet
	coupon string
	limits []limit
	prize  benefit.Benefit
	scope  benefit.Scope
	exc    *exclusion // nil: no exceptions
}

func (p *pack) Info() promo.Info { return p.info }

// InfoRef lends the ruleset the promotion's own Info (promo.InfoRef).
func (p *pack) InfoRef() *promo.Info { return &p.info }
func (p *pack) Keys() promo.Keys     { return promo.Keys{CartWide: true} }

// live checks everything but the precedence between packs: status, store,
// coupon, customer, requirements and limits. It returns the item-limit
// allowance (0: none) or why not.
func (p *pack) live(v *promo.View) (int64, *promo.Reason) {
	v, _ = p.exc.view(v)
	c := v.Cart()
	d := p.def
	if d.Status == PackPending || d.Status == PackFinished {
		return 0, &promo.Reason{Code: ReasonPackStatus, PT: "tabela com situação " + string(d.Status), EN: "table status is " + string(d.Status)}
	}
	in := slices.ContainsFunc(d.Stores, func(s PackStore) bool { return s.ID == c.Store.ID && string(s.Kind) == c.Store.Kind.String() })
	if !in {
		return 0, &promo.Reason{Code: ReasonPackStore, PT: "a loja " + c.Store.ID + " não participa da tabela", EN: "store " + c.Store.ID + " is not in the table"}
	}
	if !slices.ContainsFunc(c.PromoCodes, func(k string) bool { return rules.NormalizeCode(k) == p.coupon }) {
		return 0, &promo.Reason{Code: ReasonPackCoupon, PT: "cupom " + d.Coupon + " não informado", EN: "coupon " + d.Coupon + " not presented"}
	}
	if d.RequireCustomer && c.Customer == nil {
		return 0, &promo.Reason{Code: ReasonPackCustomer, PT: "a tabela exige cliente identificado", EN: "the table requires an identified customer"}
	}
	all := make([]int, v.Len())
	for i := range all {
		all[i] = i
	}
	if d.MinSaleValue != nil {
		if ok, why := rules.MinValue(*d.MinSaleValue).Check(v, all); !ok {
			return 0, &why
		}
	}
	for _, rq := range d.Requirements {
		var lines []int
		for i := 0; i < v.Len(); i++ {
			if attrOf(v.Line(i), rq.Attribute) == rq.Code {
				lines = append(lines, i)
			}
		}
		what := fmt.Sprintf("%s %s", rq.Attribute, rq.Code)
		if rq.MinQuantity > 0 {
			if ok, why := rules.MinQuantity(rq.MinQuantity).Check(v, lines); !ok {
				return 0, &promo.Reason{Code: ReasonPackRequirement, PT: what + ": " + why.PT, EN: what + ": " + why.EN, Missing: why.Missing}
			}
		}
		if rq.MinValue != nil {
			if ok, why := rules.MinValue(*rq.MinValue).Check(v, lines); !ok {
				return 0, &promo.Reason{Code: ReasonPackRequirement, PT: what + ": " + why.PT, EN: what + ": " + why.EN, Missing: why.Missing}
			}
		}
	}
	return checkLimits(p.info.ID, p.limits, c)
}

// inForce reports whether the pack is within its dates at the sale.
func (p *pack) inForce(t time.Time) bool {
	return (p.info.Start.IsZero() || !t.Before(p.info.Start)) && (p.info.End.IsZero() || !t.After(p.info.End))
}

// Apply applies the table on the sale without its exceptions. The
// precedence between tables is judged on the whole sale as rung up, each
// table without its own exceptions, once per sale (packSale).
func (p *pack) Apply(v *promo.View) promo.Proposal {
	sale := p.set.sale(v)
	keep, all := p.exc.kept(v)
	if all {
		return p.apply(v, sale, nil)
	}
	return promo.Lift(p.apply(v.Subset(keep), sale, keep), keep)
}

// apply applies the table on v, the sale without the table's exceptions:
// line k of v is the cart's line keep[k] (k itself when keep is nil).
func (p *pack) apply(v *promo.View, sale *packSale, keep []int) promo.Proposal {
	maxUnits, why := p.live(v)
	if why != nil {
		return promo.NotEligible(*why)
	}
	// A franchisor's coupon with the same description wins over a store's.
	// The precedence between tables is judged on the sale as rung up, so
	// that one table's discount does not decide whether another applies.
	if p.def.Owner == OwnerStore {
		if o := sale.franchisor(p); o != nil {
			return promo.NotEligible(promo.Reason{Code: ReasonPackFranchisor,
				PT: "o cupom " + p.def.Coupon + " da franqueadora (" + o.info.ID + ") prevalece",
				EN: "the franchisor's coupon " + p.def.Coupon + " (" + o.info.ID + ") prevails"})
		}
	}
	s := p.scope
	s.MaxUnits = min64(s.MaxUnits, maxUnits)
	it := p.def.Prize.Items
	if it == nil {
		s.Lines = make([]int, v.Len())
		for i := range s.Lines {
			s.Lines[i] = i
		}
	} else {
		taken := 0
		for i := 0; i < v.Len(); i++ {
			l := v.Line(i)
			if !it.covers(l) {
				continue
			}
			if p.def.NearExpiryOnly && !(p.set.company.NearExpiry && matchMask(p.set.company.NearExpiryMask, l.EAN)) {
				continue
			}
			ci := i
			if keep != nil {
				ci = keep[i]
			}
			// Another live table on an attribute of higher precedence
			// covers the line.
			if sale.preceded(p, ci) {
				taken++
				continue
			}
			s.Lines = append(s.Lines, i)
		}
		if len(s.Lines) == 0 && taken > 0 {
			return promo.NotEligible(promo.Reason{Code: ReasonPackPrecedence,
				PT: "os itens ficaram com uma tabela de atributo prioritário", EN: "the items went to a table on a higher-precedence attribute"})
		}
		// The prize's quantity is also the minimum to buy (quantidade:
		// número mínimo de unidades).
		if it.Quantity > 0 {
			if ok, why := rules.MinQuantity(it.Quantity).Check(v, s.Lines); !ok {
				return promo.NotEligible(why)
			}
		}
	}
	pr := p.prize.Apply(v, s)
	if pr.Eligible {
		pr.Counters = countersFor(p.info.ID, p.limits, v.Cart(), pr.TakenUnits())
	}
	return pr
}

// asRungUp returns the view with every line at its gross value.
func asRungUp(v *promo.View) *promo.View {
	values := make([]decimal.Decimal, v.Len())
	for i := range values {
		values[i] = v.Gross(i)
	}
	return v.Rebased(values)
}

// CounterKeys returns the per-customer limit counter the table reads.
func (p *pack) CounterKeys(c *promo.Cart) []string {
	var keys []string
	for _, l := range p.limits {
		if k, ok := l.key(p.info.ID, c); ok {
			keys = append(keys, k)
		}
	}
	return keys
}

func min64(a, b int64) int64 {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	}
	return min(a, b)
}

// packs compiles the Desconto Pack tables.
func (c *compiler) packs(def Ruleset, loc *time.Location, ids map[string]bool) []promo.Promotion {
	set := &packSet{order: []PackAttribute{AttributeProduct, AttributeRole, AttributeLine, AttributeFamily, AttributeManufacturer}}
	if def.Company != nil {
		set.company = *def.Company
		if set.company.LineBeforeRole {
			set.order = []PackAttribute{AttributeProduct, AttributeLine, AttributeRole, AttributeFamily, AttributeManufacturer}
		}
		if set.company.NearExpiry && set.company.NearExpiryMask == "" {
			c.fail("company.near_expiry_mask", "required when near_expiry is on")
		}
	}
	var out []promo.Promotion
	for i := range def.DiscountPacks {
		d := &def.DiscountPacks[i]
		p := fmt.Sprintf("discount_packs[%d]", i)
		before := len(c.problems)
		start, end := c.identity(p, d.ID, "description", d.Description, d.Start, d.End, loc, ids)
		switch d.Status {
		case "", PackPending, PackCurrent, PackFinished:
		default:
			c.fail(p+".status", "want pending, current or finished, got %q", d.Status)
		}
		if d.Owner != OwnerFranchisor && d.Owner != OwnerStore {
			c.fail(p+".owner", "want franchisor or store, got %q", d.Owner)
		}
		if len(d.Stores) == 0 {
			c.fail(p+".stores", "at least one store is required")
		}
		for j, s := range d.Stores {
			if s.ID == "" {
				c.fail(fmt.Sprintf("%s.stores[%d].id", p, j), "required")
			}
			if s.Kind != PackStoreOwn && s.Kind != PackStoreFranchise {
				c.fail(fmt.Sprintf("%s.stores[%d].kind", p, j), "want own or franchise, got %q", s.Kind)
			}
		}
		if d.MinSaleValue == nil && len(d.Requirements) == 0 {
			c.fail(p, "give min_sale_value or requirements")
		}
		if d.MinSaleValue != nil {
			c.amount(p+".min_sale_value", *d.MinSaleValue, bounds.Money)
		}
		for j, rq := range d.Requirements {
			rp := fmt.Sprintf("%s.requirements[%d]", p, j)
			switch rq.Attribute {
			case AttributeLine, AttributeManufacturer:
				if rq.MinQuantity != 0 {
					c.fail(rp+".min_quantity", "a %s requirement takes a minimum value only", rq.Attribute)
				}
				if rq.MinValue == nil {
					c.fail(rp+".min_value", "required for a %s requirement", rq.Attribute)
				}
			case AttributeFamily, AttributeProduct:
				if rq.MinQuantity < 1 && rq.MinValue == nil {
					c.fail(rp, "give min_quantity, min_value or both")
				}
			default:
				c.fail(rp+".attribute", "want line, manufacturer, family or product, got %q", rq.Attribute)
			}
			if rq.Code == "" {
				c.fail(rp+".code", "required")
			}
			if rq.MinQuantity < 0 {
				c.fail(rp+".min_quantity", "must not be negative")
			}
			if rq.MinValue != nil {
				c.amount(rp+".min_value", *rq.MinValue, bounds.Money)
			}
		}
		coupon := rules.NormalizeCode(d.Coupon)
		if coupon == "" {
			c.fail(p+".coupon", "required: the coupon description the customer says")
		}
		if d.Key == "" {
			c.fail(p+".key", "required: the identification key for reports")
		}
		if d.MaxItems < 0 {
			c.fail(p+".max_items", "must not be negative")
		}
		if d.LimitPerCustomer < 0 {
			c.fail(p+".limit_per_customer", "must not be negative")
		} else if d.LimitPerCustomer > 0 && !d.RequireCustomer {
			c.fail(p+".limit_per_customer", "needs require_customer")
		}
		if d.NearExpiryOnly && (def.Company == nil || !def.Company.NearExpiry) {
			c.fail(p+".near_expiry_only", "needs company.near_expiry (HAB_PRE_VENCIDOS)")
		}
		prize, phase, scope := c.packPrize(p+".prize", &d.Prize, d.MaxItems)
		exc := c.exceptions(p+".exceptions", d.Exceptions)
		if d.NearExpiryOnly && d.Prize.Items == nil {
			c.fail(p+".near_expiry_only", "applies to an items prize")
		}
		if d.MaxItems > 0 && d.Prize.Sale != nil {
			// The manual sets the limit of items next to the items prize
			// (quantidade limite de itens); a sale prize discounts the
			// whole sale, whatever its items: refused, never ignored.
			c.fail(p+".max_items", "limits the units of an items prize: a sale prize discounts the whole sale, leave max_items out")
		}
		if len(c.problems) > before {
			continue
		}
		scope.MaxUnits = d.MaxItems
		pk := &pack{def: d, set: set, exc: exc, coupon: coupon, prize: prize, scope: scope,
			info: promo.Info{ID: d.ID, Name: d.Description, Type: "desconto_pack", Phase: phase,
				Priority: d.Priority, Start: start, End: end, Key: d.Key}}
		if d.LimitPerCustomer > 0 {
			pk.limits = []limit{{max: d.LimitPerCustomer, period: "campaign"}}
		}
		set.packs = append(set.packs, pk)
		out = append(out, pk)
	}
	// In id order: which table a message names must not depend on the file.
	slices.SortFunc(set.packs, func(a, b *pack) int { return strings.Compare(a.info.ID, b.info.ID) })
	set.index()
	return out
}

func (c *compiler) packPrize(p string, pz *PackPrize, maxItems int64) (benefit.Benefit, promo.Phase, benefit.Scope) {
	switch {
	case (pz.Sale == nil) == (pz.Items == nil):
		c.fail(p, "exactly one of sale and items must be set")
	case pz.Sale != nil:
		s := pz.Sale
		switch {
		case (s.Percent == nil) == (s.Amount == nil):
			c.fail(p+".sale", "exactly one of percent and amount must be set")
		case s.Percent != nil:
			c.amount(p+".sale.percent", *s.Percent, bounds.Percent)
			return benefit.SalePercent(*s.Percent), promo.PhaseSale, benefit.Scope{}
		default:
			c.amount(p+".sale.amount", *s.Amount, bounds.Money)
			return benefit.SaleAmount(*s.Amount), promo.PhaseSale, benefit.Scope{}
		}
	case len(pz.Items.Grid) > 0:
		return c.packGrid(p+".items", pz.Items)
	default:
		it := pz.Items
		switch it.Attribute {
		case AttributeLine, AttributeManufacturer, AttributeFamily, AttributeProduct, AttributeRole:
		default:
			c.fail(p+".items.attribute", "want line, manufacturer, family, product or role, got %q", it.Attribute)
		}
		if it.Code == "" {
			c.fail(p+".items.code", "required")
		}
		if it.Quantity < 0 {
			c.fail(p+".items.quantity", "must not be negative")
		}
		c.positive(p+".items.percent", it.Percent, bounds.Percent)
		sel := benefit.All
		switch it.Rule {
		case "", PrizeHighest:
			if it.Quantity > 0 {
				sel = benefit.Highest
			}
		case PrizeLowest:
			switch {
			case it.Quantity > 0:
				sel = benefit.Lowest
			case maxItems > 0:
				// Every unit, but only max_items of them: the cheapest.
				sel = benefit.Lowest
				return benefit.ItemPercent(it.Percent), promo.PhaseItem, benefit.Scope{Select: sel, Pick: maxItems}
			}
		default:
			c.fail(p+".items.rule", "want highest or lowest, got %q", it.Rule)
		}
		return benefit.ItemPercent(it.Percent), promo.PhaseItem, benefit.Scope{Select: sel, Pick: it.Quantity}
	}
	return nil, promo.PhaseSale, benefit.Scope{}
}

// packGrid compiles an items prize with a grid at path p.
func (c *compiler) packGrid(p string, it *PackItemsPrize) (benefit.Benefit, promo.Phase, benefit.Scope) {
	switch it.Attribute {
	case AttributeLine, AttributeManufacturer, AttributeFamily, AttributeProduct, AttributeRole:
	default:
		c.fail(p+".attribute", "want line, manufacturer, family, product or role, got %q", it.Attribute)
	}
	for _, f := range []struct {
		set  bool
		name string
	}{{it.Code != "", "code"}, {it.Quantity != 0, "quantity"}, {!it.Percent.IsZero(), "percent"}} {
		if f.set {
			c.fail(p+"."+f.name, "give the grid or code, quantity and percent, not both: each row has its own")
		}
	}
	sel := benefit.Highest
	switch it.Rule {
	case "", PrizeHighest:
	case PrizeLowest:
		sel = benefit.Lowest
	default:
		c.fail(p+".rule", "want highest or lowest, got %q", it.Rule)
	}
	rows := make([]benefit.GridRow, 0, len(it.Grid))
	seen := map[string]int{}
	for j, r := range it.Grid {
		rp := fmt.Sprintf("%s.grid[%d]", p, j)
		if r.Code == "" {
			c.fail(rp+".code", "required")
		} else if k, dup := seen[r.Code]; dup {
			c.fail(rp+".code", "grid[%d] has the same code %q: keep one row per code", k, r.Code)
		} else {
			seen[r.Code] = j
		}
		if r.Quantity < 0 {
			c.fail(rp+".quantity", "must not be negative")
		}
		c.positive(rp+".percent", r.Percent, bounds.Percent)
		rows = append(rows, benefit.GridRow{Code: r.Code, Quantity: r.Quantity, Percent: r.Percent})
	}
	attr := it.Attribute
	return benefit.PercentGrid(func(l *promo.Line) string { return attrOf(l, attr) }, rows...), promo.PhaseItem, benefit.Scope{Select: sel}
}
