package campaign

import "github.com/promokit/promokit/promo"

// notEligible is a proposal that does not apply, for one reason in
// Portuguese and English.
func notEligible(code promo.ReasonCode, pt, en string) promo.Proposal {
	return promo.NotEligible(promo.Reason{Code: code, PT: pt, EN: en})
}

// short adds to a proposal's first reason what the cart lacks.
func short(p promo.Proposal, m *promo.Shortfall) promo.Proposal {
	p.Reasons[0].Missing = m
	return p
}
