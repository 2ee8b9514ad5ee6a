package rules

import (
	"fmt"
	"time"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/promo"
)

// BirthdayPeriod is the span a birthday rule looks at (aniversário no dia,
// na semana, no mês).
type BirthdayPeriod uint8

const (
	// BirthdayDay is one day.
	BirthdayDay BirthdayPeriod = iota
	// BirthdayWeek is a week, Sunday to Saturday.
	BirthdayWeek
	// BirthdayMonth is a calendar month.
	BirthdayMonth
)

// String returns "day", "week" or "month".
func (p BirthdayPeriod) String() string {
	switch p {
	case BirthdayDay:
		return "day"
	case BirthdayWeek:
		return "week"
	case BirthdayMonth:
		return "month"
	}
	return fmt.Sprintf("BirthdayPeriod(%d)", uint8(p))
}

// ParseBirthdayPeriod parses "day", "week" or "month".
func ParseBirthdayPeriod(s string) (BirthdayPeriod, error) {
	for p := BirthdayDay; p <= BirthdayMonth; p++ {
		if p.String() == s {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown period %q (want day, week or month)", s)
}

// Relative says which period, relative to the sale's, a birthday rule looks
// at (anterior, atual, próximo).
type Relative int8

const (
	// Previous is the period before the sale's.
	Previous Relative = -1
	// Current is the sale's own period.
	Current Relative = 0
	// Next is the period after the sale's.
	Next Relative = 1
)

// String returns "previous", "current" or "next".
func (r Relative) String() string {
	switch r {
	case Previous:
		return "previous"
	case Current:
		return "current"
	case Next:
		return "next"
	}
	return fmt.Sprintf("Relative(%d)", int8(r))
}

// ParseRelative parses "previous", "current" or "next"; "" is Current.
func ParseRelative(s string) (Relative, error) {
	switch s {
	case "previous":
		return Previous, nil
	case "", "current":
		return Current, nil
	case "next":
		return Next, nil
	}
	return 0, fmt.Errorf("unknown relative period %q (want previous, current or next)", s)
}

type birthday struct {
	cartWide
	period    BirthdayPeriod
	rel       Relative
	tolerance int
}

// Birthday holds when the customer's birthday falls in the period (day,
// week or month) rel periods away from the sale's date, widened by
// toleranceDays on each side (tolerância). A birthday on 29 February is
// celebrated on 28 February in other years. The sale's date is taken in the
// sale's own location.
func Birthday(period BirthdayPeriod, rel Relative, toleranceDays int) Condition {
	return birthday{period: period, rel: rel, tolerance: toleranceDays}
}

func (b birthday) Describe() (string, string) {
	pt := map[BirthdayPeriod]string{BirthdayDay: "no dia", BirthdayWeek: "na semana", BirthdayMonth: "no mês"}[b.period]
	rpt := map[Relative]string{Previous: "anterior", Current: "atual", Next: "próximo"}[b.rel]
	if b.period == BirthdayWeek && b.rel == Next {
		rpt = "próxima" // a semana é feminina
	}
	days, daysEN := "dias", "days"
	if b.tolerance == 1 {
		days, daysEN = "dia", "day"
	}
	return fmt.Sprintf("aniversário %s %s (tolerância %d %s)", pt, rpt, b.tolerance, days),
		fmt.Sprintf("birthday in the %s %s (tolerance %d %s)", b.rel, b.period, b.tolerance, daysEN)
}

func civil(d br.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Window returns the first and last day the rule accepts for a sale on day.
func (b birthday) window(day br.Date) (from, to time.Time) {
	t := civil(day)
	switch b.period {
	case BirthdayDay:
		t = t.AddDate(0, 0, int(b.rel))
		from, to = t, t
	case BirthdayWeek:
		t = t.AddDate(0, 0, 7*int(b.rel))
		from = t.AddDate(0, 0, -int(t.Weekday()))
		to = from.AddDate(0, 0, 6)
	default:
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, int(b.rel), 0)
		from, to = first, first.AddDate(0, 1, -1)
	}
	return from.AddDate(0, 0, -b.tolerance), to.AddDate(0, 0, b.tolerance)
}

// anniversary returns the birthday of someone born on d in year y.
func anniversary(d br.Date, y int) time.Time {
	day := d.Day
	if d.Month == time.February && d.Day == 29 && !isLeap(y) {
		day = 28
	}
	return time.Date(y, d.Month, day, 0, 0, 0, 0, time.UTC)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func (b birthday) Check(v *promo.View) Outcome {
	cu := v.Cart().Customer
	if cu == nil {
		return noCustomer()
	}
	if cu.BirthDate.IsZero() {
		return fail("cliente sem data de nascimento", "the customer has no birth date")
	}
	from, to := b.window(br.DateOf(v.Time()))
	for y := from.Year(); y <= to.Year(); y++ {
		a := anniversary(cu.BirthDate, y)
		if !a.Before(from) && !a.After(to) {
			return pass()
		}
	}
	pt, en := b.Describe()
	return fail("fora do período: "+pt, "outside the period: "+en)
}
