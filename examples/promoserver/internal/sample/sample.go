// Package sample holds the ruleset the service loads on its first start
// and a generator of realistic carts for it, which the load generator and
// the benchmarks ring up.
package sample

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/promokit/promokit/promo"
)

// Ruleset is the sample ruleset: socks "leve 3 pague 2", coffee at a
// limited price, 10 % above R$ 200 once a week per customer, single-use
// welcome codes, 15 % off beans within a money budget (verba em reais: R$
// 300 in all, R$ 6 per customer), 5 % cashback above R$ 100, and a
// budgeted manufacturer's "compre 2, leve 3".
//
//go:embed ruleset.json
var Ruleset []byte

// BudgetedPromotion is the sample's budgeted industry promotion.
const BudgetedPromotion = "nestle-3x2"

type product struct {
	code, category, price string
	weighed               bool
}

var catalog = []product{
	{"MEI-ES", "vestuario/meias", "19.90", false},
	{"MEI-SP", "vestuario/meias", "24.90", false},
	{"CAFE-500", "mercearia/cafe", "18.90", false},
	{"NESCAU-400", "mercearia/achocolatado", "12.49", false},
	{"ARROZ-5", "mercearia/graos", "27.90", false},
	{"FEIJAO-1", "mercearia/graos", "8.79", false},
	{"AZEITE-500", "mercearia/oleos", "42.90", false},
	{"QJO-MUS", "frios/queijos", "59.00", true},
	{"PRES-FAT", "frios/presunto", "39.90", true},
	{"CAM-BAS", "vestuario/camisetas", "49.90", false},
}

// Day is the sample's sale day: the carts are rung up on it.
var Day = time.Date(2026, 11, 21, 8, 0, 0, 0, time.FixedZone("-03", -3*3600))

// Cart returns a realistic cart: 1 to 12 lines of the catalog, two thirds of
// them for one of customers identified customers, one in six with a
// welcome code, one in four saying the Desconto Pack coupon. Its id is id; the sale happens at Day plus n seconds.
func Cart(rng *rand.Rand, id string, n int, store string, customers int) promo.Cart {
	c := promo.Cart{ID: id, Time: Day.Add(time.Duration(n) * time.Second), Store: promo.Store{ID: store}}
	if customers > 0 && rng.IntN(3) > 0 {
		c.Customer = &promo.Customer{ID: fmt.Sprintf("cli-%04d", rng.IntN(customers))}
	}
	if rng.IntN(6) == 0 {
		c.PromoCodes = []string{fmt.Sprintf("BEMVINDO-%02d", 1+rng.IntN(20))}
	}
	if rng.IntN(4) == 0 {
		c.PromoCodes = append(c.PromoCodes, "MERCEARIA") // the Desconto Pack table's coupon
	}
	lines := 1 + rng.IntN(12)
	for i := range lines {
		p := catalog[rng.IntN(len(catalog))]
		q := decimal.NewFromInt(int64(1 + rng.IntN(4)))
		if p.weighed {
			q = decimal.New(int64(100+rng.IntN(1400)), -3)
		}
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprint(i + 1), ProductCode: p.code, Category: p.category,
			Quantity: q, Weighed: p.weighed, UnitPrice: decimal.RequireFromString(p.price)})
	}
	return c
}
