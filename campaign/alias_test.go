package campaign_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/internal/testkit/promotest"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/promogen"
)

// alMutate changes, in place, every value a definition holds: strings,
// numbers, booleans, decimals, the elements of its slices and the values
// of its maps, through every pointer.
func alMutate(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			alMutate(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			alMutate(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			alMutate(e)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[decimal.Decimal]() {
			v.Set(reflect.ValueOf(v.Interface().(decimal.Decimal).Add(decimal.NewFromInt(7))))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				alMutate(v.Field(i))
			}
		}
	case reflect.String:
		v.SetString(v.String() + "-changed")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	}
}

// TestCompileSharesNothingWithItsDefinition compiles the complete example,
// changes every value of its definition in place, and checks that the
// compiled ruleset prices 50 carts shaped by it as before and describes its
// promotions as before: Compile keeps nothing of the definition it was
// given, whether it copies it or compiles it into values of its own.
func TestCompileSharesNothingWithItsDefinition(t *testing.T) {
	data, err := os.ReadFile(fullRuleset)
	if err != nil {
		t.Fatal(err)
	}
	def, err := campaign.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	rs := promotest.Compile(t, def)
	gen := promogen.CartFor(def)
	var carts []promo.Cart
	var before []promo.Result
	for i := range 50 {
		c := gen.Example(i)
		res := promotest.Evaluate(t, c, rs)
		carts, before = append(carts, c), append(before, res)
	}
	// What a promotion tells of itself: its Info and, for a campaign, its
	// cashback settings.
	type told struct {
		Info     promo.Info
		Cashback *campaign.Cashback
	}
	tell := func() []told {
		var out []told
		for _, p := range rs.Promotions() {
			tl := told{Info: p.Info()}
			if cb, ok := p.(interface{ Cashback() *campaign.Cashback }); ok {
				tl.Cashback = cb.Cashback()
			}
			out = append(out, tl)
		}
		return out
	}
	infos := tell()
	applied := 0
	for _, r := range before {
		applied += len(r.Applied)
	}
	if applied < 50 {
		t.Fatalf("only %d applications in 50 carts: the carts do not exercise the ruleset", applied)
	}

	alMutate(reflect.ValueOf(&def).Elem())

	opts := testkit.EquateDecimals()
	for i, c := range carts {
		res := promotest.Evaluate(t, c, rs)
		if diff := cmp.Diff(before[i], res, opts); diff != "" {
			t.Fatalf("cart %d priced otherwise after the definition changed (-before +after):\n%s", i, diff)
		}
	}
	after := tell()
	if diff := cmp.Diff(infos, after, opts); diff != "" {
		t.Errorf("promotions described otherwise after the definition changed (-before +after):\n%s", diff)
	}
}
