package campaign

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/promokit/promokit/rules"
)

// promoCodeCondition compiles a promo_code rule: the codes listed or
// generated, or those another campaign issues.
func (c *compiler) promoCodeCondition(in conditionIn) rules.Condition {
	cd := in.cd
	switch {
	case cd.IssuedBy != "" && cd.Codes != nil:
		c.fail(in.p+".issued_by", "give codes or issued_by, not both")
		return nil
	case cd.IssuedBy != "":
		return c.issuedCode(in.p, cd.IssuedBy)
	}
	return c.promoCode(in.p, cd.Codes, in.cc)
}

// promoCode compiles the codes a promo_code rule lists or generates.
func (c *compiler) promoCode(p string, cs *CodeSet, cc campaignCtx) rules.Condition {
	if cs == nil || (len(cs.List) == 0 && cs.Generate == nil) {
		c.fail(p+".codes", "a list of codes or a generate pattern is required")
		return nil
	}
	codes := make([]string, 0, len(cs.List))
	for j, k := range cs.List {
		if rules.NormalizeCode(k) == "" {
			c.fail(fmt.Sprintf("%s.codes.list[%d]", p, j), "must not be empty")
		}
		codes = append(codes, k)
	}
	if g := cs.Generate; g != nil {
		gp := p + ".codes.generate"
		if g.Count < 1 || g.Count > 1_000_000 {
			c.fail(gp+".count", "must be between 1 and 1000000")
		}
		if g.Length < 6 || g.Length > 32 {
			c.fail(gp+".length", "must be between 6 and 32 (shorter codes are guessable)")
		}
		if utf8.RuneCountInString(g.Secret) < 16 {
			c.fail(gp+".secret", "must have at least 16 characters")
		}
		switch {
		case g.Count < 1 || g.Count > 1_000_000 || g.Length < 6 || g.Length > 32:
		case g.Numbered:
			// Checked by their construction: nothing listed.
			return rules.PromoCodeIn(codes, rules.NumberedSet{Campaign: cc.id, Prefix: g.Prefix, Secret: g.Secret, Count: g.Count, Length: g.Length})
		default:
			codes = slices.AppendSeq(codes, rules.GeneratedCodes(cc.id, g.Prefix, g.Secret, g.Count, g.Length))
		}
	}
	return rules.PromoCode(codes)
}

// issuedCode compiles a promo_code rule that accepts the codes campaign
// issuer issues.
func (c *compiler) issuedCode(p, issuer string) rules.Condition {
	k, ok := c.campaignIdx[issuer]
	if !ok {
		c.fail(p+".issued_by", "unknown campaign %q", issuer)
		return nil
	}
	ex := c.def.Campaigns[k].Extras
	if ex == nil || ex.IssueCode == nil {
		c.fail(p+".issued_by", "campaign %q issues no codes (extras.issue_code)", issuer)
		return nil
	}
	ic := ex.IssueCode
	return rules.IssuedCode(issuer, ic.Prefix, ic.Secret, issueLength(ic), ic.StartsAfterDays, ic.ValidDays)
}

func issueLength(ic *IssueCode) int {
	if ic.Length == 0 {
		return 8
	}
	return ic.Length
}
