package promo_test

import (
	"strings"
	"testing"

	"github.com/promokit/promokit/promo"
)

// TestPhaseText: every phase reads back from its name, the first and the
// last included; an unknown name is an error and leaves the phase as it
// was.
func TestPhaseText(t *testing.T) {
	for _, tt := range []struct {
		text  string
		phase promo.Phase
	}{
		{"exchange", promo.PhaseExchange},
		{"markdown", promo.PhaseMarkdown},
		{"item", promo.PhaseItem},
		{"sale", promo.PhaseSale},
		{"redemption", promo.PhaseRedemption},
		{"earning", promo.PhaseEarning},
	} {
		p := promo.PhaseSale
		if err := p.UnmarshalText([]byte(tt.text)); err != nil || p != tt.phase {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tt.text, err, p, tt.phase)
		}
		if b, err := tt.phase.MarshalText(); err != nil || string(b) != tt.text {
			t.Errorf("MarshalText(%v) = %q, %v; want %q", tt.phase, b, err, tt.text)
		}
	}
	p := promo.PhaseItem
	if err := p.UnmarshalText([]byte("Phase(6)")); err == nil || !strings.Contains(err.Error(), `unknown phase "Phase(6)"`) || p != promo.PhaseItem {
		t.Errorf("UnmarshalText(Phase(6)) = %v, phase %v; want an unknown phase error and the phase unchanged", err, p)
	}
}
