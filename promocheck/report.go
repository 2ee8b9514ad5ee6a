package promocheck

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Language is the language of a report.
type Language uint8

// The languages.
const (
	// Portuguese is Brazilian Portuguese (pt-BR), the default.
	Portuguese Language = iota
	// English is English.
	English
)

// String returns "pt-BR" or "en".
func (l Language) String() string {
	if l == English {
		return "en"
	}
	return "pt-BR"
}

// Title returns the name of a kind of violation in a language.
func (k Kind) Title(lang Language) string {
	var pt, en string
	switch k {
	case KindLines:
		pt, en = "linhas do resultado", "the result's lines"
	case KindBounds:
		pt, en = "desconto entre zero e o bruto", "discount between zero and the gross"
	case KindSums:
		pt, en = "somas exatas", "exact sums"
	case KindTotals:
		pt, en = "totais", "totals"
	case KindNFCe:
		pt, en = "NFC-e", "NFC-e"
	case KindDeterminism:
		pt, en = "mesmo resultado na segunda avaliação", "the same result on a second evaluation"
	case KindRefund:
		pt, en = "devoluções devolvem o que foi pago", "refunds give back what was paid"
	case KindMaxLineDiscount:
		pt, en = "desconto máximo por item", "maximum discount per line"
	case KindMaxSaleDiscount:
		pt, en = "desconto máximo por venda", "maximum discount per sale"
	case KindFloorPrice:
		pt, en = "preço mínimo (custo mais margem)", "floor price (cost plus margin)"
	case KindMaxGifts:
		pt, en = "máximo de brindes por venda", "maximum gifts per sale"
	case KindNeverStack:
		pt, en = "campanhas que nunca acumulam", "campaigns that must never stack"
	default:
		return string(k)
	}
	if lang == English {
		return en
	}
	return pt
}

// text picks the language's string.
func text(lang Language, pt, en string) string {
	if lang == English {
		return en
	}
	return pt
}

// brl formats an amount as reais in the language: "R$ 1.234,50" or
// "R$ 1,234.50".
func brl(lang Language, d decimal.Decimal) string {
	pt := money.Format(d)
	if lang == Portuguese {
		return "R$ " + pt
	}
	return "R$ " + strings.NewReplacer(".", ",", ",", ".").Replace(pt)
}

// number formats a quantity in the language: "0,735" or "0.735".
func number(lang Language, d decimal.Decimal) string {
	if lang == Portuguese {
		return strings.ReplaceAll(d.String(), ".", ",")
	}
	return d.String()
}

// Text returns the report for a pricing analyst in a language: the policy,
// whether a cart breaks it and after how many tries, the smallest cart
// found line by line with each promotion's discount, the totals, the
// promotions involved and each rule broken with its amounts.
func (r Report) Text(lang Language) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	if r.Policy.Description != "" {
		w("%s %s\n", text(lang, "Política:", "Policy:"), r.Policy.Description)
	}
	if !r.Found {
		w(text(lang, "Nenhum carrinho viola a política em %d tentativas.\n", "No cart breaks the policy in %d tries.\n"), r.Tries)
		return b.String()
	}
	lines := len(r.Cart.Lines)
	w(text(lang, "Violação encontrada no %dº carrinho tentado. Menor carrinho encontrado (%d %s):\n",
		"Violation found at the %s cart tried. Smallest cart found (%d %s):\n"), ordinal(lang, r.Tries), lines,
		text(lang, plural(lines, "linha", "linhas"), plural(lines, "line", "lines")))
	r.writeCart(&b, lang)
	var ids []string
	for _, v := range r.Violations {
		for _, id := range v.Campaigns {
			if !contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		named := make([]string, len(ids))
		for i, id := range ids {
			named[i] = r.name(id)
		}
		w("%s %s\n", text(lang, "Campanhas envolvidas:", "Campaigns involved:"), strings.Join(named, "; "))
	}
	w("%s\n", text(lang, "Regras violadas:", "Rules broken:"))
	for _, v := range r.Violations {
		where := ""
		if v.Line != "" {
			where = text(lang, " (linha ", " (line ") + v.Line + ")"
		}
		w("  - %s%s: %s\n", v.Kind.Title(lang), where, text(lang, v.PT, v.EN))
	}
	return b.String()
}

// ordinal writes n as an ordinal: 3 in pt-BR (the format adds º), "3rd"
// in English.
func ordinal(lang Language, n int) any {
	if lang == Portuguese {
		return n
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// name returns "Name (id)", or the id of a promotion without a name.
func (r Report) name(id string) string {
	if n := r.Names[id]; n != "" {
		return n + " (" + id + ")"
	}
	return id
}

// writeCart writes the cart's context, its lines with their adjustments,
// the gifts and the totals.
func (r Report) writeCart(b *strings.Builder, lang Language) {
	r.writeContext(b, lang)
	for i := range r.Cart.Lines {
		r.writeLine(b, lang, i)
	}
	r.writeGifts(b, lang)
	t := r.Result.Totals
	fmt.Fprintf(b, "  %s %s, %s %s, %s %s\n", text(lang, "total: bruto", "total: gross"), brl(lang, t.Gross),
		text(lang, "desconto", "discount"), brl(lang, t.Discount), text(lang, "líquido", "net"), brl(lang, t.Net))
}

// writeContext writes when and where the sale is, for whom, and what
// comes with it besides its lines: category, codes, offers, payments,
// exchanges and wallet.
func (r Report) writeContext(b *strings.Builder, lang Language) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	c := r.Cart
	when := c.Time.Format("02/01/2006 15:04 (-07:00)")
	if lang == English {
		when = c.Time.Format("2006-01-02 15:04 -07:00")
	}
	w("  %s %s, %s %s, %s\n", text(lang, "em", "on"), when, text(lang, "loja", "store"), c.Store.ID, customerText(lang, c.Customer))
	if c.SaleCategory != "" {
		w("  %s %s\n", text(lang, "categoria de venda", "sale category"), c.SaleCategory)
	}
	if len(c.PromoCodes) > 0 {
		w("  %s %s\n", text(lang, "códigos apresentados:", "codes presented:"), strings.Join(c.PromoCodes, ", "))
	}
	if len(c.AcceptedOffers) > 0 {
		w("  %s %s\n", text(lang, "ofertas aceitas:", "offers accepted:"), strings.Join(c.AcceptedOffers, ", "))
	}
	for _, p := range c.Payments {
		w("  %s %s %s\n", text(lang, "pagamento", "payment"), p.Tender, brl(lang, p.Amount))
	}
	for _, x := range c.Exchanges {
		w("  %s %s %s × %s\n", text(lang, "troca", "exchange"), x.ProductCode, number(lang, x.Quantity), brl(lang, x.UnitPrice))
	}
	if len(c.Wallet) > 0 {
		w("  %s %d %s\n", text(lang, "carteira de cashback:", "cashback wallet:"), len(c.Wallet), text(lang, "créditos", "credits"))
	}
}

// customerText describes the sale's customer: an anonymous sale, or the
// customer's id with tier, groupings and birth date when known.
func customerText(lang Language, cu *promo.Customer) string {
	if cu == nil {
		return text(lang, "venda anônima", "anonymous sale")
	}
	who := text(lang, "cliente ", "customer ") + cu.ID
	var extra []string
	if cu.Tier != "" {
		extra = append(extra, text(lang, "nível ", "tier ")+cu.Tier)
	}
	if len(cu.Groupings) > 0 {
		extra = append(extra, text(lang, "agrupamentos ", "groupings ")+strings.Join(cu.Groupings, ", "))
	}
	if !cu.BirthDate.IsZero() {
		extra = append(extra, text(lang, "nascido em ", "born ")+cu.BirthDate.String())
	}
	if len(extra) > 0 {
		who += " (" + strings.Join(extra, "; ") + ")"
	}
	return who
}

// writeLine writes the cart's line i with, once evaluated, its gross, its
// adjustments and its net.
func (r Report) writeLine(b *strings.Builder, lang Language, i int) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	l := r.Cart.Lines[i]
	desc := l.ProductCode
	var attrs []string
	for _, a := range []string{l.SKU, l.Category, l.Brand} {
		if a != "" {
			attrs = append(attrs, a)
		}
	}
	if len(attrs) > 0 {
		desc += " (" + strings.Join(attrs, ", ") + ")"
	}
	unit := ""
	if l.Weighed {
		unit = " kg"
	}
	if i >= len(r.Result.Lines) {
		w("  %s %s: %s, %s%s × %s\n", text(lang, "linha", "line"), l.ID, desc, number(lang, l.Quantity), unit, brl(lang, l.UnitPrice))
		return
	}
	lr := r.Result.Lines[i]
	w("  %s %s: %s, %s%s × %s = %s\n", text(lang, "linha", "line"), l.ID, desc, number(lang, l.Quantity), unit,
		brl(lang, l.UnitPrice), brl(lang, lr.Gross))
	for _, a := range lr.Adjustments {
		w("      %s: −%s (%s)\n", r.name(a.Campaign), brl(lang, a.Amount), kindText(lang, a.Kind))
	}
	w("      %s %s\n", text(lang, "líquido", "net"), brl(lang, lr.Net))
}

// writeGifts writes the gifts granted, with the units still to add.
func (r Report) writeGifts(b *strings.Builder, lang Language) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	for _, g := range r.Result.Gifts {
		what := strings.Join(g.Options, ", ")
		if len(g.Options) > 1 {
			what = text(lang, "um de ", "one of ") + what
		}
		w("  %s %d × %s, %s %s", text(lang, "brinde:", "gift:"), g.Quantity, what, text(lang, "de", "from"), r.name(g.Campaign))
		if g.ToAdd > 0 {
			w(text(lang, "; %d a incluir no carrinho", "; %d still to add to the cart"), g.ToAdd)
		}
		w("\n")
	}
}

// kindText names an adjustment's kind in a language.
func kindText(lang Language, k promo.AdjustmentKind) string {
	switch k {
	case promo.ItemDiscount:
		return text(lang, "desconto no item", "item discount")
	case promo.FreeUnits:
		return text(lang, "unidades grátis", "free units")
	case promo.SaleDiscount:
		return text(lang, "rateio do desconto na venda", "share of a sale discount")
	case promo.Markdown:
		return text(lang, "remarcação", "markdown")
	case promo.GiftUnits:
		return text(lang, "brinde", "gift")
	case promo.CashbackRedemption:
		return text(lang, "resgate de cashback", "cashback redeemed")
	}
	return k.String()
}
