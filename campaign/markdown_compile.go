package campaign

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/promokit/promokit/benefit"
	"github.com/promokit/promokit/cashback"
	"github.com/promokit/promokit/internal/bounds"
	"github.com/promokit/promokit/promo"
)

// markdowns compiles the markdowns in definition order; their ids must be
// unique among them and the campaigns' (campaignIDs). It returns the index
// markdowns compiles the markdowns in definition order; seen maps every
// promotion's id to its path.
func (c *compiler) markdowns(def Ruleset, loc *time.Location, seen map[string]string) (out []promo.Promotion) {
	for i := range def.Markdowns {
		if pr := c.markdown(fmt.Sprintf("markdowns[%d]", i), &def.Markdowns[i], loc, seen); pr != nil {
			out = append(out, pr)
		}
	}
	return out
}

// markdown compiles a markdown at path p.
func (c *compiler) markdown(p string, md *Markdown, loc *time.Location, seen map[string]string) promo.Promotion {
	before := len(c.problems)
	start, end := c.general(p, &md.General, loc, seen)
	stores := c.markdownStores(p, md)
	switch md.By {
	case MarkdownByCode, MarkdownBySKU, MarkdownByReference, MarkdownByAll:
	default:
		c.fail(p+".by", "want code, sku, reference or all, got %q", md.By)
	}
	switch md.Audience {
	case "", AudienceAll, AudienceRegistered, AudienceLoyal:
	default:
		c.fail(p+".audience", "want all, registered or loyal, got %q", md.Audience)
	}
	prices, keys := c.markdownItems(p, md.Items)
	c.markdownBounds(p, md)
	gift, cb := c.markdownExtras(p, md, prices, loc)
	if len(c.problems) > before {
		return nil
	}
	return &markdown{
		info: promo.Info{ID: md.ID, Name: md.Name, Description: md.Description, Type: "markdown",
			Phase: promo.PhaseMarkdown, Priority: md.Priority, Start: start, End: end},
		keys:   markdownKeys(md.By, keys),
		stores: stores, by: md.By, prices: prices, also: md.AlsoInPromotions, audience: md.Audience,
		minPrice: md.MinPrice, maxPrice: md.MaxPrice, minQuantity: md.MinQuantity, minValue: md.MinValue,
		gift: gift, cashback: cb,
	}
}

// markdownStores checks the stores a markdown applies in, listed or by a
// store grouping, and returns them; nil: every store.
func (c *compiler) markdownStores(p string, md *Markdown) []string {
	switch {
	case md.StoreGrouping != "" && md.Stores != nil:
		c.fail(p+".store_grouping", "give stores or store_grouping, not both")
	case md.StoreGrouping != "":
		if g := c.grouping(p+".store_grouping", md.StoreGrouping, "store"); g != nil {
			return slices.Clone(g.Members)
		}
	case md.Stores != nil:
		if len(md.Stores) == 0 {
			c.fail(p+".stores", "at least one store, or leave it out for every store")
		}
		return slices.Clone(md.Stores)
	}
	return nil
}

// markdownItems checks a markdown's items and returns their new prices by
// key, and the keys in definition order.
func (c *compiler) markdownItems(p string, items []MarkdownItem) (map[string]MarkdownItem, []string) {
	if len(items) == 0 {
		c.fail(p+".items", "at least one item is required")
	}
	prices := make(map[string]MarkdownItem, len(items))
	var keys []string
	for i, it := range items {
		ip := fmt.Sprintf("%s.items[%d]", p, i)
		k := strings.TrimSpace(it.Key)
		if k == "" {
			c.fail(ip+".key", "required")
		} else if _, dup := prices[k]; dup {
			c.fail(ip+".key", "duplicate key %q", k)
		}
		if it.ExtraPercent != nil {
			c.positive(ip+".extra_percent", *it.ExtraPercent, bounds.Percent)
		}
		c.amount(ip+".price", it.Price, bounds.UnitPrice)
		prices[k] = it
		keys = append(keys, k)
	}
	return prices, keys
}

// markdownBounds checks a markdown's price filter and its activation
// thresholds.
func (c *compiler) markdownBounds(p string, md *Markdown) {
	if md.MinPrice != nil {
		c.amount(p+".min_price", *md.MinPrice, bounds.UnitPrice)
	}
	if md.MaxPrice != nil && c.amount(p+".max_price", *md.MaxPrice, bounds.UnitPrice) &&
		md.MinPrice != nil && md.MaxPrice.LessThan(*md.MinPrice) {
		c.fail(p+".max_price", "must not be less than min_price")
	}
	if md.MinQuantity < 0 {
		c.fail(p+".min_quantity", "must not be negative")
	}
	if md.MinValue != nil {
		c.amount(p+".min_value", *md.MinValue, bounds.Money)
	}
}

// markdownExtras compiles a markdown's gift and cashback; a gift must not
// be one of the items it reprices (prices).
func (c *compiler) markdownExtras(p string, md *Markdown, prices map[string]MarkdownItem, loc *time.Location) (gift benefit.Benefit, cb *cashback.Settings) {
	x := md.Extras
	if x == nil {
		return nil, nil
	}
	if x.Gift == nil && x.Cashback == nil {
		c.fail(p+".extras", "give gift or cashback, or leave extras out")
	}
	if x.Gift != nil {
		c.gift(p+".extras.gift", x.Gift)
		for j, o := range x.Gift.Options {
			if _, named := prices[strings.TrimSpace(o)]; named && (md.By == MarkdownByCode || md.By == MarkdownByAll) {
				c.fail(fmt.Sprintf("%s.extras.gift.options[%d]", p, j), "product %q is one of the markdown's items: a gift is not repriced", o)
			}
		}
		gift = giftBenefit(x.Gift)
	}
	if x.Cashback != nil {
		cb = c.cashback(p+".extras.cashback", x.Cashback, loc)
	}
	return gift, cb
}

// markdownKeys indexes a markdown by its keys when they are product codes
// or SKUs; references are not indexed.
func markdownKeys(by MarkdownBy, keys []string) promo.Keys {
	switch by {
	case MarkdownByCode:
		return promo.Keys{ProductCodes: keys}
	case MarkdownBySKU:
		return promo.Keys{SKUs: keys}
	}
	return promo.Keys{CartWide: true} // references are not indexed
}
