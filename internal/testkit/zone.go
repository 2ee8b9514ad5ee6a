package testkit

import (
	"fmt"
	"time"
)

// Zone is the time zone of every test sale: America/Sao_Paulo (UTC-03:00,
// no daylight saving time since 2019; horário de Brasília).
const Zone = "America/Sao_Paulo"

// SaoPaulo returns the [Zone] location, failing t when the zone database
// lacks it.
func SaoPaulo(t TB) *time.Location {
	helper(t)
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		t.Fatalf("load location: %v", err)
	}
	return loc
}

// MustSaoPaulo returns the [Zone] location and panics when the zone
// database lacks it: for package-level values of a test file and for
// helpers that have no test at hand.
func MustSaoPaulo() *time.Location {
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		panic(fmt.Sprintf("testkit: load location: %v", err))
	}
	return loc
}

// At returns the wall-clock instant year-month-day hour:minute:second in São
// Paulo, failing t when the zone cannot be loaded.
func At(t TB, year int, month time.Month, day, hour, minute, second int) time.Time {
	helper(t)
	return time.Date(year, month, day, hour, minute, second, 0, SaoPaulo(t))
}

// SaleTime is the fixed instant of most test sales: Saturday 21 November
// 2026, 10:15 in São Paulo (13:15 UTC).
func SaleTime(t TB) time.Time {
	helper(t)
	return At(t, 2026, time.November, 21, 10, 15, 0)
}
