package api

import (
	"net/http"
)

// Route is one operation: its method, its path pattern (net/http's, with
// {name} wildcards) and the operationId the OpenAPI document gives it.
type Route struct {
	Method, Pattern, OperationID string
	handler                      func(*Server, http.ResponseWriter, *http.Request) error
	// cart: the body carries a cart, decoded under the current ruleset's
	// limits.
	cart bool
}

// Routes lists every operation the server handles.
func Routes() []Route {
	routes := []Route{
		{"GET", "/openapi.json", "getOpenAPI", (*Server).openapi, false},
		{"GET", "/healthz", "health", (*Server).health, false},
		{"POST", "/v1/evaluate", "evaluate", (*Server).evaluate, false},
		{"POST", "/v1/simulate", "simulate", (*Server).simulate, false},
		{"POST", "/v1/sales", "commitSale", (*Server).commit, false},
		{"GET", "/v1/sales/{id}", "getSale", (*Server).sale, false},
		{"POST", "/v1/sales/{id}/void", "voidSale", (*Server).void, false},
		{"POST", "/v1/sales/{id}/returns", "returnItems", (*Server).ret, false},
		{"GET", "/v1/campaigns", "searchCampaigns", (*Server).campaigns, false},
		{"GET", "/v1/rulesets", "listRulesets", (*Server).rulesets, false},
		{"POST", "/v1/rulesets", "loadRuleset", (*Server).loadRuleset, false},
		{"GET", "/v1/rulesets/{version}", "getRuleset", (*Server).ruleset, false},
		{"GET", "/v1/rulesets/{version}/diff", "diffRuleset", (*Server).diff, false},
		{"GET", "/v1/budgets", "listBudgets", (*Server).budgets, false},
		{"PUT", "/v1/budgets/{promotion}", "setBudget", (*Server).setBudget, false},
		{"GET", "/v1/counters", "listCounters", (*Server).counters, false},
		{"GET", "/v1/customers/{customer}/wallet", "getWallet", (*Server).wallet, false},
		{"POST", "/v1/credits/{credit}/review", "answerReview", (*Server).review, false},
		{"GET", "/v1/audit", "audit", (*Server).audit, false},
		{"GET", "/v1/reports/{report}", "report", (*Server).report, false},
	}
	for i := range routes {
		switch routes[i].OperationID {
		case "evaluate", "simulate", "commitSale":
			routes[i].cart = true
		}
	}
	return routes
}
