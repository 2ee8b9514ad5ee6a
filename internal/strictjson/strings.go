package strictjson

import (
	"fmt"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// key reads an object key; false (with a problem at the object's path)
// when it is not valid UTF-8.
func (d *decoder) key() ([]byte, bool) {
	raw, escaped, valid, why := d.scanString()
	if !valid {
		d.fail(BadValue, "a key that is not valid UTF-8%s", why)
		return nil, false
	}
	if len(raw) > d.lim.MaxString {
		d.fail(BadValue, "a key of %d bytes: at most %d", len(raw), d.lim.MaxString)
		return nil, false
	}
	if escaped {
		return slices.Clone(d.buf), true
	}
	return raw, true
}

// text reads a string value; false, with a problem, when it is not valid
// UTF-8 or too long. The bytes are valid until the next string is read.
func (d *decoder) text() ([]byte, bool) {
	raw, escaped, valid, why := d.scanString()
	if !valid {
		d.fail(BadValue, "not valid UTF-8%s", why)
		return nil, false
	}
	if escaped {
		raw = d.buf
	}
	if len(raw) > d.lim.MaxString {
		d.fail(BadValue, "a text of %d bytes: at most %d", len(raw), d.lim.MaxString)
		return nil, false
	}
	return raw, true
}

// rawString reads a string without decoding its escapes: the bytes
// between the quotes.
func (d *decoder) rawString() (raw []byte, escaped, valid bool) {
	start := d.pos + 1
	_, escaped, valid, _ = d.scanString()
	return d.data[start : d.pos-1], escaped, valid
}

// scanString reads the string at pos. Without escapes, raw is the bytes
// between the quotes; with escapes, the decoded text is in d.buf. valid is
// false, with why, for bytes that are not UTF-8 or a lone surrogate.
func (d *decoder) scanString() (raw []byte, escaped, valid bool, why string) {
	d.pos++ // the opening quote
	start := d.pos
	data := d.data
	for {
		run := d.pos
		why = d.plainRun(start, why)
		if escaped {
			d.buf = append(d.buf, data[run:d.pos]...)
		}
		if d.pos >= len(data) {
			d.unexpectedEnd()
		}
		c := data[d.pos]
		switch {
		case c == '"':
			d.pos++
			if escaped {
				return nil, true, why == "", why
			}
			return data[start : d.pos-1], false, why == "", why
		case c < 0x20:
			d.syntax("in string literal")
		}
		// An escape.
		if !escaped {
			escaped = true
			d.buf = append(d.buf[:0], data[start:d.pos]...)
		}
		d.pos++
		why = d.escape(why)
	}
}

// plainRun moves past the bytes of a string up to its end, an escape or a
// control character. It returns why, or when why is empty and the run has
// a byte that is not UTF-8, where that byte is in the string that starts
// at start.
func (d *decoder) plainRun(start int, why string) string {
	data := d.data
	for d.pos < len(data) {
		c := data[d.pos]
		if c < utf8.RuneSelf {
			if c == '"' || c == '\\' || c < 0x20 {
				break
			}
			d.pos++
			continue
		}
		r, size := utf8.DecodeRune(data[d.pos:])
		if r == utf8.RuneError && size == 1 && why == "" {
			why = fmt.Sprintf(" (byte 0x%02x at offset %d of the text)", c, d.pos-start)
		}
		d.pos += size
	}
	return why
}

// escape decodes the escape at pos (after its backslash) into d.buf. It
// returns why, or when why is empty and the escape is a lone surrogate,
// that.
func (d *decoder) escape(why string) string {
	data := d.data
	if d.pos >= len(data) {
		d.unexpectedEnd()
	}
	e := data[d.pos]
	if e == 'u' {
		d.pos++
		return d.unicodeEscape(why)
	}
	switch e {
	case '"', '\\', '/':
	case 'b':
		e = '\b'
	case 'f':
		e = '\f'
	case 'n':
		e = '\n'
	case 'r':
		e = '\r'
	case 't':
		e = '\t'
	default:
		d.syntax("in string escape code")
	}
	d.buf = append(d.buf, e)
	d.pos++
	return why
}

// unicodeEscape decodes a \u escape at pos (after its u), with the low
// half that follows a high surrogate; a lone surrogate makes the string
// invalid.
func (d *decoder) unicodeEscape(why string) string {
	data := d.data
	r := d.hex4()
	if !utf16.IsSurrogate(r) {
		d.buf = utf8.AppendRune(d.buf, r)
		return why
	}
	if d.pos+1 < len(data) && data[d.pos] == '\\' && data[d.pos+1] == 'u' {
		save := d.pos
		d.pos += 2
		r2 := d.hex4()
		if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
			d.buf = utf8.AppendRune(d.buf, dec)
			return why
		}
		d.pos = save
	}
	if why == "" {
		why = fmt.Sprintf(": lone surrogate \\u%04x", r)
	}
	return why
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (d *decoder) hex4() rune {
	if d.pos+4 > len(d.data) {
		d.pos = len(d.data)
		d.unexpectedEnd()
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := d.data[d.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			d.syntax("in \\u hexadecimal character escape")
		}
		d.pos++
	}
	return r
}
