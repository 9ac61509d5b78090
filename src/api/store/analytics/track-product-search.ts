import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../modules/analytics/service"
import { keySalesChannel } from "../publishable-key"

/** The store routes whose `q` is a shopper's product search. */
const SEARCH_PATHS = new Set(["/store/products", "/store/search/products"])

/**
 * Records `search_performed` (source `server`) for every answered `GET /store/products?q=…` and
 * `GET /store/search/products?q=…`,
 * including answers served by the store read cache: it runs before it, and records on `finish`
 * so a failed request is not counted. The storefront may send its own `search_performed` with
 * the visitor's ids; this one counts searches from any client.
 */
export function trackProductSearch(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const q = req.query.q
  if (req.method !== "GET" || typeof q !== "string" || !q.trim() || !SEARCH_PATHS.has(req.originalUrl.split("?")[0])) {
    return next()
  }
  if (!req.scope.hasRegistration(EMPORIUM_ANALYTICS_MODULE)) {
    return next()
  }
  const analytics = req.scope.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
  const salesChannelId = keySalesChannel(req) ?? null
  res.on("finish", () => {
    if (res.statusCode < 400) {
      analytics.track({
        name: "search_performed",
        source: "server",
        sales_channel_id: salesChannelId,
        properties: { query: q.trim().slice(0, 200) },
      })
    }
  })
  next()
}
