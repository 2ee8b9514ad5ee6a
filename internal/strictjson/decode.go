package strictjson

import (
	"encoding"
	"encoding/json"
	"reflect"

	"github.com/shopspring/decimal"
)

// decoder reads one document, left to right, into its target.
type decoder struct {
	data  []byte
	pos   int
	lim   Limits
	depth int
	path  []seg
	found []located
	count int // problems found, including those over MaxProblems
	plans map[reflect.Type]*plan
	// decimals are the values read, by their text (decimalText).
	decimals map[string]decimal.Decimal
	buf      []byte // unescaped text of the last string read
}

// value decodes the next JSON value into v according to p.
func (d *decoder) value(p *plan, v reflect.Value) {
	c := d.peek()
	if c == 'n' && p.kind != pUnsupported {
		d.literal("null")
		return // null leaves the zero value
	}
	switch p.kind {
	case pDecimal, pNullDecimal:
		d.decimalValue(p, v, c)
	case pText:
		d.textValue(p, v, c)
	case pString:
		if !d.starts(c, '"', "want a string") {
			return
		}
		if text, ok := d.text(); ok {
			v.SetString(string(text))
		}
	case pBool:
		d.boolValue(v, c)
	case pInt:
		d.intValue(p, v, c)
	case pPointer:
		d.pointerValue(p, v, c)
	case pStruct:
		if !d.starts(c, '{', "want an object") {
			return
		}
		d.object(p, v)
	case pSlice:
		if !d.starts(c, '[', "want an array") {
			return
		}
		d.array(p, v)
	case pMap:
		d.mapValue(p, v, c)
	case pInterface:
		if x, ok := d.anyValue(); ok && x != nil {
			v.Set(reflect.ValueOf(x))
		}
	default:
		d.fail(BadValue, "unsupported type %s", p.typ)
		d.skip()
	}
}

// decimalValue decodes a decimal.Decimal or decimal.NullDecimal from a
// number or a string, starting with c.
func (d *decoder) decimalValue(p *plan, v reflect.Value, c byte) {
	dv, ok := d.decimal(c)
	if !ok {
		return
	}
	if p.kind == pDecimal {
		v.Set(reflect.ValueOf(dv))
	} else {
		v.Set(reflect.ValueOf(decimal.NullDecimal{Decimal: dv, Valid: true}))
	}
}

// textValue decodes a string into a type that reads itself: with
// UnmarshalJSON (given the string as written) or UnmarshalText.
func (d *decoder) textValue(p *plan, v reflect.Value, c byte) {
	if !d.starts(c, '"', "want a string") {
		return
	}
	start := d.pos
	text, ok := d.text()
	if !ok {
		return
	}
	var err error
	if p.object {
		err = v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.data[start:d.pos])
	} else {
		err = v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text)
	}
	if err != nil {
		d.fail(BadValue, "%v", err)
	}
}

// boolValue decodes true or false.
func (d *decoder) boolValue(v reflect.Value, c byte) {
	switch c {
	case 't':
		d.literal("true")
		v.SetBool(true)
	case 'f':
		d.literal("false")
	default:
		d.wrong("want true or false", c)
	}
}

// intValue decodes a whole number that fits the int type of p.
func (d *decoder) intValue(p *plan, v reflect.Value, c byte) {
	if c != '-' && (c < '0' || c > '9') {
		d.wrong("want a whole number", c)
		return
	}
	lit, whole := d.number()
	if !d.numberFits(len(lit)) {
		return
	}
	i, ok := parseInt(lit, whole, p.bits)
	if !ok {
		d.fail(BadValue, "want a whole number, got %s", lit)
		return
	}
	v.SetInt(i)
}

// pointerValue decodes into a new element and points v at it.
func (d *decoder) pointerValue(p *plan, v reflect.Value, c byte) {
	nv := reflect.New(p.elem.typ)
	before := d.count
	d.value(p.elem, nv.Elem())
	// A wrong value leaves the pointer nil; an object keeps what could
	// be decoded of it.
	if d.count == before || (c == '{' && p.object) {
		v.Set(nv)
	}
}
