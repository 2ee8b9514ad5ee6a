package nfce

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// RejectionCode is the number of a SEFAZ rejection (código de rejeição).
type RejectionCode int

// The rejections Check looks for.
const (
	// SchemaFailure (225, falha no schema XML): a field outside the
	// schema's format — qCom with more than 4 decimal places or 11 integer
	// digits, vUnCom with more than 10 or 11, vProd or vDesc with more than
	// 2 or 13, a negative value, a quantity of zero.
	SchemaFailure RejectionCode = 225
	// DiscountAboveGross (483): an item's vDesc is greater than its vProd.
	DiscountAboveGross RejectionCode = 483
	// TotalFreightMismatch (535): the total vFrete differs from the sum of
	// the items' vFrete.
	TotalFreightMismatch RejectionCode = 535
	// TotalDiscountMismatch (537): the total vDesc differs from the sum of
	// the items' vDesc.
	TotalDiscountMismatch RejectionCode = 537
	// TotalGrossMismatch (564): the total vProd differs from the sum of the
	// items' vProd.
	TotalGrossMismatch RejectionCode = 564
	// GrossNotQuantityTimesPrice (629): an item's vProd differs from
	// qCom × vUnCom by more than R$ 0,01.
	GrossNotQuantityTimesPrice RejectionCode = 629
)

// String returns the code's number, such as "483".
func (c RejectionCode) String() string { return strconv.Itoa(int(c)) }

// Rejection is one reason the invoice would be refused.
type Rejection struct {
	Code RejectionCode
	// NItem and Line locate the item; both are zero for the totals.
	NItem int
	Line  string
	// PT and EN say what is wrong, with the amounts.
	PT, EN string
}

// String returns the rejection in English with its code and item.
func (r Rejection) String() string {
	if r.NItem == 0 {
		return fmt.Sprintf("rejection %s (totals): %s", r.Code, r.EN)
	}
	return fmt.Sprintf("rejection %s (item %d, line %q): %s", r.Code, r.NItem, r.Line, r.EN)
}

// Check maps res to its NFC-e items and returns every rejection the invoice
// would get, items first in their order, then the totals; none for a
// result the authority accepts on these points.
func Check(res promo.Result) []Rejection {
	items := Items(res)
	var out []Rejection
	sumProd, sumDesc, sumFrete := decimal.Zero, decimal.Zero, decimal.Zero
	for _, it := range items {
		at := func(code RejectionCode, pt, en string) {
			out = append(out, Rejection{Code: code, NItem: it.NItem, Line: it.Line, PT: pt, EN: en})
		}
		for _, f := range []struct {
			name     string
			v        decimal.Decimal
			ints, dp int32
			positive bool
		}{
			{"qCom", it.QCom, 11, 4, true},
			{"vUnCom", it.VUnCom, 11, 10, false},
			{"vProd", it.VProd, 13, 2, false},
		} {
			if msg, ok := format(f.v, f.ints, f.dp, f.positive); !ok {
				at(SchemaFailure, fmt.Sprintf("%s %s: %s", f.name, f.v, msg.pt), fmt.Sprintf("%s %s: %s", f.name, f.v, msg.en))
			}
		}
		for _, f := range []struct {
			name string
			v    decimal.NullDecimal
		}{{"vDesc", it.VDesc}, {"vFrete", it.VFrete}} {
			if !f.v.Valid {
				continue
			}
			if msg, ok := format(f.v.Decimal, 13, 2, true); !ok {
				at(SchemaFailure, fmt.Sprintf("%s %s: %s", f.name, f.v.Decimal, msg.pt), fmt.Sprintf("%s %s: %s", f.name, f.v.Decimal, msg.en))
			}
		}
		if d := it.Discount(); d.GreaterThan(it.VProd) {
			at(DiscountAboveGross,
				fmt.Sprintf("vDesc %s maior que vProd %s", d.StringFixed(2), it.VProd.StringFixed(2)),
				fmt.Sprintf("vDesc %s above vProd %s", d.StringFixed(2), it.VProd.StringFixed(2)))
		}
		// The authority tolerates a cent between vProd and qCom × vUnCom.
		if exact := it.QCom.Mul(it.VUnCom); exact.Sub(it.VProd).Abs().GreaterThan(decimal.New(1, -2)) {
			at(GrossNotQuantityTimesPrice,
				fmt.Sprintf("vProd %s difere de qCom × vUnCom = %s × %s = %s em mais de R$ 0,01", it.VProd.StringFixed(2), it.QCom, it.VUnCom, exact),
				fmt.Sprintf("vProd %s differs from qCom × vUnCom = %s × %s = %s by more than R$ 0.01", it.VProd.StringFixed(2), it.QCom, it.VUnCom, exact))
		}
		sumProd, sumDesc, sumFrete = sumProd.Add(it.VProd), sumDesc.Add(it.Discount()), sumFrete.Add(it.Freight())
	}
	tot := Totals(res)
	if !tot.VFrete.Equal(sumFrete) {
		out = append(out, Rejection{Code: TotalFreightMismatch,
			PT: fmt.Sprintf("vFrete total %s difere da soma dos itens %s", tot.VFrete.StringFixed(2), sumFrete.StringFixed(2)),
			EN: fmt.Sprintf("total vFrete %s differs from the items' sum %s", tot.VFrete.StringFixed(2), sumFrete.StringFixed(2))})
	}
	if !tot.VDesc.Equal(sumDesc) {
		out = append(out, Rejection{Code: TotalDiscountMismatch,
			PT: fmt.Sprintf("vDesc total %s difere da soma dos itens %s", tot.VDesc.StringFixed(2), sumDesc.StringFixed(2)),
			EN: fmt.Sprintf("total vDesc %s differs from the items' sum %s", tot.VDesc.StringFixed(2), sumDesc.StringFixed(2))})
	}
	if !tot.VProd.Equal(sumProd) {
		out = append(out, Rejection{Code: TotalGrossMismatch,
			PT: fmt.Sprintf("vProd total %s difere da soma dos itens %s", tot.VProd.StringFixed(2), sumProd.StringFixed(2)),
			EN: fmt.Sprintf("total vProd %s differs from the items' sum %s", tot.VProd.StringFixed(2), sumProd.StringFixed(2))})
	}
	return out
}

type texts struct{ pt, en string }

// format tells whether v fits a decimal field of the schema: not negative
// (and above zero when positive is set), at most ints integer digits and dp
// decimal places.
func format(v decimal.Decimal, ints, dp int32, positive bool) (texts, bool) {
	switch {
	case v.Sign() < 0:
		return texts{"negativo", "negative"}, false
	case positive && v.Sign() == 0:
		return texts{"deve ser maior que zero", "must be greater than zero"}, false
	case !v.Equal(v.Truncate(dp)):
		return texts{fmt.Sprintf("mais de %d casas decimais", dp), fmt.Sprintf("more than %d decimal places", dp)}, false
	case v.Truncate(0).GreaterThanOrEqual(decimal.New(1, ints)):
		return texts{fmt.Sprintf("mais de %d dígitos inteiros", ints), fmt.Sprintf("more than %d integer digits", ints)}, false
	}
	return texts{}, true
}
