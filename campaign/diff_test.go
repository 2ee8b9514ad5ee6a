package campaign_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
)

// Diff of two campaign definitions, field by field (the audit trail).

// diffBase is the campaign the diff cases start from.
func diffBase() campaign.Campaign {
	return campaign.Campaign{
		General: campaign.General{ID: "arroz", Name: "Arroz 10%", Priority: 1, Start: "2026-11-01", End: "2026-11-30"}, Rules: &campaign.Rules{Conditions: []campaign.Condition{
			{Kind: "category", Values: []string{"mercearia/graos"}},
			{Kind: "product_code", Values: []string{"P1", "P2"}, Require: "all"},
		}},
		Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("10")},
	}
}

func TestDiff(t *testing.T) {
	num := func(s string) json.Number { return json.Number(s) }
	for _, tc := range []struct {
		name   string
		change func(c *campaign.Campaign)
		want   []campaign.Change
	}{
		{"no change", func(*campaign.Campaign) {}, nil},
		{"a decimal written with trailing zeros is the same value", func(c *campaign.Campaign) {
			c.Benefit.Percent = testkit.DecPtr("10.00")
		}, nil},
		{"an empty list equals an absent one", func(c *campaign.Campaign) {
			c.Rules.Conditions[0].Conditions = []campaign.Condition{}
		}, nil},
		{"scalar", func(c *campaign.Campaign) { c.Name = "Arroz 15%" },
			[]campaign.Change{{Path: "name", Old: "Arroz 10%", New: "Arroz 15%"}}},
		{"number", func(c *campaign.Campaign) { c.Priority = 2 },
			[]campaign.Change{{Path: "priority", Old: num("1"), New: num("2")}}},
		{"number from its zero value: absent before", func(c *campaign.Campaign) { c.MaxRepetitions = 3 },
			[]campaign.Change{{Path: "max_repetitions", Old: nil, New: num("3")}}},
		{"bool set", func(c *campaign.Campaign) { c.NonCumulative = true },
			[]campaign.Change{{Path: "non_cumulative", Old: nil, New: true}}},
		{"end removed", func(c *campaign.Campaign) { c.End = "" },
			[]campaign.Change{{Path: "end", Old: "2026-11-30", New: nil}}},
		{"nested decimal", func(c *campaign.Campaign) { c.Benefit.Percent = testkit.DecPtr("15.5") },
			[]campaign.Change{{Path: "benefit.percent", Old: "10", New: "15.5"}}},
		{"list element changed", func(c *campaign.Campaign) { c.Rules.Conditions[1].Values[0] = "P3" },
			[]campaign.Change{{Path: "rules.conditions[1].values[0]", Old: "P1", New: "P3"}}},
		{"list element added", func(c *campaign.Campaign) {
			c.Rules.Conditions[1].Values = append(c.Rules.Conditions[1].Values, "P9")
		}, []campaign.Change{{Path: "rules.conditions[1].values[2]", Old: nil, New: "P9"}}},
		{"list element removed", func(c *campaign.Campaign) {
			c.Rules.Conditions[1].Values = c.Rules.Conditions[1].Values[:1]
		}, []campaign.Change{{Path: "rules.conditions[1].values[1]", Old: "P2", New: nil}}},
		{"first element removed: the rest shift", func(c *campaign.Campaign) {
			c.Rules.Conditions[1].Values = c.Rules.Conditions[1].Values[1:]
		}, []campaign.Change{
			{Path: "rules.conditions[1].values[0]", Old: "P1", New: "P2"},
			{Path: "rules.conditions[1].values[1]", Old: "P2", New: nil},
		}},
		{"whole condition added", func(c *campaign.Campaign) {
			c.Rules.Conditions = append(c.Rules.Conditions, campaign.Condition{Kind: "sku", Values: []string{"S1"}})
		}, []campaign.Change{{Path: "rules.conditions[2]", Old: nil, New: map[string]any{"kind": "sku", "values": []any{"S1"}}}}},
		{"whole condition removed", func(c *campaign.Campaign) {
			c.Rules.Conditions = c.Rules.Conditions[:1]
		}, []campaign.Change{{Path: "rules.conditions[1]", Old: map[string]any{"kind": "product_code", "values": []any{"P1", "P2"}, "require": "all"}, New: nil}}},
		{"pointer field set", func(c *campaign.Campaign) { c.MinValue = testkit.DecPtr("200.00") },
			[]campaign.Change{{Path: "min_value", Old: nil, New: "200"}}},
		{"pointer field set to its type's zero value", func(c *campaign.Campaign) { c.Rules.Conditions[0].Min = new(0) },
			[]campaign.Change{{Path: "rules.conditions[0].min", Old: nil, New: num("0")}}},
		{"pointer field unset", func(c *campaign.Campaign) { c.Rules = nil; c.NoActivationRules = true },
			[]campaign.Change{
				{Path: "no_activation_rules", Old: nil, New: true},
				{Path: "rules", Old: map[string]any{"conditions": []any{
					map[string]any{"kind": "category", "values": []any{"mercearia/graos"}},
					map[string]any{"kind": "product_code", "values": []any{"P1", "P2"}, "require": "all"},
				}}, New: nil},
			}},
		{"benefit kind swapped", func(c *campaign.Campaign) {
			c.Benefit.Percent = nil
			c.Benefit.FreeUnits = &campaign.FreeUnits{Buy: 3, Pay: 2}
		}, []campaign.Change{
			{Path: "benefit.free_units", Old: nil, New: map[string]any{"buy": num("3"), "pay": num("2")}},
			{Path: "benefit.percent", Old: "10", New: nil},
		}},
		{"several changes, ordered by path", func(c *campaign.Campaign) {
			c.Start = "2026-11-02"
			c.Benefit.ApplyTo = "highest"
			c.Name = "Arroz"
			c.Rules.Match = "any"
			c.Description = "Grãos"
		}, []campaign.Change{
			{Path: "benefit.apply_to", Old: nil, New: "highest"},
			{Path: "description", Old: nil, New: "Grãos"},
			{Path: "name", Old: "Arroz 10%", New: "Arroz"},
			{Path: "rules.match", Old: nil, New: "any"},
			{Path: "start", Old: "2026-11-01", New: "2026-11-02"},
		}},
		{"indexes in numeric order", func(c *campaign.Campaign) {
			c.Rules.Conditions[1].Values = []string{"P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12"}
		}, []campaign.Change{
			{Path: "rules.conditions[1].values[2]", Old: nil, New: "P3"},
			{Path: "rules.conditions[1].values[3]", Old: nil, New: "P4"},
			{Path: "rules.conditions[1].values[4]", Old: nil, New: "P5"},
			{Path: "rules.conditions[1].values[5]", Old: nil, New: "P6"},
			{Path: "rules.conditions[1].values[6]", Old: nil, New: "P7"},
			{Path: "rules.conditions[1].values[7]", Old: nil, New: "P8"},
			{Path: "rules.conditions[1].values[8]", Old: nil, New: "P9"},
			{Path: "rules.conditions[1].values[9]", Old: nil, New: "P10"},
			{Path: "rules.conditions[1].values[10]", Old: nil, New: "P11"},
			{Path: "rules.conditions[1].values[11]", Old: nil, New: "P12"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, after := diffBase(), diffBase()
			tc.change(&after)
			got := campaign.Diff(before, after)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Diff (-want +got):\n%s", diff)
			}
			// The reverse diff swaps old and new, path for path.
			var wantBack []campaign.Change
			for _, ch := range tc.want {
				wantBack = append(wantBack, campaign.Change{Path: ch.Path, Old: ch.New, New: ch.Old})
			}
			if diff := cmp.Diff(wantBack, campaign.Diff(after, before), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("reverse Diff (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiffChangeString(t *testing.T) {
	for _, tc := range []struct {
		c    campaign.Change
		want string
	}{
		{campaign.Change{Path: "name", Old: "A", New: "B"}, `name: "A" -> "B"`},
		{campaign.Change{Path: "min_value", New: "200"}, `min_value: null -> "200"`},
		{campaign.Change{Path: "benefit.free_units", Old: map[string]any{"pay": json.Number("2"), "buy": json.Number("3")}}, `benefit.free_units: {"buy":3,"pay":2} -> null`},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("String() = %s, want %s", got, tc.want)
		}
	}
}

func TestDiffOfAClone(t *testing.T) {
	r := cloneRuleset()
	got, err := r.Clone("meias-3x2", "meias-dez", "Meias dezembro", "2026-12-01", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []campaign.Change{
		{Path: "end", Old: "2026-11-30", New: nil},
		{Path: "id", Old: "meias-3x2", New: "meias-dez"},
		{Path: "name", Old: "Meias leve 3 pague 2", New: "Meias dezembro"},
		{Path: "start", Old: "2026-11-01", New: "2026-12-01"},
	}
	if diff := cmp.Diff(want, campaign.Diff(r.Campaigns[1], got.Campaigns[2])); diff != "" {
		t.Errorf("Diff(original, clone) (-want +got):\n%s", diff)
	}
}
