package campaign

// The enumerated fields of a price markdown (Markdown).

// MarkdownBy is what a markdown's item keys are (Markdown.By).
type MarkdownBy string

// The markdown keys.
const (
	// MarkdownByCode: the keys are product codes.
	MarkdownByCode MarkdownBy = "code"
	// MarkdownBySKU: the keys are SKUs.
	MarkdownBySKU MarkdownBy = "sku"
	// MarkdownByReference: the keys are the line attribute "reference".
	MarkdownByReference MarkdownBy = "reference"
	// MarkdownByAll: a key matches the product code, the SKU or the
	// reference.
	MarkdownByAll MarkdownBy = "all"
)

// String returns the JSON spelling.
func (v MarkdownBy) String() string { return string(v) }

// Audience is whom a markdown is for (Markdown.Audience); empty is
// AudienceAll.
type Audience string

// The markdown audiences.
const (
	// AudienceAll is every customer, identified or not.
	AudienceAll Audience = "all"
	// AudienceRegistered is an identified customer.
	AudienceRegistered Audience = "registered"
	// AudienceLoyal is an identified customer with a loyalty tier.
	AudienceLoyal Audience = "loyal"
)

// String returns the JSON spelling.
func (v Audience) String() string { return string(v) }
