package campaign

// The enumerated fields of a Desconto Pack table (DiscountPack).

// PackStatus overrides the status a Desconto Pack table's dates give
// (situação, DiscountPack.Status); empty is PackCurrent.
type PackStatus string

// The Desconto Pack statuses.
const (
	// PackPending stops the table (pendente).
	PackPending PackStatus = "pending"
	// PackCurrent lets the dates decide (vigente).
	PackCurrent PackStatus = "current"
	// PackFinished stops the table (finalizada).
	PackFinished PackStatus = "finished"
)

// String returns the JSON spelling.
func (v PackStatus) String() string { return string(v) }

// PackOwner is who registered a Desconto Pack table (DiscountPack.Owner).
type PackOwner string

// The Desconto Pack owners.
const (
	// OwnerFranchisor is the franchisor (franqueadora); its coupon wins
	// over a store's with the same description.
	OwnerFranchisor PackOwner = "franchisor"
	// OwnerStore is a store's own table.
	OwnerStore PackOwner = "store"
)

// String returns the JSON spelling.
func (v PackOwner) String() string { return string(v) }

// PackStoreKind is the kind of a store taking part in a Desconto Pack
// table (PackStore.Kind).
type PackStoreKind string

// The kinds of participating store.
const (
	// PackStoreOwn is the retailer's own store (loja própria).
	PackStoreOwn PackStoreKind = "own"
	// PackStoreFranchise is a franchise (franquia).
	PackStoreFranchise PackStoreKind = "franchise"
)

// String returns the JSON spelling.
func (v PackStoreKind) String() string { return string(v) }

// PackAttribute is the product attribute a Desconto Pack requirement or
// prize is on (PackRequirement.Attribute, PackItemsPrize.Attribute).
type PackAttribute string

// The Desconto Pack attributes.
const (
	// AttributeLine is the product line (linha).
	AttributeLine PackAttribute = "line"
	// AttributeManufacturer is the manufacturer (fabricante).
	AttributeManufacturer PackAttribute = "manufacturer"
	// AttributeFamily is the family (família).
	AttributeFamily PackAttribute = "family"
	// AttributeProduct is the product code (produto).
	AttributeProduct PackAttribute = "product"
	// AttributeRole is the role (papel); prizes only.
	AttributeRole PackAttribute = "role"
)

// String returns the JSON spelling.
func (v PackAttribute) String() string { return string(v) }

// PrizeRule is which units a Desconto Pack items prize goes to
// (PackItemsPrize.Rule); empty is PrizeHighest.
type PrizeRule string

// The Desconto Pack prize rules.
const (
	// PrizeHighest gives it to the most expensive units (maior desconto).
	PrizeHighest PrizeRule = "highest"
	// PrizeLowest gives it to the cheapest units (menor desconto).
	PrizeLowest PrizeRule = "lowest"
)

// String returns the JSON spelling.
func (v PrizeRule) String() string { return string(v) }
