package funding

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Record is one promotion's funded discounts in one sale, as a
// manufacturer needs them for reimbursement (Scanntech: sales and promotion
// data sent upstream). Its JSON shape is stable.
type Record struct {
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

// Records returns one record per applied promotion funded by someone
// other than the retailer ([promo.FunderRetailer]), in the order the
// promotions applied, from the adjustments' shares ([promo.FundingShare]).
// It is pure: the host uploads the records as they are.
func Records(cart promo.Cart, res promo.Result) []Record {
	var out []Record
	for _, app := range res.Applied {
		rec := Record{Sale: res.CartID, Store: cart.Store.ID, Instant: cart.Time, Campaign: app.Campaign, Units: app.Units,
			Amount: decimal.Zero, FunderAmount: decimal.Zero, RetailerAmount: decimal.Zero}
		for _, l := range res.Lines {
			for _, a := range l.Adjustments {
				if a.Campaign == app.Campaign && a.FundedBy != promo.FunderRetailer {
					rec.add(a)
				}
			}
		}
		if rec.Funder != "" {
			out = append(out, rec)
		}
	}
	return out
}

// add adds a funded adjustment to the record: all of it to the funder
// when it has no shares, each share to its funder otherwise.
func (rec *Record) add(a promo.Adjustment) {
	rec.Funder = a.FundedBy
	rec.Amount = rec.Amount.Add(a.Amount)
	if len(a.Shares) == 0 {
		rec.FunderAmount = rec.FunderAmount.Add(a.Amount)
		return
	}
	for _, s := range a.Shares {
		if s.Funder == promo.FunderRetailer {
			rec.RetailerAmount = rec.RetailerAmount.Add(s.Amount)
		} else {
			rec.FunderAmount = rec.FunderAmount.Add(s.Amount)
		}
	}
}

// MarshalJSON writes the amounts with two decimals.
func (rec Record) MarshalJSON() ([]byte, error) {
	type plain Record
	return json.Marshal(struct {
		plain
		Amount         money.Fixed `json:"amount"`
		FunderAmount   money.Fixed `json:"funder_amount"`
		RetailerAmount money.Fixed `json:"retailer_amount"`
	}{plain(rec), money.Fixed(rec.Amount), money.Fixed(rec.FunderAmount), money.Fixed(rec.RetailerAmount)})
}
