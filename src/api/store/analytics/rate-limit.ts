import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../modules/analytics/service"

/**
 * At most `EMPORIUM_ANALYTICS_RATE_LIMIT` batches per minute per client IP (fixed one-minute
 * windows; shared by all processes through Redis when REDIS_URL is set): enough to stop one
 * browser or script from flooding the event store. Behind a proxy, Express' `trust proxy`
 * decides what `req.ip` is. Answers 429 with `Retry-After` (seconds until the window ends).
 */
export async function analyticsRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const analytics = req.scope.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
  const decision = await analytics.rateLimit(req.ip ?? req.socket.remoteAddress ?? "unknown")
  if (!decision || decision.allowed) {
    return next()
  }
  res.setHeader("Retry-After", String(decision.retryAfterSeconds))
  res.status(429).json({
    type: "too_many_requests",
    message: `too many analytics batches: at most ${analytics.rateLimitPerMinute} per minute, retry in ${decision.retryAfterSeconds} s`,
  })
}
