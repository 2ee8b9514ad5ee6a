package campaign

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
)

// Combo is a supermarket bonification (supermarket combos, "Gestão de Combos").
// Type says which; each type uses some of the other fields:
//
//   - kit: buy (every product and quantity) + bonus (products in the sale,
//     discounted by percent, amount or unit_price);
//   - inverse_kit: buy (one product) + bonus (a kit of products);
//     require_all_bonus grants it only when every bonus item is in the sale;
//   - brand: brands + min_value (of those brands' other items) + bonus
//     (whose brand must be one of brands);
//   - quantity: product, min_quantity, max_bonus_quantity, from_minimum,
//     unit_value, price_type, tenders, block_quantity, block_check;
//   - flavor (sabor): products + min_quantity + bonus_value (R$ per
//     occurrence: twice the quantity, twice the discount);
//   - customer_type: customer_types + buy + bonus (an identified customer
//     of one of those types);
//   - value: buy (the kit product) + bonus (product, quantity, unit_price):
//     selling the kit product sells the bonus at that price (the result
//     lists it to add when it is not in the cart);
//   - combo: min_value (of the sale, bonus lines aside) + bonus (product,
//     quantity as the maximum, unit_price);
//   - flyer (folheto, encarte): items at flyer prices, up to max_per_sale
//     units each; code, when set, must be presented (the flyer's coupon);
//   - scratch_card (rasgadinha): one card for each every reais of the
//     sale, from min_value on, at most max_cards; an event tells the POS
//     how many to hand out.
type Combo struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Priority    int    `json:"priority,omitempty"`
	Start       string `json:"start"`
	End         string `json:"end,omitempty"`
	// Active switches the bonification on or off (Ativa?); default on.
	Active *bool     `json:"active,omitempty"`
	Type   ComboType `json:"type"`

	Buy             []ComboItem  `json:"buy,omitempty"`
	Bonus           []ComboBonus `json:"bonus,omitempty"`
	RequireAllBonus bool         `json:"require_all_bonus,omitempty"`

	Brands   []string         `json:"brands,omitempty"`
	MinValue *decimal.Decimal `json:"min_value,omitempty"`

	Product          string           `json:"product,omitempty"`
	MinQuantity      int64            `json:"min_quantity,omitempty"`
	MaxBonusQuantity int64            `json:"max_bonus_quantity,omitempty"`
	FromMinimum      bool             `json:"from_minimum,omitempty"`
	UnitValue        *decimal.Decimal `json:"unit_value,omitempty"`
	// PriceType is "current" (the line's unit price, the default) or
	// "original" (its original price) — the price the bonus is measured
	// against (tipo de preço).
	PriceType PriceType `json:"price_type,omitempty"`
	Tenders   []string  `json:"tenders,omitempty"`
	// BlockQuantity is the most an identified customer may buy (quantidade
	// máxima para bloqueio de venda); BlockCheck counts it per "sale_day",
	// per "promotion_period" or "none" (this sale only).
	BlockQuantity int64      `json:"block_quantity,omitempty"`
	BlockCheck    BlockCheck `json:"block_check,omitempty"`

	Products   []string         `json:"products,omitempty"`
	BonusValue *decimal.Decimal `json:"bonus_value,omitempty"`

	CustomerTypes []string `json:"customer_types,omitempty"`

	Items []FlyerItem `json:"items,omitempty"`
	Code  string      `json:"code,omitempty"`

	Every    *decimal.Decimal `json:"every,omitempty"`
	MaxCards int64            `json:"max_cards,omitempty"`

	// FundedBy and FunderShare name a manufacturer that pays part (percent)
	// of the discounts.
	FundedBy    string           `json:"funded_by,omitempty"`
	FunderShare *decimal.Decimal `json:"funder_share,omitempty"`

	// Exceptions exclude products from the bonification, whatever its
	// type: an excluded line is neither bought toward it nor bonified.
	Exceptions *Exceptions `json:"exceptions,omitempty"`
}

// ComboItem is a product and its quantity.
type ComboItem struct {
	Product  string `json:"product"`
	Quantity int64  `json:"quantity"`
}

// ComboBonus is a bonus product, its quantity per occurrence and its
// discount: Percent or Amount off each unit, or the UnitPrice it sells at
// (exactly one). Brand is the product's brand (brand bonifications).
type ComboBonus struct {
	Product   string           `json:"product"`
	Quantity  int64            `json:"quantity"`
	Percent   *decimal.Decimal `json:"percent,omitempty"`
	Amount    *decimal.Decimal `json:"amount,omitempty"`
	UnitPrice *decimal.Decimal `json:"unit_price,omitempty"`
	Brand     string           `json:"brand,omitempty"`
}

// FlyerItem is a product at its flyer price.
type FlyerItem struct {
	Product    string          `json:"product"`
	Price      decimal.Decimal `json:"price"`
	MaxPerSale int64           `json:"max_per_sale,omitempty"`
}

// Combo reason codes.
const (
	ReasonComboInactive  promo.ReasonCode = "inactive"
	ReasonComboMissing   promo.ReasonCode = "kit_incomplete"
	ReasonComboTender    promo.ReasonCode = "tender_not_accepted"
	ReasonComboCustomer  promo.ReasonCode = "customer_type_not_met"
	ReasonPurchaseBlock  promo.ReasonCode = "purchase_blocked"
	ReasonScratchCards   promo.ReasonCode = "scratch_cards_issued"
	ReasonComboFlyerCode promo.ReasonCode = "flyer_code_not_presented"
)

// combo is a compiled Combo.
type combo struct {
	def  *Combo
	info promo.Info
	keys promo.Keys
	exc  *exclusion // nil: no exceptions
}

func (c *combo) Info() promo.Info { return c.info }

// InfoRef lends the ruleset the promotion's own Info (promo.InfoRef).
func (c *combo) InfoRef() *promo.Info { return &c.info }
func (c *combo) Keys() promo.Keys     { return c.keys }

// Restricts reports whether the combo may block purchases: a quantity
// bonification with a block quantity (promo.Restricting).
func (c *combo) Restricts() bool { return c.def.BlockQuantity > 0 }

// unitsOf returns, in line-id order, the countable lines of a product with
// their whole units.
func unitsOfProduct(v *promo.View, product string) (lines []int, total int64) {
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); l.ProductCode == product && l.Countable() {
			lines = append(lines, i)
			total += l.Quantity.IntPart()
		}
	}
	sort.Slice(lines, func(a, b int) bool { return v.Rank(lines[a]) < v.Rank(lines[b]) })
	return lines, total
}

// productRuns returns the runs of the whole units of a product that still
// cost something, from the most expensive down (ties by line id); with
// grouped, only the units no grouped occurrence took yet.
func productRuns(v *promo.View, product string, grouped bool) []promo.UnitRun {
	var runs []promo.UnitRun
	for i := 0; i < v.Len(); i++ {
		if l := v.Line(i); l.ProductCode == product && l.Countable() {
			runs = v.AppendRuns(runs, i)
		}
	}
	runs = slices.DeleteFunc(runs, func(r promo.UnitRun) bool { return r.Each.Sign() <= 0 || (grouped && r.Grouped) })
	slices.SortStableFunc(runs, func(a, b promo.UnitRun) int {
		if c := b.Each.Cmp(a.Each); c != 0 {
			return c
		}
		if ra, rb := v.Rank(a.Line), v.Rank(b.Line); ra != rb {
			return ra - rb
		}
		return a.Run - b.Run
	})
	return runs
}

// runUnits is the number of units of runs.
func runUnits(runs []promo.UnitRun) int64 {
	var n int64
	for _, r := range runs {
		n += r.Units
	}
	return n
}

// takeRuns returns k units of runs after the first skip ones, as runs.
func takeRuns(runs []promo.UnitRun, skip, k int64) []promo.UnitRun {
	var out []promo.UnitRun
	for _, r := range runs {
		if k <= 0 {
			break
		}
		if skip >= r.Units {
			skip -= r.Units
			continue
		}
		r.Units -= skip
		skip = 0
		r.Units = min(r.Units, k)
		k -= r.Units
		out = append(out, r)
	}
	return out
}

// discountUnits proposes the bonus discount on k units of a product, the
// most expensive first (ties by line id), skipping the first skip units.
// With grouped (a kit), only units no grouped occurrence took, and they
// become grouped.
func discountUnits(v *promo.View, p *promo.Proposal, b ComboBonus, price PriceType, skip, k int64, grouped bool) int64 {
	var done int64
	for _, r := range takeRuns(productRuns(v, b.Product, grouped), skip, k) {
		units := decimal.NewFromInt(r.Units)
		worth := r.Each.Mul(units)
		var off decimal.Decimal
		switch {
		case b.Percent != nil:
			off = worth.Mul(*b.Percent).DivRound(decimal.NewFromInt(100), 12)
		case b.Amount != nil:
			off = decimal.Min(worth, units.Mul(*b.Amount))
		default:
			base := worth
			if l := v.Line(r.Line); price == PriceOriginal && l.OriginalPrice.Valid {
				base = decimal.Min(worth, units.Mul(l.OriginalPrice.Decimal))
			}
			off = decimal.Max(decimal.Zero, base.Sub(units.Mul(*b.UnitPrice)))
		}
		if off.Sign() > 0 {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: r.Line, Kind: promo.ItemDiscount, Amount: off, Run: r.Run, Units: r.Units})
			p.Participants = append(p.Participants, promo.Participant{Line: r.Line, Units: r.Units})
		}
		if grouped {
			p.Grouped = append(p.Grouped, promo.RunUnits{Line: r.Line, Run: r.Run, Units: r.Units})
		}
		done += r.Units
	}
	p.Units += done
	return done
}

func notEligible(code promo.ReasonCode, pt, en string) promo.Proposal {
	return promo.NotEligible(promo.Reason{Code: code, PT: pt, EN: en})
}

// short adds to a proposal's first reason what the cart lacks.
func short(p promo.Proposal, m *promo.Shortfall) promo.Proposal {
	p.Reasons[0].Missing = m
	return p
}

// kitOccurrences returns how many whole kits the cart holds: each
// occurrence needs every buy item and every bonus item (a product listed in
// both needs both quantities), so no unit takes part in two occurrences;
// only units no other grouped occurrence took count.
func kitOccurrences(v *promo.View, buy []ComboItem, bonus []ComboBonus) (int64, string) {
	need := map[string]int64{}
	var order []string
	add := func(p string, q int64) {
		if _, ok := need[p]; !ok {
			order = append(order, p)
		}
		need[p] += q
	}
	for _, it := range buy {
		add(it.Product, it.Quantity)
	}
	for _, b := range bonus {
		add(b.Product, b.Quantity)
	}
	occ, missing := int64(-1), ""
	for _, p := range order {
		have := runUnits(productRuns(v, p, true))
		k := have / need[p]
		if occ < 0 || k < occ {
			occ = k
		}
		if k == 0 && missing == "" {
			missing = p
		}
	}
	return max(occ, 0), missing
}

// Apply applies the bonification on the sale without its exceptions.
func (c *combo) Apply(v *promo.View) promo.Proposal {
	return c.exc.apply(v, c.apply)
}

func (c *combo) apply(v *promo.View) promo.Proposal {
	d := c.def
	cart := v.Cart()
	if d.Active != nil && !*d.Active {
		return notEligible(ReasonComboInactive, "bonificação inativa", "bonification inactive")
	}
	switch d.Type {
	case ComboKit, ComboCustomerType:
		if d.Type == ComboCustomerType {
			if cart.Customer == nil || !slices.Contains(d.CustomerTypes, cart.Customer.Tier) {
				return notEligible(ReasonComboCustomer, "cliente identificado do tipo "+strings.Join(d.CustomerTypes, ", ")+" exigido",
					"an identified customer of type "+strings.Join(d.CustomerTypes, ", ")+" is required")
			}
		}
		occ, missing := kitOccurrences(v, d.Buy, d.Bonus)
		if occ == 0 {
			return notEligible(ReasonComboMissing, "kit incompleto: falta "+missing, "incomplete kit: "+missing+" missing")
		}
		p := promo.Proposal{Eligible: true, Occurrences: int(occ)}
		for _, b := range d.Bonus {
			// A product both bought and bonus: the bonus units come after
			// the bought ones.
			discountUnits(v, &p, b, PriceCurrent, occ*buyQty(d.Buy, b.Product), occ*b.Quantity, true)
		}
		units := p.Units
		for _, it := range d.Buy {
			participate(v, &p, it.Product, 0, occ*it.Quantity, true)
		}
		p.Units = units
		return p
	case ComboInverseKit:
		cond := d.Buy[0]
		occ := runUnits(productRuns(v, cond.Product, true)) / cond.Quantity
		if d.RequireAllBonus {
			occ, _ = kitOccurrences(v, d.Buy, d.Bonus)
		}
		if occ == 0 {
			return notEligible(ReasonComboMissing, "kit incompleto", "incomplete kit")
		}
		p := promo.Proposal{Eligible: true, Occurrences: int(occ)}
		for _, b := range d.Bonus {
			skip := int64(0)
			if b.Product == cond.Product {
				skip = occ * cond.Quantity
			}
			discountUnits(v, &p, b, PriceCurrent, skip, occ*b.Quantity, true)
		}
		if p.Units == 0 {
			return notEligible(ReasonComboMissing, "nenhum item do kit bonificado na venda", "no bonus item in the sale")
		}
		// The units that open the kits take part in them too.
		units := p.Units
		participate(v, &p, cond.Product, 0, occ*cond.Quantity, false)
		p.Units = units
		return p
	case ComboBrand:
		b := d.Bonus[0]
		var lines []int
		for i := 0; i < v.Len(); i++ {
			l := v.Line(i)
			if l.ProductCode != b.Product && slices.ContainsFunc(d.Brands, func(x string) bool { return strings.EqualFold(x, l.Brand) }) {
				lines = append(lines, i)
			}
		}
		return bonusAboveMinimum(v, lines, *d.MinValue, b, "das marcas", "of the brands")
	case ComboQuantity:
		return c.quantity(v)
	case ComboFlavor:
		var lines []int
		var units int64
		for i := 0; i < v.Len(); i++ {
			if l := v.Line(i); slices.Contains(d.Products, l.ProductCode) && l.Countable() {
				lines = append(lines, i)
				units += l.Quantity.IntPart()
			}
		}
		occ := units / d.MinQuantity
		if occ == 0 {
			return short(notEligible(promo.ReasonMinQuantity, fmt.Sprintf("quantidade mínima %d não atingida: faltam %d", d.MinQuantity, d.MinQuantity-units),
				fmt.Sprintf("minimum quantity %d not reached: %d missing", d.MinQuantity, d.MinQuantity-units)), v.Shortfall(lines, decimal.Zero, d.MinQuantity-units))
		}
		p := promo.Proposal{Eligible: true, Occurrences: int(occ), Units: units}
		benefit.SpreadAmount(&p, v, lines, d.BonusValue.Mul(decimal.NewFromInt(occ)), promo.ItemDiscount)
		return p
	case ComboValue:
		cond, b := d.Buy[0], d.Bonus[0]
		occ := runUnits(productRuns(v, cond.Product, true)) / cond.Quantity
		if occ == 0 {
			return notEligible(ReasonComboMissing, "produto kit "+cond.Product+" fora da venda", "kit product "+cond.Product+" not in the sale")
		}
		want := occ * b.Quantity
		p := promo.Proposal{Eligible: true, Occurrences: int(occ)}
		skip := int64(0)
		if b.Product == cond.Product {
			skip = occ * cond.Quantity
		}
		got := discountUnits(v, &p, b, PriceCurrent, skip, want, true)
		units := p.Units
		participate(v, &p, cond.Product, 0, occ*cond.Quantity, false)
		p.Units = units
		g := promo.Gift{Options: []string{b.Product}, Quantity: want, ToAdd: want - got, UnitPrice: *b.UnitPrice}
		lines, _ := unitsOfProduct(v, b.Product)
		for _, i := range lines {
			g.InCart = append(g.InCart, v.Line(i).ID)
		}
		p.Gifts = []promo.Gift{g}
		return p
	case ComboCombo:
		b := d.Bonus[0]
		var lines []int
		for i := 0; i < v.Len(); i++ {
			if v.Line(i).ProductCode != b.Product {
				lines = append(lines, i)
			}
		}
		return bonusAboveMinimum(v, lines, *d.MinValue, b, "da compra", "of the purchase")
	case ComboFlyer:
		if d.Code != "" && !slices.ContainsFunc(cart.PromoCodes, func(k string) bool { return strings.EqualFold(strings.TrimSpace(k), d.Code) }) {
			return notEligible(ReasonComboFlyerCode, "código do folheto não apresentado", "flyer code not presented")
		}
		p := promo.Proposal{Eligible: true, Occurrences: 1}
		for _, it := range d.Items {
			k := runUnits(productRuns(v, it.Product, false))
			if it.MaxPerSale > 0 {
				k = min(k, it.MaxPerSale)
			}
			price := it.Price
			discountUnits(v, &p, ComboBonus{Product: it.Product, UnitPrice: &price}, PriceCurrent, 0, k, false)
		}
		p.Participants = nil
		return p
	case ComboScratchCard:
		all := make([]int, v.Len())
		for i := range all {
			all[i] = i
		}
		total := v.Total(all)
		if d.MinValue != nil && total.LessThan(*d.MinValue) {
			miss := d.MinValue.Sub(total)
			return short(notEligible(promo.ReasonMinValue, "valor mínimo para rasgadinha não atingido: faltam R$ "+promo.FormatBRL(miss),
				"minimum value for scratch cards not reached: R$ "+miss.StringFixed(2)+" missing"), v.Shortfall(all, miss, 0))
		}
		q, _ := total.QuoRem(*d.Every, 0)
		cards := q.IntPart()
		if d.MaxCards > 0 {
			cards = min(cards, d.MaxCards)
		}
		if cards <= 0 {
			return notEligible(promo.ReasonMinValue, "valor insuficiente para uma rasgadinha", "not enough for a scratch card")
		}
		return promo.Proposal{Eligible: true, Occurrences: 1, RecordOnly: true,
			Reasons: []promo.Reason{{Code: ReasonScratchCards, PT: fmt.Sprintf("%d rasgadinha(s) a entregar", cards), EN: fmt.Sprintf("%d scratch card(s) to hand out", cards)}},
			Events:  []promo.Event{{Kind: promo.EventScratchCards, Quantity: decimal.NewFromInt(cards)}}}
	}
	return promo.NotEligible()
}

// quantity is the quantity bonification (bonificação por quantidade): from
// the minimum quantity on, the units up to the maximum bonus quantity sell
// at the unit value; an identified customer may not buy more than the block
// quantity (checked per sale day, per promotion period, or in this sale).
func (c *combo) quantity(v *promo.View) promo.Proposal {
	d := c.def
	cart := v.Cart()
	lines, n := unitsOfProduct(v, d.Product)
	var p promo.Proposal
	allowed := n
	if d.BlockQuantity > 0 && cart.Customer != nil {
		key, prior := c.blockKey(cart), int64(0)
		if key != "" {
			prior = cart.History.Counters[key].Floor().IntPart()
		}
		allowed = max(0, min(n, d.BlockQuantity-prior))
		// The allowance goes to the lines in line-id order; every line that
		// holds more than its part is blocked at that part.
		left := allowed
		for _, i := range lines {
			q := v.Line(i).Quantity.IntPart()
			take := min(q, left)
			left -= take
			if take < q {
				p.Blocks = append(p.Blocks, promo.BlockAt{Line: i, Allowed: decimal.NewFromInt(take),
					Reason: promo.Reason{Code: ReasonPurchaseBlock,
						PT: fmt.Sprintf("cliente pode levar no máximo %d unidades de %s (já levou %d)", d.BlockQuantity, d.Product, prior),
						EN: fmt.Sprintf("the customer may buy at most %d units of %s (already bought %d)", d.BlockQuantity, d.Product, prior)}})
			}
		}
		// What is bought counts toward the block whatever the bonification
		// gives (below the minimum, another tender, a campaign that wins).
		if key != "" && allowed > 0 {
			p.Tally = []promo.CounterDelta{{Key: key, Add: decimal.NewFromInt(allowed)}}
		}
	}
	if len(d.Tenders) > 0 && !slices.ContainsFunc(cart.Payments, func(pm promo.Payment) bool { return slices.Contains(d.Tenders, pm.Tender) }) {
		p.Reasons = []promo.Reason{{Code: ReasonComboTender, PT: "finalizadora não participa: " + strings.Join(d.Tenders, ", "),
			EN: "tender not in the bonification: " + strings.Join(d.Tenders, ", ")}}
		return p
	}
	first := d.MinQuantity // 1-based position of the first discounted unit
	if !d.FromMinimum {
		first++
	}
	last := min(allowed, d.MaxBonusQuantity)
	if allowed < d.MinQuantity || last < first {
		p.Reasons = []promo.Reason{{Code: promo.ReasonMinQuantity,
			PT: fmt.Sprintf("bonificação a partir de %d unidades: há %d", d.MinQuantity, allowed),
			EN: fmt.Sprintf("bonification from %d units: there are %d", d.MinQuantity, allowed)}}
		return p
	}
	p.Eligible, p.Occurrences = true, 1
	discountUnits(v, &p, ComboBonus{Product: d.Product, UnitPrice: d.UnitValue}, d.PriceType, first-1, last-first+1, false)
	return p
}

// blockKey is the counter of units an identified customer bought, per the
// block check; "" for none (this sale only).
func (c *combo) blockKey(cart *promo.Cart) string {
	base := "block/" + c.def.ID + "/customer/" + cart.Customer.ID + "/"
	switch c.def.BlockCheck {
	case BlockSaleDay:
		return base + promo.DateOf(cart.Time).String() + "/units"
	case BlockPromotionPeriod:
		return base + "all/units"
	}
	return ""
}

// CounterKeys returns the purchase-block counter the combo reads.
func (c *combo) CounterKeys(cart *promo.Cart) []string {
	if c.def.Type != ComboQuantity || c.def.BlockQuantity == 0 || cart.Customer == nil {
		return nil
	}
	if k := c.blockKey(cart); k != "" {
		return []string{k}
	}
	return nil
}

// comboFields lists, per type, the fields it uses.
func comboFields(t ComboType) ([]string, bool) {
	switch t {
	case ComboKit:
		return []string{"buy", "bonus"}, true
	case ComboInverseKit:
		return []string{"buy", "bonus", "require_all_bonus"}, true
	case ComboBrand:
		return []string{"brands", "min_value", "bonus"}, true
	case ComboQuantity:
		return []string{"product", "min_quantity", "max_bonus_quantity", "from_minimum", "unit_value", "price_type", "tenders", "block_quantity", "block_check"}, true
	case ComboFlavor:
		return []string{"products", "min_quantity", "bonus_value"}, true
	case ComboCustomerType:
		return []string{"customer_types", "buy", "bonus"}, true
	case ComboValue:
		return []string{"buy", "bonus"}, true
	case ComboCombo:
		return []string{"min_value", "bonus"}, true
	case ComboFlyer:
		return []string{"items", "code"}, true
	case ComboScratchCard:
		return []string{"min_value", "every", "max_cards"}, true
	}
	return nil, false
}

func comboSet(d *Combo) []string {
	var out []string
	add := func(ok bool, n string) {
		if ok {
			out = append(out, n)
		}
	}
	add(d.Buy != nil, "buy")
	add(d.Bonus != nil, "bonus")
	add(d.RequireAllBonus, "require_all_bonus")
	add(d.Brands != nil, "brands")
	add(d.MinValue != nil, "min_value")
	add(d.Product != "", "product")
	add(d.MinQuantity != 0, "min_quantity")
	add(d.MaxBonusQuantity != 0, "max_bonus_quantity")
	add(d.FromMinimum, "from_minimum")
	add(d.UnitValue != nil, "unit_value")
	add(d.PriceType != "", "price_type")
	add(d.Tenders != nil, "tenders")
	add(d.BlockQuantity != 0, "block_quantity")
	add(d.BlockCheck != "", "block_check")
	add(d.Products != nil, "products")
	add(d.BonusValue != nil, "bonus_value")
	add(d.CustomerTypes != nil, "customer_types")
	add(d.Items != nil, "items")
	add(d.Code != "", "code")
	add(d.Every != nil, "every")
	add(d.MaxCards != 0, "max_cards")
	return out
}

// combos compiles the combo bonifications.
func (c *compiler) combos(def Ruleset, loc *time.Location, ids map[string]bool) []promo.Promotion {
	var out []promo.Promotion
	for i := range def.Combos {
		d := &def.Combos[i]
		p := fmt.Sprintf("combos[%d]", i)
		before := len(c.problems)
		start, end := c.identity(p, d.ID, "description", d.Description, d.Start, d.End, loc, ids)
		uses, ok := comboFields(d.Type)
		if !ok {
			c.fail(p+".type", "want kit, inverse_kit, brand, quantity, flavor, customer_type, value, combo, flyer or scratch_card, got %q", d.Type)
			continue
		}
		for _, f := range comboSet(d) {
			if !slices.Contains(uses, f) {
				c.fail(p+"."+f, "not used by type %s", d.Type)
			}
		}
		keys := c.comboCheck(p, d)
		if d.FundedBy == "" && d.FunderShare != nil {
			c.fail(p+".funder_share", "needs funded_by")
		}
		share := decimal.Zero
		if d.FunderShare != nil {
			share = *d.FunderShare
			c.positive(p+".funder_share", share, bounds.Percent)
		}
		exc := c.exceptions(p+".exceptions", d.Exceptions)
		if len(c.problems) > before {
			continue
		}
		phase := promo.PhaseItem
		if d.Type == ComboScratchCard {
			phase = promo.PhaseEarning
		}
		out = append(out, &combo{def: d, keys: keys, exc: exc, info: promo.Info{ID: d.ID, Name: d.Description, Type: "combo:" + string(d.Type),
			Phase: phase, Priority: d.Priority, Start: start, End: end, Funder: d.FundedBy, FunderShare: share}})
	}
	return out
}

// comboCheck checks a combo's type-specific fields and returns its keys.
func (c *compiler) comboCheck(p string, d *Combo) promo.Keys {
	var codes []string
	items := func(name string, its []ComboItem, exactlyOne bool) {
		if len(its) == 0 || (exactlyOne && len(its) != 1) {
			if exactlyOne {
				c.fail(p+"."+name, "exactly one product is required")
			} else {
				c.fail(p+"."+name, "at least one product is required")
			}
		}
		for j, it := range its {
			ip := fmt.Sprintf("%s.%s[%d]", p, name, j)
			if it.Product == "" {
				c.fail(ip+".product", "required")
			}
			if it.Quantity < 1 {
				c.fail(ip+".quantity", "must be at least 1")
			}
			codes = append(codes, it.Product)
		}
	}
	bonus := func(exactlyOne, priceOnly bool) {
		seen := map[string]int{}
		for j, b := range d.Bonus {
			if k, dup := seen[b.Product]; dup && b.Product != "" {
				c.fail(fmt.Sprintf("%s.bonus[%d].product", p, j), "bonus[%d] has the same product: give one bonus per product", k)
			}
			seen[b.Product] = j
		}
		if len(d.Bonus) == 0 || (exactlyOne && len(d.Bonus) != 1) {
			c.fail(p+".bonus", "%s", map[bool]string{true: "exactly one bonus product is required", false: "at least one bonus product is required"}[exactlyOne])
		}
		for j, b := range d.Bonus {
			bp := fmt.Sprintf("%s.bonus[%d]", p, j)
			if b.Product == "" {
				c.fail(bp+".product", "required")
			}
			if b.Quantity < 1 {
				c.fail(bp+".quantity", "must be at least 1")
			}
			set := 0
			for _, x := range []struct {
				name string
				v    *decimal.Decimal
				kind bounds.Kind
			}{{"percent", b.Percent, bounds.Percent}, {"amount", b.Amount, bounds.UnitPrice}, {"unit_price", b.UnitPrice, bounds.UnitPrice}} {
				if x.v != nil {
					set++
					c.amount(bp+"."+x.name, *x.v, x.kind)
				}
			}
			switch {
			case priceOnly && (b.UnitPrice == nil || set != 1):
				c.fail(bp+".unit_price", "required, and only it (type %s)", d.Type)
			case !priceOnly && set != 1:
				c.fail(bp, "exactly one of percent, amount and unit_price must be set")
			}
			if d.Type != ComboBrand && b.Brand != "" {
				c.fail(bp+".brand", "used by brand bonifications only")
			}
			codes = append(codes, b.Product)
		}
	}
	switch d.Type {
	case ComboKit:
		items("buy", d.Buy, false)
		bonus(false, false)
	case ComboCustomerType:
		items("buy", d.Buy, false)
		bonus(false, false)
		if len(d.CustomerTypes) == 0 {
			c.fail(p+".customer_types", "at least one customer type is required")
		}
	case ComboInverseKit:
		items("buy", d.Buy, true)
		bonus(false, false)
	case ComboBrand:
		bonus(true, false)
		if len(d.Brands) == 0 {
			c.fail(p+".brands", "at least one brand is required")
		}
		if d.MinValue == nil {
			c.fail(p+".min_value", "required, not negative")
		} else {
			c.amount(p+".min_value", *d.MinValue, bounds.Money)
		}
		if len(d.Bonus) == 1 && !slices.ContainsFunc(d.Brands, func(x string) bool { return strings.EqualFold(x, d.Bonus[0].Brand) }) {
			c.fail(p+".bonus[0].brand", "the bonus product must be of one of the brands (%s), got %q", strings.Join(d.Brands, ", "), d.Bonus[0].Brand)
		}
		return promo.Keys{CartWide: true}
	case ComboQuantity:
		if d.Product == "" {
			c.fail(p+".product", "required")
		}
		if d.MinQuantity < 1 {
			c.fail(p+".min_quantity", "must be at least 1")
		}
		if d.MaxBonusQuantity < d.MinQuantity {
			c.fail(p+".max_bonus_quantity", "must be at least min_quantity")
		}
		if d.UnitValue == nil {
			c.fail(p+".unit_value", "required, not negative")
		} else {
			c.amount(p+".unit_value", *d.UnitValue, bounds.UnitPrice)
		}
		if d.PriceType != "" && d.PriceType != PriceCurrent && d.PriceType != PriceOriginal {
			c.fail(p+".price_type", "want current or original, got %q", d.PriceType)
		}
		switch d.BlockCheck {
		case "", BlockNone, BlockSaleDay, BlockPromotionPeriod:
		default:
			c.fail(p+".block_check", "want sale_day, promotion_period or none, got %q", d.BlockCheck)
		}
		if d.BlockQuantity < 0 {
			c.fail(p+".block_quantity", "must not be negative")
		} else if d.BlockQuantity > 0 && d.BlockQuantity < d.MinQuantity {
			c.fail(p+".block_quantity", "must be at least min_quantity")
		}
		codes = append(codes, d.Product)
	case ComboFlavor:
		if len(d.Products) == 0 {
			c.fail(p+".products", "at least one product is required")
		}
		if d.MinQuantity < 1 {
			c.fail(p+".min_quantity", "must be at least 1")
		}
		if d.BonusValue == nil {
			c.fail(p+".bonus_value", "required, greater than zero")
		} else {
			c.positive(p+".bonus_value", *d.BonusValue, bounds.Money)
		}
		codes = append(codes, d.Products...)
	case ComboValue:
		items("buy", d.Buy, true)
		bonus(true, true)
	case ComboCombo:
		bonus(true, true)
		if d.MinValue == nil {
			c.fail(p+".min_value", "required, not negative")
		} else {
			c.amount(p+".min_value", *d.MinValue, bounds.Money)
		}
		return promo.Keys{CartWide: true}
	case ComboFlyer:
		if len(d.Items) == 0 {
			c.fail(p+".items", "at least one item is required")
		}
		for j, it := range d.Items {
			ip := fmt.Sprintf("%s.items[%d]", p, j)
			if it.Product == "" {
				c.fail(ip+".product", "required")
			}
			c.amount(ip+".price", it.Price, bounds.UnitPrice)
			if it.MaxPerSale < 0 {
				c.fail(ip+".max_per_sale", "must not be negative")
			}
			codes = append(codes, it.Product)
		}
	case ComboScratchCard:
		if d.Every == nil {
			c.fail(p+".every", "required, greater than zero")
		} else {
			c.positive(p+".every", *d.Every, bounds.Money)
		}
		if d.MinValue != nil {
			c.amount(p+".min_value", *d.MinValue, bounds.Money)
		}
		if d.MaxCards < 0 {
			c.fail(p+".max_cards", "must not be negative")
		}
		return promo.Keys{CartWide: true}
	}
	return promo.Keys{ProductCodes: codes}
}

// buyQty is how many units of product one kit buys.
func buyQty(buy []ComboItem, product string) int64 {
	var n int64
	for _, it := range buy {
		if it.Product == product {
			n += it.Quantity
		}
	}
	return n
}

// participate records k units of a product (after the first skip) as
// taking part in the occurrences of a kit, without a discount: the units
// bought, whose bonus discount a return shares with them. They become
// grouped; with participants false they are only marked so (the product
// that opens an inverse kit).
func participate(v *promo.View, p *promo.Proposal, product string, skip, k int64, participants bool) {
	for _, r := range takeRuns(productRuns(v, product, true), skip, k) {
		if participants {
			p.Participants = append(p.Participants, promo.Participant{Line: r.Line, Units: r.Units})
		}
		p.Grouped = append(p.Grouped, promo.RunUnits{Line: r.Line, Run: r.Run, Units: r.Units})
	}
}

// bonusAboveMinimum gives the bonus b once the lines reach a minimum value
// (brand and combo bonifications); what names the lines in the messages.
func bonusAboveMinimum(v *promo.View, lines []int, minimum decimal.Decimal, b ComboBonus, whatPT, whatEN string) promo.Proposal {
	if got := v.Total(lines); got.LessThan(minimum) {
		miss := minimum.Sub(got)
		return short(notEligible(promo.ReasonMinValue, "valor mínimo "+whatPT+" não atingido: faltam R$ "+promo.FormatBRL(miss),
			"minimum value "+whatEN+" not reached: R$ "+miss.StringFixed(2)+" missing"), v.Shortfall(lines, miss, 0))
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	if discountUnits(v, &p, b, PriceCurrent, 0, b.Quantity, false) == 0 {
		return notEligible(ReasonComboMissing, "produto bônus "+b.Product+" fora da venda", "bonus product "+b.Product+" not in the sale")
	}
	return p
}
