package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// rxPaid is the one-line sale paid with the given payments.
func rxPaid(pays ...promo.Payment) promo.Cart {
	cart := rxCart(nil)
	cart.Payments = pays
	return cart
}

// rxPay is a payment of 10.00 with tender and, for a card, its BIN.
func rxPay(tender, bin string) promo.Payment {
	return promo.Payment{Tender: tender, Amount: testkit.Dec("10.00"), BIN: bin}
}

func TestTendersAny(t *testing.T) {
	cond := rules.Tenders(rules.RequireAny, "pix", "debit")
	none := rxFail("nenhum pagamento com as finalizadoras: pix, debit", "no payment with the tenders: pix, debit")
	rxRun(t, []rxCase{
		{"the first tender", cond, rxPaid(rxPay("pix", "")), rxPass},
		{"the second tender among others", cond, rxPaid(rxPay("credit", "411111"), rxPay("debit", "550000")), rxPass},
		{"both", cond, rxPaid(rxPay("debit", ""), rxPay("pix", "")), rxPass},
		{"another tender", cond, rxPaid(rxPay("cash", "")), none},
		{"no payment", cond, rxPaid(), none},
		// Tender types are compared as the retailer names them.
		{"a different spelling is another tender", cond, rxPaid(rxPay("PIX", "")), none},
	})
}

func TestTendersAll(t *testing.T) {
	cond := rules.Tenders(rules.RequireAll, "credit", "pix")
	rxRun(t, []rxCase{
		{"both, in another order", cond, rxPaid(rxPay("pix", ""), rxPay("credit", "411111")), rxPass},
		{"both and a third", cond, rxPaid(rxPay("cash", ""), rxPay("credit", ""), rxPay("pix", "")), rxPass},
		{"one missing", cond, rxPaid(rxPay("credit", ""), rxPay("cash", "")),
			rxFail("faltam as finalizadoras: pix", "missing tenders: pix")},
		{"both missing", cond, rxPaid(rxPay("cash", "")),
			rxFail("faltam as finalizadoras: credit, pix", "missing tenders: credit, pix")},
		{"no payment", cond, rxPaid(),
			rxFail("faltam as finalizadoras: credit, pix", "missing tenders: credit, pix")},
		{"one tender twice does not make two", cond, rxPaid(rxPay("credit", ""), rxPay("credit", "")),
			rxFail("faltam as finalizadoras: pix", "missing tenders: pix")},
	})
}

func TestCardBIN(t *testing.T) {
	cond := rules.CardBIN("4111", "5500")
	none := rxFail("nenhum pagamento com cartão com BIN 4111, 5500", "no payment with card BIN 4111, 5500")
	rxRun(t, []rxCase{
		{"first prefix", cond, rxPaid(rxPay("credit", "411111")), rxPass},
		{"second prefix", cond, rxPaid(rxPay("debit", "55001234")), rxPass},
		{"exactly the prefix", cond, rxPaid(rxPay("credit", "4111")), rxPass},
		{"a card among other payments", cond, rxPaid(rxPay("pix", ""), rxPay("credit", "550099")), rxPass},
		{"another BIN", cond, rxPaid(rxPay("credit", "411211")), none},
		{"BIN shorter than the prefix", cond, rxPaid(rxPay("credit", "41")), none},
		{"prefix in the middle does not count", cond, rxPaid(rxPay("credit", "94111")), none},
		{"no card", cond, rxPaid(rxPay("pix", "")), none},
		{"no payment", cond, rxPaid(), none},
	})
}

func TestPaymentDescribeAndKeys(t *testing.T) {
	tests := []struct {
		cond   rules.Condition
		pt, en string
	}{
		{rules.Tenders(rules.RequireAny, "pix", "debit"), "pagamento com pix ou debit", "paid with pix or debit"},
		{rules.Tenders(rules.RequireAll, "credit", "pix"), "pagamento com credit e pix", "paid with credit and pix"},
		{rules.CardBIN("4111"), "cartão com BIN 4111", "card BIN 4111"},
	}
	for _, tt := range tests {
		pt, en := tt.cond.Describe()
		if diff := cmp.Diff([]string{tt.pt, tt.en}, []string{pt, en}); diff != "" {
			t.Errorf("Describe (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(promo.Keys{CartWide: true}, tt.cond.Keys()); diff != "" {
			t.Errorf("%s: Keys (-want +got):\n%s", tt.en, diff)
		}
	}
}

func TestPaymentRulesKeepTheirOwnLists(t *testing.T) {
	types := []string{"pix"}
	tenders := rules.Tenders(rules.RequireAny, types...)
	bins := []string{"4111"}
	card := rules.CardBIN(bins...)
	types[0], bins[0] = "cash", "9999"
	cart := rxPaid(rxPay("pix", ""), rxPay("credit", "411111"))
	rxCompare(t, rxPass, rxCheck(t, tenders, cart))
	rxCompare(t, rxPass, rxCheck(t, card, cart))
}
