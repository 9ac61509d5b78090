import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { syncCategoryProductProfiles } from "./sync-category-products"
import {
  AdminCreateRecommendationRule,
  AdminListRecommendationRules,
  AdminProductRecommendationsQuery,
  AdminRebuildRecommendations,
} from "./validators"

export const adminRecommendationMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/recommendations/rebuild", middlewares: [validateAndTransformBody(AdminRebuildRecommendations)] },
  { method: ["GET"], matcher: "/admin/recommendations/rules", middlewares: [validateAndTransformQuery(AdminListRecommendationRules, {})] },
  { method: ["POST"], matcher: "/admin/recommendations/rules", middlewares: [validateAndTransformBody(AdminCreateRecommendationRule)] },
  {
    method: ["GET"],
    matcher: "/admin/recommendations/products/:id",
    middlewares: [validateAndTransformQuery(AdminProductRecommendationsQuery, {})],
  },
  // Not a recommendation route: Medusa's category page links products without an event.
  { method: ["POST"], matcher: "/admin/product-categories/:id/products", middlewares: [syncCategoryProductProfiles] },
]
