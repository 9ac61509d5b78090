import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATION_MODULE } from "../../../../modules/recommendation"
import type RecommendationModuleService from "../../../../modules/recommendation/service"
import { candidatePool, recommendedProducts } from "../hydrate"
import type { StoreTrendingParamsType } from "../validators"

/**
 * GET /store/recommendations/trending?category_id=&limit=
 * What is popular now (views, carts and purchases, time-decayed), store-wide or within
 * categories. A category the storefront cannot see (unknown, inactive or internal) is a 404.
 */
export async function GET(req: MedusaRequest<unknown, StoreTrendingParamsType>, res: MedusaResponse) {
  const { category_id: categoryIds, limit } = req.validatedQuery as StoreTrendingParamsType
  if (categoryIds?.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_category",
      fields: ["id"],
      filters: { id: categoryIds, is_active: true, is_internal: false },
    })
    const found = new Set(data.map((c: { id: string }) => c.id))
    const missing = categoryIds.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product category not found: ${missing.join(", ")}`)
    }
  }
  const service = req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
  const candidates = await service.recommend("trending", { category_ids: categoryIds, limit: candidatePool(limit) })
  const products = await recommendedProducts(req, candidates, limit)
  res.json({ type: "trending", products, count: products.length, limit })
}
