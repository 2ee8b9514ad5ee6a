package campaign_test

import (
	"testing"

	"github.com/promokit/promokit/campaign"
)

// Customer conditions: tax id, age, sex, birthday and captured fields.

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
		cdC("customer_age valid", campaign.Condition{Kind: "customer_age", Min: new(18), Max: new(25)}),
		cdC("customer_age with min only", campaign.Condition{Kind: "customer_age", Min: new(60)}),
		cdC("customer_age with max only", campaign.Condition{Kind: "customer_age", Max: new(12)}),
		cdC("customer_age with min = max", campaign.Condition{Kind: "customer_age", Min: new(30), Max: new(30)}),
		cdC("customer_age without bounds", campaign.Condition{Kind: "customer_age"},
			cdProblem{cdP, "min or max is required"}),
		cdC("customer_age with a negative min", campaign.Condition{Kind: "customer_age", Min: new(-1)},
			cdProblem{cdP + ".min", "must not be negative"}),
		cdC("customer_age with max below min", campaign.Condition{Kind: "customer_age", Min: new(30), Max: new(20)},
			cdProblem{cdP + ".max", "must not be less than min"}),
		cdC("customer_age with values", campaign.Condition{Kind: "customer_age", Min: new(18), Values: []string{"18"}},
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
