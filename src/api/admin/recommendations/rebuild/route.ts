import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startRecommendationRebuild } from "../../../../utils/recommendations"
import { recommendationService } from "../../../../utils/recommendations"
import type { AdminRebuildRecommendationsType } from "../validators"

/**
 * POST /admin/recommendations/rebuild — recomputes every model in the background and answers
 * 202 with the build; its progress is at GET /admin/recommendations/builds/:id. 409 while
 * another rebuild runs.
 */
export async function POST(req: MedusaRequest<AdminRebuildRecommendationsType>, res: MedusaResponse) {
  const { build } = await startRecommendationRebuild(req.scope, {
    trigger: "admin",
    import_orders: req.validatedBody.import_orders,
  })
  const [record] = await recommendationService(req.scope).listRecommendationBuilds({ id: build.id })
  res.status(202).json({ build: record })
}
