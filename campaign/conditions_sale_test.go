package campaign_test

import (
	"testing"

	"github.com/promokit/promokit/campaign"
)

// Conditions on the sale: its payments and its context.

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
