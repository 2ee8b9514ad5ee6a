package campaign

import (
	"github.com/promokit/promokit/promo"
)

// Simulate evaluates a cart against some campaigns of a ruleset only, with
// the whole trace: the back office's "validação do cadastro de campanha".
// Unlike the Reshop manual's simulator it works for every benefit, gifts, cashback
// and exchange items included, because it is Evaluate itself. The other
// campaigns are left out (not traced); the ruleset-wide programs (cashback
// wallet, points) stay. Every campaign named has a trace entry, those the
// index set aside because no line of the cart can match them too
// (no_matching_item, after the others).
func Simulate(rs *promo.Ruleset, cart promo.Cart, ids ...string) (promo.Result, error) {
	only, err := rs.Only(ids...)
	if err != nil {
		return promo.Result{}, err
	}
	res, err := promo.Evaluate(cart, only)
	if err != nil {
		return promo.Result{}, err
	}
	res.Trace = append(res.Trace, only.SetAsideEntries(&cart, &res, ids...)...)
	return res, nil
}
