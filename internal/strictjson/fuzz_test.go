package strictjson_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/strictjson"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

// fzDoc has every kind of target the decoder knows but a bare interface
// (encoding/json reads numbers into one as float64, the strict decoder as
// json.Number: no money goes through float64).
type fzDoc struct {
	S   string                     `json:"s"`
	B   bool                       `json:"b"`
	I   int                        `json:"i"`
	I8  int8                       `json:"i8"`
	D   decimal.Decimal            `json:"d"`
	ND  decimal.NullDecimal        `json:"nd"`
	PD  *decimal.Decimal           `json:"pd"`
	T   time.Time                  `json:"t"`
	C   sjColor                    `json:"c"`
	P   *fzDoc                     `json:"p"`
	L   []fzDoc                    `json:"l"`
	M   map[string]decimal.Decimal `json:"m"`
	MS  map[string]string          `json:"ms"`
	SS  []string                   `json:"ss"`
	Day br.Date                    `json:"day"`
	Tax br.TaxID                   `json:"tax"`
}

var fzOpts = cmp.Options{
	testkit.EquateDecimals(),
	cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) && a.Location().String() == b.Location().String() }),
	cmp.Comparer(func(a, b br.TaxID) bool { return a.String() == b.String() && a.Kind() == b.Kind() }),
}

// fzSeeds are the documents of the repository (every scenario's ruleset
// and cart, the complete example, the examples' carts and rulesets) and
// some hostile ones.
func fzSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, sc := range testkit.Scenarios(f, filepath.Join("..", "..")) {
		out = append(out, sc.Ruleset, sc.Cart)
	}
	out = append(out, testkit.ReadFiles(f, "../../examples/*/*.json")...)
	full, err := os.ReadFile("../../testdata/examples/full-ruleset.json")
	if err != nil {
		f.Fatal(err)
	}
	out = append(out, full)
	if len(out) < 100 {
		f.Fatalf("only %d seed documents", len(out))
	}
	for _, s := range []string{
		`{"s": "a\u00e9\ud83d\ude00", "b": true, "i": -0, "i8": 127, "d": "-1.50", "nd": 0, "pd": "1e3", "t": "2026-11-21T10:15:00-03:00",
		  "c": "red", "p": {"l": [{}, {"s": ""}]}, "m": {"": "1", "a": 2.5e-3}, "ms": {"k": "\/"}, "ss": [], "day": "1990-03-09",
		  "tax": "529.982.247-25"}`,
		`{"d": "+.5", "pd": "1.", "nd": null, "t": "2026-11-21T10:15:00Z"}`,
		`{"d": "1e10000", "m": {"x": -1e-10000}}`,
		`{"t": "\u0032026-11-21T10:15:00Z"}`,
		`{"ms": {"": "x", "y": "1", "y": "2"}}`,
		"{\"s\": \"\xff\"}",
		`{"s": "\ud800"}`,
		`{"i8": 128, "d": "1,5", "c": "green"}`,
		`[1, 2]`, ``, `null`, `{"p": null, "l": null, "m": null}`,
	} {
		out = append(out, []byte(s))
	}
	return out
}

// FuzzDifferential decodes every input into a cart, a ruleset and a
// document of every target kind, strictly and with encoding/json: every
// input the strict decoder accepts, encoding/json accepts too, with the
// same values. Whatever the input, the strict decoder answers with
// problems that each have a reason, a document problem alone.
func FuzzDifferential(f *testing.F) {
	for _, s := range fzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fzCompare[promo.Cart](t, data)
		fzCompare[campaign.Ruleset](t, data)
		fzCompare[fzDoc](t, data)
	})
}

func fzCompare[T any](t *testing.T, data []byte) {
	t.Helper()
	var strict T
	ps := strictjson.Decode(data, &strict)
	for _, p := range ps {
		if p.Reason == "" {
			t.Fatalf("%T: a problem without a reason at %q", strict, p.Path)
		}
		if p.Kind == strictjson.Document && (len(ps) != 1 || p.Path != "") {
			t.Fatalf("%T: a document problem among others: %v", strict, ps)
		}
	}
	if len(ps) > 0 {
		return
	}
	var loose T
	if err := json.Unmarshal(data, &loose); err != nil {
		t.Fatalf("%T: the strict decoder accepts what encoding/json refuses (%v):\n%q", strict, err, trim(data))
	}
	if diff := cmp.Diff(loose, strict, fzOpts); diff != "" {
		t.Fatalf("%T: values differ (-encoding/json +strict):\n%s\ninput %q", strict, diff, trim(data))
	}
}

func trim(data []byte) string {
	s := string(data)
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
