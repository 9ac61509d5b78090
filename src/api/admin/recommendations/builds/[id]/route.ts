import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { recommendationService } from "../../../../../utils/recommendations"

/** GET /admin/recommendations/builds/:id — a rebuild's progress (step, steps_done/steps_total) or result. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const [build] = await recommendationService(req.scope).listRecommendationBuilds({ id: req.params.id })
  if (!build) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Recommendation build ${req.params.id} was not found`)
  }
  res.json({ build })
}
