import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "../../../../modules/recommendation"
import type RecommendationModuleService from "../../../../modules/recommendation/service"
import { candidatePool, recommendedProducts } from "../hydrate"
import type { StorePersonalizedParamsType } from "../validators"

/**
 * GET /store/recommendations/me — for the logged-in customer (their own history only, never a
 * customer id from the query), or for a guest by the storefront's `anonymous_id`. A customer may
 * also pass the anonymous id they browsed with before logging in. Never cached by shared caches.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StorePersonalizedParamsType>, res: MedusaResponse) {
  const { anonymous_id: anonymousId, limit } = req.validatedQuery as StorePersonalizedParamsType
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  if (!customerId && !anonymousId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "anonymous_id is required unless a customer is logged in")
  }
  const service = req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
  const candidates = await service.recommend("personalized", {
    customer_id: customerId,
    anonymous_id: anonymousId ?? null,
    limit: candidatePool(limit),
  })
  const products = await recommendedProducts(req, candidates, limit)
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ type: "personalized", products, count: products.length, limit })
}
