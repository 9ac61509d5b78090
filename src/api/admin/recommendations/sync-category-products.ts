import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { beforeJsonAnswer } from "../../before-answer"
import { isRecommendationEnabled, recommendationService, syncProductProfiles } from "../../../utils/recommendations"

/**
 * POST /admin/product-categories/:id/products ({ add, remove }): Medusa links the products to
 * the category without emitting any event, so the catalogue subscriber never hears of it and
 * per-category trending would miss the products until the nightly rebuild. Once Medusa answered
 * 200, the profiles of the products added or removed are copied again, before the answer leaves.
 */
export function syncCategoryProductProfiles(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!isRecommendationEnabled(req.scope)) return next()
  const body = req.body as { add?: unknown; remove?: unknown } | undefined
  const listed = [body?.add, body?.remove].flatMap((ids) => (Array.isArray(ids) ? ids : []))
  const productIds = [...new Set(listed.filter((id): id is string => typeof id === "string" && id.length > 0))]
  if (!productIds.length) return next()
  beforeJsonAnswer(res, async () => {
    if (res.statusCode >= 400) return
    try {
      await syncProductProfiles(req.scope, productIds)
      recommendationService(req.scope).noteChange("catalogue")
    } catch (error) {
      // The link is made; the nightly rebuild copies the profiles if this failed.
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`recommendations: could not copy category changes: ${(error as Error).message}`)
    }
  })
  next()
}
