package campaign_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
)

// Lifecycle: StatusAt, Search, Clone and Diff over campaign definitions.
// Every expectation below is worked out from the dates and fields written in
// the test, not copied from output.

// lcAt reads an RFC 3339 instant (with nanoseconds if any).
func lcAt(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func TestStatusString(t *testing.T) {
	for _, tc := range []struct {
		s    campaign.Status
		want string
	}{
		{campaign.StatusScheduled, "scheduled"},
		{campaign.StatusActive, "active"},
		{campaign.StatusEnded, "ended"},
		{campaign.Status(7), "Status(7)"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("Status(%d).String() = %q, want %q", uint8(tc.s), got, tc.want)
		}
		back, err := campaign.ParseStatus(tc.want)
		if tc.s > campaign.StatusEnded {
			if err == nil {
				t.Errorf("ParseStatus(%q) = %v, want an error", tc.want, back)
			}
			continue
		}
		if err != nil || back != tc.s {
			t.Errorf("ParseStatus(%q) = %v, %v, want %v", tc.want, back, err, tc.s)
		}
	}
}

func TestStatusAt(t *testing.T) {
	// Sao Paulo has been UTC-3 all year since 2019; Manaus is UTC-4.
	for _, tc := range []struct {
		name       string
		zone       string
		start, end string
		at         string
		want       campaign.Status
	}{
		{"one minute before a local start", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T07:59:00-03:00", campaign.StatusScheduled},
		{"one nanosecond before a local start", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T07:59:59.999999999-03:00", campaign.StatusScheduled},
		{"at a local start", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T08:00:00-03:00", campaign.StatusActive},
		{"at a local start, written in UTC", "", "2026-11-01T08:00", "2026-11-30", "2026-11-01T11:00:00Z", campaign.StatusActive},
		{"date-only end: last nanosecond of the day", "", "2026-11-01T08:00", "2026-11-30", "2026-11-30T23:59:59.999999999-03:00", campaign.StatusActive},
		{"date-only end: next day", "", "2026-11-01T08:00", "2026-11-30", "2026-12-01T00:00:00-03:00", campaign.StatusEnded},
		{"date-only end: still that day in Sao Paulo, next day in UTC", "", "2026-11-01T08:00", "2026-11-30", "2026-12-01T02:59:59Z", campaign.StatusActive},
		{"RFC 3339 end: at it", "", "2026-11-01T00:00:00-03:00", "2026-11-21T10:15:00-03:00", "2026-11-21T10:15:00-03:00", campaign.StatusActive},
		{"RFC 3339 end: one nanosecond after", "", "2026-11-01T00:00:00-03:00", "2026-11-21T10:15:00-03:00", "2026-11-21T10:15:00.000000001-03:00", campaign.StatusEnded},
		{"local end with seconds: one second after", "", "2026-11-01", "2026-11-20T23:59:30", "2026-11-20T23:59:31-03:00", campaign.StatusEnded},
		{"no end, years later", "", "2026-11-01", "", "2040-01-01T00:00:00-03:00", campaign.StatusActive},
		{"no end, before start", "", "2026-11-01", "", "2026-10-31T23:59:59-03:00", campaign.StatusScheduled},
		{"start and end the same day", "", "2026-11-20", "2026-11-20", "2026-11-20T12:00:00-03:00", campaign.StatusActive},
		// 2026-11-01 in Manaus starts at 04:00Z, an hour after Sao Paulo's.
		{"date-only start read in the ruleset's zone", "America/Manaus", "2026-11-01", "", "2026-11-01T00:30:00-03:00", campaign.StatusScheduled},
		{"same instant in the default zone", "", "2026-11-01", "", "2026-11-01T00:30:00-03:00", campaign.StatusActive},
		{"date-only end read in the ruleset's zone", "America/Manaus", "2026-11-01", "2026-11-30", "2026-12-01T00:30:00-03:00", campaign.StatusActive},
		{"date-only end in UTC", "UTC", "2026-11-01", "2026-11-30", "2026-12-01T00:30:00-03:00", campaign.StatusEnded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := campaign.Ruleset{Version: 1, Settings: campaign.Settings{TimeZone: tc.zone}}
			c := campaign.Campaign{ID: "c", Name: "C", Start: tc.start, End: tc.end}
			got, err := r.StatusAt(c, lcAt(t, tc.at))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("StatusAt(start %q, end %q, zone %q, at %s) = %v, want %v", tc.start, tc.end, tc.zone, tc.at, got, tc.want)
			}
		})
	}
}

func TestStatusAtErrors(t *testing.T) {
	at := lcAt(t, "2026-11-10T12:00:00-03:00")
	for _, tc := range []struct {
		name       string
		zone       string
		start, end string
		wantErr    string
	}{
		{"missing start", "", "", "2026-11-30", "start: required"},
		{"a day that does not exist", "", "2026-02-30", "", "start: not a valid date"},
		{"bad end", "", "2026-11-01", "30/11/2026", "end: not a valid date"},
		{"unknown zone", "Mars/Olympus", "2026-11-01", "", "unknown time zone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := campaign.Ruleset{Version: 1, Settings: campaign.Settings{TimeZone: tc.zone}}
			_, err := r.StatusAt(campaign.Campaign{ID: "c", Name: "C", Start: tc.start, End: tc.end}, at)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("StatusAt error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestSearchType(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    campaign.Campaign
		want string
	}{
		{"sale percent", campaign.Campaign{Benefit: campaign.Benefit{On: "sale", Percent: testkit.DecPtr("10")}}, "sale_percent"},
		{"sale amount", campaign.Campaign{Benefit: campaign.Benefit{On: "sale", Amount: testkit.DecPtr("20")}}, "sale_amount"},
		{"item percent", campaign.Campaign{Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("15"), ApplyTo: "highest"}}, "item_percent"},
		{"item amount", campaign.Campaign{Benefit: campaign.Benefit{On: "items", Amount: testkit.DecPtr("5")}}, "item_amount"},
		{"final price", campaign.Campaign{Benefit: campaign.Benefit{On: "items", FinalPrice: testkit.DecPtr("25")}}, "final_price"},
		{"free units", campaign.Campaign{Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}}, "free_units"},
		{"no benefit", campaign.Campaign{NoBenefit: true}, "no_benefit"},
		{"nothing set", campaign.Campaign{Benefit: campaign.Benefit{On: "sale"}}, "other"},
		{"two kinds set", campaign.Campaign{Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("10"), Amount: testkit.DecPtr("5")}}, "other"},
		{"final price on the sale", campaign.Campaign{Benefit: campaign.Benefit{On: "sale", FinalPrice: testkit.DecPtr("25")}}, "other"},
		{"unknown target", campaign.Campaign{Benefit: campaign.Benefit{On: "cart", Percent: testkit.DecPtr("10")}}, "other"},
		{"no target", campaign.Campaign{Benefit: campaign.Benefit{Percent: testkit.DecPtr("10")}}, "other"},
	} {
		if got := tc.c.Type(); got != tc.want {
			t.Errorf("%s: Type() = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// lcSearchRuleset has one campaign of each type, in no particular order.
// Dates, in Sao Paulo (UTC-3):
//
//	natal-10    prio 5  2026-12-01 00:00 .. 2026-12-25 end of day
//	meias-3x2   prio 1  2026-11-01 00:00 .. 2026-11-30 end of day
//	acima-200   prio 5  2026-11-01 00:00 .. (no end)
//	cafe-preco  prio 3  2026-10-01 08:00 .. 2026-10-31 end of day
//	cadastro    prio 0  2026-01-01 00:00 .. 2026-12-31 end of day
//	arroz-5     prio 3  2026-11-01 00:00 .. 2026-11-15 end of day
//	cerveja-15  prio 2  2026-11-20 00:00 .. 2026-11-20 end of day
func lcSearchRuleset() campaign.Ruleset {
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
			{ID: "natal-10", Name: "Natal 10% off", Description: "Desconto de Natal", Priority: 5, Category: "sazonal",
				Start: "2026-12-01", End: "2026-12-25", NoActivationRules: true,
				Benefit: campaign.Benefit{On: "sale", Percent: testkit.DecPtr("10")}},
			{ID: "meias-3x2", Name: "Meias leve 3 pague 2", Priority: 1, Category: "vestuario",
				Start: "2026-11-01", End: "2026-11-30", Rules: product("category", "vestuario/meias"),
				Benefit: campaign.Benefit{On: "items", FreeUnits: &campaign.FreeUnits{Buy: 3, Pay: 2}}},
			{ID: "acima-200", Name: "Acima de R$ 200, R$ 20 off", Priority: 5,
				Start: "2026-11-01T00:00:00-03:00", NoActivationRules: true, MinValue: testkit.DecPtr("200"),
				Benefit: campaign.Benefit{On: "sale", Amount: testkit.DecPtr("20")}},
			{ID: "cafe-preco", Name: "Café a R$ 12,90", Priority: 3, Category: "mercearia",
				Start: "2026-10-01T08:00", End: "2026-10-31", Rules: product("product_code", "CAFE500"),
				Benefit: campaign.Benefit{On: "items", FinalPrice: testkit.DecPtr("12.90")}},
			{ID: "cadastro", Name: "Atualize seu cadastro", Description: "Enriquecer a BASE de clientes", Category: "crm",
				Start: "2026-01-01", End: "2026-12-31", NoActivationRules: true, NoBenefit: true},
			{ID: "arroz-5", Name: "Arroz R$ 5 off", Priority: 3, Category: "mercearia",
				Start: "2026-11-01", End: "2026-11-15", Rules: product("sku", "ARROZ-5KG"),
				Benefit: campaign.Benefit{On: "items", Amount: testkit.DecPtr("5")}},
			{ID: "cerveja-15", Name: "PROMOÇÃO cerveja 15%", Priority: 2, Category: "bebidas",
				Start: "2026-11-20", End: "2026-11-20", Rules: product("category", "bebidas/cervejas"),
				Benefit: campaign.Benefit{On: "items", Percent: testkit.DecPtr("15")}},
		},
	}
}

func TestSearch(t *testing.T) {
	r := lcSearchRuleset()
	if _, err := campaign.Compile(r); err != nil {
		t.Fatalf("the search ruleset does not compile: %v", err)
	}
	mid := lcAt(t, "2026-11-10T12:00:00-03:00")
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
		{"active at the last nanosecond of 2026-11-15", campaign.Filter{Status: new(campaign.StatusActive), At: lcAt(t, "2026-11-15T23:59:59.999999999-03:00")},
			[]string{"cadastro", "meias-3x2", "arroz-5", "acima-200"}},
		{"active on 2026-11-16: arroz-5 has ended", campaign.Filter{Status: new(campaign.StatusActive), At: lcAt(t, "2026-11-16T00:00:00-03:00")},
			[]string{"cadastro", "meias-3x2", "acima-200"}},

		{"starts from 2026-11-01", campaign.Filter{StartsFrom: lcAt(t, "2026-11-01T00:00:00-03:00")},
			[]string{"meias-3x2", "cerveja-15", "arroz-5", "acima-200", "natal-10"}},
		{"starts until cafe-preco's start, inclusive", campaign.Filter{StartsUntil: lcAt(t, "2026-10-01T08:00:00-03:00")},
			[]string{"cadastro", "cafe-preco"}},
		{"starts until one nanosecond before cafe-preco's start", campaign.Filter{StartsUntil: lcAt(t, "2026-10-01T07:59:59.999999999-03:00")},
			[]string{"cadastro"}},
		{"ends from meias-3x2's last instant, inclusive; no end passes", campaign.Filter{EndsFrom: lcAt(t, "2026-11-30T23:59:59.999999999-03:00")},
			[]string{"cadastro", "meias-3x2", "acima-200", "natal-10"}},
		{"ends until 2026-11-16 00:00; no end fails", campaign.Filter{EndsUntil: lcAt(t, "2026-11-16T00:00:00-03:00")},
			[]string{"arroz-5", "cafe-preco"}},
		{"ends until 2026-11-15 23:59:59: arroz-5 runs to the day's last nanosecond", campaign.Filter{EndsUntil: lcAt(t, "2026-11-15T23:59:59-03:00")},
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
			StartsFrom: lcAt(t, "2026-11-01T00:00:00-03:00"), StartsUntil: lcAt(t, "2026-11-30T23:59:59-03:00"),
			EndsFrom: lcAt(t, "2026-11-20T00:00:00-03:00"), EndsUntil: lcAt(t, "2026-12-31T23:59:59-03:00"),
		}, []string{"meias-3x2", "cerveja-15"}},
		{"everything at once", campaign.Filter{
			Type: "free_units", Category: "vestuario", Status: new(campaign.StatusActive), At: mid,
			StartsFrom: lcAt(t, "2026-11-01T00:00:00-03:00"), EndsUntil: lcAt(t, "2026-12-01T00:00:00-03:00"), Text: "meias",
		}, []string{"meias-3x2"}},
		{"everything at once, one field off", campaign.Filter{
			Type: "free_units", Category: "vestuario", Status: new(campaign.StatusActive), At: mid,
			StartsFrom: lcAt(t, "2026-11-01T00:00:00-03:00"), EndsUntil: lcAt(t, "2026-12-01T00:00:00-03:00"), Text: "camisas",
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
	r := lcSearchRuleset()
	rev := lcSearchRuleset()
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
	r := lcSearchRuleset()
	got, err := r.Search(campaign.Filter{Type: "free_units"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("Search returned %d campaigns, want 1", len(got))
	}
	got[0].Rules.Conditions[0].Values[0] = "changed"
	got[0].Benefit.FreeUnits.Buy = 9
	if diff := cmp.Diff(lcSearchRuleset(), r, testkit.EquateDecimals()); diff != "" {
		t.Errorf("changing a search result changed the ruleset (-want +got):\n%s", diff)
	}
}

func TestSearchErrors(t *testing.T) {
	r := lcSearchRuleset()
	bad := lcSearchRuleset()
	bad.Campaigns[2].End = "2026-13-01"
	mid := lcAt(t, "2026-11-10T12:00:00-03:00")
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

// lcCloneRuleset has a campaign with every kind of nested value: pointers
// (rules, min_value, free_units, condition min/max, code set and pattern),
// slices (conditions, values, nested conditions, code list) and ruleset-level
// categories and groupings.
func lcCloneRuleset() campaign.Ruleset {
	return campaign.Ruleset{
		Version:    1,
		Settings:   campaign.Settings{Rounding: "half_up"},
		Categories: []campaign.Category{{ID: "vestuario", Name: "Vestuário"}},
		Groupings:  []campaign.Grouping{{ID: "lojas-sul", Kind: "store", Members: []string{"loja-1", "loja-2"}}},
		Campaigns: []campaign.Campaign{
			{ID: "outra", Name: "Outra", Start: "2026-11-01", NoActivationRules: true,
				Benefit: campaign.Benefit{On: "sale", Percent: testkit.DecPtr("5")}},
			{ID: "meias-3x2", Name: "Meias leve 3 pague 2", Description: "Só no sul", Priority: 2,
				Category: "vestuario", Start: "2026-11-01", End: "2026-11-30", MinQuantity: 3, MinValue: testkit.DecPtr("50.00"),
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
	orig := lcCloneRuleset()
	if _, err := campaign.Compile(orig); err != nil {
		t.Fatalf("the clone ruleset does not compile: %v", err)
	}
	got, err := orig.Clone("meias-3x2", "meias-3x2-dez", "Meias leve 3 pague 2 (dezembro)", "2026-12-01T08:00", "")
	if err != nil {
		t.Fatal(err)
	}
	// The original is untouched.
	if diff := cmp.Diff(lcCloneRuleset(), orig, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Clone changed the original (-want +got):\n%s", diff)
	}
	// The result is the original plus the copy, with its new id, name and
	// dates and everything else as it was.
	want := lcCloneRuleset()
	c := lcCloneRuleset().Campaigns[1]
	c.ID, c.Name, c.Start, c.End = "meias-3x2-dez", "Meias leve 3 pague 2 (dezembro)", "2026-12-01T08:00", ""
	want.Campaigns = append(want.Campaigns, c)
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Clone (-want +got):\n%s", diff)
	}
	if _, err := campaign.Compile(got); err != nil {
		t.Errorf("the cloned ruleset does not compile: %v", err)
	}
	st, err := got.StatusAt(got.Campaigns[2], lcAt(t, "2027-06-01T00:00:00-03:00"))
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
	if diff := cmp.Diff(lcCloneRuleset(), orig, testkit.EquateDecimals()); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}
	// And the other way round: the copy does not follow the original.
	orig2 := lcCloneRuleset()
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
	r := lcCloneRuleset()
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

// lcDiffBase is the campaign the diff cases start from.
func lcDiffBase() campaign.Campaign {
	return campaign.Campaign{
		ID: "arroz", Name: "Arroz 10%", Priority: 1, Start: "2026-11-01", End: "2026-11-30",
		Rules: &campaign.Rules{Conditions: []campaign.Condition{
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
			before, after := lcDiffBase(), lcDiffBase()
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
	r := lcCloneRuleset()
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

func TestPeriods(t *testing.T) {
	def := campaign.Ruleset{
		Settings:  campaign.Settings{TimeZone: "America/Manaus"},
		Campaigns: []campaign.Campaign{{ID: "a", Start: "2026-11-01", End: "2026-11-30"}, {ID: "b", Start: "amanhã"}},
		Markdowns: []campaign.Markdown{{ID: "m", Start: "2026-11-01T08:00:00-03:00"}},
		Combos:    []campaign.Combo{{ID: "k", Start: "2026-11-02T09:30", End: "2026-11-02T18:00"}},
	}
	manaus, err := time.LoadLocation("America/Manaus")
	if err != nil {
		t.Fatal(err)
	}
	got, err := def.Periods()
	if err == nil || !strings.Contains(err.Error(), "campaigns[1]: start:") {
		t.Errorf("error %v: want the bad start of campaigns[1]", err)
	}
	// Local dates are read in Manaus (-04:00); a date-only end is the last
	// instant of the day; an end to the minute covers the minute.
	want := []campaign.Period{
		{ID: "a", Path: "campaigns[0]", Start: time.Date(2026, 11, 1, 0, 0, 0, 0, manaus), End: time.Date(2026, 11, 30, 23, 59, 59, 999999999, manaus)},
		{ID: "m", Path: "markdowns[0]", Start: time.Date(2026, 11, 1, 11, 0, 0, 0, time.UTC)},
		{ID: "k", Path: "combos[0]", Start: time.Date(2026, 11, 2, 9, 30, 0, 0, manaus), End: time.Date(2026, 11, 2, 18, 0, 59, 999999999, manaus)},
	}
	if diff := cmp.Diff(want, got, testkit.EquateTimes()); diff != "" {
		t.Errorf("periods (-want +got):\n%s", diff)
	}
	if loc, err := def.Location(); err != nil || loc.String() != "America/Manaus" {
		t.Errorf("Location() = %v, %v; want America/Manaus", loc, err)
	}
}
