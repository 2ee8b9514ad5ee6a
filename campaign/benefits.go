package campaign

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/internal/bounds"
)

const benefitKinds = "percent, amount, final_price, free_units, gift, progressive and age_percent"

// benefit compiles a campaign's benefit at path p.
func (c *compiler) benefit(p string, b *Benefit) (benefit.Benefit, benefit.Selection) {
	sel, err := benefit.ParseSelection(string(b.ApplyTo))
	if err != nil {
		c.fail(p+".apply_to", "%v", err)
	}
	set := 0
	for _, ok := range []bool{b.Percent != nil, b.Amount != nil, b.FinalPrice != nil, b.FreeUnits != nil,
		b.Gift != nil, b.Progressive != nil, b.AgePercent != nil} {
		if ok {
			set++
		}
	}
	if set != 1 {
		c.fail(p, "exactly one of %s must be set, got %d", benefitKinds, set)
	}
	c.benefitAmounts(p, b)
	if b.FreeUnits != nil {
		c.freeUnits(p+".free_units", b.FreeUnits)
	}
	if b.Gift != nil {
		c.gift(p+".gift", b.Gift)
	}
	tiers := c.tiers(p+".progressive", b.Progressive)
	if a := b.AgePercent; a != nil {
		c.positive(p+".age_percent.per_year", a.PerYear, bounds.Percent)
		c.positive(p+".age_percent.max", a.Max, bounds.Percent)
	}
	c.benefitUnits(p, b)
	switch b.On {
	case OnSale:
		c.notFor(p, "applies to items only (on: items)", setField{b.FinalPrice != nil, "final_price"},
			setField{b.FreeUnits != nil, "free_units"}, setField{b.Gift != nil, "gift"}, setField{b.ApplyTo != "", "apply_to"})
	case OnItems:
	case OnFreight:
		c.notFor(p, "a freight benefit is percent, amount or final_price", setField{b.FreeUnits != nil, "free_units"},
			setField{b.Gift != nil, "gift"}, setField{b.Progressive != nil, "progressive"},
			setField{b.AgePercent != nil, "age_percent"}, setField{b.ApplyTo != "", "apply_to"})
		if set != 1 {
			return nil, sel
		}
		return freightBenefit(b), sel
	case "":
		c.fail(p+".on", "required (sale, items or freight)")
		return nil, sel
	default:
		c.fail(p+".on", "unknown target %q (want sale, items or freight)", b.On)
		return nil, sel
	}
	if set != 1 {
		return nil, sel
	}
	return c.lineBenefit(b, tiers), sel
}

// benefitAmounts checks a benefit's amounts: a percent, an amount off (of
// money off the sale or the freight, a unit price off each unit), a final
// price and the cap.
func (c *compiler) benefitAmounts(p string, b *Benefit) {
	if b.Percent != nil {
		c.amount(p+".percent", *b.Percent, bounds.Percent)
	}
	if b.Amount != nil {
		// Off the sale, an amount of money; off each unit, a unit price.
		if b.On == OnSale || b.On == OnFreight {
			c.amount(p+".amount", *b.Amount, bounds.Money)
		} else {
			c.amount(p+".amount", *b.Amount, bounds.UnitPrice)
		}
	}
	if b.FinalPrice != nil {
		if b.On == OnFreight {
			c.amount(p+".final_price", *b.FinalPrice, bounds.Money)
		} else {
			c.amount(p+".final_price", *b.FinalPrice, bounds.UnitPrice)
		}
	}
	if b.MaxDiscount != nil {
		switch {
		case b.Gift != nil:
			c.fail(p+".max_discount", "a gift is not capped in money: give the gift's quantity instead")
		case b.Amount != nil && b.On == OnSale:
			c.fail(p+".max_discount", "a fixed amount off the sale is its own cap")
		default:
			c.positive(p+".max_discount", *b.MaxDiscount, bounds.Money)
		}
	}
}

// tiers checks a progressive benefit's tiers at path p and compiles them;
// nil when there is none.
func (c *compiler) tiers(p string, pr *Progressive) []benefit.Tier {
	if pr == nil {
		return nil
	}
	if len(pr.Tiers) == 0 {
		c.fail(p+".tiers", "at least one tier is required")
	}
	var tiers []benefit.Tier
	seen := map[int64]bool{}
	for j, t := range pr.Tiers {
		tp := fmt.Sprintf("%s.tiers[%d]", p, j)
		c.tierMinimum(tp, t.MinQuantity, seen)
		switch {
		case (t.Amount == nil) == (t.Percent == nil):
			c.fail(tp, "exactly one of amount and percent must be set")
		case t.Amount != nil && !c.amount(tp+".amount", *t.Amount, bounds.Money):
		case t.Percent != nil && !c.amount(tp+".percent", *t.Percent, bounds.Percent):
		case t.Amount != nil:
			tiers = append(tiers, benefit.Tier{MinQuantity: t.MinQuantity, Amount: *t.Amount})
		default:
			tiers = append(tiers, benefit.Tier{MinQuantity: t.MinQuantity, Percent: *t.Percent, IsPercent: true})
		}
	}
	return tiers
}

// tierMinimum checks the minimum quantity of a tier at path tp: at least
// 1, and not another tier's (seen, which it joins).
func (c *compiler) tierMinimum(tp string, minQuantity int64, seen map[int64]bool) {
	if minQuantity < 1 {
		c.fail(tp+".min_quantity", "must be at least 1")
	} else if seen[minQuantity] {
		c.fail(tp+".min_quantity", "another tier has min_quantity %d", minQuantity)
	}
	seen[minQuantity] = true
}

// freeUnits checks "leve Buy, pague Pay" at path p (a campaign's
// benefit.free_units, an industry promotion's free_units): buy at least
// 2, pay at least 1 and less than buy.
func (c *compiler) freeUnits(p string, f *FreeUnits) {
	if f.Buy < 2 {
		c.fail(p+".buy", "must be at least 2")
	}
	if f.Pay < 1 || f.Pay >= f.Buy {
		c.fail(p+".pay", "must be at least 1 and less than buy")
	}
}

// benefit is the checked f as a line benefit: Buy-Pay units of every
// group of Buy free.
func (f *FreeUnits) benefit() benefit.Benefit { return benefit.FreeUnits(f.Buy, f.Buy-f.Pay) }

// benefitUnits checks which units a benefit goes to (apply_to) against its
// kind.
func (c *compiler) benefitUnits(p string, b *Benefit) {
	if b.ApplyTo != "" && b.On != OnSale && (b.Progressive != nil || b.AgePercent != nil) {
		c.fail(p+".apply_to", "applies to percent, amount, final_price, free_units and gift only")
	}
	if b.Gift != nil && b.ApplyTo == ApplyToAll {
		c.fail(p+".apply_to", "a gift goes to the most expensive unit (highest, the default) or the cheapest (lowest)")
	}
}

// setField is a field of a definition by its JSON name, and whether it is
// set.
type setField struct {
	set  bool
	name string
}

// notFor reports, with why, each of fields that is set where its benefit's
// target does not take it.
func (c *compiler) notFor(p, why string, fields ...setField) {
	for _, f := range fields {
		if f.set {
			c.fail(p+"."+f.name, "%s", why)
		}
	}
}

// freightBenefit compiles a checked freight benefit.
func freightBenefit(b *Benefit) benefit.Benefit {
	switch {
	case b.Percent != nil:
		return benefit.FreightPercent(*b.Percent)
	case b.Amount != nil:
		return benefit.FreightAmountOff(*b.Amount)
	case b.FinalPrice != nil:
		return benefit.FreightPrice(*b.FinalPrice)
	}
	return nil
}

// lineBenefit compiles a checked benefit on the sale or its items, the
// progressive one from its compiled tiers; those made of one amount are
// shared.
func (c *compiler) lineBenefit(b *Benefit, tiers []benefit.Tier) benefit.Benefit {
	onSale := b.On == OnSale
	switch {
	case b.Percent != nil && onSale:
		return c.sharedBenefit(0, *b.Percent, benefit.SalePercent)
	case b.Amount != nil && onSale:
		return c.sharedBenefit(1, *b.Amount, benefit.SaleAmount)
	case b.Percent != nil:
		return c.sharedBenefit(2, *b.Percent, benefit.ItemPercent)
	case b.Amount != nil:
		return c.sharedBenefit(3, *b.Amount, benefit.ItemAmountOff)
	case b.FinalPrice != nil:
		return c.sharedBenefit(4, *b.FinalPrice, benefit.ItemFinalPrice)
	case b.FreeUnits != nil:
		return b.FreeUnits.benefit()
	case b.Gift != nil:
		return giftBenefit(b.Gift)
	case b.Progressive != nil:
		return benefit.Progressive(onSale, tiers...)
	default:
		return benefit.AgePercent(onSale, b.AgePercent.PerYear, b.AgePercent.Max)
	}
}

// gift checks a gift (brinde) at path p.
func (c *compiler) gift(p string, g *Gift) {
	if g.Quantity < 1 || g.Quantity > 1000 {
		c.fail(p+".quantity", "must be between 1 and 1000")
	}
	if len(g.Options) == 0 {
		c.fail(p+".options", "at least one product code is required")
	}
	for j, o := range g.Options {
		if strings.TrimSpace(o) == "" {
			c.fail(fmt.Sprintf("%s.options[%d]", p, j), "must not be empty")
		}
	}
	if g.ReferencePrice != nil {
		c.amount(p+".reference_price", *g.ReferencePrice, bounds.UnitPrice)
	}
}

// giftBenefit is the benefit of a checked gift.
func giftBenefit(g *Gift) benefit.Benefit {
	if g.ReferencePrice != nil {
		return benefit.GiftProductsWorth(g.Quantity, *g.ReferencePrice, g.Options...)
	}
	return benefit.GiftProducts(g.Quantity, g.Options...)
}

// benefitKey identifies a benefit made of one amount.
type benefitKey struct {
	kind   int
	amount string
}

// sharedBenefit returns the benefit newBenefit(d), one value for all the
// campaigns of the ruleset with the same kind and amount: benefits are
// immutable, and a ruleset of thousands of campaigns repeats a few.
func (c *compiler) sharedBenefit(kind int, d decimal.Decimal, newBenefit func(decimal.Decimal) benefit.Benefit) benefit.Benefit {
	k := benefitKey{kind, d.String()}
	if b, ok := c.benefits[k]; ok {
		return b
	}
	if c.benefits == nil {
		c.benefits = map[benefitKey]benefit.Benefit{}
	}
	b := newBenefit(d)
	c.benefits[k] = b
	return b
}
