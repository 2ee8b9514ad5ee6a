package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/promokit/promokit/promo"

	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// Problem types.
const (
	TypeInvalid      = "urn:promokit:problem:invalid-input"
	TypeNotFound     = "urn:promokit:problem:not-found"
	TypeStateChanged = "urn:promokit:problem:state-changed"
	TypeSaleReused   = "urn:promokit:problem:id-reused"
	TypeVoided       = "urn:promokit:problem:sale-voided"
	TypeHasReturns   = "urn:promokit:problem:sale-has-returns"
	TypeBusy         = "urn:promokit:problem:busy"
	TypeInternal     = "urn:promokit:problem:internal"
)

// Problem is an application/problem+json body (RFC 9457).
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Problems are the input's problems, each with its JSON path.
	Problems []promo.Problem `json:"problems,omitempty"`
	// Fresh is the result on the current state (state-changed).
	Fresh *store.Evaluation `json:"fresh,omitempty"`
	// Reasons are the trace entries of the fresh result that depend on
	// the shared state (a code used, a limit or budget reached, the
	// wallet), for the terminal to show.
	Reasons []Reason `json:"reasons,omitempty"`
}

// Reason is one campaign's state-dependent reason in a conflict.
type Reason struct {
	Campaign string       `json:"campaign"`
	Reason   promo.Reason `json:"reason"`
}

func writeProblem(w http.ResponseWriter, p Problem) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// inputError is a request the server refuses, with its problems.
type inputError struct {
	what     string
	problems []promo.Problem
}

func (e *inputError) Error() string { return "invalid " + e.what }

func invalid(what string, problems ...promo.Problem) error {
	return &inputError{what: what, problems: problems}
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ie *inputError
	var ve *promo.ValidationError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ie):
		writeProblem(w, Problem{Type: TypeInvalid, Title: ie.Error(), Status: http.StatusUnprocessableEntity, Problems: ie.problems})
	case errors.As(err, &ve):
		writeProblem(w, Problem{Type: TypeInvalid, Title: "invalid " + ve.What, Status: http.StatusUnprocessableEntity, Problems: ve.Problems})
	case errors.As(err, &mbe):
		writeProblem(w, Problem{Type: TypeInvalid, Title: "request body too large", Status: http.StatusRequestEntityTooLarge,
			Detail: fmt.Sprintf("at most %d bytes", mbe.Limit)})
	case errors.Is(err, store.ErrNotFound):
		writeProblem(w, Problem{Type: TypeNotFound, Title: "not found", Status: http.StatusNotFound, Detail: r.URL.Path})
	case errors.Is(err, store.ErrVoided):
		writeProblem(w, Problem{Type: TypeVoided, Title: "the sale was voided", Status: http.StatusConflict})
	case errors.Is(err, store.ErrHasReturns):
		writeProblem(w, Problem{Type: TypeHasReturns, Title: "the sale has returns and cannot be voided", Status: http.StatusConflict,
			Detail: "return the items left instead"})
	case errors.Is(err, store.ErrInvalid):
		writeProblem(w, Problem{Type: TypeInvalid, Title: "invalid request", Status: http.StatusUnprocessableEntity, Detail: err.Error()})
	case errors.Is(err, store.ErrBusy):
		w.Header().Set("Retry-After", "1")
		writeProblem(w, Problem{Type: TypeBusy, Title: "too much contention: send the same request again", Status: http.StatusServiceUnavailable})
	case r.Context().Err() != nil:
		// The client went away: nothing to answer.
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeProblem(w, Problem{Type: TypeInternal, Title: "internal error", Status: http.StatusInternalServerError})
	}
}
