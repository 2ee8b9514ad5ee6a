package strictjson

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The scanner: white space, literals, the punctuation of objects and
// arrays, syntax errors, and skipping a value.

func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the next byte that is not space.
func (d *decoder) peek() byte {
	d.skipSpace()
	if d.pos >= len(d.data) {
		d.unexpectedEnd()
	}
	return d.data[d.pos]
}

// unexpectedEnd stops the decoder at a document that ends too soon.
func (d *decoder) unexpectedEnd() {
	panic(documentError("invalid JSON: unexpected end of input"))
}

// syntax stops the decoder at the byte at pos, which cannot come there.
func (d *decoder) syntax(context string) {
	if d.pos >= len(d.data) {
		d.unexpectedEnd()
	}
	line, col := d.lineCol()
	panic(documentError(fmt.Sprintf("invalid JSON at line %d, column %d: invalid character %s %s", line, col, quoteChar(d.data[d.pos]), context)))
}

// lineCol is where pos is, counting from line 1, column 1.
func (d *decoder) lineCol() (line, col int) {
	line, col = 1, 1
	for _, b := range d.data[:d.pos] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// quoteChar writes c as encoding/json does in its syntax errors.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	if c >= utf8.RuneSelf {
		s = fmt.Sprintf(`"\x%02x"`, c)
	}
	return "'" + s[1:len(s)-1] + "'"
}

// literal reads word (true, false or null).
func (d *decoder) literal(word string) {
	for i := 0; i < len(word); i++ {
		if d.pos >= len(d.data) {
			d.unexpectedEnd()
		}
		if d.data[d.pos] != word[i] {
			d.syntax("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
		}
		d.pos++
	}
}

// open consumes the '{' or '[' of a container one level deeper.
func (d *decoder) open() {
	d.depth++
	if d.depth > d.lim.MaxDepth {
		line, col := d.lineCol()
		panic(documentError(fmt.Sprintf("invalid JSON at line %d, column %d: nested deeper than %d levels", line, col, d.lim.MaxDepth)))
	}
	d.pos++
}

// next moves to the next member or element of the container that ends
// with end (the first one when first) and returns its first byte, or
// moves past the container's end and returns false. after says where a
// missing comma was expected.
func (d *decoder) next(first bool, end byte, after string) (byte, bool) {
	c := d.peek()
	if c == end {
		d.pos++
		d.depth--
		return c, false
	}
	if !first {
		if c != ',' {
			d.syntax(after)
		}
		d.pos++
		c = d.peek()
	}
	return c, true
}

// nextKey moves to the next key of an object (the first one when first),
// or past the object's end and returns false.
func (d *decoder) nextKey(first bool) bool {
	c, more := d.next(first, '}', "after object key:value pair")
	if more && c != '"' {
		d.syntax("looking for beginning of object key string")
	}
	return more
}

// nextElement moves to the next element of an array (the first one when
// first), or past the array's end and returns false.
func (d *decoder) nextElement(first bool) bool {
	_, more := d.next(first, ']', "after array element")
	return more
}

func (d *decoder) colon() {
	if d.peek() != ':' {
		d.syntax("after object key")
	}
	d.pos++
}

// skip reads past the next value, checking its syntax and depth only.
func (d *decoder) skip() {
	switch c := d.peek(); {
	case c == '{':
		d.open()
		for first := true; d.nextKey(first); first = false {
			d.scanString()
			d.colon()
			d.skip()
		}
	case c == '[':
		d.open()
		for first := true; d.nextElement(first); first = false {
			d.skip()
		}
	case c == '"':
		d.scanString()
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		d.number()
	default:
		d.syntax("looking for beginning of value")
	}
}
