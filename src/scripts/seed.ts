import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isDemoStoreSeeded } from "./seed/already-seeded"
import { buildDemoCatalog } from "./seed/catalog"
import { createDemoCustomers, DEMO_CUSTOMERS } from "./seed/customers"
import { createDemoInventoryLevels, planStockLevels, wellStockedSkus } from "./seed/inventory"
import { planDemoOrders } from "./seed/order-plan"
import { backdateOrders, createDemoOrders } from "./seed/orders"
import { createDemoCategories, createDemoProducts, loadSeededVariants } from "./seed/products"
import {
  configureDemoStore,
  createDemoRegions,
  createDemoTaxRegions,
  ensureDefaultSalesChannel,
  ensureStorefrontApiKey,
} from "./seed/store-setup"
import { createDemoWarehouses, ensureDefaultShippingProfile } from "./seed/warehouses"
import { reconcileStockLedger } from "../utils/stock-ledger"
import { backfillAnalytics } from "../utils/analytics-backfill"
import { analyticsService, isAnalyticsEnabled } from "../utils/analytics-facts"
import { isRecommendationEnabled, recommendationService, startRecommendationRebuild } from "../utils/recommendations"

/**
 * Seeds the Emporium demo store: regions, warehouses and shipping, a
 * generated catalog with stock, customers and three months of orders.
 * Deterministic (seeded random) and safe to run twice: the second run
 * notices the first and does nothing.
 *
 *   npx medusa exec ./src/scripts/seed.ts
 */
export default async function seedDemoStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const startedAt = Date.now()

  if (await isDemoStoreSeeded(container)) {
    logger.info("demo store already seeded")
    return
  }

  logger.info("Seeding store, regions and storefront key...")
  const salesChannelId = await ensureDefaultSalesChannel(container)
  const regions = await createDemoRegions(container)
  const taxRegionCount = await createDemoTaxRegions(container)
  await ensureStorefrontApiKey(container, salesChannelId)

  logger.info("Seeding warehouses and shipping...")
  const shippingProfileId = await ensureDefaultShippingProfile(container)
  const warehouses = await createDemoWarehouses(container, { regions, salesChannelId, shippingProfileId })
  await configureDemoStore(container, {
    salesChannelId,
    regionId: regions.europe.id,
    locationId: warehouses.berlin.id,
  })

  logger.info("Seeding catalog...")
  const catalog = buildDemoCatalog()
  const categoryIds = await createDemoCategories(container, catalog.categories)
  const productCount = await createDemoProducts(container, catalog.products, {
    categoryIds,
    salesChannelId,
    shippingProfileId,
  })

  logger.info("Seeding stock...")
  const skus = catalog.products.flatMap((product) => product.variants.map((variant) => variant.sku))
  const variants = await loadSeededVariants(container, skus)
  const stockPlan = planStockLevels(skus)
  const inventoryLevelCount = await createDemoInventoryLevels(container, variants, warehouses, stockPlan)

  logger.info("Seeding customers and order history...")
  const customers = await createDemoCustomers(container)
  const orderPlan = planDemoOrders(DEMO_CUSTOMERS, wellStockedSkus(stockPlan))
  const orders = await createDemoOrders(container, orderPlan, {
    products: catalog.products,
    variants,
    customers,
    regions,
    warehouses,
    salesChannelId,
  })
  await backdateOrders(container, orders)

  // This process ends right after seeding, before its subscribers have seen every level event:
  // record the stock ledger (and the low-stock alerts) of the seeded levels now.
  logger.info("Recording the stock ledger and low-stock alerts...")
  await reconcileStockLedger(container)

  // The orders were backdated after their events fired: the sales reports read them now, with
  // their real (backdated) dates, so the analytics dashboard opens on three months of history.
  let analyticsFacts = "analytics off"
  if (isAnalyticsEnabled(container)) {
    logger.info("Importing the order history into the analytics reports...")
    const imported = await backfillAnalytics(container)
    await analyticsService(container).flush()
    analyticsFacts = `${imported.orders} orders and ${imported.registrations} registrations in the analytics reports`
  }

  // Same for the recommendation models: the demo orders' purchases (at their backdated times),
  // the catalogue's profiles, then every model, so product pages have lists from the first start.
  let recommendationModels = "recommendations off"
  if (isRecommendationEnabled(container)) {
    logger.info("Building the recommendation models from the order history...")
    const { wait } = await startRecommendationRebuild(container, { trigger: "seed", import_orders: true })
    await wait
    const counts = await recommendationService(container).counts()
    recommendationModels = `${counts.signals} purchases and ${counts.bought_together_pairs} bought-together pairs in the recommendation models`
  }

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  logger.info(
    `Demo store seeded in ${seconds}s: ${Object.keys(regions).length} regions, ${taxRegionCount} tax regions, ` +
      `${Object.keys(warehouses).length} stock locations, ${categoryIds.size} categories, ${productCount} products, ` +
      `${variants.length} variants, ${inventoryLevelCount} inventory levels, ${customers.length} customers, ` +
      `${orders.length} orders, ${analyticsFacts}, ${recommendationModels}`
  )
}
