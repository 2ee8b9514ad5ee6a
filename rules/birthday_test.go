package rules_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/rules"
)

// rxBirthday is a sale on day (10:15 in São Paulo) by a customer born on
// born ("" for no birth date).
func rxBirthday(day, born string) promo.Cart {
	d := br.MustParseDate(day)
	cart := rxCart(rxCustomer(func(c *promo.Customer) {
		if born != "" {
			c.BirthDate = br.MustParseDate(born)
		}
	}))
	cart.Time = rxAt(d.Year, d.Month, d.Day)
	return cart
}

// rxOutside is the failure of a birthday rule whose window misses the
// birthday. The Portuguese message is checked once per rule by
// TestBirthdayDescribe; the outcomes here compare OK, the code and the
// English message.
func rxOutside(en string) rules.Outcome {
	return rules.Outcome{Reason: promo.Reason{Code: promo.ReasonRuleFailed, EN: "outside the period: " + en}}
}

// rxRunBirthday is rxRun without the Portuguese message.
func rxRunBirthday(t *testing.T, tests []rxCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rxCheck(t, tt.cond, tt.cart)
			want := tt.want
			if want.Reason.PT == "" {
				got.Reason.PT = ""
			}
			rxCompare(t, want, got)
		})
	}
}

func TestBirthdayDay(t *testing.T) {
	cur := rules.Birthday(rules.BirthdayDay, rules.Current, 0)
	curOut := rxOutside("birthday in the current day (tolerance 0 days)")
	prev := rules.Birthday(rules.BirthdayDay, rules.Previous, 0)
	prevOut := rxOutside("birthday in the previous day (tolerance 0 days)")
	next := rules.Birthday(rules.BirthdayDay, rules.Next, 0)
	nextOut := rxOutside("birthday in the next day (tolerance 0 days)")
	tol := rules.Birthday(rules.BirthdayDay, rules.Current, 2)
	tolOut := rxOutside("birthday in the current day (tolerance 2 days)")
	rxRunBirthday(t, []rxCase{
		{"current: birthday today", cur, rxBirthday("2026-11-18", "1990-11-18"), rxPass},
		{"current: birthday yesterday", cur, rxBirthday("2026-11-18", "1990-11-17"), curOut},
		{"current: birthday tomorrow", cur, rxBirthday("2026-11-18", "1990-11-19"), curOut},
		{"current: same day, another month", cur, rxBirthday("2026-11-18", "1990-10-18"), curOut},
		// previous: the window is the day before the sale, 17 Nov.
		{"previous: birthday yesterday", prev, rxBirthday("2026-11-18", "1990-11-17"), rxPass},
		{"previous: birthday today", prev, rxBirthday("2026-11-18", "1990-11-18"), prevOut},
		// next: the window is the day after the sale, 19 Nov.
		{"next: birthday tomorrow", next, rxBirthday("2026-11-18", "1990-11-19"), rxPass},
		{"next: birthday today", next, rxBirthday("2026-11-18", "1990-11-18"), nextOut},
		// tolerance 2 on each side: 16 to 20 Nov.
		{"tolerance: 2 days before", tol, rxBirthday("2026-11-18", "1990-11-16"), rxPass},
		{"tolerance: 2 days after", tol, rxBirthday("2026-11-18", "1990-11-20"), rxPass},
		{"tolerance: 3 days before", tol, rxBirthday("2026-11-18", "1990-11-15"), tolOut},
		{"tolerance: 3 days after", tol, rxBirthday("2026-11-18", "1990-11-21"), tolOut},
		// previous with tolerance 1: 17 Nov ± 1 = 16 to 18 Nov.
		{"previous with tolerance: today is inside", rules.Birthday(rules.BirthdayDay, rules.Previous, 1),
			rxBirthday("2026-11-18", "1990-11-18"), rxPass},
		{"previous with tolerance: 2 days before the sale is inside", rules.Birthday(rules.BirthdayDay, rules.Previous, 1),
			rxBirthday("2026-11-18", "1990-11-16"), rxPass},
		{"previous with tolerance: tomorrow is outside", rules.Birthday(rules.BirthdayDay, rules.Previous, 1),
			rxBirthday("2026-11-18", "1990-11-19"),
			rxOutside("birthday in the previous day (tolerance 1 day)")},
	})
}

func TestBirthdayWeek(t *testing.T) {
	cur := rules.Birthday(rules.BirthdayWeek, rules.Current, 0)
	curOut := rxOutside("birthday in the current week (tolerance 0 days)")
	prev := rules.Birthday(rules.BirthdayWeek, rules.Previous, 0)
	prevOut := rxOutside("birthday in the previous week (tolerance 0 days)")
	next := rules.Birthday(rules.BirthdayWeek, rules.Next, 0)
	nextOut := rxOutside("birthday in the next week (tolerance 0 days)")
	// 2026-11-18 is a Wednesday: its week runs from Sunday 15 to Saturday
	// 21 Nov; the previous one 8 to 14 Nov, the next one 22 to 28 Nov.
	const wed = "2026-11-18"
	rxRunBirthday(t, []rxCase{
		{"current: Sunday", cur, rxBirthday(wed, "1985-11-15"), rxPass},
		{"current: Saturday", cur, rxBirthday(wed, "1985-11-21"), rxPass},
		{"current: the Saturday before", cur, rxBirthday(wed, "1985-11-14"), curOut},
		{"current: the Sunday after", cur, rxBirthday(wed, "1985-11-22"), curOut},
		{"previous: Sunday 8", prev, rxBirthday(wed, "1985-11-08"), rxPass},
		{"previous: Saturday 14", prev, rxBirthday(wed, "1985-11-14"), rxPass},
		{"previous: Sunday 15 is this week", prev, rxBirthday(wed, "1985-11-15"), prevOut},
		{"next: Sunday 22", next, rxBirthday(wed, "1985-11-22"), rxPass},
		{"next: Saturday 28", next, rxBirthday(wed, "1985-11-28"), rxPass},
		{"next: Saturday 21 is this week", next, rxBirthday(wed, "1985-11-21"), nextOut},
		// A sale on a Sunday starts a week; a sale on a Saturday ends one.
		{"sale on Sunday 22: Saturday 21 is the week before", cur, rxBirthday("2026-11-22", "1985-11-21"), curOut},
		{"sale on Sunday 22: Saturday 28 is the same week", cur, rxBirthday("2026-11-22", "1985-11-28"), rxPass},
		{"sale on Saturday 21: Sunday 15 is the same week", cur, rxBirthday("2026-11-21", "1985-11-15"), rxPass},
		// Tolerance 1 widens 15..21 to 14..22.
		{"tolerance: the day before the week", rules.Birthday(rules.BirthdayWeek, rules.Current, 1),
			rxBirthday(wed, "1985-11-14"), rxPass},
		{"tolerance: the day after the week", rules.Birthday(rules.BirthdayWeek, rules.Current, 1),
			rxBirthday(wed, "1985-11-22"), rxPass},
		{"tolerance: two days after the week", rules.Birthday(rules.BirthdayWeek, rules.Current, 1),
			rxBirthday(wed, "1985-11-23"),
			rxOutside("birthday in the current week (tolerance 1 day)")},
		// The week of Thursday 2026-12-31 runs from Sunday 27 Dec to
		// Saturday 2 Jan 2027.
		{"week across the new year: 1 January", cur, rxBirthday("2026-12-31", "1980-01-01"), rxPass},
		{"week across the new year: 2 January", cur, rxBirthday("2026-12-31", "1980-01-02"), rxPass},
		{"week across the new year: 3 January", cur, rxBirthday("2026-12-31", "1980-01-03"), curOut},
		{"week across the new year: 26 December", cur, rxBirthday("2026-12-31", "1980-12-26"), curOut},
		// Sale on Saturday 2 Jan 2027: same week, 27 Dec 2026 counts.
		{"week across the new year, sale in January: 27 December", cur, rxBirthday("2027-01-02", "1980-12-27"), rxPass},
		// Next week of Wednesday 2026-12-30 is 3 to 9 Jan 2027.
		{"next week in the new year", next, rxBirthday("2026-12-30", "1980-01-05"), rxPass},
		// Previous week of Monday 2027-01-04 is 27 Dec 2026 to 2 Jan 2027.
		{"previous week in the old year", prev, rxBirthday("2027-01-04", "1980-12-28"), rxPass},
	})
}

func TestBirthdayMonth(t *testing.T) {
	cur := rules.Birthday(rules.BirthdayMonth, rules.Current, 0)
	curOut := rxOutside("birthday in the current month (tolerance 0 days)")
	prev := rules.Birthday(rules.BirthdayMonth, rules.Previous, 0)
	prevOut := rxOutside("birthday in the previous month (tolerance 0 days)")
	next := rules.Birthday(rules.BirthdayMonth, rules.Next, 0)
	nextOut := rxOutside("birthday in the next month (tolerance 0 days)")
	tol := rules.Birthday(rules.BirthdayMonth, rules.Current, 3)
	rxRunBirthday(t, []rxCase{
		{"current: first of the month", cur, rxBirthday("2026-11-18", "1970-11-01"), rxPass},
		{"current: last of the month", cur, rxBirthday("2026-11-18", "1970-11-30"), rxPass},
		{"current: last of the month before", cur, rxBirthday("2026-11-18", "1970-10-31"), curOut},
		{"current: first of the month after", cur, rxBirthday("2026-11-18", "1970-12-01"), curOut},
		{"previous: October", prev, rxBirthday("2026-11-18", "1970-10-31"), rxPass},
		{"previous: November", prev, rxBirthday("2026-11-18", "1970-11-01"), prevOut},
		{"next: December", next, rxBirthday("2026-11-18", "1970-12-31"), rxPass},
		{"next: November", next, rxBirthday("2026-11-18", "1970-11-30"), nextOut},
		// Tolerance 3 widens November to 29 Oct .. 3 Dec (1 Nov - 3 days:
		// 31, 30, 29 Oct).
		{"tolerance: 29 October", tol, rxBirthday("2026-11-18", "1970-10-29"), rxPass},
		{"tolerance: 3 December", tol, rxBirthday("2026-11-18", "1970-12-03"), rxPass},
		{"tolerance: 4 December", tol, rxBirthday("2026-11-18", "1970-12-04"),
			rxOutside("birthday in the current month (tolerance 3 days)")},
		{"tolerance: 28 October", tol, rxBirthday("2026-11-18", "1970-10-28"),
			rxOutside("birthday in the current month (tolerance 3 days)")},
		// Year wrap-around: the month before January 2027 is December 2026,
		// the month after December 2026 is January 2027.
		{"previous of January is December", prev, rxBirthday("2027-01-10", "1970-12-25"), rxPass},
		{"previous of January is not January", prev, rxBirthday("2027-01-10", "1970-01-25"), prevOut},
		{"next of December is January", next, rxBirthday("2026-12-10", "1970-01-05"), rxPass},
		{"next of December is not November", next, rxBirthday("2026-12-10", "1970-11-05"), nextOut},
		// Tolerance across the new year: December ± 2 reaches 2 Jan.
		{"tolerance into the next year", rules.Birthday(rules.BirthdayMonth, rules.Current, 2), rxBirthday("2026-12-10", "1970-01-02"), rxPass},
		// The month after 31 Jan is February (not 3 March).
		{"next of 31 January is February", next, rxBirthday("2027-01-31", "1970-02-14"), rxPass},
		{"previous of 31 March is February", prev, rxBirthday("2026-03-31", "1970-02-28"), rxPass},
	})
}

func TestBirthdayAcrossTheNewYear(t *testing.T) {
	day2 := rules.Birthday(rules.BirthdayDay, rules.Current, 2)
	out2 := rxOutside("birthday in the current day (tolerance 2 days)")
	rxRunBirthday(t, []rxCase{
		// 31 Dec 2026 ± 2: 29 Dec 2026 to 2 Jan 2027.
		{"31 Dec, birthday 2 Jan", day2, rxBirthday("2026-12-31", "1990-01-02"), rxPass},
		{"31 Dec, birthday 3 Jan", day2, rxBirthday("2026-12-31", "1990-01-03"), out2},
		{"31 Dec, birthday 29 Dec", day2, rxBirthday("2026-12-31", "1990-12-29"), rxPass},
		// 1 Jan 2027 ± 2: 30 Dec 2026 to 3 Jan 2027.
		{"1 Jan, birthday 30 Dec", day2, rxBirthday("2027-01-01", "1990-12-30"), rxPass},
		{"1 Jan, birthday 29 Dec", day2, rxBirthday("2027-01-01", "1990-12-29"), out2},
		// previous day of 1 Jan 2027 is 31 Dec 2026; next of 31 Dec is 1 Jan.
		{"previous day of 1 January", rules.Birthday(rules.BirthdayDay, rules.Previous, 0), rxBirthday("2027-01-01", "1990-12-31"), rxPass},
		{"next day of 31 December", rules.Birthday(rules.BirthdayDay, rules.Next, 0), rxBirthday("2026-12-31", "1990-01-01"), rxPass},
	})
}

func TestBirthdayLeapDay(t *testing.T) {
	const leap = "2000-02-29"
	day := rules.Birthday(rules.BirthdayDay, rules.Current, 0)
	dayOut := rxOutside("birthday in the current day (tolerance 0 days)")
	rxRunBirthday(t, []rxCase{
		// 2026 is a common year: 29 Feb is celebrated on 28 Feb.
		{"common year: 28 Feb", day, rxBirthday("2026-02-28", leap), rxPass},
		{"common year: 1 Mar", day, rxBirthday("2026-03-01", leap), dayOut},
		{"common year: 27 Feb", day, rxBirthday("2026-02-27", leap), dayOut},
		// 2028 is a leap year: 29 Feb itself, not 28 Feb.
		{"leap year: 29 Feb", day, rxBirthday("2028-02-29", leap), rxPass},
		{"leap year: 28 Feb", day, rxBirthday("2028-02-28", leap), dayOut},
		// 2100 is not a leap year (divisible by 100, not by 400).
		{"2100: 28 Feb", day, rxBirthday("2100-02-28", leap), rxPass},
		// 2400 is (divisible by 400).
		{"2400: 28 Feb", day, rxBirthday("2400-02-28", leap), dayOut},
		// The previous day of 1 Mar 2026 is 28 Feb 2026.
		{"previous day of 1 Mar 2026", rules.Birthday(rules.BirthdayDay, rules.Previous, 0), rxBirthday("2026-03-01", leap), rxPass},
		// February 2026 contains 28 Feb.
		{"month of February 2026", rules.Birthday(rules.BirthdayMonth, rules.Current, 0), rxBirthday("2026-02-03", leap), rxPass},
		// The week of Saturday 28 Feb 2026 is 22 to 28 Feb.
		{"week of 28 Feb 2026", rules.Birthday(rules.BirthdayWeek, rules.Current, 0), rxBirthday("2026-02-22", leap), rxPass},
		// The next week of Sunday 22 Feb 2026 is 1 to 7 Mar: 28 Feb is not in it.
		{"the week after 28 Feb 2026", rules.Birthday(rules.BirthdayWeek, rules.Next, 0), rxBirthday("2026-02-22", leap),
			rxOutside("birthday in the next week (tolerance 0 days)")},
	})
}

func TestBirthdayUsesTheSaleLocalDate(t *testing.T) {
	// 22:30 on 18 Nov in São Paulo is 01:30 on 19 Nov UTC: the rule looks at
	// the store's date, 18 Nov.
	late := func(born string) promo.Cart {
		cart := rxBirthday("2026-11-18", born)
		cart.Time = testkit.At(2026, time.November, 18, 22, 30, 0)
		return cart
	}
	day := rules.Birthday(rules.BirthdayDay, rules.Current, 0)
	rxRunBirthday(t, []rxCase{
		{"birthday on the local date", day, late("1990-11-18"), rxPass},
		{"birthday on the UTC date", day, late("1990-11-19"), rxOutside("birthday in the current day (tolerance 0 days)")},
	})
}

func TestBirthdayWithoutBirthDate(t *testing.T) {
	cond := rules.Birthday(rules.BirthdayMonth, rules.Current, 0)
	rxRunBirthday(t, []rxCase{
		{"no birth date", cond, rxBirthday("2026-11-18", ""), rxFail("cliente sem data de nascimento", "the customer has no birth date")},
		{"anonymous sale", cond, rxCart(nil), rxAnonymous},
	})
}

func TestBirthdayNames(t *testing.T) {
	periods := []struct {
		in   string
		want rules.BirthdayPeriod
		err  bool
	}{
		{"day", rules.BirthdayDay, false},
		{"week", rules.BirthdayWeek, false},
		{"month", rules.BirthdayMonth, false},
		{"", 0, true},
		{"year", 0, true},
		{"Day", 0, true},
	}
	for _, tt := range periods {
		got, err := rules.ParseBirthdayPeriod(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseBirthdayPeriod(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if !tt.err && got.String() != tt.in {
			t.Errorf("%v.String() (-want +got):\n-%s\n+%s", got, tt.in, got.String())
		}
	}
	relatives := []struct {
		in   string
		want rules.Relative
		err  bool
	}{
		{"previous", rules.Previous, false},
		{"current", rules.Current, false},
		{"", rules.Current, false},
		{"next", rules.Next, false},
		{"last", 0, true},
		{"Next", 0, true},
	}
	for _, tt := range relatives {
		got, err := rules.ParseRelative(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseRelative(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	names := []struct{ got, want string }{
		{rules.Previous.String(), "previous"},
		{rules.Current.String(), "current"},
		{rules.Next.String(), "next"},
		{rules.Relative(5).String(), "Relative(5)"},
		{rules.BirthdayPeriod(9).String(), "BirthdayPeriod(9)"},
	}
	for _, n := range names {
		if n.got != n.want {
			t.Errorf("String() (-want +got):\n-%s\n+%s", n.want, n.got)
		}
	}
}

func TestBirthdayDescribe(t *testing.T) {
	// Portuguese agrees in gender: "no dia", "no mês", but "na semana
	// ... próxima".
	tests := []struct {
		period rules.BirthdayPeriod
		rel    rules.Relative
		pt, en string
	}{
		{rules.BirthdayDay, rules.Previous, "aniversário no dia anterior (tolerância 3 dias)", "birthday in the previous day (tolerance 3 days)"},
		{rules.BirthdayDay, rules.Current, "aniversário no dia atual (tolerância 3 dias)", "birthday in the current day (tolerance 3 days)"},
		{rules.BirthdayDay, rules.Next, "aniversário no dia próximo (tolerância 3 dias)", "birthday in the next day (tolerance 3 days)"},
		{rules.BirthdayWeek, rules.Previous, "aniversário na semana anterior (tolerância 3 dias)", "birthday in the previous week (tolerance 3 days)"},
		{rules.BirthdayWeek, rules.Current, "aniversário na semana atual (tolerância 3 dias)", "birthday in the current week (tolerance 3 days)"},
		{rules.BirthdayWeek, rules.Next, "aniversário na semana próxima (tolerância 3 dias)", "birthday in the next week (tolerance 3 days)"},
		{rules.BirthdayMonth, rules.Previous, "aniversário no mês anterior (tolerância 3 dias)", "birthday in the previous month (tolerance 3 days)"},
		{rules.BirthdayMonth, rules.Current, "aniversário no mês atual (tolerância 3 dias)", "birthday in the current month (tolerance 3 days)"},
		{rules.BirthdayMonth, rules.Next, "aniversário no mês próximo (tolerância 3 dias)", "birthday in the next month (tolerance 3 days)"},
	}
	for _, tt := range tests {
		c := rules.Birthday(tt.period, tt.rel, 3)
		pt, en := c.Describe()
		if diff := cmp.Diff([]string{tt.pt, tt.en}, []string{pt, en}); diff != "" {
			t.Errorf("%v %v: Describe (-want +got):\n%s", tt.rel, tt.period, diff)
		}
		if diff := cmp.Diff(promo.Keys{CartWide: true}, c.Keys()); diff != "" {
			t.Errorf("Keys (-want +got):\n%s", diff)
		}
	}
	// The failure message is the description behind "fora do período".
	got := rxCheck(t, rules.Birthday(rules.BirthdayWeek, rules.Current, 0), rxBirthday("2026-11-18", "1990-01-01"))
	rxCompare(t, rxFail("fora do período: aniversário na semana atual (tolerância 0 dias)",
		"outside the period: birthday in the current week (tolerance 0 days)"), got)
}
