package promogen

import (
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// pack adds a Desconto Pack's stores, with their kind, its coupon and
// what its requirements and prize name.
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

// combo adds the products, brands, tenders, customer types, quantities,
// amounts and code a combo names.
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

// juntosSomosMais adds the program's brands and the stores with their own
// points table.
func (s *mentionSet) juntosSomosMais(j campaign.JuntosSomosMais) {
	s.m.Professional = true
	s.m.Brands = append(s.m.Brands, j.Brands...)
	for _, tb := range j.Tables {
		if tb.Store != "*" {
			s.stores(tb.Store)
		}
	}
}

// industry adds an industry promotion's products, free units (buy/pay) and volume
// quantities and, when budgeted, its id.
func (s *mentionSet) industry(x campaign.IndustryPromotion) {
	s.m.ProductCodes = append(s.m.ProductCodes, x.Products...)
	if x.FreeUnits != nil {
		s.quantities(x.FreeUnits.Buy, x.FreeUnits.Pay)
	}
	for _, tier := range x.VolumeTiers {
		s.quantities(tier.MinQuantity)
	}
	if x.Budgeted {
		s.m.Budgets = append(s.m.Budgets, x.ID)
	}
}
