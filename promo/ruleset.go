package promo

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	// The zone database is embedded so that the default zone does not
	// depend on the host's files.
	_ "time/tzdata"

	"github.com/shopspring/decimal"
)

// DefaultLocation is the time zone of a ruleset whose settings name none.
const DefaultLocation = "America/Sao_Paulo"

// Settings are the ruleset-wide settings the kernel uses.
type Settings struct {
	// Rounding is how amounts are rounded to cents; the zero value is HalfEven.
	Rounding RoundingMode
	// Location is the ruleset's time zone: calendar days, ISO weeks and
	// months (ages, birthdays, limit periods, cashback availability and
	// expiry, issued codes' validity, purchase-block days) are those of
	// the sale's instant in it, whatever offset the cart writes the instant
	// with. Nil means DefaultLocation.
	Location *time.Location
	// CashbackValue is what R$ 1,00 of cashback earned is worth to the
	// customer and PointValue what one loyalty point is worth, in reais:
	// non-cumulative campaigns compete by their discount, the gifts still
	// to add, and their cashback and points at these values. Zero: they
	// count for nothing.
	CashbackValue decimal.Decimal
	PointValue    decimal.Decimal
	// NearMissAmount and NearMissQuantity switch on near misses
	// (Result.NearMisses): the campaigns that would apply if the cart had
	// at most this much more value, or these many more whole units. Zero:
	// none of that kind.
	NearMissAmount   decimal.Decimal
	NearMissQuantity int64
	// Associations group cumulative campaigns of which a criterion picks
	// the one that applies. A campaign is in at most one association.
	Associations []Association
	// Limits bound the carts the ruleset evaluates; zero fields take their
	// defaults.
	Limits Limits
}

// Ruleset is a compiled, validated and indexed set of promotions. It is
// immutable and safe for concurrent use. Build one with NewRuleset (or
// campaign.Compile from JSON definitions).
type Ruleset struct {
	settings Settings
	loc      *time.Location
	promos   []Promotion // pipeline order (see before)
	infos    []*Info     // the promotions' own when they lend it (InfoRef)
	byID     map[string]int32
	byCode   keyIndex[int32]
	bySKU    keyIndex[int32]
	byCat    keyIndex[int32]
	cartWide []int32
	// restricts lists, in pipeline order, the promotions that may give
	// purchase blocks or tallies (Restricting).
	restricts []int32
	assocs    []association // in id order, the order they are decided in
	// assocOf maps a member of an association (a pipeline index) to the
	// association's index in assocs.
	assocOf map[int32]int32
	// parts lists, by pipeline index of a campaign, the pipeline indexes
	// of its parts (its cashback and points earning).
	parts map[int32][]int32
}

// NewRuleset indexes promotions for Evaluate. Ids must be unique and not
// empty. The order of promos does not matter: the price phases run first
// and the post phases last, and between them the item and sale promotions
// run by priority (lower first), then phase, then id.
func NewRuleset(s Settings, promos ...Promotion) (*Ruleset, error) {
	r := &Ruleset{
		settings: s,
		promos:   append([]Promotion(nil), promos...),
		byID:     make(map[string]int32, len(promos)),
	}
	r.loc = s.Location
	if r.loc == nil {
		loc, err := time.LoadLocation(DefaultLocation)
		if err != nil {
			return nil, fmt.Errorf("promo: loading %s: %w", DefaultLocation, err)
		}
		r.loc = loc
	}
	r.sortPipeline()
	problems := s.Limits.Check("settings.limits")
	r.settings.Limits = s.Limits.Resolve()
	problems = append(problems, r.index()...)
	for i, in := range r.infos {
		if ci, ok := r.byID[in.PartOf]; ok && in.PartOf != "" {
			if r.parts == nil {
				r.parts = map[int32][]int32{}
			}
			r.parts[ci] = append(r.parts[ci], int32(i))
		}
	}
	if len(problems) == 0 {
		problems = r.resolveAssociations(s.Associations)
	}
	if len(problems) > 0 {
		return nil, &ValidationError{What: "ruleset", Problems: problems}
	}
	r.settings.Associations = slices.Clone(s.Associations)
	return r, nil
}

// sortPipeline reads the promotions' Info and puts the promotions in
// pipeline order.
func (r *Ruleset) sortPipeline() {
	r.infos = make([]*Info, len(r.promos))
	for i, p := range r.promos {
		if ref, ok := p.(InfoRef); ok {
			r.infos[i] = ref.InfoRef()
		} else {
			in := p.Info()
			r.infos[i] = &in
		}
	}
	idx := make([]int, len(r.promos))
	for i := range idx {
		idx[i] = i
	}
	// Ids are unique (or the ruleset is refused): pipelineOrder is a
	// total order, so no tie is left for the sort to break.
	slices.SortFunc(idx, func(a, b int) int { return pipelineOrder(r.infos[a], r.infos[b]) })
	sortedP := make([]Promotion, len(idx))
	sortedI := make([]*Info, len(idx))
	for k, i := range idx {
		sortedP[k], sortedI[k] = r.promos[i], r.infos[i]
	}
	r.promos, r.infos = sortedP, sortedI
}

// index maps the promotions' ids to their place in the pipeline and
// indexes them by the keys they can match; it returns the problems of
// their ids (empty, duplicate).
func (r *Ruleset) index() []Problem {
	var problems []Problem
	for i, in := range r.infos {
		if in.ID == "" {
			problems = append(problems, Problem{Path: fmt.Sprintf("promotions[%d]", i), Reason: "empty id"})
			continue
		}
		if _, dup := r.byID[in.ID]; dup {
			problems = append(problems, Problem{Path: in.ID, Reason: "duplicate id"})
			continue
		}
		r.byID[in.ID] = int32(i)
		if x, ok := r.promos[i].(Restricting); !ok || x.Restricts() {
			r.restricts = append(r.restricts, int32(i))
		}
		k := r.promos[i].Keys()
		if k.CartWide {
			r.cartWide = append(r.cartWide, int32(i))
			continue
		}
		for _, c := range k.ProductCodes {
			r.byCode.add(c, int32(i))
		}
		for _, c := range k.SKUs {
			r.bySKU.add(c, int32(i))
		}
		for _, c := range k.Categories {
			r.byCat.add(strings.Trim(c, "/"), int32(i))
		}
	}
	r.byCode.seal()
	r.bySKU.seal()
	r.byCat.seal()
	return problems
}

// pipelineOrder orders promotions in the pipeline (negative when a comes
// first). The price phases (exchange, markdown) come first and the post
// phases (redemption, earning) last, each by phase, priority, id; between
// them the item and sale phases run together by priority (lower first),
// then phase (items before the sale), then id: "as campanhas com
// prioridade mais baixa (por exemplo, 0) serão ativadas primeiro".
func pipelineOrder(a, b *Info) int {
	if c := cmp.Compare(lane(a.Phase), lane(b.Phase)); c != 0 {
		return c
	}
	if lane(a.Phase) == 1 {
		return cmp.Or(cmp.Compare(a.Priority, b.Priority), cmp.Compare(a.Phase, b.Phase), strings.Compare(a.ID, b.ID))
	}
	return cmp.Or(cmp.Compare(a.Phase, b.Phase), cmp.Compare(a.Priority, b.Priority), strings.Compare(a.ID, b.ID))
}

// lane groups the phases: 0 the price phases, 1 item and sale, 2 the post
// phases.
func lane(p Phase) int {
	switch {
	case p <= PhaseMarkdown:
		return 0
	case p <= PhaseSale:
		return 1
	}
	return 2
}

// Location returns the ruleset's time zone (Settings.Location, or
// DefaultLocation).
func (r *Ruleset) Location() *time.Location { return r.loc }

// Settings returns the ruleset's settings (a copy).
func (r *Ruleset) Settings() Settings {
	s := r.settings
	s.Associations = slices.Clone(s.Associations)
	return s
}

// Len returns the number of promotions.
func (r *Ruleset) Len() int { return len(r.promos) }

// Promotions returns the promotions in pipeline order (a new slice).
func (r *Ruleset) Promotions() []Promotion { return append([]Promotion(nil), r.promos...) }

// Promotion returns the promotion with the given id.
func (r *Ruleset) Promotion(id string) (Promotion, bool) {
	i, ok := r.byID[id]
	if !ok {
		return nil, false
	}
	return r.promos[i], true
}

// namesLine reports whether a promotion after the markdown phase (not a
// part of another), within its dates at t, is indexed under the line's
// product code, SKU or category.
func (r *Ruleset) namesLine(l *Line, t time.Time) bool {
	live := func(ps []int32) bool {
		for _, pi := range ps {
			in := r.infos[pi]
			// A part (a campaign's or a markdown's cashback, its bonus
			// points) names lines only through what it is part of.
			if in.Phase > PhaseMarkdown && in.PartOf == "" && (in.Start.IsZero() || !t.Before(in.Start)) && (in.End.IsZero() || !t.After(in.End)) {
				return true
			}
		}
		return false
	}
	if (l.ProductCode != "" && live(r.byCode.get(l.ProductCode))) || (l.SKU != "" && live(r.bySKU.get(l.SKU))) {
		return true
	}
	if l.Category == "" {
		return false
	}
	path := strings.Trim(l.Category, "/")
	for {
		if live(r.byCat.get(path)) {
			return true
		}
		j := strings.LastIndexByte(path, '/')
		if j == -1 { // the top level
			return false
		}
		path = path[:j]
	}
}

// candidates returns, in pipeline order, the promotions that can match the
// cart: the cart-wide ones and those whose keys a line carries. Its work
// grows with the lines and the matches, not with the size of the ruleset.
func (r *Ruleset) candidates(c *Cart) []int32 {
	out := append([]int32(nil), r.cartWide...)
	for li := range c.Lines {
		l := &c.Lines[li]
		if l.ProductCode != "" {
			out = append(out, r.byCode.get(l.ProductCode)...)
		}
		if l.SKU != "" {
			out = append(out, r.bySKU.get(l.SKU)...)
		}
		if l.Category != "" {
			path := strings.Trim(l.Category, "/")
			for {
				out = append(out, r.byCat.get(path)...)
				j := strings.LastIndexByte(path, '/')
				if j == -1 { // the top level
					break
				}
				path = path[:j]
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Counted is implemented by promotions with activation limits: CounterKeys
// returns the keys of History.Counters they read for a cart.
type Counted interface {
	CounterKeys(c *Cart) []string
}

// CounterKeys returns, sorted and without repeats, the History.Counters
// keys an evaluation of c may read, so that the host fetches just those
// before calling Evaluate.
func (r *Ruleset) CounterKeys(c *Cart) []string {
	local := *c
	local.Time = c.Time.In(r.loc)
	var keys []string
	for _, ci := range r.candidates(&local) {
		if k, ok := r.promos[ci].(Counted); ok {
			keys = append(keys, k.CounterKeys(&local)...)
		}
	}
	sort.Strings(keys)
	return slices.Compact(keys)
}

// Only returns a ruleset with just the promotions named by ids, the parts
// of those (their cashback and points earning) and the programs that
// belong to no campaign (the cashback wallet, a points program): a dry run
// of some campaigns on a cart, as a back office simulates a campaign before
// launching it (validação do cadastro de campanha). Associations keep the
// named members; one left with fewer than two members is dropped. An
// unknown id is an error.
func (r *Ruleset) Only(ids ...string) (*Ruleset, error) {
	var problems []Problem
	for i, id := range ids {
		if _, ok := r.byID[id]; !ok {
			problems = append(problems, Problem{Path: fmt.Sprintf("ids[%d]", i), Reason: fmt.Sprintf("unknown promotion %q", id)})
		}
	}
	if len(problems) > 0 {
		return nil, &ValidationError{What: "selection", Problems: problems}
	}
	var keep []Promotion
	for i, p := range r.promos {
		in := r.infos[i]
		if slices.Contains(ids, in.ID) || (in.PartOf != "" && slices.Contains(ids, in.PartOf)) || (in.Program && in.PartOf == "") {
			keep = append(keep, p)
		}
	}
	s := r.settings
	s.Associations = nil
	for _, a := range r.settings.Associations {
		var members []string
		for _, m := range a.Members {
			if slices.Contains(ids, m) {
				members = append(members, m)
			}
		}
		if len(members) >= 2 {
			a.Members = members
			s.Associations = append(s.Associations, a)
		}
	}
	return NewRuleset(s, keep...)
}
