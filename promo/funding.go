package promo

import (
	"time"

	"github.com/shopspring/decimal"
)

// FundingRecord is one promotion's funded discounts in one sale, as a
// manufacturer needs them for reimbursement (Scanntech: sales and promotion
// data sent upstream). Its JSON shape is stable.
type FundingRecord struct {
	Sale     string    `json:"sale"`
	Store    string    `json:"store"`
	Instant  time.Time `json:"instant"`
	Campaign string    `json:"campaign"`
	Funder   string    `json:"funder"`
	// Units is how many units got the promotion's benefit.
	Units int64 `json:"units"`
	// Amount is the promotion's whole discount; FunderAmount and
	// RetailerAmount split it exactly.
	Amount         decimal.Decimal `json:"amount"`
	FunderAmount   decimal.Decimal `json:"funder_amount"`
	RetailerAmount decimal.Decimal `json:"retailer_amount"`
}

// FundingRecords returns one record per applied promotion funded by
// someone other than the retailer, in the order the promotions applied. It
// is pure: the host uploads the records as they are.
func FundingRecords(cart Cart, res Result) []FundingRecord {
	var out []FundingRecord
	for _, app := range res.Applied {
		rec := FundingRecord{Sale: res.CartID, Store: cart.Store.ID, Instant: cart.Time, Campaign: app.Campaign, Units: app.Units,
			Amount: decimal.Zero, FunderAmount: decimal.Zero, RetailerAmount: decimal.Zero}
		for _, l := range res.Lines {
			for _, a := range l.Adjustments {
				if a.Campaign != app.Campaign || a.FundedBy == FunderRetailer {
					continue
				}
				rec.Funder = a.FundedBy
				rec.Amount = rec.Amount.Add(a.Amount)
				if len(a.Shares) == 0 {
					rec.FunderAmount = rec.FunderAmount.Add(a.Amount)
					continue
				}
				for _, s := range a.Shares {
					if s.Funder == FunderRetailer {
						rec.RetailerAmount = rec.RetailerAmount.Add(s.Amount)
					} else {
						rec.FunderAmount = rec.FunderAmount.Add(s.Amount)
					}
				}
			}
		}
		if rec.Funder != "" {
			out = append(out, rec)
		}
	}
	return out
}

// MarshalJSON writes the amounts with two decimals.
func (f FundingRecord) MarshalJSON() ([]byte, error) {
	type plain FundingRecord
	return jsonMarshal(struct {
		plain
		Amount         money `json:"amount"`
		FunderAmount   money `json:"funder_amount"`
		RetailerAmount money `json:"retailer_amount"`
	}{plain(f), money(f.Amount), money(f.FunderAmount), money(f.RetailerAmount)})
}
