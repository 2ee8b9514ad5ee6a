package promo

import (
	"slices"

	"github.com/shopspring/decimal"
)

// UnitRun is a run of alike units of one line: they still cost the same,
// and they are in the same state (taken by a grouped occurrence or not).
// The kernel keeps every countable line as a few runs, never one record
// per unit: a line of a million units that a "leve 3 pague 2" went through
// is three runs (the free units, the paid members, the rest).
//
// A line starts as one run of all its units, each costing the line's value
// over its quantity. A promotion that discounts some units of a run (a free
// unit, the most expensive unit) splits it; a promotion that discounts the
// whole line lowers every unit in proportion to what it still costs, so a
// free unit stays at zero and nothing more is taken from it.
//
// Weighed lines (and lines with a fractional quantity) have no runs: they
// never take part in unit counting.
type UnitRun struct {
	// Line is the line's index in the cart.
	Line int
	// Run is the run's index within the line, by which a proposal names it
	// (Proposed.Run, RunUnits.Run). It is valid only during the Apply call
	// whose View returned it.
	Run int
	// Units is how many units the run holds.
	Units int64
	// Each is what one of its units still costs, at working precision (not
	// rounded to cents).
	Each decimal.Decimal
	// Grouped reports that the units took part, as paid or free members, in
	// an occurrence of a grouped promotion (a "leve N pague M", a kit, a
	// group of a minimum quantity): no occurrence of another grouped
	// promotion may take them; a cumulative percentage or amount still may.
	Grouped bool
}

// RunUnits names units of one run of a line (see View.Runs).
type RunUnits struct {
	Line  int
	Run   int
	Units int64
}

// unitRun is the kernel's record of a run: nom is a nominal unit cost; the
// real one is the line's value × nom / Σ units × nom, so the line's value
// (in cents, after rounding) stays the authority and the runs only give
// its shape.
type unitRun struct {
	units   int64
	nom     decimal.Decimal
	grouped bool
}

// lineRuns is the shape of one line; runs nil means one run of every unit,
// alike and not grouped.
type lineRuns struct {
	runs []unitRun
	sum  decimal.Decimal // Σ units × nom
}

// each returns what one unit of run r costs when the line is worth value.
func (lr *lineRuns) each(r int, value decimal.Decimal) decimal.Decimal {
	nom := lr.runs[r].nom
	if lr.sum.Equal(value) {
		return nom
	}
	if lr.sum.IsZero() {
		// Nothing left in the shape (no nominal cost is negative): every
		// unit alike.
		var n int64
		for _, x := range lr.runs {
			n += x.units
		}
		return value.DivRound(decimal.NewFromInt(n), workPlaces)
	}
	if nom.IsZero() {
		return decimal.Zero // a free unit (no work for the arithmetic)
	}
	return value.Mul(nom).DivRound(lr.sum, workPlaces)
}

// Runs returns the runs of line i, in a canonical order (dearest first,
// then the ungrouped before the grouped). A weighed line has none.
func (v *View) Runs(i int) []UnitRun { return v.AppendRuns(nil, i) }

// AppendRuns appends the runs of line i to dst and returns it (see Runs).
func (v *View) AppendRuns(dst []UnitRun, i int) []UnitRun {
	l := &v.cart.Lines[i]
	if !l.Countable() { // a quantity is positive (validateCart)
		return dst
	}
	lr := v.shape(i)
	if lr == nil || lr.runs == nil {
		return append(dst, UnitRun{Line: i, Units: l.Quantity.IntPart(), Each: v.UnitValue(i)})
	}
	for k, r := range lr.runs {
		dst = append(dst, UnitRun{Line: i, Run: k, Units: r.units, Each: lr.each(k, v.value[i]), Grouped: r.grouped})
	}
	return dst
}

// UngroupedUnits returns how many units of line i no grouped occurrence has
// taken yet and still cost something: the units a grouped promotion may
// still form occurrences with.
func (v *View) UngroupedUnits(i int) int64 {
	var n int64
	for _, r := range v.AppendRuns(nil, i) {
		if !r.Grouped && r.Each.Sign() > 0 {
			n += r.Units
		}
	}
	return n
}

func (v *View) shape(i int) *lineRuns {
	if v.units == nil || *v.units == nil {
		return nil
	}
	return &(*v.units)[i]
}

// piece is what one proposal does to some units of one run.
type piece struct {
	run   int
	units int64
	off   decimal.Decimal // what comes off them in all
}

// reshape applies a proposal's pieces and grouped marks to line i, whose
// value was before (the value the promotion saw) and is now r.value[i].
// Pieces and marks name runs as the View showed them.
func (r *run) reshape(ev *evaluation, i int, before decimal.Decimal, pieces []piece, marks []RunUnits) {
	if r.units == nil {
		r.units = make([]lineRuns, len(ev.cart.Lines))
	}
	lr := &r.units[i]
	l := &ev.cart.Lines[i]
	q := l.Quantity.IntPart()
	// The runs as the promotion saw them, at what each unit really cost.
	type cur struct {
		unitRun
		each decimal.Decimal
	}
	var old []cur
	if lr.runs == nil {
		each := before
		if q != 1 {
			each = before.DivRound(l.Quantity, workPlaces)
		}
		old = []cur{{unitRun{units: q, nom: each}, each}}
	} else {
		old = make([]cur, len(lr.runs))
		for k, x := range lr.runs {
			old[k] = cur{x, lr.each(k, before)}
		}
	}
	// Carve each run: the pieces take its first units, in order (a piece
	// has units: take keeps no other), then the marks make its first units
	// grouped.
	var out []unitRun
	for k, o := range old {
		var g int64
		for _, m := range marks {
			if m.Run == k {
				g += m.Units
			}
		}
		g = max(g, 0)
		left := o.units
		for _, p := range pieces {
			if p.run != k || left == 0 {
				continue
			}
			n := min(p.units, left)
			left -= n
			nom := decimal.Zero
			if off := p.off; off.LessThan(o.each.Mul(decimal.NewFromInt(n))) {
				// off/n < each, which has at most workPlaces places: nom
				// is not negative.
				nom = o.each.Sub(off.DivRound(decimal.NewFromInt(n), workPlaces))
			}
			out = appendMarked(out, n, nom, o.grouped, &g)
		}
		out = appendMarked(out, left, o.each, o.grouped, &g)
	}
	lr.set(out)
}

// appendMarked appends n units costing nom each to out, the first g of
// them (g goes down by those) grouped, the rest grouped as before. It is
// the one place that keeps runs of no unit out (n and g are not negative).
func appendMarked(out []unitRun, n int64, nom decimal.Decimal, grouped bool, g *int64) []unitRun {
	m := min(*g, n)
	*g -= m
	if m != 0 {
		out = append(out, unitRun{units: m, nom: nom, grouped: true})
	}
	if n != m {
		out = append(out, unitRun{units: n - m, nom: nom, grouped: grouped})
	}
	return out
}

// set stores runs in canonical order (dearest first, ungrouped before
// grouped), merging alike ones; one ungrouped run is stored as nil.
func (lr *lineRuns) set(runs []unitRun) {
	slices.SortStableFunc(runs, func(a, b unitRun) int {
		if c := b.nom.Cmp(a.nom); c != 0 {
			return c
		}
		switch {
		case a.grouped == b.grouped:
			return 0
		case !a.grouped:
			return -1
		}
		return 1
	})
	merged := runs[:0]
	for _, x := range runs {
		if n := len(merged); n > 0 && merged[n-1].grouped == x.grouped && merged[n-1].nom.Equal(x.nom) {
			merged[n-1].units += x.units
			continue
		}
		merged = append(merged, x)
	}
	if len(merged) == 1 && !merged[0].grouped {
		lr.runs, lr.sum = nil, decimal.Zero
		return
	}
	lr.runs = merged
	lr.sum = decimal.Zero
	for _, x := range merged {
		lr.sum = lr.sum.Add(x.nom.Mul(decimal.NewFromInt(x.units)))
	}
}
