import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../modules/analytics/service"

const WINDOW_MS = 60_000
/** Clients remembered at most; the oldest window is forgotten first. */
const MAX_CLIENTS = 50_000

type Window = { started: number; count: number }
const windows = new Map<string, Window>()

/**
 * Fixed one-minute window per client IP, in this process: enough to stop one browser or script
 * from flooding the event store. Behind a proxy, Express' `trust proxy` decides what `req.ip` is.
 * Answers 429 with `Retry-After` (seconds until the window ends).
 */
export function analyticsRateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const analytics = req.scope.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
  const limit = analytics.rateLimitPerMinute
  if (!limit) {
    return next()
  }
  const key = req.ip ?? req.socket.remoteAddress ?? "unknown"
  const now = Date.now()
  let window = windows.get(key)
  if (!window || now - window.started >= WINDOW_MS) {
    windows.delete(key)
    window = { started: now, count: 0 }
    windows.set(key, window)
    if (windows.size > MAX_CLIENTS) {
      windows.delete(windows.keys().next().value as string)
    }
  }
  window.count += 1
  if (window.count > limit) {
    const retryAfter = Math.ceil((window.started + WINDOW_MS - now) / 1000)
    res.setHeader("Retry-After", String(retryAfter))
    return res.status(429).json({
      type: "too_many_requests",
      message: `too many analytics batches: at most ${limit} per minute, retry in ${retryAfter} s`,
    })
  }
  next()
}
