package campaign

import (
	"fmt"
	"strings"
)

// ClonePack returns a copy of r with one more Desconto Pack table: a deep
// copy of table id under newID, with a new name, dates, coupon
// description and identification key (Clonar tabela). The coupon and the
// key must not be blank: a clone is a new campaign for the customer and
// for the reports. Dates are checked as StatusAt reads them. r is not
// changed, and the copy shares nothing with it.
func (r Ruleset) ClonePack(id, newID, name, start, end, coupon, key string) (Ruleset, error) {
	for _, f := range []struct{ name, v string }{{"new id", newID}, {"name", name}, {"coupon", coupon}, {"key", key}} {
		if strings.TrimSpace(f.v) == "" {
			return Ruleset{}, fmt.Errorf("clone of table %q: %s: required", id, f.name)
		}
	}
	if strings.Contains(newID, "/") {
		return Ruleset{}, fmt.Errorf("clone of table %q: new id %q: must not contain \"/\"", id, newID)
	}
	if where := r.idUsedOutsidePacks(newID); where != "" {
		return Ruleset{}, fmt.Errorf("clone of table %q: new id %q is already used by %s", id, newID, where)
	}
	src, taken := cloneSource(r.DiscountPacks, func(p *DiscountPack) string { return p.ID }, id, newID)
	switch {
	case taken >= 0:
		return Ruleset{}, fmt.Errorf("clone of table %q: new id %q is already used by discount_packs[%d]", id, newID, taken)
	case src < 0:
		return Ruleset{}, fmt.Errorf("clone: unknown table %q", id)
	}
	if err := r.checkClonePeriod("table", id, start, end); err != nil {
		return Ruleset{}, err
	}
	out := deepCopy(r)
	p := deepCopy(r.DiscountPacks[src])
	p.ID, p.Name, p.Start, p.End, p.Coupon, p.Key = newID, name, start, end, coupon, key
	p.Status = "" // a new table: its dates decide
	out.DiscountPacks = append(out.DiscountPacks, p)
	return out, nil
}

// idUsedOutsidePacks names the campaign, markdown, combo or industry
// promotion that uses id ("" when none does): ids share one namespace.
func (r Ruleset) idUsedOutsidePacks(id string) string {
	for path, g := range r.Generals() {
		if g.ID == id && !strings.HasPrefix(path, "discount_packs[") {
			return path
		}
	}
	return ""
}
