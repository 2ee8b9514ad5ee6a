package campaign

// The campaign types Campaign.Type returns: the kind of benefit a campaign
// gives, as stable strings a host can store and filter on.
const (
	// TypeSalePercent is a percentage off the sale (desconto na venda, %).
	TypeSalePercent = "sale_percent"
	// TypeSaleAmount is a fixed amount off the sale (desconto na venda, R$).
	TypeSaleAmount = "sale_amount"
	// TypeItemPercent is a percentage off items (desconto no item, %).
	TypeItemPercent = "item_percent"
	// TypeItemAmount is an amount off each unit (desconto no item, R$).
	TypeItemAmount = "item_amount"
	// TypeFinalPrice is a new unit price (valor final do item).
	TypeFinalPrice = "final_price"
	// TypeFreeUnits is "leve N pague M" (quantidade).
	TypeFreeUnits = "free_units"
	// TypeNoBenefit is a campaign that gives nothing but records its
	// activation (não possui benefícios).
	TypeNoBenefit = "no_benefit"
	// TypeGift gives gift products (brinde).
	TypeGift = "gift"
	// TypeProgressive is a discount by quantity tiers (progressivo).
	TypeProgressive = "progressive"
	// TypeAgePercent is a percent by the customer's age (benefício Cliente).
	TypeAgePercent = "age_percent"
	// TypeFreight is a discount on the sale's freight (frete): a percent
	// (100: frete grátis), an amount off it or a final freight price.
	TypeFreight = "freight"
	// TypeExtras gives only extras: loyalty points (fidelidade), cashback
	// or a code for a later purchase (código promocional).
	TypeExtras = "extras"
	// TypeOther is every benefit the types above do not describe: kinds
	// added to the format later, or a benefit that does not set exactly one
	// kind with a matching "on".
	TypeOther = "other"
)

// campaignTypes lists the Type constants.
func campaignTypes() []string {
	return []string{TypeSalePercent, TypeSaleAmount, TypeItemPercent, TypeItemAmount, TypeFinalPrice, TypeFreeUnits,
		TypeNoBenefit, TypeGift, TypeProgressive, TypeAgePercent, TypeFreight, TypeExtras, TypeOther}
}

// Type is the campaign's benefit type, one of the Type constants, derived
// from the definition: no_benefit when NoBenefit is set; otherwise, when the
// benefit sets exactly one of percent, amount, final_price and free_units,
// that kind with its target (sale_percent, sale_amount on "sale";
// item_percent, item_amount, final_price, free_units on "items"); "other" in
// every remaining case, so that benefit kinds the format gains later are
// never mistaken for one of these.
func (c Campaign) Type() string {
	if c.NoBenefit {
		return TypeNoBenefit
	}
	b := &c.Benefit
	if *b == (Benefit{}) && c.Extras != nil {
		return TypeExtras
	}
	set, kind := 0, ""
	for _, k := range []struct {
		ok   bool
		name string
	}{
		{b.Percent != nil, "percent"},
		{b.Amount != nil, "amount"},
		{b.FinalPrice != nil, "final_price"},
		{b.FreeUnits != nil, "free_units"},
		{b.Gift != nil, "gift"},
		{b.Progressive != nil, "progressive"},
		{b.AgePercent != nil, "age_percent"},
	} {
		if k.ok {
			set++
			kind = k.name
		}
	}
	if set != 1 {
		return TypeOther
	}
	switch string(b.On) + "/" + kind {
	case "sale/percent":
		return TypeSalePercent
	case "sale/amount":
		return TypeSaleAmount
	case "items/percent":
		return TypeItemPercent
	case "items/amount":
		return TypeItemAmount
	case "items/final_price":
		return TypeFinalPrice
	case "items/free_units":
		return TypeFreeUnits
	case "items/gift":
		return TypeGift
	case "items/progressive", "sale/progressive":
		return TypeProgressive
	case "items/age_percent", "sale/age_percent":
		return TypeAgePercent
	case "freight/percent", "freight/amount", "freight/final_price":
		return TypeFreight
	}
	return TypeOther
}
