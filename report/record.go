package report

import (
	"fmt"
	"time"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/refund"
)

// Record is one sale as the host recorded it: the cart it passed to
// promo.Evaluate and the Result it got. These two values are all a host
// needs to keep for every report of this package (with, for
// CampaignStatistics, the ruleset to look campaigns up in): the reports
// read Cart.ID, Cart.Time, Cart.Store and Cart.Customer's token, and the
// Result's lines and adjustments, totals, applications, gifts and events.
// The trace, offers and the rest may be dropped.
//
// A record with no result lines is not a sale: it carries ledger events
// only, such as the reversals of a return (see ReturnRecord). Evaluate
// accepts an empty cart (a sale with no lines), but such a record is not
// counted as a sale either: there is nothing sold to report.
type Record struct {
	Cart   promo.Cart
	Result promo.Result
}

// ReturnRecord records a return (devolução) as the reports read it: ret
// says when and where the return happened and whose it was (its ID,
// Time, Store and Customer; its lines are not kept), and the record carries
// the events of its refund rf ([refund.Of]), the cashback_reversed and
// points_reversed events that CashbackCredits subtracts. It is not a sale:
// no report counts it as one.
func ReturnRecord(ret promo.Cart, rf refund.Result) Record {
	ret.Lines, ret.Exchanges, ret.Wallet = nil, nil, nil
	return Record{Cart: ret, Result: promo.Result{CartID: ret.ID, Events: rf.Events}}
}

// isSale reports whether the record is a sale (it has lines).
func (r *Record) isSale() bool { return len(r.Result.Lines) > 0 }

// customer returns the customer's token, empty for an anonymous sale.
func (r *Record) customer() string {
	if r.Cart.Customer == nil {
		return ""
	}
	return r.Cart.Customer.ID
}

// application returns the application of campaign id in the record's
// result, if it applied.
func (r *Record) application(id string) (*promo.Application, bool) {
	for k := range r.Result.Applied {
		if r.Result.Applied[k].Campaign == id {
			return &r.Result.Applied[k], true
		}
	}
	return nil, false
}

// category returns the category of campaign id in the record: that of its
// application, or the ruleset's (rs may be nil), or "".
func (r *Record) category(id string, rs *promo.Ruleset) string {
	if a, ok := r.application(id); ok {
		return a.Category
	}
	if rs != nil {
		if p, ok := rs.Promotion(id); ok {
			return p.Info().Category
		}
	}
	return ""
}

// Period is the length of the periods a report adds up by.
type Period uint8

const (
	// Day is the sale's local date.
	Day Period = iota
	// Week is the ISO week of the sale's local date, Monday to Sunday.
	Week
	// Month is the calendar month of the sale's local date.
	Month
)

// String returns "day", "week" or "month".
func (p Period) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	}
	return fmt.Sprintf("Period(%d)", uint8(p))
}

// Span returns the first and the last day of the period that holds day d.
func (p Period) Span(d br.Date) (from, to br.Date) {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	switch p {
	case Week:
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		t = t.AddDate(0, 0, -back)
		return br.DateOf(t), br.DateOf(t.AddDate(0, 0, 6))
	case Month:
		t = time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC)
		return br.DateOf(t), br.DateOf(t.AddDate(0, 1, -1))
	}
	return d, d
}

// Filter selects what a report adds up. Its zero value selects
// everything; every report honours every field.
//
// From, To, Ticket, Customer and Store select records; Campaign and Category
// select campaigns within them. CashbackCredits applies the record fields
// to the sale that earned a credit (its redemptions and reversals count
// wherever they happened).
type Filter struct {
	// From and To bound the sale's local date, both inclusive; a zero Date
	// leaves that side open.
	From, To br.Date
	// Ticket keeps the sale with this cart id.
	Ticket string
	// Customer keeps the sales of the customer with this token (the
	// host's opaque token, Customer.ID; events carry the same token).
	Customer string
	// Store keeps the sales of this store (Cart.Store.ID).
	Store string
	// Campaign keeps this campaign.
	Campaign string
	// Category keeps the campaigns of this campaign category.
	Category string
}

// cmpDate compares two dates.
func cmpDate(a, b br.Date) int {
	switch {
	case a.Year != b.Year:
		return cmpInt(a.Year, b.Year)
	case a.Month != b.Month:
		return cmpInt(int(a.Month), int(b.Month))
	}
	return cmpInt(a.Day, b.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// keeps reports whether the filter keeps a record whose local date is d.
func (f *Filter) keeps(r *Record, d br.Date) bool {
	if !f.From.IsZero() && cmpDate(d, f.From) < 0 {
		return false
	}
	if !f.To.IsZero() && cmpDate(d, f.To) > 0 {
		return false
	}
	if f.Ticket != "" && r.Cart.ID != f.Ticket {
		return false
	}
	if f.Store != "" && r.Cart.Store.ID != f.Store {
		return false
	}
	return f.Customer == "" || r.customer() == f.Customer
}

// keepsCampaign reports whether the filter keeps a campaign.
func (f *Filter) keepsCampaign(id, category string) bool {
	return (f.Campaign == "" || id == f.Campaign) && (f.Category == "" || category == f.Category)
}

// latest remembers the values of the latest sale seen (by instant, then
// ticket), so that a row's name does not depend on the order of records.
type latest struct {
	at     time.Time
	ticket string
	set    bool
}

// newer reports whether the record is later than the latest seen, and
// remembers it if so.
func (l *latest) newer(r *Record) bool {
	t := r.Cart.Time
	if l.set && (t.Before(l.at) || (t.Equal(l.at) && r.Cart.ID <= l.ticket)) {
		return false
	}
	l.at, l.ticket, l.set = t, r.Cart.ID, true
	return true
}
