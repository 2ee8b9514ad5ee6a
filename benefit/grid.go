package benefit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// GridRow is one row of a grid of item percents: the lines whose attribute
// is Code, Quantity units of them (0: every unit) at Percent off.
type GridRow struct {
	Code string
	// Quantity is both the minimum of whole units the row needs and how
	// many of them get the percent; 0 gives it to every unit, weighed
	// lines included.
	Quantity int64
	// Percent is between 0 and 100.
	Percent decimal.Decimal
}

// grid is a percent per row of codes (the Desconto Pack manual's grid of
// an items prize: código, quantidade, desconto %).
type grid struct {
	attr func(*promo.Line) string
	rows []GridRow
}

// PercentGrid gives, for each row, its percent off the units of the lines
// whose attribute (attr) is the row's code: with a quantity, that many
// units (Scope.Select Highest: the most expensive, Lowest: the cheapest),
// once the row's lines hold at least that many whole units; without, every
// unit. Rows apply independently; the benefit applies when one row does,
// otherwise it fails with the first row's shortfall. Scope.MaxUnits caps
// the units of all the rows together: the most expensive first (the
// cheapest with Lowest), whole units only once it binds.
func PercentGrid(attr func(*promo.Line) string, rows ...GridRow) Benefit {
	return grid{attr: attr, rows: slices.Clone(rows)}
}

func (grid) sealed()            {}
func (grid) Phase() promo.Phase { return promo.PhaseItem }

// gridPick is a piece of a row's units that gets the row's percent.
type gridPick struct {
	picked
	row   int
	whole bool // every unit of the line, as one amount (units: the line's count)
}

func (b grid) Apply(v *promo.View, s Scope) promo.Proposal {
	var picks []gridPick
	var short promo.Reason
	for r, row := range b.rows {
		var lines []int
		for _, i := range valued(v, s.Lines) {
			if b.attr(v.Line(i)) == row.Code {
				lines = append(lines, i)
			}
		}
		if len(lines) == 0 {
			if short.Code == "" {
				short = promo.Reason{Code: promo.ReasonNoEligibleItems,
					PT: "nenhum item de " + row.Code + " com valor a descontar", EN: "no item of " + row.Code + " with a value to discount"}
			}
			continue
		}
		if row.Quantity == 0 {
			for _, i := range lines {
				picks = append(picks, gridPick{picked: picked{line: i, units: UnitsOf(v.Line(i))}, row: r, whole: true})
			}
			continue
		}
		if got := rulesUnits(v, lines); got < row.Quantity {
			if short.Code == "" || short.Code == promo.ReasonNoEligibleItems {
				short = promo.Reason{Code: promo.ReasonMinQuantity,
					PT:      fmt.Sprintf("%s: quantidade mínima de %d unidades não atingida: faltam %d", row.Code, row.Quantity, row.Quantity-got),
					EN:      fmt.Sprintf("%s: minimum quantity of %d units not reached: %d missing", row.Code, row.Quantity, row.Quantity-got),
					Missing: shortOf(v, lines, row.Quantity-got)}
			}
			continue
		}
		sel := selectUnits(v, lines, plan{pick: row.Quantity, fromTop: s.Select != Lowest})
		for _, pk := range sel.picked {
			picks = append(picks, gridPick{picked: pk, row: r})
		}
	}
	if len(picks) == 0 {
		if short.Code == "" {
			short = noEligible()
		}
		return promo.NotEligible(short)
	}
	var units int64
	for _, pk := range picks {
		units += pk.units
	}
	p := promo.Proposal{Eligible: true, Occurrences: 1}
	if s.MaxUnits > 0 && units > s.MaxUnits {
		picks = b.cut(v, picks, s.MaxUnits, s.Select == Lowest)
		p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonLimitUnits,
			PT: fmt.Sprintf("limite de itens: só %d %s %s o desconto", s.MaxUnits, plural(int(s.MaxUnits), "unidade", "unidades"), plural(int(s.MaxUnits), "recebe", "recebem")),
			EN: fmt.Sprintf("item limit: only %d %s get the discount", s.MaxUnits, plural(int(s.MaxUnits), "unit", "units"))})
	}
	hundred := decimal.NewFromInt(100)
	for _, pk := range picks {
		pct := b.rows[pk.row].Percent
		if pk.whole {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: pk.line, Kind: promo.ItemDiscount,
				Amount: v.Value(pk.line).Mul(pct).DivRound(hundred, 12)})
		} else {
			p.Adjustments = append(p.Adjustments, promo.Proposed{Line: pk.line, Kind: promo.ItemDiscount, Run: pk.run, Units: pk.units,
				Amount: pk.each.Mul(decimal.NewFromInt(pk.units)).Mul(pct).DivRound(hundred, 12)})
		}
		p.Units += pk.units
	}
	return p
}

// cut keeps max whole units of the picks, the most expensive first (the
// cheapest with lowest; ties by line id, then run): a whole-line pick is
// split into its runs, and weighed lines take no part.
func (b grid) cut(v *promo.View, picks []gridPick, max int64, lowest bool) []gridPick {
	var units []gridPick
	for _, pk := range picks {
		if !pk.whole {
			units = append(units, pk)
			continue
		}
		for _, r := range v.Runs(pk.line) { // none for a weighed line
			if r.Each.Sign() > 0 {
				units = append(units, gridPick{picked: picked{line: r.Line, run: r.Run, units: r.Units, each: r.Each}, row: pk.row})
			}
		}
	}
	slices.SortStableFunc(units, func(a, c gridPick) int {
		price := c.each.Cmp(a.each) // the dearest first
		if lowest {
			price = -price
		}
		return cmp.Or(price, cmp.Compare(v.Rank(a.line), v.Rank(c.line)), cmp.Compare(a.run, c.run))
	})
	var out []gridPick
	for _, u := range units {
		if max == 0 { // max only goes down to 0
			break
		}
		u.units = min(u.units, max)
		max -= u.units
		out = append(out, u)
	}
	slices.SortStableFunc(out, func(a, c gridPick) int { return cmp.Compare(a.line, c.line) })
	return out
}

// rulesUnits counts the whole units of the countable lines among lines
// that still cost something.
func rulesUnits(v *promo.View, lines []int) int64 {
	var n int64
	for _, i := range lines {
		if l := v.Line(i); l.Countable() {
			n += l.Quantity.IntPart()
		}
	}
	return n
}
