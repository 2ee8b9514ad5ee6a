package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

func (s *Server) evaluate(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	cart, err := s.decodeCart(r.Context(), body, "")
	if err != nil {
		return err
	}
	ev, err := s.store.Evaluate(r.Context(), cart)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ev)
}

func (s *Server) simulate(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Cart      json.RawMessage `json:"cart"`
		Campaigns []string        `json:"campaigns"`
	}
	if err := decodeStrict(r.Body, "simulation", &req); err != nil {
		return err
	}
	cart, err := s.decodeCart(r.Context(), req.Cart, "cart")
	if err != nil {
		return err
	}
	if len(req.Campaigns) == 0 {
		return invalid("simulation", promo.Problem{Path: "campaigns", Reason: "name at least one promotion"})
	}
	ev, err := s.store.Simulate(r.Context(), cart, req.Campaigns)
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) && ve.What == "selection" {
			for i := range ve.Problems {
				ve.Problems[i].Path = strings.Replace(ve.Problems[i].Path, "ids", "campaigns", 1)
			}
		}
		return err
	}
	return writeJSON(w, http.StatusOK, ev)
}

// CommitRequest is the body of POST /v1/sales.
type CommitRequest struct {
	// Cart is the sale, as evaluated.
	Cart json.RawMessage `json:"cart"`
	// Fingerprint is the evaluation's fingerprint: the result the terminal
	// showed. The commit is refused (state-changed) when the result on the
	// current state differs.
	Fingerprint string `json:"fingerprint"`
}

// stateCodes are the reason codes that depend on the state the host keeps.
var stateCodes = map[promo.ReasonCode]bool{
	campaign.ReasonLimitReached: true, "limit_partially_applied": true, campaign.ReasonBudget: true, campaign.ReasonBudgetPartial: true,
	"promo_code_not_valid": true, "nothing_to_redeem": true, "cashback_redeemed": true,
}

func (s *Server) commit(w http.ResponseWriter, r *http.Request) error {
	var req CommitRequest
	if err := decodeStrict(r.Body, "commit", &req); err != nil {
		return err
	}
	cart, err := s.decodeCart(r.Context(), req.Cart, "cart")
	if err != nil {
		return err
	}
	if req.Fingerprint == "" {
		return invalid("commit", promo.Problem{Path: "fingerprint", Reason: "required: the fingerprint of the evaluation the terminal showed"})
	}
	out, err := s.store.Commit(r.Context(), cart, req.Fingerprint)
	if err != nil {
		return err
	}
	switch out.Status {
	case store.Replayed:
		w.Header().Set("Idempotent-Replayed", "true")
		return writeRaw(w, http.StatusOK, out.Response)
	case store.Reused:
		writeProblem(w, Problem{Type: TypeSaleReused, Title: "the sale id was committed with another content", Status: http.StatusConflict,
			Detail: "sale " + cart.ID + " exists with a different cart: use a new sale id"})
		return nil
	case store.Conflict:
		p := Problem{Type: TypeStateChanged, Title: "the result changed since it was evaluated", Status: http.StatusConflict,
			Detail: "nothing was written; show the fresh result and commit it with its fingerprint", Fresh: out.Fresh}
		for _, t := range out.Fresh.Result.Trace {
			for _, why := range t.Reasons {
				if stateCodes[why.Code] {
					p.Reasons = append(p.Reasons, Reason{Campaign: t.Campaign, Reason: why})
				}
			}
		}
		writeProblem(w, p)
		return nil
	}
	return writeRaw(w, http.StatusCreated, out.Response)
}

func (s *Server) sale(w http.ResponseWriter, r *http.Request) error {
	sale, err := s.store.Sale(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sale)
}

func (s *Server) void(w http.ResponseWriter, r *http.Request) error {
	out, err := s.store.Void(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	if out.Replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	return writeRaw(w, http.StatusOK, out.Response)
}

func (s *Server) ret(w http.ResponseWriter, r *http.Request) error {
	var req store.ReturnRequest
	if err := decodeStrict(r.Body, "return", &req); err != nil {
		return err
	}
	var ps []promo.Problem
	if req.ID == "" {
		ps = append(ps, promo.Problem{Path: "id", Reason: "required: it identifies the return"})
	}
	if req.Time.IsZero() {
		ps = append(ps, promo.Problem{Path: "time", Reason: "required: when the goods came back"})
	}
	if req.Store == "" {
		ps = append(ps, promo.Problem{Path: "store", Reason: "required"})
	}
	if len(req.Lines) == 0 {
		ps = append(ps, promo.Problem{Path: "lines", Reason: "return at least one line"})
	}
	if len(ps) > 0 {
		return invalid("return", ps...)
	}
	out, err := s.store.Return(r.Context(), r.PathValue("id"), req)
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			for i := range ve.Problems {
				ve.Problems[i].Path = strings.Replace(strings.Replace(ve.Problems[i].Path, "now", "lines", 1), "earlier", "lines", 1)
			}
		}
		return err
	}
	switch {
	case out.Reused:
		writeProblem(w, Problem{Type: TypeSaleReused, Title: "the return id was used with another content", Status: http.StatusConflict})
		return nil
	case out.Replayed:
		w.Header().Set("Idempotent-Replayed", "true")
		return writeRaw(w, http.StatusOK, out.Response)
	}
	return writeRaw(w, http.StatusCreated, out.Response)
}
