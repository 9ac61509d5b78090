import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationService } from "../../../../utils/recommendations"

/**
 * GET /admin/recommendations/status — how fresh and how big each model is: row counts, the
 * newest signal, the last builds (a running one shows its step), and the tuning in effect.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service = recommendationService(req.scope)
  const [counts, lastSignalAt, builds] = await Promise.all([
    service.counts(),
    service.lastSignalAt(),
    service.listRecommendationBuilds({}, { order: { started_at: "DESC" }, take: 10 }),
  ])
  res.json({
    counts,
    last_signal_at: lastSignalAt,
    running_build: builds.find((b) => b.status === "running") ?? null,
    last_build: builds.find((b) => b.status !== "running") ?? null,
    builds,
    settings: service.engine.settings,
  })
}
