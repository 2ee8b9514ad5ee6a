// Command dailyreport evaluates a day of generated sales against the
// quickstart's sample ruleset and prints two of the campaign reports of
// package report as aligned text tables: the summary by campaign (Resumo)
// and the frequency of activations by store (Frequência).
//
//	go run ./examples/dailyreport
//
// The sales are made up by a deterministic generator seeded by a constant:
// 500 sales on Wednesday 18/11/2026 in America/Sao_Paulo, in three stores,
// from 08:00 to about 22:00, each with one to five lines of a small
// catalogue (socks, T-shirts, beer cans, weighed cheese, groceries), some
// with an identified customer. Every sale is evaluated with promo.Evaluate
// and recorded as a report.Record; the reports then read the records only.
// ruleset.json is a copy of examples/quickstart/ruleset.json.
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

//go:embed ruleset.json
var rulesetJSON []byte

// seed makes the generated day the same on every run.
const seed = 20261118

// sales is the number of sales of the day.
const sales = 500

// stores returns the stores that sell.
func stores() []string { return []string{"loja-1", "loja-2", "loja-3"} }

// item is a product of the catalogue.
type item struct {
	code, description, category string
	price                       string
	// maxQty is the most units a line takes; weighed items take 0,150 to
	// 1,200 kg instead.
	maxQty  int
	weighed bool
}

// catalogue returns the products on sale.
func catalogue() []item {
	return []item{
		{"MEIA-ESP", "Meia esportiva", "vestuario/meias", "19.90", 6, false},
		{"MEIA-SOC", "Meia social", "vestuario/meias", "24.90", 4, false},
		{"CAM-BAS", "Camiseta básica", "vestuario/camisetas", "59.90", 3, false},
		{"CAM-EST", "Camiseta estampada", "vestuario/camisetas", "79.90", 2, false},
		{"CERV-LATA", "Cerveja lata 350 ml", "bebidas/cervejas", "4.49", 18, false},
		{"QUEIJO-MUS", "Queijo muçarela", "frios/queijos", "39.00", 0, true},
		{"QUEIJO-PRA", "Queijo prato", "frios/queijos", "44.90", 0, true},
		{"ARROZ-5", "Arroz tipo 1 5 kg", "mercearia", "27.90", 3, false},
		{"FEIJAO-1", "Feijão carioca 1 kg", "mercearia", "8.99", 3, false},
		{"CAFE-500", "Café 500 g", "mercearia", "18.49", 2, false},
	}
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dailyreport:", err)
		os.Exit(1)
	}
}

// splitmix64 is a small deterministic generator (SplitMix64), so that the
// day does not depend on the standard library's generators.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (s *splitmix64) intn(n int) int { return int(s.next() % uint64(n)) }

// day returns the first instant of the generated day.
func day() (time.Time, error) {
	loc, err := time.LoadLocation(campaign.DefaultTimeZone)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(2026, 11, 18, 8, 0, 0, 0, loc), nil
}

// carts generates the day's carts, in the order they were sold.
func carts() ([]promo.Cart, error) {
	open, err := day()
	if err != nil {
		return nil, err
	}
	rng := splitmix64(seed)
	out := make([]promo.Cart, 0, sales)
	for i := range sales {
		store := stores()[rng.intn(len(stores()))]
		c := promo.Cart{
			ID:    fmt.Sprintf("%s-%04d", store, i+1),
			Time:  open.Add(time.Duration(i*100+rng.intn(100)) * time.Second),
			Store: promo.Store{ID: store},
		}
		if rng.intn(5) < 2 {
			c.Customer = &promo.Customer{ID: fmt.Sprintf("cli-%03d", 1+rng.intn(120))}
		}
		for j := range 1 + rng.intn(5) {
			it := catalogue()[rng.intn(len(catalogue()))]
			l := promo.Line{ID: fmt.Sprint(j + 1), ProductCode: it.code, Category: it.category,
				UnitPrice: decimal.RequireFromString(it.price), Attributes: map[string]string{"description": it.description}}
			if it.weighed {
				l.Quantity, l.Weighed = decimal.New(int64(150+rng.intn(1051)), -3), true
			} else {
				l.Quantity = decimal.NewFromInt(int64(1 + rng.intn(it.maxQty)))
			}
			c.Lines = append(c.Lines, l)
		}
		out = append(out, c)
	}
	return out, nil
}

// records evaluates the day's carts against the ruleset and records them
// as the host would.
func records(rs *promo.Ruleset) ([]report.Record, error) {
	cs, err := carts()
	if err != nil {
		return nil, err
	}
	out := make([]report.Record, 0, len(cs))
	for _, c := range cs {
		res, err := promo.Evaluate(c, rs)
		if err != nil {
			return nil, fmt.Errorf("sale %s: %w", c.ID, err)
		}
		out = append(out, report.Record{Cart: c, Result: res})
	}
	return out, nil
}

// run generates and evaluates the day and writes both reports to w.
func run(w io.Writer) error {
	rs, err := campaign.Load(rulesetJSON)
	if err != nil {
		return err
	}
	recs, err := records(rs)
	if err != nil {
		return err
	}
	open, err := day()
	if err != nil {
		return err
	}
	summary := report.Summarize(slices.Values(recs), report.Day, report.Filter{})
	freq := report.StoreFrequency(slices.Values(recs), report.Filter{})

	p := &printer{w: w}
	p.printf("Relatório de campanhas do dia %s (%s)\n", open.Format("02/01/2006"), campaign.DefaultTimeZone)
	p.printf("%d vendas geradas em %d lojas, avaliadas com o ruleset de exemplo do quickstart\n\n", len(recs), len(stores()))
	printSummary(p, summary)
	p.printf("\n")
	printFrequency(p, freq)
	return p.err
}

// printer writes and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// table writes rows as an aligned table: the first left columns (text)
// to the left, the others (numbers) to the right.
func (p *printer) table(rows [][]string, left int) {
	widths := make([]int, left)
	for _, r := range rows {
		for k := range left {
			widths[k] = max(widths[k], utf8.RuneCountInString(r[k]))
		}
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		cells := slices.Clone(r)
		for k := range left {
			cells[k] += strings.Repeat(" ", widths[k]-utf8.RuneCountInString(cells[k]))
		}
		if _, err := io.WriteString(tw, strings.Join(cells, "\t")+"\t\n"); err != nil && p.err == nil {
			p.err = err
		}
	}
	if err := tw.Flush(); err != nil && p.err == nil {
		p.err = err
	}
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		p.printf("%s\n", strings.TrimRight(strings.TrimPrefix(l, "  "), " "))
	}
}

func brl(d decimal.Decimal) string { return money.Format(d) }

// percent writes a ratio as a percentage with two decimals: 1.2857 gives
// "128,57 %". The ratio has four places, so the product is exact.
func percent(r decimal.Decimal) string {
	return strings.Replace(r.Mul(decimal.NewFromInt(100)).StringFixed(2), ".", ",", 1) + " %"
}

func printSummary(p *printer, s report.Summary) {
	p.printf("RESUMO POR CAMPANHA\n")
	rows := [][]string{{"Campanha", "Categoria", "Vendas", "Ativações", "Subtotal", "Desc. campanha", "Outros desc.", "Total desc.", "Líquido", "Brindes"}}
	for _, r := range s.Rows {
		cat := r.Category
		if cat == "" {
			cat = "-"
		}
		rows = append(rows, []string{r.Name, cat, fmt.Sprint(r.Sales), fmt.Sprint(r.Activations), brl(r.Gross),
			brl(r.CampaignDiscount), brl(r.OtherDiscounts), brl(r.Discount), brl(r.Net), fmt.Sprint(r.Gifts)})
	}
	p.table(rows, 2)
	for _, t := range s.Totals {
		p.printf("\nTotal do dia %02d/%02d/%04d: %d vendas, %d com campanha; subtotal R$ %s, descontos R$ %s, líquido R$ %s\n",
			t.From.Day, int(t.From.Month), t.From.Year, t.Sales, t.Activated, brl(t.Gross), brl(t.Discount), brl(t.Net))
	}
}

func printFrequency(p *printer, f report.Frequency) {
	p.printf("FREQUÊNCIA POR LOJA\n")
	rows := [][]string{{"Loja", "Vendas", "Vendas c/ ativação", "Ativações", "Frequência"}}
	for _, r := range f.Stores {
		rows = append(rows, []string{r.Store, fmt.Sprint(r.Sales), fmt.Sprint(r.Activated), fmt.Sprint(r.Activations), percent(r.Frequency)})
	}
	rows = append(rows, []string{"Total", fmt.Sprint(f.Sales), fmt.Sprint(f.Activated), fmt.Sprint(f.Activations), percent(f.Frequency)})
	p.table(rows, 1)
	p.printf("\nIncidência: campanhas ativadas em %d de %d lojas (%s)\n", f.StoresActivated, f.StoresSeen, percent(f.Incidence))
}
