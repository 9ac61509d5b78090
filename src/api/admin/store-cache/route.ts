import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_CACHE_MODULE } from "../../../modules/store-cache"
import type StoreCacheModuleService from "../../../modules/store-cache/service"

/** GET /admin/store-cache — whether the store read cache is on, shared, and how it fares in this process. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  res.json({ store_cache: await cache.stats() })
}
