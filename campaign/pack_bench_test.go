package campaign_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// The Desconto Pack benchmarks check that the precedence between tables is
// resolved once per sale: the cost grows with the tables and with the
// lines, never with the square of either. Every other table is live (a
// coupon the cart presents, its store, a sale minimum every cart meets and
// a requirement on a product line every cart has), the others miss only
// their requirement; their items prizes overlap on the lines through the
// five attributes, so that precedence decides who takes most lines. Compare tables=40 with tables=10 (goal: at most 6×) and
// lines=400 with lines=100 (goal: at most 6×).

// packBenchAttrs are the prize attributes the tables cycle through.
var packBenchAttrs = []campaign.PackAttribute{campaign.AttributeManufacturer, campaign.AttributeFamily,
	campaign.AttributeLine, campaign.AttributeRole, campaign.AttributeProduct}

// packBenchRuleset builds n Desconto Pack tables: table k is a
// franchisor's (a store's for every third) on attribute k mod 5 and code
// k/5 mod 2 (product prizes on product P000k), with a line requirement:
// each table's prize covers about half the lines.
func packBenchRuleset(b *testing.B, n int) *promo.Ruleset {
	def := campaign.Ruleset{Version: campaign.Version}
	for k := range n {
		attr := packBenchAttrs[k%len(packBenchAttrs)]
		code := fmt.Sprintf("%s%d", attr, (k/len(packBenchAttrs))%2)
		if attr == campaign.AttributeProduct {
			code = fmt.Sprintf("P%04d", k)
		}
		owner := campaign.OwnerFranchisor
		if k%3 == 2 {
			owner = campaign.OwnerStore
		}
		// Every other table asks more of line0 than any cart has: never
		// live, it still has to be looked at for the precedence.
		need := campaign.Dec("1.00")
		if k%2 == 1 {
			need = campaign.Dec("1000000.00")
		}
		def.DiscountPacks = append(def.DiscountPacks, campaign.DiscountPack{
			General: campaign.General{ID: fmt.Sprintf("pack-%03d", k), Name: fmt.Sprintf("Tabela %d", k), Start: "2026-11-01", End: "2026-11-30"}, Owner: owner, Stores: []campaign.PackStore{{ID: "loja-1", Kind: campaign.PackStoreOwn}},
			MinSaleValue: campaign.Dec("10.00"),
			Requirements: []campaign.PackRequirement{{Attribute: campaign.AttributeLine, Code: "line0", MinValue: need}},
			Coupon:       fmt.Sprintf("PACK%d", k%4), Key: fmt.Sprintf("K-%d", k),
			Prize: campaign.PackPrize{Items: &campaign.PackItemsPrize{Attribute: attr, Code: code, Percent: decimal.NewFromInt(int64(5 + k%20))}},
		})
	}
	rs, err := campaign.Compile(def)
	if err != nil {
		b.Fatal(err)
	}
	return rs
}

// packBenchCart builds a cart of n lines presenting the four coupons; line
// i has product P000i and every other attribute one of two codes.
func packBenchCart(b *testing.B, n int) promo.Cart {
	c := promo.Cart{ID: "bench-pack", Time: testkit.SaleTime(), Store: promo.Store{ID: "loja-1"},
		PromoCodes: []string{"PACK0", "PACK1", "PACK2", "PACK3"}}
	for i := range n {
		c.Lines = append(c.Lines, promo.Line{
			ID: fmt.Sprintf("%04d", i), ProductCode: fmt.Sprintf("P%04d", i),
			Manufacturer: fmt.Sprintf("manufacturer%d", i%2), Family: fmt.Sprintf("family%d", (i/2)%2),
			ProductLine: fmt.Sprintf("line%d", i%2), Role: fmt.Sprintf("role%d", (i/4)%2),
			Quantity: decimal.NewFromInt(int64(1 + i%3)), UnitPrice: decimal.New(int64(1000+37*i), -2),
		})
	}
	return c
}

func benchPack(b *testing.B, tables, lines int) {
	rs := packBenchRuleset(b, tables)
	cart := packBenchCart(b, lines)
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Applied) == 0 {
		b.Fatal("no table applied")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := promo.Evaluate(cart, rs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPackTables evaluates 100 lines against 10 and 40 tables.
func BenchmarkPackTables(b *testing.B) {
	for _, n := range []int{10, 40} {
		b.Run(fmt.Sprintf("tables=%d", n), func(b *testing.B) { benchPack(b, n, 100) })
	}
}

// BenchmarkPackLines evaluates 100 and 400 lines against 20 tables.
func BenchmarkPackLines(b *testing.B) {
	for _, n := range []int{100, 400} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) { benchPack(b, 20, n) })
	}
}
