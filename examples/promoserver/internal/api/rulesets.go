package api

import (
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

func (s *Server) campaigns(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var f campaign.Filter
	var ps []promo.Problem
	f.Type, f.Category, f.Text = q.Get("type"), q.Get("category"), q.Get("text")
	instant := func(name string) time.Time {
		v := q.Get(name)
		if v == "" {
			return time.Time{}
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			ps = append(ps, promo.Problem{Path: name, Reason: "want an RFC 3339 instant"})
		}
		return t
	}
	f.At = instant("at")
	f.StartsFrom, f.StartsUntil = instant("starts_from"), instant("starts_until")
	f.EndsFrom, f.EndsUntil = instant("ends_from"), instant("ends_until")
	if v := q.Get("status"); v != "" {
		st, err := campaign.ParseStatus(v)
		if err != nil {
			ps = append(ps, promo.Problem{Path: "status", Reason: err.Error()})
		}
		f.Status = &st
		if f.At.IsZero() {
			f.At = s.now()
		}
	}
	if len(ps) > 0 {
		return invalid("search", ps...)
	}
	rs, err := s.store.Current(r.Context())
	if err != nil {
		return err
	}
	found, err := rs.Def.Search(f)
	if err != nil {
		return invalid("search", promo.Problem{Reason: err.Error()})
	}
	if found == nil {
		found = []campaign.Campaign{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"ruleset_version": rs.Version, "campaigns": found})
}

func (s *Server) rulesets(w http.ResponseWriter, r *http.Request) error {
	vs, err := s.store.Versions(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"versions": vs})
}

func (s *Server) loadRuleset(w http.ResponseWriter, r *http.Request) error {
	doc, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	rs, err := s.store.LoadRuleset(r.Context(), doc)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, store.VersionInfo{Version: rs.Version, SHA256: rs.SHA256, LoadedAt: rs.LoadedAt})
}

func (s *Server) version(r *http.Request, name string) (*store.Ruleset, error) {
	v := r.PathValue(name)
	if name != "version" {
		v = r.URL.Query().Get(name)
	}
	if v == "current" {
		return s.store.Current(r.Context())
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return nil, invalid("version", promo.Problem{Path: name, Reason: "want a version number or current"})
	}
	return s.store.Version(r.Context(), n)
}

func (s *Server) ruleset(w http.ResponseWriter, r *http.Request) error {
	rs, err := s.version(r, "version")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"version": rs.Version, "sha256": rs.SHA256, "loaded_at": rs.LoadedAt, "document": rs.Document})
}

func (s *Server) diff(w http.ResponseWriter, r *http.Request) error {
	to, err := s.version(r, "version")
	if err != nil {
		return err
	}
	var from *store.Ruleset
	if r.URL.Query().Get("from") != "" {
		from, err = s.version(r, "from")
	} else {
		from, err = s.store.Version(r.Context(), max(to.Version-1, 0))
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"from": from.Version, "to": to.Version, "changes": store.Diff(from, to)})
}
