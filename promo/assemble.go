package promo

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

func (ev *evaluation) result(r *run, entries []TraceEntry) Result {
	c := ev.cart
	res := Result{CartID: c.ID, Lines: make([]LineResult, len(c.Lines)), Gifts: r.gifts, Trace: entries}
	for _, a := range r.apps {
		if ev.rs.infos[ev.rs.byID[a.Campaign]].Program {
			continue
		}
		if res.Applied == nil {
			res.Applied = make([]Application, 0, len(r.apps))
		}
		res.Applied = append(res.Applied, a)
	}
	var tg, td moneySum
	for i := range c.Lines {
		l := &c.Lines[i]
		var d moneySum
		for k, a := range r.adj[i] {
			d.add(a.Amount)
			r.adj[i][k].Shares = ev.shares(a)
			if a.Key != "" {
				r.adj[i][k].Authorization = AuthorizationNumber(c.ID, a.Campaign)
			}
		}
		// What the line still costs in the run is its gross less the
		// adjustments: take subtracts from it every amount it records.
		net := r.value[i]
		res.Lines[i] = LineResult{
			ID: l.ID, Quantity: l.Quantity, UnitPrice: l.UnitPrice,
			Gross: ev.gross[i], Adjustments: r.adj[i], Discount: d.total(), Net: net,
			ExchangeShare: ev.exShare[i], Weighed: !l.Countable(),
		}
		tg.add(ev.gross[i])
		td.add(res.Lines[i].Discount)
	}
	var tt moneySum
	for _, t := range r.tenders {
		tt.add(t.Amount)
	}
	res.Tenders = r.tenders
	res.Blocks = r.blocks
	gross, discount, tenders := tg.total(), td.total(), tt.total()
	net := gross.Sub(discount)
	freight := decimal.Zero
	if c.Freight != nil {
		res.Freight = ev.freightResult(r)
		freight = res.Freight.Net
	}
	var payable moneySum
	payable.add(net)
	payable.add(freight)
	payable.sub(ev.exTotal)
	payable.sub(tenders)
	res.Totals = Totals{Gross: gross, Discount: discount, Net: net, Exchange: ev.exTotal, Tenders: tenders, Freight: freight,
		Payable: payable.total()}
	res.Events = ev.events(r)
	return res
}

// freightResult is the sale's freight with the run's discounts on it.
func (ev *evaluation) freightResult(r *run) *FreightResult {
	c, f := ev.cart, ev.cart.Freight
	fr := &FreightResult{Method: f.Method, Gross: f.Amount, Adjustments: r.freightAdj, Discount: decimal.Zero}
	for k, a := range fr.Adjustments {
		fr.Discount = fr.Discount.Add(a.Amount)
		fr.Adjustments[k].Shares = ev.shares(a)
		if a.Key != "" {
			fr.Adjustments[k].Authorization = AuthorizationNumber(c.ID, a.Campaign)
		}
	}
	fr.Net = f.Amount.Sub(fr.Discount)
	return fr
}

// events are the run's events, with their ids: an activation per applied
// campaign (not programs), then what each application's proposal added,
// then the tallies.
func (ev *evaluation) events(r *run) []Event {
	c := ev.cart
	n := len(r.tallies)
	for k := range r.apps {
		n += 1 + len(r.events[k])
	}
	events := slices.Grow([]Event(nil), n) // nil when there are none
	customer := ""
	if c.Customer != nil {
		customer = c.Customer.ID
	}
	for k, a := range r.apps {
		if !ev.rs.infos[ev.rs.byID[a.Campaign]].Program {
			events = append(events, Event{
				ID:   EventID(c.ID, EventActivation.String(), a.Campaign),
				Kind: EventActivation, Campaign: a.Campaign, Customer: customer,
				Amount: a.Amount, Freight: a.Freight, Occurrences: a.Occurrences, Counters: r.counters[k],
			})
		}
		for j, e := range r.events[k] {
			if e.Campaign == "" {
				e.Campaign = a.Campaign
			}
			e.Customer = customer
			parts := []string{e.Kind.String(), e.Campaign, e.Code}
			if e.Credit != "" {
				parts = append(parts, e.Credit)
			}
			e.ID = EventID(c.ID, append(parts, strconv.Itoa(j))...)
			events = append(events, e)
		}
	}
	for _, e := range r.tallies {
		e.Customer = customer
		e.ID = EventID(c.ID, e.Kind.String(), e.Campaign)
		events = append(events, e)
	}
	return events
}

// AuthorizationNumber is the authorization number of a discount with an
// identification key in a sale (NrAutDescVenda, the Desconto Pack
// manual's sales report): 16 decimal digits derived from the sale's id and
// the promotion's, so that a retried sale gets the same number and the
// host can recompute it. Every adjustment of the promotion in the sale
// carries it (Adjustment.Authorization).
func AuthorizationNumber(cartID, promotion string) string {
	h := sha256.New()
	h.Write([]byte("github.com/promokit/promokit/v1/authorization\x00"))
	h.Write([]byte(cartID))
	h.Write([]byte{0})
	h.Write([]byte(promotion))
	sum := h.Sum(nil)
	n := binary.BigEndian.Uint64(sum[:8]) % 1e16
	return fmt.Sprintf("%016d", n)
}

// EventID derives an event id from the cart id and the parts that tell the
// event apart (kind, campaign, ...): a retried sale gets the same ids.
func EventID(cartID string, parts ...string) string {
	// The bytes hashed, in one buffer (on the stack when they fit).
	var buf [256]byte
	b := append(buf[:0], "github.com/promokit/promokit/v1\x00"...)
	b = append(b, cartID...)
	for _, p := range parts {
		b = append(append(b, 0), p...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// foldParts removes the trace entries of promotions that are part of a
// campaign, adding the notes of those that applied to the campaign's entry.
// The caller hands entries over: the campaigns' entries are kept in place,
// and only the parts' entries are copied out (nothing when there are none).
func foldParts(entries []TraceEntry, rs *Ruleset) []TraceEntry {
	out, parts := entries[:0], []TraceEntry(nil)
	for _, e := range entries {
		if rs.infos[rs.byID[e.Campaign]].PartOf == "" {
			out = append(out, e)
		} else {
			parts = append(parts, e)
		}
	}
	for _, e := range parts {
		parent := rs.infos[rs.byID[e.Campaign]].PartOf
		for k := range out {
			if out[k].Campaign != parent {
				continue
			}
			switch {
			case e.Applied:
				out[k].Reasons = append(slices.Clone(out[k].Reasons), e.Reasons[1:]...)
			case out[k].Applied:
				// The campaign applied but its part did not (no cashback
				// after the redemption period): say why.
				out[k].Reasons = append(slices.Clone(out[k].Reasons), e.Reasons...)
			}
		}
	}
	return out
}

// shares splits an adjustment between a funder that pays part of it and the
// retailer: the funder's part rounded with the ruleset's mode, the
// retailer's the rest, so the parts add up exactly.
func (ev *evaluation) shares(a Adjustment) []FundingShare {
	info := ev.rs.infos[ev.rs.byID[a.Campaign]]
	pct := info.FunderShare
	if info.Funder == "" || pct.Sign() <= 0 || pct.GreaterThanOrEqual(decimal.NewFromInt(100)) {
		return nil
	}
	f := ev.rs.settings.Rounding.Round(a.Amount.Mul(pct).DivRound(decimal.NewFromInt(100), workPlaces))
	return []FundingShare{{Funder: info.Funder, Amount: f}, {Funder: FunderRetailer, Amount: a.Amount.Sub(f)}}
}
