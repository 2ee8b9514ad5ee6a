package promo

import (
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
)

// Evaluate prices a cart under a ruleset. It is pure: it reads nothing but
// its arguments, and the same arguments give the same Result. The cart's
// instant is read in the ruleset's time zone (Settings.Location): the same
// instant written with another offset gives the same Result.
//
// The pipeline:
//  1. the cart is validated; a bad cart gives a *ValidationError naming
//     every problem by JSON path, and nothing is applied;
//  2. the ruleset's index picks the promotions that can match the cart, and
//     those outside their dates are set aside (trace: not_started, ended);
//     optional campaigns not accepted become Offers;
//  3. the price phases (exchange, markdown) always run first and the post
//     phases (cashback redemption, earning) always run last;
//  4. in between, every non-cumulative (exclusive) candidate is run alone;
//     the one worth most to the customer wins (ties: lower priority, then
//     id) and alone applies, every other candidate is traced as
//     lost_to_exclusive (their purchase blocks and tallies still stand);
//  5. otherwise associations pick their members, and the cumulative
//     candidates run in phase, priority, id order, each on what the lines
//     still cost after the ones before it.
//
// "Not eligible" is not an error: it is a TraceEntry.
func Evaluate(cart Cart, rs *Ruleset) (Result, error) {
	res, ev, pre, err := evaluate(cart, rs)
	if err != nil {
		return Result{}, err
	}
	res.NearMisses = ev.nearMisses(&res, pre) // none when the thresholds are zero
	return res, nil
}

// evaluate is Evaluate without near misses; it also returns the
// evaluation and the price phases' promotions, for what-if runs.
func evaluate(cart Cart, rs *Ruleset) (Result, *evaluation, []int32, error) {
	if rs == nil {
		return Result{}, nil, nil, errors.New("promo: Evaluate with a nil ruleset")
	}
	// Calendar days are those of the ruleset's time zone, whatever offset
	// the cart writes its instant with.
	cart.Time = cart.Time.In(rs.loc)
	if err := validateCart(&cart, rs.settings.Limits); err != nil {
		return Result{}, nil, nil, err
	}
	ev := newEvaluation(&cart, rs)
	cands := rs.candidates(&cart)
	ph := ev.phases(cands)
	win, trials := ev.exclusiveWinner(ph)
	var final *run
	if win.r != nil {
		final = ev.exclusiveRun(ph, win.ci, win.r)
	} else {
		final = ev.cumulativeRun(ph, trials)
	}
	entries := make([]TraceEntry, 0, len(cands))
	for _, ci := range cands {
		if e, ok := ph.lost[ci]; ok {
			entries = append(entries, e)
		} else if !slices.Contains(final.quiet, ci) {
			entries = append(entries, final.entryOf(ci))
		}
	}
	res := ev.result(final, foldParts(entries, rs))
	res.Offers = ph.offers
	return res, ev, ph.pre, nil
}

// phased are an evaluation's candidates sorted out by when they run.
type phased struct {
	// pre are the price phases (exchange, markdown): they always run
	// first; post are redemption and earning: they always run last.
	// Neither takes part in exclusivity or associations. active compete.
	pre, active, post []int32
	lost              map[int32]TraceEntry // pipeline index -> why it did not run
	offers            []Offer
}

// phases sorts the candidates out: those outside their dates and the
// optional campaigns not accepted (offered with the value they would give
// alone) do not run.
func (ev *evaluation) phases(cands []int32) phased {
	rs, cart := ev.rs, ev.cart
	ph := phased{lost: map[int32]TraceEntry{}, active: make([]int32, 0, len(cands))}
	for _, ci := range cands {
		info := rs.infos[ci]
		if r, out := outsideDates(info, cart); out {
			ph.lost[ci] = newEntry(info, false, r)
			continue
		}
		if info.Phase <= PhaseMarkdown {
			ph.pre = append(ph.pre, ci)
			continue
		}
		if info.Phase >= PhaseRedemption {
			ph.post = append(ph.post, ci)
			continue
		}
		if info.Optional && !slices.Contains(cart.AcceptedOffers, info.ID) {
			ev.offer(&ph, ci)
			continue
		}
		ph.active = append(ph.active, ci)
	}
	return ph
}

// offer offers optional campaign ci with the value it would give alone;
// it is not applied.
func (ev *evaluation) offer(ph *phased, ci int32) {
	info := ev.rs.infos[ci]
	alone := ev.run(with(ph.pre, ci))
	amount, applied := alone.amountOf(info.ID)
	if !applied {
		ph.lost[ci] = alone.entryOf(ci)
		return
	}
	ph.offers = append(ph.offers, Offer{Campaign: info.ID, Name: info.Name, Description: info.Description, Amount: amount})
	ph.lost[ci] = newEntry(info, false, Reason{
		Code: ReasonOptionalNotAccepted,
		PT:   "campanha opcional oferecida ao operador: R$ " + money.Format(amount),
		EN:   "optional campaign offered to the operator: R$ " + amount.StringFixed(money.CentPlaces),
	})
}

// cumulativeRun is the final run when no exclusive candidate applies:
// associations pick their members, then the cumulative candidates and the
// post phases run in order. The exclusive candidates that did not apply
// still restrict the sale: their blocks and tallies stand.
func (ev *evaluation) cumulativeRun(ph phased, trials []trial) *run {
	var cum []int32
	for _, ci := range ph.active {
		if !ev.rs.infos[ci].Exclusive {
			cum = append(cum, ci)
		}
	}
	cum, gone := ev.decideAssociations(append(slices.Clone(ph.pre), cum...))
	for ci, e := range gone {
		ph.lost[ci] = e
	}
	final := ev.run(append(cum, ph.post...))
	for _, tr := range trials {
		final.keepRestrictions(tr.r, tr.ci)
	}
	return final
}

func newEntry(info *Info, applied bool, reasons ...Reason) TraceEntry {
	return TraceEntry{Campaign: info.ID, Name: info.Name, Phase: info.Phase, Applied: applied, Reasons: reasons}
}

func outsideDates(info *Info, c *Cart) (Reason, bool) {
	loc := c.Time.Location()
	if !info.Start.IsZero() && c.Time.Before(info.Start) {
		s := info.Start.In(loc)
		return Reason{
			Code: ReasonNotStarted,
			PT:   "a campanha começa em " + s.Format("02/01/2006 15:04"),
			EN:   "the campaign starts at " + s.Format("2006-01-02 15:04"),
		}, true
	}
	if !info.End.IsZero() && c.Time.After(info.End) {
		e := info.End.In(loc)
		return Reason{
			Code: ReasonEnded,
			PT:   "a campanha terminou em " + e.Format("02/01/2006 15:04"),
			EN:   "the campaign ended at " + e.Format("2006-01-02 15:04"),
		}, true
	}
	return Reason{}, false
}

// evaluation holds what every run of one Evaluate shares.
type evaluation struct {
	cart    *Cart
	rs      *Ruleset
	gross   []decimal.Decimal
	rank    []int
	exTotal decimal.Decimal   // value of the exchange items
	exShare []decimal.Decimal // its apportionment over the lines
	memo    *memo             // what the families work out once (View.Memo)
}

func newEvaluation(c *Cart, rs *Ruleset) *evaluation {
	ev := &evaluation{cart: c, rs: rs, gross: make([]decimal.Decimal, len(c.Lines)), rank: make([]int, len(c.Lines)), memo: &memo{}}
	order := make([]int, len(c.Lines))
	for i := range c.Lines {
		l := &c.Lines[i]
		ev.gross[i] = rs.settings.Rounding.Round(lineGross(l))
		order[i] = i
	}
	// Line ids are unique (validateCart): any sort gives this order.
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(c.Lines[a].ID, c.Lines[b].ID) })
	for pos, i := range order {
		ev.rank[i] = pos
	}
	// Exchange credit (troca): apportioned over the lines by gross value in
	// line-id order, never more than the sale's gross.
	ev.exTotal = decimal.Zero
	for _, x := range c.Exchanges {
		ev.exTotal = ev.exTotal.Add(rs.settings.Rounding.Round(x.Quantity.Mul(x.UnitPrice)))
	}
	ev.exShare = make([]decimal.Decimal, len(c.Lines))
	if len(c.Exchanges) == 0 {
		for i := range ev.exShare {
			ev.exShare[i] = decimal.Zero
		}
		return ev
	}
	weights := make([]decimal.Decimal, len(order))
	grossTotal := decimal.Zero
	for k, i := range order {
		weights[k] = ev.gross[i]
		grossTotal = grossTotal.Add(ev.gross[i])
	}
	for k, sh := range Apportion(decimal.Min(ev.exTotal, grossTotal), weights) {
		ev.exShare[order[k]] = sh
	}
	return ev
}

func nothingToDiscount() Reason {
	return Reason{
		Code: ReasonNothingToDiscount,
		PT:   "as condições foram atendidas, mas não há desconto a conceder neste carrinho",
		EN:   "the conditions hold but there is no discount to give on this cart",
	}
}

// lineGross is quantity × unit price, before rounding: the unit price
// itself for one unit (no multiplication to allocate).
func lineGross(l *Line) decimal.Decimal {
	// Exactly 1 (a bounded quantity's coefficient fits an int64).
	if q := l.Quantity; q.Exponent() == 0 && q.CoefficientInt64() == 1 {
		return l.UnitPrice
	}
	return l.Quantity.Mul(l.UnitPrice)
}
