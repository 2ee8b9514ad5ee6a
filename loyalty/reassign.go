package loyalty

import (
	"fmt"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// Reassign moves the points of a past sale to another professional CPF, or
// removes them when to is the zero TaxID (Consulta de Pedidos: inserir,
// alterar ou remover o CPF). current is the points event that holds them
// now: the sale's own event, or the one an earlier reassignment gave.
//
// It returns a points_reversed event marked Move, which takes whatever of
// the points still stands (a return may have taken some back), and, unless
// removing, a points event for to that carries them on, with Origin naming
// the sale's original event: reversals of that event (returns) then reach
// whoever holds the points. Ids derive from current and the new CPF, so
// repeating the same reassignment gives the same ids. Ledger shows how a
// host applies them.
func Reassign(cartID string, original promo.Event, to br.TaxID) ([]promo.Event, error) {
	if original.Kind != promo.EventPoints {
		return nil, fmt.Errorf("loyalty: event %s is %s, not points", original.ID, original.Kind)
	}
	if !to.IsZero() && to.Kind() != br.CPF {
		return nil, fmt.Errorf("loyalty: points go to a CPF, got a %s", to.Kind())
	}
	if !to.IsZero() && to == original.Professional {
		return nil, nil // already there: nothing to do
	}
	origin := original.Origin
	if origin == "" {
		origin = original.ID
	}
	rev := promo.Event{
		ID:   promo.EventID(cartID, promo.EventPointsReversed.String(), original.ID, to.String()),
		Kind: promo.EventPointsReversed, Campaign: original.Campaign, Customer: original.Customer,
		Points: original.Points, Program: original.Program, Professional: original.Professional,
		Reverses: original.ID, Move: true,
	}
	out := []promo.Event{rev}
	if !to.IsZero() {
		out = append(out, promo.Event{
			ID:   promo.EventID(cartID, promo.EventPoints.String(), original.ID, to.String()),
			Kind: promo.EventPoints, Campaign: original.Campaign, Customer: original.Customer,
			Points: original.Points, Program: original.Program, Professional: to,
			Origin: origin, Weights: original.Weights,
		})
	}
	return out, nil
}
