package cashback

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/money"
	"github.com/promokit/promokit/promo"
)

// Mode says how redeemed cashback enters the sale: as a discount spread over
// the lines (it lowers each item's NFC-e vProd - vDesc, and so the tax
// base) or as a tender (NFC-e tPag 19, the items keep their value).
type Mode uint8

const (
	// AsDiscount spreads the redemption over the lines as adjustments.
	AsDiscount Mode = iota
	// AsTender adds a tender with NFC-e payment code 19.
	AsTender
)

// String returns "discount" or "tender".
func (m Mode) String() string {
	if m == AsTender {
		return "tender"
	}
	return "discount"
}

// ParseMode parses "discount" or "tender"; "" is AsDiscount.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "", "discount":
		return AsDiscount, nil
	case "tender":
		return AsTender, nil
	}
	return AsDiscount, fmt.Errorf("unknown cashback redemption %q (want discount or tender)", s)
}

// RedeemerID is the id of the wallet's redemption promotion.
const RedeemerID = "cashback/redemption"

// ReasonCashbackRedeemed notes what the wallet redeemed.
const ReasonCashbackRedeemed promo.ReasonCode = "cashback_redeemed"

// ReasonNothingToRedeem means the wallet has no credit this sale can use; the
// message says why for each credit.
const ReasonNothingToRedeem promo.ReasonCode = "nothing_to_redeem"

// ReasonCashbackKept means the customer chose to keep the credits for later
// (Cart.KeepCashback): nothing is redeemed.
const ReasonCashbackKept promo.ReasonCode = "cashback_kept"

// Redeemer is the redemption-phase promotion of the customer's wallet:
// credits are used oldest expiry first, each under its own terms.
type Redeemer struct{ mode Mode }

// NewRedeemer returns the wallet's redemption promotion.
func NewRedeemer(m Mode) *Redeemer { return &Redeemer{mode: m} }

// Info describes the redeemer.
func (r *Redeemer) Info() promo.Info {
	return promo.Info{ID: RedeemerID, Name: "Resgate de cashback", Phase: promo.PhaseRedemption, Program: true}
}

// Keys makes the redeemer look at every cart.
func (r *Redeemer) Keys() promo.Keys { return promo.Keys{CartWide: true} }

// usable orders a wallet: expiring first (no expiry last), then earned
// first, then by id.
func usable(w []promo.Credit) []promo.Credit {
	out := slices.Clone(w)
	slices.SortStableFunc(out, func(a, b promo.Credit) int {
		if az, bz := a.ExpiresAt.IsZero(), b.ExpiresAt.IsZero(); az != bz {
			if az {
				return 1
			}
			return -1
		}
		return cmp.Or(a.ExpiresAt.Compare(b.ExpiresAt), a.EarnedAt.Compare(b.EarnedAt), strings.Compare(a.ID, b.ID))
	})
	return out
}

// Apply redeems what the wallet allows. The sale's value is what its lines
// cost after every discount; each credit needs that value to reach its
// minimum purchase, and each credit's cap limits the sale's whole
// redemption (what earlier credits took counts).
func (r *Redeemer) Apply(v *promo.View) promo.Proposal {
	c := v.Cart()
	if len(c.Wallet) == 0 {
		p := promo.NotEligible(promo.Reason{Code: ReasonNothingToRedeem,
			PT: "sem carteira de cashback", EN: "no cashback wallet"})
		p.Quiet = true
		return p
	}
	if c.KeepCashback {
		return promo.NotEligible(promo.Reason{Code: ReasonCashbackKept,
			PT: "o cliente preferiu acumular o cashback em vez de resgatá-lo nesta venda",
			EN: "the customer chose to keep the cashback instead of redeeming it in this sale"})
	}
	all := make([]int, v.Len())
	exchange := decimal.Zero
	for i := range all {
		all[i] = i
		exchange = exchange.Add(v.ExchangeShare(i))
	}
	// What the customer still owes: the lines after every discount, less
	// the exchange credit. Cashback never pays more than that.
	sale := decimal.Max(decimal.Zero, v.Total(all).Sub(exchange))
	var p promo.Proposal
	takes, redeemed, why := takeCredits(c, sale)
	if redeemed.Sign() <= 0 {
		msg := "nenhum crédito utilizável"
		if len(why) > 0 {
			msg += ": " + strings.Join(why, "; ")
		}
		return promo.NotEligible(promo.Reason{Code: ReasonNothingToRedeem, PT: msg, EN: "no usable credit"})
	}
	for _, tk := range takes {
		p.Events = append(p.Events, promo.Event{Kind: promo.EventCashbackRedeemed, Credit: tk.credit.ID, Amount: tk.amount, Store: c.Store.ID})
	}
	p.Eligible, p.Occurrences = true, 1
	p.Reasons = append(p.Reasons, promo.Reason{Code: ReasonCashbackRedeemed,
		PT: "cashback resgatado: R$ " + money.Format(redeemed),
		EN: "cashback redeemed: R$ " + redeemed.StringFixed(2)})
	if r.mode == AsTender {
		p.RecordOnly = true
		p.Tenders = []promo.Tender{{Kind: "cashback", NFCeCode: "19", Amount: redeemed}}
		return p
	}
	spreadTakes(&p, v, all, takes)
	return p
}

// take is what the sale redeems of one credit.
type take struct {
	credit promo.Credit
	amount decimal.Decimal
}

// takeCredits redeems the cart's usable credits, in the order usable
// gives, within what the customer owes (sale) and each credit's cap; it
// returns what each gives, their sum, and why the others give nothing.
func takeCredits(c *promo.Cart, sale decimal.Decimal) (takes []take, redeemed decimal.Decimal, why []string) {
	redeemed = decimal.Zero
	for _, cr := range usable(c.Wallet) {
		if cr.Remaining.Sign() <= 0 {
			continue
		}
		if w := unusableNow(cr, c.Time, sale); w != "" {
			why = append(why, cr.ID+": "+w)
			continue
		}
		room := sale.Sub(redeemed)
		if pct := cr.Terms.MaxRedeemPercent; pct.Sign() > 0 {
			capAmount := sale.Mul(pct).DivRound(decimal.NewFromInt(100), 12).Truncate(money.CentPlaces)
			room = decimal.Min(room, capAmount.Sub(redeemed))
		}
		amount := decimal.Min(room, cr.Remaining).Truncate(money.CentPlaces)
		if amount.Sign() <= 0 {
			why = append(why, cr.ID+": limite de resgate da venda atingido")
			continue
		}
		redeemed = redeemed.Add(amount)
		takes = append(takes, take{cr, amount})
	}
	return takes, redeemed, why
}

// unusableNow says why a credit with a balance cannot be redeemed at t in
// a sale of the value sale; "" when it can.
func unusableNow(cr promo.Credit, t time.Time, sale decimal.Decimal) string {
	switch {
	case t.Before(cr.AvailableFrom):
		return "disponível a partir de " + cr.AvailableFrom.In(t.Location()).Format("02/01/2006 15:04")
	case !cr.ExpiresAt.IsZero() && t.After(cr.ExpiresAt):
		return "expirado"
	case cr.Terms.ReviewRequired && !cr.ReviewAnswered:
		return "aguarda a resposta da pesquisa"
	case sale.LessThan(cr.Terms.MinPurchase):
		return "compra mínima de R$ " + money.Format(cr.Terms.MinPurchase)
	}
	return ""
}

// spreadTakes gives the redeemed credits as a discount on the lines
// (all, in cart order): each credit's amount spread by value, or by units
// when its terms use the items' average price.
func spreadTakes(p *promo.Proposal, v *promo.View, all []int, takes []take) {
	values := make([]decimal.Decimal, v.Len())
	for i := range values {
		values[i] = v.Value(i)
	}
	order := slices.Clone(all)
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(v.Rank(a), v.Rank(b)) })
	for _, tk := range takes {
		byValue := make([]decimal.Decimal, len(order))
		byUnits := make([]decimal.Decimal, len(order))
		for k, i := range order {
			if values[i].Sign() > 0 {
				byValue[k], byUnits[k] = values[i], v.Line(i).Quantity
			}
		}
		shares := promo.Apportion(tk.amount, byValue)
		if tk.credit.Terms.UseAveragePrice {
			// Equal per unit, unless a unit costs less than its share.
			even := promo.Apportion(tk.amount, byUnits)
			fits := true
			for k, i := range order {
				fits = fits && even[k].LessThanOrEqual(values[i])
			}
			if fits {
				shares = even
			}
		}
		for k, i := range order {
			if sh := shares[k]; sh.Sign() > 0 {
				values[i] = values[i].Sub(sh)
				p.Adjustments = append(p.Adjustments, promo.Proposed{Line: i, Kind: promo.CashbackRedemption, Amount: sh})
			}
		}
	}
}
