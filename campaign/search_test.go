package campaign_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
)

// Search over campaign definitions: filters, order and copies. Every
// expectation below is worked out from the dates and fields written in the
// test, not copied from output.

// searchRuleset has one campaign of each type, in no particular order.
// Dates, in Sao Paulo (UTC-3):
//
//	natal-10    prio 5  2026-12-01 00:00 .. 2026-12-25 end of day
//	meias-3x2   prio 1  2026-11-01 00:00 .. 2026-11-30 end of day
//	acima-200   prio 5  2026-11-01 00:00 .. (no end)
//	cafe-preco  prio 3  2026-10-01 08:00 .. 2026-10-31 end of day
//	cadastro    prio 0  2026-01-01 00:00 .. 2026-12-31 end of day
//	arroz-5     prio 3  2026-11-01 00:00 .. 2026-11-15 end of day
//	cerveja-15  prio 2  2026-11-20 00:00 .. 2026-11-20 end of day
func searchRuleset() campaign.Ruleset {
	product := func(kind string, values ...string) *campaign.Rules {
		return &campaign.Rules{Conditions: []campaign.Condition{{Kind: campaign.ConditionKind(kind), Values: values}}}
	}
	return campaign.Ruleset{
		Version: 1,
		Categories: []campaign.Category{
			{ID: "sazonal", Name: "Sazonal"}, {ID: "vestuario", Name: "Vestuário"}, {ID: "mercearia", Name: "Mercearia"},
			{ID: "crm", Name: "Cadastro"}, {ID: "bebidas", Name: "Bebidas"},
		},
		Campaigns: []campaign.Campaign{
			{General: campaign.General{ID: "natal-10", Name: "Natal 10% off", Description: "Desconto de Natal", Priority: 5, Start: "2026-12-01", End: "2026-12-25"}, Category: "sazonal",
				NoActivationRules: true,
				Benefit:           campaign.Benefit{On: "sale", Percent: testkit.DecPtr("10")}},
			{General: campaign.General{ID: "meias-3x2", Name: "Meias leve 3 pague 2", Priority: 1, Start: "2026-11-01", End: "2026-11-30"}, Category: "vestuario",
				Rules:   product("category", "vestuario/meias"),
				Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}},
			{General: campaign.General{ID: "acima-200", Name: "Acima de R$ 200, R$ 20 off", Priority: 5, Start: "2026-11-01T00:00:00-03:00"}, NoActivationRules: true, MinValue: testkit.DecPtr("200"),
				Benefit: campaign.Benefit{On: "sale", Amount: testkit.DecPtr("20")}},
			{General: campaign.General{ID: "cafe-preco", Name: "Café a R$ 12,90", Priority: 3, Start: "2026-10-01T08:00", End: "2026-10-31"}, Category: "mercearia",
				Rules:   product("product_code", "CAFE500"),
				Benefit: campaign.Benefit{On: "items", FinalPrice: testkit.DecPtr("12.90")}},
			{General: campaign.General{ID: "cadastro", Name: "Atualize seu cadastro", Description: "Enriquecer a BASE de clientes", Start: "2026-01-01", End: "2026-12-31"}, Category: "crm",
				NoActivationRules: true, NoBenefit: true},
			{General: campaign.General{ID: "arroz-5", Name: "Arroz R$ 5 off", Priority: 3, Start: "2026-11-01", End: "2026-11-15"}, Category: "mercearia",
				Rules:   product("sku", "ARROZ-5KG"),
				Benefit: campaign.Benefit{On: "items", Amount: testkit.DecPtr("5")}},
			{General: campaign.General{ID: "cerveja-15", Name: "PROMOÇÃO cerveja 15%", Priority: 2, Start: "2026-11-20", End: "2026-11-20"}, Category: "bebidas",
				Rules:   product("category", "bebidas/cervejas"),
				Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("15")}},
		},
	}
}

func TestSearch(t *testing.T) {
	r := searchRuleset()
	if _, err := campaign.Compile(r); err != nil {
		t.Fatalf("the search ruleset does not compile: %v", err)
	}
	mid := rfc3339(t, "2026-11-10T12:00:00-03:00")
	for _, tc := range []struct {
		name string
		f    campaign.Filter
		want []string
	}{
		{"no filter: every campaign by priority then id", campaign.Filter{},
			[]string{"cadastro", "meias-3x2", "cerveja-15", "arroz-5", "cafe-preco", "acima-200", "natal-10"}},
		{"At alone filters nothing", campaign.Filter{At: mid},
			[]string{"cadastro", "meias-3x2", "cerveja-15", "arroz-5", "cafe-preco", "acima-200", "natal-10"}},

		{"type sale_percent", campaign.Filter{Type: campaign.TypeSalePercent}, []string{"natal-10"}},
		{"type sale_amount", campaign.Filter{Type: "sale_amount"}, []string{"acima-200"}},
		{"type item_percent", campaign.Filter{Type: "item_percent"}, []string{"cerveja-15"}},
		{"type item_amount", campaign.Filter{Type: "item_amount"}, []string{"arroz-5"}},
		{"type final_price", campaign.Filter{Type: "final_price"}, []string{"cafe-preco"}},
		{"type free_units", campaign.Filter{Type: "free_units"}, []string{"meias-3x2"}},
		{"type no_benefit", campaign.Filter{Type: "no_benefit"}, []string{"cadastro"}},
		{"type other", campaign.Filter{Type: "other"}, nil},

		{"category, two campaigns of the same priority by id", campaign.Filter{Category: "mercearia"}, []string{"arroz-5", "cafe-preco"}},
		{"category is exact", campaign.Filter{Category: "merc"}, nil},

		{"active on 2026-11-10", campaign.Filter{Status: new(campaign.StatusActive), At: mid},
			[]string{"cadastro", "meias-3x2", "arroz-5", "acima-200"}},
		{"scheduled on 2026-11-10", campaign.Filter{Status: new(campaign.StatusScheduled), At: mid},
			[]string{"cerveja-15", "natal-10"}},
		{"ended on 2026-11-10", campaign.Filter{Status: new(campaign.StatusEnded), At: mid},
			[]string{"cafe-preco"}},
		{"active at the last nanosecond of 2026-11-15", campaign.Filter{Status: new(campaign.StatusActive), At: rfc3339(t, "2026-11-15T23:59:59.999999999-03:00")},
			[]string{"cadastro", "meias-3x2", "arroz-5", "acima-200"}},
		{"active on 2026-11-16: arroz-5 has ended", campaign.Filter{Status: new(campaign.StatusActive), At: rfc3339(t, "2026-11-16T00:00:00-03:00")},
			[]string{"cadastro", "meias-3x2", "acima-200"}},

		{"starts from 2026-11-01", campaign.Filter{StartsFrom: rfc3339(t, "2026-11-01T00:00:00-03:00")},
			[]string{"meias-3x2", "cerveja-15", "arroz-5", "acima-200", "natal-10"}},
		{"starts until cafe-preco's start, inclusive", campaign.Filter{StartsUntil: rfc3339(t, "2026-10-01T08:00:00-03:00")},
			[]string{"cadastro", "cafe-preco"}},
		{"starts until one nanosecond before cafe-preco's start", campaign.Filter{StartsUntil: rfc3339(t, "2026-10-01T07:59:59.999999999-03:00")},
			[]string{"cadastro"}},
		{"ends from meias-3x2's last instant, inclusive; no end passes", campaign.Filter{EndsFrom: rfc3339(t, "2026-11-30T23:59:59.999999999-03:00")},
			[]string{"cadastro", "meias-3x2", "acima-200", "natal-10"}},
		{"ends until 2026-11-16 00:00; no end fails", campaign.Filter{EndsUntil: rfc3339(t, "2026-11-16T00:00:00-03:00")},
			[]string{"arroz-5", "cafe-preco"}},
		{"ends until 2026-11-15 23:59:59: arroz-5 runs to the day's last nanosecond", campaign.Filter{EndsUntil: rfc3339(t, "2026-11-15T23:59:59-03:00")},
			[]string{"cafe-preco"}},

		{"text in the name, any case", campaign.Filter{Text: "NATAL"}, []string{"natal-10"}},
		{"text in the description", campaign.Filter{Text: "base de"}, []string{"cadastro"}},
		{"text in the id", campaign.Filter{Text: "3X2"}, []string{"meias-3x2"}},
		{"text with accents, other case", campaign.Filter{Text: "promoção"}, []string{"cerveja-15"}},
		{"text: accents are not folded", campaign.Filter{Text: "promocao"}, nil},
		{"text in several campaigns", campaign.Filter{Text: "off"}, []string{"arroz-5", "acima-200", "natal-10"}},

		{"category and status", campaign.Filter{Category: "mercearia", Status: new(campaign.StatusActive), At: mid}, []string{"arroz-5"}},
		{"type and status", campaign.Filter{Type: "final_price", Status: new(campaign.StatusEnded), At: mid}, []string{"cafe-preco"}},
		{"text and status", campaign.Filter{Text: "off", Status: new(campaign.StatusActive), At: mid}, []string{"arroz-5", "acima-200"}},
		{"start window and end window", campaign.Filter{
			StartsFrom: rfc3339(t, "2026-11-01T00:00:00-03:00"), StartsUntil: rfc3339(t, "2026-11-30T23:59:59-03:00"),
			EndsFrom: rfc3339(t, "2026-11-20T00:00:00-03:00"), EndsUntil: rfc3339(t, "2026-12-31T23:59:59-03:00"),
		}, []string{"meias-3x2", "cerveja-15"}},
		{"everything at once", campaign.Filter{
			Type: "free_units", Category: "vestuario", Status: new(campaign.StatusActive), At: mid,
			StartsFrom: rfc3339(t, "2026-11-01T00:00:00-03:00"), EndsUntil: rfc3339(t, "2026-12-01T00:00:00-03:00"), Text: "meias",
		}, []string{"meias-3x2"}},
		{"everything at once, one field off", campaign.Filter{
			Type: "free_units", Category: "vestuario", Status: new(campaign.StatusActive), At: mid,
			StartsFrom: rfc3339(t, "2026-11-01T00:00:00-03:00"), EndsUntil: rfc3339(t, "2026-12-01T00:00:00-03:00"), Text: "camisas",
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.Search(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if diff := cmp.Diff(tc.want, ids, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Search ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSearchOrderDoesNotDependOnDefinitionOrder(t *testing.T) {
	r := searchRuleset()
	rev := searchRuleset()
	for i, j := 0, len(rev.Campaigns)-1; i < j; i, j = i+1, j-1 {
		rev.Campaigns[i], rev.Campaigns[j] = rev.Campaigns[j], rev.Campaigns[i]
	}
	a, err := r.Search(campaign.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := rev.Search(campaign.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Search on reversed campaigns (-want +got):\n%s", diff)
	}
}

func TestSearchReturnsCopies(t *testing.T) {
	r := searchRuleset()
	got, err := r.Search(campaign.Filter{Type: "free_units"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("Search returned %d campaigns, want 1", len(got))
	}
	got[0].Rules.Conditions[0].Values[0] = "changed"
	got[0].Benefit.FreeUnits.Buy = 9
	if diff := cmp.Diff(searchRuleset(), r, testkit.EquateDecimals()); diff != "" {
		t.Errorf("changing a search result changed the ruleset (-want +got):\n%s", diff)
	}
}

func TestSearchErrors(t *testing.T) {
	r := searchRuleset()
	bad := searchRuleset()
	bad.Campaigns[2].End = "2026-13-01"
	mid := rfc3339(t, "2026-11-10T12:00:00-03:00")
	for _, tc := range []struct {
		name    string
		r       campaign.Ruleset
		f       campaign.Filter
		wantErr string
	}{
		{"status without At", r, campaign.Filter{Status: new(campaign.StatusActive)}, "needs the instant At"},
		{"unknown status", r, campaign.Filter{Status: new(campaign.Status(3)), At: mid}, "unknown campaign status"},
		{"unknown type", r, campaign.Filter{Type: "percent"}, "unknown campaign type"},
		{"bad date under a status filter", bad, campaign.Filter{Status: new(campaign.StatusActive), At: mid}, `campaign "acima-200": end: not a valid date`},
		{"bad date under a date filter", bad, campaign.Filter{EndsFrom: mid}, `campaign "acima-200": end`},
		{"unknown zone under a date filter", campaign.Ruleset{Version: 1, Settings: campaign.Settings{TimeZone: "Nowhere/Land"}}, campaign.Filter{StartsFrom: mid}, "unknown time zone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.r.Search(tc.f)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Search error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
	// Dates are read only when a filter needs them.
	got, err := bad.Search(campaign.Filter{Category: "mercearia"})
	if err != nil {
		t.Fatalf("Search by category with a bad date elsewhere: %v", err)
	}
	if len(got) != 2 {
		t.Errorf("Search by category returned %d campaigns, want 2", len(got))
	}
}
