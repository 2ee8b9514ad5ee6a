package promogen

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// Mentions are the values a ruleset names — the products, categories,
// groupings, codes, stores, customers, tenders, quantities and amounts its
// promotions look at — and the pools the generators draw from. Every list
// is sorted and without repeats, so that the same ruleset gives the same
// Mentions and the same carts for the same draws.
type Mentions struct {
	// Line attributes.
	ProductCodes, SKUs, EANs, NCMs, Categories, Brands []string
	ProductLines, Manufacturers, Families, Roles       []string
	// References are the values of the line attribute "reference" a
	// markdown by reference names.
	References []string
	// Stores, with their kind (a Desconto Pack table names franchises).
	Stores []promo.Store
	// Instants are when the promotions start and end; a shaped cart's
	// instant is drawn from them, the instants most promotions are in
	// force at first.
	Instants []time.Time
	// Customers are customer tokens; TaxIDs CPFs and CNPJs; Ages ages in
	// years around the bounds age rules state.
	Customers []string
	TaxIDs    []promo.TaxID
	Ages      []int
	// Tiers and CustomerGroupings are customer classifications and
	// groupings (the ids a Customer.Groupings lists).
	Tiers, CustomerGroupings []string
	// Captured are the captured fields optional campaigns compare.
	Captured []Captured
	// Tenders and BINs are payment types and card prefixes.
	Tenders, BINs []string
	// Codes are promo codes, Desconto Pack coupons and flyer codes.
	Codes []string
	// SaleCategories are the sale categories rules name.
	SaleCategories []string
	// DeliveryMethods are the delivery methods rules name (frete).
	DeliveryMethods []string
	// Offers are the ids of optional campaigns (campanhas opcionais).
	Offers []string
	// Quantities are the unit counts the ruleset's thresholds name
	// (minimum quantities, group sizes, tiers, blocks); Amounts its
	// amounts (minimum values, prices, steps).
	Quantities []int64
	Amounts    []decimal.Decimal
	// Budgets are the ids of budgeted industry promotions; Cashback the
	// ids of the campaigns that earn cashback (a wallet's credits name
	// them).
	Budgets, Cashback []string
	// Birthdays, FirstPurchase, ConectaAgenda, Professional (Juntos Somos
	// Mais), Exchanges and Freight say that some promotion looks at
	// birthdays, first purchases, the Conecta agenda, the professional's
	// CPF, exchange items (troca) or the sale's freight (frete).
	Birthdays, FirstPurchase, ConectaAgenda, Professional, Exchanges, Freight bool
}

// Captured is a captured field and a value an optional campaign compares
// it with.
type Captured struct{ Field, Value string }

func (m Mentions) clone() Mentions {
	c := m
	c.ProductCodes, c.SKUs, c.EANs, c.NCMs = slices.Clone(m.ProductCodes), slices.Clone(m.SKUs), slices.Clone(m.EANs), slices.Clone(m.NCMs)
	c.Categories, c.Brands, c.ProductLines = slices.Clone(m.Categories), slices.Clone(m.Brands), slices.Clone(m.ProductLines)
	c.Manufacturers, c.Families, c.Roles = slices.Clone(m.Manufacturers), slices.Clone(m.Families), slices.Clone(m.Roles)
	c.References, c.Stores, c.Instants = slices.Clone(m.References), slices.Clone(m.Stores), slices.Clone(m.Instants)
	c.Customers, c.TaxIDs, c.Ages = slices.Clone(m.Customers), slices.Clone(m.TaxIDs), slices.Clone(m.Ages)
	c.Tiers, c.CustomerGroupings, c.Captured = slices.Clone(m.Tiers), slices.Clone(m.CustomerGroupings), slices.Clone(m.Captured)
	c.Tenders, c.BINs, c.Codes = slices.Clone(m.Tenders), slices.Clone(m.BINs), slices.Clone(m.Codes)
	c.SaleCategories, c.Offers, c.DeliveryMethods = slices.Clone(m.SaleCategories), slices.Clone(m.Offers), slices.Clone(m.DeliveryMethods)
	c.Quantities, c.Amounts = slices.Clone(m.Quantities), slices.Clone(m.Amounts)
	c.Budgets, c.Cashback = slices.Clone(m.Budgets), slices.Clone(m.Cashback)
	return c
}

// mentionSet collects values while walking a definition.
type mentionSet struct {
	m Mentions
}

// MentionsOf walks a ruleset definition and returns what it names. Dates
// that do not parse are left out (Compile reports them); the instants are
// each promotion's start, a minute later, and its end.
func MentionsOf(def campaign.Ruleset) Mentions {
	s := &mentionSet{}
	groupings := map[string]campaign.Grouping{}
	for _, g := range def.Groupings {
		groupings[g.ID] = g
		switch g.Kind {
		case campaign.GroupingProduct:
			s.m.ProductCodes = append(s.m.ProductCodes, g.Members...)
		case campaign.GroupingStore:
			for _, id := range g.Members {
				s.m.Stores = append(s.m.Stores, promo.Store{ID: id})
			}
		case campaign.GroupingCustomer:
			s.m.CustomerGroupings = append(s.m.CustomerGroupings, g.ID)
			for _, who := range g.Members {
				if id, err := promo.ParseTaxID(who); err == nil {
					s.m.TaxIDs = append(s.m.TaxIDs, id)
				} else {
					s.m.Customers = append(s.m.Customers, who)
				}
			}
		}
	}
	for _, c := range def.Campaigns {
		s.campaign(c)
	}
	for _, md := range def.Markdowns {
		s.markdown(md)
	}
	if def.Loyalty != nil && def.Loyalty.JuntosSomosMais != nil {
		j := def.Loyalty.JuntosSomosMais
		s.m.Professional = true
		s.m.Brands = append(s.m.Brands, j.Brands...)
		for _, tb := range j.Tables {
			if tb.Store != "*" {
				s.m.Stores = append(s.m.Stores, promo.Store{ID: tb.Store})
			}
		}
	}
	if def.Company != nil && def.Company.NearExpiryMask != "" {
		s.m.EANs = append(s.m.EANs, eanOfMask(def.Company.NearExpiryMask))
	}
	for _, p := range def.DiscountPacks {
		s.pack(p)
	}
	for _, cb := range def.Combos {
		s.combo(cb)
	}
	for _, x := range def.IndustryPromotions {
		s.m.ProductCodes = append(s.m.ProductCodes, x.Products...)
		if x.TakePay != nil {
			s.quantities(x.TakePay.Take, x.TakePay.Pay)
		}
		for _, tier := range x.VolumeTiers {
			s.quantities(tier.MinQuantity)
		}
		if x.Budgeted {
			s.m.Budgets = append(s.m.Budgets, x.ID)
		}
	}
	periods, _ := def.Periods()
	loc, err := def.Location()
	if err != nil {
		loc = time.UTC
	}
	s.m.Instants = instantsOf(periods, loc)
	return s.m.normalized()
}

func (s *mentionSet) quantities(qs ...int64) {
	for _, q := range qs {
		if q > 0 {
			s.m.Quantities = append(s.m.Quantities, q)
		}
	}
}

func (s *mentionSet) amounts(ds ...*decimal.Decimal) {
	for _, d := range ds {
		if d != nil && d.Sign() > 0 {
			s.m.Amounts = append(s.m.Amounts, *d)
		}
	}
}

func (s *mentionSet) campaign(c campaign.Campaign) {
	if c.Rules != nil {
		s.conditions(c.ID, c.Rules.Conditions)
	}
	if c.Optional {
		s.m.Offers = append(s.m.Offers, c.ID)
	}
	if c.ExchangeMode != "" {
		s.m.Exchanges = true
	}
	if c.Benefit.On == campaign.OnFreight {
		s.m.Freight = true
	}
	s.quantities(c.MinQuantity)
	s.amounts(c.MinValue)
	b := c.Benefit
	s.amounts(b.Amount, b.FinalPrice)
	if b.FreeUnits != nil {
		s.quantities(b.FreeUnits.Buy, b.FreeUnits.Pay)
	}
	if b.Gift != nil {
		s.m.ProductCodes = append(s.m.ProductCodes, b.Gift.Options...)
		s.quantities(b.Gift.Quantity)
	}
	if b.Progressive != nil {
		for _, tier := range b.Progressive.Tiers {
			s.quantities(tier.MinQuantity)
			s.amounts(tier.Amount)
		}
	}
	if b.AgePercent != nil {
		s.m.Ages = append(s.m.Ages, 18, 30, 60)
	}
	if c.Extras != nil && c.Extras.Cashback != nil {
		s.m.Cashback = append(s.m.Cashback, c.ID)
		s.amounts(&c.Extras.Cashback.MinPurchase)
	}
	for _, l := range c.Limits {
		s.quantities(l.Max, l.Max+1)
	}
}

func (s *mentionSet) conditions(campaignID string, cds []campaign.Condition) {
	for _, cd := range cds {
		switch cd.Kind {
		case campaign.CondProductCode:
			s.m.ProductCodes = append(s.m.ProductCodes, cd.Values...)
		case campaign.CondSKU:
			s.m.SKUs = append(s.m.SKUs, cd.Values...)
		case campaign.CondNCM:
			s.m.NCMs = append(s.m.NCMs, cd.Values...)
		case campaign.CondCategory:
			for _, v := range cd.Values {
				s.m.Categories = append(s.m.Categories, strings.Trim(v, "/"))
			}
		case campaign.CondCustomerTaxID:
			for _, v := range cd.Values {
				if id, err := promo.ParseTaxID(v); err == nil {
					s.m.TaxIDs = append(s.m.TaxIDs, id)
				}
			}
		case campaign.CondCustomerAge:
			for _, b := range []*int{cd.Min, cd.Max} {
				if b != nil {
					s.m.Ages = append(s.m.Ages, *b-1, *b, *b+1)
				}
			}
		case campaign.CondCustomerTier:
			s.m.Tiers = append(s.m.Tiers, cd.Values...)
		case campaign.CondCustomerGrouping:
			s.m.CustomerGroupings = append(s.m.CustomerGroupings, cd.Grouping)
		case campaign.CondBirthday:
			s.m.Birthdays = true
		case campaign.CondCapturedField:
			s.m.Captured = append(s.m.Captured, Captured{Field: string(cd.Field), Value: cd.Value})
		case campaign.CondTender:
			s.m.Tenders = append(s.m.Tenders, cd.Values...)
		case campaign.CondCardBIN:
			s.m.BINs = append(s.m.BINs, cd.Values...)
		case campaign.CondPromoCode:
			if cd.Codes != nil {
				s.m.Codes = append(s.m.Codes, cd.Codes.List...)
				switch g := cd.Codes.Generate; {
				case g == nil || g.Count <= 0 || g.Length <= 0:
				case g.Numbered:
					set := rules.NumberedSet{Campaign: campaignID, Prefix: g.Prefix, Secret: g.Secret, Count: g.Count, Length: g.Length}
					for n := range min(g.Count, 3) {
						s.m.Codes = append(s.m.Codes, set.Code(n))
					}
				default:
					s.m.Codes = append(s.m.Codes, rules.GenerateCodes(campaignID, g.Prefix, g.Secret, min(g.Count, 3), g.Length)...)
				}
			}
		case campaign.CondSaleCategory:
			s.m.SaleCategories = append(s.m.SaleCategories, cd.Values...)
		case campaign.CondDeliveryMethod:
			s.m.Freight = true
			s.m.DeliveryMethods = append(s.m.DeliveryMethods, cd.Values...)
		case campaign.CondStore:
			for _, id := range cd.Values {
				s.m.Stores = append(s.m.Stores, promo.Store{ID: id})
			}
		case campaign.CondFirstPurchase:
			s.m.FirstPurchase = true
		case campaign.CondConectaAgenda:
			s.m.ConectaAgenda = true
		}
		s.conditions(campaignID, cd.Conditions)
	}
}

func (s *mentionSet) markdown(md campaign.Markdown) {
	for _, id := range md.Stores {
		s.m.Stores = append(s.m.Stores, promo.Store{ID: id})
	}
	for _, it := range md.Items {
		switch md.By {
		case campaign.MarkdownByCode:
			s.m.ProductCodes = append(s.m.ProductCodes, it.Key)
		case campaign.MarkdownBySKU:
			s.m.SKUs = append(s.m.SKUs, it.Key)
		case campaign.MarkdownByReference:
			s.m.References = append(s.m.References, it.Key)
		default:
			s.m.ProductCodes = append(s.m.ProductCodes, it.Key)
		}
		p := it.Price
		s.amounts(&p)
	}
	if md.Audience == campaign.AudienceLoyal && len(s.m.Tiers) == 0 {
		s.m.Tiers = append(s.m.Tiers, "fidelidade")
	}
}

func (s *mentionSet) pack(p campaign.DiscountPack) {
	for _, st := range p.Stores {
		kind := promo.StoreOwn
		if st.Kind == campaign.PackStoreFranchise {
			kind = promo.StoreFranchise
		}
		s.m.Stores = append(s.m.Stores, promo.Store{ID: st.ID, Kind: kind})
	}
	s.amounts(p.MinSaleValue)
	s.m.Codes = append(s.m.Codes, p.Coupon)
	attr := func(a campaign.PackAttribute, code string) {
		switch a {
		case campaign.AttributeLine:
			s.m.ProductLines = append(s.m.ProductLines, code)
		case campaign.AttributeManufacturer:
			s.m.Manufacturers = append(s.m.Manufacturers, code)
		case campaign.AttributeFamily:
			s.m.Families = append(s.m.Families, code)
		case campaign.AttributeProduct:
			s.m.ProductCodes = append(s.m.ProductCodes, code)
		case campaign.AttributeRole:
			s.m.Roles = append(s.m.Roles, code)
		}
	}
	for _, rq := range p.Requirements {
		attr(rq.Attribute, rq.Code)
		s.amounts(rq.MinValue)
		s.quantities(rq.MinQuantity)
	}
	if it := p.Prize.Items; it != nil {
		attr(it.Attribute, it.Code)
		s.quantities(it.Quantity)
	}
	if sp := p.Prize.Sale; sp != nil {
		s.amounts(sp.Amount)
	}
	s.quantities(p.MaxItems, p.LimitPerCustomer)
}

func (s *mentionSet) combo(cb campaign.Combo) {
	for _, it := range cb.Buy {
		s.m.ProductCodes = append(s.m.ProductCodes, it.Product)
		s.quantities(it.Quantity)
	}
	for _, b := range cb.Bonus {
		s.m.ProductCodes = append(s.m.ProductCodes, b.Product)
		if b.Brand != "" {
			s.m.Brands = append(s.m.Brands, b.Brand)
		}
		s.quantities(b.Quantity)
		s.amounts(b.Amount, b.UnitPrice)
	}
	s.m.Brands = append(s.m.Brands, cb.Brands...)
	if cb.Product != "" {
		s.m.ProductCodes = append(s.m.ProductCodes, cb.Product)
	}
	s.m.ProductCodes = append(s.m.ProductCodes, cb.Products...)
	s.quantities(cb.MinQuantity, cb.MaxBonusQuantity, cb.BlockQuantity, cb.BlockQuantity+1, cb.MaxCards)
	s.amounts(cb.MinValue, cb.UnitValue, cb.BonusValue, cb.Every)
	s.m.Tenders = append(s.m.Tenders, cb.Tenders...)
	s.m.Tiers = append(s.m.Tiers, cb.CustomerTypes...)
	for _, it := range cb.Items {
		s.m.ProductCodes = append(s.m.ProductCodes, it.Product)
		p := it.Price
		s.amounts(&p)
		s.quantities(it.MaxPerSale, it.MaxPerSale+1)
	}
	if cb.Code != "" {
		s.m.Codes = append(s.m.Codes, cb.Code)
	}
}

// eanOfMask returns a 13-digit barcode a near-expiry mask matches: its
// digits, a 0 for each wildcard, zeros after a final "*".
func eanOfMask(mask string) string {
	var b strings.Builder
	for _, r := range mask {
		switch {
		case r == '*':
			continue
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('0')
		}
	}
	for b.Len() < 13 {
		b.WriteByte('0')
	}
	return b.String()
}

// instantsOf returns the instants to draw a sale's from: each period's
// start, a minute after it and its end, in the ruleset's zone, those in
// force for the most promotions first, then in time order.
func instantsOf(periods []campaign.Period, loc *time.Location) []time.Time {
	var ts []time.Time
	for _, p := range periods {
		ts = append(ts, p.Start.In(loc), p.Start.Add(time.Minute).In(loc))
		if !p.End.IsZero() {
			ts = append(ts, p.End.Truncate(time.Second).In(loc))
		}
	}
	inForce := func(t time.Time) int {
		n := 0
		for _, p := range periods {
			if !t.Before(p.Start) && (p.End.IsZero() || !t.After(p.End)) {
				n++
			}
		}
		return n
	}
	slices.SortStableFunc(ts, func(a, b time.Time) int {
		if c := cmp.Compare(inForce(b), inForce(a)); c != 0 {
			return c
		}
		return a.Compare(b)
	})
	return slices.CompactFunc(ts, time.Time.Equal)
}

// normalized sorts every list and drops repeats and empty values.
func (m Mentions) normalized() Mentions {
	strs := func(s []string) []string {
		s = slices.DeleteFunc(slices.Clone(s), func(v string) bool { return v == "" })
		slices.Sort(s)
		return slices.Compact(s)
	}
	m.ProductCodes, m.SKUs, m.EANs, m.NCMs = strs(m.ProductCodes), strs(m.SKUs), strs(m.EANs), strs(m.NCMs)
	m.Categories, m.Brands, m.ProductLines = strs(m.Categories), strs(m.Brands), strs(m.ProductLines)
	m.Manufacturers, m.Families, m.Roles = strs(m.Manufacturers), strs(m.Families), strs(m.Roles)
	m.References, m.Customers, m.Tiers = strs(m.References), strs(m.Customers), strs(m.Tiers)
	m.CustomerGroupings, m.Tenders, m.BINs = strs(m.CustomerGroupings), strs(m.Tenders), strs(m.BINs)
	m.Codes, m.SaleCategories, m.Offers = strs(m.Codes), strs(m.SaleCategories), strs(m.Offers)
	m.DeliveryMethods = strs(m.DeliveryMethods)
	m.Budgets, m.Cashback = strs(m.Budgets), strs(m.Cashback)
	slices.SortFunc(m.Stores, func(a, b promo.Store) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(b.Kind, a.Kind)) // a franchise wins
	})
	m.Stores = slices.CompactFunc(m.Stores, func(a, b promo.Store) bool { return a.ID == b.ID })
	slices.SortFunc(m.TaxIDs, func(a, b promo.TaxID) int { return cmp.Compare(a.String(), b.String()) })
	m.TaxIDs = slices.Compact(m.TaxIDs)
	m.Ages = slices.DeleteFunc(m.Ages, func(a int) bool { return a < 0 || a > 120 })
	slices.Sort(m.Ages)
	m.Ages = slices.Compact(m.Ages)
	slices.SortFunc(m.Captured, func(a, b Captured) int { return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Value, b.Value)) })
	m.Captured = slices.Compact(m.Captured)
	slices.Sort(m.Quantities)
	m.Quantities = slices.Compact(m.Quantities)
	slices.SortFunc(m.Amounts, decimal.Decimal.Cmp)
	m.Amounts = slices.CompactFunc(m.Amounts, decimal.Decimal.Equal)
	return m
}
