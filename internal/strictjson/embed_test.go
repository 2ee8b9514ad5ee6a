package strictjson_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/strictjson"
)

// sjGeneral is embedded in sjFamily, as the families embed their general data.
type sjGeneral struct {
	ID   string `json:"id"`
	Name string `json:"name" was:"description,title"`
	Note string `json:"note,omitempty"`
}

type sjFamily struct {
	sjGeneral
	Kind string `json:"kind" was:"type"`
	// Note hides the embedded Note, as in encoding/json.
	Note int `json:"note,omitempty"`
}

func TestDecodeEmbeddedInlined(t *testing.T) {
	doc := `{"id": "a", "name": "A", "kind": "k", "note": 3}`
	var got sjFamily
	if ps := strictjson.Decode([]byte(doc), &got); len(ps) > 0 {
		t.Fatalf("unexpected problems %v", ps)
	}
	var want sjFamily
	if err := json.Unmarshal([]byte(doc), &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(sjFamily{})); diff != "" {
		t.Errorf("decoded (-encoding/json +strictjson):\n%s", diff)
	}
	if got.ID != "a" || got.Name != "A" || got.Note != 3 || got.sjGeneral.Note != "" {
		t.Errorf("decoded %+v: want the embedded id and name set, the outer note 3", got)
	}
	ps := strictjson.Decode([]byte(`{"idd": 1}`), &got)
	sjCheck(t, ps, []sjProblem{{"idd", "unknown field (known: id, name, kind, note)"}})
}

func TestDecodeRenamedField(t *testing.T) {
	doc := `{"id": "a", "description": "A", "title": "T", "type": "k", "kind": "k"}`
	var got sjFamily
	ps := strictjson.Decode([]byte(doc), &got)
	sjCheck(t, ps, []sjProblem{
		{"description", `unknown field; renamed to "name"`},
		{"title", `unknown field; renamed to "name"`},
		{"type", `unknown field; renamed to "kind"`},
	})
	var renamed []string
	for _, p := range ps {
		if p.Kind != strictjson.UnknownField {
			t.Errorf("%s: kind %v, want UnknownField", p.Path, p.Kind)
		}
		renamed = append(renamed, p.Renamed)
	}
	if diff := cmp.Diff([]string{"name", "name", "kind"}, renamed); diff != "" {
		t.Errorf("Renamed (-want +got):\n%s", diff)
	}
	if ps := strictjson.Decode([]byte(`{"zz": 1}`), &got); len(ps) != 1 || ps[0].Renamed != "" {
		t.Errorf("an unknown field never renamed: %+v, want Renamed empty", ps)
	}
}
