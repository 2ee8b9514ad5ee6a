package api

import (
	"context"
	"errors"
	"strings"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// cartRuleset is the context key of the ruleset that was current when a
// request carrying a cart arrived: its limits bound the body and the cart.
type cartRuleset struct{}

// decodeCart decodes a cart with the library's strict decoder, under the
// limits (settings.limits) of the ruleset current when the request arrived,
// and refuses the state the server fills itself; path prefixes the
// problems' paths.
func (s *Server) decodeCart(ctx context.Context, raw []byte, path string) (promo.Cart, error) {
	prefix := func(ps []promo.Problem) []promo.Problem {
		out := make([]promo.Problem, len(ps))
		for i, p := range ps {
			out[i] = p
			if path != "" {
				out[i].Path = strings.TrimSuffix(path+"."+p.Path, ".")
			}
		}
		return out
	}
	if len(raw) == 0 {
		return promo.Cart{}, invalid("cart", promo.Problem{Path: path, Reason: "required"})
	}
	rs, ok := ctx.Value(cartRuleset{}).(*store.Ruleset)
	if !ok {
		var err error
		if rs, err = s.store.Current(ctx); err != nil {
			return promo.Cart{}, err
		}
	}
	c, err := rs.Compiled.DecodeCart(raw)
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			return c, invalid("cart", prefix(ve.Problems)...)
		}
		return c, err
	}
	var ps []promo.Problem
	h := c.History
	if len(h.Counters) > 0 || len(h.Budgets) > 0 || len(h.UsedCodes) > 0 || h.FirstPurchase {
		ps = append(ps, promo.Problem{Path: "history", Reason: "the server fills it from its database: leave it out"})
	}
	if len(c.Wallet) > 0 {
		ps = append(ps, promo.Problem{Path: "wallet", Reason: "the server fills it from its database: leave it out"})
	}
	if c.ID == "" {
		ps = append(ps, promo.Problem{Path: "id", Reason: "required: it identifies the sale"})
	}
	if len(ps) > 0 {
		return c, invalid("cart", prefix(ps)...)
	}
	return c, nil
}
