package campaign_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/campaign"
)

func TestClonePack(t *testing.T) {
	def, err := campaign.Decode([]byte(`{"version": 1,
	  "campaigns": [{"id": "natal-campanha", "name": "N", "start": "2026-12-01", "no_activation_rules": true, "benefit": {"on": "sale", "percent": "5"}}],
	  "discount_packs": [{
	  "id": "bf", "name": "Black Friday", "start": "2026-11-01", "end": "2026-11-30", "status": "finished",
	  "owner": "franchisor", "stores": [{"id": "loja-1", "kind": "own"}], "min_sale_value": "100.00",
	  "coupon": "BLACK", "key": "BF2026", "prize": {"sale": {"percent": "10"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	out, err := def.ClonePack("bf", "natal", "Natal", "2026-12-01", "2026-12-25", "NATAL", "NT2026")
	if err != nil {
		t.Fatal(err)
	}
	if len(def.DiscountPacks) != 1 || len(out.DiscountPacks) != 2 {
		t.Fatalf("tables: original %d, clone %d; want 1 and 2", len(def.DiscountPacks), len(out.DiscountPacks))
	}
	c := out.DiscountPacks[1]
	got := []string{c.ID, c.Name, c.Start, c.End, c.Coupon, c.Key, string(c.Status), string(c.Owner), c.MinSaleValue.String()}
	want := []string{"natal", "Natal", "2026-12-01", "2026-12-25", "NATAL", "NT2026", "", "franchisor", "100"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clone (-want +got):\n%s", diff)
	}
	// No sharing: changing the clone's stores leaves the original alone.
	out.DiscountPacks[1].Stores[0].ID = "loja-9"
	if def.DiscountPacks[0].Stores[0].ID != "loja-1" {
		t.Errorf("the clone shares its stores with the original")
	}
	if _, err := campaign.Compile(out); err != nil {
		t.Errorf("the cloned ruleset does not compile: %v", err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"nope", "x", "X", "2026-12-01", "", "C", "K"}, "unknown table"},
		{[]string{"bf", "bf", "X", "2026-12-01", "", "C", "K"}, "already used"},
		{[]string{"bf", "natal-campanha", "X", "2026-12-01", "", "C", "K"}, "already used by campaigns[0]"},
		{[]string{"bf", "x", "X", "2026-12-01", "", " ", "K"}, "coupon: required"},
		{[]string{"bf", "x", "X", "2026-12-01", "", "C", ""}, "key: required"},
		{[]string{"bf", "x", "X", "2026-02-30", "", "C", "K"}, "2026-02-30"},
		{[]string{"bf", "x", "X", "2026-12-10", "2026-12-01", "C", "K"}, "before start"},
	} {
		a := tt.args
		_, err := def.ClonePack(a[0], a[1], a[2], a[3], a[4], a[5], a[6])
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ClonePack%v = %v, want an error containing %q", a, err, tt.want)
		}
	}
}
