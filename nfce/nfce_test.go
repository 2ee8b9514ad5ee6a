package nfce_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/nfce"
	"github.com/promokit/promokit/promo"
)

// line builds a result line whose numbers are given as written.
func line(id, q, price, gross, discount string) promo.LineResult {
	return promo.LineResult{ID: id, Quantity: testkit.Dec(q), UnitPrice: testkit.Dec(price), Gross: testkit.Dec(gross), Discount: testkit.Dec(discount),
		Net: testkit.Dec(gross).Sub(testkit.Dec(discount))}
}

func result(lines ...promo.LineResult) promo.Result {
	r := promo.Result{Lines: lines}
	for _, l := range lines {
		r.Totals.Gross = r.Totals.Gross.Add(l.Gross)
		r.Totals.Discount = r.Totals.Discount.Add(l.Discount)
	}
	r.Totals.Net = r.Totals.Gross.Sub(r.Totals.Discount)
	return r
}

func TestItems(t *testing.T) {
	res := result(line("a", "2", "10.00", "20.00", "3.50"), line("b", "0.735", "39.90", "29.33", "0"))
	got := []nfce.Text{}
	for _, it := range nfce.Items(res) {
		got = append(got, it.Text())
	}
	want := []nfce.Text{
		{QCom: "2.0000", VUnCom: "10.0000000000", VProd: "20.00", VDesc: "3.50"},
		{QCom: "0.7350", VUnCom: "39.9000000000", VProd: "29.33"}, // no discount: no vDesc
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("item texts (-want +got):\n%s", diff)
	}
	items := nfce.Items(res)
	if items[0].NItem != 1 || items[1].NItem != 2 || items[1].Line != "b" || items[1].VDesc.Valid {
		t.Errorf("items %+v: want nItem 1 and 2, line b without vDesc", items)
	}
}

func TestCheck(t *testing.T) {
	type rej struct {
		Code  nfce.RejectionCode
		NItem int
	}
	for _, c := range []struct {
		name string
		res  promo.Result
		want []rej
	}{
		{"consistent", result(line("a", "2", "10.00", "20.00", "3.50"), line("b", "1", "5", "5.00", "5.00")), nil},
		// 3 × 0,3333 = 0,9999: a cent from 1,00 is tolerated.
		{"a cent of tolerance", result(line("a", "3", "0.3333", "1.00", "0")), nil},
		// 0,735 kg × 39,90 = 29,3265: rounded to 29,33.
		{"weighed", result(line("a", "0.735", "39.90", "29.33", "1.00")), nil},
		{"483 discount above gross", result(line("a", "1", "10", "10.00", "10.01")), []rej{{483, 1}}},
		// 3 × 0,3333 = 0,9999 is 2 cents from 1,02.
		{"629 beyond a cent", result(line("a", "1", "1", "1.00", "0"), line("b", "3", "0.3333", "1.02", "0")), []rej{{629, 2}}},
		{"225 five decimals of quantity", result(line("a", "1.23456", "1", "1.23", "0")), []rej{{225, 1}}},
		{"225 eleven decimals of price", result(line("a", "1", "0.12345678901", "0.12", "0")), []rej{{225, 1}}},
		{"225 gross in tenths of a cent", result(line("a", "1", "1.005", "1.005", "0")), []rej{{225, 1}}},
		{"225 negative discount", result(line("a", "1", "1", "1.00", "-0.10")), []rej{{225, 1}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []rej
			for _, r := range nfce.Check(c.res) {
				got = append(got, rej{r.Code, r.NItem})
				if r.PT == "" || r.EN == "" {
					t.Errorf("%v: a rejection needs both texts", r)
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("rejections (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("totals", func(t *testing.T) {
		res := result(line("a", "1", "10", "10.00", "1.00"))
		res.Totals.Discount = testkit.Dec("1.01")
		res.Totals.Gross = testkit.Dec("10.01")
		var got []string
		for _, r := range nfce.Check(res) {
			got = append(got, r.String())
		}
		want := []string{
			"rejection 537 (totals): total vDesc 1.01 differs from the items' sum 1.00",
			"rejection 564 (totals): total vProd 10.01 differs from the items' sum 10.00",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("rejections (-want +got):\n%s", diff)
		}
	})
}

// TestItemsFreight: the freight the sale charges, after its discounts, is
// apportioned over the items by vProd as their vFrete, never in vDesc; a
// total that is not the items' sum is rejection 535.
func TestItemsFreight(t *testing.T) {
	res := result(line("a", "2", "10.00", "20.00", "3.50"), line("b", "1", "30.00", "30.00", "0"), line("c", "1", "0", "0.00", "0"))
	// 25.00 of freight, 15.00 off it: 10.00 charged; by vProd 20 and 30
	// (c has none): 4.00 and 6.00.
	res.Freight = &promo.FreightResult{Gross: testkit.Dec("25.00"), Discount: testkit.Dec("15.00"), Net: testkit.Dec("10.00")}
	res.Totals.Freight = testkit.Dec("10.00")
	got := []nfce.Text{}
	for _, it := range nfce.Items(res) {
		got = append(got, it.Text())
	}
	want := []nfce.Text{
		{QCom: "2.0000", VUnCom: "10.0000000000", VProd: "20.00", VDesc: "3.50", VFrete: "4.00"},
		{QCom: "1.0000", VUnCom: "30.0000000000", VProd: "30.00", VFrete: "6.00"},
		{QCom: "1.0000", VUnCom: "0.0000000000", VProd: "0.00"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("item texts (-want +got):\n%s", diff)
	}
	if r := nfce.Check(res); len(r) != 0 {
		t.Errorf("rejections %v, want none", r)
	}
	if tot := nfce.Totals(res); !tot.VFrete.Equal(testkit.Dec("10.00")) {
		t.Errorf("total vFrete %s, want 10.00", tot.VFrete)
	}
	// 1.00 over three items of vProd 0: equal shares, the extra cent to the
	// first: 0.34, 0.33, 0.33.
	zero := result(line("a", "1", "0", "0.00", "0"), line("b", "1", "0", "0.00", "0"), line("c", "1", "0", "0.00", "0"))
	zero.Freight = &promo.FreightResult{Gross: testkit.Dec("1.00"), Net: testkit.Dec("1.00")}
	zero.Totals.Freight = testkit.Dec("1.00")
	var shares []string
	for _, it := range nfce.Items(zero) {
		shares = append(shares, it.Freight().StringFixed(2))
	}
	if diff := cmp.Diff([]string{"0.34", "0.33", "0.33"}, shares); diff != "" {
		t.Errorf("vFrete over zero vProd (-want +got):\n%s", diff)
	}
	res.Totals.Freight = testkit.Dec("9.99")
	if r := nfce.Check(res); len(r) != 1 || r[0].Code != nfce.TotalFreightMismatch {
		t.Errorf("rejections %v, want 535", r)
	}
}
