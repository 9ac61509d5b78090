import {
  authenticate,
  clearFiltersByKey,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { listProductQueryConfig } from "@medusajs/medusa/api/store/products/query-config"
import {
  filterByValidSalesChannels,
  normalizeDataForContext,
  setPricingContext,
  setTaxContext,
} from "@medusajs/medusa/api/utils/middlewares/index"
import type { ZodTypeAny } from "@medusajs/framework/zod"
import { analyticsRateLimit } from "../analytics/rate-limit"
import { StoreRecommendationEvents } from "./events/validators"
import { StorePersonalizedParams, StoreProductRecommendationsParams, StoreTrendingParams } from "./validators"

/**
 * The chain GET /store/products runs, so a list's products have the same shape, prices, taxes
 * and sales-channel scoping: customer (optional), query validation with the products' field
 * defaults, the key's sales channels, then the pricing and tax context.
 */
const productListChain = (schema: ZodTypeAny) => [
  authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
  validateAndTransformQuery(schema as never, listProductQueryConfig),
  filterByValidSalesChannels(),
  normalizeDataForContext(),
  setPricingContext(),
  setTaxContext(),
  clearFiltersByKey(["region_id", "country_code", "province", "cart_id"]),
]

export const recommendationMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/recommendations/products/:id", middlewares: productListChain(StoreProductRecommendationsParams) },
  { method: ["GET"], matcher: "/store/recommendations/trending", middlewares: productListChain(StoreTrendingParams) },
  { method: ["GET"], matcher: "/store/recommendations/me", middlewares: productListChain(StorePersonalizedParams) },
  {
    method: ["POST"],
    matcher: "/store/recommendations/events",
    // Room for 100 events at the longest fields the validator accepts (~42 KB); anything larger
    // is refused before parsing. (32 KB refused valid batches of 64-character ids with a 413.)
    bodyParser: { sizeLimit: "64kb" },
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      analyticsRateLimit,
      validateAndTransformBody(StoreRecommendationEvents),
    ],
  },
]
