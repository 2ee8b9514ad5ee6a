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
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"

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

// Route is one operation: its method, its path pattern (net/http's, with
// {name} wildcards) and the operationId the OpenAPI document gives it.
type Route struct {
	Method, Pattern, OperationID string
	handler                      func(*Server, http.ResponseWriter, *http.Request) error
	// cart: the body carries a cart, decoded under the current ruleset's
	// limits.
	cart bool
}

// Routes lists every operation the server handles.
func Routes() []Route {
	routes := []Route{
		{"GET", "/openapi.json", "getOpenAPI", (*Server).openapi, false},
		{"GET", "/healthz", "health", (*Server).health, false},
		{"POST", "/v1/evaluate", "evaluate", (*Server).evaluate, false},
		{"POST", "/v1/simulate", "simulate", (*Server).simulate, false},
		{"POST", "/v1/sales", "commitSale", (*Server).commit, false},
		{"GET", "/v1/sales/{id}", "getSale", (*Server).sale, false},
		{"POST", "/v1/sales/{id}/void", "voidSale", (*Server).void, false},
		{"POST", "/v1/sales/{id}/returns", "returnItems", (*Server).ret, false},
		{"GET", "/v1/campaigns", "searchCampaigns", (*Server).campaigns, false},
		{"GET", "/v1/rulesets", "listRulesets", (*Server).rulesets, false},
		{"POST", "/v1/rulesets", "loadRuleset", (*Server).loadRuleset, false},
		{"GET", "/v1/rulesets/{version}", "getRuleset", (*Server).ruleset, false},
		{"GET", "/v1/rulesets/{version}/diff", "diffRuleset", (*Server).diff, false},
		{"GET", "/v1/budgets", "listBudgets", (*Server).budgets, false},
		{"PUT", "/v1/budgets/{promotion}", "setBudget", (*Server).setBudget, false},
		{"GET", "/v1/counters", "listCounters", (*Server).counters, false},
		{"GET", "/v1/customers/{customer}/wallet", "getWallet", (*Server).wallet, false},
		{"POST", "/v1/credits/{credit}/review", "answerReview", (*Server).review, false},
		{"GET", "/v1/audit", "audit", (*Server).audit, false},
		{"GET", "/v1/reports/{report}", "report", (*Server).report, false},
	}
	for i := range routes {
		switch routes[i].OperationID {
		case "evaluate", "simulate", "commitSale":
			routes[i].cart = true
		}
	}
	return routes
}

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

func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return writeRaw(w, status, b)
}

func writeRaw(w http.ResponseWriter, status int, b []byte) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err := w.Write(append(b, '\n'))
	return err
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

// decodeStrict decodes a JSON body into v, refusing unknown fields.
func decodeStrict(r io.Reader, what string, v any) error {
	d := json.NewDecoder(r)
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return invalid(what, promo.Problem{Path: jsonPath(err), Reason: jsonReason(err)})
	}
	if d.More() {
		return invalid(what, promo.Problem{Reason: "more than one JSON value"})
	}
	return nil
}

func jsonPath(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Field
	}
	if m, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return strings.Trim(m, `"`)
	}
	return ""
}

func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "want " + te.Type.String() + ", got " + te.Value
	}
	if strings.HasPrefix(err.Error(), "json: unknown field ") {
		return "unknown field"
	}
	return err.Error()
}

// cartRuleset is the context key of the ruleset that was current when a
// request carrying a cart arrived: its limits bound the body and the cart.
type cartRuleset struct{}

// decodeCart decodes a cart with the library's strict decoder, under the
// limits (settings.limits) of the ruleset current when the request arrived,
// and refuses the state the server fills itself; path prefixes the
// problems' paths.
func (s *Server) decodeCart(ctx context.Context, raw []byte, path string) (promo.Cart, error) {
	prefix := func(ps []promo.Problem) []promo.Problem {
		out := make([]promo.Problem, len(ps))
		for i, p := range ps {
			out[i] = p
			if path != "" {
				out[i].Path = strings.TrimSuffix(path+"."+p.Path, ".")
			}
		}
		return out
	}
	if len(raw) == 0 {
		return promo.Cart{}, invalid("cart", promo.Problem{Path: path, Reason: "required"})
	}
	rs, ok := ctx.Value(cartRuleset{}).(*store.Ruleset)
	if !ok {
		var err error
		if rs, err = s.store.Current(ctx); err != nil {
			return promo.Cart{}, err
		}
	}
	c, err := rs.Compiled.DecodeCart(raw)
	if err != nil {
		var ve *promo.ValidationError
		if errors.As(err, &ve) {
			return c, invalid("cart", prefix(ve.Problems)...)
		}
		return c, err
	}
	var ps []promo.Problem
	h := c.History
	if len(h.Counters) > 0 || len(h.Budgets) > 0 || len(h.UsedCodes) > 0 || h.FirstPurchase {
		ps = append(ps, promo.Problem{Path: "history", Reason: "the server fills it from its database: leave it out"})
	}
	if len(c.Wallet) > 0 {
		ps = append(ps, promo.Problem{Path: "wallet", Reason: "the server fills it from its database: leave it out"})
	}
	if c.ID == "" {
		ps = append(ps, promo.Problem{Path: "id", Reason: "required: it identifies the sale"})
	}
	if len(ps) > 0 {
		return c, invalid("cart", prefix(ps)...)
	}
	return c, nil
}

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
