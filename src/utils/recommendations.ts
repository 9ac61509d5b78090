import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "../modules/recommendation"
import type { ProductProfile } from "../modules/recommendation/engine"
import type RecommendationModuleService from "../modules/recommendation/service"
import type { SignalInput } from "../modules/recommendation/signals"
import { eachPage } from "./each-page"

export function isRecommendationEnabled(container: MedusaContainer): boolean {
  return container.hasRegistration(RECOMMENDATION_MODULE)
}

export function recommendationService(container: MedusaContainer): RecommendationModuleService {
  return container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
}

const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "type_id",
  "collection_id",
  "metadata",
  "tags.value",
  "categories.id",
  "variants.prices.amount",
  "variants.prices.currency_code",
]

type CatalogueProduct = {
  id: string
  title: string | null
  subtitle: string | null
  description: string | null
  type_id: string | null
  collection_id: string | null
  metadata: Record<string, unknown> | null
  tags?: { value: string }[] | null
  categories?: { id: string }[] | null
  variants?: { prices?: { amount: number | string; currency_code: string }[] | null }[] | null
}

/**
 * What the models know of a product. The price band uses the cheapest price in the product's
 * most common currency; `metadata.replenishable` (true or "true") marks a product customers
 * buy again, which personalized lists then keep recommending after a purchase.
 */
export function toProfile(product: CatalogueProduct): ProductProfile {
  const prices = (product.variants ?? []).flatMap((v) => v.prices ?? [])
  const byCurrency = new Map<string, number[]>()
  for (const price of prices) {
    const list = byCurrency.get(price.currency_code) ?? []
    list.push(Number(price.amount))
    byCurrency.set(price.currency_code, list)
  }
  const [currency, amounts] = [...byCurrency.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? []
  const replenishable = product.metadata?.replenishable
  return {
    product_id: product.id,
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    type_id: product.type_id,
    collection_id: product.collection_id,
    tags: (product.tags ?? []).map((t) => t.value),
    category_ids: (product.categories ?? []).map((c) => c.id),
    price: currency && amounts?.length ? { currency_code: currency, amount: Math.min(...amounts) } : null,
    replenishable: replenishable === true || replenishable === "true",
  }
}

/** Copies these products' profiles into the module; ids no longer in the catalogue are removed. */
export async function syncProductProfiles(container: MedusaContainer, productIds: string[]): Promise<number> {
  if (!productIds.length) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: productIds } })
  const products = data as unknown as CatalogueProduct[]
  const service = recommendationService(container)
  await service.upsertProducts(products.map(toProfile))
  const found = new Set(products.map((p) => p.id))
  await service.removeProducts(productIds.filter((id) => !found.has(id)))
  return products.length
}

/** Every product, page by page; profiles of products that no longer exist are removed. */
export async function syncCatalogue(container: MedusaContainer): Promise<number> {
  const service = recommendationService(container)
  const seen = new Set<string>()
  await eachPage<CatalogueProduct>(container, "product", PRODUCT_FIELDS, {}, async (products) => {
    await service.upsertProducts(products.map(toProfile))
    products.forEach((p) => seen.add(p.id))
    return products.length
  })
  const gone = (await service.profiledProductIds()).filter((id) => !seen.has(id))
  await service.removeProducts(gone)
  return seen.size
}

type OrderWithItems = {
  id: string
  created_at: string | Date
  customer_id: string | null
  items?: { product_id: string | null }[] | null
}

/** An order's purchases as signals: one per product, keyed by order and product (idempotent). */
export function purchaseSignals(order: OrderWithItems): SignalInput[] {
  const products = new Set((order.items ?? []).map((i) => i.product_id).filter((id): id is string => !!id))
  return [...products].map((productId) => ({
    event_key: `purchase:${order.id}:${productId}`,
    kind: "purchase" as const,
    product_id: productId,
    customer_id: order.customer_id,
    order_id: order.id,
    occurred_at: order.created_at,
  }))
}

const ORDER_FIELDS = ["id", "created_at", "customer_id", "items.product_id"]

/** Records these orders' purchases now (an order placed shows in the lists within a second). */
export async function recordOrderPurchases(container: MedusaContainer, orderIds: string[]): Promise<number> {
  if (!orderIds.length) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
  const signals = (data as unknown as OrderWithItems[]).flatMap(purchaseSignals)
  const { inserted } = await recommendationService(container).recordNow(signals)
  return inserted
}

/**
 * Imports the purchases of every order (the history before the module was installed). Safe to
 * run again: a purchase already recorded is skipped by its key.
 */
export async function importOrderHistory(container: MedusaContainer): Promise<number> {
  return eachPage<OrderWithItems>(container, "order", ORDER_FIELDS, { is_draft_order: false }, async (orders) => {
    return (await recommendationService(container).recordNow(orders.flatMap(purchaseSignals))).inserted
  })
}

export type RebuildOptions = { trigger: string; import_orders?: boolean }

/**
 * Opens a build (409 while another runs) and returns it; the work goes on in the background
 * and its progress is on the build record. `wait` resolves when it is done.
 */
export async function startRecommendationRebuild(
  container: MedusaContainer,
  options: RebuildOptions
): Promise<{ build: { id: string }; wait: Promise<void> }> {
  const service = recommendationService(container)
  const build = await service.startBuild(options.trigger, { import_orders: options.import_orders })
  const wait = (async () => {
    try {
      if (options.import_orders) await importOrderHistory(container)
      await service.noteBuildProgress(build.id, "catalogue")
      await syncCatalogue(container)
      await service.rebuildModels(build.id)
    } catch (error) {
      container.resolve(ContainerRegistrationKeys.LOGGER).error(`recommendations: rebuild ${build.id} failed: ${(error as Error).message}`)
      await service.failBuild(build.id, error as Error).catch(() => undefined)
    }
  })()
  return { build, wait }
}
