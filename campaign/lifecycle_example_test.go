package campaign_test

import (
	"fmt"
	"time"

	"github.com/promokit/promokit/campaign"
)

// lcExampleRuleset is the ruleset the lifecycle examples share.
const lcExampleRuleset = `{
  "version": 1,
  "categories": [{"id": "vestuario", "name": "Vestuário"}, {"id": "sazonal", "name": "Sazonal"}],
  "campaigns": [{
    "id": "natal-10",
    "name": "Natal: 10% na venda",
    "category": "sazonal",
    "priority": 5,
    "start": "2026-12-01",
    "end": "2026-12-25",
    "no_activation_rules": true,
    "benefit": {"on": "sale", "percent": "10"}
  }, {
    "id": "meias-3x2",
    "name": "Meias leve 3 pague 2",
    "category": "vestuario",
    "priority": 1,
    "start": "2026-11-01",
    "end": "2026-11-30",
    "rules": {"conditions": [{"kind": "category", "values": ["vestuario/meias"]}]},
    "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}
  }, {
    "id": "camisas-15",
    "name": "Camisas 15% off",
    "category": "vestuario",
    "priority": 1,
    "start": "2026-11-15T08:00",
    "rules": {"conditions": [{"kind": "category", "values": ["vestuario/camisas"]}]},
    "benefit": {"on": "items", "percent": "15"}
  }]
}`

func ExampleRuleset_Search() {
	r, err := campaign.Decode([]byte(lcExampleRuleset))
	if err != nil {
		fmt.Println(err)
		return
	}
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, saoPaulo)
	active := campaign.StatusActive
	// Clothing campaigns running on 20 November: camisas-15 started on the
	// 15th, meias-3x2 runs all month; both have priority 1, so by id.
	found, err := r.Search(campaign.Filter{Category: "vestuario", Status: &active, At: at})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range found {
		fmt.Println(c.ID, c.Type())
	}
	// Every campaign, with its status on 20 November.
	all, err := r.Search(campaign.Filter{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range all {
		st, err := r.StatusAt(c, at)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %s\n", c.ID, st)
	}
	// Output:
	// camisas-15 item_percent
	// meias-3x2 free_units
	// camisas-15: active
	// meias-3x2: active
	// natal-10: scheduled
}

func ExampleRuleset_Clone() {
	r, err := campaign.Decode([]byte(lcExampleRuleset))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Run the November socks campaign again in January.
	next, err := r.Clone("meias-3x2", "meias-3x2-jan", "Meias leve 3 pague 2 (janeiro)", "2027-01-01", "2027-01-31")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := campaign.Compile(next); err != nil {
		fmt.Println(err)
		return
	}
	c := next.Campaigns[len(next.Campaigns)-1]
	fmt.Println(c.ID, c.Start, c.End, c.Type(), c.Rules.Conditions[0].Values)
	fmt.Println(len(r.Campaigns), "campaigns before,", len(next.Campaigns), "after")

	_, err = r.Clone("meias-3x2", "natal-10", "Outra", "2027-01-01", "")
	fmt.Println(err)
	// Output:
	// meias-3x2-jan 2027-01-01 2027-01-31 free_units [vestuario/meias]
	// 3 campaigns before, 4 after
	// clone of campaign "meias-3x2": new id "natal-10" is already used by campaigns[0]
}

func ExampleDiff() {
	r, err := campaign.Decode([]byte(lcExampleRuleset))
	if err != nil {
		fmt.Println(err)
		return
	}
	before := r.Campaigns[1]
	edited, err := campaign.Decode([]byte(`{"version": 1, "campaigns": [{
	  "id": "meias-3x2",
	  "name": "Meias leve 4 pague 3",
	  "category": "vestuario",
	  "priority": 1,
	  "start": "2026-11-01",
	  "rules": {"conditions": [{"kind": "category", "values": ["vestuario/meias", "vestuario/cuecas"]}]},
	  "min_value": "50.00",
	  "benefit": {"on": "items", "free_units": {"buy": 4, "pay": 3}}
	}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range campaign.Diff(before, edited.Campaigns[0]) {
		fmt.Println(ch)
	}
	// Output:
	// benefit.free_units.buy: 3 -> 4
	// benefit.free_units.pay: 2 -> 3
	// end: "2026-11-30" -> null
	// min_value: null -> "50"
	// name: "Meias leve 3 pague 2" -> "Meias leve 4 pague 3"
	// rules.conditions[0].values[1]: null -> "vestuario/cuecas"
}
