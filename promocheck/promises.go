package promocheck

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/nfce"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Promises checks everything the engine promises of one evaluation: Lines,
// Bounds, Sums, Totals, NFCe, Deterministic, and Refunds of one return of
// everything. None is returned when every promise holds.
func Promises(cart promo.Cart, rs *promo.Ruleset, res promo.Result) []Violation {
	var out []Violation
	out = append(out, Lines(cart, rs, res)...)
	out = append(out, Bounds(res)...)
	out = append(out, Sums(res)...)
	out = append(out, Totals(res)...)
	out = append(out, NFCe(res)...)
	out = append(out, Deterministic(cart, rs, res)...)
	var all []refund.Returned
	for _, l := range res.Lines {
		all = append(all, refund.Returned{Line: l.ID, Quantity: l.Quantity})
	}
	out = append(out, Refunds(res, [][]refund.Returned{all})...)
	return out
}

// fixed writes an amount with two decimals, as the checks quote it.
func fixed(d decimal.Decimal) string { return d.StringFixed(2) }

// Lines checks that the result has the cart's lines in its order, each
// with the cart's quantity and unit price, and a gross of quantity × unit
// price rounded to cents with the ruleset's rounding mode (NFC-e vProd).
func Lines(cart promo.Cart, rs *promo.Ruleset, res promo.Result) []Violation {
	if len(res.Lines) != len(cart.Lines) {
		return []Violation{{Kind: KindLines,
			PT: fmt.Sprintf("o resultado tem %d linhas, o carrinho %d", len(res.Lines), len(cart.Lines)),
			EN: fmt.Sprintf("the result has %d lines, the cart %d", len(res.Lines), len(cart.Lines))}}
	}
	mode := rs.Settings().Rounding
	var out []Violation
	for i, l := range cart.Lines {
		lr := res.Lines[i]
		switch {
		case lr.ID != l.ID:
			out = append(out, Violation{Kind: KindLines, Line: l.ID,
				PT: fmt.Sprintf("a linha %d do resultado é %q, a do carrinho %q", i+1, lr.ID, l.ID),
				EN: fmt.Sprintf("result line %d is %q, cart line %q", i+1, lr.ID, l.ID)})
		case !lr.Quantity.Equal(l.Quantity) || !lr.UnitPrice.Equal(l.UnitPrice):
			out = append(out, Violation{Kind: KindLines, Line: l.ID,
				PT: fmt.Sprintf("quantidade %s × preço %s no resultado, %s × %s no carrinho", lr.Quantity, lr.UnitPrice, l.Quantity, l.UnitPrice),
				EN: fmt.Sprintf("quantity %s × price %s in the result, %s × %s in the cart", lr.Quantity, lr.UnitPrice, l.Quantity, l.UnitPrice)})
		default:
			if want := mode.Round(l.Quantity.Mul(l.UnitPrice)); !lr.Gross.Equal(want) {
				out = append(out, Violation{Kind: KindLines, Line: l.ID, Amount: lr.Gross, Limit: want,
					PT: fmt.Sprintf("bruto %s; %s × %s arredondado (%s) dá %s", fixed(lr.Gross), l.Quantity, l.UnitPrice, mode, fixed(want)),
					EN: fmt.Sprintf("gross %s; %s × %s rounded (%s) is %s", fixed(lr.Gross), l.Quantity, l.UnitPrice, mode, fixed(want))})
			}
		}
	}
	return out
}

// Bounds checks every line: 0 ≤ discount ≤ gross, net = gross − discount,
// and so no line below zero.
func Bounds(res promo.Result) []Violation {
	var out []Violation
	for _, l := range res.Lines {
		if l.Discount.Sign() < 0 || l.Discount.GreaterThan(l.Gross) {
			out = append(out, Violation{Kind: KindBounds, Line: l.ID, Campaigns: campaignsOf(l), Amount: l.Discount, Limit: l.Gross,
				PT: fmt.Sprintf("desconto %s fora de [0, bruto %s]", fixed(l.Discount), fixed(l.Gross)),
				EN: fmt.Sprintf("discount %s not within [0, gross %s]", fixed(l.Discount), fixed(l.Gross))})
		}
		if !l.Net.Equal(l.Gross.Sub(l.Discount)) || l.Net.Sign() < 0 {
			out = append(out, Violation{Kind: KindBounds, Line: l.ID, Campaigns: campaignsOf(l), Amount: l.Net,
				PT: fmt.Sprintf("líquido %s; bruto %s − desconto %s, nunca abaixo de zero", fixed(l.Net), fixed(l.Gross), fixed(l.Discount)),
				EN: fmt.Sprintf("net %s; want gross %s − discount %s, never below zero", fixed(l.Net), fixed(l.Gross), fixed(l.Discount))})
		}
	}
	return out
}

// campaignsOf lists the campaigns with adjustments on a line, in order,
// once each.
func campaignsOf(l promo.LineResult) []string {
	var ids []string
	for _, a := range l.Adjustments {
		if !contains(ids, a.Campaign) {
			ids = append(ids, a.Campaign)
		}
	}
	return ids
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Sums checks the exact sums: every adjustment is a positive whole number
// of cents with a funder, its funding shares add up to it, a line's
// adjustments add up to its discount (its NFC-e vDesc); each application
// has at least one occurrence and is worth the sum of its campaign's
// adjustments, no campaign has adjustments without an application (but
// cashback redeemed as a discount, a program), and the trace marks
// applied exactly the applications.
func Sums(res promo.Result) []Violation {
	var out []Violation
	byCampaign := map[string]decimal.Decimal{}
	applied := map[string]bool{}
	for _, a := range res.Applied {
		applied[a.Campaign] = true
	}
	for _, l := range res.Lines {
		sum := decimal.Zero
		for _, a := range l.Adjustments {
			bad := func(pt, en string) {
				out = append(out, Violation{Kind: KindSums, Line: l.ID, Campaigns: []string{a.Campaign}, Amount: a.Amount, PT: pt, EN: en})
			}
			if a.Amount.Sign() <= 0 || !a.Amount.Equal(a.Amount.Truncate(2)) {
				bad(fmt.Sprintf("ajuste de %s de %s: deve ser um número positivo de centavos", a.Campaign, a.Amount),
					fmt.Sprintf("adjustment of %s of %s: want a positive whole number of cents", a.Campaign, a.Amount))
			}
			if a.FundedBy == "" {
				bad(fmt.Sprintf("ajuste de %s sem financiador", a.Campaign), fmt.Sprintf("adjustment of %s has no funder", a.Campaign))
			}
			if len(a.Shares) > 0 {
				s := decimal.Zero
				for _, sh := range a.Shares {
					s = s.Add(sh.Amount)
				}
				if !s.Equal(a.Amount) {
					bad(fmt.Sprintf("as partes dos financiadores de %s somam %s, o ajuste é %s", a.Campaign, fixed(s), fixed(a.Amount)),
						fmt.Sprintf("the funding shares of %s add up to %s, the adjustment is %s", a.Campaign, fixed(s), fixed(a.Amount)))
				}
			}
			if !applied[a.Campaign] && a.Kind != promo.CashbackRedemption {
				bad(fmt.Sprintf("ajuste de %s, que não consta entre as aplicações", a.Campaign),
					fmt.Sprintf("adjustment of %s, which is not among the applications", a.Campaign))
			}
			sum = sum.Add(a.Amount)
			byCampaign[a.Campaign] = byCampaign[a.Campaign].Add(a.Amount)
		}
		if !sum.Equal(l.Discount) {
			out = append(out, Violation{Kind: KindSums, Line: l.ID, Campaigns: campaignsOf(l), Amount: sum, Limit: l.Discount,
				PT: fmt.Sprintf("os ajustes somam %s, o desconto (vDesc) é %s", fixed(sum), fixed(l.Discount)),
				EN: fmt.Sprintf("the adjustments add up to %s, the discount (vDesc) is %s", fixed(sum), fixed(l.Discount))})
		}
	}
	for _, a := range res.Applied {
		if a.Occurrences < 1 {
			out = append(out, Violation{Kind: KindSums, Campaigns: []string{a.Campaign},
				PT: fmt.Sprintf("%s aplicada com %d ocorrências", a.Campaign, a.Occurrences),
				EN: fmt.Sprintf("%s applied with %d occurrences", a.Campaign, a.Occurrences)})
		}
		if got := byCampaign[a.Campaign]; !got.Equal(a.Amount) {
			out = append(out, Violation{Kind: KindSums, Campaigns: []string{a.Campaign}, Amount: got, Limit: a.Amount,
				PT: fmt.Sprintf("os ajustes de %s somam %s, a aplicação diz %s", a.Campaign, fixed(got), fixed(a.Amount)),
				EN: fmt.Sprintf("the adjustments of %s add up to %s, its application says %s", a.Campaign, fixed(got), fixed(a.Amount))})
		}
	}
	for _, e := range res.Trace {
		first := e.Code() == promo.ReasonApplied
		if e.Applied != first || (e.Applied && !applied[e.Campaign] && !program(e.Campaign)) {
			out = append(out, Violation{Kind: KindSums, Campaigns: []string{e.Campaign},
				PT: fmt.Sprintf("rastro de %s: aplicada=%v com o código %q", e.Campaign, e.Applied, e.Code()),
				EN: fmt.Sprintf("trace of %s: applied=%v with code %q", e.Campaign, e.Applied, e.Code())})
		}
	}
	return out
}

// program reports whether a trace entry is a program's (the cashback
// wallet, a points program, a campaign's earning part), whose ids hold a
// slash, which a promotion's id cannot: programs are traced but not
// listed among the applications.
func program(id string) bool { return strings.Contains(id, "/") }

// Totals checks that the totals are the sums of the lines, that the
// tenders total is the sum of the tenders, that the freight total is the
// freight charged (its gross less its discounts), and that payable is
// net + freight − exchange − tenders.
func Totals(res promo.Result) []Violation {
	g, d, n := decimal.Zero, decimal.Zero, decimal.Zero
	for _, l := range res.Lines {
		g, d, n = g.Add(l.Gross), d.Add(l.Discount), n.Add(l.Net)
	}
	tenders := decimal.Zero
	for _, t := range res.Tenders {
		tenders = tenders.Add(t.Amount)
	}
	freight := decimal.Zero
	if f := res.Freight; f != nil {
		freight = f.Gross
		for _, a := range f.Adjustments {
			freight = freight.Sub(a.Amount)
		}
	}
	var out []Violation
	for _, c := range []struct {
		pt, en    string
		got, want decimal.Decimal
	}{
		{"bruto", "gross", res.Totals.Gross, g},
		{"desconto", "discount", res.Totals.Discount, d},
		{"líquido", "net", res.Totals.Net, n},
		{"meios de pagamento", "tenders", res.Totals.Tenders, tenders},
		{"frete", "freight", res.Totals.Freight, freight},
		{"a pagar", "payable", res.Totals.Payable, res.Totals.Net.Add(res.Totals.Freight).Sub(res.Totals.Exchange).Sub(res.Totals.Tenders)},
	} {
		if !c.got.Equal(c.want) {
			out = append(out, Violation{Kind: KindTotals, Amount: c.got, Limit: c.want,
				PT: fmt.Sprintf("total %s %s; deveria ser %s", c.pt, fixed(c.got), fixed(c.want)),
				EN: fmt.Sprintf("total %s %s; want %s", c.en, fixed(c.got), fixed(c.want))})
		}
	}
	return out
}

// NFCe checks the result's NFC-e items and totals (nfce.Check): rejections
// 483 (vDesc above vProd), 537 (the total vDesc is not the sum of the
// items'), 564, 629 (vProd more than a cent from qCom × vUnCom) and the
// schema's formats (225).
func NFCe(res promo.Result) []Violation {
	var out []Violation
	for _, r := range nfce.Check(res) {
		out = append(out, Violation{Kind: KindNFCe, Line: r.Line,
			PT: fmt.Sprintf("rejeição %s: %s", r.Code, r.PT), EN: fmt.Sprintf("rejection %s: %s", r.Code, r.EN)})
	}
	return out
}

// decimalEqual compares decimals by value (1.5 equals 1.50).
func decimalEqual() cmp.Option {
	return cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })
}

// Deterministic evaluates the cart a second time and checks that the
// result is the same.
func Deterministic(cart promo.Cart, rs *promo.Ruleset, res promo.Result) []Violation {
	again, err := promo.Evaluate(cart, rs)
	if err != nil {
		return []Violation{{Kind: KindDeterminism,
			PT: "a segunda avaliação falhou: " + err.Error(), EN: "the second evaluation failed: " + err.Error()}}
	}
	if reflect.DeepEqual(res, again) {
		return nil // the same values, down to each decimal's representation
	}
	if diff := cmp.Diff(res, again, decimalEqual()); diff != "" {
		return []Violation{{Kind: KindDeterminism,
			PT: "a segunda avaliação deu outro resultado (-primeira +segunda):\n" + diff,
			EN: "the second evaluation gave another result (-first +second):\n" + diff}}
	}
	return nil
}
