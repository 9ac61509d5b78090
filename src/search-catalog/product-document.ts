import { synonymsFor, type SynonymGroup } from "./synonyms"

/**
 * How a product becomes a search document: one flat record per product, so every provider
 * (Medusa's Postgres provider, the Meilisearch plugin) can filter, facet and sort on it
 * without joins at query time.
 */

/** The `query.graph` selection a product document is built from. */
export const PRODUCT_DOCUMENT_GRAPH_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "thumbnail",
  "status",
  "created_at",
  "updated_at",
  "deleted_at",
  "sales_channels.id",
  "type.value",
  "collection.id",
  "collection.title",
  "categories.id",
  "categories.name",
  "tags.value",
  "variants.sku",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.options.value",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.price_list_id",
  "variants.prices.rules_count",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

export type ProductDocument = {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string
  thumbnail: string | null
  status: string
  sales_channel_ids: string[]
  skus: string[]
  option_values: string[]
  categories: string[]
  category_ids: string[]
  collection: string | null
  collection_id: string | null
  tags: string[]
  type: string | null
  /**
   * Other terms of the synonym groups one of whose terms names the product (src/search-catalog/synonyms.ts).
   * Always set by `toProductDocument`; optional so documents written by hand (tests) may leave it out.
   */
  also_known_as?: string[]
  /** Lowest base price (no price list, no rules) per currency code, in the currency's main unit. */
  price: Record<string, number | null>
  /** Whether any variant can be bought now: not stock-managed, backorderable, or with stock left. */
  in_stock: boolean
  created_at: string
}

type Row = Record<string, any>

const present = <T>(values: (T | null | undefined)[]): T[] => values.filter((v): v is T => v !== null && v !== undefined && v !== "")
const unique = <T>(values: T[]): T[] => [...new Set(values)]

/** A variant's sellable units over all stock locations; null when its stock is not tracked. */
function availableUnits(variant: Row): number | null {
  if (!variant.manage_inventory || variant.allow_backorder) return null
  const links: Row[] = variant.inventory_items ?? []
  if (!links.length) return null
  let units = Infinity
  for (const link of links) {
    const levels: Row[] = link.inventory?.location_levels ?? []
    const free = levels.reduce((sum, level) => sum + Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0), 0)
    units = Math.min(units, Math.floor(free / Math.max(1, Number(link.required_quantity ?? 1))))
  }
  return units
}

function lowestBasePrice(variants: Row[], currency: string): number | null {
  let lowest: number | null = null
  for (const variant of variants) {
    for (const price of variant.prices ?? []) {
      // Price-list and rule-bound prices (customer groups, regions with their own price) are not
      // the shelf price; the index carries the price every shopper in that currency sees.
      if (price.currency_code !== currency || price.price_list_id || Number(price.rules_count ?? 0) > 0) continue
      const amount = Number(price.amount)
      if (Number.isFinite(amount) && (lowest === null || amount < lowest)) lowest = amount
    }
  }
  return lowest
}

/** `synonyms`: the synonym groups to expand (none: `also_known_as` stays empty). */
export function toProductDocument(product: Row, currencies: string[], synonyms: readonly SynonymGroup[] = []): ProductDocument {
  const variants: Row[] = product.variants ?? []
  const price: Record<string, number | null> = {}
  for (const currency of currencies) price[currency] = lowestBasePrice(variants, currency)
  const document: ProductDocument = {
    id: product.id,
    title: product.title ?? "",
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    handle: product.handle,
    thumbnail: product.thumbnail ?? null,
    status: product.status,
    sales_channel_ids: present<string>((product.sales_channels ?? []).map((c: Row) => c?.id)),
    skus: unique(present<string>(variants.map((v) => v.sku))),
    option_values: unique(present<string>(variants.flatMap((v) => (v.options ?? []).map((o: Row) => o?.value)))),
    categories: unique(present<string>((product.categories ?? []).map((c: Row) => c?.name))),
    category_ids: present<string>((product.categories ?? []).map((c: Row) => c?.id)),
    collection: product.collection?.title ?? null,
    collection_id: product.collection?.id ?? null,
    tags: unique(present<string>((product.tags ?? []).map((t: Row) => t?.value))),
    type: product.type?.value ?? null,
    price,
    in_stock: variants.some((variant) => {
      const units = availableUnits(variant)
      return units === null || units > 0
    }),
    created_at: new Date(product.created_at).toISOString(),
  }
  const named = [document.title, document.subtitle, ...document.categories, document.collection, ...document.tags, document.type]
  return { ...document, also_known_as: synonymsFor(named, synonyms) }
}
