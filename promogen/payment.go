package promogen

import (
	"slices"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/promokit/promokit/promo"
)

// Payments generates the tenders (finalizadoras) of a sale of total: none,
// one or two, of the tender types the pools name and the common ones
// (dinheiro, credito, debito, pix), card BINs from the pools, amounts that
// add up to total.
func Payments(total decimal.Decimal, opts ...Option) *rapid.Generator[[]promo.Payment] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(func(t *rapid.T) []promo.Payment { return c.payments(t, total) })
}

func (c *config) payments(t *rapid.T, total decimal.Decimal) []promo.Payment {
	n := rapid.IntRange(0, 2).Draw(t, "payments")
	if n == 0 {
		return nil
	}
	tenders := slices.Clone(c.pools.Tenders)
	for _, common := range []string{"dinheiro", "credito", "debito", "pix"} {
		if !slices.Contains(tenders, common) {
			tenders = append(tenders, common)
		}
	}
	cents := total.Shift(2).IntPart()
	out := make([]promo.Payment, n)
	left := cents
	for i := range out {
		p := promo.Payment{Tender: rapid.SampledFrom(tenders).Draw(t, "tender"), BIN: pick(t, c.pools.BINs, "bin")}
		part := left
		if i < n-1 {
			part = rapid.Int64Range(0, left).Draw(t, "payment_cents")
		}
		p.Amount, left = decimal.New(part, -2), left-part
		out[i] = p
	}
	return out
}

// PromoCodes generates the promo codes a customer presents: up to three of
// the codes the pools name, and sometimes one that no rule accepts.
func PromoCodes(opts ...Option) *rapid.Generator[[]string] {
	c := defaults()
	c.apply(opts)
	return rapid.Custom(c.promoCodes)
}

func (c *config) promoCodes(t *rapid.T) []string {
	codes := subset(t, c.pools.Codes, 3, 20, "promo_code")
	if chance(t, 10, "unknown_code") {
		codes = append(codes, "CODIGO-INVALIDO")
	}
	return codes
}
