package campaign_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// cpCampaign is a valid campaign: 10 % off product A.
func cpCampaign(id string) campaign.Campaign {
	return campaign.Campaign{
		General: campaign.General{ID: id, Name: "Campanha " + id, Start: "2026-11-01T00:00:00-03:00"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{{Kind: "product_code", Values: []string{"A"}}}},
		Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("10")},
	}
}

func cpRuleset(cs ...campaign.Campaign) campaign.Ruleset {
	return campaign.Ruleset{Version: 1, Campaigns: cs}
}

// cpProblem is an expected problem: its exact path and part of its reason.
type cpProblem struct{ Path, Contains string }

// cpCheck compares the problems of a *promo.ValidationError with the
// expected ones, in order: paths exactly, reasons by substring.
func cpCheck(t *testing.T, err error, want []cpProblem) {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %T %v", err, err)
	}
	if ve.What != "ruleset" {
		t.Errorf("ValidationError.What = %q, want ruleset", ve.What)
	}
	got := make([]cpProblem, len(ve.Problems))
	for i, p := range ve.Problems {
		got[i] = cpProblem{p.Path, p.Reason}
	}
	testkit.CheckProblems(t, want, got)
}

func TestCompileProblems(t *testing.T) {
	const c0 = "campaigns[0]"
	tests := []struct {
		name   string
		change func(r *campaign.Ruleset)
		want   []cpProblem // nil: compiles
	}{
		{name: "valid", change: func(*campaign.Ruleset) {}},
		{name: "version 0", change: func(r *campaign.Ruleset) { r.Version = 0 },
			want: []cpProblem{{"version", "must be 1, got 0"}}},
		{name: "version 2", change: func(r *campaign.Ruleset) { r.Version = 2 },
			want: []cpProblem{{"version", "must be 1, got 2"}}},
		{name: "rounding", change: func(r *campaign.Ruleset) { r.Settings.Rounding = "bankers" },
			want: []cpProblem{{"settings.rounding", `unknown rounding mode "bankers"`}}},
		{name: "time zone", change: func(r *campaign.Ruleset) { r.Settings.TimeZone = "Mars/Olympus" },
			want: []cpProblem{{"settings.time_zone", `unknown time zone "Mars/Olympus"`}}},
		{name: "categories", change: func(r *campaign.Ruleset) {
			r.Categories = []campaign.Category{{ID: "natal"}, {ID: "natal"}, {ID: ""}}
		}, want: []cpProblem{
			{"categories[1].id", `duplicate of categories[0].id "natal"`},
			{"categories[2].id", "required"},
		}},
		{name: "duplicate campaign id", change: func(r *campaign.Ruleset) {
			r.Campaigns = append(r.Campaigns, cpCampaign("x"), cpCampaign("c"))
			r.Campaigns[0].ID = "c"
		}, want: []cpProblem{{"campaigns[2].id", `duplicate of campaigns[0].id "c"`}}},
		{name: "missing id", change: func(r *campaign.Ruleset) { r.Campaigns[0].ID = "" },
			want: []cpProblem{{c0 + ".id", "required"}}},
		{name: "missing name", change: func(r *campaign.Ruleset) { r.Campaigns[0].Name = "" },
			want: []cpProblem{{c0 + ".name", "required"}}},
		{name: "missing start", change: func(r *campaign.Ruleset) { r.Campaigns[0].Start = "" },
			want: []cpProblem{{c0 + ".start", "required"}}},
		{name: "negative priority", change: func(r *campaign.Ruleset) { r.Campaigns[0].Priority = -1 },
			want: []cpProblem{{c0 + ".priority", "must not be negative"}}},
		{name: "impossible start date", change: func(r *campaign.Ruleset) { r.Campaigns[0].Start = "2026-02-30" },
			want: []cpProblem{{c0 + ".start", `not a valid date and time "2026-02-30"`}}},
		{name: "impossible RFC 3339 start", change: func(r *campaign.Ruleset) { r.Campaigns[0].Start = "2026-02-30T10:00:00-03:00" },
			want: []cpProblem{{c0 + ".start", "not a valid date and time"}}},
		{name: "impossible end month", change: func(r *campaign.Ruleset) { r.Campaigns[0].End = "2026-13-01T00:00" },
			want: []cpProblem{{c0 + ".end", "not a valid date and time"}}},
		{name: "Brazilian date form", change: func(r *campaign.Ruleset) { r.Campaigns[0].Start = "01/11/2026" },
			want: []cpProblem{{c0 + ".start", "not a valid date and time"}}},
		{name: "space instead of T", change: func(r *campaign.Ruleset) { r.Campaigns[0].Start = "2026-11-01 10:00" },
			want: []cpProblem{{c0 + ".start", "not a valid date and time"}}},
		{name: "end before start", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Start, r.Campaigns[0].End = "2026-11-02", "2026-11-01"
		}, want: []cpProblem{{c0 + ".end", "must not be before start"}}},
		{name: "end before start across offsets", change: func(r *campaign.Ruleset) {
			// 12:59:59Z is 09:59:59 in São Paulo, before 10:00.
			r.Campaigns[0].Start, r.Campaigns[0].End = "2026-11-01T10:00:00-03:00", "2026-11-01T12:59:59Z"
		}, want: []cpProblem{{c0 + ".end", "must not be before start"}}},
		{name: "one-day campaign", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Start, r.Campaigns[0].End = "2026-11-01", "2026-11-01"
		}},
		{name: "unknown category", change: func(r *campaign.Ruleset) { r.Campaigns[0].Category = "natal" },
			want: []cpProblem{{c0 + ".category", `unknown category "natal"`}}},
		{name: "known category", change: func(r *campaign.Ruleset) {
			r.Categories = []campaign.Category{{ID: "natal", Name: "Natal"}}
			r.Campaigns[0].Category = "natal"
		}},
		{name: "rules required", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules = nil },
			want: []cpProblem{{c0 + ".rules", "required unless no_activation_rules is true"}}},
		{name: "rules forbidden with no_activation_rules", change: func(r *campaign.Ruleset) { r.Campaigns[0].NoActivationRules = true },
			want: []cpProblem{{c0 + ".rules", "must be absent when no_activation_rules is true"}}},
		{name: "no_activation_rules without rules", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].NoActivationRules, r.Campaigns[0].Rules = true, nil
		}},
		{name: "empty conditions", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Conditions = nil },
			want: []cpProblem{{c0 + ".rules.conditions", "at least one condition is required"}}},
		{name: "unknown kind", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Conditions[0].Kind = "colour" },
			want: []cpProblem{{c0 + ".rules.conditions[0].kind", `unknown kind "colour"`}}},
		{name: "missing kind", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Conditions[0].Kind = "" },
			want: []cpProblem{{c0 + ".rules.conditions[0].kind", "required (product_code, sku, ncm, category"}}},
		{name: "no values", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Conditions[0].Values = nil },
			want: []cpProblem{{c0 + ".rules.conditions[0].values", "at least one value is required"}}},
		{name: "empty value", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Conditions[0].Values = []string{"A", ""} },
			want: []cpProblem{{c0 + ".rules.conditions[0].values[1]", "must not be empty"}}},
		// A category of slashes only is the empty path once trimmed: it
		// would match no line and never be looked at.
		{name: "category value of slashes only", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Rules.Conditions[0] = campaign.Condition{Kind: "category", Values: []string{"bebidas", "/"}}
		}, want: []cpProblem{{c0 + ".rules.conditions[0].values[1]", "must not be empty"}}},
		{name: "bad require", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Conditions[0].Require = "todos" },
			want: []cpProblem{{c0 + ".rules.conditions[0].require", `unknown require "todos"`}}},
		{name: "bad match", change: func(r *campaign.Ruleset) { r.Campaigns[0].Rules.Match = "xor" },
			want: []cpProblem{{c0 + ".rules.match", `unknown match "xor"`}}},
		{name: "percent above 100", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.Percent = testkit.DecPtr("100.01") },
			want: []cpProblem{{c0 + ".benefit.percent", "must be between 0 and 100"}}},
		{name: "negative percent", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.Percent = testkit.DecPtr("-1") },
			want: []cpProblem{{c0 + ".benefit.percent", "must be between 0 and 100"}}},
		{name: "percent 100", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.Percent = testkit.DecPtr("100") }},
		{name: "negative amount", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit.Percent, r.Campaigns[0].Benefit.Amount = nil, testkit.DecPtr("-0.01")
		}, want: []cpProblem{{c0 + ".benefit.amount", "must not be negative"}}},
		{name: "negative final price", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit.Percent, r.Campaigns[0].Benefit.FinalPrice = nil, testkit.DecPtr("-1")
		}, want: []cpProblem{{c0 + ".benefit.final_price", "must not be negative"}}},
		{name: "negative min value", change: func(r *campaign.Ruleset) { r.Campaigns[0].MinValue = testkit.DecPtr("-200") },
			want: []cpProblem{{c0 + ".min_value", "must not be negative"}}},
		{name: "negative min quantity", change: func(r *campaign.Ruleset) { r.Campaigns[0].MinQuantity = -3 },
			want: []cpProblem{{c0 + ".min_quantity", "must not be negative"}}},
		{name: "negative max repetitions", change: func(r *campaign.Ruleset) { r.Campaigns[0].MaxRepetitions = -1 },
			want: []cpProblem{{c0 + ".max_repetitions", "must not be negative"}}},
		{name: "no benefit kind", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.Percent = nil },
			want: []cpProblem{{c0 + ".benefit", "exactly one of percent, amount, final_price, free_units, gift, progressive and age_percent must be set, got 0"}}},
		{name: "two benefit kinds", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.Amount = testkit.DecPtr("5") },
			want: []cpProblem{{c0 + ".benefit", "got 2"}}},
		{name: "final price on a sale", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "sale", FinalPrice: testkit.DecPtr("25")}
		}, want: []cpProblem{{c0 + ".benefit.final_price", "applies to items only (on: items)"}}},
		{name: "free units on a sale", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "sale", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}
		}, want: []cpProblem{{c0 + ".benefit.free_units", "applies to items only (on: items)"}}},
		{name: "apply_to on a sale", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "sale", Percent: testkit.DecPtr("5"), ApplyTo: "highest"}
		}, want: []cpProblem{{c0 + ".benefit.apply_to", "applies to items only (on: items)"}}},
		{name: "free units buy 1 pay 1", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 1, Pay: 1}}
		}, want: []cpProblem{
			{c0 + ".benefit.free_units.buy", "must be at least 2"},
			{c0 + ".benefit.free_units.pay", "must be at least 1 and less than buy"},
		}},
		{name: "free units pay = buy", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 3}}
		}, want: []cpProblem{{c0 + ".benefit.free_units.pay", "must be at least 1 and less than buy"}}},
		{name: "free units pay 0", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3}}
		}, want: []cpProblem{{c0 + ".benefit.free_units.pay", "must be at least 1 and less than buy"}}},
		{name: "max repetitions on a sale benefit", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].Benefit = campaign.Benefit{On: "sale", Amount: testkit.DecPtr("10")}
			r.Campaigns[0].MaxRepetitions = 2
		}, want: []cpProblem{{c0 + ".max_repetitions", "applies to item benefits only"}}},
		{name: "missing target", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.On = "" },
			want: []cpProblem{{c0 + ".benefit.on", "required (sale, items or freight)"}}},
		{name: "unknown target", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.On = "cart" },
			want: []cpProblem{{c0 + ".benefit.on", `unknown target "cart"`}}},
		{name: "unknown apply_to", change: func(r *campaign.Ruleset) { r.Campaigns[0].Benefit.ApplyTo = "maior" },
			want: []cpProblem{{c0 + ".benefit.apply_to", `unknown selection "maior"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := cpRuleset(cpCampaign("c"))
			tt.change(&def)
			rs, err := campaign.Compile(def)
			if tt.want == nil {
				if err != nil || rs == nil {
					t.Fatalf("Compile = %v, %v; want a ruleset", rs, err)
				}
				return
			}
			if rs != nil {
				t.Errorf("Compile returned a ruleset with its error")
			}
			cpCheck(t, err, tt.want)
		})
	}
}

func TestCompileReportsEverythingAtOnce(t *testing.T) {
	def := campaign.Ruleset{
		Version:    3,
		Settings:   campaign.Settings{Rounding: "up", TimeZone: "Nowhere/City"},
		Categories: []campaign.Category{{ID: "natal"}, {ID: "natal"}},
		Campaigns: []campaign.Campaign{
			{General: campaign.General{ID: "a", Start: "2026-02-30"}, Benefit: campaign.Benefit{On: "items"}},
			{General: campaign.General{ID: "a", Name: "B", Start: "2026-11-02", End: "2026-11-01"}, Category: "pascoa", NoActivationRules: true,
				MinQuantity: -1, MinValue: testkit.DecPtr("-5"), MaxRepetitions: 2,
				Benefit: campaign.Benefit{On: "sale", Percent: testkit.DecPtr("150")}},
			{General: campaign.General{ID: "c", Name: "C", Start: "2026-11-01"}, Rules: &campaign.Rules{Match: "xor", Conditions: []campaign.Condition{
				{Kind: "colour"},
				{Kind: "sku", Values: []string{"x", ""}, Require: "todos"},
			}},
				Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 1, Pay: 1}, ApplyTo: "maior"}},
			cpCampaign("ok"),
		},
	}
	rs, err := campaign.Compile(def)
	if rs != nil {
		t.Errorf("Compile returned a ruleset with its error")
	}
	cpCheck(t, err, []cpProblem{
		{"version", "must be 1, got 3"},
		{"settings.rounding", `unknown rounding mode "up"`},
		{"settings.time_zone", `unknown time zone "Nowhere/City"`},
		{"categories[1].id", `duplicate of categories[0].id "natal"`},
		{"campaigns[0].name", "required"},
		{"campaigns[0].start", "not a valid date and time"},
		{"campaigns[0].rules", "required unless no_activation_rules is true"},
		{"campaigns[0].benefit", "got 0"},
		{"campaigns[1].id", `duplicate of campaigns[0].id "a"`},
		{"campaigns[1].end", "must not be before start"},
		{"campaigns[1].category", `unknown category "pascoa"`},
		{"campaigns[1].min_quantity", "must not be negative"},
		{"campaigns[1].min_value", "must not be negative"},
		{"campaigns[1].benefit.percent", "must be between 0 and 100"},
		{"campaigns[1].max_repetitions", "applies to item benefits only"},
		// an unknown kind's other fields are not checked: which it uses is unknown
		{"campaigns[2].rules.conditions[0].kind", `unknown kind "colour"`},
		{"campaigns[2].rules.conditions[1].require", `unknown require "todos"`},
		{"campaigns[2].rules.conditions[1].values[1]", "must not be empty"},
		{"campaigns[2].rules.match", `unknown match "xor"`},
		{"campaigns[2].benefit.apply_to", `unknown selection "maior"`},
		{"campaigns[2].benefit.free_units.buy", "must be at least 2"},
		{"campaigns[2].benefit.free_units.pay", "must be at least 1 and less than buy"},
	})
}

func TestCompileInfo(t *testing.T) {
	sale := cpCampaign("sale")
	sale.Benefit = campaign.Benefit{On: "sale", Amount: testkit.DecPtr("10")}
	sale.NoActivationRules, sale.Rules = true, nil
	sale.Priority, sale.NonCumulative, sale.FundedBy, sale.Category = 3, true, "industria-x", "natal"
	sale.End = "2026-11-30"

	item := cpCampaign("item")
	item.Rules = &campaign.Rules{Match: "any", Conditions: []campaign.Condition{
		{Kind: "product_code", Values: []string{"A", "B"}},
		{Kind: "sku", Values: []string{"S1"}, Require: "all"},
		{Kind: "category", Values: []string{"/bebidas/"}},
	}}

	def := cpRuleset(sale, item)
	def.Settings.Rounding = "half_up"
	def.Categories = []campaign.Category{{ID: "natal", Name: "Natal"}}
	rs := promotest.Compile(t, def)
	if rs.Settings().Rounding != promo.HalfUp || rs.Len() != 2 {
		t.Errorf("Settings %+v, Len %d; want half_up and 2", rs.Settings(), rs.Len())
	}
	var order []string
	for _, p := range rs.Promotions() {
		order = append(order, p.Info().ID)
	}
	// The item phase runs before the sale phase.
	if diff := cmp.Diff([]string{"item", "sale"}, order); diff != "" {
		t.Errorf("pipeline order (-want +got):\n%s", diff)
	}
	timeEq := testkit.EquateTimes()

	p, _ := rs.Promotion("sale")
	wantInfo := promo.Info{ID: "sale", Name: "Campanha sale", Category: "natal", Type: "reshop:sale_amount", Phase: promo.PhaseSale, Priority: 3,
		Exclusive: true, Start: testkit.At(2026, 11, 1, 0, 0, 0),
		End: time.Date(2026, 11, 30, 23, 59, 59, 999999999, testkit.SaoPaulo()), Funder: "industria-x"}
	if diff := cmp.Diff(wantInfo, p.Info(), timeEq); diff != "" {
		t.Errorf("sale Info (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(promo.Keys{CartWide: true}, p.Keys()); diff != "" {
		t.Errorf("sale Keys (-want +got):\n%s", diff)
	}

	p, _ = rs.Promotion("item")
	wantInfo = promo.Info{ID: "item", Name: "Campanha item", Type: "reshop:item_percent", Phase: promo.PhaseItem,
		Start: testkit.At(2026, 11, 1, 0, 0, 0)}
	if diff := cmp.Diff(wantInfo, p.Info(), timeEq); diff != "" {
		t.Errorf("item Info (-want +got):\n%s", diff)
	}
	wantKeys := promo.Keys{ProductCodes: []string{"A", "B"}, SKUs: []string{"S1"}, Categories: []string{"bebidas"}}
	if diff := cmp.Diff(wantKeys, p.Keys()); diff != "" {
		t.Errorf("item Keys (-want +got):\n%s", diff)
	}
}

func TestCompileDateForms(t *testing.T) {
	manaus, err := time.LoadLocation("America/Manaus")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		tz         string
		start, end string
		wantStart  time.Time
		wantEnd    time.Time // zero: no end
	}{
		{name: "RFC 3339", start: "2026-11-01T00:00:00-03:00", wantStart: testkit.At(2026, 11, 1, 0, 0, 0)},
		{name: "RFC 3339 in UTC", start: "2026-11-01T03:00:00Z", wantStart: testkit.At(2026, 11, 1, 0, 0, 0)},
		{name: "RFC 3339 with fraction", start: "2026-11-01T00:00:00.5-03:00", wantStart: time.Date(2026, 11, 1, 0, 0, 0, 5e8, testkit.SaoPaulo())},
		// An end to the minute covers that whole minute.
		{name: "local minute", start: "2026-11-01T08:30", end: "2026-11-30T18:00",
			wantStart: testkit.At(2026, 11, 1, 8, 30, 0), wantEnd: time.Date(2026, 11, 30, 18, 0, 59, 999999999, testkit.SaoPaulo())},
		{name: "local second", start: "2026-11-01T08:30:15", wantStart: testkit.At(2026, 11, 1, 8, 30, 15)},
		{name: "date only: start of the first day, end of the last", start: "2026-11-01", end: "2026-11-30",
			wantStart: testkit.At(2026, 11, 1, 0, 0, 0), wantEnd: time.Date(2026, 11, 30, 23, 59, 59, 999999999, testkit.SaoPaulo())},
		{name: "end of February in a leap year", start: "2028-02-01", end: "2028-02-29",
			wantStart: testkit.At(2028, 2, 1, 0, 0, 0), wantEnd: time.Date(2028, 2, 29, 23, 59, 59, 999999999, testkit.SaoPaulo())},
		// Manaus is UTC-04:00: its midnight is 04:00 UTC.
		{name: "another time zone", tz: "America/Manaus", start: "2026-11-01", end: "2026-11-01T12:00",
			wantStart: time.Date(2026, 11, 1, 4, 0, 0, 0, time.UTC), wantEnd: time.Date(2026, 11, 1, 12, 0, 59, 999999999, manaus)},
		{name: "UTC", tz: "UTC", start: "2026-11-01T08:30", wantStart: time.Date(2026, 11, 1, 8, 30, 0, 0, time.UTC)},
		{name: "an offset wins over the zone", tz: "America/Manaus", start: "2026-11-01T00:00:00-03:00",
			wantStart: testkit.At(2026, 11, 1, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cpCampaign("c")
			c.Start, c.End = tt.start, tt.end
			def := cpRuleset(c)
			def.Settings.TimeZone = tt.tz
			rs := promotest.Compile(t, def)
			p, _ := rs.Promotion("c")
			in := p.Info()
			if !in.Start.Equal(tt.wantStart) {
				t.Errorf("start (-want +got):\n-%v\n+%v", tt.wantStart, in.Start)
			}
			if !in.End.Equal(tt.wantEnd) {
				t.Errorf("end (-want +got):\n-%v\n+%v", tt.wantEnd, in.End)
			}
		})
	}
}

// TestDateOnlyEndIsInclusive runs a campaign ending on a date through
// Evaluate: the whole last day is in, the next day is out.
func TestDateOnlyEndIsInclusive(t *testing.T) {
	rs, err := campaign.Load([]byte(`{"version": 1, "campaigns": [{
		"id": "nov", "name": "Novembro", "start": "2026-11-01", "end": "2026-11-30",
		"no_activation_rules": true, "benefit": {"on": "items", "percent": 10}}]}`))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		at   time.Time
		want promo.ReasonCode
	}{
		{time.Date(2026, 10, 31, 23, 59, 59, 999999999, testkit.SaoPaulo()), promo.ReasonNotStarted},
		{testkit.At(2026, 11, 1, 0, 0, 0), promo.ReasonApplied},
		{time.Date(2026, 11, 30, 23, 59, 59, 999999999, testkit.SaoPaulo()), promo.ReasonApplied},
		{testkit.At(2026, 12, 1, 0, 0, 0), promo.ReasonEnded},
		// 02:30 UTC on December 1st is still November 30th in São Paulo.
		{time.Date(2026, 12, 1, 2, 30, 0, 0, time.UTC), promo.ReasonApplied},
	}
	for _, tt := range tests {
		cart := promo.Cart{ID: "s", Time: tt.at, Store: promo.Store{ID: "l"}, Lines: []promo.Line{
			{ID: "1", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.NewFromInt(10)}}}
		res := promotest.Evaluate(t, cart, rs)
		if got := res.Trace[0].Code(); got != tt.want {
			t.Errorf("at %v (-want +got):\n-%s\n+%s", tt.at, tt.want, got)
		}
	}
}

// cpBadDoc has form problems of every sort; its keys are visited in sorted
// order (campaigns, settings, version; in a campaign benefit, id, nme, ...).
const cpBadDoc = `{
  "version": "1",
  "settings": {"rounding": 5, "zone": "America/Sao_Paulo"},
  "campaigns": [{
    "id": "a", "nme": "typo", "priority": 1.5,
    "rules": {"conditions": [{"kind": "sku", "values": "A"}]},
    "benefit": {"on": "items", "percent": "abc", "free_units": {"buy": "3"}}
  }]
}`

var cpBadDocForm = []cpProblem{
	{"campaigns[0].benefit.free_units.buy", "want a whole number, got a string"},
	{"campaigns[0].benefit.percent", `want a decimal number such as 12.34, got "abc"`},
	{"campaigns[0].nme", "unknown field"},
	{"campaigns[0].priority", "want a whole number, got 1.5"},
	{"campaigns[0].rules.conditions[0].values", "want an array, got a string"},
	{"settings.rounding", "want a string, got a number"},
	{"settings.zone", "unknown field"},
	{"version", "want a whole number, got a string"},
}

func TestDecode(t *testing.T) {
	def, err := campaign.Decode([]byte(cpBadDoc))
	cpCheck(t, err, cpBadDocForm)
	// What could be decoded is kept.
	if len(def.Campaigns) != 1 || def.Campaigns[0].ID != "a" || def.Campaigns[0].Benefit.On != "items" {
		t.Errorf("Decode kept %+v, want campaign a on items", def.Campaigns)
	}

	good := `{"version": 1, "settings": {"rounding": "truncate"},
	  "campaigns": [{"id": "x", "name": "X", "start": "2026-11-01", "min_value": "200.00", "min_quantity": 2,
	    "rules": {"match": "any", "conditions": [{"kind": "category", "values": ["a", "b"], "require": "all"}]},
	    "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}, "apply_to": "lowest"}}]}`
	def, err = campaign.Decode([]byte(good))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	want := campaign.Ruleset{Version: 1, Settings: campaign.Settings{Rounding: "truncate"}, Campaigns: []campaign.Campaign{{
		General: campaign.General{ID: "x", Name: "X", Start: "2026-11-01"}, MinValue: testkit.DecPtr("200"), MinQuantity: 2,
		Rules:   &campaign.Rules{Match: "any", Conditions: []campaign.Condition{{Kind: "category", Values: []string{"a", "b"}, Require: "all"}}},
		Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}, ApplyTo: "lowest"},
	}}}
	if diff := cmp.Diff(want, def, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}
}

func TestDecodeSyntax(t *testing.T) {
	tests := []struct {
		doc  string
		want cpProblem
	}{
		{"", cpProblem{"", "empty input"}},
		{`{"version": 1,`, cpProblem{"", "unexpected end of input"}},
		{"{\n  \"version\": 1\n  \"campaigns\": []\n}", cpProblem{"", "invalid JSON at line 3"}},
		{`{"version": 1} {}`, cpProblem{"", "unexpected data after the top-level value"}},
		{`[]`, cpProblem{"", "want an object, got an array"}},
	}
	for _, tt := range tests {
		_, err := campaign.Decode([]byte(tt.doc))
		cpCheck(t, err, []cpProblem{tt.want})
		// Load stops at a document that is not JSON.
		rs, err := campaign.Load([]byte(tt.doc))
		if rs != nil {
			t.Errorf("Load(%q) returned a ruleset", tt.doc)
		}
		cpCheck(t, err, []cpProblem{tt.want})
	}
}

func TestLoad(t *testing.T) {
	// Form problems first, then the meaning problems of what could be
	// decoded, leaving out those at or below a path with a form problem
	// (version, the buy count): the misspelt name leaves "name" missing, and
	// "pay" was never given.
	rs, err := campaign.Load([]byte(cpBadDoc))
	if rs != nil {
		t.Errorf("Load returned a ruleset with its error")
	}
	cpCheck(t, err, append(append([]cpProblem(nil), cpBadDocForm...),
		cpProblem{"campaigns[0].name", "required"},
		cpProblem{"campaigns[0].start", "required"},
		cpProblem{"campaigns[0].benefit.free_units.pay", "must be at least 1 and less than buy"},
	))

	ok := []byte(`{"version": 1, "campaigns": [{"id": "x", "name": "X", "start": "2026-11-01",
	  "no_activation_rules": true, "benefit": {"on": "sale", "percent": 5}}]}`)
	rs, err = campaign.Load(ok)
	if err != nil || rs.Len() != 1 {
		t.Fatalf("Load = %v, %v; want one campaign", rs, err)
	}
	if got := campaign.MustLoad(ok); got.Len() != 1 {
		t.Errorf("MustLoad: Len %d, want 1", got.Len())
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Errorf("MustLoad of a bad document did not panic")
			}
		}()
		campaign.MustLoad([]byte(cpBadDoc))
	}()
}

// A field under the name it had before 0.2.0 is refused with its new name,
// and only so: the new name is not also reported missing, nor the object
// holding it incomplete.
func TestLoadRenamedFields(t *testing.T) {
	old := `{"version": 1,
	  "campaigns": [{"id": "cb", "name": "cashback", "start": "2026-11-01", "no_activation_rules": true,
	    "benefit": {"on": "sale", "percent": 5}, "extras": {"cashback": {"type": "fixed", "value": "5"}}}],
	  "combos": [{"id": "k", "name": "kit", "start": "2026-11-01", "type": "kit",
	    "buy": [{"product": "A", "quantity": 1}], "bonus": [{"product": "B", "quantity": 1, "percent": 100}]}],
	  "industry_promotions": [{"id": "ind", "name": "3x2", "start": "2026-11-01", "funder": "Fab",
	    "products": ["P"], "take_pay": {"take": 3, "pay": 2}}]}`
	_, err := campaign.Load([]byte(old))
	cpCheck(t, err, []cpProblem{
		{"campaigns[0].extras.cashback.type", `unknown field; renamed to "kind"`},
		{"combos[0].type", `unknown field; renamed to "kind"`},
		{"industry_promotions[0].funder", `unknown field; renamed to "funded_by"`},
		{"industry_promotions[0].take_pay", `unknown field; renamed to "free_units"`},
	})

	// Inside free_units, take is now buy (for a campaign's too).
	_, err = campaign.Decode([]byte(`{"version": 1, "industry_promotions": [{"id": "ind", "name": "3x2",
	  "start": "2026-11-01", "funded_by": "Fab", "products": ["P"], "free_units": {"take": 3, "pay": 2}}]}`))
	cpCheck(t, err, []cpProblem{{"industry_promotions[0].free_units.take", `unknown field; renamed to "buy"`}})

	renamed := strings.NewReplacer(`"type"`, `"kind"`, `"funder"`, `"funded_by"`, `"take_pay"`, `"free_units"`, `"take"`, `"buy"`)
	if _, err := campaign.Load([]byte(renamed.Replace(old))); err != nil {
		t.Errorf("the same ruleset in the new spelling: %v", err)
	}
}

// Changing a definition after Compile changes nothing in the compiled
// ruleset.
func TestCompileCopiesDefinition(t *testing.T) {
	def, err := campaign.Decode([]byte(`{"version":1,
	 "campaigns":[{"id":"p","name":"10% C","start":"2026-01-01",
	   "rules":{"conditions":[{"kind":"product_code","values":["C"]}]},"benefit":{"on":"items","percent":"10"}}],
	 "combos":[{"id":"f","name":"flyer","start":"2026-01-01","kind":"flyer","items":[{"product":"A","price":"5.00"}]}]}`))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	rs := promotest.Compile(t, def)
	cart := promotest.DecodeCart(t, `{"id":"rg-3","time":"2026-11-21T10:00:00-03:00","store":{"id":"x"},"lines":[
	 {"id":"1","product_code":"A","quantity":"1","unit_price":"10.00"},
	 {"id":"2","product_code":"C","quantity":"1","unit_price":"100.00"}]}`)
	before := promotest.Evaluate(t, cart, rs)

	// The host edits its definition after compiling: the flyer price, the
	// benefit's percent through its pointer, the condition's values.
	def.Combos[0].Items[0].Price = testkit.Dec("1.00")
	*def.Campaigns[0].Benefit.Percent = testkit.Dec("50")
	def.Campaigns[0].Rules.Conditions[0].Values[0] = "A"
	after := promotest.Evaluate(t, cart, rs)

	// Line 1: flyer price 5.00 on 10.00: 10.00 − 5.00 = 5.00.
	// Line 2: 10 % of 100.00 = 10.00. Total 15.00, both times.
	// (With the edits seen: 10.00 − 1.00 = 9.00 on line 1, and 50 % on
	// A instead of 10 % on C.)
	type line struct {
		ID       string
		Discount decimal.Decimal
	}
	want := []line{{"1", testkit.Dec("5.00")}, {"2", testkit.Dec("10.00")}}
	for name, res := range map[string]promo.Result{"before": before, "after": after} {
		var got []line
		for _, l := range res.Lines {
			got = append(got, line{l.ID, l.Discount})
		}
		if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
			t.Errorf("%s the edit: line discounts (-want +got):\n%s", name, diff)
		}
	}
	if diff := cmp.Diff(before, after, testkit.EquateDecimals()); diff != "" {
		t.Errorf("result changed with the definition (-before +after):\n%s", diff)
	}
}

// An id with "/" is refused: the library's own ids (x/cashback,
// cashback/redemption) have one.
func TestCompileRefusesSlashInID(t *testing.T) {
	tests := []struct {
		name, ruleset string
		want          []string
	}{
		{name: "campaigns", ruleset: `{"version":1,"settings":{"cashback_redemption":"tender"},"campaigns":[
		 {"id":"x","name":"x","start":"2026-01-01","no_activation_rules":true,"extras":{"cashback":{"kind":"fixed","value":"1"}}},
		 {"id":"x/cashback","name":"y","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}},
		 {"id":"cashback/redemption","name":"z","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}}]}`,
			want: []string{"campaigns[1].id", "campaigns[2].id"}},
		{name: "one campaign", ruleset: `{"version":1,"campaigns":[
		 {"id":"ok","name":"ok","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}},
		 {"id":"a/b","name":"a/b","start":"2026-01-01","no_activation_rules":true,"benefit":{"on":"sale","percent":"1"}}]}`,
			want: []string{"campaigns[1].id"}},
		{name: "markdown", ruleset: `{"version":1,"campaigns":[],
		 "markdowns":[{"id":"md/1","name":"md","start":"2026-01-01","by":"code","items":[{"key":"A","price":"8.00"}]}]}`,
			want: []string{"markdowns[0].id"}},
		{name: "combo", ruleset: `{"version":1,"campaigns":[],
		 "combos":[{"id":"f/1","name":"flyer","start":"2026-01-01","kind":"flyer","items":[{"product":"A","price":"5.00"}]}]}`,
			want: []string{"combos[0].id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, problemPaths(t, tc.ruleset)); diff != "" {
				t.Errorf("problem paths (-want +got):\n%s", diff)
			}
		})
	}
}

// problemPaths loads a JSON ruleset that must be refused and returns the
// paths of its problems.
func problemPaths(t *testing.T, ruleset string) []string {
	t.Helper()
	_, err := campaign.Load([]byte(ruleset))
	if err == nil {
		t.Fatalf("Load accepted the ruleset, want an error")
	}
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v (%T), want a *promo.ValidationError", err, err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	return paths
}
