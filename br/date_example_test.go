package br_test

import (
	"fmt"
	"time"

	"github.com/promokit/promokit/br"
)

func ExampleDate_AgeOn() {
	born := br.MustParseDate("2008-11-22")
	saoPaulo, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		fmt.Println(err)
		return
	}
	sale := time.Date(2026, time.November, 21, 10, 15, 0, 0, saoPaulo)
	// The day before the 18th birthday: still 17.
	fmt.Println(br.DateOf(sale), born.AgeOn(br.DateOf(sale)))
	fmt.Println(born.AgeOn(br.MustParseDate("2026-11-22")))
	_, err = br.ParseDate("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026-11-21 17
	// 18
	// invalid date "2026-02-30": want YYYY-MM-DD, a day that exists
}
