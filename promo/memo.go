package promo

// memo holds what the families work out once per evaluation (View.Memo).
// One evaluation runs on one goroutine, so it needs no lock.
type memo struct {
	values map[any]any
	lines  *lineKeys // the lines by key (View.LinesWithCode), built on first use
}

// Memo returns what f computes for key, computing it once per evaluation:
// the first call of an Evaluate computes it, the later ones of the same
// Evaluate — in any run of the pipeline, on any View the kernel hands out,
// Rebased or Subset — get the same value back. It is for what depends on
// the cart alone and never on what the promotions before did (Value, the
// runs, Applied): a family's judgement of the sale as rung up, such as the
// precedence between Desconto Pack tables, resolved once per sale instead
// of once per table. key must be comparable; a family uses a pointer to
// something of its own, so that keys never collide. A View the kernel did
// not make computes f every time.
func (v *View) Memo(key any, f func() any) any {
	if v.memo == nil {
		return f()
	}
	if x, ok := v.memo.values[key]; ok {
		return x
	}
	x := f()
	if v.memo.values == nil {
		v.memo.values = map[any]any{}
	}
	v.memo.values[key] = x
	return x
}
