package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/promokit/promokit/promo"
)

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
