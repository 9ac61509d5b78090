import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { recommendationService } from "../../../../../utils/recommendations"

/** DELETE /admin/recommendations/rules/:id — removes a pin or an exclusion. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const service = recommendationService(req.scope)
  const [rule] = await service.listRecommendationRules({ id: req.params.id })
  if (!rule) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recommendation rule ${req.params.id} was not found`)
  }
  await service.deleteRecommendationRules(rule.id)
  service.noteChange("rules")
  res.json({ id: rule.id, object: "recommendation_rule", deleted: true })
}
