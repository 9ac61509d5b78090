import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_CACHE_MODULE } from "../../../../modules/store-cache"
import type StoreCacheModuleService from "../../../../modules/store-cache/service"
import type { AdminInvalidateStoreCacheType } from "../validators"

/**
 * POST /admin/store-cache/invalidate — empties the store read cache now, in every process. For
 * changes Emporium cannot see: SQL run against the database, a restored dump, an import that
 * bypassed Medusa's modules.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminInvalidateStoreCacheType>, res: MedusaResponse) {
  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  const reason = req.validatedBody.reason ?? "cleared from the admin"
  await cache.invalidate(`${reason} (user ${req.auth_context.actor_id})`)
  res.json({ store_cache: await cache.stats() })
}
