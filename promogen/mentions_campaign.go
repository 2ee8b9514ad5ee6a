package promogen

import (
	"strings"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/rules"
)

// campaign adds what a campaign's rules, thresholds and benefit name.
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

// conditions adds what conditions name, the nested ones too.
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
			s.customers(cd.Values, false)
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
				s.promoCodes(campaignID, *cd.Codes)
			}
		case campaign.CondSaleCategory:
			s.m.SaleCategories = append(s.m.SaleCategories, cd.Values...)
		case campaign.CondDeliveryMethod:
			s.m.Freight = true
			s.m.DeliveryMethods = append(s.m.DeliveryMethods, cd.Values...)
		case campaign.CondStore:
			s.stores(cd.Values...)
		case campaign.CondFirstPurchase:
			s.m.FirstPurchase = true
		case campaign.CondConectaAgenda:
			s.m.ConectaAgenda = true
		}
		s.conditions(campaignID, cd.Conditions)
	}
}

// markdown adds a markdown's stores, items and prices.
func (s *mentionSet) markdown(md campaign.Markdown) {
	s.stores(md.Stores...)
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

// promoCodes adds a code set's listed codes and the first three it
// generates.
func (s *mentionSet) promoCodes(campaignID string, codes campaign.CodeSet) {
	s.m.Codes = append(s.m.Codes, codes.List...)
	switch g := codes.Generate; {
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
