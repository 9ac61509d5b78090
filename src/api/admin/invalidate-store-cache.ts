import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_CACHE_MODULE } from "../../modules/store-cache"
import type StoreCacheModuleService from "../../modules/store-cache/service"
import { beforeJsonAnswer } from "../before-answer"

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/**
 * After any successful admin write, invalidates the store read cache *before* the answer goes
 * out, so a merchant who saved a price and then opens the storefront sees the new price.
 * Events invalidate too, but some admin writes emit none (linking products to a sales channel
 * dismisses links without an event), and an event's invalidation is not ordered with the
 * admin's answer.
 */
export async function invalidateStoreCacheAfterWrite(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (READ_METHODS.has(req.method)) return next()
  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  if (!cache.isEnabled()) return next()

  beforeJsonAnswer(res, async () => {
    if (res.statusCode >= 400) return
    await cache
      .invalidate(`${req.method} ${req.baseUrl}${req.path}`)
      .catch((error: Error) => req.scope.resolve("logger").error(`[store-cache] invalidation failed: ${error.message}`))
  })
  return next()
}
