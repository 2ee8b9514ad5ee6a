package loyalty

import (
	"fmt"

	"promokit/promo"
)

// Reassign moves the points of a past sale's event to another professional
// CPF, or removes them when to is the zero TaxID (Consulta de Pedidos:
// inserir, alterar ou remover o CPF). It returns a points_reversed event
// that takes back the original event's points and, unless removing, a new
// points event for to. Ids derive from the original event and the new CPF,
// so repeating the same reassignment gives the same ids.
func Reassign(cartID string, original promo.Event, to promo.TaxID) ([]promo.Event, error) {
	if original.Kind != promo.EventPoints {
		return nil, fmt.Errorf("loyalty: event %s is %s, not points", original.ID, original.Kind)
	}
	if !to.IsZero() && to.Kind() != promo.CPF {
		return nil, fmt.Errorf("loyalty: points go to a CPF, got a %s", to.Kind())
	}
	if !to.IsZero() && to == original.Professional {
		return nil, nil // already there: nothing to do
	}
	rev := promo.Event{
		ID:   promo.EventID(cartID, promo.EventPointsReversed.String(), original.ID, to.String()),
		Kind: promo.EventPointsReversed, Campaign: original.Campaign, Customer: original.Customer,
		Points: original.Points, Program: original.Program, Professional: original.Professional, Reverses: original.ID,
	}
	out := []promo.Event{rev}
	if !to.IsZero() {
		out = append(out, promo.Event{
			ID:   promo.EventID(cartID, promo.EventPoints.String(), original.ID, to.String()),
			Kind: promo.EventPoints, Campaign: original.Campaign, Customer: original.Customer,
			Points: original.Points, Program: original.Program, Professional: to,
		})
	}
	return out, nil
}
