package campaign_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// A ruleset definition written with encoding/json and read back with
// campaign.Decode is the same definition, and compiles to a ruleset that
// prices carts (promogen.Cart) the same way. The definitions are drawn
// here, not with promogen.Ruleset: the point is the JSON spelling (free
// text, decimals with trailing zeros, every date form and zone).

// rtDecimal draws a non-negative decimal of up to 4 decimals (2 for
// money) no greater than hi, keeping its exponent (10.50 and 10.5 are both
// drawn).
func rtDecimal(t *rapid.T, label string, hi int) decimal.Decimal {
	places := 4
	if label == "min_value" || label == "sale_amount" {
		places = 2
	}
	exp := rapid.IntRange(0, places).Draw(t, label+"_places")
	scale := int64(1)
	for range exp {
		scale *= 10
	}
	return decimal.New(rapid.Int64Range(0, int64(hi)*scale).Draw(t, label), -int32(exp))
}

var (
	rtCodes      = []string{"P1", "P2", "P3", "P4", "P9"}
	rtSKUs       = []string{"P1-A", "P2-A", "P3-B", "P9-A"}
	rtCategories = []string{"mercearia", "mercearia/graos", "bebidas", "bebidas/cervejas", "limpeza"}
	rtStarts     = []string{"2026-11-01T00:00:00-03:00", "2026-11-01", "2026-11-01T08:00", "2026-11-01T08:00:30", "2026-10-31T23:00:00Z"}
	rtEnds       = []string{"", "2026-11-21", "2026-11-21T10:15:00-03:00", "2026-11-20T23:59", "2026-12-31T23:59:59Z"}
	rtZones      = []string{"", "America/Sao_Paulo", "America/Manaus", "America/Noronha", "UTC"}
)

// rtText draws free text, any Unicode (JSON escapes some of it).
func rtText(t *rapid.T, label string) string {
	return rapid.OneOf(rapid.String(), rapid.SampledFrom([]string{
		"Leve 3 pague 2", `Acima de R$ 200 "ganhe" 10%`, "Promoção <ação> & cia", "tab\tnewline\n", "",
	})).Draw(t, label)
}

func rtCampaign(t *rapid.T, id string, cats []campaign.Category) campaign.Campaign {
	c := campaign.Campaign{
		General:       campaign.General{ID: id, Name: "Campanha " + rtText(t, "name"), Description: rtText(t, "description"), Priority: rapid.IntRange(0, 1000).Draw(t, "priority"), Start: rapid.SampledFrom(rtStarts).Draw(t, "start"), End: rapid.SampledFrom(rtEnds).Draw(t, "end")},
		NonCumulative: rapid.Bool().Draw(t, "non_cumulative"),
	}
	if len(cats) > 0 && rapid.Bool().Draw(t, "has_category") {
		c.Category = rapid.SampledFrom(cats).Draw(t, "category").ID
	}
	if rapid.IntRange(0, 3).Draw(t, "no_rules_die") == 0 {
		c.NoActivationRules = true
	} else {
		r := &campaign.Rules{Match: campaign.Match(rapid.SampledFrom([]string{"", "all", "any"}).Draw(t, "match"))}
		for range rapid.IntRange(1, 3).Draw(t, "conditions") {
			kind := rapid.SampledFrom([]string{"product_code", "sku", "category"}).Draw(t, "kind")
			pool := map[string][]string{"product_code": rtCodes, "sku": rtSKUs, "category": rtCategories}[kind]
			r.Conditions = append(r.Conditions, campaign.Condition{
				Kind:    campaign.ConditionKind(kind),
				Values:  rapid.SliceOfN(rapid.SampledFrom(pool), 1, 3).Draw(t, "values"),
				Require: campaign.Require(rapid.SampledFrom([]string{"", "any", "all"}).Draw(t, "require")),
			})
		}
		c.Rules = r
	}
	if rapid.Bool().Draw(t, "has_min_quantity") {
		c.MinQuantity = rapid.Int64Range(1, 6).Draw(t, "min_quantity")
	}
	if rapid.IntRange(0, 2).Draw(t, "min_value_die") == 0 {
		c.MinValue = new(rtDecimal(t, "min_value", 300))
	}
	if rapid.IntRange(0, 3).Draw(t, "funder_die") == 0 {
		c.FundedBy = rtText(t, "funded_by")
	}
	percent := func() *decimal.Decimal { return new(rtDecimal(t, "percent", 100)) }
	if rapid.IntRange(0, 2).Draw(t, "sale_die") == 0 {
		c.Benefit.On = "sale"
		if rapid.Bool().Draw(t, "sale_percent") {
			c.Benefit.Percent = percent()
		} else {
			c.Benefit.Amount = new(rtDecimal(t, "sale_amount", 300))
		}
		return c
	}
	c.Benefit.On = "items"
	switch rapid.IntRange(0, 3).Draw(t, "item_kind") {
	case 0:
		c.Benefit.Percent = percent()
	case 1:
		c.Benefit.Amount = new(rtDecimal(t, "item_amount", 50))
	case 2:
		c.Benefit.FinalPrice = new(rtDecimal(t, "final_price", 200))
	default:
		buy := rapid.Int64Range(2, 6).Draw(t, "buy")
		c.Benefit.FreeUnits = &campaign.FreeUnits{Buy: buy, Pay: rapid.Int64Range(1, buy-1).Draw(t, "pay")}
	}
	c.Benefit.ApplyTo = campaign.ApplyTo(rapid.SampledFrom([]string{"", "all", "highest", "lowest"}).Draw(t, "apply_to"))
	if rapid.Bool().Draw(t, "has_max_repetitions") {
		c.MaxRepetitions = rapid.IntRange(1, 4).Draw(t, "max_repetitions")
	}
	return c
}

// rtDefinition draws a valid definition, every optional field sometimes
// set. Empty lists are nil: JSON does not tell an empty list left out from
// a missing one.
func rtDefinition(t *rapid.T) campaign.Ruleset {
	def := campaign.Ruleset{
		Version: campaign.Version,
		Settings: campaign.Settings{
			Rounding: campaign.Rounding(rapid.SampledFrom([]string{"", "half_even", "half_up", "truncate"}).Draw(t, "rounding")),
			TimeZone: rapid.SampledFrom(rtZones).Draw(t, "time_zone"),
		},
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "categories") {
		def.Categories = append(def.Categories, campaign.Category{ID: fmt.Sprintf("cat-%d", i), Name: rtText(t, "category_name")})
	}
	for i := range rapid.IntRange(1, 6).Draw(t, "campaigns") {
		def.Campaigns = append(def.Campaigns, rtCampaign(t, fmt.Sprintf("camp-%d", i), def.Categories))
	}
	return def
}

// rtCart draws a cart of 1 to 12 lines at 2026-11-21 10:15 in São Paulo
// (promogen.Cart).
func rtCart(t *rapid.T) promo.Cart {
	return promogen.Cart(promogen.WithLines(1, 12), promogen.WithMaxQuantity(10), promogen.WithInstant(promogen.DefaultInstants()[0])).Draw(t, "cart")
}

func TestPropertyDefinitionJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		def := rtDefinition(t)
		data, err := json.Marshal(def)
		if err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		back, err := campaign.Decode(data)
		if err != nil {
			t.Fatalf("Decode of %s: %v", data, err)
		}
		if diff := cmp.Diff(def, back, testkit.EquateDecimals()); diff != "" {
			t.Fatalf("definition after a JSON round trip (-want +got):\n%s\nJSON: %s", diff, data)
		}

		rs := promotest.Compile(t, def)
		rsBack := promotest.Compile(t, back)
		cart := rtCart(t)
		want := promotest.Evaluate(t, cart, rs)
		got := promotest.Evaluate(t, cart, rsBack)
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Fatalf("Evaluate, original vs round-tripped definition (-want +got):\n%s", diff)
		}
	})
}
