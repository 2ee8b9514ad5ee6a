package loyalty

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// JuntosSomosMais is the program name events carry.
const JuntosSomosMais = "juntos_somos_mais"

// ProgramID is the id of the program's promotion in a ruleset.
const ProgramID = "loyalty/" + JuntosSomosMais

// Scoring is how a points table scores a participating brand's items
// (forma de pontuação). The zero value is PerReal.
type Scoring uint8

const (
	// PerReal scores points per R$ 1.00 the items cost after every
	// discount.
	PerReal Scoring = iota
	// PerUnit scores points per unit bought (per kg or metre of a weighed
	// line), whatever it cost, as long as it cost something.
	PerUnit
)

// String returns "per_real" or "per_unit".
func (s Scoring) String() string {
	if s == PerUnit {
		return "per_unit"
	}
	return "per_real"
}

// Table is one store's points table (tabela de pontuação): points per real
// spent on the participating brands, or per unit of them, with per-brand
// rates.
type Table struct {
	// Store is the store id; "*" is the table of stores without their own.
	Store string
	// Scoring says whether the rates are per real or per unit.
	Scoring Scoring
	// PerReal is the points per R$ 1.00 (PerReal scoring) or per unit
	// (PerUnit scoring) of a participating brand's items.
	PerReal decimal.Decimal
	// Brands overrides PerReal for some brands, by name, in the table's
	// scoring. Names are compared ignoring case and surrounding spaces;
	// two names that fold to the same one are an error of the caller (the
	// compiler rejects them).
	Brands map[string]decimal.Decimal
}

// fold is how brand names are compared.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Program is the Juntos Somos Mais points program of a ruleset.
type Program struct {
	brands []string // participating brands, lower case
	tables []Table
}

// NewProgram returns the program for the participating brands and the
// stores' tables.
func NewProgram(brands []string, tables []Table) *Program {
	p := &Program{}
	for _, b := range brands {
		p.brands = append(p.brands, fold(b))
	}
	for _, t := range tables {
		folded := make(map[string]decimal.Decimal, len(t.Brands))
		for name, r := range t.Brands { // re-keying a map: no output depends on the order
			folded[fold(name)] = r
		}
		t.Brands = folded
		p.tables = append(p.tables, t)
	}
	return p
}

// Info describes the program's promotion.
func (p *Program) Info() promo.Info {
	return promo.Info{ID: ProgramID, Name: "Juntos Somos Mais", Phase: promo.PhaseEarning, Program: true}
}

// Keys makes the program look at every cart.
func (p *Program) Keys() promo.Keys { return promo.Keys{CartWide: true} }

// ReasonPointsEarned notes the points the program scored.
const ReasonPointsEarned promo.ReasonCode = "points_earned"

// ReasonNoProfessional means the sale names no professional CPF to score.
const ReasonNoProfessional promo.ReasonCode = "professional_cpf_missing"

// ReasonNoTable means the store has no points table.
const ReasonNoTable promo.ReasonCode = "no_points_table"

// ReasonNoPoints means no participating brand's item, or too little to make one
// point.
const ReasonNoPoints promo.ReasonCode = "no_points"

func (p *Program) table(store string) (Table, bool) {
	for _, want := range []string{store, "*"} {
		for _, t := range p.tables {
			if t.Store == want {
				return t, true
			}
		}
	}
	return Table{}, false
}

// BasePoints returns the points the sale scores in its store: for each
// participating brand's line, its value at the earning phase (or, in a
// table that scores per unit, its quantity) times its rate, summed and
// rounded down to whole points. False when the store has no table.
func (p *Program) BasePoints(v *promo.View) (decimal.Decimal, bool) {
	pts, _, ok := p.basePoints(v)
	return pts, ok
}

// scored is a line as scoring sees it.
type scored struct {
	id, brand       string
	quantity, value decimal.Decimal
}

// basePoints also returns what each scoring line counted.
func (p *Program) basePoints(v *promo.View) (decimal.Decimal, []promo.LineWeight, bool) {
	order := make([]int, v.Len())
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return v.Rank(order[a]) < v.Rank(order[b]) })
	lines := make([]scored, len(order))
	for k, i := range order { // line-id order: the weights do not depend on the cart's order
		l := v.Line(i)
		lines[k] = scored{id: l.ID, brand: l.Brand, quantity: l.Quantity, value: v.Value(i)}
	}
	return p.score(v.Cart().Store.ID, lines)
}

// score scores lines (in line-id order) in a store's table.
func (p *Program) score(store string, lines []scored) (decimal.Decimal, []promo.LineWeight, bool) {
	t, ok := p.table(store)
	if !ok {
		return decimal.Zero, nil, false
	}
	var weights []promo.LineWeight
	sum := decimal.Zero
	for _, l := range lines {
		brand := fold(l.brand)
		if brand == "" || !slices.Contains(p.brands, brand) || l.value.Sign() <= 0 {
			continue
		}
		rate := t.PerReal
		if r, ok := t.Brands[brand]; ok {
			rate = r
		}
		base := l.value
		if t.Scoring == PerUnit {
			base = l.quantity
		}
		w := base.Mul(rate)
		if w.Sign() > 0 {
			weights = append(weights, promo.LineWeight{Line: l.id, Weight: w})
		}
		sum = sum.Add(w)
	}
	return sum.Floor(), weights, true
}

// Apply scores the sale for the professional.
func (p *Program) Apply(v *promo.View) promo.Proposal {
	cpf := v.Cart().Professional
	if cpf.IsZero() {
		return promo.NotEligible(promo.Reason{Code: ReasonNoProfessional,
			PT: "nenhum CPF de profissional informado na venda", EN: "no professional CPF given at the sale"})
	}
	base, weights, ok := p.basePoints(v)
	if !ok {
		return promo.NotEligible(promo.Reason{Code: ReasonNoTable,
			PT: "a loja " + v.Cart().Store.ID + " não tem tabela de pontuação", EN: "store " + v.Cart().Store.ID + " has no points table"})
	}
	if base.Sign() <= 0 {
		return promo.NotEligible(promo.Reason{Code: ReasonNoPoints,
			PT: "nenhum ponto: sem itens das marcas participantes", EN: "no points: no items of participating brands"})
	}
	return promo.Proposal{Eligible: true, Occurrences: 1, RecordOnly: true,
		Reasons: []promo.Reason{{Code: ReasonPointsEarned,
			PT: fmt.Sprintf("%s pontos Juntos Somos Mais", base), EN: fmt.Sprintf("%s Juntos Somos Mais points", base)}},
		Events: []promo.Event{{Kind: promo.EventPoints, Program: JuntosSomosMais, Professional: cpf, Points: base, Weights: weights}},
	}
}
