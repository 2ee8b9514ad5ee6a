package campaign_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/campaign"
)

func TestDecAndPtr(t *testing.T) {
	if d := campaign.Dec("12.90"); !d.Equal(decimal.RequireFromString("12.9")) {
		t.Errorf("Dec(12.90) = %s", d)
	}
	if _, err := campaign.ParseDec("12,90"); err == nil {
		t.Error("ParseDec(12,90): want an error")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Dec(abc): want a panic")
			}
		}()
		campaign.Dec("abc")
	}()
	x := decimal.NewFromInt(5)
	if p := campaign.Ptr(x); p == &x || !p.Equal(x) {
		t.Errorf("Ptr: got %p %s, want a copy of %s", p, p, x)
	}
	if a, b := campaign.Dec("1"), campaign.Dec("1"); a == b {
		t.Error("Dec returns the same pointer twice")
	}
	if n := campaign.Ptr(60); *n != 60 {
		t.Errorf("Ptr(60) = %d", *n)
	}
}
