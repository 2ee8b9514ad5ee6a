package campaign_test

import (
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/promokit/promokit/campaign"
	"github.com/promokit/promokit/promo"
)

// loadDefinition is a ruleset of n Reshop campaigns as a retailer has them
// by the thousand: each on one or two product codes, a SKU or a category,
// 15 % off the items or R$ 20 off the sale, priorities 0 to 6, one in
// eleven non-cumulative, one in five with a minimum value, one in seven
// with a per-customer monthly limit.
func loadDefinition(n int) campaign.Ruleset {
	const rich = false
	def := campaign.Ruleset{Version: campaign.Version}
	for i := range n {
		var cond campaign.Condition
		switch i % 3 {
		case 0:
			cond = campaign.Condition{Kind: campaign.CondProductCode, Values: []string{fmt.Sprintf("X%05d", i), fmt.Sprintf("Y%05d", i)}}
		case 1:
			cond = campaign.Condition{Kind: campaign.CondSKU, Values: []string{fmt.Sprintf("XS%05d", i)}}
		default:
			cond = campaign.Condition{Kind: campaign.CondCategory, Values: []string{fmt.Sprintf("xcat%05d", i)}}
		}
		b := campaign.Benefit{On: campaign.OnItems, Percent: campaign.Dec("15")}
		if i%2 == 0 {
			b = campaign.Benefit{On: campaign.OnSale, Amount: campaign.Dec("20.00")}
		}
		c := campaign.Campaign{
			General: campaign.General{ID: fmt.Sprintf("campanha-%05d", i), Name: fmt.Sprintf("Campanha %d", i), Priority: i % 7, Start: "2026-11-01T00:00:00-03:00", End: "2026-11-30"}, NonCumulative: i%11 == 0,
			Rules: &campaign.Rules{Conditions: []campaign.Condition{cond}}, Benefit: b,
		}
		if rich && i%5 == 0 {
			c.MinValue = campaign.Dec("100.00")
		}
		if rich && i%7 == 0 {
			c.Limits = []campaign.Limit{{Scope: campaign.ScopeCustomer, Count: campaign.CountSale, Max: 1, Period: campaign.PeriodMonth}}
		}
		def.Campaigns = append(def.Campaigns, c)
	}
	return def
}

// BenchmarkLoad decodes and compiles 10,000 campaigns (campaign.Load:
// every strictness promise kept) side by side with encoding/json
// unmarshalling the same document into the same definition types, which
// checks nothing. Each iteration does both and times each; the metric
// load/json is their ratio (the goal: at most 2).
func BenchmarkLoad(b *testing.B) {
	const n = 10_000
	data, err := json.Marshal(loadDefinition(n))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := campaign.Load(data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var loose, strict time.Duration
	for b.Loop() {
		start := time.Now()
		var def campaign.Ruleset
		if err := json.Unmarshal(data, &def); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, err := campaign.Load(data); err != nil {
			b.Fatal(err)
		}
		loose, strict = loose+mid.Sub(start), strict+time.Since(mid)
	}
	b.ReportMetric(float64(strict)/float64(loose), "load/json")
	b.ReportMetric(float64(loose.Nanoseconds())/float64(b.N), "json-ns/op")
	b.ReportMetric(float64(strict.Nanoseconds())/float64(b.N), "load-ns/op")
}

// BenchmarkCompiledSize measures the heap a compiled ruleset of 10,000
// campaigns holds, from before the document is loaded to after, with the
// document and everything else collected: the metric B/campaign, the
// least of the iterations (the goal: at most 512).
func BenchmarkCompiledSize(b *testing.B) {
	const n = 10_000
	data, err := json.Marshal(loadDefinition(n))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := campaign.Load(data); err != nil { // once: caches of the process
		b.Fatal(err)
	}
	perCampaign := math.Inf(1)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		rs, err := campaign.Load(data)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		perCampaign = min(perCampaign, float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/n)
		keep(rs)
	}
	b.ReportMetric(perCampaign, "B/campaign")
}

// keep keeps rs alive until the heap is measured.
func keep(rs *promo.Ruleset) { runtime.KeepAlive(rs) }
