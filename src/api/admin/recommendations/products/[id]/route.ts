import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { RecommendationList } from "../../../../../modules/recommendation/models/recommendation-rule"
import { applyRules } from "../../../../../modules/recommendation/candidates"
import { recommendationService } from "../../../../../utils/recommendations"
import type { AdminProductRecommendationsQueryType } from "../../validators"

const PRODUCT_LISTS: RecommendationList[] = ["bought_together", "also_viewed", "similar"]

/**
 * GET /admin/recommendations/products/:id — what the product page's lists hold, for the admin
 * widget: each list as the model ranks it (score, reason) and with the merchant's rules applied,
 * with titles, and the rules themselves. Not filtered by stock or sales channel: the merchant
 * sees what the models think; the storefront sees what can be bought.
 */
export async function GET(req: MedusaRequest<unknown, AdminProductRecommendationsQueryType>, res: MedusaResponse) {
  const { limit } = req.validatedQuery as AdminProductRecommendationsQueryType
  const productId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: anchor } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productId } })
  if (!anchor.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
  }
  const service = recommendationService(req.scope)
  const lists = await Promise.all(
    PRODUCT_LISTS.map(async (list) => {
      const [model, rules] = await Promise.all([service.candidates(list, { product_id: productId, limit }), service.rulesFor(list, productId)])
      return { list, model, rules, shown: applyRules(model, rules, productId).slice(0, limit) }
    })
  )
  const ids = [...new Set(lists.flatMap((l) => [...l.model, ...l.shown].map((c) => c.product_id).concat(l.rules.map((r) => r.product_id))))]
  const { data: products } = ids.length
    ? await query.graph({ entity: "product", fields: ["id", "title", "thumbnail", "status"], filters: { id: ids } })
    : { data: [] }
  res.json({ product_id: productId, lists, products })
}
