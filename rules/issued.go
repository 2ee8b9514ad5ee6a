package rules

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"strings"
	"time"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// codeAlphabet is base 32 without the easily confused 0/O and 1/I.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func codeEncoding() *base32.Encoding {
	return base32.NewEncoding(codeAlphabet).WithPadding(base32.NoPadding)
}

// epoch is day zero of issued codes' day numbers.
func epoch() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

// IssueCode returns the code a campaign issues to a sale (benefício código
// promocional): prefix, then 4 characters for the day of issue, 8 derived
// from the cart id (40 bits: two sales of a day practically never share a
// code), then macLen characters of an HMAC-SHA-256 under secret that make
// the code verifiable without a list. The same sale always gets the same
// code.
func IssueCode(campaignID, prefix, secret, cartID string, day br.Date, macLen int) string {
	enc := codeEncoding()
	days := max(0, int(time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, time.UTC).Sub(epoch())/(24*time.Hour)))
	var dayChars [4]byte
	for i := 3; i >= 0; i-- {
		dayChars[i] = codeAlphabet[days%32]
		days /= 32
	}
	h := sha256.Sum256([]byte(cartID + "\x00" + campaignID))
	payload := string(dayChars[:]) + enc.EncodeToString(h[:])[:8]
	return NormalizeCode(prefix) + payload + issuedMAC(campaignID, prefix, secret, payload, macLen)
}

func issuedMAC(campaignID, prefix, secret, payload string, n int) string {
	m := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(m, "%s\x00%s\x00%s", campaignID, NormalizeCode(prefix), payload)
	return codeEncoding().EncodeToString(m.Sum(nil))[:n]
}

// verifyIssued checks an issued code and returns its day of issue.
func verifyIssued(code, campaignID, prefix, secret string, macLen int) (br.Date, bool) {
	prefix = NormalizeCode(prefix)
	if !strings.HasPrefix(code, prefix) || len(code) != len(prefix)+12+macLen {
		return br.Date{}, false
	}
	payload, mac := code[len(prefix):len(prefix)+12], code[len(prefix)+12:]
	if !hmac.Equal([]byte(mac), []byte(issuedMAC(campaignID, prefix, secret, payload, macLen))) {
		return br.Date{}, false
	}
	days := 0
	for _, c := range payload[:4] {
		k := strings.IndexRune(codeAlphabet, c)
		if k < 0 {
			return br.Date{}, false
		}
		days = days*32 + k
	}
	return br.DateOf(epoch().AddDate(0, 0, days)), true
}

// IssuedValidity returns the first and last day an issued code is valid:
// it starts startsAfterDays after the day of issue and lasts validDays.
func IssuedValidity(issued br.Date, startsAfterDays, validDays int) (from, to br.Date) {
	t := time.Date(issued.Year, issued.Month, issued.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, startsAfterDays)
	return br.DateOf(t), br.DateOf(t.AddDate(0, 0, validDays-1))
}

type issuedCode struct {
	cartWide
	issuer, prefix, secret string
	macLen                 int
	startsAfter, validDays int
}

// IssuedCode holds when the cart presents, unused, a code that campaign
// issuer issued (IssueCode) and that is valid on the sale's date. A wrong,
// used or expired code gets the same opaque reason as PromoCode.
func IssuedCode(issuer, prefix, secret string, macLen, startsAfterDays, validDays int) Condition {
	return issuedCode{issuer: issuer, prefix: prefix, secret: secret, macLen: macLen, startsAfter: startsAfterDays, validDays: validDays}
}

func (issuedCode) Describe() (string, string) { return "código promocional", "promo code" }

// Code returns the first valid, unused issued code the cart presents, or "".
func (p issuedCode) Code(c *promo.Cart) string {
	today := br.DateOf(c.Time)
	for _, k := range c.PromoCodes {
		k = NormalizeCode(k)
		day, ok := verifyIssued(k, p.issuer, p.prefix, p.secret, p.macLen)
		if !ok || isUsed(k, c) {
			continue
		}
		from, to := IssuedValidity(day, p.startsAfter, p.validDays)
		if !before(today, from) && !before(to, today) {
			return k
		}
	}
	return ""
}

func before(a, b br.Date) bool {
	return time.Date(a.Year, a.Month, a.Day, 0, 0, 0, 0, time.UTC).Before(time.Date(b.Year, b.Month, b.Day, 0, 0, 0, 0, time.UTC))
}

func isUsed(code string, c *promo.Cart) bool {
	for _, u := range c.History.UsedCodes {
		if NormalizeCode(u) == code {
			return true
		}
	}
	return false
}

func (p issuedCode) Check(v *promo.View) Outcome {
	if p.Code(v.Cart()) != "" {
		return pass()
	}
	return Outcome{Reason: promo.Reason{Code: ReasonPromoCode,
		PT: "nenhum código promocional válido apresentado",
		EN: "no valid promo code presented"}}
}
