import { createHash } from "node:crypto"
import type { GenerationScope } from "./generation"

/**
 * What the store read cache may cache, what a cached answer depends on, and which events make
 * cached answers stale. Pure functions: the middleware and the module service apply them.
 */

/** Anonymous catalogue reads a storefront makes on every page. */
const CACHEABLE_PATHS: RegExp[] = [
  /^\/store\/products$/,
  /^\/store\/products\/[^/]+$/,
  /^\/store\/product-categories$/,
  /^\/store\/product-categories\/[^/]+$/,
  /^\/store\/collections$/,
  /^\/store\/collections\/[^/]+$/,
  /^\/store\/regions$/,
  /^\/store\/regions\/[^/]+$/,
  // Recommendation lists a product page or home page shows (not /me: it is per visitor).
  /^\/store\/recommendations\/products\/[^/]+$/,
  /^\/store\/recommendations\/trending$/,
]

/** Request headers that change a catalogue answer: the sales channels and the translation. */
export const VARYING_HEADERS = ["x-publishable-api-key", "x-medusa-locale"] as const

/** Sent on every cacheable route so shared caches key on what the answer depends on. */
export const VARY = ["Origin", ...VARYING_HEADERS, "Authorization", "Cookie"].join(", ")

export type ReadRequest = {
  method: string
  /** Path without the query string. */
  path: string
  /** The raw query string, without "?". */
  query: string
  header: (name: string) => string | undefined
  /** The customer Medusa's auth middleware recognised, if any. */
  actorId?: string
}

export function isCacheableRoute(method: string, path: string): boolean {
  return method === "GET" && CACHEABLE_PATHS.some((pattern) => pattern.test(path))
}

/**
 * A request that carries credentials may get customer-group prices or other per-customer
 * data: it is never served from, nor stored in, the shared cache, and never marked public.
 */
export function carriesCredentials(request: ReadRequest): boolean {
  if (request.actorId) return true
  if (request.header("authorization")) return true
  const cookie = request.header("cookie") ?? ""
  return /(?:^|;\s*)connect\.sid=/.test(cookie)
}

/**
 * The cache key: path, the query parameters sorted by name (their order does not change the
 * answer, the order of repeated values does), and the varying headers. Hashed, so a long
 * `fields=` list does not make a long key.
 */
export function requestKey(request: ReadRequest): string {
  const params = [...new URLSearchParams(request.query).entries()]
  const sorted = params
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry[0] < b.entry[0] ? -1 : a.entry[0] > b.entry[0] ? 1 : a.index - b.index))
    .map(({ entry }) => entry)
  const headers = VARYING_HEADERS.map((name) => [name, request.header(name) ?? ""])
  const descriptor = JSON.stringify([request.path, sorted, headers])
  return createHash("sha256").update(descriptor).digest("base64url")
}

/** A strong validator: the same bytes always get the same tag, different bytes never do. */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`
}

/** RFC 9110 If-None-Match: a list of entity tags or "*"; weak tags compare weakly. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === "*") return true
  const bare = etag.replace(/^W\//, "")
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare)
}

/**
 * Event name prefixes that never change a catalogue answer. Every other event (product,
 * pricing, inventory, reservation, region, sales channel, API key, tax, store, currency,
 * translation, and any event this list does not know) invalidates: an unknown event costs a
 * cache refill, a missed one would cost a wrong price.
 */
const UNRELATED_EVENT_PREFIXES = [
  "cart.",
  "order.",
  "order-edit.",
  "payment.",
  "payment-collection.",
  "fulfillment.",
  "shipping-option.",
  "auth.",
  "user.",
  "invite.",
  "customer.",
  "customer-group.",
  "notification.",
  "promotion.",
  "file.",
  "stock_hold.",
  "stock_ledger.",
  "inventory.low_stock",
  "inventory.out_of_stock",
  // Parcels, tracking and fraud verdicts: nothing the catalogue shows.
  "transport.",
  "fraud.",
  // The notifications plugin's messages, preferences, push subscriptions, back-in-stock requests.
  "notificationCenter.",
]

/**
 * Events of inventory levels and reservations: they change what is available, which only answers
 * that ask for stock show (`inventory_quantity`, `inventory_items…location_levels`). Module
 * events (`inventory.inventory-level.updated`) and workflow events (`inventory-level.updated`).
 */
const STOCK_EVENT_PREFIXES = ["inventory.inventory-level.", "inventory.reservation-item.", "inventory-level.", "reservation-item."]

/**
 * Link events are named `Link<Entity><Entity>.attached|detached` (LinkOrderCart.attached,
 * LinkProductSalesChannel.detached). Checkout attaches carts, orders and payment collections;
 * only a link to one of these catalogue entities can change a catalogue answer.
 */
const CATALOG_LINK_ENTITIES = ["Product", "Variant", "Price", "SalesChannel", "ApiKey", "Inventory", "StockLocation", "Region", "Tax", "Store", "Currency", "Translation"]

/** Which generation an event bumps: none, the stock one, or the catalogue one (everything). */
export function invalidationScope(eventName: string): GenerationScope | null {
  // The recommendation module announces model changes (throttled); only its lists depend on them.
  if (eventName.startsWith("recommendation.")) return "recommendations"
  if (/^Link[A-Z]/.test(eventName)) {
    const link = eventName.split(".")[0]
    return CATALOG_LINK_ENTITIES.some((entity) => link.includes(entity)) ? "catalog" : null
  }
  if (UNRELATED_EVENT_PREFIXES.some((prefix) => eventName.startsWith(prefix))) return null
  if (STOCK_EVENT_PREFIXES.some((prefix) => eventName.startsWith(prefix))) return "stock"
  return "catalog"
}

/**
 * How an answer depends on stock. Store product answers carry none by default; a storefront asks
 * for it through `fields`, and every such path names "inventory":
 * - "fresh": only `inventory_quantity` (what Medusa's Next.js starter asks for). The cached answer
 *   is kept through stock changes and its `inventory_quantity` values are recomputed on every hit
 *   with Medusa's own availability computation (one query), so stock is never stale.
 * - "generation": any other inventory path (`variants.inventory_items…location_levels`): the answer
 *   is cached under the stock generation too, which every level or reservation change bumps.
 * - "none": everything else, and categories, collections and regions, which never show stock.
 */
export type StockDependence = "none" | "fresh" | "generation"

export function stockDependence(request: Pick<ReadRequest, "path" | "query">): StockDependence {
  // Lists leave out products out of stock: any stock change may change them.
  if (isRecommendationList(request.path)) return "generation"
  if (!request.path.startsWith("/store/products")) return "none"
  const fields = new URLSearchParams(request.query).getAll("fields").join(",").toLowerCase()
  if (!fields.includes("inventory")) return "none"
  return fields.split("inventory_quantity").join("").includes("inventory") ? "generation" : "fresh"
}

/** A recommendation list: its answer depends on the recommendation models' generation too. */
export function isRecommendationList(path: string): boolean {
  return path.startsWith("/store/recommendations/")
}

/** `Cache-Control` for an anonymous catalogue answer a CDN may keep. */
export function publicCacheControl(maxAgeSeconds: number, staleWhileRevalidateSeconds: number): string {
  return `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`
}

/** `Cache-Control` for an answer that may hold one customer's data. */
export const PRIVATE_CACHE_CONTROL = "private, no-store"
