package campaign

import (
	"slices"

	"github.com/promokit/promokit/promo"
)

// prizeItems is what the prizes on items (itemsPrize, gridPrize) share:
// the attribute and the codes of the lines they discount.
type prizeItems struct {
	attr  PackAttribute
	codes []string
	// rank is the attribute's precedence among the set's (packSet.rank).
	rank int
	// nearExpiry restricts the prize to near-expiry units (pré-vencidos):
	// those whose EAN matches mask.
	nearExpiry bool
	mask       string
}

// newPrizeItems compiles what an items prize on codes shares, for table d
// of set.
func newPrizeItems(d *DiscountPack, set *packSet, codes []string) prizeItems {
	attr := d.Prize.Items.Attribute
	return prizeItems{attr: attr, codes: codes, rank: set.rank(attr),
		nearExpiry: d.NearExpiryOnly, mask: set.company.NearExpiryMask}
}

func (t *prizeItems) covered() (PackAttribute, []string) { return t.attr, t.codes }
func (*prizeItems) phase() promo.Phase                   { return promo.PhaseItem }

// covers reports whether the prize is on line l: its attribute is one of
// the prize's codes.
func (t *prizeItems) covers(l *promo.Line) bool {
	a := attrOf(l, t.attr)
	return a != "" && slices.Contains(t.codes, a)
}

// lines returns the lines of v (the sale without table p's exceptions, as
// packPrize.apply has it) the prize may discount: those it covers, only
// their near-expiry units when it says so, and none that a live table on
// an attribute of higher precedence covers. lost reports that such tables
// took every line it covers.
func (t *prizeItems) lines(v *promo.View, sale *packSale, keep []int) (lines []int, lost bool) {
	taken := 0
	for i := 0; i < v.Len(); i++ {
		l := v.Line(i)
		if !t.covers(l) || t.nearExpiry && !matchMask(t.mask, l.EAN) {
			continue
		}
		ci := i
		if keep != nil {
			ci = keep[i]
		}
		if sale.preceded(t.rank, ci) {
			taken++
			continue
		}
		lines = append(lines, i)
	}
	return lines, len(lines) == 0 && taken > 0
}

// precedenceLost is the proposal of an items prize whose lines all went to
// tables on attributes of higher precedence.
func precedenceLost() promo.Proposal {
	return notEligible(ReasonPackPrecedence,
		"os itens ficaram com uma tabela de atributo prioritário", "the items went to a table on a higher-precedence attribute")
}
