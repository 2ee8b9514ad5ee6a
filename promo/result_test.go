package promo_test

import (
	"strings"
	"testing"

	"github.com/promokit/promokit/promo"
)

// TestAdjustmentKindText: every kind reads back from its name, the first
// and the last included; an unknown name is an error and leaves the kind
// as it was.
func TestAdjustmentKindText(t *testing.T) {
	for _, tt := range []struct {
		text string
		kind promo.AdjustmentKind
	}{
		{"item_discount", promo.ItemDiscount},
		{"free_units", promo.FreeUnits},
		{"sale_discount", promo.SaleDiscount},
		{"markdown", promo.Markdown},
		{"gift", promo.GiftUnits},
		{"cashback_redemption", promo.CashbackRedemption},
		{"freight_discount", promo.FreightDiscount},
	} {
		k := promo.Markdown
		if err := k.UnmarshalText([]byte(tt.text)); err != nil || k != tt.kind {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tt.text, err, k, tt.kind)
		}
		if b, err := tt.kind.MarshalText(); err != nil || string(b) != tt.text {
			t.Errorf("MarshalText(%v) = %q, %v; want %q", tt.kind, b, err, tt.text)
		}
	}
	k := promo.GiftUnits
	if err := k.UnmarshalText([]byte("gifts")); err == nil || !strings.Contains(err.Error(), `unknown adjustment kind "gifts"`) || k != promo.GiftUnits {
		t.Errorf("UnmarshalText(gifts) = %v, kind %v; want an unknown adjustment kind error and the kind unchanged", err, k)
	}
}
