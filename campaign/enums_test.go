package campaign_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// enumField is one occurrence of a typed enumerated field in a decoded
// ruleset: its JSON path and how to reach it.
type enumField struct {
	path  string
	index [][]int // struct field indexes and slice positions, see setEnum
	typ   reflect.Type
}

// enumFields lists every field of v set to a value whose type is one of
// the campaign package's typed strings (the enums), with its JSON path.
func enumFields(v reflect.Value, path string, steps [][]int, out *[]enumField) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			enumFields(v.Elem(), path, append(steps, []int{-1}), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			enumFields(v.Index(i), fmt.Sprintf("%s[%d]", path, i), append(steps, []int{-2, i}), out)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			next := append(append([][]int(nil), steps...), []int{i})
			if f.Type.Kind() == reflect.String && f.Type.PkgPath() == reflect.TypeFor[campaign.Ruleset]().PkgPath() {
				if v.Field(i).String() == "" {
					continue // not set in the example: its default
				}
				*out = append(*out, enumField{path: p, index: next, typ: f.Type})
				continue
			}
			enumFields(v.Field(i), p, next, out)
		}
	}
}

// setEnum sets the field steps lead to in v (a *campaign.Ruleset) to s.
func setEnum(v reflect.Value, steps [][]int, s string) {
	for _, st := range steps {
		switch st[0] {
		case -1:
			v = v.Elem()
		case -2:
			v = v.Index(st[1])
		default:
			if v.Kind() == reflect.Pointer {
				v = v.Elem()
			}
			v = v.Field(st[0])
		}
	}
	v.SetString(s)
}

// TestEnumsUnknownValueRefusedWithPath sets, one at a time, every typed
// enumerated field of the complete example ruleset to a value outside its
// constants, and checks that Compile refuses the ruleset with a problem at
// that field's JSON path. The example uses every enumerated field
// (TestDocsFullRulesetCoversTheFormat), so every field is tried.
func TestEnumsUnknownValueRefusedWithPath(t *testing.T) {
	data, err := os.ReadFile(fullRuleset)
	if err != nil {
		t.Fatal(err)
	}
	def, err := campaign.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	var fields []enumField
	enumFields(reflect.ValueOf(def), "", nil, &fields)
	types := map[reflect.Type]bool{}
	for _, f := range fields {
		types[f.typ] = true
		t.Run(f.path, func(t *testing.T) {
			d, err := campaign.Decode(data) // a fresh copy
			if err != nil {
				t.Fatal(err)
			}
			setEnum(reflect.ValueOf(&d), f.index, "no_such_value")
			_, err = campaign.Compile(d)
			var ve *promo.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Compile: want a *promo.ValidationError, got %v", err)
			}
			for _, p := range ve.Problems {
				if p.Path == f.path {
					return
				}
			}
			t.Errorf("no problem at %s; got:\n%v", f.path, err)
		})
	}
	// Every enum type of the package has a field in the example.
	for _, typ := range []reflect.Type{
		reflect.TypeFor[campaign.Criterion](), reflect.TypeFor[campaign.GroupingKind](),
		reflect.TypeFor[campaign.Rounding](), reflect.TypeFor[campaign.CashbackRedemption](),
		reflect.TypeFor[campaign.ExchangeMode](), reflect.TypeFor[campaign.CashbackKind](),
		reflect.TypeFor[campaign.CashbackOn](), reflect.TypeFor[campaign.LimitScope](),
		reflect.TypeFor[campaign.LimitCount](), reflect.TypeFor[campaign.LimitPeriod](),
		reflect.TypeFor[campaign.Match](), reflect.TypeFor[campaign.Require](),
		reflect.TypeFor[campaign.ConditionKind](), reflect.TypeFor[campaign.Sex](),
		reflect.TypeFor[campaign.BirthdayPeriod](), reflect.TypeFor[campaign.BirthdayRelative](),
		reflect.TypeFor[campaign.CapturedField](), reflect.TypeFor[campaign.BenefitOn](),
		reflect.TypeFor[campaign.ApplyTo](), reflect.TypeFor[campaign.ComboKind](),
		reflect.TypeFor[campaign.PriceType](), reflect.TypeFor[campaign.BlockCheck](),
		reflect.TypeFor[campaign.MarkdownBy](), reflect.TypeFor[campaign.Audience](),
		reflect.TypeFor[campaign.PackStatus](), reflect.TypeFor[campaign.PackOwner](),
		reflect.TypeFor[campaign.PackStoreKind](), reflect.TypeFor[campaign.PackAttribute](),
		reflect.TypeFor[campaign.PrizeRule](),
	} {
		if !types[typ] {
			t.Errorf("the complete example sets no field of type %s", typ)
		}
	}
}

// TestEnumsSpellTheirJSON checks that a definition written with the typed
// constants encodes to the JSON spelling of the format.
func TestEnumsSpellTheirJSON(t *testing.T) {
	b := campaign.Benefit{On: campaign.OnItems, Percent: campaign.Dec("10"), ApplyTo: campaign.ApplyToLowest}
	got := fmt.Sprint(campaign.OnItems, " ", campaign.CondProductCode, " ", campaign.ComboScratchCard)
	if want := "items product_code scratch_card"; got != want {
		t.Errorf("String: got %q, want %q", got, want)
	}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"on":"items","percent":"10","apply_to":"lowest"}`; string(data) != want {
		t.Errorf("JSON: got %s, want %s", data, want)
	}
}
