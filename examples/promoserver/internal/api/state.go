package api

import (
	"net/http"
	"time"

	"github.com/promokit/promokit/promo"
)

func (s *Server) budgets(w http.ResponseWriter, r *http.Request) error {
	bs, err := s.store.Budgets(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"budgets": bs})
}

func (s *Server) setBudget(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Units *int64 `json:"units"`
	}
	if err := decodeStrict(r.Body, "budget", &req); err != nil {
		return err
	}
	if req.Units == nil || *req.Units < 0 {
		return invalid("budget", promo.Problem{Path: "units", Reason: "required, at least 0"})
	}
	b, err := s.store.SetBudget(r.Context(), r.PathValue("promotion"), *req.Units)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, b)
}

func (s *Server) counters(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.store.Counters(r.Context(), r.URL.Query().Get("prefix"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"counters": cs})
}

func (s *Server) at(r *http.Request) (time.Time, error) {
	v := r.URL.Query().Get("at")
	if v == "" {
		return s.now(), nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return t, invalid("query", promo.Problem{Path: "at", Reason: "want an RFC 3339 instant"})
	}
	return t, nil
}

func (s *Server) wallet(w http.ResponseWriter, r *http.Request) error {
	at, err := s.at(r)
	if err != nil {
		return err
	}
	wl, err := s.store.Wallet(r.Context(), r.PathValue("customer"), at)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wl)
}

func (s *Server) review(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.AnswerReview(r.Context(), r.PathValue("credit")); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"credit": r.PathValue("credit"), "review_answered": true})
}

func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	at, err := s.at(r)
	if err != nil {
		return err
	}
	a, err := s.store.Audit(r.Context(), at)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}
