package promogen

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// mentionSet collects values while walking a definition.
type mentionSet struct {
	m Mentions
}

// MentionsOf walks a ruleset definition and returns what it names. Dates
// that do not parse are left out (Compile reports them); the instants are
// each promotion's start, a minute later, and its end.
func MentionsOf(def campaign.Ruleset) Mentions {
	s := &mentionSet{}
	for _, g := range def.Groupings {
		s.grouping(g)
	}
	for _, c := range def.Campaigns {
		s.campaign(c)
	}
	for _, md := range def.Markdowns {
		s.markdown(md)
	}
	if def.Loyalty != nil && def.Loyalty.JuntosSomosMais != nil {
		s.juntosSomosMais(*def.Loyalty.JuntosSomosMais)
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
		s.industry(x)
	}
	periods, _ := def.Periods()
	loc, err := def.Location()
	if err != nil {
		loc = time.UTC
	}
	s.m.Instants = instantsOf(periods, loc)
	return s.m.normalized()
}

// quantities adds the positive unit counts.
func (s *mentionSet) quantities(qs ...int64) {
	for _, q := range qs {
		if q > 0 {
			s.m.Quantities = append(s.m.Quantities, q)
		}
	}
}

// amounts adds the positive amounts that are set.
func (s *mentionSet) amounts(ds ...*decimal.Decimal) {
	for _, d := range ds {
		if d != nil && d.Sign() > 0 {
			s.m.Amounts = append(s.m.Amounts, *d)
		}
	}
}

// stores adds stores of unknown kind by their ids.
func (s *mentionSet) stores(ids ...string) {
	for _, id := range ids {
		s.m.Stores = append(s.m.Stores, promo.Store{ID: id})
	}
}

// customers adds customers, each as a tax id (CPF or CNPJ) when it parses
// as one, else as a token when tokens is set.
func (s *mentionSet) customers(who []string, tokens bool) {
	for _, v := range who {
		if id, err := br.ParseTaxID(v); err == nil {
			s.m.TaxIDs = append(s.m.TaxIDs, id)
		} else if tokens {
			s.m.Customers = append(s.m.Customers, v)
		}
	}
}

// grouping adds the members of a product, store or customer grouping.
func (s *mentionSet) grouping(g campaign.Grouping) {
	switch g.Kind {
	case campaign.GroupingProduct:
		s.m.ProductCodes = append(s.m.ProductCodes, g.Members...)
	case campaign.GroupingStore:
		s.stores(g.Members...)
	case campaign.GroupingCustomer:
		s.m.CustomerGroupings = append(s.m.CustomerGroupings, g.ID)
		s.customers(g.Members, true)
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
