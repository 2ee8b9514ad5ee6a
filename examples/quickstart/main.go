// Command quickstart evaluates an embedded sample ruleset on an embedded
// sample cart and prints the receipt in Brazilian Portuguese: every line with
// the discounts it got, the totals, and the campaigns that did not apply with
// the reason why.
//
//	go run ./examples/quickstart
//
// The sample (ruleset.json and cart.json, next to this file) mixes a
// supermarket and a clothing store: a sale-level "acima de R$ 200 ganhe 10%",
// a "leve 3 pague 2" on socks, 20 % off the most expensive of two T-shirts, a
// beer campaign whose minimum quantity is not reached, a cheese campaign that
// ended the day before the sale, and a weighed line of 0,735 kg.
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

//go:embed ruleset.json
var rulesetJSON []byte

//go:embed cart.json
var cartJSON []byte

// width is the width of the receipt in characters.
const width = 66

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// run evaluates the embedded sample and writes the receipt to w.
func run(w io.Writer) error {
	rs, err := campaign.Load(rulesetJSON)
	if err != nil {
		return err
	}
	cart, err := promo.DecodeCart(cartJSON)
	if err != nil {
		return err
	}
	res, err := promo.Evaluate(cart, rs)
	if err != nil {
		return err
	}
	p := &printer{w: w}
	receipt(p, &cart, &res)
	return p.err
}

// printer writes lines and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, strings.TrimRight(s, " ")+"\n")
	}
}

// row writes left and right with right aligned to the receipt's width.
func (p *printer) row(left, right string) {
	pad := width - utf8.RuneCountInString(left) - utf8.RuneCountInString(right)
	if pad < 1 {
		pad = 1
	}
	p.line(left + strings.Repeat(" ", pad) + right)
}

func receipt(p *printer, cart *promo.Cart, res *promo.Result) {
	names := map[string]string{}
	for _, t := range res.Trace {
		names[t.Campaign] = t.Name
	}
	for _, a := range res.Applied {
		names[a.Campaign] = a.Name
	}

	p.line(center("PROMOKIT - CUPOM DE DEMONSTRAÇÃO"))
	p.line(center("(sem valor fiscal)"))
	p.line("Venda " + cart.ID + " - loja " + cart.Store.ID)
	p.line("Data " + saleTime(cart.Time))
	p.line(strings.Repeat("=", width))
	p.line(fmt.Sprintf("%-4s %-27s %11s %10s %10s", "Item", "Descrição", "Qtde", "Preço un.", "Bruto"))
	p.line(strings.Repeat("-", width))
	for i, l := range res.Lines {
		in := &cart.Lines[i]
		desc := in.Attributes["description"]
		if desc == "" {
			desc = in.ProductCode
		}
		p.line(fmt.Sprintf("%-4s %-27s %11s %10s %10s", l.ID, clip(desc, 27),
			quantity(in), money.Format(l.UnitPrice), money.Format(l.Gross)))
		for _, a := range l.Adjustments {
			name := names[a.Campaign]
			if name == "" {
				name = a.Campaign
			}
			p.row("       "+clip(name+" ("+kindPT(a.Kind)+")", 46), "-"+money.Format(a.Amount))
		}
		if len(l.Adjustments) > 0 {
			p.row("       Líquido do item", money.Format(l.Net))
		}
	}
	p.line(strings.Repeat("-", width))
	p.row("Total bruto", money.Format(res.Totals.Gross))
	p.row("Descontos", "-"+money.Format(res.Totals.Discount))
	p.row("Total líquido", money.Format(res.Totals.Net))
	p.line(strings.Repeat("=", width))

	if len(res.Applied) > 0 {
		p.line("Campanhas aplicadas")
		for _, a := range res.Applied {
			times := "1 vez"
			if a.Occurrences > 1 {
				times = fmt.Sprintf("%d vezes", a.Occurrences)
			}
			p.row("  "+clip(a.Name+", "+times, 50), "-"+money.Format(a.Amount))
		}
	}
	var missed []promo.TraceEntry
	for _, t := range res.Trace {
		if !t.Applied {
			missed = append(missed, t)
		}
	}
	if len(missed) > 0 {
		p.line("")
		p.line("Campanhas não aplicadas")
		for _, t := range missed {
			p.line("  " + t.Name)
			if len(t.Reasons) > 0 {
				p.line("    " + t.Reasons[0].PT)
			}
		}
	}
}

// saleTime shows the sale's instant in America/Sao_Paulo (the campaign
// package embeds the zone database, so this needs no system files).
func saleTime(t time.Time) string {
	loc, err := time.LoadLocation(campaign.DefaultTimeZone)
	if err != nil {
		return t.Format("02/01/2006 15:04 -07:00")
	}
	return t.In(loc).Format("02/01/2006 15:04") + " (" + campaign.DefaultTimeZone + ")"
}

// quantity writes a line's quantity the Brazilian way with its unit:
// "3 un", "0,735 kg".
func quantity(l *promo.Line) string {
	unit := l.Attributes["unit"]
	if unit == "" {
		unit = "un"
		if !l.Countable() {
			unit = "kg"
		}
	}
	return decimalPT(l.Quantity) + " " + unit
}

// decimalPT writes d with a decimal comma and no thousands separator.
func decimalPT(d decimal.Decimal) string {
	return strings.Replace(d.String(), ".", ",", 1)
}

// kindPT names an adjustment kind for the receipt.
func kindPT(k promo.AdjustmentKind) string {
	switch k {
	case promo.FreeUnits:
		return "grátis"
	case promo.SaleDiscount:
		return "rateio"
	default:
		return "item"
	}
}

// clip cuts s to at most n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func center(s string) string {
	pad := (width - utf8.RuneCountInString(s)) / 2
	if pad < 0 {
		pad = 0
	}
	return strings.Repeat(" ", pad) + s
}
