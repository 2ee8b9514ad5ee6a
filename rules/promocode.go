package rules

import (
	"crypto/hmac"
	"crypto/sha256"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/promokit/promokit/promo"
)

// ReasonPromoCode is the one reason a promo-code rule gives when no valid
// code was presented: it never tells whether a code exists or was used.
const ReasonPromoCode promo.ReasonCode = "promo_code_not_valid"

// NormalizeCode returns a code as it is compared: trimmed and upper case.
func NormalizeCode(c string) string { return strings.ToUpper(strings.TrimSpace(c)) }

// GenerateCodes returns count codes for a campaign, each prefix followed by
// length characters of an HMAC-SHA-256 of the campaign id and the code's
// number under secret, in base 32 without the easily confused 0/O and 1/I.
// The same arguments always give the same codes, so the host can print them
// and the ruleset can recognise them without storing a list.
//
// Checking a presented code takes the whole list; a NumberedSet is checked
// by its construction instead.
func GenerateCodes(campaignID, prefix, secret string, count, length int) []string {
	out := make([]string, 0, max(count, 0))
	for c := range GeneratedCodes(campaignID, prefix, secret, count, length) {
		out = append(out, c)
	}
	return out
}

// GeneratedCodes lists the codes GenerateCodes returns, one at a time.
func GeneratedCodes(campaignID, prefix, secret string, count, length int) iter.Seq[string] {
	return func(yield func(string) bool) {
		enc, m, prefix := codeEncoding(), hmac.New(sha256.New, []byte(secret)), NormalizeCode(prefix)
		for i := range count {
			m.Reset()
			m.Write([]byte(campaignID + "\x00" + strconv.Itoa(i)))
			if !yield(prefix + enc.EncodeToString(m.Sum(nil))[:length]) {
				return
			}
		}
	}
}

type promoCode struct {
	cartWide
	codes    map[string]bool
	numbered []NumberedSet
}

// PromoCode holds when the cart presents one of codes that the history does
// not list as used (código promocional). Codes are compared after
// NormalizeCode.
func PromoCode(codes []string) Condition { return PromoCodeIn(codes) }

// PromoCodeIn is PromoCode over codes and the codes of numbered sets,
// which are checked by their construction.
func PromoCodeIn(codes []string, sets ...NumberedSet) Condition {
	set := make(map[string]bool, len(codes))
	for _, c := range codes {
		set[NormalizeCode(c)] = true
	}
	return promoCode{codes: set, numbered: sets}
}

// has reports whether code, normalized, is one of the rule's.
func (p promoCode) has(code string) bool {
	return p.codes[code] || slices.ContainsFunc(p.numbered, func(s NumberedSet) bool { return s.Contains(code) })
}

func (promoCode) Describe() (string, string) { return "código promocional", "promo code" }

// Code returns the first valid, unused code the cart presents, or "".
func (p promoCode) Code(c *promo.Cart) string {
	for _, k := range c.PromoCodes {
		k = NormalizeCode(k)
		if !p.has(k) {
			continue
		}
		if !isUsed(k, c) {
			return k
		}
	}
	return ""
}

func (p promoCode) Check(v *promo.View) Outcome {
	if p.Code(v.Cart()) != "" {
		return pass()
	}
	return Outcome{Reason: promo.Reason{Code: ReasonPromoCode,
		PT: "nenhum código promocional válido apresentado",
		EN: "no valid promo code presented"}}
}

// Redeemed returns the promotional codes the cart redeems under condition c:
// for every promo-code rule inside c that holds within a branch that holds,
// the code that met it (under an OU whose other branch held, a code in a
// failing branch is not used up). The campaign reports them as
// code_redeemed events so the host marks them used.
func Redeemed(c Condition, v *promo.View) []string {
	if !c.Check(v).OK {
		return nil
	}
	switch x := c.(type) {
	case promoCode:
		return []string{x.Code(v.Cart())}
	case issuedCode:
		return []string{x.Code(v.Cart())}
	case composite:
		var out []string
		for _, s := range x.conds {
			out = append(out, Redeemed(s, v)...)
		}
		return out
	}
	return nil
}

// RedeemsCodes reports whether condition c holds a promo-code or
// issued-code rule, that is whether Redeemed can return any code: a
// campaign knows it when compiled, and looks for codes only then.
func RedeemsCodes(c Condition) bool {
	switch x := c.(type) {
	case promoCode, issuedCode:
		return true
	case composite:
		return slices.ContainsFunc(x.conds, RedeemsCodes)
	}
	return false
}
