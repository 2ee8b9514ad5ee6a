package promo_test

import (
	"strings"
	"testing"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
)

func TestRoundingModeRound(t *testing.T) {
	tests := []struct {
		in                          string
		halfEven, halfUp, truncated string
	}{
		// A tie goes to the even cent under half_even (ABNT NBR 5891).
		{"0.125", "0.12", "0.13", "0.12"},
		{"0.135", "0.14", "0.14", "0.13"},
		{"2.675", "2.68", "2.68", "2.67"},
		{"1.005", "1.00", "1.01", "1.00"},
		// Not a tie: the nearest cent.
		{"0.1251", "0.13", "0.13", "0.12"},
		{"0.1249", "0.12", "0.12", "0.12"},
		{"0.129", "0.13", "0.13", "0.12"},
		// Negative amounts: half_up goes away from zero, truncate toward it.
		{"-0.125", "-0.12", "-0.13", "-0.12"},
		{"-0.129", "-0.13", "-0.13", "-0.12"},
		// Already in cents, or whole.
		{"10.5", "10.50", "10.50", "10.50"},
		{"7", "7.00", "7.00", "7.00"},
		{"0", "0", "0", "0"},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			mode promo.RoundingMode
			want string
		}{{promo.HalfEven, tt.halfEven}, {promo.HalfUp, tt.halfUp}, {promo.Truncate, tt.truncated}} {
			got := c.mode.Round(testkit.Dec(tt.in))
			if !got.Equal(testkit.Dec(c.want)) {
				t.Errorf("%v.Round(%s) (-want +got):\n-%s\n+%s", c.mode, tt.in, c.want, got)
			}
		}
	}
}

func TestRoundingModeText(t *testing.T) {
	tests := []struct {
		text    string
		want    promo.RoundingMode
		wantErr string
	}{
		{"", promo.HalfEven, ""},
		{"half_even", promo.HalfEven, ""},
		{"half_up", promo.HalfUp, ""},
		{"truncate", promo.Truncate, ""},
		{"HALF_UP", promo.HalfEven, `unknown rounding mode "HALF_UP"`},
		{"bankers", promo.HalfEven, `unknown rounding mode "bankers"`},
	}
	for _, tt := range tests {
		got, err := promo.ParseRoundingMode(tt.text)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseRoundingMode(%q) error = %v, want one containing %q", tt.text, err, tt.wantErr)
			}
			// UnmarshalText leaves the value alone on error.
			m := promo.Truncate
			if err := m.UnmarshalText([]byte(tt.text)); err == nil || m != promo.Truncate {
				t.Errorf("UnmarshalText(%q) = %v, mode %v; want an error and the mode unchanged", tt.text, err, m)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRoundingMode(%q) = %v, %v; want %v, nil", tt.text, got, err, tt.want)
		}
		var m promo.RoundingMode = 9
		if err := m.UnmarshalText([]byte(tt.text)); err != nil || m != tt.want {
			t.Errorf("UnmarshalText(%q) = %v, mode %v; want nil, %v", tt.text, err, m, tt.want)
		}
	}

	names := map[promo.RoundingMode]string{
		promo.HalfEven:        "half_even",
		promo.HalfUp:          "half_up",
		promo.Truncate:        "truncate",
		promo.RoundingMode(7): "RoundingMode(7)",
	}
	for m, want := range names {
		if got := m.String(); got != want {
			t.Errorf("RoundingMode(%d).String() (-want +got):\n-%s\n+%s", uint8(m), want, got)
		}
		b, err := m.MarshalText()
		if err != nil || string(b) != want {
			t.Errorf("RoundingMode(%d).MarshalText() = %q, %v; want %q", uint8(m), b, err, want)
		}
	}
	if promo.RoundingMode(0) != promo.HalfEven {
		t.Errorf("the zero RoundingMode is %v, want half_even", promo.RoundingMode(0))
	}
}
