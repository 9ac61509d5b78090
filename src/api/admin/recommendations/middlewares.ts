import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
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
]
