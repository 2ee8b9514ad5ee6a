package testkit

import (
	"fmt"
	"time"
	_ "time/tzdata" // the zone database is embedded: São Paulo whatever the host has
)

// Zone is the time zone of every test sale: America/Sao_Paulo (UTC-03:00,
// no daylight saving time since 2019; horário de Brasília).
const Zone = "America/Sao_Paulo"

// SaoPaulo returns the [Zone] location. The package embeds the zone
// database, so loading cannot fail on any host; it panics if it ever does,
// which takes no test handle and serves package-level values, benchmarks,
// rapid properties and helpers alike.
func SaoPaulo() *time.Location {
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		panic(fmt.Sprintf("testkit: load location: %v", err))
	}
	return loc
}

// At returns the wall-clock instant year-month-day hour:minute:second in
// São Paulo.
func At(year int, month time.Month, day, hour, minute, second int) time.Time {
	return time.Date(year, month, day, hour, minute, second, 0, SaoPaulo())
}

// SaleTime is the fixed instant of most test sales: Saturday 21 November
// 2026, 10:15 in São Paulo (13:15 UTC).
func SaleTime() time.Time {
	return At(2026, time.November, 21, 10, 15, 0)
}
