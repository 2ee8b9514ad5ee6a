package promogen

import (
	"time"
	_ "time/tzdata" // the zone database is embedded: no zone files needed
)

// saoPaulo returns America/Sao_Paulo.
func saoPaulo() *time.Location {
	loc, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		panic("promogen: the embedded zone database has no America/Sao_Paulo: " + err.Error())
	}
	return loc
}
