package campaign_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

func TestSimulateOneCampaign(t *testing.T) {
	rs := campaign.MustLoad([]byte(`{"version": 1,
	  "settings": {"cashback_redemption": "discount"},
	  "campaigns": [
	    {"id": "dez", "name": "10% na venda", "start": "2026-11-01", "no_activation_rules": true,
	     "benefit": {"on": "sale", "percent": "10"},
	     "extras": {"cashback": {"kind": "fixed", "value": "5.00"}}},
	    {"id": "vinte", "name": "R$ 20 na venda", "start": "2026-11-01", "no_activation_rules": true,
	     "benefit": {"on": "sale", "amount": "20.00"}},
	    {"id": "brinde", "name": "Brinde", "start": "2026-11-01", "no_activation_rules": true,
	     "benefit": {"on": "items", "gift": {"quantity": 1, "options": ["BOT"]}}}
	  ],
	  "associations": [{"id": "a", "criterion": "most_benefit", "campaigns": ["dez", "vinte"]}]}`))
	cart := promo.Cart{ID: "sim-1", Time: testkit.At(2026, 11, 21, 10, 0, 0), Store: promo.Store{ID: "loja-1"},
		Customer:  &promo.Customer{ID: "tok"},
		Lines:     []promo.Line{{ID: "1", ProductCode: "A", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("100.00")}},
		Exchanges: []promo.ExchangeItem{{ID: "T", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("10.00")}}}

	// Only "dez": the association with "vinte" is gone, so dez applies on
	// the sale net of the exchange (100.00 - 10.00 = 90.00): 9.00; its
	// cashback of 5.00 is earned; "brinde" and "vinte" are not looked at.
	res, err := campaign.Simulate(rs, cart, "dez")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range res.Trace {
		ids = append(ids, e.Campaign+":"+string(e.Code()))
	}
	if diff := cmp.Diff([]string{"dez:applied"}, ids); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	if !res.Totals.Discount.Equal(decimal.RequireFromString("9.00")) || !res.Totals.Payable.Equal(decimal.RequireFromString("81.00")) {
		t.Errorf("discount %s payable %s, want 9.00 and 81.00", res.Totals.Discount, res.Totals.Payable)
	}
	var kinds []string
	for _, e := range res.Events {
		kinds = append(kinds, e.Kind.String())
	}
	if diff := cmp.Diff([]string{"activation", "cashback_earned"}, kinds); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}

	// The gift campaign alone: the gift to add is simulated too.
	res, err = campaign.Simulate(rs, cart, "brinde")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Gifts) != 1 || res.Gifts[0].ToAdd != 1 {
		t.Errorf("gifts = %+v, want one BOT to add", res.Gifts)
	}

	// An unknown id is an error naming it.
	_, err = campaign.Simulate(rs, cart, "dez", "nope")
	var ve *promo.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Path != "ids[1]" {
		t.Errorf("err = %v, want a problem at ids[1]", err)
	}
}
