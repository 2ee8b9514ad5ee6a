package loyalty

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// AddProfessional scores the points of a past sale that named no
// professional CPF, for the CPF given now ("Acumular JSM" at the receipt,
// or the CPF inserted in Consulta de Pedidos), without evaluating the sale
// again: cart and res are the cart the host evaluated under rs and the
// Result it got and recorded.
//
// It returns the events the sale would have given with the CPF: the
// program's points event (campaign loyalty/juntos_somos_mais, with the id
// an evaluation with the CPF gives it, so that adding the CPF twice, or
// adding it and then evaluating again, stores it once), and, for each
// campaign of the sale with a points multiplier (extras.points.multiplier),
// its bonus base × (multiplier − 1) for the same CPF, as a points event
// of the campaign. The points are those of the lines' net values in res
// (what they cost after every discount, as the earning phase sees them)
// in the store's table. Nothing to score (no table for the store, no
// participating brand) gives no events and no error.
//
// It is an error when rs has no Juntos Somos Mais program, when cpf is not
// a CPF, when the cart already named a professional (move the points with
// Reassign instead), or when res is not the result of cart.
func AddProfessional(rs *promo.Ruleset, cart promo.Cart, res promo.Result, cpf br.TaxID) ([]promo.Event, error) {
	if rs == nil {
		return nil, errors.New("loyalty: AddProfessional with a nil ruleset")
	}
	pp, ok := rs.Promotion(ProgramID)
	prog, isProg := pp.(*Program)
	if !ok || !isProg {
		return nil, errors.New("loyalty: the ruleset has no Juntos Somos Mais program")
	}
	if cpf.Kind() != br.CPF {
		return nil, fmt.Errorf("loyalty: points go to a CPF, got %q", cpf.Kind())
	}
	if !cart.Professional.IsZero() {
		return nil, fmt.Errorf("loyalty: sale %s already names professional %s: use Reassign to move its points", cart.ID, cart.Professional)
	}
	if res.CartID != cart.ID || len(res.Lines) != len(cart.Lines) {
		return nil, fmt.Errorf("loyalty: the result of sale %q is not that of sale %q", res.CartID, cart.ID)
	}
	lines := make([]scored, len(cart.Lines))
	for i, l := range cart.Lines {
		if res.Lines[i].ID != l.ID {
			return nil, fmt.Errorf("loyalty: result line %d is %q, the cart's %q", i, res.Lines[i].ID, l.ID)
		}
		lines[i] = scored{id: l.ID, brand: l.Brand, quantity: l.Quantity, value: res.Lines[i].Net}
	}
	slices.SortFunc(lines, func(a, b scored) int { return strings.Compare(a.id, b.id) })
	base, weights, ok := prog.score(cart.Store.ID, lines)
	if !ok || base.Sign() <= 0 {
		return nil, nil
	}
	customer := ""
	if cart.Customer != nil {
		customer = cart.Customer.ID
	}
	out := []promo.Event{{
		ID:   promo.EventID(cart.ID, promo.EventPoints.String(), ProgramID, "", "0"),
		Kind: promo.EventPoints, Campaign: ProgramID, Customer: customer,
		Points: base, Program: JuntosSomosMais, Professional: cpf, Weights: weights,
	}}
	for _, p := range rs.Promotions() {
		b, ok := p.(*Bonus)
		if !ok || b.multiplier.IsZero() || b.program != prog || !applied(res, b.campaign) {
			continue
		}
		pts := base.Mul(b.multiplier.Sub(decimal.NewFromInt(1))).Floor()
		if pts.Sign() <= 0 {
			continue
		}
		out = append(out, promo.Event{
			ID:   promo.EventID(cart.ID, promo.EventPoints.String(), b.campaign, "", "professional", cpf.String()),
			Kind: promo.EventPoints, Campaign: b.campaign, Customer: customer, Points: pts,
			Multiplier: b.multiplier, Program: JuntosSomosMais, Professional: cpf, Weights: weights,
		})
	}
	return out, nil
}

// applied reports whether campaign applied in res.
func applied(res promo.Result, campaign string) bool {
	return slices.ContainsFunc(res.Applied, func(a promo.Application) bool { return a.Campaign == campaign })
}
