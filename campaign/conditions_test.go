package campaign_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
)

// cdP is the path of the first condition of the first campaign.
const cdP = "campaigns[0].rules.conditions[0]"

// cdGroupings are one grouping of each kind.
var cdGroupings = []campaign.Grouping{
	{ID: "cervejas", Kind: "product", Members: []string{"CERV-1", "CERV-2"}},
	{ID: "lojas-sul", Kind: "store", Members: []string{"loja-7", "loja-8"}},
	{ID: "vip", Kind: "customer", Members: []string{"tok-9", "529.982.247-25"}},
}

// cdRuleset is a ruleset with cdGroupings and one campaign (10 % off every
// item) whose rules are conds, optional or not.
func cdRuleset(optional bool, conds ...campaign.Condition) campaign.Ruleset {
	ten := decimal.NewFromInt(10)
	return campaign.Ruleset{
		Version:   1,
		Groupings: cdGroupings,
		Campaigns: []campaign.Campaign{{
			General: campaign.General{ID: "c1", Name: "Campanha c1", Start: "2026-11-01"}, Optional: optional,
			Rules:   &campaign.Rules{Conditions: conds},
			Benefit: campaign.Benefit{On: "items", Percent: &ten},
		}},
	}
}

// cdProblem is an expected problem: its exact path and a part of its reason.
type cdProblem struct{ Path, Contains string }

// cdProblems returns the problems of a compile error, or fails the test when
// err is not a *promo.ValidationError.
func cdProblems(t *testing.T, err error) []promo.Problem {
	t.Helper()
	var ve *promo.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *promo.ValidationError, got %T %v", err, err)
	}
	return ve.Problems
}

// cdCompare compares problems with the expected ones, in order: paths
// exactly, reasons by substring.
func cdCompare(t *testing.T, want []cdProblem, got []promo.Problem) {
	t.Helper()
	g := make([]cdProblem, len(got))
	for i, p := range got {
		g[i] = cdProblem{p.Path, p.Reason}
	}
	testkit.CheckProblems(t, want, g)
}

// cdCase is a campaign with the given conditions and the problems its
// compilation must report (none: it compiles).
type cdCase struct {
	name     string
	optional bool
	conds    []campaign.Condition
	want     []cdProblem
}

func cdRun(t *testing.T, tests []cdCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := campaign.Compile(cdRuleset(tt.optional, tt.conds...))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Compile: %v", err)
				}
				if rs == nil {
					t.Fatal("Compile returned a nil ruleset and no error")
				}
				return
			}
			cdCompare(t, tt.want, cdProblems(t, err))
		})
	}
}

// cdC is shorthand for a one-condition case.
func cdC(name string, cd campaign.Condition, want ...cdProblem) cdCase {
	return cdCase{name: name, conds: []campaign.Condition{cd}, want: want}
}

// cdOpt is cdC on an optional campaign.
func cdOpt(name string, cd campaign.Condition, want ...cdProblem) cdCase {
	return cdCase{name: name, optional: true, conds: []campaign.Condition{cd}, want: want}
}

func TestConditionKind(t *testing.T) {
	cdRun(t, []cdCase{
		cdC("kind missing", campaign.Condition{Values: []string{"A"}},
			cdProblem{cdP + ".kind", "required (product_code, sku, ncm, category, grouping, brand, manufacturer, line, family, role, customer_tax_id"}),
		cdC("kind unknown", campaign.Condition{Kind: "coupon"},
			cdProblem{cdP + ".kind", `unknown kind "coupon"`}),
		// Kinds are lower case.
		cdC("kind in upper case", campaign.Condition{Kind: "NCM", Values: []string{"22030000"}},
			cdProblem{cdP + ".kind", `unknown kind "NCM"`}),
	})
}

func TestConditionProductKinds(t *testing.T) {
	cdRun(t, []cdCase{
		cdC("product_code valid", campaign.Condition{Kind: "product_code", Values: []string{"A"}, Require: "all"}),
		cdC("product_code without values", campaign.Condition{Kind: "product_code"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("product_code with an empty value", campaign.Condition{Kind: "product_code", Values: []string{"A", " "}},
			cdProblem{cdP + ".values[1]", "must not be empty"}),
		cdC("product_code with a bad require", campaign.Condition{Kind: "product_code", Values: []string{"A"}, Require: "every"},
			cdProblem{cdP + ".require", `unknown require "every"`}),
		cdC("product_code with fields of other kinds", campaign.Condition{Kind: "product_code", Values: []string{"A"}, Grouping: "cervejas", Min: new(1)},
			cdProblem{cdP + ".grouping", "not used by kind product_code"},
			cdProblem{cdP + ".min", "not used by kind product_code"}),
		cdC("sku without values", campaign.Condition{Kind: "sku"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("sku with sex", campaign.Condition{Kind: "sku", Values: []string{"S1"}, Sex: "female"},
			cdProblem{cdP + ".sex", "not used by kind sku"}),
		cdC("ncm valid", campaign.Condition{Kind: "ncm", Values: []string{"22030000", "22021000"}, Require: "any"}),
		cdC("ncm without values", campaign.Condition{Kind: "ncm", Values: []string{}},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("ncm with a period", campaign.Condition{Kind: "ncm", Values: []string{"22030000"}, Period: "day"},
			cdProblem{cdP + ".period", "not used by kind ncm"}),
		cdC("category of slashes only", campaign.Condition{Kind: "category", Values: []string{"/", "bebidas"}},
			cdProblem{cdP + ".values[0]", "must not be empty"}),
		cdC("grouping valid, all", campaign.Condition{Kind: "grouping", Grouping: "cervejas", Require: "all"}),
		cdC("grouping valid, any by default", campaign.Condition{Kind: "grouping", Grouping: "cervejas"}),
		cdC("grouping missing", campaign.Condition{Kind: "grouping"},
			cdProblem{cdP + ".grouping", "required: the id of a product grouping"}),
		cdC("grouping unknown", campaign.Condition{Kind: "grouping", Grouping: "vinhos"},
			cdProblem{cdP + ".grouping", `unknown grouping "vinhos"`}),
		cdC("grouping of stores", campaign.Condition{Kind: "grouping", Grouping: "lojas-sul"},
			cdProblem{cdP + ".grouping", `grouping "lojas-sul" is a store grouping, want a product grouping`}),
		cdC("grouping of customers", campaign.Condition{Kind: "grouping", Grouping: "vip"},
			cdProblem{cdP + ".grouping", `grouping "vip" is a customer grouping, want a product grouping`}),
		cdC("grouping with values and a bad require", campaign.Condition{Kind: "grouping", Grouping: "cervejas", Values: []string{"X"}, Require: "todos"},
			cdProblem{cdP + ".values", "not used by kind grouping"},
			cdProblem{cdP + ".require", `unknown require "todos"`}),
	})
}

func TestConditionOptionalOnly(t *testing.T) {
	const nested = cdP + ".conditions[0]"
	cdRun(t, []cdCase{
		cdOpt("captured_field on an optional campaign", campaign.Condition{Kind: "captured_field", Field: "email", Value: "ana@example.com"}),
		cdC("captured_field on a campaign that is not optional", campaign.Condition{Kind: "captured_field", Field: "email", Value: "ana@example.com"},
			cdProblem{cdP + ".kind", "captured_field rules are allowed on optional campaigns only"}),
		cdOpt("captured_field with an unknown field and no value", campaign.Condition{Kind: "captured_field", Field: "cpf"},
			cdProblem{cdP + ".field", "want name, email, phone, address, birth_date or sex"},
			cdProblem{cdP + ".value", "required"}),
		cdC("captured_field with everything wrong", campaign.Condition{Kind: "captured_field"},
			cdProblem{cdP + ".kind", "allowed on optional campaigns only"},
			cdProblem{cdP + ".field", "want name, email, phone, address, birth_date or sex"},
			cdProblem{cdP + ".value", "required"}),
		cdOpt("captured_field birth_date", campaign.Condition{Kind: "captured_field", Field: "birth_date", Value: "1990-05-17"}),
		cdOpt("captured_field sex", campaign.Condition{Kind: "captured_field", Field: "sex", Value: "female"}),
		// A value the field can never hold is refused like the same value
		// in customer_sex or a cart's birth_date, instead of a rule that
		// silently never holds.
		cdOpt("captured_field birth_date that does not exist", campaign.Condition{Kind: "captured_field", Field: "birth_date", Value: "1990-02-30"},
			cdProblem{cdP + ".value", "YYYY-MM-DD"}),
		cdOpt("captured_field birth_date in the Brazilian form", campaign.Condition{Kind: "captured_field", Field: "birth_date", Value: "17/05/1990"},
			cdProblem{cdP + ".value", "YYYY-MM-DD"}),
		cdOpt("captured_field sex as a letter", campaign.Condition{Kind: "captured_field", Field: "sex", Value: "F"},
			cdProblem{cdP + ".value", "want female, male or other"}),
		cdOpt("captured_field with values", campaign.Condition{Kind: "captured_field", Field: "name", Value: "Ana", Values: []string{"Ana"}},
			cdProblem{cdP + ".values", "not used by kind captured_field"}),
		// Nested, the rule is still judged by its campaign.
		cdC("captured_field inside all, campaign not optional",
			campaign.Condition{Kind: "all", Conditions: []campaign.Condition{{Kind: "captured_field", Field: "phone", Value: "1"}}},
			cdProblem{nested + ".kind", "captured_field rules are allowed on optional campaigns only"}),
		cdOpt("captured_field inside first_purchase, optional campaign",
			campaign.Condition{Kind: "first_purchase", Conditions: []campaign.Condition{{Kind: "captured_field", Field: "phone", Value: "1"}}}),
		cdOpt("conecta_agenda on an optional campaign", campaign.Condition{Kind: "conecta_agenda"}),
		cdOpt("conecta_agenda with nested rules", campaign.Condition{Kind: "conecta_agenda", Conditions: []campaign.Condition{
			{Kind: "product_code", Values: []string{"A"}}, {Kind: "captured_field", Field: "name", Value: "Ana"},
		}}),
		cdC("conecta_agenda on a campaign that is not optional", campaign.Condition{Kind: "conecta_agenda"},
			cdProblem{cdP + ".kind", "conecta_agenda rules are allowed on optional campaigns only"}),
		cdC("conecta_agenda and a nested captured_field, not optional",
			campaign.Condition{Kind: "conecta_agenda", Conditions: []campaign.Condition{{Kind: "captured_field", Field: "name", Value: "Ana"}}},
			cdProblem{cdP + ".kind", "conecta_agenda rules are allowed on optional campaigns only"},
			cdProblem{nested + ".kind", "captured_field rules are allowed on optional campaigns only"}),
		cdC("conecta_agenda inside any, not optional",
			campaign.Condition{Kind: "any", Conditions: []campaign.Condition{{Kind: "product_code", Values: []string{"A"}}, {Kind: "conecta_agenda"}}},
			cdProblem{cdP + ".conditions[1].kind", "conecta_agenda rules are allowed on optional campaigns only"}),
		cdOpt("conecta_agenda with a bad nested rule", campaign.Condition{Kind: "conecta_agenda", Conditions: []campaign.Condition{{Kind: "tender"}}},
			cdProblem{nested + ".values", "at least one value is required"}),
		cdOpt("conecta_agenda with values", campaign.Condition{Kind: "conecta_agenda", Values: []string{"x"}},
			cdProblem{cdP + ".values", "not used by kind conecta_agenda"}),
	})
}

func TestConditionComposites(t *testing.T) {
	bad := campaign.Condition{Kind: "sku"} // no values
	cdRun(t, []cdCase{
		cdC("all valid", campaign.Condition{Kind: "all", Conditions: []campaign.Condition{
			{Kind: "product_code", Values: []string{"A"}}, {Kind: "customer_sex", Sex: "female"},
		}}),
		cdC("any nested in all", campaign.Condition{Kind: "all", Conditions: []campaign.Condition{
			{Kind: "product_code", Values: []string{"A"}},
			{Kind: "any", Conditions: []campaign.Condition{{Kind: "tender", Values: []string{"pix"}}, {Kind: "card_bin", Values: []string{"4111"}}}},
		}}),
		cdC("all without conditions", campaign.Condition{Kind: "all"},
			cdProblem{cdP + ".conditions", "at least one condition is required"}),
		cdC("any with an empty list", campaign.Condition{Kind: "any", Conditions: []campaign.Condition{}},
			cdProblem{cdP + ".conditions", "at least one condition is required"}),
		cdC("problems deep inside", campaign.Condition{Kind: "all", Conditions: []campaign.Condition{
			{Kind: "product_code", Values: []string{"A"}},
			{Kind: "any", Conditions: []campaign.Condition{{Kind: "tender", Values: []string{"pix"}}, bad}},
			{Kind: "all", Conditions: []campaign.Condition{{Kind: "store_grouping", Grouping: "nada"}}},
		}},
			cdProblem{cdP + ".conditions[1].conditions[1].values", "at least one value is required"},
			cdProblem{cdP + ".conditions[2].conditions[0].grouping", `unknown grouping "nada"`}),
		cdC("any with values and require", campaign.Condition{Kind: "any", Values: []string{"A"}, Require: "all",
			Conditions: []campaign.Condition{{Kind: "product_code", Values: []string{"A"}}}},
			cdProblem{cdP + ".values", "not used by kind any"},
			cdProblem{cdP + ".require", "not used by kind any"}),
		// Every problem of every condition comes at once.
		{name: "problems in several conditions", conds: []campaign.Condition{
			bad,
			{Kind: "product_code", Values: []string{"A"}},
			{Kind: "card_bin", Values: []string{"x"}},
			{Kind: "captured_field", Field: "name", Value: "Ana"},
		}, want: []cdProblem{
			{"campaigns[0].rules.conditions[0].values", "at least one value is required"},
			{"campaigns[0].rules.conditions[2].values[0]", "a BIN prefix has digits only"},
			{"campaigns[0].rules.conditions[3].kind", "captured_field rules are allowed on optional campaigns only"},
		}},
	})
}

func TestCampaignGeneralData(t *testing.T) {
	ten := decimal.NewFromInt(10)
	base := func() campaign.Ruleset {
		return cdRuleset(false, campaign.Condition{Kind: "product_code", Values: []string{"A"}})
	}
	tests := []struct {
		name   string
		change func(r *campaign.Ruleset)
		want   []cdProblem
	}{
		{name: "no_benefit without a benefit", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].NoBenefit, r.Campaigns[0].Benefit = true, campaign.Benefit{}
		}},
		{name: "no_benefit with a benefit", change: func(r *campaign.Ruleset) { r.Campaigns[0].NoBenefit = true },
			want: []cdProblem{{"campaigns[0].benefit", "must be absent when no_benefit is true"}}},
		{name: "no_benefit with only the target", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].NoBenefit, r.Campaigns[0].Benefit = true, campaign.Benefit{On: "sale"}
		}, want: []cdProblem{{"campaigns[0].benefit", "must be absent when no_benefit is true"}}},
		{name: "LGPD with rules", change: func(r *campaign.Ruleset) { r.Campaigns[0].RequireLGPDConsent = true }},
		{name: "LGPD without activation rules", change: func(r *campaign.Ruleset) {
			r.Campaigns[0].RequireLGPDConsent, r.Campaigns[0].NoActivationRules, r.Campaigns[0].Rules = true, true, nil
		}},
		{name: "optional", change: func(r *campaign.Ruleset) { r.Campaigns[0].Optional = true }},
		{name: "optional, LGPD and no benefit together", change: func(r *campaign.Ruleset) {
			c := &r.Campaigns[0]
			c.Optional, c.RequireLGPDConsent, c.NoBenefit, c.Benefit = true, true, true, campaign.Benefit{}
		}},
		{name: "known category", change: func(r *campaign.Ruleset) {
			r.Categories = []campaign.Category{{ID: "aniversario", Name: "Aniversário"}}
			r.Campaigns[0].Category = "aniversario"
		}},
		{name: "category of another ruleset", change: func(r *campaign.Ruleset) {
			r.Categories = []campaign.Category{{ID: "aniversario", Name: "Aniversário"}}
			r.Campaigns[0].Category = "natal"
		}, want: []cdProblem{{"campaigns[0].category", `unknown category "natal"`}}},
		{name: "second campaign's paths", change: func(r *campaign.Ruleset) {
			r.Campaigns = append(r.Campaigns, campaign.Campaign{
				General: campaign.General{ID: "c2", Name: "c2", Start: "2026-11-01"}, Rules: &campaign.Rules{Match: "any", Conditions: []campaign.Condition{{Kind: "conecta_agenda"}, {Kind: "store_grouping", Grouping: "cervejas"}}},
				Benefit: campaign.Benefit{On: "sale", Percent: &ten},
			})
		}, want: []cdProblem{
			{"campaigns[1].rules.conditions[0].kind", "conecta_agenda rules are allowed on optional campaigns only"},
			{"campaigns[1].rules.conditions[1].grouping", `grouping "cervejas" is a product grouping, want a store grouping`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := base()
			tt.change(&rs)
			_, err := campaign.Compile(rs)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Compile: %v", err)
				}
				return
			}
			cdCompare(t, tt.want, cdProblems(t, err))
		})
	}
}

// cdDecEqual compares decimals by value and tax ids (unexported fields) by
// equality.
var cdDecEqual = cmp.Options{
	testkit.EquateDecimals(),
	cmp.Comparer(func(a, b br.TaxID) bool { return a == b }),
}

func TestNoBenefitCampaignIsRecorded(t *testing.T) {
	rs := promotest.Load(t, `{"version": 1, "campaigns": [
		{"id": "cadastro", "name": "Cadastro", "start": "2026-11-01", "no_benefit": true,
		 "rules": {"conditions": [{"kind": "first_purchase"}]}}]}`)
	cart := cdCart()
	cart.Customer = &promo.Customer{ID: "tok-1"}
	cart.History.FirstPurchase = true
	res := promotest.Evaluate(t, cart, rs)
	if diff := cmp.Diff([]promo.ReasonCode{"applied", "activation_recorded"}, cdCodes(t, res, "cadastro")); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
	e, _ := res.TraceFor("cadastro")
	if !e.Applied {
		t.Error("trace entry: Applied = false, want true")
	}
	if diff := cmp.Diff([]promo.Application{{Campaign: "cadastro", Name: "Cadastro", Type: "reshop:no_benefit", Phase: promo.PhaseSale, Amount: decimal.Zero, Occurrences: 1}},
		res.Applied, cdDecEqual); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]promo.Event{{
		ID: promo.EventID("sale-cd", "activation", "cadastro"), Kind: promo.EventActivation, Campaign: "cadastro",
		Customer: "tok-1", Amount: decimal.Zero, Occurrences: 1,
	}}, res.Events, cdDecEqual); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if !res.Totals.Discount.IsZero() {
		t.Errorf("discount = %s, want 0", res.Totals.Discount)
	}
	// Not the first purchase: nothing recorded.
	cart.History.FirstPurchase = false
	res = promotest.Evaluate(t, cart, rs)
	if diff := cmp.Diff([]promo.ReasonCode{"rule_failed"}, cdCodes(t, res, "cadastro")); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
	if len(res.Events) != 0 || len(res.Applied) != 0 {
		t.Errorf("events %v, applied %v: want none", res.Events, res.Applied)
	}
}

func TestOptionalCampaignOffer(t *testing.T) {
	rs := promotest.Load(t, `{"version": 1, "campaigns": [
		{"id": "oferta", "name": "Oferta do folheto", "description": "Pergunte se o cliente trouxe o folheto",
		 "start": "2026-11-01", "optional": true, "no_activation_rules": true,
		 "benefit": {"on": "sale", "percent": "20"}},
		{"id": "cupom", "name": "Cupom opcional", "start": "2026-11-01", "optional": true,
		 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["BF-1"]}}]},
		 "benefit": {"on": "sale", "amount": "5.00"}}]}`)
	cart := cdCart("bf-1") // one line of 50.00
	res := promotest.Evaluate(t, cart, rs)
	// Not accepted: offered, in pipeline order (same phase and priority: by
	// id), with what each gives alone: 5.00 and 20% of 50.00 = 10.00;
	// nothing applied, no event (the code is not redeemed).
	if diff := cmp.Diff([]promo.Offer{
		{Campaign: "cupom", Name: "Cupom opcional", Amount: decimal.RequireFromString("5.00")},
		{Campaign: "oferta", Name: "Oferta do folheto", Description: "Pergunte se o cliente trouxe o folheto", Amount: decimal.RequireFromString("10.00")},
	}, res.Offers, cdDecEqual); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	e, _ := res.TraceFor("oferta")
	if diff := cmp.Diff([]promo.Reason{{Code: "optional_not_accepted",
		PT: "campanha opcional oferecida ao operador: R$ 10,00",
		EN: "optional campaign offered to the operator: R$ 10.00"}}, e.Reasons); diff != "" {
		t.Errorf("trace reasons (-want +got):\n%s", diff)
	}
	if e.Applied || len(res.Applied) != 0 || len(res.Events) != 0 || !res.Totals.Discount.IsZero() {
		t.Errorf("an offer not accepted must not apply: applied %v, events %v, discount %s", res.Applied, res.Events, res.Totals.Discount)
	}
	// Accepted: both apply (sale phase, id order: cupom then oferta), the
	// code is redeemed after cupom's activation.
	cart.AcceptedOffers = []string{"oferta", "cupom"}
	res = promotest.Evaluate(t, cart, rs)
	if len(res.Offers) != 0 {
		t.Errorf("offers = %v, want none once accepted", res.Offers)
	}
	// cupom: 5.00 off 50.00 -> 45.00; oferta: 20% of 45.00 = 9.00.
	if diff := cmp.Diff([]promo.Application{
		{Campaign: "cupom", Name: "Cupom opcional", Type: "reshop:sale_amount", Phase: promo.PhaseSale, Amount: decimal.RequireFromString("5.00"), Occurrences: 1, Units: 1},
		{Campaign: "oferta", Name: "Oferta do folheto", Type: "reshop:sale_percent", Phase: promo.PhaseSale, Amount: decimal.RequireFromString("9.00"), Occurrences: 1, Units: 1},
	}, res.Applied, cdDecEqual); diff != "" {
		t.Errorf("applied (-want +got):\n%s", diff)
	}
	var kinds []string
	for _, ev := range res.Events {
		kinds = append(kinds, ev.Kind.String()+" "+ev.Campaign+" "+ev.Code)
	}
	if diff := cmp.Diff([]string{"activation cupom ", "code_redeemed cupom BF-1", "activation oferta "}, kinds); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
