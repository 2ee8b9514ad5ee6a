package report_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/promokit/promokit/internal/testkit"
	"github.com/promokit/promokit/promo"
	"github.com/promokit/promokit/report"
)

// The expected figures below are added up by hand from the sales worked
// out in fixture_test.go.

func TestSummarizeByWeek(t *testing.T) {
	fx := fixture(t)
	got := report.Summarize(slices.Values(fx.records), report.Week, report.Filter{})
	w1f, w1t := date("2026-11-16"), date("2026-11-22") // Monday to Sunday
	w2f, w2t := date("2026-11-23"), date("2026-11-29")
	w3f, w3t := date("2026-11-30"), date("2026-12-06")
	want := report.Summary{
		Rows: []report.SummaryRow{
			// t1: 120,00 gross; its own 11,00, meias-3x2's 10,00.
			{From: w1f, To: w1t, Campaign: "acima-100", Name: "Acima de R$ 100, 10%", Sales: 1, Activations: 1,
				Gross: testkit.Dec("120.00"), CampaignDiscount: testkit.Dec("11.00"), OtherDiscounts: testkit.Dec("10.00"), Discount: testkit.Dec("21.00"), Net: testkit.Dec("99.00")},
			// t2: one gift unit (caneca).
			{From: w1f, To: w1t, Campaign: "brinde-caneca", Name: "Café: ganhe uma caneca", Category: "mercado", Sales: 1, Activations: 1,
				Gross: testkit.Dec("50.00"), CampaignDiscount: testkit.Dec("0"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00"), Gifts: 1},
			{From: w1f, To: w1t, Campaign: "cafe-fidelidade", Name: "Café: cashback e pontos", Category: "fidelidade", Sales: 1, Activations: 1,
				Gross: testkit.Dec("50.00"), CampaignDiscount: testkit.Dec("0"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00")},
			{From: w1f, To: w1t, Campaign: "ind-sabao", Name: "Sabão: leve 3 pague 2", Sales: 1, Activations: 1,
				Gross: testkit.Dec("24.00"), CampaignDiscount: testkit.Dec("8.00"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("8.00"), Net: testkit.Dec("16.00")},
			{From: w1f, To: w1t, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Category: "vestuario", Sales: 1, Activations: 1,
				Gross: testkit.Dec("120.00"), CampaignDiscount: testkit.Dec("10.00"), OtherDiscounts: testkit.Dec("11.00"), Discount: testkit.Dec("21.00"), Net: testkit.Dec("99.00")},
			{From: w1f, To: w1t, Campaign: "pack-10", Name: "Pack 10% na venda", Sales: 1, Activations: 1,
				Gross: testkit.Dec("60.00"), CampaignDiscount: testkit.Dec("6.00"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("6.00"), Net: testkit.Dec("54.00")},
			// t5: two groups (20,00); the other 4,00 is the cashback redeemed.
			{From: w2f, To: w2t, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Category: "vestuario", Sales: 1, Activations: 2,
				Gross: testkit.Dec("60.00"), CampaignDiscount: testkit.Dec("20.00"), OtherDiscounts: testkit.Dec("4.00"), Discount: testkit.Dec("24.00"), Net: testkit.Dec("36.00")},
			// t8: acima-100 ended on 30/11.
			{From: w3f, To: w3t, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Category: "vestuario", Sales: 1, Activations: 1,
				Gross: testkit.Dec("120.00"), CampaignDiscount: testkit.Dec("10.00"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("10.00"), Net: testkit.Dec("110.00")},
		},
		Totals: []report.SummaryTotals{
			// t1 + t2 + t3 + t4: 120 + 50 + 24 + 60; 21 + 0 + 8 + 6; 99 + 50 + 16 + 54.
			{From: w1f, To: w1t, Sales: 4, Activated: 4, Gross: testkit.Dec("254.00"), Discount: testkit.Dec("35.00"), Net: testkit.Dec("219.00"), Gifts: 1},
			// t5 + t7 (the return r6 is not a sale): 60 + 20; 24 + 0; 36 + 20.
			{From: w2f, To: w2t, Sales: 2, Activated: 1, Gross: testkit.Dec("80.00"), Discount: testkit.Dec("24.00"), Net: testkit.Dec("56.00")},
			{From: w3f, To: w3t, Sales: 1, Activated: 1, Gross: testkit.Dec("120.00"), Discount: testkit.Dec("10.00"), Net: testkit.Dec("110.00")},
		},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Summarize by week (-want +got):\n%s", diff)
	}
}

func TestSummarizeByMonthAndCategory(t *testing.T) {
	fx := fixture(t)
	got := report.Summarize(slices.Values(fx.records), report.Month, report.Filter{Category: "vestuario"})
	nov, novEnd := date("2026-11-01"), date("2026-11-30")
	dec, decEnd := date("2026-12-01"), date("2026-12-31")
	want := report.Summary{
		Rows: []report.SummaryRow{
			// t1 + t5: 120 + 60; own 10 + 20; others 11 (acima-100) + 4 (cashback).
			{From: nov, To: novEnd, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Category: "vestuario", Sales: 2, Activations: 3,
				Gross: testkit.Dec("180.00"), CampaignDiscount: testkit.Dec("30.00"), OtherDiscounts: testkit.Dec("15.00"), Discount: testkit.Dec("45.00"), Net: testkit.Dec("135.00")},
			{From: dec, To: decEnd, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Category: "vestuario", Sales: 1, Activations: 1,
				Gross: testkit.Dec("120.00"), CampaignDiscount: testkit.Dec("10.00"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("10.00"), Net: testkit.Dec("110.00")},
		},
		// The totals count every sale of the period: the category selects
		// campaigns, not sales. November: t1, t2, t3, t4, t5, t7.
		Totals: []report.SummaryTotals{
			{From: nov, To: novEnd, Sales: 6, Activated: 5, Gross: testkit.Dec("334.00"), Discount: testkit.Dec("59.00"), Net: testkit.Dec("275.00"), Gifts: 1},
			{From: dec, To: decEnd, Sales: 1, Activated: 1, Gross: testkit.Dec("120.00"), Discount: testkit.Dec("10.00"), Net: testkit.Dec("110.00")},
		},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Summarize by month, category vestuario (-want +got):\n%s", diff)
	}
}

func TestSummarizeByDayAndCustomer(t *testing.T) {
	fx := fixture(t)
	day := date("2026-11-16")
	got := report.Summarize(slices.Values(fx.records), report.Day, report.Filter{From: day, To: day, Customer: "tok-bia"})
	want := report.Summary{
		Rows: []report.SummaryRow{
			{From: day, To: day, Campaign: "brinde-caneca", Name: "Café: ganhe uma caneca", Category: "mercado", Sales: 1, Activations: 1,
				Gross: testkit.Dec("50.00"), CampaignDiscount: testkit.Dec("0"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00"), Gifts: 1},
			{From: day, To: day, Campaign: "cafe-fidelidade", Name: "Café: cashback e pontos", Category: "fidelidade", Sales: 1, Activations: 1,
				Gross: testkit.Dec("50.00"), CampaignDiscount: testkit.Dec("0"), OtherDiscounts: testkit.Dec("0"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00")},
		},
		Totals: []report.SummaryTotals{{From: day, To: day, Sales: 1, Activated: 1, Gross: testkit.Dec("50.00"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00"), Gifts: 1}},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("Summarize t2's day for tok-bia (-want +got):\n%s", diff)
	}
}

func TestCampaignStatistics(t *testing.T) {
	fx := fixture(t)
	got := report.CampaignStatistics(slices.Values(fx.records), report.Month, fx.rs, report.Filter{})
	nov, novEnd := date("2026-11-01"), date("2026-11-30")
	dec, decEnd := date("2026-12-01"), date("2026-12-31")
	start := at("2026-11-01", "00:00")
	// A date-only end is the last instant of that day.
	endNov := at("2026-12-01", "00:00").Add(-time.Nanosecond)
	want := []report.StatisticsRow{
		{From: nov, To: novEnd, Campaign: "acima-100", Name: "Acima de R$ 100, 10%", Type: "reshop:sale_percent", Start: start, End: endNov,
			Sales: 1, Activations: 1, Discount: testkit.Dec("11.00"), Points: testkit.Dec("0"), Cashback: testkit.Dec("0")},
		// A gift and an extras-only campaign are neither of the typed
		// benefits: "other" (campaign.TypeOther).
		{From: nov, To: novEnd, Campaign: "brinde-caneca", Name: "Café: ganhe uma caneca", Type: "reshop:gift", Category: "mercado", Start: start,
			Sales: 1, Activations: 1, Discount: testkit.Dec("0"), Gifts: 1, Points: testkit.Dec("0"), Cashback: testkit.Dec("0")},
		// t2: 100 points and a credit of 10,00 (the return's reversal is
		// not an earning).
		{From: nov, To: novEnd, Campaign: "cafe-fidelidade", Name: "Café: cashback e pontos", Type: "reshop:extras", Category: "fidelidade", Start: start,
			Sales: 1, Activations: 1, Discount: testkit.Dec("0"), Points: testkit.Dec("100"), Cashback: testkit.Dec("10.00")},
		{From: nov, To: novEnd, Campaign: "ind-sabao", Name: "Sabão: leve 3 pague 2", Type: "industry", Start: start,
			Sales: 1, Activations: 1, Discount: testkit.Dec("8.00"), Points: testkit.Dec("0"), Cashback: testkit.Dec("0")},
		// t1 (1 occurrence, 10,00) + t5 (2 occurrences, 20,00).
		{From: nov, To: novEnd, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Type: "reshop:free_units", Category: "vestuario", Start: start,
			Sales: 2, Activations: 3, Discount: testkit.Dec("30.00"), Points: testkit.Dec("0"), Cashback: testkit.Dec("0")},
		{From: nov, To: novEnd, Campaign: "pack-10", Name: "Pack 10% na venda", Type: "desconto_pack", Start: start,
			Sales: 1, Activations: 1, Discount: testkit.Dec("6.00"), Points: testkit.Dec("0"), Cashback: testkit.Dec("0")},
		{From: dec, To: decEnd, Campaign: "meias-3x2", Name: "Meias: leve 3 pague 2", Type: "reshop:free_units", Category: "vestuario", Start: start,
			Sales: 1, Activations: 1, Discount: testkit.Dec("10.00"), Points: testkit.Dec("0"), Cashback: testkit.Dec("0")},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("CampaignStatistics by month (-want +got):\n%s", diff)
	}

	// Without the ruleset, names, types and categories come from the
	// applications; dates are unknown.
	got = report.CampaignStatistics(slices.Values(fx.records), report.Month, nil, report.Filter{Category: "fidelidade"})
	want = []report.StatisticsRow{
		{From: nov, To: novEnd, Campaign: "cafe-fidelidade", Name: "Café: cashback e pontos", Type: "reshop:extras", Category: "fidelidade",
			Sales: 1, Activations: 1, Discount: testkit.Dec("0"), Points: testkit.Dec("100"), Cashback: testkit.Dec("10.00")},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("CampaignStatistics without ruleset, category fidelidade (-want +got):\n%s", diff)
	}
}

func TestStoreActivations(t *testing.T) {
	fx := fixture(t)
	tests := []struct {
		name  string
		store string
		f     report.Filter
		want  []report.ActivationRow
	}{
		{"loja-1, everything", "loja-1", report.Filter{}, []report.ActivationRow{
			{Ticket: "t1", Time: at("2026-11-16", "10:00"), Customer: "tok-ana", Campaigns: []string{"meias-3x2", "acima-100"}, Activations: 2,
				Gross: testkit.Dec("120.00"), Discount: testkit.Dec("21.00"), Net: testkit.Dec("99.00"), CampaignDiscount: testkit.Dec("21.00")},
			{Ticket: "t2", Time: at("2026-11-16", "15:30"), Customer: "tok-bia", Campaigns: []string{"brinde-caneca", "cafe-fidelidade"}, Activations: 2,
				Gross: testkit.Dec("50.00"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00"), CampaignDiscount: testkit.Dec("0")},
			{Ticket: "t4", Time: at("2026-11-17", "18:00"), Customer: "tok-ana", Campaigns: []string{"pack-10"}, Activations: 1,
				Gross: testkit.Dec("60.00"), Discount: testkit.Dec("6.00"), Net: testkit.Dec("54.00"), CampaignDiscount: testkit.Dec("6.00")},
		}},
		{"loja-2, one campaign", "loja-2", report.Filter{Campaign: "meias-3x2"}, []report.ActivationRow{
			// The sale's discount includes the 4,00 of cashback redeemed.
			{Ticket: "t5", Time: at("2026-11-23", "11:00"), Customer: "tok-bia", Campaigns: []string{"meias-3x2"}, Activations: 2,
				Gross: testkit.Dec("60.00"), Discount: testkit.Dec("24.00"), Net: testkit.Dec("36.00"), CampaignDiscount: testkit.Dec("20.00")},
			{Ticket: "t8", Time: at("2026-12-01", "10:00"), Campaigns: []string{"meias-3x2"}, Activations: 1,
				Gross: testkit.Dec("120.00"), Discount: testkit.Dec("10.00"), Net: testkit.Dec("110.00"), CampaignDiscount: testkit.Dec("10.00")},
		}},
		{"loja-1, category", "loja-1", report.Filter{Category: "vestuario"}, []report.ActivationRow{
			{Ticket: "t1", Time: at("2026-11-16", "10:00"), Customer: "tok-ana", Campaigns: []string{"meias-3x2"}, Activations: 1,
				Gross: testkit.Dec("120.00"), Discount: testkit.Dec("21.00"), Net: testkit.Dec("99.00"), CampaignDiscount: testkit.Dec("10.00")},
		}},
		{"loja-1, customer", "loja-1", report.Filter{Customer: "tok-ana"}, []report.ActivationRow{
			{Ticket: "t1", Time: at("2026-11-16", "10:00"), Customer: "tok-ana", Campaigns: []string{"meias-3x2", "acima-100"}, Activations: 2,
				Gross: testkit.Dec("120.00"), Discount: testkit.Dec("21.00"), Net: testkit.Dec("99.00"), CampaignDiscount: testkit.Dec("21.00")},
			{Ticket: "t4", Time: at("2026-11-17", "18:00"), Customer: "tok-ana", Campaigns: []string{"pack-10"}, Activations: 1,
				Gross: testkit.Dec("60.00"), Discount: testkit.Dec("6.00"), Net: testkit.Dec("54.00"), CampaignDiscount: testkit.Dec("6.00")},
		}},
		{"loja-1, dates", "loja-1", report.Filter{From: date("2026-11-17"), To: date("2026-11-30")}, []report.ActivationRow{
			{Ticket: "t4", Time: at("2026-11-17", "18:00"), Customer: "tok-ana", Campaigns: []string{"pack-10"}, Activations: 1,
				Gross: testkit.Dec("60.00"), Discount: testkit.Dec("6.00"), Net: testkit.Dec("54.00"), CampaignDiscount: testkit.Dec("6.00")},
		}},
		{"loja-1, ticket", "loja-1", report.Filter{Ticket: "t2"}, []report.ActivationRow{
			{Ticket: "t2", Time: at("2026-11-16", "15:30"), Customer: "tok-bia", Campaigns: []string{"brinde-caneca", "cafe-fidelidade"}, Activations: 2,
				Gross: testkit.Dec("50.00"), Discount: testkit.Dec("0"), Net: testkit.Dec("50.00"), CampaignDiscount: testkit.Dec("0")},
		}},
		// t7 activated nothing.
		{"loja-3", "loja-3", report.Filter{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := report.StoreActivations(slices.Values(fx.records), tt.store, tt.f)
			if diff := cmp.Diff(tt.want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("StoreActivations(%s, %+v) (-want +got):\n%s", tt.store, tt.f, diff)
			}
		})
	}
}

func TestStoreFrequency(t *testing.T) {
	fx := fixture(t)
	tests := []struct {
		name string
		f    report.Filter
		want report.Frequency
	}{
		{"everything", report.Filter{}, report.Frequency{
			Stores: []report.FrequencyRow{
				// t1 (2) + t2 (2) + t4 (1) = 5 over 3 sales: 1,66666... -> 1,6667.
				{Store: "loja-1", Sales: 3, Activated: 3, Activations: 5, Frequency: testkit.Dec("1.6667")},
				// t3 (1) + t5 (2) + t8 (1) = 4 over 3: 1,33333... -> 1,3333.
				{Store: "loja-2", Sales: 3, Activated: 3, Activations: 4, Frequency: testkit.Dec("1.3333")},
				{Store: "loja-3", Sales: 1, Frequency: testkit.Dec("0")},
			},
			// 9 over 7 = 1,285714... -> 1,2857; 2 of 3 stores: 0,6666... -> 0,6667.
			Sales: 7, Activated: 6, Activations: 9, Frequency: testkit.Dec("1.2857"),
			StoresSeen: 3, StoresActivated: 2, Incidence: testkit.Dec("0.6667"),
		}},
		{"one campaign", report.Filter{Campaign: "meias-3x2"}, report.Frequency{
			Stores: []report.FrequencyRow{
				{Store: "loja-1", Sales: 3, Activated: 1, Activations: 1, Frequency: testkit.Dec("0.3333")},
				{Store: "loja-2", Sales: 3, Activated: 2, Activations: 3, Frequency: testkit.Dec("1")},
				{Store: "loja-3", Sales: 1, Frequency: testkit.Dec("0")},
			},
			// 4 / 7 = 0,571428... -> 0,5714.
			Sales: 7, Activated: 3, Activations: 4, Frequency: testkit.Dec("0.5714"),
			StoresSeen: 3, StoresActivated: 2, Incidence: testkit.Dec("0.6667"),
		}},
		{"until 17/11", report.Filter{To: date("2026-11-17")}, report.Frequency{
			Stores: []report.FrequencyRow{
				{Store: "loja-1", Sales: 3, Activated: 3, Activations: 5, Frequency: testkit.Dec("1.6667")},
				{Store: "loja-2", Sales: 1, Activated: 1, Activations: 1, Frequency: testkit.Dec("1")},
			},
			Sales: 4, Activated: 4, Activations: 6, Frequency: testkit.Dec("1.5"),
			StoresSeen: 2, StoresActivated: 2, Incidence: testkit.Dec("1"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := report.StoreFrequency(slices.Values(fx.records), tt.f)
			if diff := cmp.Diff(tt.want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("StoreFrequency(%+v) (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func TestCashbackCredits(t *testing.T) {
	fx := fixture(t)
	earned := at("2026-11-16", "15:30")
	// usage_limit_days 10: until the end of the 10th day after the sale.
	until := testkit.At(2026, 11, 26, 23, 59, 59)
	row := func(redeemed, reversed, expired, balance string, redemptions []report.Redemption, stores []string) report.CreditRow {
		return report.CreditRow{Credit: fx.credit, Campaign: "cafe-fidelidade", Customer: "tok-bia", Ticket: "t2", Store: "loja-1",
			EarnedAt: earned, ValidFrom: earned, ValidUntil: until,
			Earned: testkit.Dec("10.00"), Redeemed: testkit.Dec(redeemed), Reversed: testkit.Dec(reversed), Expired: testkit.Dec(expired), Balance: testkit.Dec(balance),
			Redemptions: redemptions, RedeemedAt: stores}
	}
	t5 := []report.Redemption{{Ticket: "t5", Store: "loja-2", Time: at("2026-11-23", "11:00"), Amount: testkit.Dec("4.00")}}
	tests := []struct {
		name string
		asOf time.Time
		f    report.Filter
		want []report.CreditRow
	}{
		{"before it was earned", at("2026-11-16", "12:00"), report.Filter{}, nil},
		{"before any redemption", at("2026-11-23", "10:00"), report.Filter{}, []report.CreditRow{row("0", "0", "0", "10.00", nil, nil)}},
		// 10,00 − 4,00 (t5) − 5,00 (r6's reversal) = 1,00.
		{"after the return", at("2026-11-25", "12:00"), report.Filter{}, []report.CreditRow{row("4.00", "5.00", "0", "1.00", t5, []string{"loja-2"})}},
		// After 26/11 23:59:59 the 1,00 left expired.
		{"after expiry", at("2026-11-30", "00:00"), report.Filter{}, []report.CreditRow{row("4.00", "5.00", "1.00", "0", t5, []string{"loja-2"})}},
		{"the customer's", at("2026-11-25", "12:00"), report.Filter{Customer: "tok-bia", Campaign: "cafe-fidelidade", Category: "fidelidade"},
			[]report.CreditRow{row("4.00", "5.00", "0", "1.00", t5, []string{"loja-2"})}},
		{"another customer", at("2026-11-25", "12:00"), report.Filter{Customer: "tok-ana"}, nil},
		// The filter's dates apply to the earning sale, not to t5.
		{"earned on 16/11", at("2026-11-25", "12:00"), report.Filter{From: date("2026-11-16"), To: date("2026-11-16")},
			[]report.CreditRow{row("4.00", "5.00", "0", "1.00", t5, []string{"loja-2"})}},
		{"earned later", at("2026-11-25", "12:00"), report.Filter{From: date("2026-11-17")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := report.CashbackCredits(slices.Values(fx.records), tt.asOf, tt.f)
			if diff := cmp.Diff(tt.want, got, testkit.EquateDecimals()); diff != "" {
				t.Errorf("CashbackCredits(%s, %+v) (-want +got):\n%s", tt.asOf, tt.f, diff)
			}
		})
	}
}

func TestDiscountsByKey(t *testing.T) {
	fx := fixture(t)
	got := report.DiscountsByKey(slices.Values(fx.records), report.Month, report.Filter{})
	want := []report.KeyRow{
		// t4: 10 % of 60,00 on its one line.
		{From: date("2026-11-01"), To: date("2026-11-30"), Key: "CHAVE-PACK10", Campaign: "pack-10", Sales: 1, Lines: 1, Discount: testkit.Dec("6.00")},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("DiscountsByKey (-want +got):\n%s", diff)
	}
	if got := report.DiscountsByKey(slices.Values(fx.records), report.Month, report.Filter{Customer: "tok-bia"}); len(got) != 0 {
		t.Errorf("DiscountsByKey for tok-bia = %+v, want no rows (t4 is tok-ana's)", got)
	}
}

func TestDiscountsByFunder(t *testing.T) {
	fx := fixture(t)
	got := report.DiscountsByFunder(slices.Values(fx.records), report.Month, report.Filter{})
	nov, novEnd := date("2026-11-01"), date("2026-11-30")
	want := []report.FunderRow{
		// t3's free unit, 8,00: 60 % is Unilever's, 4,80; 1 unit.
		{From: nov, To: novEnd, Funder: "Unilever", Campaign: "ind-sabao", Sales: 1, Units: 1, Amount: testkit.Dec("4.80")},
		// A sale-level discount counts the whole units of the lines it is
		// spread over: t1's 3 MEIA + 1 CAMISA = 4.
		{From: nov, To: novEnd, Funder: promo.FunderRetailer, Campaign: "acima-100", Sales: 1, Units: 4, Amount: testkit.Dec("11.00")},
		{From: nov, To: novEnd, Funder: promo.FunderRetailer, Campaign: "cashback/redemption", Sales: 1, Amount: testkit.Dec("4.00")},
		{From: nov, To: novEnd, Funder: promo.FunderRetailer, Campaign: "ind-sabao", Sales: 1, Units: 1, Amount: testkit.Dec("3.20")},
		// t1: 1 free unit, t5: 2.
		{From: nov, To: novEnd, Funder: promo.FunderRetailer, Campaign: "meias-3x2", Sales: 2, Units: 3, Amount: testkit.Dec("30.00")},
		// t4's 2 SHAMPOO.
		{From: nov, To: novEnd, Funder: promo.FunderRetailer, Campaign: "pack-10", Sales: 1, Units: 2, Amount: testkit.Dec("6.00")},
		{From: date("2026-12-01"), To: date("2026-12-31"), Funder: promo.FunderRetailer, Campaign: "meias-3x2", Sales: 1, Units: 1, Amount: testkit.Dec("10.00")},
	}
	if diff := cmp.Diff(want, got, testkit.EquateDecimals()); diff != "" {
		t.Errorf("DiscountsByFunder (-want +got):\n%s", diff)
	}
}

func TestPeriodSpan(t *testing.T) {
	tests := []struct {
		p        report.Period
		day      string
		from, to string
	}{
		{report.Day, "2026-11-18", "2026-11-18", "2026-11-18"},
		{report.Week, "2026-11-18", "2026-11-16", "2026-11-22"},  // Wednesday
		{report.Week, "2026-11-22", "2026-11-16", "2026-11-22"},  // Sunday ends the ISO week
		{report.Week, "2026-11-16", "2026-11-16", "2026-11-22"},  // Monday starts it
		{report.Week, "2027-01-01", "2026-12-28", "2027-01-03"},  // across the year
		{report.Month, "2028-02-10", "2028-02-01", "2028-02-29"}, // leap year
		{report.Month, "2026-12-31", "2026-12-01", "2026-12-31"},
	}
	for _, tt := range tests {
		from, to := tt.p.Span(date(tt.day))
		if got, want := [2]string{from.String(), to.String()}, [2]string{tt.from, tt.to}; got != want {
			t.Errorf("%v.Span(%s) = %v, want %v", tt.p, tt.day, got, want)
		}
	}
	if got := []string{report.Day.String(), report.Week.String(), report.Month.String(), report.Period(9).String()}; !slices.Equal(got, []string{"day", "week", "month", "Period(9)"}) {
		t.Errorf("Period names = %q", got)
	}
}

// TestLocalDate checks that a sale belongs to its own local date: 23:30
// in São Paulo on 30/11 is 02:30 UTC on 01/12, and stays in November.
func TestLocalDate(t *testing.T) {
	fx := fixture(t)
	late := fx.records[0]
	late.Cart.Time = at("2026-11-30", "23:30")
	got := report.Summarize(slices.Values([]report.Record{late}), report.Month, report.Filter{})
	if len(got.Totals) != 1 || got.Totals[0].From != date("2026-11-01") {
		t.Errorf("a sale at 30/11 23:30 -03:00 went to %+v, want November", got.Totals)
	}
	late.Cart.Time = late.Cart.Time.UTC()
	got = report.Summarize(slices.Values([]report.Record{late}), report.Month, report.Filter{})
	if len(got.Totals) != 1 || got.Totals[0].From != date("2026-12-01") {
		t.Errorf("the same instant recorded in UTC went to %+v, want December (the date of the time's own location)", got.Totals)
	}
}
