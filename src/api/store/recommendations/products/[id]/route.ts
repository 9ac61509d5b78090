import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RECOMMENDATION_MODULE } from "../../../../../modules/recommendation"
import type RecommendationModuleService from "../../../../../modules/recommendation/service"
import { assertVisibleProduct, candidatePool, recommendedProducts } from "../../hydrate"
import type { StoreProductRecommendationsParamsType } from "../../validators"

/**
 * GET /store/recommendations/products/:id?type=bought_together|also_viewed|similar&limit=
 * Products to show on a product page, in the shape of GET /store/products, each with
 * `recommendation: { score, reason }`. Anonymous answers are served by the store read cache.
 */
export async function GET(req: MedusaRequest<unknown, StoreProductRecommendationsParamsType>, res: MedusaResponse) {
  const { type, limit } = req.validatedQuery as StoreProductRecommendationsParamsType
  const productId = req.params.id
  await assertVisibleProduct(req, productId)
  const service = req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
  const candidates = await service.recommend(type, { product_id: productId, limit: candidatePool(limit) })
  const products = await recommendedProducts(req, candidates, limit)
  res.json({ type, product_id: productId, products, count: products.length, limit })
}
