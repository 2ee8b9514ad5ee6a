package promo

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/br"
)

// Cart is one sale as the POS sees it before promotions: its lines and the
// context the rules look at. The library never reads the clock: Time is the
// sale's instant, in the store's location.
type Cart struct {
	// ID identifies the sale (ticket); event ids are derived from it.
	ID string `json:"id"`
	// Time is the instant of the sale, with its location.
	Time time.Time `json:"time"`
	// Store is where the sale happens.
	Store Store `json:"store"`
	// SaleCategory is the kind of operation (categoria de venda), such as
	// "venda_funcionario" or "venda_liquidacao"; empty for an ordinary sale.
	SaleCategory string `json:"sale_category,omitempty"`
	// Customer is the identified customer, nil for an anonymous sale.
	Customer *Customer `json:"customer,omitempty"`
	// Payments are the tenders (finalizadoras) of the sale.
	Payments []Payment `json:"payments,omitempty"`
	// PromoCodes are the promotional codes the customer presented.
	PromoCodes []string `json:"promo_codes,omitempty"`
	// AcceptedOffers are the ids of optional campaigns the operator accepted.
	AcceptedOffers []string `json:"accepted_offers,omitempty"`
	// Lines are the items sold, in the order of the receipt.
	Lines []Line `json:"lines"`
	// Freight is what the sale charges for delivery (frete), nil when it
	// charges none. Campaigns may discount it; its discounts are reported
	// apart from the lines' (Result.Freight), never in a line's vDesc.
	Freight *Freight `json:"freight,omitempty"`
	// Exchanges are items the customer returns in this sale (troca); their
	// value is credited against it. Each campaign says how it treats them.
	Exchanges []ExchangeItem `json:"exchanges,omitempty"`
	// Wallet is the customer's cashback credits, as the host keeps them;
	// Evaluate redeems from it and never changes it.
	Wallet []Credit `json:"wallet,omitempty"`
	// KeepCashback is the customer's choice to keep the wallet's credits
	// for later instead of redeeming them in this sale (acumular o
	// benefício ao invés de resgatá-lo): nothing is redeemed; what the
	// sale earns is earned as always.
	KeepCashback bool `json:"keep_cashback,omitempty"`
	// Professional is the CPF of the professional who scores the loyalty
	// points of the sale (Juntos Somos Mais); it need not be the buyer's.
	Professional br.TaxID `json:"professional,omitzero"`
	// History is the state across sales that the host keeps and passes in.
	History History `json:"history,omitzero"`
}

// StoreKind says whether a store is the retailer's own or a franchise.
// The zero value is StoreOwn.
type StoreKind uint8

const (
	// StoreOwn is a store of the retailer itself (loja própria).
	StoreOwn StoreKind = iota
	// StoreFranchise is a franchised store (franquia).
	StoreFranchise
)

// String returns "own" or "franchise".
func (k StoreKind) String() string {
	switch k {
	case StoreOwn:
		return "own"
	case StoreFranchise:
		return "franchise"
	}
	return fmt.Sprintf("StoreKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k StoreKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; empty text is StoreOwn.
func (k *StoreKind) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "own":
		*k = StoreOwn
	case "franchise":
		*k = StoreFranchise
	default:
		return fmt.Errorf("unknown store kind %q (want own or franchise)", b)
	}
	return nil
}

// Store is the shop where the sale happens.
type Store struct {
	ID   string    `json:"id"`
	Kind StoreKind `json:"kind,omitzero"`
}

// Sex is the customer's sex as registered. The zero value is SexUnknown.
type Sex uint8

const (
	// SexUnknown means not informed.
	SexUnknown Sex = iota
	// SexFemale is "F".
	SexFemale
	// SexMale is "M".
	SexMale
	// SexOther is any other registered value.
	SexOther
)

// String returns "", "female", "male" or "other".
func (s Sex) String() string {
	switch s {
	case SexUnknown:
		return ""
	case SexFemale:
		return "female"
	case SexMale:
		return "male"
	case SexOther:
		return "other"
	}
	return fmt.Sprintf("Sex(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Sex) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Sex) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*s = SexUnknown
	case "female":
		*s = SexFemale
	case "male":
		*s = SexMale
	case "other":
		*s = SexOther
	default:
		return fmt.Errorf("unknown sex %q (want female, male or other)", b)
	}
	return nil
}

// Customer is the identified customer of a sale.
type Customer struct {
	// ID is an opaque token the host gives the customer; events carry it
	// instead of the CPF or CNPJ.
	ID string `json:"id"`
	// TaxID is the customer's CPF or CNPJ, validated by its check digits.
	TaxID br.TaxID `json:"tax_id,omitzero"`
	// BirthDate is the date of birth, zero when unknown.
	BirthDate br.Date `json:"birth_date,omitzero"`
	// Sex is the registered sex.
	Sex Sex `json:"sex,omitzero"`
	// Tier is the customer's classification or loyalty category.
	Tier string `json:"tier,omitempty"`
	// Groupings are the customer groupings (agrupamentos) the customer belongs to.
	Groupings []string `json:"groupings,omitempty"`
	// LGPDConsent reports whether the customer accepted to receive campaign
	// benefits under the LGPD (aceite LGPD).
	LGPDConsent bool `json:"lgpd_consent,omitempty"`
	// UsesAgenda reports whether the customer uses the Conecta agenda.
	UsesAgenda bool `json:"uses_agenda,omitempty"`
	// Captured holds fields the POS captured from the customer at the sale,
	// by name: "name", "email", "phone", "address" (campo capturado). They
	// are compared by optional campaigns only and never copied to events.
	Captured map[string]string `json:"captured,omitempty"`
}

// Payment is one tender (finalizadora) of the sale.
type Payment struct {
	// Tender is the tender type as the retailer names it, such as "credit",
	// "debit", "pix" or "cash".
	Tender string `json:"tender"`
	// Amount is the value paid with it.
	Amount decimal.Decimal `json:"amount"`
	// BIN is the first digits of the card, when there is one.
	BIN string `json:"bin,omitempty"`
}

// Line is one item of the cart.
type Line struct {
	// ID identifies the line within the cart; ids are unique.
	ID string `json:"id"`
	// ProductCode is the retailer's product code (codigoproduto).
	ProductCode string `json:"product_code,omitempty"`
	// SKU is the stock-keeping unit (codigosku).
	SKU string `json:"sku,omitempty"`
	// EAN is the barcode (GTIN).
	EAN string `json:"ean,omitempty"`
	// NCM is the Mercosur tax classification.
	NCM string `json:"ncm,omitempty"`
	// Category is the category path, levels separated by "/", such as
	// "bebidas/cervejas". A rule on "bebidas" matches every level below it.
	Category string `json:"category,omitempty"`
	// Brand is the product's brand (marca).
	Brand string `json:"brand,omitempty"`
	// ProductLine is the product line (linha).
	ProductLine string `json:"line,omitempty"`
	// Manufacturer is the manufacturer (fabricante).
	Manufacturer string `json:"manufacturer,omitempty"`
	// Family is the product family (família).
	Family string `json:"family,omitempty"`
	// Role is the product's role (papel) in the retailer's assortment.
	Role string `json:"role,omitempty"`
	// Quantity is the quantity sold; a fractional quantity (0.735 kg) makes a
	// weighed line.
	Quantity decimal.Decimal `json:"quantity"`
	// Weighed marks a line sold by weight or measure even when its quantity
	// happens to be whole. Weighed lines take part in count-based promotions
	// through their value only.
	Weighed bool `json:"weighed,omitempty"`
	// UnitPrice is the price of one unit (or one kg) before promotions.
	UnitPrice decimal.Decimal `json:"unit_price"`
	// OriginalPrice is the unit price registered as original, when the host
	// has one (used by exchange handling).
	OriginalPrice decimal.NullDecimal `json:"original_price,omitzero"`
	// Attributes carries anything else the host knows of the item.
	Attributes map[string]string `json:"attributes,omitempty"`
}

// Countable reports whether the line takes part in count-based promotions
// with whole units: it is not weighed and its quantity is whole.
func (l *Line) Countable() bool {
	return !l.Weighed && l.Quantity.IsInteger()
}

// History is the state across sales that the host keeps and passes in; the
// library never remembers anything between calls.
type History struct {
	// FirstPurchase reports whether this is the customer's first purchase.
	FirstPurchase bool `json:"first_purchase,omitempty"`
	// UsedCodes are the promotional codes already redeemed; a used code no
	// longer activates a campaign.
	UsedCodes []string `json:"used_codes,omitempty"`
	// Budgets are the promoted units still available per industry
	// promotion (the stock the manufacturer planned), by promotion id.
	Budgets map[string]decimal.Decimal `json:"budgets,omitempty"`
	// Counters are the limit counters the host keeps, by key: the sum of
	// the CounterDelta values of the activation events it stored. Keys the
	// cart does not list count as zero; Ruleset.CounterKeys says which keys
	// an evaluation may read.
	Counters map[string]decimal.Decimal `json:"counters,omitempty"`
}

// Freight is a sale's delivery charge (frete): deliveries and assisted
// sales (venda assistida) carry one.
type Freight struct {
	// Amount is what the delivery costs before any campaign.
	Amount decimal.Decimal `json:"amount"`
	// Method is the delivery method as the retailer names it ("entrega",
	// "motoboy", "transportadora"); a campaign may require one (condition
	// delivery_method).
	Method string `json:"method,omitempty"`
}

// ExchangeItem is an item returned in the sale (item de troca); its value,
// Quantity × UnitPrice rounded to cents, is credited against the sale.
type ExchangeItem struct {
	ID          string          `json:"id"`
	ProductCode string          `json:"product_code,omitempty"`
	Quantity    decimal.Decimal `json:"quantity"`
	UnitPrice   decimal.Decimal `json:"unit_price"`
}

// CreditTerms are the redemption terms a cashback credit carries from the
// campaign that earned it.
type CreditTerms struct {
	// MinPurchase is the minimum sale value to redeem (valor mínimo para
	// resgate).
	MinPurchase decimal.Decimal `json:"min_purchase,omitzero"`
	// MaxRedeemPercent caps what one sale may redeem, as a percent of the
	// sale (limite de resgate); zero means no cap.
	MaxRedeemPercent decimal.Decimal `json:"max_redeem_percent,omitzero"`
	// ReviewRequired allows redemption only once the customer answered the
	// review survey (review bonificado).
	ReviewRequired bool `json:"review_required,omitempty"`
	// UseAveragePrice spreads a redemption over the units equally (by the
	// items' average price) instead of by value.
	UseAveragePrice bool `json:"use_average_price,omitempty"`
}

// Credit is one cashback credit of the customer's wallet.
type Credit struct {
	// ID identifies the credit: the id of the cashback_earned event.
	ID string `json:"id"`
	// Campaign earned it.
	Campaign string `json:"campaign"`
	// Remaining is what is left to redeem.
	Remaining decimal.Decimal `json:"remaining"`
	// EarnedAt is when it was earned, Store where.
	EarnedAt time.Time `json:"earned_at"`
	Store    string    `json:"store,omitempty"`
	// AvailableFrom and ExpiresAt bound when it can be redeemed.
	AvailableFrom time.Time `json:"available_from"`
	ExpiresAt     time.Time `json:"expires_at,omitzero"`
	// ReviewAnswered reports whether the customer answered the review
	// survey, for credits whose terms require it.
	ReviewAnswered bool        `json:"review_answered,omitempty"`
	Terms          CreditTerms `json:"terms,omitzero"`
}
