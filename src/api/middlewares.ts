import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { invalidateStoreCacheAfterWrite } from "./admin/invalidate-store-cache"
import { AdminAnalyticsBackfill, AdminAnalyticsReportQuery } from "./admin/analytics/validators"
import { AdminSetLowStockThreshold } from "./admin/inventory-items/[id]/low-stock-threshold/validators"
import { AdminGetLowStock } from "./admin/low-stock/validators"
import { AdminGetStockMovements } from "./admin/stock-movements/validators"
import { AdminGetStoreCache, AdminInvalidateStoreCache } from "./admin/store-cache/validators"
import { noteBatchStockAdjustment, noteStockAdjustment } from "./admin/inventory-items/note-stock-adjustment"
import { lineItemInCart } from "./guards/line-item-in-cart"
import { noteOrderCancel, noteReturnReceived } from "./admin/stock-intents"
import { orderBelongsToCustomer } from "./guards/order-belongs-to-customer"
import { paymentCollectionExists } from "./guards/payment-collection-exists"
import { StoreTrackAnalyticsEvents } from "./store/analytics/events/validators"
import { analyticsRateLimit } from "./store/analytics/rate-limit"
import { trackProductSearch } from "./store/analytics/track-product-search"
import { claimCheckoutStock } from "./store/carts/claim-checkout-stock"
import { noteCheckoutClient } from "./store/carts/note-checkout-client"
import { trackAddedToCart } from "./store/carts/track-added-to-cart"
import { recommendationMiddlewares } from "./store/recommendations/middlewares"
import { adminRecommendationMiddlewares } from "./admin/recommendations/middlewares"
import { storeReadCache } from "./store/read-cache"
import { StoreGetOrderStatus } from "./store/orders/[id]/status/validators"
import { StoreCreateOrderStatusToken } from "./store/orders/status-token/validators"
import { shippingQuoteMiddlewares } from "./store/shipping-quotes/middlewares"
import { storeSearchMiddlewares } from "./store/search/middlewares"
import { orderTrackingMiddlewares } from "./store/orders/tracking-middlewares"
import { transportHookMiddlewares } from "./hooks/transport/middlewares"
import { adminTransportMiddlewares } from "./admin/transport/middlewares"
import { adminFraudMiddlewares } from "./admin/fraud/middlewares"
import { adminSearchMiddlewares } from "./admin/search/middlewares"

const ANALYTICS_REPORTS = ["sales", "products", "categories", "funnel", "customers"]

export default defineMiddlewares({
  routes: [
    // No `method`: Medusa runs method-less middlewares before every route's own, so a cached
    // catalogue answer skips query validation and the pricing/tax context look-ups.
    // Search tracking first and on the same matcher (Medusa orders global middlewares by
    // matcher), so searches answered from the read cache are counted too.
    { matcher: "/store", middlewares: [trackProductSearch, storeReadCache] },
    { matcher: "/admin", middlewares: [invalidateStoreCacheAfterWrite] },
    ...ANALYTICS_REPORTS.map((report) => ({
      method: ["GET" as const],
      matcher: `/admin/analytics/${report}`,
      middlewares: [validateAndTransformQuery(AdminAnalyticsReportQuery, {})],
    })),
    {
      method: ["POST"],
      matcher: "/admin/analytics/backfill",
      middlewares: [validateAndTransformBody(AdminAnalyticsBackfill)],
    },
    {
      method: ["POST"],
      matcher: "/store/analytics/events",
      // Batches are small (≤ 100 events of ≤ 2 KB properties); anything larger is refused before parsing.
      bodyParser: { sizeLimit: "64kb" },
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        analyticsRateLimit,
        validateAndTransformBody(StoreTrackAnalyticsEvents),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/low-stock",
      middlewares: [validateAndTransformQuery(AdminGetLowStock, {})],
    },
    {
      method: ["POST"],
      matcher: "/admin/inventory-items/:id/low-stock-threshold",
      middlewares: [validateAndTransformBody(AdminSetLowStockThreshold)],
    },
    {
      method: ["GET"],
      matcher: "/admin/store-cache",
      middlewares: [validateAndTransformQuery(AdminGetStoreCache, {})],
    },
    {
      method: ["POST"],
      matcher: "/admin/store-cache/invalidate",
      middlewares: [validateAndTransformBody(AdminInvalidateStoreCache)],
    },
    {
      method: ["GET"],
      matcher: "/admin/stock-movements",
      middlewares: [validateAndTransformQuery(AdminGetStockMovements, {})],
    },
    {
      method: ["POST"],
      matcher: "/admin/inventory-items/:id/location-levels/:location_id",
      // Medusa authenticates /admin routes too; stating it here guarantees auth_context is set
      // before the note is taken, whatever order the two middleware stacks run in.
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), noteStockAdjustment],
    },
    {
      method: ["POST"],
      matcher: "/admin/orders/:id/cancel",
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), noteOrderCancel],
    },
    {
      method: ["POST"],
      matcher: "/admin/returns/:id/receive/confirm",
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), noteReturnReceived],
    },
    {
      method: ["POST"],
      // Stated apart from the `:location_id` matcher: Medusa sorts static paths first, so the
      // batch route would answer before a middleware on the parameterised path ever ran.
      matcher: "/admin/inventory-items/:id/location-levels/batch",
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), noteStockAdjustment],
    },
    {
      method: ["POST"],
      matcher: "/admin/inventory-items/location-levels/batch",
      middlewares: [authenticate("user", ["session", "bearer", "api-key"]), noteBatchStockAdjustment],
    },
    {
      method: ["GET"],
      matcher: "/store/orders/:id",
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        orderBelongsToCustomer,
      ],
    },
    {
      method: ["GET"],
      matcher: "/store/orders/:id/status",
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformQuery(StoreGetOrderStatus, {}),
      ],
    },
    {
      method: ["POST"],
      matcher: "/store/orders/status-token",
      middlewares: [validateAndTransformBody(StoreCreateOrderStatusToken)],
    },
    {
      method: ["POST"],
      matcher: "/store/payment-collections/:id/payment-sessions",
      middlewares: [paymentCollectionExists],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/complete",
      middlewares: [noteCheckoutClient, claimCheckoutStock],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/line-items",
      middlewares: [trackAddedToCart],
    },
    ...recommendationMiddlewares,
    ...adminRecommendationMiddlewares,
    ...shippingQuoteMiddlewares,
    ...storeSearchMiddlewares,
    ...orderTrackingMiddlewares,
    ...transportHookMiddlewares,
    ...adminTransportMiddlewares,
    ...adminFraudMiddlewares,
    ...adminSearchMiddlewares,
    {
      method: ["DELETE"],
      matcher: "/store/carts/:id/line-items/:line_id",
      middlewares: [lineItemInCart],
    },
  ],
})
