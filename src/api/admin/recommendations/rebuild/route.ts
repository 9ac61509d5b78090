import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { recommendationService, startRecommendationRebuild } from "../../../../utils/recommendations"
import type { AdminRebuildRecommendationsType } from "../validators"

/**
 * POST /admin/recommendations/rebuild — recomputes every model in the background and answers
 * 202 with the build; its progress is at GET /admin/recommendations/builds/:id. 409 while
 * another rebuild runs, with that build, so the dashboard can follow it instead.
 */
export async function POST(req: MedusaRequest<AdminRebuildRecommendationsType>, res: MedusaResponse) {
  const service = recommendationService(req.scope)
  let build: { id: string }
  try {
    ;({ build } = await startRecommendationRebuild(req.scope, {
      trigger: "admin",
      import_orders: req.validatedBody.import_orders,
    }))
  } catch (error) {
    // Answered here: Medusa's error handler replaces a CONFLICT's message with a generic one
    // about idempotency keys, which tells the merchant nothing about the running rebuild.
    if ((error as MedusaError | undefined)?.type === MedusaError.Types.CONFLICT) {
      const [running] = await service.listRecommendationBuilds({ status: "running" }, { order: { started_at: "DESC" }, take: 1 })
      res.status(409).json({ type: "conflict", message: (error as MedusaError).message, build: running ?? null })
      return
    }
    throw error
  }
  const [record] = await service.listRecommendationBuilds({ id: build.id })
  res.status(202).json({ build: record })
}
