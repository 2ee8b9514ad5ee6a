package promogen

import (
	"slices"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
)

// BenefitKind is a kind of benefit the campaign generators draw.
type BenefitKind string

// The benefit kinds.
const (
	SalePercent      BenefitKind = "sale_percent"      // percent off the sale, 0 to 100
	SaleAmount       BenefitKind = "sale_amount"       // R$ 0,01 to R$ 300,00 off the sale
	ItemPercent      BenefitKind = "item_percent"      // percent off items, 0 to 100
	ItemAmount       BenefitKind = "item_amount"       // R$ 0,001 to R$ 50,000 off each unit
	FinalPrice       BenefitKind = "final_price"       // a unit price of R$ 0,00 to R$ 200,00
	FreeUnits        BenefitKind = "free_units"        // leve 2 a 5, pague menos
	GiftProducts     BenefitKind = "gift"              // 1 or 2 units of a catalog product (brinde)
	ProgressiveItems BenefitKind = "progressive_items" // quantity tiers on items
	ProgressiveSale  BenefitKind = "progressive_sale"  // quantity tiers on the sale
	AgeSale          BenefitKind = "age_sale"          // a percent per year of age, on the sale
	AgeItems         BenefitKind = "age_items"         // the same on items
	NoBenefit        BenefitKind = "no_benefit"        // the activation is recorded (não possui benefícios)
	PointsOnly       BenefitKind = "points_only"       // loyalty points and nothing else
)

// AllBenefits returns every benefit kind.
func AllBenefits() []BenefitKind {
	return []BenefitKind{SalePercent, SaleAmount, ItemPercent, ItemAmount, FinalPrice, FreeUnits, GiftProducts,
		ProgressiveItems, ProgressiveSale, AgeSale, AgeItems, NoBenefit, PointsOnly}
}

func cents(n int64) decimal.Decimal { return decimal.New(n, -2) }

// benefit draws a benefit of the given kind into cp.
func (c *config) benefit(t *rapid.T, cp *campaign.Campaign, kind BenefitKind) {
	b := &cp.Benefit
	percent := func() *decimal.Decimal {
		return campaign.Ptr(cents(rapid.Int64Range(0, 10000).Draw(t, "percent_hundredths")))
	}
	selection := func() {
		b.ApplyTo = rapid.SampledFrom([]campaign.ApplyTo{"", campaign.ApplyToAll, campaign.ApplyToHighest, campaign.ApplyToLowest}).Draw(t, "apply_to")
	}
	repetitions := func() {
		if chance(t, 50, "has_max_repetitions") {
			cp.MaxRepetitions = rapid.IntRange(1, 3).Draw(t, "max_repetitions")
		}
	}
	switch kind {
	case SalePercent:
		b.On, b.Percent = campaign.OnSale, percent()
	case SaleAmount:
		b.On, b.Amount = campaign.OnSale, campaign.Ptr(cents(rapid.Int64Range(1, 30000).Draw(t, "sale_amount_cents")))
	case ItemPercent:
		b.On, b.Percent = campaign.OnItems, percent()
		selection()
		repetitions()
	case ItemAmount:
		b.On, b.Amount = campaign.OnItems, campaign.Ptr(decimal.New(rapid.Int64Range(1, 50000).Draw(t, "item_amount_mills"), -3))
		selection()
		repetitions()
	case FinalPrice:
		b.On, b.FinalPrice = campaign.OnItems, campaign.Ptr(cents(rapid.Int64Range(0, 20000).Draw(t, "final_price_cents")))
		selection()
		repetitions()
	case FreeUnits:
		buy := rapid.Int64Range(2, 5).Draw(t, "buy")
		b.On, b.FreeUnits = campaign.OnItems, &campaign.FreeUnits{Buy: buy, Pay: rapid.Int64Range(1, buy-1).Draw(t, "pay")}
		selection()
		repetitions()
	case GiftProducts:
		b.On, b.Gift = campaign.OnItems, c.gift(t)
		repetitions()
	case ProgressiveItems, ProgressiveSale:
		b.On = campaign.OnItems
		if kind == ProgressiveSale {
			b.On = campaign.OnSale
		}
		b.Progressive = progressive(t)
	case AgeSale, AgeItems:
		b.On = campaign.OnSale
		if kind == AgeItems {
			b.On = campaign.OnItems
		}
		b.AgePercent = &campaign.AgePercent{
			PerYear: cents(rapid.Int64Range(50, 300).Draw(t, "per_year_hundredths")),
			Max:     decimal.NewFromInt(rapid.Int64Range(5, 50).Draw(t, "age_max")),
		}
	case NoBenefit:
		// Worth nothing: drawn cumulative, so that it does not wipe out
		// the others.
		cp.NoBenefit, cp.NonCumulative = true, false
	case PointsOnly:
		// Extras only: non-cumulative it would need settings.point_value.
		cp.NonCumulative = false
		cp.Extras = &campaign.Extras{Points: &campaign.Points{Fixed: campaign.Ptr(decimal.NewFromInt(rapid.Int64Range(1, 50).Draw(t, "points")))}}
	default:
		t.Fatalf("promogen: unknown benefit kind %q", kind)
	}
}

// gift draws a gift of 1 or 2 units of one or two catalog products.
func (c *config) gift(t *rapid.T) *campaign.Gift {
	var codes []string
	for _, p := range c.catalog() {
		if !slices.Contains(codes, p.Code) {
			codes = append(codes, p.Code)
		}
	}
	return &campaign.Gift{
		Quantity: rapid.Int64Range(1, 2).Draw(t, "gift_quantity"),
		Options:  rapid.SliceOfNDistinct(rapid.SampledFrom(codes), 1, 2, rapid.ID[string]).Draw(t, "gift_options"),
	}
}

// progressive draws one to three quantity tiers, each a percent or an
// amount off.
func progressive(t *rapid.T) *campaign.Progressive {
	p := &campaign.Progressive{}
	for _, q := range rapid.SliceOfNDistinct(rapid.Int64Range(1, 5), 1, 3, rapid.ID[int64]).Draw(t, "tier_quantities") {
		tier := campaign.ProgressiveTier{MinQuantity: q}
		if rapid.Bool().Draw(t, "tier_percent") {
			tier.Percent = campaign.Ptr(decimal.NewFromInt(rapid.Int64Range(1, 50).Draw(t, "tier_percent_value")))
		} else {
			tier.Amount = campaign.Ptr(cents(rapid.Int64Range(100, 3000).Draw(t, "tier_amount_cents")))
		}
		p.Tiers = append(p.Tiers, tier)
	}
	return p
}
