package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// emptyRuleset is the ruleset of version 0, before any is loaded.
const emptyRuleset = `{"version": 1, "campaigns": []}`

// Ruleset is one version of the rules: the document as loaded, its
// definition and its compiled form. It is immutable.
type Ruleset struct {
	Version  int64
	Document json.RawMessage
	SHA256   string
	LoadedAt string
	Def      campaign.Ruleset
	Compiled *promo.Ruleset

	caps map[string]int64 // limit and block caps, by "<kind>/<id>/<scope>/<count>/<period kind>"
	// amountCaps are the money budgets' caps in cents, by
	// "budget/<id>/all" and "budget/<id>/customer".
	amountCaps map[string]int64
	budgeted   []campaign.IndustryPromotion
}

// compileRuleset decodes and compiles a document; a bad one gives the
// library's *promo.ValidationError.
func compileRuleset(version int64, doc []byte, loadedAt string) (*Ruleset, error) {
	rs, err := campaign.Load(doc)
	if err != nil {
		return nil, err
	}
	def, err := campaign.Decode(doc)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(doc)
	r := &Ruleset{Version: version, Document: json.RawMessage(doc), SHA256: hex.EncodeToString(sum[:]),
		LoadedAt: loadedAt, Def: def, Compiled: rs, caps: map[string]int64{}, amountCaps: map[string]int64{}}
	for _, c := range def.Campaigns {
		if b := c.Budget; b != nil {
			// The library validated both as money (two decimal places at
			// most): in cents they are whole.
			if b.Total != nil {
				r.amountCaps["budget/"+c.ID+"/all"] = b.Total.Shift(2).IntPart()
			}
			if b.PerCustomer != nil {
				r.amountCaps["budget/"+c.ID+"/customer"] = b.PerCustomer.Shift(2).IntPart()
			}
		}
		for _, l := range c.Limits {
			count := "sales"
			if l.Count == "item" {
				count = "items"
			}
			scope := "all"
			if l.Scope == "customer" {
				scope = "customer"
			}
			r.caps["limit/"+c.ID+"/"+scope+"/"+count+"/"+string(l.Period)] = l.Max
		}
	}
	for _, p := range def.DiscountPacks {
		if p.LimitPerCustomer > 0 {
			r.caps["limit/"+p.ID+"/customer/sales/campaign"] = p.LimitPerCustomer
		}
	}
	for _, c := range def.Combos {
		if c.BlockQuantity > 0 {
			r.caps["block/"+c.ID+"/customer/units/day"] = c.BlockQuantity
			r.caps["block/"+c.ID+"/customer/units/campaign"] = c.BlockQuantity
		}
	}
	for _, x := range def.IndustryPromotions {
		if x.Budgeted {
			r.budgeted = append(r.budgeted, x)
		}
	}
	return r, nil
}

var (
	dayKey   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	weekKey  = regexp.MustCompile(`^\d{4}-W\d{2}$`)
	monthKey = regexp.MustCompile(`^\d{4}-\d{2}$`)
)

// Cap returns the most a counter key may reach under this ruleset: the
// max of the limit (limite de ativações), of a Desconto Pack table's limit
// per customer, or of a combo's purchase block, read from the key the
// library builds:
//
//	limit/<id>/all/<period>/<sales|items>
//	limit/<id>/customer/<token>/<period>/<sales|items>
//	block/<id>/customer/<token>/<day|all>/units
//
// For a campaign's money budget (verba em reais) it returns the budget in
// cents, the unit the store counts those keys in (IsAmountKey):
//
//	budget/<id>/all/amount                 budget.total
//	budget/<id>/customer/<token>/amount    budget.per_customer
//
// false when the ruleset has no such limit (a campaign since removed).
func (r *Ruleset) Cap(key string) (int64, bool) {
	if IsAmountKey(key) {
		return r.amountCap(key)
	}
	parts := strings.Split(key, "/")
	if len(parts) < 5 {
		return 0, false
	}
	kind, id := parts[0], parts[1]
	period, count := parts[len(parts)-2], parts[len(parts)-1]
	scope := parts[2]
	switch {
	case scope == "all" && len(parts) == 5:
	case scope == "customer" && len(parts) >= 6:
	default:
		return 0, false
	}
	var pk string
	switch {
	case period == "all":
		pk = "campaign"
	case dayKey.MatchString(period):
		pk = "day"
	case weekKey.MatchString(period):
		pk = "week"
	case monthKey.MatchString(period):
		pk = "month"
	default:
		return 0, false
	}
	c, ok := r.caps[kind+"/"+id+"/"+scope+"/"+count+"/"+pk]
	return c, ok
}

// amountCap returns the cap in cents of a money budget's counter key. A
// campaign's id has no "/" (the library refuses one), a customer's token
// may.
func (r *Ruleset) amountCap(key string) (int64, bool) {
	rest := strings.TrimSuffix(strings.TrimPrefix(key, "budget/"), "/amount")
	id, scope, ok := strings.Cut(rest, "/")
	switch {
	case !ok:
		return 0, false
	case scope == "all":
	case strings.HasPrefix(scope, "customer/") && len(scope) > len("customer/"):
		scope = "customer"
	default:
		return 0, false
	}
	c, ok := r.amountCaps["budget/"+id+"/"+scope]
	return c, ok
}

// IsAmountKey reports whether a counter key is a campaign's money budget
// (budget/<id>/all/amount, budget/<id>/customer/<token>/amount): the store
// counts it in cents, where every other counter counts units.
func IsAmountKey(key string) bool {
	return strings.HasPrefix(key, "budget/") && strings.HasSuffix(key, "/amount")
}

// budgetedFor returns the budgeted industry promotions whose products the
// cart has, sorted by id: the budgets an evaluation of it reads.
func (r *Ruleset) budgetedFor(c *promo.Cart) []string {
	var ids []string
	for _, x := range r.budgeted {
		if slices.ContainsFunc(c.Lines, func(l promo.Line) bool { return slices.Contains(x.Products, l.ProductCode) }) {
			ids = append(ids, x.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// currentVersion returns the latest version loaded, 0 for none.
func (s *Store) currentVersion(ctx context.Context, tx *sql.Tx) (int64, error) {
	var v sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT MAX(version) FROM rulesets").Scan(&v); err != nil {
		return 0, err
	}
	return v.Int64, nil
}

// currentRuleset returns the latest version, compiled.
func (s *Store) currentRuleset(ctx context.Context, tx *sql.Tx) (*Ruleset, error) {
	v, err := s.currentVersion(ctx, tx)
	if err != nil {
		return nil, err
	}
	return s.ruleset(ctx, tx, v)
}

// ruleset returns a version, compiled once and kept.
func (s *Store) ruleset(ctx context.Context, tx *sql.Tx, version int64) (*Ruleset, error) {
	s.mu.Lock()
	r, ok := s.compiled[version]
	s.mu.Unlock()
	if ok {
		return r, nil
	}
	doc, loadedAt := []byte(emptyRuleset), ""
	if version > 0 {
		var text string
		err := tx.QueryRowContext(ctx, s.q("SELECT document, loaded_at FROM rulesets WHERE version = ?"), version).Scan(&text, &loadedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		if err != nil {
			return nil, err
		}
		doc = []byte(text)
	}
	r, err := compileRuleset(version, doc, loadedAt)
	if err != nil {
		return nil, fmt.Errorf("ruleset version %d no longer compiles: %w", version, err)
	}
	s.mu.Lock()
	s.compiled[version] = r
	s.mu.Unlock()
	return r, nil
}

// Current returns the latest ruleset: evaluations take it once, at their
// start, and finish on it.
func (s *Store) Current(ctx context.Context) (*Ruleset, error) {
	var r *Ruleset
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = s.currentRuleset(ctx, tx)
		return err
	})
	return r, err
}

// Version returns one version of the rules.
func (s *Store) Version(ctx context.Context, version int64) (*Ruleset, error) {
	var r *Ruleset
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = s.ruleset(ctx, tx, version)
		return err
	})
	return r, err
}

// LoadRuleset validates and compiles a ruleset document and stores it as the
// next version, atomically: requests that started before go on with the
// version they took; those that start after get this one. A document that
// does not compile is a *promo.ValidationError and stores nothing.
func (s *Store) LoadRuleset(ctx context.Context, doc []byte) (*Ruleset, error) {
	if _, err := compileRuleset(0, doc, ""); err != nil {
		return nil, err
	}
	var out *Ruleset
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		v, err := s.currentVersion(ctx, tx)
		if err != nil {
			return err
		}
		at := s.opts.Now().UTC().Format(time.RFC3339Nano)
		sum := sha256.Sum256(doc)
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO rulesets (version, document, sha256, loaded_at) VALUES (?, ?, ?, ?)"),
			v+1, string(doc), hex.EncodeToString(sum[:]), at); err != nil {
			return err
		}
		out, err = compileRuleset(v+1, doc, at)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.compiled[out.Version] = out
	s.mu.Unlock()
	return out, nil
}

// VersionInfo describes one stored version.
type VersionInfo struct {
	Version  int64  `json:"version"`
	SHA256   string `json:"sha256"`
	LoadedAt string `json:"loaded_at"`
}

// Versions lists the stored versions, oldest first.
func (s *Store) Versions(ctx context.Context) ([]VersionInfo, error) {
	out := []VersionInfo{}
	err := eachRow(ctx, s.read, "SELECT version, sha256, loaded_at FROM rulesets ORDER BY version", nil, func(rows *sql.Rows) error {
		var v VersionInfo
		if err := rows.Scan(&v.Version, &v.SHA256, &v.LoadedAt); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PromotionDiff is what changed of one promotion between two versions.
type PromotionDiff struct {
	// ID is the promotion's id; Family its array in the format
	// ("campaigns", "markdowns", "discount_packs", "combos",
	// "industry_promotions").
	ID     string `json:"id"`
	Family string `json:"family"`
	// Change is "added", "removed" or "changed".
	Change string `json:"change"`
	// Fields are the changed fields of a Reshop campaign (campaign.Diff);
	// the other families are compared whole.
	Fields []campaign.Change `json:"fields,omitempty"`
}

// Diff lists what changed from one version to another, by family then id
// (the audit of the rules: auditoria de campanha).
func Diff(from, to *Ruleset) []PromotionDiff {
	out := []PromotionDiff{}
	out = append(out, diffFamily("campaigns", from.Def.Campaigns, to.Def.Campaigns, func(c campaign.Campaign) string { return c.ID },
		func(a, b campaign.Campaign) []campaign.Change { return campaign.Diff(a, b) })...)
	out = append(out, diffFamily("markdowns", from.Def.Markdowns, to.Def.Markdowns, func(m campaign.Markdown) string { return m.ID }, nil)...)
	out = append(out, diffFamily("discount_packs", from.Def.DiscountPacks, to.Def.DiscountPacks, func(p campaign.DiscountPack) string { return p.ID }, nil)...)
	out = append(out, diffFamily("combos", from.Def.Combos, to.Def.Combos, func(c campaign.Combo) string { return c.ID }, nil)...)
	out = append(out, diffFamily("industry_promotions", from.Def.IndustryPromotions, to.Def.IndustryPromotions, func(x campaign.IndustryPromotion) string { return x.ID }, nil)...)
	return out
}

func diffFamily[T any](family string, before, after []T, id func(T) string, fields func(a, b T) []campaign.Change) []PromotionDiff {
	old := map[string]T{}
	for _, x := range before {
		old[id(x)] = x
	}
	seen := map[string]bool{}
	var out []PromotionDiff
	for _, x := range after {
		k := id(x)
		seen[k] = true
		prev, ok := old[k]
		if !ok {
			out = append(out, PromotionDiff{ID: k, Family: family, Change: "added"})
			continue
		}
		a, _ := json.Marshal(prev)
		b, _ := json.Marshal(x)
		if string(a) == string(b) {
			continue
		}
		d := PromotionDiff{ID: k, Family: family, Change: "changed"}
		if fields != nil {
			d.Fields = fields(prev, x)
			if len(d.Fields) == 0 {
				continue
			}
		}
		out = append(out, d)
	}
	for _, x := range before {
		if !seen[id(x)] {
			out = append(out, PromotionDiff{ID: id(x), Family: family, Change: "removed"})
		}
	}
	slices.SortFunc(out, func(a, b PromotionDiff) int { return strings.Compare(a.ID, b.ID) })
	return out
}
