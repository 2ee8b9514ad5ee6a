package campaign

// Campaign lifecycle (Reshop "Pesquisa", "Categoria", "Auditoria de
// campanha"): pure functions over definitions. They read and return
// definitions only; nothing here compiles or evaluates a campaign, and
// nothing reads the clock (the caller passes the instant).

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Status is where a campaign stands at an instant, judged by its dates
// alone, as Evaluate judges them: before its start it is scheduled, from its
// start to its (inclusive) end it is active, after its end it has ended.
type Status uint8

const (
	// StatusScheduled: the instant is before the campaign's start
	// (Evaluate's not_started).
	StatusScheduled Status = iota
	// StatusActive: the instant is at or after the start and at or before
	// the end (or the campaign has no end).
	StatusActive
	// StatusEnded: the instant is after the campaign's end (Evaluate's
	// ended).
	StatusEnded
)

// String returns "scheduled", "active" or "ended".
func (s Status) String() string {
	switch s {
	case StatusScheduled:
		return "scheduled"
	case StatusActive:
		return "active"
	case StatusEnded:
		return "ended"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// ParseStatus reads "scheduled", "active" or "ended" (what String writes).
func ParseStatus(s string) (Status, error) {
	for _, st := range []Status{StatusScheduled, StatusActive, StatusEnded} {
		if st.String() == s {
			return st, nil
		}
	}
	return 0, fmt.Errorf("unknown campaign status %q (want scheduled, active or ended)", s)
}

// StatusAt tells where campaign c stands at instant t. Its dates are read as
// the compiler reads them: RFC 3339 keeps its offset, local forms are read in
// the ruleset's settings.time_zone (default America/Sao_Paulo), and a
// date-only end is the last instant of that day. The start is inclusive and
// so is the end. c need not be one of r's campaigns: only r's settings are
// used. An unknown time zone, a missing start or a date that does not parse
// is an error.
func (r Ruleset) StatusAt(c Campaign, t time.Time) (Status, error) {
	loc, err := r.lcLocation()
	if err != nil {
		return 0, err
	}
	start, end, err := lcPeriod(&c, loc)
	if err != nil {
		return 0, err
	}
	return lcStatus(start, end, t), nil
}

// lcStatus mirrors Evaluate's date checks (promo/evaluate.go): before the
// start is not started, after a non-zero end is ended.
func lcStatus(start, end, t time.Time) Status {
	switch {
	case t.Before(start):
		return StatusScheduled
	case !end.IsZero() && t.After(end):
		return StatusEnded
	}
	return StatusActive
}

// lcLocation is the zone the ruleset's local dates are read in.
func (r Ruleset) lcLocation() (*time.Location, error) {
	tz := r.Settings.TimeZone
	if tz == "" {
		tz = DefaultTimeZone
	}
	loc, err := loadZone(tz)
	if err != nil {
		return nil, fmt.Errorf("settings.time_zone: %v", err)
	}
	return loc, nil
}

// lcPeriod reads a campaign's start and end; a zero end means no end.
func lcPeriod(c *Campaign, loc *time.Location) (start, end time.Time, err error) {
	start, end, err = lcDates(c.Start, c.End, loc)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("campaign %q: %w", c.ID, err)
	}
	return start, end, nil
}

// lcDates reads a start and an optional end with the compiler's rules.
func lcDates(startText, endText string, loc *time.Location) (start, end time.Time, err error) {
	if startText == "" {
		return time.Time{}, time.Time{}, fmt.Errorf("start: required")
	}
	if start, err = parseInstant(startText, loc, false); err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("start: %w", err)
	}
	if endText != "" {
		if end, err = parseInstant(endText, loc, true); err != nil {
			return time.Time{}, time.Time{}, fmt.Errorf("end: %w", err)
		}
	}
	return start, end, nil
}

// The campaign types Campaign.Type returns: the kind of benefit a campaign
// gives, as stable strings a host can store and filter on.
const (
	// TypeSalePercent is a percentage off the sale (desconto na venda, %).
	TypeSalePercent = "sale_percent"
	// TypeSaleAmount is a fixed amount off the sale (desconto na venda, R$).
	TypeSaleAmount = "sale_amount"
	// TypeItemPercent is a percentage off items (desconto no item, %).
	TypeItemPercent = "item_percent"
	// TypeItemAmount is an amount off each unit (desconto no item, R$).
	TypeItemAmount = "item_amount"
	// TypeFinalPrice is a new unit price (valor final do item).
	TypeFinalPrice = "final_price"
	// TypeFreeUnits is "leve N pague M" (quantidade).
	TypeFreeUnits = "free_units"
	// TypeNoBenefit is a campaign that gives nothing but records its
	// activation (não possui benefícios).
	TypeNoBenefit = "no_benefit"
	// TypeGift gives gift products (brinde).
	TypeGift = "gift"
	// TypeProgressive is a discount by quantity tiers (progressivo).
	TypeProgressive = "progressive"
	// TypeAgePercent is a percent by the customer's age (benefício Cliente).
	TypeAgePercent = "age_percent"
	// TypeFreight is a discount on the sale's freight (frete): a percent
	// (100: frete grátis), an amount off it or a final freight price.
	TypeFreight = "freight"
	// TypeExtras gives only extras: loyalty points (fidelidade), cashback
	// or a code for a later purchase (código promocional).
	TypeExtras = "extras"
	// TypeOther is every benefit the types above do not describe: kinds
	// added to the format later, or a benefit that does not set exactly one
	// kind with a matching "on".
	TypeOther = "other"
)

// lcTypes lists the Type constants.
func lcTypes() []string {
	return []string{TypeSalePercent, TypeSaleAmount, TypeItemPercent, TypeItemAmount, TypeFinalPrice, TypeFreeUnits,
		TypeNoBenefit, TypeGift, TypeProgressive, TypeAgePercent, TypeFreight, TypeExtras, TypeOther}
}

// Type is the campaign's benefit type, one of the Type constants, derived
// from the definition: no_benefit when NoBenefit is set; otherwise, when the
// benefit sets exactly one of percent, amount, final_price and free_units,
// that kind with its target (sale_percent, sale_amount on "sale";
// item_percent, item_amount, final_price, free_units on "items"); "other" in
// every remaining case, so that benefit kinds the format gains later are
// never mistaken for one of these.
func (c Campaign) Type() string {
	if c.NoBenefit {
		return TypeNoBenefit
	}
	b := &c.Benefit
	if *b == (Benefit{}) && c.Extras != nil {
		return TypeExtras
	}
	set, kind := 0, ""
	for _, k := range []struct {
		ok   bool
		name string
	}{
		{b.Percent != nil, "percent"},
		{b.Amount != nil, "amount"},
		{b.FinalPrice != nil, "final_price"},
		{b.FreeUnits != nil, "free_units"},
		{b.Gift != nil, "gift"},
		{b.Progressive != nil, "progressive"},
		{b.AgePercent != nil, "age_percent"},
	} {
		if k.ok {
			set++
			kind = k.name
		}
	}
	if set != 1 {
		return TypeOther
	}
	switch string(b.On) + "/" + kind {
	case "sale/percent":
		return TypeSalePercent
	case "sale/amount":
		return TypeSaleAmount
	case "items/percent":
		return TypeItemPercent
	case "items/amount":
		return TypeItemAmount
	case "items/final_price":
		return TypeFinalPrice
	case "items/free_units":
		return TypeFreeUnits
	case "items/gift":
		return TypeGift
	case "items/progressive", "sale/progressive":
		return TypeProgressive
	case "items/age_percent", "sale/age_percent":
		return TypeAgePercent
	case "freight/percent", "freight/amount", "freight/final_price":
		return TypeFreight
	}
	return TypeOther
}

// Filter selects campaigns in Ruleset.Search (pesquisa de campanhas). Every
// field left at its zero value does not filter; the fields set must all
// hold. Date bounds are inclusive and compare instants, the campaign's dates
// being read as StatusAt reads them.
type Filter struct {
	// Type keeps the campaigns whose Campaign.Type is this (one of the Type
	// constants; any other string is an error).
	Type string
	// Category keeps the campaigns whose category id is this, exactly.
	Category string
	// Status keeps the campaigns with this status at At; it requires At.
	Status *Status
	// At is the instant Status is judged at; on its own it filters nothing.
	At time.Time
	// StartsFrom and StartsUntil bound the campaign's start.
	StartsFrom, StartsUntil time.Time
	// EndsFrom and EndsUntil bound the campaign's end. A campaign with no
	// end never ends: it passes EndsFrom and fails EndsUntil.
	EndsFrom, EndsUntil time.Time
	// Text keeps the campaigns whose id, name or description contains it,
	// ignoring case (Unicode lower case; accents are compared as written).
	Text string
}

// Search returns the campaigns that pass f, ordered by priority (lower
// first), then id, then their position in r: the same ruleset and filter
// always give the same list. The campaigns returned are deep copies: changing
// them does not change r. A campaign's dates are read only when f filters by
// status or date; one that does not parse then makes Search fail, naming the
// campaign. Status without At, an unknown Status value or an unknown Type is
// an error.
func (r Ruleset) Search(f Filter) ([]Campaign, error) {
	if f.Type != "" && !slices.Contains(lcTypes(), f.Type) {
		return nil, fmt.Errorf("filter: unknown campaign type %q (want one of %s)", f.Type, strings.Join(lcTypes(), ", "))
	}
	if f.Status != nil {
		if *f.Status > StatusEnded {
			return nil, fmt.Errorf("filter: unknown campaign status %d", *f.Status)
		}
		if f.At.IsZero() {
			return nil, fmt.Errorf("filter: status %s needs the instant At to judge it at", *f.Status)
		}
	}
	dated := f.Status != nil || !f.StartsFrom.IsZero() || !f.StartsUntil.IsZero() ||
		!f.EndsFrom.IsZero() || !f.EndsUntil.IsZero()
	var loc *time.Location
	if dated {
		var err error
		if loc, err = r.lcLocation(); err != nil {
			return nil, err
		}
	}
	text := strings.ToLower(f.Text)
	type hit struct {
		c   *Campaign
		pos int
	}
	var hits []hit
	for i := range r.Campaigns {
		c := &r.Campaigns[i]
		if f.Type != "" && c.Type() != f.Type {
			continue
		}
		if f.Category != "" && c.Category != f.Category {
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(c.ID), text) &&
			!strings.Contains(strings.ToLower(c.Name), text) &&
			!strings.Contains(strings.ToLower(c.Description), text) {
			continue
		}
		if dated {
			start, end, err := lcPeriod(c, loc)
			if err != nil {
				return nil, err
			}
			if f.Status != nil && lcStatus(start, end, f.At) != *f.Status {
				continue
			}
			if (!f.StartsFrom.IsZero() && start.Before(f.StartsFrom)) ||
				(!f.StartsUntil.IsZero() && start.After(f.StartsUntil)) {
				continue
			}
			// A zero end is no end: after every EndsFrom, never before an
			// EndsUntil.
			if (!f.EndsFrom.IsZero() && !end.IsZero() && end.Before(f.EndsFrom)) ||
				(!f.EndsUntil.IsZero() && (end.IsZero() || end.After(f.EndsUntil))) {
				continue
			}
		}
		hits = append(hits, hit{c, i})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.c.Priority, b.c.Priority), strings.Compare(a.c.ID, b.c.ID), cmp.Compare(a.pos, b.pos))
	})
	out := make([]Campaign, len(hits))
	for i, h := range hits {
		out[i] = lcDeepCopy(*h.c)
	}
	return out, nil
}

// Clone returns a copy of r with one more campaign: a deep copy of campaign
// id under newID and newName, starting at start and ending at end (empty: no
// end), read as StatusAt reads them. Everything else of the campaign is kept
// (rules, benefit, limits, ...). The returned ruleset shares no slice,
// pointer or map with r, so changing either never changes the other; r itself
// is not changed. It is an error when id is not one of r's campaigns, when
// newID is already used, when newID or newName is blank, when start is
// missing, or when a date does not parse or the end is before the start.
//
// A clone keeps its original's promo-code list, so a listed code unlocks
// both; codes generated from a pattern depend on the campaign id and so
// differ.
func (r Ruleset) Clone(id, newID, newName, start, end string) (Ruleset, error) {
	if strings.TrimSpace(newID) == "" {
		return Ruleset{}, fmt.Errorf("clone of campaign %q: new id: required", id)
	}
	if strings.TrimSpace(newName) == "" {
		return Ruleset{}, fmt.Errorf("clone of campaign %q: new name: required", id)
	}
	if strings.Contains(newID, "/") {
		return Ruleset{}, fmt.Errorf("clone of campaign %q: new id %q: must not contain \"/\"", id, newID)
	}
	for i, p := range r.DiscountPacks {
		if p.ID == newID {
			return Ruleset{}, fmt.Errorf("clone of campaign %q: new id %q is already used by discount_packs[%d]", id, newID, i)
		}
	}
	if where := r.idUsedOutsidePacks(newID); where != "" && !strings.HasPrefix(where, "campaigns[") {
		return Ruleset{}, fmt.Errorf("clone of campaign %q: new id %q is already used by %s", id, newID, where)
	}
	src := -1
	for i := range r.Campaigns {
		switch r.Campaigns[i].ID {
		case newID:
			return Ruleset{}, fmt.Errorf("clone of campaign %q: new id %q is already used by campaigns[%d]", id, newID, i)
		case id:
			if src < 0 {
				src = i
			}
		}
	}
	if src < 0 {
		return Ruleset{}, fmt.Errorf("clone: unknown campaign %q", id)
	}
	loc, err := r.lcLocation()
	if err != nil {
		return Ruleset{}, err
	}
	from, until, err := lcDates(start, end, loc)
	if err != nil {
		return Ruleset{}, fmt.Errorf("clone of campaign %q: %w", id, err)
	}
	if !until.IsZero() && until.Before(from) {
		return Ruleset{}, fmt.Errorf("clone of campaign %q: end: must not be before start", id)
	}
	out := lcDeepCopy(r)
	c := lcDeepCopy(r.Campaigns[src])
	c.ID, c.Name, c.Start, c.End = newID, newName, start, end
	out.Campaigns = append(out.Campaigns, c)
	return out, nil
}

// lcDeepCopy copies v so that the copy shares no pointer, slice or map with
// it, whatever fields its type gains later. A struct with unexported fields
// (decimal.Decimal, time.Time) is copied as a value: those are immutable.
// Definitions are trees; a cycle of pointers would not end.
func lcDeepCopy[T any](v T) T {
	src := reflect.ValueOf(&v).Elem()
	dst := reflect.New(src.Type()).Elem()
	lcCopyValue(dst, src)
	return dst.Interface().(T)
}

func lcCopyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			p := reflect.New(src.Type().Elem())
			lcCopyValue(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Slice:
		if !src.IsNil() {
			s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
			for i := range src.Len() {
				lcCopyValue(s.Index(i), src.Index(i))
			}
			dst.Set(s)
		}
	case reflect.Map:
		if !src.IsNil() {
			m := reflect.MakeMapWithSize(src.Type(), src.Len())
			for it := src.MapRange(); it.Next(); {
				k := reflect.New(src.Type().Key()).Elem()
				lcCopyValue(k, it.Key())
				e := reflect.New(src.Type().Elem()).Elem()
				lcCopyValue(e, it.Value())
				m.SetMapIndex(k, e)
			}
			dst.Set(m)
		}
	case reflect.Array:
		for i := range src.Len() {
			lcCopyValue(dst.Index(i), src.Index(i))
		}
	case reflect.Interface:
		if !src.IsNil() {
			e := reflect.New(src.Elem().Type()).Elem()
			lcCopyValue(e, src.Elem())
			dst.Set(e)
		}
	case reflect.Struct:
		dst.Set(src)
		t := src.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				lcCopyValue(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}

// Change is one field that differs between two versions of a campaign
// (auditoria de campanha): its path in the JSON format and its old and new
// values.
type Change struct {
	// Path is the field's JSON path: "name", "benefit.percent",
	// "rules.conditions[1].values[0]". A key that is not made of letters,
	// digits and underscores is written quoted in brackets: m["a.b"].
	Path string `json:"path"`
	// Old and New are the values as JSON decodes them (nil, bool, string,
	// json.Number, []any, map[string]any); nil when the field is absent on
	// that side (added or removed). An added or removed object or list
	// element is one Change holding the whole value.
	Old any `json:"old"`
	New any `json:"new"`
}

// String writes the change as "path: old -> new", the values in JSON
// (null when absent).
func (c Change) String() string {
	return c.Path + ": " + lcJSONText(c.Old) + " -> " + lcJSONText(c.New)
}

func lcJSONText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// Diff lists the fields that differ between two versions of a campaign,
// ordered by path segment by segment (keys in byte order, list indexes in
// numeric order: [2] before [10]); no change gives an empty list.
//
// It compares the two campaigns' JSON forms, so it covers every field the
// format has or gains, under the names the format uses. Consequences, by
// design:
//   - a field the JSON form omits at its zero value (omitempty) is absent
//     there: setting priority from 0 to 3 is {priority, nil, 3}, and an
//     absent field equals a null one;
//   - decimals are compared by value: decimal.Decimal writes its canonical
//     form (no trailing zeros), so "10" and "10.00" are the same and do not
//     show as a change, while other strings compare exactly;
//   - objects are compared key by key and lists index by index: a longer
//     list shows its extra elements as added ({path[i], nil, element}), a
//     shorter one its missing elements as removed; an element inserted in
//     the middle shows as changes from there on.
//
// Diff panics if a campaign cannot be written as JSON, which the format's
// types never cause.
func Diff(before, after Campaign) []Change {
	var out []Change
	lcDiff(&out, "", lcJSONTree(before), lcJSONTree(after))
	return out
}

func lcJSONTree(c Campaign) any {
	b, err := json.Marshal(c)
	if err != nil {
		panic("campaign.Diff: " + err.Error())
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic("campaign.Diff: " + err.Error())
	}
	return v
}

func lcDiff(out *[]Change, path string, a, b any) {
	switch x := a.(type) {
	case map[string]any:
		if y, ok := b.(map[string]any); ok {
			keys := make([]string, 0, len(x)+len(y))
			for k := range x {
				keys = append(keys, k)
			}
			for k := range y {
				if _, dup := x[k]; !dup {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				lcDiff(out, lcKeyPath(path, k), x[k], y[k])
			}
			return
		}
	case []any:
		if y, ok := b.([]any); ok {
			for i := range max(len(x), len(y)) {
				var xi, yi any
				if i < len(x) {
					xi = x[i]
				}
				if i < len(y) {
					yi = y[i]
				}
				lcDiff(out, path+"["+strconv.Itoa(i)+"]", xi, yi)
			}
			return
		}
	}
	if !reflect.DeepEqual(a, b) {
		*out = append(*out, Change{Path: path, Old: a, New: b})
	}
}

func lcKeyPath(path, k string) string {
	plain := k != ""
	for _, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	switch {
	case !plain:
		return path + "[" + strconv.Quote(k) + "]"
	case path == "":
		return k
	}
	return path + "." + k
}
