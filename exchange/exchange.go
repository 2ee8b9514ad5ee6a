package exchange

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Mode is how a campaign treats a sale with exchange items. The zero value
// is Net.
type Mode uint8

const (
	// Net activates and computes on the lines' values net of their share of
	// the exchange credit (ativa com preço líquido).
	Net Mode = iota
	// NoActivation does not activate when the sale has an exchange item
	// (não ativa campanha).
	NoActivation
	// Original activates and computes on the lines' original prices, as the
	// host registered them; a line without one uses its current value (ativa
	// com preço original).
	Original
	// Gross activates, the exchange credit is still netted, and the
	// discount is computed on the initial values (ativa com preço bruto).
	Gross
)

// String returns "net", "no_activation", "original" or "gross".
func (m Mode) String() string {
	switch m {
	case Net:
		return "net"
	case NoActivation:
		return "no_activation"
	case Original:
		return "original"
	case Gross:
		return "gross"
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// ParseMode parses a mode name as returned by String; "" is Net.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "", "net":
		return Net, nil
	case "no_activation":
		return NoActivation, nil
	case "original":
		return Original, nil
	case "gross":
		return Gross, nil
	}
	return Net, fmt.Errorf("unknown exchange mode %q (want net, no_activation, original or gross)", s)
}

// ReasonExchange means the campaign does not activate on a sale with exchange
// items (mode no_activation).
const ReasonExchange promo.ReasonCode = "exchange_in_sale"

// Basis returns the view a campaign with mode m computes on, or why it does
// not apply. Without exchange items every mode computes on the current
// values.
func Basis(v *promo.View, m Mode) (*promo.View, *promo.Reason) {
	if !v.HasExchange() {
		return v, nil
	}
	switch m {
	case NoActivation:
		return nil, &promo.Reason{Code: ReasonExchange,
			PT: "a campanha não é ativada em vendas com item de troca",
			EN: "the campaign does not activate on a sale with exchange items"}
	case Gross:
		return v, nil
	}
	values := make([]decimal.Decimal, v.Len())
	for i := range values {
		switch l := v.Line(i); {
		case m == Original && l.OriginalPrice.Valid:
			values[i] = v.Round(l.Quantity.Mul(l.OriginalPrice.Decimal))
		case m == Original:
			values[i] = v.Value(i)
		default:
			values[i] = decimal.Max(decimal.Zero, v.Value(i).Sub(v.ExchangeShare(i)))
		}
	}
	return v.Rebased(values), nil
}
