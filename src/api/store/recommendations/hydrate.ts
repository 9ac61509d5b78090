import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, getVariantAvailability, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { wrapProductsWithTaxPrices } from "@medusajs/medusa/api/store/products/helpers"
import {
  prepareInventoryQuantityFields,
  wrapVariantsWithInventoryQuantityForSalesChannel,
} from "@medusajs/medusa/api/utils/middlewares/index"
import { createHash } from "node:crypto"
import type { Candidate } from "../../../modules/recommendation/candidates"
import { STORE_CACHE_MODULE } from "../../../modules/store-cache"
import type StoreCacheModuleService from "../../../modules/store-cache/service"

type EligibilityRow = {
  id: string
  sales_channels?: { id: string }[] | null
  variants?: { id: string; manage_inventory: boolean | null; allow_backorder: boolean | null }[] | null
}

type StoreRequest = MedusaRequest & {
  pricingContext?: Record<string, unknown>
  taxContext?: Record<string, unknown>
}

/** The sales channels the request may see: those of its publishable key (set by filterByValidSalesChannels). */
function requestChannels(req: StoreRequest): string[] {
  const value = req.filterableFields?.sales_channel_id
  if (Array.isArray(value)) return value as string[]
  return typeof value === "string" ? [value] : []
}

/** Sold in one of the request's channels (a key without channels restricts nothing, as in Medusa). */
const soldIn = (product: EligibilityRow, channels: string[]) =>
  !channels.length || (product.sales_channels ?? []).some((sc) => channels.includes(sc.id))

/**
 * The product a list is anchored on must be one this storefront may show: published and in the
 * key's sales channels (stock does not matter, its page can still be open). Otherwise 404, the
 * answer GET /store/products/:id gives.
 */
export async function assertVisibleProduct(req: StoreRequest, productId: string): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const channels = requestChannels(req)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "sales_channels.id"],
    filters: { id: productId, status: "published" },
  })
  const product = data[0] as EligibilityRow | undefined
  if (!product || !soldIn(product, channels)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
  }
}

/**
 * Keeps the candidates a shopper can buy here, in order: published, sold in the request's sales
 * channel, and in stock there (a variant that is not inventory-managed, allows backorders, or
 * has stock available in the channel's locations).
 */
async function computeEligible(req: StoreRequest, ids: string[]): Promise<Set<string>> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const channels = requestChannels(req)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "sales_channels.id", "variants.id", "variants.manage_inventory", "variants.allow_backorder"],
    filters: { id: ids, status: "published" },
  })
  const rows = (data as unknown as EligibilityRow[]).filter((p) => soldIn(p, channels))
  const eligible = new Set<string>()
  const managed: string[] = []
  for (const product of rows) {
    const variants = product.variants ?? []
    if (variants.some((v) => !v.manage_inventory || v.allow_backorder)) {
      eligible.add(product.id)
    } else {
      managed.push(...variants.map((v) => v.id))
    }
  }
  if (managed.length) {
    const available = new Set<string>()
    // With no channel on the key Medusa could not compute availability either; nothing is in stock.
    for (const channel of channels) {
      const availability = await getVariantAvailability(query, { variant_ids: managed, sales_channel_id: channel })
      for (const [variantId, { availability: quantity }] of Object.entries(availability)) {
        if ((quantity ?? 0) > 0) available.add(variantId)
      }
    }
    for (const product of rows) {
      if ((product.variants ?? []).some((v) => available.has(v.id))) eligible.add(product.id)
    }
  }
  return eligible
}

export type RecommendedProduct = Record<string, unknown> & { recommendation: { score: number | null; reason: Candidate["reason"] } }

/**
 * The first `limit` eligible candidates as GET /store/products returns products (the `fields`
 * asked for, prices for the region, taxes, `inventory_quantity`), each with its score and reason.
 */
export async function recommendedProducts(req: StoreRequest, candidates: Candidate[], limit: number): Promise<RecommendedProduct[]> {
  if (!candidates.length) return []
  const parts = await partsCache(req)
  const eligible = await eligibleIds(req, parts, candidates.map((c) => c.product_id))
  const chosen = candidates.filter((c) => eligible.has(c.product_id)).slice(0, limit)
  if (!chosen.length) return []
  const byId = await storeProducts(req, parts, chosen.map((c) => c.product_id))
  return chosen
    .filter((c) => byId.has(c.product_id))
    .map((c) => ({ ...byId.get(c.product_id)!, recommendation: { score: c.score, reason: c.reason } }))
}

/**
 * Lists share their products: the same bestseller is in hundreds of product pages' lists. So
 * each product's eligibility and its /store/products rendering are kept in the store read
 * cache's storage, under the catalogue and stock generations (any product, price or stock change
 * makes them unreachable), keyed by everything the rendering depends on. Null when the cache is
 * off or its generation cannot be read: then everything is computed.
 */
type PartsCache = { cache: StoreCacheModuleService; generation: string } | null

async function partsCache(req: StoreRequest): Promise<PartsCache> {
  if (!req.scope.hasRegistration(STORE_CACHE_MODULE)) return null
  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  if (!cache.isEnabled()) return null
  const generation = await cache.currentGeneration(true)
  return generation === undefined ? null : { cache, generation }
}

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 24)

/** Cached part of `ids`, the rest computed by `compute` and stored; a cache failure only costs the computation. */
async function throughCache<T extends object>(
  parts: PartsCache,
  keyOf: (id: string) => string,
  ids: string[],
  compute: (missing: string[]) => Promise<Map<string, T>>
): Promise<Map<string, T>> {
  const found = new Map<string, T>()
  const cached = parts ? await parts.cache.lookupParts<T>(parts.generation, ids.map(keyOf)).catch(() => ids.map(() => undefined)) : []
  ids.forEach((id, i) => cached[i] !== undefined && found.set(id, cached[i]!))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    const computed = await compute(missing)
    computed.forEach((value, id) => found.set(id, value))
    if (parts) {
      void parts.cache
        .storeParts(parts.generation, [...computed].map(([id, data]) => ({ key: keyOf(id), data })))
        .catch(() => undefined)
    }
  }
  return found
}

async function eligibleIds(req: StoreRequest, parts: PartsCache, ids: string[]): Promise<Set<string>> {
  const channels = digest(requestChannels(req))
  const flags = await throughCache(parts, (id) => `rec-eligible:${channels}:${id}`, ids, async (missing) => {
    const eligible = await computeEligible(req, missing)
    return new Map(missing.map((id) => [id, { eligible: eligible.has(id) }]))
  })
  return new Set(ids.filter((id) => flags.get(id)?.eligible))
}

/** Products as GET /store/products renders them for this request's fields, prices, taxes and locale. */
async function storeProducts(req: StoreRequest, parts: PartsCache, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const locale = (req as MedusaRequest & { locale?: string }).locale
  const rendering = digest([req.queryConfig.fields, req.pricingContext ?? null, req.taxContext ?? null, locale ?? null, requestChannels(req)])
  return throughCache(parts, (id) => `rec-product:${rendering}:${id}`, ids, async (missing) => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { fields, withInventoryQuantity } = prepareInventoryQuantityFields(req.queryConfig.fields, { relation: "variants" })
    const context: Record<string, unknown> = {}
    if (req.pricingContext && Object.keys(req.pricingContext).length) {
      context.variants = { calculated_price: QueryContext(req.pricingContext) }
    }
    const { data } = await query.graph({ entity: "product", fields, filters: { id: missing }, context }, { locale })
    const products = data as Record<string, unknown>[]
    if (withInventoryQuantity) {
      await wrapVariantsWithInventoryQuantityForSalesChannel(
        req as never,
        products.flatMap((p) => (p.variants as { id: string }[] | undefined) ?? [])
      )
    }
    await wrapProductsWithTaxPrices(req as never, products as never)
    return new Map(products.map((p) => [p.id as string, p]))
  })
}

/** Candidates asked of a model: enough to survive the catalogue filters, and the pinned ones. */
export function candidatePool(limit: number): number {
  return Math.min(200, limit * 3 + 10)
}
