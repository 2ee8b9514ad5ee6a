package strictjson

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// documentError unwinds the decoder when the document cannot be read on.
type documentError string

// seg is one step of a path: a key, or an index when key is nil.
type seg struct {
	key   []byte
	index int
}

// located is a problem with its path as steps, for sorting.
type located struct {
	segs    []seg
	reason  string
	kind    Kind
	renamed string
}

// fail records a problem at the current path; past MaxProblems it is only
// counted.
func (d *decoder) fail(kind Kind, format string, args ...any) {
	d.add(located{reason: fmt.Sprintf(format, args...), kind: kind})
}

// add records problem l at the current path.
func (d *decoder) add(l located) {
	d.count++
	if len(d.found) >= d.lim.MaxProblems {
		return
	}
	l.segs = slices.Clone(d.path)
	d.found = append(d.found, l)
}

// wrong reports a value of the wrong JSON type, starting with c, and skips it.
func (d *decoder) wrong(want string, c byte) {
	kind := BadValue
	if len(d.path) == 0 {
		kind = Document // the document is not what it should be at all
	}
	d.fail(kind, "%s, got %s", want, kindOf(c))
	d.skip()
}

// starts reports whether c, the first byte of a value, is want; when it
// is not, the value is of the wrong JSON type: it reports that, saying
// what was wanted, and skips the value.
func (d *decoder) starts(c, want byte, wanted string) bool {
	if c == want {
		return true
	}
	d.wrong(wanted, c)
	return false
}

// duplicate reports a key seen before in the same object and skips its
// value.
func (d *decoder) duplicate() {
	d.fail(DuplicateKey, "duplicate key: each key once per object")
	d.skip()
}

// kindOf names the JSON type of a value that starts with c.
func kindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// result is the problems found, sorted by path, and a last one counting
// those over MaxProblems.
func (d *decoder) result() []Problem {
	slices.SortStableFunc(d.found, func(a, b located) int { return compareSegs(a.segs, b.segs) })
	out := make([]Problem, 0, len(d.found)+1)
	for _, f := range d.found {
		out = append(out, Problem{Path: render(f.segs), Reason: f.reason, Kind: f.kind, Renamed: f.renamed})
	}
	if d.count > len(d.found) {
		out = append(out, Problem{Reason: fmt.Sprintf("%d more problems not listed (at most %d are)", d.count-len(d.found), d.lim.MaxProblems), Kind: BadValue})
	}
	return out
}

// compareSegs orders paths: keys in byte order, indexes in number order,
// an index before a key, a path before the paths below it.
func compareSegs(a, b []seg) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		switch {
		case x.key == nil && y.key == nil:
			if c := x.index - y.index; c != 0 {
				return c
			}
		case x.key == nil:
			return -1
		case y.key == nil:
			return 1
		default:
			if c := bytes.Compare(x.key, y.key); c != 0 {
				return c
			}
		}
	}
	return len(a) - len(b)
}

// render writes a path as "campaigns[2].benefit.percent".
func render(segs []seg) string {
	var b strings.Builder
	for i, s := range segs {
		if s.key == nil {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.Write(s.key)
	}
	return b.String()
}
