package nfce_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/nfce"
	"github.com/promokit/promokit/promo"
)

// A "leve 3 pague 2" on socks: 3 × 12,90 = 38,70 with one pair free (vDesc
// 12,90); the coffee has no discount, so its item has no vDesc.
func Example() {
	rs := campaign.MustLoad([]byte(`{"version": 1, "campaigns": [{
		"id": "meias", "name": "Leve 3 pague 2 em meias", "start": "2026-11-01",
		"rules": {"conditions": [{"kind": "product_code", "values": ["MEIA"]}]},
		"min_quantity": 3, "benefit": {"on": "items", "free_units": {"buy": 3, "pay": 2}}}]}`))
	sp, _ := time.LoadLocation("America/Sao_Paulo")
	cart := promo.Cart{ID: "cupom-1", Time: time.Date(2026, 11, 21, 10, 15, 0, 0, sp), Store: promo.Store{ID: "loja-1"},
		Lines: []promo.Line{
			{ID: "1", ProductCode: "MEIA", Quantity: decimal.NewFromInt(3), UnitPrice: decimal.RequireFromString("12.90")},
			{ID: "2", ProductCode: "CAFE", Quantity: decimal.NewFromInt(1), UnitPrice: decimal.RequireFromString("18.49")},
		}}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		panic(err)
	}
	for _, it := range nfce.Items(res) {
		x := it.Text()
		fmt.Printf("nItem %d: qCom %s vUnCom %s vProd %s vDesc %q\n", it.NItem, x.QCom, x.VUnCom, x.VProd, x.VDesc)
	}
	tot := nfce.Totals(res)
	fmt.Printf("ICMSTot: vProd %s vDesc %s\n", tot.VProd.StringFixed(2), tot.VDesc.StringFixed(2))
	fmt.Println("rejections:", len(nfce.Check(res)))
	// Output:
	// nItem 1: qCom 3.0000 vUnCom 12.9000000000 vProd 38.70 vDesc "12.90"
	// nItem 2: qCom 1.0000 vUnCom 18.4900000000 vProd 18.49 vDesc ""
	// ICMSTot: vProd 57.19 vDesc 12.90
	// rejections: 0
}
