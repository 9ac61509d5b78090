import type { RemoteQueryFunction } from "@medusajs/framework/types"

/**
 * The events that change what a product's search document holds, and how each one leads
 * back to the products it touched. Medusa's search-ingestion subscriber delivers them to the
 * Search Module in whichever process runs subscribers (a worker, or the shared process).
 */
const PRODUCT_IDS_BY_EVENT_PREFIX: Record<string, { entity: string; path: string } | "self"> = {
  "product.": "self",
  "product-variant.": { entity: "product_variant", path: "product_id" },
  "product-category.": { entity: "product_category", path: "products.id" },
  "product-collection.": { entity: "product_collection", path: "products.id" },
  "product-tag.": { entity: "product_tag", path: "products.id" },
  "product-type.": { entity: "product_type", path: "products.id" },
  "pricing.price.": { entity: "price", path: "price_set.variant.product_id" },
  "inventory-item.": { entity: "inventory_item", path: "variants.product_id" },
  "inventory-level.": { entity: "inventory_level", path: "inventory_item.variants.product_id" },
  "reservation-item.": { entity: "reservation_item", path: "inventory_item.variants.product_id" },
}

const ACTIONS = ["created", "updated", "deleted"]

export const PRODUCT_INDEX_EVENTS = Object.keys(PRODUCT_IDS_BY_EVENT_PREFIX).flatMap((prefix) =>
  ACTIONS.map((action) => `${prefix}${action}`)
)

/** Only a deleted product leaves the index; a deleted variant, price or level changes its product. */
export const isProductDeletion = (eventName: string) => eventName === "product.deleted"

function eventIds(data: unknown): string[] {
  const raw = (data as { id?: unknown } | undefined)?.id
  const ids = Array.isArray(raw) ? raw : [raw]
  return ids.filter((id): id is string => typeof id === "string" && id.length > 0)
}

/** Every value at a dotted path through objects and arrays. */
function valuesAt(row: unknown, path: string[]): unknown[] {
  if (!path.length) return [row]
  if (Array.isArray(row)) return row.flatMap((item) => valuesAt(item, path))
  if (row === null || typeof row !== "object") return []
  return valuesAt((row as Record<string, unknown>)[path[0]], path.slice(1))
}

export async function productIdsForEvent(eventName: string, data: unknown, query: RemoteQueryFunction): Promise<string[]> {
  const ids = eventIds(data)
  if (!ids.length) return []
  const prefix = Object.keys(PRODUCT_IDS_BY_EVENT_PREFIX).find((p) => eventName.startsWith(p))
  const route = prefix ? PRODUCT_IDS_BY_EVENT_PREFIX[prefix] : undefined
  if (!route) return []
  if (route === "self") return ids
  // Deleted rows are read too: a deleted variant or price still names the product it changed.
  const { data: rows } = await query.graph({
    entity: route.entity,
    fields: [route.path],
    filters: { id: ids },
    withDeleted: true,
  } as Parameters<RemoteQueryFunction["graph"]>[0])
  const productIds = valuesAt(rows, route.path.split(".")).filter((id): id is string => typeof id === "string")
  return [...new Set(productIds)]
}
