package campaign

import (
	"fmt"
	"reflect"
	"strings"
)

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
	src, taken := cloneSource(r.Campaigns, func(c *Campaign) string { return c.ID }, id, newID)
	switch {
	case taken >= 0:
		return Ruleset{}, fmt.Errorf("clone of campaign %q: new id %q is already used by campaigns[%d]", id, newID, taken)
	case src < 0:
		return Ruleset{}, fmt.Errorf("clone: unknown campaign %q", id)
	}
	if err := r.checkClonePeriod("campaign", id, start, end); err != nil {
		return Ruleset{}, err
	}
	out := deepCopy(r)
	c := deepCopy(r.Campaigns[src])
	c.ID, c.Name, c.Start, c.End = newID, newName, start, end
	out.Campaigns = append(out.Campaigns, c)
	return out, nil
}

// cloneSource looks through items for a clone's source, the first with
// id, and for one that already has the clone's newID: it stops at the
// first with newID (taken; -1 when none), src being -1 when no item has id
// before it.
func cloneSource[T any](items []T, idOf func(*T) string, id, newID string) (src, taken int) {
	src = -1
	for i := range items {
		switch idOf(&items[i]) {
		case newID:
			return src, i
		case id:
			if src < 0 {
				src = i
			}
		}
	}
	return src, -1
}

// checkClonePeriod checks a clone's dates, read as StatusAt reads them:
// a start, and an end not before it; what and id name the clone in the
// error.
func (r Ruleset) checkClonePeriod(what, id, start, end string) error {
	loc, err := r.Location()
	if err != nil {
		return err
	}
	from, until, err := parsePeriod(start, end, loc)
	if err != nil {
		return fmt.Errorf("clone of %s %q: %w", what, id, err)
	}
	if !until.IsZero() && until.Before(from) {
		return fmt.Errorf("clone of %s %q: end: must not be before start", what, id)
	}
	return nil
}

// deepCopy copies v so that the copy shares no pointer, slice or map with
// it, whatever fields its type gains later. A struct with unexported fields
// (decimal.Decimal, time.Time) is copied as a value: those are immutable.
// Definitions are trees; a cycle of pointers would not end.
func deepCopy[T any](v T) T {
	src := reflect.ValueOf(&v).Elem()
	dst := reflect.New(src.Type()).Elem()
	copyValue(dst, src)
	return dst.Interface().(T)
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			p := reflect.New(src.Type().Elem())
			copyValue(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Slice:
		if !src.IsNil() {
			s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
			for i := range src.Len() {
				copyValue(s.Index(i), src.Index(i))
			}
			dst.Set(s)
		}
	case reflect.Map:
		if !src.IsNil() {
			m := reflect.MakeMapWithSize(src.Type(), src.Len())
			for it := src.MapRange(); it.Next(); {
				k := reflect.New(src.Type().Key()).Elem()
				copyValue(k, it.Key())
				e := reflect.New(src.Type().Elem()).Elem()
				copyValue(e, it.Value())
				m.SetMapIndex(k, e)
			}
			dst.Set(m)
		}
	case reflect.Array:
		for i := range src.Len() {
			copyValue(dst.Index(i), src.Index(i))
		}
	case reflect.Interface:
		if !src.IsNil() {
			e := reflect.New(src.Elem().Type()).Elem()
			copyValue(e, src.Elem())
			dst.Set(e)
		}
	case reflect.Struct:
		dst.Set(src)
		t := src.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				copyValue(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}
