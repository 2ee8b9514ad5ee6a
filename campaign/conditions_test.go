package campaign_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// cdP is the path of the first condition of the first campaign.
const cdP = "campaigns[0].rules.conditions[0]"

func cdInt(n int) *int { return &n }

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
			ID: "c1", Name: "Campanha c1", Start: "2026-11-01", Optional: optional,
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
		cdC("product_code with fields of other kinds", campaign.Condition{Kind: "product_code", Values: []string{"A"}, Grouping: "cervejas", Min: cdInt(1)},
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

func TestConditionCustomerKinds(t *testing.T) {
	cdRun(t, []cdCase{
		cdC("customer_tax_id valid, CPF and CNPJ, with or without punctuation",
			campaign.Condition{Kind: "customer_tax_id", Values: []string{"529.982.247-25", "11144477735", "11.222.333/0001-81"}}),
		cdC("customer_tax_id without values", campaign.Condition{Kind: "customer_tax_id"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		// 529.982.247-26: the last check digit is 5.
		cdC("customer_tax_id with bad CPFs", campaign.Condition{Kind: "customer_tax_id", Values: []string{"529.982.247-26", "123", "529.982.247-25", "111.111.111-11"}},
			cdProblem{cdP + ".values[0]", "check digit mismatch"},
			cdProblem{cdP + ".values[1]", "length 3, want 11 (CPF) or 14 (CNPJ)"},
			cdProblem{cdP + ".values[3]", "repeated digits"}),
		cdC("customer_tax_id with require", campaign.Condition{Kind: "customer_tax_id", Values: []string{"52998224725"}, Require: "all"},
			cdProblem{cdP + ".require", "not used by kind customer_tax_id"}),
		cdC("customer_age valid", campaign.Condition{Kind: "customer_age", Min: cdInt(18), Max: cdInt(25)}),
		cdC("customer_age with min only", campaign.Condition{Kind: "customer_age", Min: cdInt(60)}),
		cdC("customer_age with max only", campaign.Condition{Kind: "customer_age", Max: cdInt(12)}),
		cdC("customer_age with min = max", campaign.Condition{Kind: "customer_age", Min: cdInt(30), Max: cdInt(30)}),
		cdC("customer_age without bounds", campaign.Condition{Kind: "customer_age"},
			cdProblem{cdP, "min or max is required"}),
		cdC("customer_age with a negative min", campaign.Condition{Kind: "customer_age", Min: cdInt(-1)},
			cdProblem{cdP + ".min", "must not be negative"}),
		cdC("customer_age with max below min", campaign.Condition{Kind: "customer_age", Min: cdInt(30), Max: cdInt(20)},
			cdProblem{cdP + ".max", "must not be less than min"}),
		cdC("customer_age with values", campaign.Condition{Kind: "customer_age", Min: cdInt(18), Values: []string{"18"}},
			cdProblem{cdP + ".values", "not used by kind customer_age"}),
		cdC("customer_sex valid", campaign.Condition{Kind: "customer_sex", Sex: "other"}),
		cdC("customer_sex missing", campaign.Condition{Kind: "customer_sex"},
			cdProblem{cdP + ".sex", "want female, male or other"}),
		cdC("customer_sex as a letter", campaign.Condition{Kind: "customer_sex", Sex: "F"},
			cdProblem{cdP + ".sex", "want female, male or other"}),
		cdC("customer_sex with values", campaign.Condition{Kind: "customer_sex", Sex: "male", Values: []string{"male"}},
			cdProblem{cdP + ".values", "not used by kind customer_sex"}),
		cdC("customer_tier valid", campaign.Condition{Kind: "customer_tier", Values: []string{"ouro"}}),
		cdC("customer_tier without values", campaign.Condition{Kind: "customer_tier"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("customer_grouping valid", campaign.Condition{Kind: "customer_grouping", Grouping: "vip"}),
		cdC("customer_grouping missing", campaign.Condition{Kind: "customer_grouping"},
			cdProblem{cdP + ".grouping", "required: the id of a customer grouping"}),
		cdC("customer_grouping unknown", campaign.Condition{Kind: "customer_grouping", Grouping: "vips"},
			cdProblem{cdP + ".grouping", `unknown grouping "vips"`}),
		cdC("customer_grouping of products", campaign.Condition{Kind: "customer_grouping", Grouping: "cervejas"},
			cdProblem{cdP + ".grouping", `grouping "cervejas" is a product grouping, want a customer grouping`}),
		cdC("customer_grouping with require", campaign.Condition{Kind: "customer_grouping", Grouping: "vip", Require: "all"},
			cdProblem{cdP + ".require", "not used by kind customer_grouping"}),
	})
}

func TestConditionBirthday(t *testing.T) {
	cdRun(t, []cdCase{
		cdC("valid, relative omitted", campaign.Condition{Kind: "birthday", Period: "month"}),
		cdC("valid, every field", campaign.Condition{Kind: "birthday", Period: "week", Relative: "next", ToleranceDays: 3}),
		cdC("period missing", campaign.Condition{Kind: "birthday"},
			cdProblem{cdP + ".period", `unknown period "" (want day, week or month)`}),
		cdC("every field wrong", campaign.Condition{Kind: "birthday", Period: "year", Relative: "tomorrow", ToleranceDays: -1},
			cdProblem{cdP + ".period", `unknown period "year"`},
			cdProblem{cdP + ".relative", `unknown relative period "tomorrow" (want previous, current or next)`},
			cdProblem{cdP + ".tolerance_days", "must not be negative"}),
		cdC("with values", campaign.Condition{Kind: "birthday", Period: "day", Values: []string{"11-18"}},
			cdProblem{cdP + ".values", "not used by kind birthday"}),
		cdC("tolerance on another kind", campaign.Condition{Kind: "customer_tier", Values: []string{"ouro"}, ToleranceDays: 2},
			cdProblem{cdP + ".tolerance_days", "not used by kind customer_tier"}),
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

func TestConditionPaymentKinds(t *testing.T) {
	cdRun(t, []cdCase{
		cdC("tender valid", campaign.Condition{Kind: "tender", Values: []string{"credit", "pix"}, Require: "all"}),
		cdC("tender without values", campaign.Condition{Kind: "tender"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("tender with a bad require", campaign.Condition{Kind: "tender", Values: []string{"pix"}, Require: "both"},
			cdProblem{cdP + ".require", `unknown require "both"`}),
		cdC("card_bin valid", campaign.Condition{Kind: "card_bin", Values: []string{"4111", "550012"}}),
		cdC("card_bin with letters and spaces", campaign.Condition{Kind: "card_bin", Values: []string{"41a1", "5500", "4111 "}},
			cdProblem{cdP + ".values[0]", "a BIN prefix has digits only"},
			cdProblem{cdP + ".values[2]", "a BIN prefix has digits only"}),
		cdC("card_bin with an empty value", campaign.Condition{Kind: "card_bin", Values: []string{""}},
			cdProblem{cdP + ".values[0]", "must not be empty"}),
		cdC("card_bin without values", campaign.Condition{Kind: "card_bin"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("card_bin with require", campaign.Condition{Kind: "card_bin", Values: []string{"4111"}, Require: "all"},
			cdProblem{cdP + ".require", "not used by kind card_bin"}),
	})
}

func TestConditionContextKinds(t *testing.T) {
	cdRun(t, []cdCase{
		cdC("sale_category valid", campaign.Condition{Kind: "sale_category", Values: []string{"venda_funcionario"}}),
		cdC("sale_category without values", campaign.Condition{Kind: "sale_category"},
			cdProblem{cdP + ".values", "at least one value is required"}),
		cdC("sale_category with require", campaign.Condition{Kind: "sale_category", Values: []string{"venda_funcionario"}, Require: "any"},
			cdProblem{cdP + ".require", "not used by kind sale_category"}),
		cdC("store valid", campaign.Condition{Kind: "store", Values: []string{"loja-1"}}),
		cdC("store with an empty value", campaign.Condition{Kind: "store", Values: []string{"loja-1", ""}},
			cdProblem{cdP + ".values[1]", "must not be empty"}),
		cdC("store with a grouping", campaign.Condition{Kind: "store", Values: []string{"loja-1"}, Grouping: "lojas-sul"},
			cdProblem{cdP + ".grouping", "not used by kind store"}),
		cdC("store_grouping valid", campaign.Condition{Kind: "store_grouping", Grouping: "lojas-sul"}),
		cdC("store_grouping missing", campaign.Condition{Kind: "store_grouping"},
			cdProblem{cdP + ".grouping", "required: the id of a store grouping"}),
		cdC("store_grouping unknown", campaign.Condition{Kind: "store_grouping", Grouping: "lojas-norte"},
			cdProblem{cdP + ".grouping", `unknown grouping "lojas-norte"`}),
		cdC("store_grouping of customers", campaign.Condition{Kind: "store_grouping", Grouping: "vip"},
			cdProblem{cdP + ".grouping", `grouping "vip" is a customer grouping, want a store grouping`}),
		cdC("store_grouping with values", campaign.Condition{Kind: "store_grouping", Grouping: "lojas-sul", Values: []string{"loja-1"}},
			cdProblem{cdP + ".values", "not used by kind store_grouping"}),
		cdC("first_purchase alone", campaign.Condition{Kind: "first_purchase"}),
		cdC("first_purchase with nested rules", campaign.Condition{Kind: "first_purchase", Conditions: []campaign.Condition{
			{Kind: "tender", Values: []string{"pix"}}, {Kind: "customer_tier", Values: []string{"ouro"}},
		}}),
		cdC("first_purchase with a bad nested rule", campaign.Condition{Kind: "first_purchase", Conditions: []campaign.Condition{
			{Kind: "tender", Values: []string{"pix"}}, {Kind: "customer_age"},
		}}, cdProblem{cdP + ".conditions[1]", "min or max is required"}),
		cdC("first_purchase with values", campaign.Condition{Kind: "first_purchase", Values: []string{"sim"}},
			cdProblem{cdP + ".values", "not used by kind first_purchase"}),
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

func TestConditionPromoCode(t *testing.T) {
	const secret = "0123456789abcdef" // 16 characters
	gen := func(count, length int, secret string) campaign.Condition {
		return campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
			Generate: &campaign.CodePattern{Prefix: "BF-", Count: count, Length: length, Secret: secret}}}
	}
	const g = cdP + ".codes.generate"
	cdRun(t, []cdCase{
		cdC("list", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{List: []string{"BF-10", "bf-20"}}}),
		cdC("smallest pattern", gen(1, 6, secret)),
		cdC("longest codes", gen(3, 32, secret)),
		cdC("list and pattern", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
			List: []string{"VIP"}, Generate: &campaign.CodePattern{Count: 10, Length: 8, Secret: secret}}}),
		cdC("no codes", campaign.Condition{Kind: "promo_code"},
			cdProblem{cdP + ".codes", "a list of codes or a generate pattern is required"}),
		cdC("empty code set", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{List: []string{}}},
			cdProblem{cdP + ".codes", "a list of codes or a generate pattern is required"}),
		cdC("empty code in the list", campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{List: []string{"BF-10", "  "}}},
			cdProblem{cdP + ".codes.list[1]", "must not be empty"}),
		cdC("count 0, length 5, short secret", gen(0, 5, secret[:15]),
			cdProblem{g + ".count", "must be between 1 and 1000000"},
			cdProblem{g + ".length", "must be between 6 and 32"},
			cdProblem{g + ".secret", "must have at least 16 characters"}),
		cdC("count and length above the limits", gen(1_000_001, 33, secret),
			cdProblem{g + ".count", "must be between 1 and 1000000"},
			cdProblem{g + ".length", "must be between 6 and 32"}),
		cdC("negative count", gen(-1, 8, secret),
			cdProblem{g + ".count", "must be between 1 and 1000000"}),
		cdC("no secret", gen(10, 8, ""),
			cdProblem{g + ".secret", "must have at least 16 characters"}),
		cdC("promo_code with values", campaign.Condition{Kind: "promo_code", Values: []string{"BF-10"}, Codes: &campaign.CodeSet{List: []string{"BF-10"}}},
			cdProblem{cdP + ".values", "not used by kind promo_code"}),
		cdC("codes on another kind", campaign.Condition{Kind: "product_code", Values: []string{"A"}, Codes: &campaign.CodeSet{List: []string{"X"}}},
			cdProblem{cdP + ".codes", "not used by kind product_code"}),
	})
}

func TestGroupingDefinitions(t *testing.T) {
	rs := cdRuleset(false, campaign.Condition{Kind: "product_code", Values: []string{"A"}})
	rs.Groupings = []campaign.Grouping{
		{ID: "", Kind: "product", Members: []string{"A"}},
		{ID: "g1", Kind: "produto", Members: []string{"A"}},
		{ID: "g2", Kind: "store"},
		{ID: "g3", Kind: "customer", Members: []string{"tok-1", " "}},
		{ID: "g2", Kind: "store", Members: []string{"loja-1"}},
	}
	_, err := campaign.Compile(rs)
	cdCompare(t, []cdProblem{
		{"groupings[0].id", "required"},
		{"groupings[1].kind", `want product, store or customer, got "produto"`},
		{"groupings[2].members", "at least one member is required"},
		{"groupings[3].members[1]", "must not be empty"},
		{"groupings[4].id", `duplicate grouping id "g2"`},
	}, cdProblems(t, err))
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
				ID: "c2", Name: "c2", Start: "2026-11-01",
				Rules:   &campaign.Rules{Match: "any", Conditions: []campaign.Condition{{Kind: "conecta_agenda"}, {Kind: "store_grouping", Grouping: "cervejas"}}},
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

// cdCart is a sale on 2026-11-21 at 10:15 in São Paulo of one line (A,
// 1 × 50.00) presenting codes.
func cdCart(codes ...string) promo.Cart {
	return promo.Cart{
		ID: "sale-cd", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
		PromoCodes: codes,
		Lines:      []promo.Line{{ID: "1", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("50.00")}},
	}
}

func TestGeneratedCodesActivate(t *testing.T) {
	const secret = "segredo-da-black-friday"
	rs, err := campaign.Compile(cdRuleset(false, campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
		List: []string{"VIP-1"}, Generate: &campaign.CodePattern{Prefix: "bf-", Count: 3, Length: 8, Secret: secret}}}))
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	// The host prints the codes with rules.GenerateCodes and the campaign's
	// id; the fourth code is beyond the count, and the codes of another
	// campaign id or another secret are not this campaign's.
	four := rules.GenerateCodes("c1", "bf-", secret, 4, 8)
	tests := []cdCodeCase{
		{"first generated code", four[0], "applied"},
		{"last generated code, lower case", strings.ToLower(four[2]), "applied"},
		{"listed code", "vip-1", "applied"},
		{"code beyond the count", four[3], "promo_code_not_valid"},
		{"code of another campaign id", rules.GenerateCodes("c2", "bf-", secret, 1, 8)[0], "promo_code_not_valid"},
		{"code of another secret", rules.GenerateCodes("c1", "bf-", secret+"x", 1, 8)[0], "promo_code_not_valid"},
		{"code without its prefix", strings.TrimPrefix(four[0], "BF-"), "promo_code_not_valid"},
	}
	cdRunCodes(t, rs, tests)
}

// cdCodeCase is a code presented and the trace code of c1 it gives.
type cdCodeCase struct {
	name string
	code string
	want string // trace code of c1
}

// cdRunCodes evaluates cdCart presenting each case's code.
func cdRunCodes(t *testing.T, rs *promo.Ruleset, tests []cdCodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := promotest.Evaluate(t, cdCart(tt.code), rs)
			e, ok := res.TraceFor("c1")
			if !ok {
				t.Fatal("no trace entry for c1")
			}
			if diff := cmp.Diff(tt.want, string(e.Code())); diff != "" {
				t.Errorf("trace code (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNumberedCodesActivate(t *testing.T) {
	// A numbered pattern of a million codes: checked by their
	// construction; the host prints them with rules.NumberedSet and the
	// campaign's id. The last number is 999,999; 1,000,000 is beyond the
	// count, and the hashed code of the same pattern is not this form.
	const secret = "segredo-da-black-friday"
	rs, err := campaign.Compile(cdRuleset(false, campaign.Condition{Kind: "promo_code", Codes: &campaign.CodeSet{
		List: []string{"VIP-1"}, Generate: &campaign.CodePattern{Prefix: "bf-", Count: 1_000_000, Length: 8, Secret: secret, Numbered: true}}}))
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	set := rules.NumberedSet{Campaign: "c1", Prefix: "bf-", Secret: secret, Count: 1_000_001, Length: 8}
	tests := []cdCodeCase{
		{"first numbered code", set.Code(0), "applied"},
		{"last numbered code, lower case", strings.ToLower(set.Code(999_999)), "applied"},
		{"listed code", "vip-1", "applied"},
		{"code beyond the count", set.Code(1_000_000), "promo_code_not_valid"},
		{"hashed code of the pattern", rules.GenerateCodes("c1", "bf-", secret, 1, 8)[0], "promo_code_not_valid"},
		{"code of another campaign id", rules.NumberedSet{Campaign: "c2", Prefix: "bf-", Secret: secret, Count: 1, Length: 8}.Code(0), "promo_code_not_valid"},
	}
	cdRunCodes(t, rs, tests)
}

// cdCodes returns the reason codes of a campaign's trace entry.
func cdCodes(t *testing.T, res promo.Result, id string) []promo.ReasonCode {
	t.Helper()
	e, ok := res.TraceFor(id)
	if !ok {
		t.Fatalf("no trace entry for %s", id)
	}
	var out []promo.ReasonCode
	for _, r := range e.Reasons {
		out = append(out, r.Code)
	}
	return out
}

// cdDecEqual compares decimals by value and tax ids (unexported fields) by
// equality.
var cdDecEqual = cmp.Options{
	testkit.EquateDecimals(),
	cmp.Comparer(func(a, b promo.TaxID) bool { return a == b }),
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

func TestRedeemedCodeEvents(t *testing.T) {
	rs := promotest.Load(t, `{"version": 1, "campaigns": [
		{"id": "cupom", "name": "Cupom", "start": "2026-11-01",
		 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["BF-1", "BF-2"]}}]},
		 "benefit": {"on": "sale", "amount": "5.00"}}]}`)
	cart := cdCart(" bf-2 ")
	cart.Customer = &promo.Customer{ID: "tok-1"}
	res := promotest.Evaluate(t, cart, rs)
	want := []promo.Event{
		{ID: promo.EventID("sale-cd", "activation", "cupom"), Kind: promo.EventActivation, Campaign: "cupom", Customer: "tok-1",
			Amount: decimal.RequireFromString("5.00"), Occurrences: 1},
		{ID: promo.EventID("sale-cd", "code_redeemed", "cupom", "BF-2", "0"), Kind: promo.EventCodeRedeemed, Campaign: "cupom", Customer: "tok-1",
			Code: "BF-2"},
	}
	if diff := cmp.Diff(want, res.Events, cdDecEqual); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	// Evaluating the same sale again gives the same ids (idempotent retry).
	again := promotest.Evaluate(t, cart, rs)
	if diff := cmp.Diff(res.Events, again.Events, cdDecEqual); diff != "" {
		t.Errorf("events of a retry (-first +retry):\n%s", diff)
	}
	// Once the host marks BF-2 used, the same cart gets the opaque reason.
	cart.History.UsedCodes = []string{"BF-2"}
	res = promotest.Evaluate(t, cart, rs)
	if diff := cmp.Diff([]promo.ReasonCode{"promo_code_not_valid"}, cdCodes(t, res, "cupom")); diff != "" {
		t.Errorf("trace codes (-want +got):\n%s", diff)
	}
	if len(res.Events) != 0 {
		t.Errorf("events = %v, want none", res.Events)
	}
}

func TestCodeOfALosingExclusiveIsNotRedeemed(t *testing.T) {
	// Two non-cumulative campaigns: cupom (R$ 5.00 with a code) and
	// maior (20% of 50.00 = 10.00). maior wins; cupom's code stays unused.
	rs := promotest.Load(t, `{"version": 1, "campaigns": [
		{"id": "cupom", "name": "Cupom", "start": "2026-11-01", "non_cumulative": true,
		 "rules": {"conditions": [{"kind": "promo_code", "codes": {"list": ["BF-1"]}}]},
		 "benefit": {"on": "sale", "amount": "5.00"}},
		{"id": "maior", "name": "Maior", "start": "2026-11-01", "non_cumulative": true, "no_activation_rules": true,
		 "benefit": {"on": "sale", "percent": "20"}}]}`)
	res := promotest.Evaluate(t, cdCart("BF-1"), rs)
	var kinds []string
	for _, ev := range res.Events {
		kinds = append(kinds, ev.Kind.String()+" "+ev.Campaign+" "+ev.Code)
	}
	if diff := cmp.Diff([]string{"activation maior "}, kinds); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]promo.ReasonCode{"lost_to_exclusive"}, cdCodes(t, res, "cupom")); diff != "" {
		t.Errorf("trace codes of cupom (-want +got):\n%s", diff)
	}
}
