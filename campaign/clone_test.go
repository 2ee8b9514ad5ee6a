package campaign_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
)

// Clone of a campaign definition under a new id. Every expectation below is
// worked out from the fields written in the test, not copied from output.

// cloneRuleset has a campaign with every kind of nested value: pointers
// (rules, min_value, free_units, condition min/max, code set and pattern),
// slices (conditions, values, nested conditions, code list) and ruleset-level
// categories and groupings.
func cloneRuleset() campaign.Ruleset {
	return campaign.Ruleset{
		Version:    1,
		Settings:   campaign.Settings{Rounding: "half_up"},
		Categories: []campaign.Category{{ID: "vestuario", Name: "Vestuário"}},
		Groupings:  []campaign.Grouping{{ID: "lojas-sul", Kind: "store", Members: []string{"loja-1", "loja-2"}}},
		Campaigns: []campaign.Campaign{
			{General: campaign.General{ID: "outra", Name: "Outra", Start: "2026-11-01"}, NoActivationRules: true,
				Benefit: campaign.Benefit{On: "sale", Percent: testkit.DecPtr("5")}},
			{General: campaign.General{ID: "meias-3x2", Name: "Meias leve 3 pague 2", Description: "Só no sul", Priority: 2, Start: "2026-11-01", End: "2026-11-30"}, Category: "vestuario", MinQuantity: 3, MinValue: testkit.DecPtr("50.00"),
				MaxRepetitions: 2, FundedBy: "fornecedor",
				Rules: &campaign.Rules{Match: "all", Conditions: []campaign.Condition{
					{Kind: "category", Values: []string{"vestuario/meias"}, Require: "any"},
					{Kind: "customer_age", Min: new(18), Max: new(65)},
					{Kind: "store_grouping", Grouping: "lojas-sul"},
					{Kind: "any", Conditions: []campaign.Condition{
						{Kind: "promo_code", Codes: &campaign.CodeSet{
							List:     []string{"MEIAS10", "MEIAS20"},
							Generate: &campaign.CodePattern{Prefix: "M-", Count: 5, Length: 6, Secret: "s3cr3t-s3cr3t-s3cr3t"},
						}},
						{Kind: "tender", Values: []string{"pix"}},
					}},
				}},
				Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}, ApplyTo: "lowest"}},
		},
	}
}

func TestClone(t *testing.T) {
	orig := cloneRuleset()
	if _, err := campaign.Compile(orig); err != nil {
		t.Fatalf("the clone ruleset does not compile: %v", err)
	}
	got, err := orig.Clone("meias-3x2", "meias-3x2-dez", "Meias leve 3 pague 2 (dezembro)", "2026-12-01T08:00", "")
	if err != nil {
		t.Fatal(err)
	}
	// The original is untouched.
	if diff := cmp.Diff(cloneRuleset(), orig, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Clone changed the original (-want +got):\n%s", diff)
	}
	// The result is the original plus the copy, with its new id, name and
	// dates and everything else as it was.
	want := cloneRuleset()
	c := cloneRuleset().Campaigns[1]
	c.ID, c.Name, c.Start, c.End = "meias-3x2-dez", "Meias leve 3 pague 2 (dezembro)", "2026-12-01T08:00", ""
	want.Campaigns = append(want.Campaigns, c)
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Clone (-want +got):\n%s", diff)
	}
	if _, err := campaign.Compile(got); err != nil {
		t.Errorf("the cloned ruleset does not compile: %v", err)
	}
	st, err := got.StatusAt(got.Campaigns[2], rfc3339(t, "2027-06-01T00:00:00-03:00"))
	if err != nil || st != campaign.StatusActive {
		t.Errorf("the clone, with no end, in 2027: %v, %v; want active", st, err)
	}

	// Change every nested value of the result: the original must not move.
	cl := &got.Campaigns[2]
	cl.Rules.Match = "any"
	cl.Rules.Conditions[0].Values[0] = "vestuario/camisas"
	cl.Rules.Conditions[0].Values = append(cl.Rules.Conditions[0].Values, "x")
	*cl.Rules.Conditions[1].Min = 30
	*cl.Rules.Conditions[1].Max = 40
	cl.Rules.Conditions[3].Conditions[0].Codes.List[1] = "OUTRO"
	cl.Rules.Conditions[3].Conditions[0].Codes.Generate.Count = 99
	cl.Rules.Conditions[3].Conditions[1].Values[0] = "credito"
	*cl.MinValue = decimal.NewFromInt(1)
	cl.Benefit.FreeUnits.Buy = 4
	got.Categories[0].Name = "Roupas"
	got.Groupings[0].Members[0] = "loja-9"
	got.Campaigns[0].Benefit.Percent = testkit.DecPtr("50")
	got.Campaigns[1].Rules.Conditions[2].Grouping = "outro"
	*got.Campaigns[1].MinValue = decimal.NewFromInt(2)
	if diff := cmp.Diff(cloneRuleset(), orig, testkit.EquateDecimals()); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}
	// And the other way round: the copy does not follow the original.
	orig2 := cloneRuleset()
	got2, err := orig2.Clone("meias-3x2", "copia", "Cópia", "2026-12-01", "2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	orig2.Campaigns[1].Rules.Conditions[0].Values[0] = "mudou"
	orig2.Campaigns[1].Benefit.FreeUnits.Pay = 1
	if v := got2.Campaigns[2].Rules.Conditions[0].Values[0]; v != "vestuario/meias" {
		t.Errorf("the clone's first value followed the original: %q", v)
	}
	if v := got2.Campaigns[1].Benefit.FreeUnits.Pay; v != 2 {
		t.Errorf("the returned ruleset's original campaign followed r: pay %d", v)
	}
}

func TestCloneErrors(t *testing.T) {
	r := cloneRuleset()
	for _, tc := range []struct {
		name                           string
		id, newID, newName, start, end string
		wantErr                        string
	}{
		{"unknown id", "nada", "novo", "Novo", "2026-12-01", "", `unknown campaign "nada"`},
		{"new id used by another campaign", "meias-3x2", "outra", "Novo", "2026-12-01", "", `"outra" is already used`},
		{"new id is the same id", "meias-3x2", "meias-3x2", "Novo", "2026-12-01", "", "already used"},
		{"empty new id", "meias-3x2", "", "Novo", "2026-12-01", "", "new id: required"},
		{"blank new id", "meias-3x2", "  ", "Novo", "2026-12-01", "", "new id: required"},
		{"empty new name", "meias-3x2", "novo", "", "2026-12-01", "", "new name: required"},
		{"empty start", "meias-3x2", "novo", "Novo", "", "", "start: required"},
		{"bad start", "meias-3x2", "novo", "Novo", "01/12/2026", "", "start: not a valid date"},
		{"bad end", "meias-3x2", "novo", "Novo", "2026-12-01", "2026-12-32", "end: not a valid date"},
		{"end before start", "meias-3x2", "novo", "Novo", "2026-12-01T08:00", "2026-12-01T07:59", "end: must not be before start"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.Clone(tc.id, tc.newID, tc.newName, tc.start, tc.end)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Clone error = %v, want one containing %q", err, tc.wantErr)
			}
			if len(got.Campaigns) != 0 {
				t.Errorf("Clone returned %d campaigns with its error, want none", len(got.Campaigns))
			}
		})
	}
	// A one-day clone, start and end on the same day, is fine.
	if _, err := r.Clone("meias-3x2", "um-dia", "Um dia", "2026-12-01", "2026-12-01"); err != nil {
		t.Errorf("one-day clone: %v", err)
	}
}
