// Package api is the HTTP JSON interface of the reference host: the sale
// lifecycle (evaluate, commit, void, return), simulation, campaign search,
// rulesets with versions, budgets, wallets, counters, the audit and the
// campaign reports. Amounts are decimal strings; errors are
// application/problem+json (RFC 9457) carrying the library's JSON-path
// problems. The OpenAPI 3.1 description is openapi.json, served at
// GET /openapi.json.
package api

import (
	"context"
	_ "embed"
	"log/slog"
	"net/http"
	"time"

	"github.com/promokit/promokit/examples/promoserver/internal/store"
)

// OpenAPI is the OpenAPI 3.1 description of the API.
//
//go:embed openapi.json
var OpenAPI []byte

// maxBody bounds a request body that carries no cart.
const maxBody = 4 << 20

// cartEnvelope is the room a request that carries a cart has around it (a
// commit's fingerprint, a simulation's campaign ids): its body may be the
// current ruleset's settings.limits.max_cart_bytes plus this.
const cartEnvelope = 64 << 10

// Server serves the API over a store.
type Server struct {
	store *store.Store
	log   *slog.Logger
	now   func() time.Time
	mux   *http.ServeMux
}

// New returns the server's handler. now is the service's clock (audits and
// wallets judge expiry at it when the request names no instant).
func New(st *store.Store, log *slog.Logger, now func() time.Time) *Server {
	if now == nil {
		now = time.Now
	}
	s := &Server{store: st, log: log, now: now, mux: http.NewServeMux()}
	for _, r := range Routes() {
		h, cart := r.handler, r.cart
		s.mux.HandleFunc(r.Method+" "+r.Pattern, func(w http.ResponseWriter, req *http.Request) {
			limit := int64(maxBody)
			if cart {
				rs, err := st.Current(req.Context())
				if err != nil {
					s.fail(w, req, err)
					return
				}
				limit = max(limit, int64(rs.Compiled.Settings().Limits.MaxCartBytes)+cartEnvelope)
				req = req.WithContext(context.WithValue(req.Context(), cartRuleset{}, rs))
			}
			req.Body = http.MaxBytesReader(w, req.Body, limit)
			if err := h(s, w, req); err != nil {
				s.fail(w, req, err)
			}
		})
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		writeProblem(w, Problem{Type: TypeNotFound, Title: "no such resource", Status: http.StatusNotFound, Detail: req.Method + " " + req.URL.Path})
	})
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) openapi(w http.ResponseWriter, _ *http.Request) error {
	return writeRaw(w, http.StatusOK, OpenAPI)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	rs, err := s.store.Current(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "engine": s.store.Engine().String(), "ruleset_version": rs.Version})
}
