package promocheck_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promocheck"
)

// plantedDirs are the planted violations of testdata/policies.
var plantedDirs = []string{"empilhamento-46", "abaixo-do-custo", "dois-brindes"}

// plantedWant is a planted violation's want.json.
type plantedWant struct {
	Description string   `json:"description"`
	Violations  []string `json:"violations"`
	Campaigns   []string `json:"campaigns"`
	MaxLines    int      `json:"max_lines"`
}

// planted loads one of the planted violations of testdata/policies.
func planted(t testing.TB, name string) (campaign.Ruleset, promocheck.Policy, plantedWant) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "policies", name)
	read := func(file string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	def, err := campaign.Decode(read("ruleset.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := promocheck.DecodePolicy(read("policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var w plantedWant
	if err := json.Unmarshal(read("want.json"), &w); err != nil {
		t.Fatal(err)
	}
	return def, p, w
}

// withSeed runs f with rapid's seed set to seed, then puts it back.
func withSeed(t *testing.T, seed uint64, f func()) {
	t.Helper()
	old := flag.Lookup("rapid.seed").Value.String()
	if err := flag.Set("rapid.seed", fmt.Sprint(seed)); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = flag.Set("rapid.seed", old) }()
	f()
}

// TestPlantedViolations runs the search on each planted violation under
// ten seeds: every search must find it and shrink it to a cart of at most
// max_lines lines breaking the rules of want.json, with the campaigns
// involved.
func TestPlantedViolations(t *testing.T) {
	for _, name := range plantedDirs {
		t.Run(name, func(t *testing.T) {
			def, p, want := planted(t, name)
			for seed := uint64(1); seed <= 10; seed++ {
				withSeed(t, seed, func() {
					rep, err := promocheck.Search(def, p, promocheck.SearchOptions{Tries: 1000})
					if err != nil {
						t.Fatalf("seed %d: %v", seed, err)
					}
					if !rep.Found {
						t.Fatalf("seed %d: not found in %d tries", seed, rep.Tries)
					}
					if n := len(rep.Cart.Lines); n > want.MaxLines {
						t.Errorf("seed %d: shrunk to %d lines, want at most %d:\n%s", seed, n, want.MaxLines, rep.Text(promocheck.English))
					}
					var kinds, campaigns []string
					for _, v := range rep.Violations {
						if !slices.Contains(kinds, string(v.Kind)) {
							kinds = append(kinds, string(v.Kind))
						}
						for _, c := range v.Campaigns {
							if !slices.Contains(campaigns, c) {
								campaigns = append(campaigns, c)
							}
						}
					}
					if !slices.Equal(kinds, want.Violations) || !slices.Equal(campaigns, want.Campaigns) {
						t.Errorf("seed %d: violations %v by %v, want %v by %v:\n%s", seed, kinds, campaigns, want.Violations, want.Campaigns,
							rep.Text(promocheck.English))
					}
				})
			}
		})
	}
}

// TestPlantedPoliciesHoldOnEachCampaignAlone checks the stakes of the
// planted violations: with any one of the campaigns involved left out,
// the search finds nothing in 1000 carts. Each campaign alone respects
// the policy; only their stacking breaks it.
func TestPlantedPoliciesHoldOnEachCampaignAlone(t *testing.T) {
	for _, name := range plantedDirs[:2] {
		t.Run(name, func(t *testing.T) {
			def, p, want := planted(t, name)
			for _, drop := range want.Campaigns {
				alone := def
				alone.Campaigns = slices.DeleteFunc(slices.Clone(def.Campaigns), func(c campaign.Campaign) bool { return c.ID == drop })
				alone.Markdowns = slices.DeleteFunc(slices.Clone(def.Markdowns), func(m campaign.Markdown) bool { return m.ID == drop })
				rep, err := promocheck.Search(alone, p, promocheck.SearchOptions{Tries: 1000})
				if err != nil {
					t.Fatal(err)
				}
				if rep.Found {
					t.Errorf("without %s: found\n%s", drop, rep.Text(promocheck.English))
				}
			}
		})
	}
}
